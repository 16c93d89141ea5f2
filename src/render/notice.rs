//! A register as a notice in one language: an outline of headings, paragraphs, lists and
//! labelled fields, independent of Markdown or HTML. Texts from the `.reg` file stay data
//! ([`Inline::Text`], [`Block::UserText`]); the backends escape them.
//!
//! What the register does not say is said plainly ("the retention period is not stated"),
//! never filled in.

use fluent_bundle::FluentValue;

use super::l10n::Catalog;
use crate::resolve::model as m;
use crate::syntax::values::parse_date;

pub struct Document {
    pub lang: String,
    pub title: String,
    pub register: String,
    pub updated: Option<String>,
    /// Published although the register has errors: this banner opens the page, search
    /// engines are asked not to index it, and site generators see `draft`.
    pub draft: Option<String>,
    /// Whether the notice opens with its title as an H1; a site theme that prints the front
    /// matter's title itself wants it left out.
    pub title_heading: bool,
    pub blocks: Vec<Block>,
}

pub enum Block {
    /// A heading with a stable anchor (the same in every language).
    Heading {
        level: u8,
        anchor: String,
        text: String,
        /// The text's language when it is not the notice's (as for [`Block::UserText`]).
        lang: Option<String>,
    },
    Paragraph(Vec<Inline>),
    /// A text written in the `.reg` file: paragraphs split at blank lines, `- ` lines as a
    /// list; with its language when that is not the notice's (a missing translation shown
    /// in another language), so that the page can say so (`lang`).
    UserText(String, Option<String>),
    List(Vec<Vec<Inline>>),
    Fields(Vec<(String, Vec<Inline>)>),
}

pub enum Inline {
    Text(String),
    /// A link whose target is `http`, `https`, `mailto` or `tel` (validated when read).
    Link {
        text: String,
        href: String,
    },
}

fn text(s: impl Into<String>) -> Vec<Inline> {
    vec![Inline::Text(s.into())]
}

/// The text of `texts` in the tag `lang` (`sv-FI`), else in its language (`sv`), else in
/// English, else any: a missing translation is reported by `regc check` (L001); the notice
/// still shows what there is.
pub fn pick(texts: &m::Texts, lang: &str) -> Option<String> {
    let primary = lang.split('-').next().unwrap_or(lang);
    texts
        .get(lang)
        .or_else(|| texts.get(primary))
        .or_else(|| texts.get("en"))
        .or_else(|| texts.values().next())
        .cloned()
}

struct OutlineBuilder<'a> {
    doc: &'a m::Register,
    cat: &'a Catalog,
    lang: &'a str,
    blocks: Vec<Block>,
}

/// The notice of `doc` in the catalogue's language.
pub fn build(doc: &m::RegisterDoc, cat: &Catalog) -> Document {
    let r = &doc.register;
    let mut b = OutlineBuilder {
        doc: r,
        cat,
        lang: &cat.tag,
        blocks: Vec::new(),
    };
    // Without a title the notice is only "Privacy notice": the register's id is the
    // file's internal name, never a public one.
    let register_title = pick(&r.title, &cat.tag);
    let title = match &register_title {
        Some(t) => format!("{}: {t}", cat.get("notice-title")),
        None => cat.get("notice-title"),
    };
    b.intro(register_title.as_deref());
    b.summary();
    b.controller();
    b.people();
    b.purposes();
    b.commitments();
    b.data();
    b.recipients();
    b.transfers();
    b.retention();
    b.automated();
    b.security();
    b.rights();
    b.complaint();
    b.sections();
    b.updated();
    Document {
        lang: cat.tag.clone(),
        title,
        register: r.id.clone(),
        updated: r.updated.clone(),
        draft: None,
        title_heading: true,
        blocks: b.blocks,
    }
}

impl Document {
    /// Marks the notice as a draft, with the catalogue's banner saying why.
    pub fn mark_draft(&mut self, cat: &Catalog) {
        self.draft = Some(cat.get("draft-banner"));
    }
}

impl OutlineBuilder<'_> {
    fn t(&self, texts: &m::Texts) -> Option<String> {
        pick(texts, self.lang)
    }

    /// A text of the register as a block, marked with its language when it is shown in
    /// another language than the notice's.
    fn text_block(&self, texts: &m::Texts) -> Option<Block> {
        let text = self.t(texts)?;
        Some(Block::UserText(text, self.foreign(texts)))
    }

    /// The language a text is shown in, when it is not the notice's (its translation is
    /// missing): what `lang` says on the page.
    fn foreign(&self, texts: &m::Texts) -> Option<String> {
        let text = self.t(texts)?;
        let primary = self.lang.split('-').next().unwrap_or(self.lang);
        if texts
            .get(self.lang)
            .or_else(|| texts.get(primary))
            .is_some()
        {
            return None;
        }
        texts
            .iter()
            .find(|(_, t)| **t == text)
            .map(|(l, _)| l.clone())
    }

    fn heading(&mut self, anchor: &str, key: &str) {
        self.blocks.push(Block::Heading {
            lang: None,
            level: 2,
            anchor: anchor.into(),
            text: self.cat.get(key),
        });
    }

    fn para(&mut self, s: String) {
        self.blocks.push(Block::Paragraph(text(s)));
    }

    fn controller_name(&self) -> Option<String> {
        self.doc.controller.as_ref().and_then(|c| c.name.clone())
    }

    fn intro(&mut self, register_title: Option<&str>) {
        // Without a name, a sentence built around one would read "how not stated processes".
        let controller = self.controller_name();
        let register = register_title.map(str::to_string);
        let intro = match (controller, register) {
            (Some(c), Some(r)) => self.cat.fmt(
                "notice-intro",
                &[("controller", c.into()), ("register", r.into())],
            ),
            (Some(c), None) => self
                .cat
                .fmt("notice-intro-untitled", &[("controller", c.into())]),
            (None, Some(r)) => self
                .cat
                .fmt("notice-intro-unnamed", &[("register", r.into())]),
            (None, None) => self.cat.get("notice-intro-anonymous"),
        };
        self.para(intro);
    }

    fn summary(&mut self) {
        self.heading("summary", "summary-heading");
        let mut items = Vec::new();
        if let Some(c) = self.controller_name() {
            items.push(text(
                self.cat
                    .fmt("summary-controller", &[("controller", c.into())]),
            ));
        }
        let bases: Vec<String> = dedup(
            self.doc
                .purposes
                .iter()
                .flat_map(|p| &p.bases)
                .chain(&self.doc.bases)
                .filter_map(|b| self.t(&b.title)),
        );
        if !bases.is_empty() {
            let list = self.cat.list(&bases);
            items.push(text(
                self.cat.fmt("summary-bases", &[("bases", list.into())]),
            ));
        }
        let periods = dedup(
            self.doc
                .retention
                .iter()
                .chain(self.doc.purposes.iter().flat_map(|p| &p.retention))
                .map(|x| self.retention_phrase(x)),
        );
        if !periods.is_empty() {
            items.push(text(self.cat.fmt(
                "summary-retention",
                &[
                    ("count", FluentValue::from(periods.len())),
                    ("retention", periods.join("; ").into()),
                ],
            )));
        }
        match &self.doc.transfers {
            m::Stated::None => items.push(text(self.cat.get("summary-transfers-none"))),
            m::Stated::Listed(ts) => {
                let countries = dedup(
                    ts.iter()
                        .filter(|t| t.chapter_v)
                        .flat_map(|t| &t.countries)
                        .map(|c| self.country(c)),
                );
                if !countries.is_empty() {
                    let list = self.cat.list(&countries);
                    items.push(text(
                        self.cat
                            .fmt("summary-transfers", &[("countries", list.into())]),
                    ));
                }
            }
            m::Stated::NotStated => {}
        }
        let rights: Vec<String> = self
            .doc
            .rights
            .iter()
            .filter_map(|r| self.t(&r.title))
            .collect();
        if !rights.is_empty() {
            let list = self.cat.list(&dedup(rights.into_iter()));
            items.push(text(
                self.cat.fmt("summary-rights", &[("rights", list.into())]),
            ));
        }
        if let Some(a) = &self.doc.authority {
            let name = self.t(&a.title).unwrap_or_else(|| a.id.clone());
            items.push(text(
                self.cat
                    .fmt("summary-complaint", &[("authority", name.into())]),
            ));
        }
        self.blocks.push(Block::List(items));
    }

    fn country(&self, code: &str) -> String {
        self.cat.country(code)
    }

    fn contact_fields(
        &self,
        address: Option<&str>,
        email: Option<&str>,
        phone: Option<&str>,
        website: Option<&str>,
    ) -> Vec<(String, Vec<Inline>)> {
        let mut fields = Vec::new();
        if let Some(a) = address {
            // An address written on several lines reads as one, its lines joined by commas.
            let lines: Vec<&str> = a.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
            fields.push((self.cat.get("label-address"), text(lines.join(", "))));
        }
        if let Some(e) = email {
            fields.push((
                self.cat.get("label-email"),
                vec![Inline::Link {
                    text: e.into(),
                    href: format!("mailto:{e}"),
                }],
            ));
        }
        if let Some(p) = phone {
            let digits: String = p
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .collect();
            fields.push((
                self.cat.get("label-phone"),
                vec![Inline::Link {
                    text: p.into(),
                    href: format!("tel:{digits}"),
                }],
            ));
        }
        if let Some(w) = website {
            fields.push((
                self.cat.get("label-website"),
                vec![Inline::Link {
                    text: w.into(),
                    href: w.into(),
                }],
            ));
        }
        fields
    }

    fn controller(&mut self) {
        self.heading("controller", "heading-controller");
        let Some(c) = &self.doc.controller else {
            self.para(self.cat.get("gap-controller"));
            return;
        };
        let mut fields = vec![(
            self.cat.get("label-name"),
            text(c.name.clone().unwrap_or_else(|| self.cat.get("not-stated"))),
        )];
        if let Some(b) = &c.business_id {
            // Named as the country that issued it names it: a Finnish Y-tunnus is an
            // FO-nummer in Swedish, whatever the notice's region.
            let key = format!("business-id-{}", b.country);
            let label = if self.cat.has(&key) {
                self.cat.get(&key)
            } else {
                self.cat.get("label-business-id")
            };
            fields.push((label, text(b.id.clone())));
        }
        fields.extend(self.contact_fields(
            c.address.as_deref(),
            c.email.as_deref(),
            c.phone.as_deref(),
            c.website.as_deref(),
        ));
        self.blocks.push(Block::Fields(fields));
        if let Some(rep) = &c.representative {
            self.person("representative", "heading-representative", rep);
        }
        if !c.joint_controllers.is_empty() {
            self.blocks.push(Block::Heading {
                lang: None,
                level: 3,
                anchor: "joint-controllers".into(),
                text: self.cat.get("heading-joint-controllers"),
            });
            for j in &c.joint_controllers {
                self.para(j.name.clone().unwrap_or_else(|| self.cat.get("not-stated")));
                if let Some(block) = self.text_block(&j.essence) {
                    self.blocks.push(block);
                }
            }
        }
    }

    fn person(&mut self, anchor: &str, key: &str, p: &m::Person) {
        self.people_under(anchor, key, std::slice::from_ref(p));
    }

    /// One heading, then each person's name (or role) and contact details.
    fn people_under(&mut self, anchor: &str, key: &str, people: &[m::Person]) {
        self.blocks.push(Block::Heading {
            lang: None,
            level: 3,
            anchor: anchor.into(),
            text: self.cat.get(key),
        });
        for p in people {
            let fields = self.person_fields(p);
            self.blocks.push(Block::Fields(fields));
        }
    }

    fn person_fields(&self, p: &m::Person) -> Vec<(String, Vec<Inline>)> {
        let mut fields = Vec::new();
        // A person may be known only by a role ("the club's secretary"); never by the id.
        let shown = self.named(p.name.clone(), self.t(&p.role));
        fields.push((self.cat.get("label-name"), text(shown)));
        if let Some(o) = &p.organisation {
            fields.push((self.cat.get("label-organisation"), text(o.clone())));
        }
        fields.extend(self.contact_fields(
            p.address.as_deref(),
            p.email.as_deref(),
            p.phone.as_deref(),
            p.website.as_deref(),
        ));
        fields
    }

    fn people(&mut self) {
        if !self.doc.contacts.is_empty() {
            let contacts = self.doc.contacts.clone();
            self.people_under("contact", "heading-contact", &contacts);
        }
        if let Some(p) = &self.doc.dpo {
            self.person("dpo", "heading-dpo", p);
        }
    }

    fn article(&self, article: &Option<String>) -> String {
        article
            .as_ref()
            .map(|a| {
                format!(
                    " ({})",
                    self.cat
                        .fmt("label-article", &[("article", a.clone().into())])
                )
            })
            .unwrap_or_default()
    }

    /// The bases the register gives without saying which purpose each covers, when there
    /// are several (one is every basis-less purpose's own).
    fn register_bases(&self) -> Option<String> {
        if self.doc.bases.len() < 2 {
            return None;
        }
        let names: Vec<String> = self.doc.bases.iter().map(|b| self.fact_name(b)).collect();
        Some(names.join("; "))
    }

    /// A basis or condition as the notice names it: its title and its article.
    fn fact_name(&self, r: &m::Reference) -> String {
        format!(
            "{}{}",
            self.t(&r.title).unwrap_or_else(|| r.id.clone()),
            self.article(&r.article)
        )
    }

    fn purposes(&mut self) {
        self.heading("purposes", "heading-purposes");
        // The laws frame every purpose: said once, before them.
        if !self.doc.cites.is_empty() {
            let laws: Vec<String> = self
                .doc
                .cites
                .iter()
                .map(|l| {
                    let title = self.t(&l.title).unwrap_or_else(|| l.id.clone());
                    match &l.number {
                        Some(n) => format!("{title} ({n})"),
                        None => title,
                    }
                })
                .collect();
            let list = self.cat.list(&laws);
            self.para(self.cat.fmt("cites-text", &[("laws", list.into())]));
        }
        let purposes = self.doc.purposes.clone();
        // The register's interest, when no purpose took it as its own (with several bases
        // given for the register, the notice does not say which purpose it serves): said
        // before the purposes, so that it does not read as the last one's.
        let interest_shown = purposes.iter().any(|p| p.interest == self.doc.interest);
        if !interest_shown && let Some(i) = self.t(&self.doc.interest) {
            let fields = vec![(self.cat.get("label-interest"), text(i))];
            self.blocks.push(Block::Fields(fields));
        }
        if purposes.is_empty() {
            self.para(self.cat.get("gap-purposes"));
        }
        for (i, p) in purposes.iter().enumerate() {
            self.purpose(i + 1, p);
        }
    }

    /// A purpose's heading: its title, else its text when that is one short sentence
    /// (then said as the heading only), else "Purpose N"; with the language it is in when
    /// not the notice's.
    fn purpose_heading(&self, n: usize, p: &m::Purpose) -> (String, Option<String>, bool) {
        match (self.t(&p.title), self.t(&p.text)) {
            (Some(title), _) => (title, self.foreign(&p.title), false),
            (None, Some(t)) if is_short_sentence(&t) => (
                t.trim().trim_end_matches('.').to_string(),
                self.foreign(&p.text),
                true,
            ),
            (None, _) => (
                self.cat
                    .fmt("purpose-ordinal", &[("n", FluentValue::from(n))]),
                None,
                false,
            ),
        }
    }

    /// One purpose under its own heading: what it is, its basis, the data it uses, how
    /// long that is kept, and whether the data must be given.
    fn purpose(&mut self, n: usize, p: &m::Purpose) {
        let (heading, lang, text_is_heading) = self.purpose_heading(n, p);
        self.blocks.push(Block::Heading {
            lang,
            level: 3,
            anchor: format!("purpose-{}", p.id),
            text: heading,
        });
        if !text_is_heading && let Some(block) = self.text_block(&p.text) {
            self.blocks.push(block);
        }
        let mut fields = Vec::new();
        let bases: Vec<String> = p.bases.iter().map(|b| self.fact_name(b)).collect();
        let basis = match (bases.is_empty(), self.register_bases()) {
            (false, _) => bases.join("; "),
            (true, None) => self.cat.get("gap-basis"),
            (true, Some(listed)) => self.cat.fmt("basis-one-of", &[("bases", listed.into())]),
        };
        fields.push((self.cat.get("label-basis"), text(basis)));
        if let Some(i) = self.t(&p.interest) {
            fields.push((self.cat.get("label-interest"), text(i)));
        }
        for c in &p.conditions {
            fields.push((self.cat.get("label-condition"), text(self.fact_name(c))));
        }
        if let Some(method) = &p.consent {
            fields.push((
                self.cat.get("label-consent"),
                text(self.cat.get(&format!("consent-{method}"))),
            ));
        }
        if !p.data.is_empty() {
            let names: Vec<String> = p.data.iter().map(|id| self.data_name(id)).collect();
            fields.push((self.cat.get("label-data"), text(self.cat.list(&names))));
        }
        if !p.recipients.is_empty() {
            let names: Vec<String> = p
                .recipients
                .iter()
                .map(|x| self.recipient_name(x))
                .collect();
            fields.push((
                self.cat.get("label-recipients"),
                text(self.cat.list(&names)),
            ));
        }
        for x in &p.retention {
            fields.push((
                self.cat.get("heading-retention"),
                text(self.retention_phrase(x)),
            ));
        }
        if let Some(q) = &p.requirement {
            fields.extend(self.requirement_fields(q));
        }
        self.blocks.push(Block::Fields(fields));
    }

    /// A recipient as named where a purpose or a transfer refers to it.
    fn recipient_name(&self, x: &m::RecipientRef) -> String {
        self.recipient_called(&x.name, &x.title)
    }

    /// A recipient's name and title; "other recipient" when it has neither.
    fn recipient_called(&self, name: &Option<String>, title: &m::Texts) -> String {
        match (name.clone(), self.t(title)) {
            (None, None) => self.cat.get("recipient-untitled"),
            (name, title) => self.named(name, title),
        }
    }

    /// A data category by its id, as the register titles it.
    fn data_name(&self, id: &str) -> String {
        self.doc
            .data
            .iter()
            .find(|d| d.id == id)
            .and_then(|d| self.t(&d.title).or_else(|| self.t(&d.text)))
            .unwrap_or_else(|| id.to_string())
    }

    /// What the controller promises not to do: one sentence each, as listed.
    fn commitments(&mut self) {
        if self.doc.commitments.is_empty() {
            return;
        }
        self.heading("commitments", "heading-commitments");
        // Said of the controller by name, never "we" (docs/localization.md).
        let who = self
            .controller_name()
            .unwrap_or_else(|| self.cat.get("controller-generic"));
        let items = self
            .doc
            .commitments
            .iter()
            .map(|c| {
                let key = match c {
                    m::Commitment::NoSale => "commitment-no-sale",
                    m::Commitment::NoMarketingDisclosure => "commitment-no-marketing-disclosure",
                    m::Commitment::NoDirectMarketing => "commitment-no-direct-marketing",
                    m::Commitment::NoMarketResearch => "commitment-no-market-research",
                    m::Commitment::NoProfiling => "commitment-no-profiling",
                    m::Commitment::NoSpecialCategories => "commitment-no-special-categories",
                    m::Commitment::NoOtherRecipients => "commitment-no-other-recipients",
                };
                text(self.cat.fmt(key, &[("controller", who.clone().into())]))
            })
            .collect();
        self.blocks.push(Block::List(items));
    }

    /// How a person, recipient or source is shown: its name and, in brackets, what else
    /// says who it is; either alone; or "not stated", never the file's internal id.
    fn named(&self, main: Option<String>, detail: Option<String>) -> String {
        match (main, detail) {
            (Some(main), Some(detail)) => format!("{main} ({detail})"),
            (Some(one), None) | (None, Some(one)) => one,
            (None, None) => self.cat.get("not-stated"),
        }
    }

    /// Whether providing the data is required, and what follows if it is not given.
    fn requirement_fields(&self, q: &m::Requirement) -> Vec<(String, Vec<Inline>)> {
        let key = match q.kind {
            m::RequirementKind::Statutory => "requirement-statutory",
            m::RequirementKind::Contractual => "requirement-contractual",
            m::RequirementKind::ContractPrerequisite => "requirement-contract-prerequisite",
            m::RequirementKind::Voluntary => "requirement-voluntary",
        };
        let mut fields = vec![(self.cat.get("heading-requirement"), text(self.cat.get(key)))];
        if let Some(c) = self.t(&q.consequence) {
            fields.push((self.cat.get("requirement-consequence"), text(c)));
        }
        fields
    }

    fn data(&mut self) {
        self.heading("data", "heading-data");
        let items: Vec<Vec<Inline>> = self
            .doc
            .data
            .iter()
            .map(|d| {
                let title = self.t(&d.title).unwrap_or_else(|| d.id.clone());
                let kind = match d.kind {
                    m::DataKind::Special => format!(" ({})", self.cat.get("data-kind-special")),
                    m::DataKind::Criminal => format!(" ({})", self.cat.get("data-kind-criminal")),
                    m::DataKind::NationalId => {
                        format!(" ({})", self.cat.get("data-kind-national-id"))
                    }
                    m::DataKind::Ordinary => String::new(),
                };
                let optional = match d.optional {
                    true => format!(" ({})", self.cat.get("data-optional")),
                    false => String::new(),
                };
                described(format!("{title}{kind}{optional}"), self.t(&d.text))
            })
            .collect();
        if items.is_empty() {
            self.para(self.cat.get("not-stated"));
        } else {
            self.blocks.push(Block::List(items));
        }
        if let Some(q) = &self.doc.requirement {
            // Under a heading of its own: right after the data list it would read as data.
            self.blocks.push(Block::Heading {
                lang: None,
                level: 3,
                anchor: "requirement".into(),
                text: self.cat.get("heading-requirement"),
            });
            let fields = self.requirement_fields(q);
            self.blocks.push(Block::Fields(fields));
        }
        if !self.doc.subjects.is_empty() {
            self.blocks.push(Block::Heading {
                lang: None,
                level: 3,
                anchor: "subjects".into(),
                text: self.cat.get("heading-subjects"),
            });
            let items = self
                .doc
                .subjects
                .iter()
                .map(|s| {
                    described(
                        self.t(&s.title).unwrap_or_else(|| s.id.clone()),
                        self.t(&s.text),
                    )
                })
                .collect();
            self.blocks.push(Block::List(items));
        }
        self.blocks.push(Block::Heading {
            lang: None,
            level: 3,
            anchor: "sources".into(),
            text: self.cat.get("heading-sources"),
        });
        if self.doc.sources.is_empty() {
            self.para(self.cat.get("gap-sources"));
        } else {
            let items = self
                .doc
                .sources
                .iter()
                .map(|s| {
                    let title = self.named(self.t(&s.title), s.name.clone());
                    let mut item = described(title, self.t(&s.text));
                    if let Some(w) = &s.website {
                        // The space joins the text before it: a text of its own would
                        // be trimmed.
                        if let Some(Inline::Text(last)) = item.last_mut() {
                            last.push(' ');
                        }
                        item.push(Inline::Text("(".into()));
                        item.push(Inline::Link {
                            text: w.clone(),
                            href: w.clone(),
                        });
                        item.push(Inline::Text(")".into()));
                    }
                    item
                })
                .collect();
            self.blocks.push(Block::List(items));
        }
    }

    fn role(&self, role: m::RecipientRole) -> String {
        self.cat.get(match role {
            m::RecipientRole::Processor => "role-processor",
            m::RecipientRole::Controller => "role-controller",
            m::RecipientRole::JointController => "role-joint-controller",
            m::RecipientRole::Authority => "role-authority",
        })
    }

    fn recipients(&mut self) {
        self.heading("recipients", "heading-recipients");
        match &self.doc.recipients {
            m::Stated::NotStated => self.para(self.cat.get("gap-recipients")),
            m::Stated::None => self.para(self.cat.get("recipients-none")),
            m::Stated::Listed(list) => {
                let list = list.clone();
                for x in &list {
                    self.recipient(x);
                }
            }
        }
    }

    /// A recipient under its own heading (its name and title; never the file's internal
    /// id), then its role, countries and the register's words on it.
    fn recipient(&mut self, x: &m::Recipient) {
        let heading = self.recipient_called(&x.name, &x.title);
        let lang = if x.name.is_none() {
            self.foreign(&x.title)
        } else {
            None
        };
        self.blocks.push(Block::Heading {
            lang,
            level: 3,
            anchor: format!("recipient-{}", x.id),
            text: heading,
        });
        let mut fields = Vec::new();
        if !x.roles.is_empty() {
            // Several roles: it may act in any of them.
            let roles: Vec<String> = x.roles.iter().map(|r| self.role(*r)).collect();
            fields.push((self.cat.get("label-role"), text(self.cat.list_or(&roles))));
        }
        if !x.countries.is_empty() {
            let countries: Vec<String> = x.countries.iter().map(|c| self.country(c)).collect();
            fields.push((
                self.cat.get("label-countries"),
                text(self.cat.list(&countries)),
            ));
        }
        if !fields.is_empty() {
            self.blocks.push(Block::Fields(fields));
        }
        if let Some(block) = self.text_block(&x.text) {
            self.blocks.push(block);
        }
    }

    fn transfers(&mut self) {
        self.heading("transfers", "heading-transfers");
        match &self.doc.transfers {
            m::Stated::NotStated => self.para(self.cat.get("gap-transfers")),
            m::Stated::None => self.para(self.cat.get("transfers-none")),
            m::Stated::Listed(list) => {
                let list = list.clone();
                for t in &list {
                    self.transfer(t);
                }
            }
        }
    }

    /// A transfer under a heading naming who receives the data (or, when the register
    /// does not say, where it goes), then where, on what ground, and how to get a copy.
    fn transfer(&mut self, t: &m::Transfer) {
        let countries: Vec<String> = t.countries.iter().map(|c| self.country(c)).collect();
        let names: Vec<String> = t
            .recipients
            .iter()
            .map(|x| self.recipient_name(x))
            .collect();
        let heading = if names.is_empty() {
            self.cat.list(&countries)
        } else {
            self.cat.list(&names)
        };
        self.blocks.push(Block::Heading {
            lang: None,
            level: 3,
            anchor: format!("transfer-{}", t.id),
            text: heading,
        });
        let mut fields = Vec::new();
        if !names.is_empty() {
            fields.push((
                self.cat.get("label-recipients"),
                text(self.cat.list(&names)),
            ));
        }
        fields.push((
            self.cat.get("label-countries"),
            text(self.cat.list(&countries)),
        ));
        if !t.chapter_v {
            fields.push((
                self.cat.get("label-mechanism"),
                text(self.cat.get("transfer-inside-eea")),
            ));
        } else {
            let mechanism = match &t.mechanism {
                Some(mech) => {
                    let named = format!(
                        "{}{}",
                        self.t(&mech.title).unwrap_or_else(|| mech.id.clone()),
                        self.article(&mech.article)
                    );
                    // The Commission's decision the transfer rests on: the adequacy
                    // decision for the country, or the decision adopting the clauses.
                    let decision = mech
                        .adequacy_decision
                        .as_ref()
                        .and_then(|a| a.decision.clone())
                        .or_else(|| mech.decision.clone());
                    match decision {
                        Some(d) => self.cat.fmt(
                            "mechanism-decision",
                            &[("mechanism", named.into()), ("decision", d.into())],
                        ),
                        None => named,
                    }
                }
                None => self.cat.get("gap-mechanism"),
            };
            fields.push((self.cat.get("label-mechanism"), text(mechanism)));
            let scope = t
                .mechanism
                .as_ref()
                .and_then(|m| m.adequacy_decision.as_ref())
                .and_then(|a| self.t(&a.scope));
            if let Some(scope) = scope {
                fields.push((self.cat.get("label-decision-scope"), text(scope)));
            }
            let status = match t.status {
                m::TransferStatus::Expired => Some("transfer-status-expired"),
                m::TransferStatus::NoDecision => Some("transfer-status-no-decision"),
                m::TransferStatus::NeedsCertification => {
                    Some("transfer-status-needs-certification")
                }
                m::TransferStatus::NotYetInForce => Some("transfer-status-not-yet"),
                _ => None,
            };
            if let Some(key) = status {
                fields.push((self.cat.get("label-decision"), text(self.cat.get(key))));
            }
            let needs_copy = t
                .mechanism
                .as_ref()
                .is_some_and(|m| m.needs.iter().any(|n| n == "copy"));
            match self.t(&t.copy) {
                Some(copy) => fields.push((self.cat.get("label-copy"), text(copy))),
                None if needs_copy => {
                    fields.push((self.cat.get("label-copy"), text(self.cat.get("not-stated"))))
                }
                None => {}
            }
        }
        self.blocks.push(Block::Fields(fields));
        if let Some(block) = self.text_block(&t.text) {
            self.blocks.push(block);
        }
    }

    fn duration(&self, d: &m::Duration) -> String {
        let unit = match d.unit {
            m::DurationUnit::Minutes => "minutes",
            m::DurationUnit::Hours => "hours",
            m::DurationUnit::Days => "days",
            m::DurationUnit::Weeks => "weeks",
            m::DurationUnit::Months => "months",
            m::DurationUnit::Years => "years",
        };
        self.cat.fmt(
            "duration",
            &[("n", FluentValue::from(d.amount)), ("unit", unit.into())],
        )
    }

    fn retention_phrase(&self, x: &m::Retention) -> String {
        let law_name = |l: &m::Law| self.t(&l.title).unwrap_or_else(|| l.id.clone());
        let phrase = match &x.rule {
            m::RetentionRule::Period {
                duration,
                bound,
                after,
                under,
            } => {
                let d = self.duration(duration);
                let d = match bound {
                    m::RetentionBound::Exact => d,
                    m::RetentionBound::AtLeast => self
                        .cat
                        .fmt("retention-at-least", &[("duration", d.into())]),
                    m::RetentionBound::AtMost => {
                        self.cat.fmt("retention-at-most", &[("duration", d.into())])
                    }
                };
                let event = after.as_ref().and_then(|e| self.t(&e.after));
                match (event, under) {
                    (Some(e), Some(l)) => self.cat.fmt(
                        "retention-after-under",
                        &[
                            ("duration", d.into()),
                            ("event", e.into()),
                            ("law", law_name(l).into()),
                        ],
                    ),
                    (Some(e), None) => self.cat.fmt(
                        "retention-after",
                        &[("duration", d.into()), ("event", e.into())],
                    ),
                    (None, Some(l)) => self.cat.fmt(
                        "retention-under",
                        &[("duration", d.into()), ("law", law_name(l).into())],
                    ),
                    (None, None) => d,
                }
            }
            m::RetentionRule::Until { event } => self
                .t(&event.until)
                .or_else(|| self.t(&event.title))
                .unwrap_or_else(|| event.id.clone()),
            m::RetentionRule::Criteria { criteria } => self.t(criteria).unwrap_or_default(),
            m::RetentionRule::NotKept => self.cat.get("retention-not-kept"),
        };
        if x.data.is_empty() {
            return phrase;
        }
        let names: Vec<String> = x.data.iter().map(|id| self.data_name(id)).collect();
        format!(
            "{phrase} ({})",
            self.cat.fmt(
                "retention-for-data",
                &[("data", self.cat.list(&names).into())]
            )
        )
    }

    fn retention(&mut self) {
        self.heading("retention", "heading-retention");
        let all: Vec<&m::Retention> = self
            .doc
            .retention
            .iter()
            .chain(self.doc.purposes.iter().flat_map(|p| &p.retention))
            .collect();
        if all.is_empty() {
            self.para(self.cat.get("gap-retention"));
            return;
        }
        let items: Vec<Vec<Inline>> = all.iter().map(|x| text(self.retention_phrase(x))).collect();
        let notes: Vec<Block> = all
            .iter()
            .filter_map(|x| self.text_block(&x.text))
            .collect();
        self.blocks.push(Block::List(items));
        self.blocks.extend(notes);
    }

    fn automated(&mut self) {
        self.heading("automated-decisions", "heading-automated");
        match &self.doc.automated_decisions {
            m::AutomatedDecisions::NotStated => self.para(self.cat.get("gap-automated")),
            m::AutomatedDecisions::None => self.para(self.cat.get("automated-none")),
            m::AutomatedDecisions::Described {
                logic,
                significance,
                consequences,
            } => {
                let mut fields = Vec::new();
                for (key, texts) in [
                    ("automated-logic", logic),
                    ("automated-significance", significance),
                    ("automated-consequences", consequences),
                ] {
                    let value = self.t(texts).unwrap_or_else(|| self.cat.get("not-stated"));
                    fields.push((self.cat.get(key), text(value)));
                }
                self.blocks.push(Block::Fields(fields));
            }
        }
    }

    fn security(&mut self) {
        if self.doc.security.is_empty() {
            return;
        }
        self.heading("security", "heading-security");
        let items = self
            .doc
            .security
            .iter()
            .filter_map(|s| self.t(s))
            .map(text)
            .collect();
        self.blocks.push(Block::List(items));
    }

    fn rights(&mut self) {
        self.heading("rights", "heading-rights");
        let contact = self.rights_contact();
        self.para(
            self.cat
                .fmt("rights-intro", &[("contact", contact.clone().into())]),
        );
        let rights = self.doc.rights.clone();
        for r in &rights {
            let title = format!(
                "{}{}",
                self.t(&r.title).unwrap_or_else(|| r.id.clone()),
                self.article(&r.article)
            );
            self.blocks.push(Block::Heading {
                lang: None,
                level: 3,
                anchor: format!("right-{}", r.id),
                text: title,
            });
            if let Some(t) = self.t(&r.text) {
                self.para(t);
            }
            if let Some(why) = self.because(r) {
                self.para(why);
            }
            if r.id == "withdraw-consent" {
                self.para(
                    self.cat
                        .fmt("withdraw-how", &[("contact", contact.clone().into())]),
                );
            }
            if let Some(block) = self.text_block(&r.note) {
                self.blocks.push(block);
            }
            if let Some(x) = &r.restriction {
                // "Restricted by law" only where the register names the law.
                let mut fields = Vec::new();
                if let Some(l) = &x.law {
                    let name = self.t(&l.title).unwrap_or_else(|| l.id.clone());
                    fields.push((
                        self.cat.get("right-restriction-label"),
                        text(self.cat.fmt("right-law", &[("law", name.into())])),
                    ));
                }
                if let Some(t) = self.t(&x.text) {
                    fields.push((self.cat.get("right-restriction-plain-label"), text(t)));
                }
                if !fields.is_empty() {
                    self.blocks.push(Block::Fields(fields));
                }
            }
        }
    }

    /// Why a right applies, when only some of the register's legal bases give it
    /// ("…because the processing is based on consent"); None when every basis does.
    fn because(&self, r: &m::Right) -> Option<String> {
        let references: Vec<&m::Reference> = self
            .doc
            .purposes
            .iter()
            .flat_map(|p| p.bases.iter().chain(&p.conditions))
            .chain(&self.doc.bases)
            .collect();
        let mut all: Vec<&str> = references.iter().map(|b| b.id.as_str()).collect();
        all.sort_unstable();
        all.dedup();
        let partial =
            !r.because.is_empty() && all.iter().any(|b| !r.because.iter().any(|g| g == b));
        if !partial {
            return None;
        }
        let names = dedup(r.because.iter().filter_map(|id| {
            references
                .iter()
                .find(|b| &b.id == id)
                .and_then(|b| self.t(&b.title))
        }));
        if names.is_empty() {
            return None;
        }
        Some(self.cat.fmt(
            "rights-because",
            &[("bases", self.cat.list_or(&names).into())],
        ))
    }

    /// Where to exercise the rights: a way to reach someone (an e-mail address, else a
    /// phone number) of a contact, else of the controller; a name alone only when nobody
    /// can be reached, since "contact Ari" with no address helps nobody.
    fn rights_contact(&self) -> String {
        let people = self
            .doc
            .contacts
            .iter()
            .map(|p| (&p.name, &p.email, &p.phone));
        let controller = self
            .doc
            .controller
            .iter()
            .map(|c| (&c.name, &c.email, &c.phone));
        let parties: Vec<_> = people.chain(controller).collect();
        let reachable = parties.iter().find_map(|(name, email, phone)| {
            let reach = (*email).clone().or_else(|| (*phone).clone())?;
            Some(match name {
                Some(name) => format!("{name} ({reach})"),
                None => reach,
            })
        });
        reachable
            .or_else(|| parties.iter().find_map(|(name, _, _)| (*name).clone()))
            .unwrap_or_else(|| self.cat.get("not-stated"))
    }

    fn complaint(&mut self) {
        self.heading("complaint", "heading-complaint");
        let uk = self
            .doc
            .controller
            .as_ref()
            .is_some_and(|c| c.jurisdiction == m::Jurisdiction::Uk);
        self.para(self.cat.get(if uk {
            "complaint-text-uk"
        } else {
            "complaint-text"
        }));
        if let Some(country) = &self.doc.authority_by_region {
            self.para(self.cat.fmt(
                "complaint-authority-regional",
                &[("country", self.country(country).into())],
            ));
            return;
        }
        let Some(a) = &self.doc.authority else {
            self.para(self.cat.get("gap-authority"));
            return;
        };
        let name = self.t(&a.title).unwrap_or_else(|| a.id.clone());
        let mut fields = vec![(self.cat.get("label-authority"), text(name))];
        if let Some(country) = &a.country {
            fields.push((self.cat.get("label-country"), text(self.country(country))));
        }
        let address = self.t(&a.address);
        fields.extend(self.contact_fields(
            address.as_deref(),
            a.email.as_deref(),
            a.phone.as_deref(),
            a.website.as_deref(),
        ));
        self.blocks.push(Block::Fields(fields));
    }

    /// The register's own sections, each under its title (or a plain "other information"
    /// when it has none), as written.
    fn sections(&mut self) {
        let sections = self.doc.sections.clone();
        for x in &sections {
            self.blocks.push(Block::Heading {
                lang: None,
                level: 2,
                anchor: format!("section-{}", x.id),
                text: self
                    .t(&x.title)
                    .unwrap_or_else(|| self.cat.get("section-untitled")),
            });
            if let Some(block) = self.text_block(&x.text) {
                self.blocks.push(block);
            }
        }
    }

    fn updated(&mut self) {
        let Some(written) = self.doc.updated.clone() else {
            return;
        };
        // `2022-04`: only the month is known, and the notice says no more than that.
        let (key, shown) = match parse_date(&written) {
            Ok(date) => ("updated-text", self.cat.date(&date)),
            Err(_) => match parse_date(&format!("{written}-01")) {
                Ok(month) => ("updated-text-month", self.cat.month(&month)),
                Err(_) => return,
            },
        };
        self.heading("updated", "heading-updated");
        self.para(self.cat.fmt(key, &[("date", shown.into())]));
    }
}

fn dedup(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// A list item: a title, and the register's own words on it after a colon.
fn described(title: String, words: Option<String>) -> Vec<Inline> {
    match words {
        Some(words) => text(format!("{title}: {words}")),
        None => text(title),
    }
}

/// A text short enough to be a heading: one line, one sentence, at most 80 characters.
fn is_short_sentence(text: &str) -> bool {
    let t = text.trim();
    let body = t.strip_suffix('.').unwrap_or(t);
    t.chars().count() <= 80 && !t.contains('\n') && !body.contains(". ") && !body.contains(':')
}

/// The notice's wording of a register's pieces, for other renderings that must say them
/// the same way (the Art. 30 record): a fact with its article, a data category by its
/// title, a recipient, a role, a retention period, a country.
pub struct Phrases<'a> {
    builder: OutlineBuilder<'a>,
}

impl<'a> Phrases<'a> {
    pub fn new(register: &'a m::Register, cat: &'a Catalog) -> Phrases<'a> {
        Phrases {
            builder: OutlineBuilder {
                doc: register,
                cat,
                lang: &cat.tag,
                blocks: Vec::new(),
            },
        }
    }

    /// A text in the catalogue's language (else the nearest there is).
    pub fn text(&self, texts: &m::Texts) -> Option<String> {
        self.builder.t(texts)
    }

    pub fn fact(&self, r: &m::Reference) -> String {
        self.builder.fact_name(r)
    }

    pub fn data(&self, id: &str) -> String {
        self.builder.data_name(id)
    }

    pub fn recipient(&self, name: &Option<String>, title: &m::Texts) -> String {
        self.builder.recipient_called(name, title)
    }

    pub fn role(&self, role: m::RecipientRole) -> String {
        self.builder.role(role)
    }

    pub fn retention(&self, x: &m::Retention) -> String {
        self.builder.retention_phrase(x)
    }

    pub fn country(&self, code: &str) -> String {
        self.builder.country(code)
    }

    /// A purpose's heading in the notice, for the `n`th purpose (from 1).
    pub fn purpose_title(&self, n: usize, p: &m::Purpose) -> String {
        self.builder.purpose_heading(n, p).0
    }
}
