//! AST + scope → model: every name replaced by what it names.

use super::derive;
use super::facts;
use super::model as m;
use super::scope::{Def, Ns, Scope};
use crate::diagnostic::Diagnostic;
use crate::syntax::ast::{self, Fact, FactKind, LocalText, Name};
use crate::syntax::values::Date;

pub struct ModelBuilder<'a, 'd> {
    pub scope: &'a Scope<'a>,
    pub register: &'a ast::Register,
    pub today: Date,
    pub diagnostics: &'d mut Vec<Diagnostic>,
}

pub fn texts(text: &Option<LocalText>) -> m::Texts {
    match text {
        Some(t) if super::stdlib::is_stdlib(t.span.source) => shared_std_texts(t),
        Some(t) => convert(t),
        None => m::Texts::default(),
    }
}

fn convert(text: &LocalText) -> m::Texts {
    text.entries
        .iter()
        .map(|(lang, text)| (lang.value.as_str().to_owned(), text.value.clone()))
        .collect()
}

/// The texts of the standard library, converted once per process and shared by every
/// register that names them (its rights alone are a third of a register's JSON). The
/// standard library is parsed once per process, so a text's place identifies it.
fn shared_std_texts(text: &LocalText) -> m::Texts {
    // Looked up for every standard-library text of every register: foldhash, not SipHash.
    // One cache per thread: registers are modelled in parallel, and a cache behind a lock
    // made the threads wait for each other and pass its memory back and forth.
    thread_local! {
        static CACHE: std::cell::RefCell<foldhash::HashMap<(u32, u32), m::Texts>> =
            std::cell::RefCell::default();
    }
    let key = (text.span.source.0, text.span.start);
    CACHE.with_borrow_mut(|cache| cache.entry(key).or_insert_with(|| convert(text)).clone())
}

fn opt<T: ToString>(value: &Option<ast::Located<T>>) -> Option<String> {
    value.as_ref().map(|v| v.value.to_string())
}

pub fn date_string(date: &Date) -> String {
    date.to_string()
}

impl<'a> ModelBuilder<'a, '_> {
    /// Looks a name up in the register's own definitions first, then in the file's scope.
    fn find(&mut self, ns: Ns, name: &Name) -> Option<Def<'a>> {
        let r = self.register;
        let local = match ns {
            Ns::Data => r
                .data_defs
                .iter()
                .find(|d| d.id.value == name.value)
                .map(Def::Data),
            Ns::Subject => r
                .subject_defs
                .iter()
                .find(|d| d.id.value == name.value)
                .map(Def::Subject),
            Ns::Source => r
                .source_defs
                .iter()
                .find(|d| d.id.value == name.value)
                .map(Def::Source),
            Ns::Recipient => r
                .recipient_defs
                .iter()
                .find(|d| d.id.value == name.value)
                .map(Def::Recipient),
            _ => None,
        };
        if local.is_some() {
            self.scope.note(name, ns, local);
            return local;
        }
        self.scope.lookup(&[ns], name, self.diagnostics)
    }

    fn fact(&mut self, kinds: &[FactKind], name: &Name) -> Option<&'a Fact> {
        let namespaces: Vec<Ns> = kinds.iter().map(|k| Ns::Fact(*k)).collect();
        match self.scope.lookup(&namespaces, name, self.diagnostics)? {
            Def::Fact(f) => Some(f),
            _ => None,
        }
    }

    pub fn register(mut self, source: &str) -> m::RegisterDoc {
        let r = self.register;
        let controller = r
            .controller
            .as_ref()
            .and_then(|n| match self.find(Ns::Controller, n) {
                Some(Def::Controller(c)) => Some(c),
                _ => None,
            });
        let data = self.data_categories();
        let sources = self.sources();
        let bases: Vec<m::Reference> = r
            .bases
            .iter()
            .filter_map(|n| self.fact(&[FactKind::Basis], n))
            .map(reference)
            .collect();
        let purposes: Vec<m::Purpose> = r
            .purposes
            .iter()
            .map(|p| self.purpose(p, &bases, &r.interest))
            .collect();
        let automated = automated(r.automated_decisions.as_deref());
        let rights = derive::rights(self.scope, r, &purposes, &automated, self.today);
        let named_authority = r
            .authority
            .as_ref()
            .and_then(|n| self.fact(&[FactKind::Authority], n));
        let controller_override = controller
            .and_then(|c| c.authority.as_ref())
            .and_then(|n| self.fact(&[FactKind::Authority], n));
        let authority = derive::complaint_authority(
            self.scope,
            named_authority.or(controller_override),
            controller,
            self.today,
        );
        let register = m::Register {
            id: r.id.value.as_str().to_owned(),
            title: texts(&r.title),
            languages: r
                .languages
                .iter()
                .map(|l| l.value.as_str().to_owned())
                .collect(),
            updated: r.updated.as_ref().map(|d| match r.updated_month_only {
                true => format!("{:04}-{:02}", d.value.year, d.value.month),
                false => date_string(&d.value),
            }),
            profiles: r.profiles.iter().map(|p| profile(p.value)).collect(),
            controller: controller.map(|c| self.controller(c)),
            contacts: r
                .contacts
                .iter()
                .filter_map(|n| self.person_ref(&Some(n.clone())))
                .collect(),
            dpo: self.person_ref(&r.dpo),
            information_articles: derive::information_articles(&sources),
            purposes,
            bases,
            interest: texts(&r.interest),
            requirement: r.requirement.as_ref().map(requirement),
            data,
            subjects: self.subjects(),
            sources,
            recipients: self.recipients(),
            transfers: self.transfers(),
            retention: r
                .retention
                .iter()
                .filter_map(|x| self.retention(x))
                .collect(),
            automated_decisions: automated,
            security: r.security.iter().map(|t| texts(&Some(t.clone()))).collect(),
            rights,
            stated_rights: derive::stated_rights(r)
                .map(|ids| ids.into_iter().map(str::to_string).collect()),
            authority: authority.map(|a| derive::authority(a, self.today)),
            named_authority: named_authority.map(|a| derive::authority(a, self.today)),
            authority_by_region: match (authority, controller) {
                (None, Some(c)) => c
                    .country
                    .as_ref()
                    .filter(|k| {
                        c.region.is_none() && facts::regional_authorities(self.scope, k.value)
                    })
                    .map(|k| k.value.to_string()),
                _ => None,
            },
            cites: r.cites.iter().filter_map(|n| self.law(n)).collect(),
            commitments: commitments(r),
            sections: r
                .sections
                .iter()
                .map(|x| m::Section {
                    id: x.id.value.as_str().to_owned(),
                    title: texts(&x.title),
                    text: texts(&x.text),
                })
                .collect(),
            suppressions: suppressions(r, controller),
            span: r.span,
        };
        self.check_right_notes();
        m::RegisterDoc {
            format: m::FORMAT.to_string(),
            source: source.to_string(),
            check_date: Some(date_string(&self.today)),
            register,
        }
    }

    fn controller(&mut self, c: &'a ast::Controller) -> m::Controller {
        let representative = self.person_ref(&c.representative);
        let joint_controllers = c
            .joint_controllers
            .iter()
            .map(|j| {
                let other = match self.find(Ns::Controller, &j.controller) {
                    Some(Def::Controller(o)) => o.name.as_ref().map(|n| n.value.clone()),
                    _ => None,
                };
                m::JointController {
                    id: j.controller.value.as_str().to_owned(),
                    name: other,
                    essence: texts(&j.essence),
                }
            })
            .collect();
        m::Controller {
            id: c.id.value.as_str().to_owned(),
            kind: c.kind.as_ref().map(|k| k.value.keyword().to_string()),
            name: c.name.as_ref().map(|n| n.value.clone()),
            business_id: c.business_id.as_ref().map(|b| m::BusinessId {
                country: b.value.country.clone(),
                id: b.value.id.clone(),
            }),
            address: c.address.as_ref().map(|a| a.value.clone()),
            country: opt(&c.country),
            region: opt(&c.region),
            jurisdiction: facts::jurisdiction(c.country.as_ref().map(|c| c.value)),
            email: opt(&c.email),
            phone: opt(&c.phone),
            website: opt(&c.website),
            representative,
            joint_controllers,
            span: c.span,
        }
    }

    fn person_ref(&mut self, name: &Option<Name>) -> Option<m::Person> {
        match self.find(Ns::Person, name.as_ref()?)? {
            Def::Person(p) => Some(person(p)),
            _ => None,
        }
    }

    fn data_categories(&mut self) -> Vec<m::DataCategory> {
        let r = self.register;
        let mut out: Vec<m::DataCategory> = Vec::new();
        let named = r.data.iter().filter_map(|n| match self.find(Ns::Data, n) {
            Some(Def::Data(d)) => Some(d),
            _ => None,
        });
        let all: Vec<&ast::DataCategory> = named
            .collect::<Vec<_>>()
            .into_iter()
            .chain(&r.data_defs)
            .collect();
        for d in all {
            if !out.iter().any(|o| o.id == d.id.value) {
                out.push(data_category(d));
            }
        }
        // Data a purpose names is processed, whether or not the register lists it: it is
        // checked to exist and kept, so that the notice names it (never by its id).
        for name in r.purposes.iter().flat_map(|p| &p.data) {
            if let Some(Def::Data(d)) = self.find(Ns::Data, name)
                && !out.iter().any(|o| o.id == d.id.value)
            {
                out.push(data_category(d));
            }
        }
        // A category kept for a period of its own is kept, listed or not: the notice names
        // it in the data and in the period, never by its id. (An unknown name is reported
        // where the retention is resolved.)
        let kept = r
            .retention
            .iter()
            .chain(r.purposes.iter().flat_map(|p| &p.retention))
            .flat_map(|x| &x.data);
        for name in kept {
            if out.iter().any(|o| o.id == name.value) {
                continue;
            }
            if let Some(Def::Data(d)) = self.scope.get(Ns::Data, &name.value) {
                out.push(data_category(d));
            }
        }
        out
    }

    fn subjects(&mut self) -> Vec<m::Category> {
        let r = self.register;
        let mut out: Vec<m::Category> = Vec::new();
        for n in &r.subjects {
            if let Some(Def::Subject(s)) = self.find(Ns::Subject, n) {
                out.push(m::Category {
                    id: s.id.value.as_str().to_owned(),
                    title: texts(&s.title),
                    text: texts(&s.text),
                });
            }
        }
        for s in &r.subject_defs {
            out.push(m::Category {
                id: s.id.value.as_str().to_owned(),
                title: texts(&s.title),
                text: texts(&s.text),
            });
        }
        out
    }

    fn sources(&mut self) -> Vec<m::Source> {
        let r = self.register;
        let mut defs: Vec<&ast::SourceDef> = Vec::new();
        for n in &r.sources {
            if let Some(Def::Source(s)) = self.find(Ns::Source, n) {
                defs.push(s);
            }
        }
        defs.extend(&r.source_defs);
        defs.into_iter()
            .map(|s| m::Source {
                id: s.id.value.as_str().to_owned(),
                title: texts(&s.title),
                kinds: s.kinds.iter().map(|k| source_kind(k.value)).collect(),
                name: s.name.as_ref().map(|n| n.value.clone()),
                text: texts(&s.text),
                website: opt(&s.website),
            })
            .collect()
    }

    fn recipients(&mut self) -> m::Stated<m::Recipient> {
        let r = self.register;
        if r.recipients_none.is_some() {
            return m::Stated::None;
        }
        let mut out = Vec::new();
        for n in &r.recipients {
            if let Some(Def::Recipient(x)) = self.find(Ns::Recipient, n) {
                out.push(recipient(x));
            }
        }
        // A recipient defined here and named in `recipients` too is one recipient.
        let mut named: Vec<String> = out.iter().map(|x: &m::Recipient| x.id.clone()).collect();
        out.extend(
            r.recipient_defs
                .iter()
                .filter(|d| !named.iter().any(|n| *n == d.id.value))
                .map(recipient),
        );
        // A recipient only a purpose names still receives the register's data: the notice's
        // list of recipients holds it too.
        named = out.iter().map(|x| x.id.clone()).collect();
        for n in r.purposes.iter().flat_map(|p| &p.recipients) {
            if named.iter().any(|x| *x == n.value) {
                continue;
            }
            if let Some(Def::Recipient(x)) = self.find(Ns::Recipient, n) {
                named.push(n.value.as_str().to_owned());
                out.push(recipient(x));
            }
        }
        if out.is_empty() && r.recipients.is_empty() {
            m::Stated::NotStated
        } else {
            m::Stated::Listed(out)
        }
    }

    /// The jurisdiction of the register's controller ([`facts::jurisdiction`]).
    fn jurisdiction(&self) -> facts::Jurisdiction {
        let controller = self.register.controller.as_ref().and_then(|n| {
            match self.scope.get(Ns::Controller, &n.value) {
                Some(Def::Controller(c)) => Some(c),
                _ => None,
            }
        });
        facts::jurisdiction(controller.and_then(|c| c.country.as_ref()).map(|c| c.value))
    }

    fn transfers(&mut self) -> m::Stated<m::Transfer> {
        let r = self.register;
        if r.transfers_none.is_some() {
            return m::Stated::None;
        }
        if r.transfers.is_empty() {
            return m::Stated::NotStated;
        }
        m::Stated::Listed(r.transfers.iter().map(|t| self.transfer(t)).collect())
    }

    fn transfer(&mut self, t: &'a ast::Transfer) -> m::Transfer {
        let recipients: Vec<&ast::Recipient> = t
            .recipients
            .iter()
            .filter_map(|n| match self.find(Ns::Recipient, n) {
                Some(Def::Recipient(x)) => Some(x),
                _ => None,
            })
            .collect();
        let mechanism = t
            .mechanism
            .as_ref()
            .and_then(|n| self.fact(&[FactKind::Mechanism, FactKind::Adequacy], n));
        let countries: Vec<_> = t.countries.iter().map(|c| c.value).collect();
        let judged = derive::transfer(
            self.scope,
            self.jurisdiction(),
            &countries,
            mechanism,
            &recipients,
            self.today,
        );
        m::Transfer {
            id: t.id.value.as_str().to_owned(),
            countries: countries.iter().map(|c| c.to_string()).collect(),
            chapter_v: judged.chapter_v,
            recipients: recipients.iter().map(|x| recipient_ref(x)).collect(),
            mechanism: mechanism.map(|f| m::Mechanism {
                id: f.id.value.as_str().to_owned(),
                article: f.article.as_ref().map(|a| a.value.clone()),
                title: texts(&f.title),
                decision: f.decision.as_ref().map(|d| d.value.clone()),
                adequacy_decision: judged.decision.map(adequacy_decision),
                needs: f
                    .needs
                    .iter()
                    .map(|n| n.value.as_str().to_owned())
                    .collect(),
            }),
            status: judged.status,
            copy: texts(&t.copy),
            text: texts(&t.text),
            span: t.span,
        }
    }

    /// A purpose as the notice gives it. One basis given for the whole register is the basis
    /// of every purpose that names none (the mapping is then plain); of several, the notice
    /// does not say which covers which purpose, so none is assigned. The register's interest
    /// stands for a purpose that gives none of its own.
    fn purpose(
        &mut self,
        p: &'a ast::Purpose,
        register_bases: &[m::Reference],
        register_interest: &Option<ast::LocalText>,
    ) -> m::Purpose {
        let mut bases: Vec<m::Reference> = p
            .bases
            .iter()
            .filter_map(|n| self.fact(&[FactKind::Basis], n))
            .map(reference)
            .collect();
        if p.bases.is_empty()
            && let [only] = register_bases
        {
            bases.push(only.clone());
        }
        let relies_on_interest = bases.iter().any(m::Reference::is_legitimate_interest)
            || (bases.is_empty()
                && register_bases
                    .iter()
                    .any(m::Reference::is_legitimate_interest));
        let interest = texts(match &p.interest {
            None if relies_on_interest => register_interest,
            _ => &p.interest,
        });
        let conditions = p
            .conditions
            .iter()
            .filter_map(|n| self.fact(&[FactKind::Condition], n))
            .map(reference)
            .collect();
        m::Purpose {
            id: p.id.value.as_str().to_owned(),
            title: texts(&p.title),
            text: texts(&p.text),
            bases,
            interest,
            conditions,
            requirement: p.requirement.as_ref().map(requirement),
            consent: p.consent.as_ref().map(|c| c.value.keyword().to_string()),
            direct_marketing: p.direct_marketing.is_some(),
            data: p.data.iter().map(|n| n.value.as_str().to_owned()).collect(),
            recipients: p
                .recipients
                .iter()
                .filter_map(|n| match self.find(Ns::Recipient, n) {
                    Some(Def::Recipient(x)) => Some(recipient_ref(x)),
                    _ => None,
                })
                .collect(),
            retention: p
                .retention
                .iter()
                .filter_map(|x| self.retention(x))
                .collect(),
            span: p.span,
        }
    }

    fn retention(&mut self, x: &'a ast::Retention) -> Option<m::Retention> {
        let rule = match &x.rule {
            ast::RetentionRule::Period {
                bound,
                duration,
                after,
                under,
            } => m::RetentionRule::Period {
                duration: duration_of(&duration.value),
                bound: match bound.as_ref().map(|b| b.value) {
                    None => m::RetentionBound::Exact,
                    Some(ast::RetentionBound::AtLeast) => m::RetentionBound::AtLeast,
                    Some(ast::RetentionBound::AtMost) => m::RetentionBound::AtMost,
                },
                after: match after {
                    Some(n) => Some(self.event(n)?),
                    None => None,
                },
                under: match under {
                    Some(n) => Some(self.law(n)?),
                    None => None,
                },
            },
            ast::RetentionRule::Until(n) => m::RetentionRule::Until {
                event: self.event(n)?,
            },
            ast::RetentionRule::Criteria(t) => m::RetentionRule::Criteria {
                criteria: texts(&Some(t.clone())),
            },
            ast::RetentionRule::NotKept => m::RetentionRule::NotKept,
        };
        for n in &x.data {
            let _ = self.find(Ns::Data, n);
        }
        Some(m::Retention {
            rule,
            data: x.data.iter().map(|n| n.value.as_str().to_owned()).collect(),
            text: texts(&x.text),
            span: x.span,
        })
    }

    fn event(&mut self, name: &Name) -> Option<m::Event> {
        let f = self.fact(&[FactKind::Event], name)?;
        Some(m::Event {
            id: f.id.value.as_str().to_owned(),
            title: texts(&f.title),
            after: texts(&f.after),
            until: texts(&f.until),
        })
    }

    fn law(&mut self, name: &Name) -> Option<m::Law> {
        let f = self.fact(&[FactKind::Law], name)?;
        Some(derive::law(f, self.today))
    }

    /// Right notes must name rights; whether the bases give them is a completeness rule.
    fn check_right_notes(&mut self) {
        let stated = self.register.stated_rights.iter().flat_map(|s| &s.rights);
        for right in stated {
            let _ = self.fact(&[FactKind::Right], right);
        }
        for note in &self.register.rights {
            let _ = self.fact(&[FactKind::Right], &note.right);
            if let Some(law) = &note.law {
                let _ = self.fact(&[FactKind::Law], law);
            }
        }
    }
}

pub fn person(p: &ast::Person) -> m::Person {
    m::Person {
        id: p.id.value.as_str().to_owned(),
        name: p.name.as_ref().map(|n| n.value.clone()),
        role: texts(&p.role),
        organisation: p.organisation.as_ref().map(|o| o.value.clone()),
        address: p.address.as_ref().map(|a| a.value.clone()),
        country: opt(&p.country),
        email: opt(&p.email),
        phone: opt(&p.phone),
        website: opt(&p.website),
        span: p.span,
    }
}

fn requirement(q: &ast::Requirement) -> m::Requirement {
    m::Requirement {
        kind: requirement_kind(q.kind.value),
        consequence: texts(&q.consequence),
    }
}

/// A recipient as a purpose or a transfer names it: enough for the notice to say who.
fn recipient_ref(x: &ast::Recipient) -> m::RecipientRef {
    m::RecipientRef {
        id: x.id.value.as_str().to_owned(),
        name: x.name.as_ref().map(|n| n.value.clone()),
        title: texts(&x.title),
    }
}

fn data_category(d: &ast::DataCategory) -> m::DataCategory {
    m::DataCategory {
        id: d.id.value.as_str().to_owned(),
        title: texts(&d.title),
        kind: match d.kind.as_ref().map(|k| k.value) {
            Some(ast::DataKind::Special) => m::DataKind::Special,
            Some(ast::DataKind::Criminal) => m::DataKind::Criminal,
            Some(ast::DataKind::NationalId) => m::DataKind::NationalId,
            _ => m::DataKind::Ordinary,
        },
        text: texts(&d.text),
        optional: d.optional.is_some(),
    }
}

fn recipient(r: &ast::Recipient) -> m::Recipient {
    m::Recipient {
        id: r.id.value.as_str().to_owned(),
        name: r.name.as_ref().map(|n| n.value.clone()),
        title: texts(&r.title),
        roles: r
            .roles
            .iter()
            .map(|x| match x.value {
                ast::RecipientRole::Processor => m::RecipientRole::Processor,
                ast::RecipientRole::Controller => m::RecipientRole::Controller,
                ast::RecipientRole::JointController => m::RecipientRole::JointController,
                ast::RecipientRole::Authority => m::RecipientRole::Authority,
            })
            .collect(),
        countries: r.countries.iter().map(|c| c.value.to_string()).collect(),
        certified: r
            .certified
            .iter()
            .map(|c| c.value.as_str().to_owned())
            .collect(),
        text: texts(&r.text),
        span: r.span,
    }
}

pub fn reference(f: &Fact) -> m::Reference {
    m::Reference {
        id: f.id.value.as_str().to_owned(),
        article: f.article.as_ref().map(|a| a.value.clone()),
        title: texts(&f.title),
    }
}

fn adequacy_decision(f: &Fact) -> m::AdequacyDecision {
    m::AdequacyDecision {
        id: f.id.value.as_str().to_owned(),
        country: f.countries.first().map(|c| c.value.to_string()),
        decision: f.decision.as_ref().map(|d| d.value.clone()),
        valid_from: f.valid_from.as_ref().map(|d| date_string(&d.value)),
        valid_until: f.valid_until.as_ref().map(|d| date_string(&d.value)),
        scope: texts(&f.scope),
    }
}

fn automated(a: Option<&ast::AutomatedDecisions>) -> m::AutomatedDecisions {
    match a {
        None => m::AutomatedDecisions::NotStated,
        Some(ast::AutomatedDecisions::None(_)) => m::AutomatedDecisions::None,
        Some(ast::AutomatedDecisions::Described {
            logic,
            significance,
            consequences,
            ..
        }) => m::AutomatedDecisions::Described {
            logic: texts(logic),
            significance: texts(significance),
            consequences: texts(consequences),
        },
    }
}

/// The commitments as listed, each once.
fn commitments(r: &ast::Register) -> Vec<m::Commitment> {
    let mut out = Vec::new();
    for c in &r.commitments {
        let c = match c.value {
            ast::Commitment::NoSale => m::Commitment::NoSale,
            ast::Commitment::NoMarketingDisclosure => m::Commitment::NoMarketingDisclosure,
            ast::Commitment::NoDirectMarketing => m::Commitment::NoDirectMarketing,
            ast::Commitment::NoMarketResearch => m::Commitment::NoMarketResearch,
            ast::Commitment::NoProfiling => m::Commitment::NoProfiling,
            ast::Commitment::NoSpecialCategories => m::Commitment::NoSpecialCategories,
            ast::Commitment::NoOtherRecipients => m::Commitment::NoOtherRecipients,
        };
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

fn profile(p: ast::Profile) -> m::Profile {
    match p {
        ast::Profile::Notice => m::Profile::Notice,
        ast::Profile::Ropa => m::Profile::Ropa,
        ast::Profile::Strict => m::Profile::Strict,
    }
}

fn source_kind(k: ast::SourceKind) -> m::SourceKind {
    match k {
        ast::SourceKind::Subject => m::SourceKind::Subject,
        ast::SourceKind::ThirdParty => m::SourceKind::ThirdParty,
        ast::SourceKind::Public => m::SourceKind::Public,
        ast::SourceKind::OwnSystems => m::SourceKind::OwnSystems,
    }
}

fn requirement_kind(k: ast::RequirementKind) -> m::RequirementKind {
    match k {
        ast::RequirementKind::Statutory => m::RequirementKind::Statutory,
        ast::RequirementKind::Contractual => m::RequirementKind::Contractual,
        ast::RequirementKind::ContractPrerequisite => m::RequirementKind::ContractPrerequisite,
        ast::RequirementKind::Voluntary => m::RequirementKind::Voluntary,
    }
}

fn duration_of(d: &crate::syntax::values::Duration) -> m::Duration {
    use crate::syntax::values::DurationUnit as U;
    m::Duration {
        amount: d.amount,
        unit: match d.unit {
            U::Minutes => m::DurationUnit::Minutes,
            U::Hours => m::DurationUnit::Hours,
            U::Days => m::DurationUnit::Days,
            U::Weeks => m::DurationUnit::Weeks,
            U::Months => m::DurationUnit::Months,
            U::Years => m::DurationUnit::Years,
        },
    }
}

/// Every `allow` in the register and its blocks, with where it stands.
fn suppressions(r: &ast::Register, controller: Option<&ast::Controller>) -> Vec<m::Suppression> {
    let entry = |a: &ast::Allow, scope: String| m::Suppression {
        code: a.code.value.as_str().to_owned(),
        reason: a.reason.value.clone(),
        scope,
    };
    let mut out: Vec<m::Suppression> = r
        .allows
        .iter()
        .map(|a| entry(a, "register".into()))
        .collect();
    if let Some(c) = controller {
        out.extend(
            c.allows
                .iter()
                .map(|a| entry(a, format!("controller {}", c.id.value))),
        );
    }
    for p in &r.purposes {
        out.extend(
            p.allows
                .iter()
                .map(|a| entry(a, format!("purpose {}", p.id.value))),
        );
        for x in &p.retention {
            out.extend(
                x.allows
                    .iter()
                    .map(|a| entry(a, format!("purpose {} retention", p.id.value))),
            );
        }
    }
    for t in &r.transfers {
        out.extend(
            t.allows
                .iter()
                .map(|a| entry(a, format!("transfer {}", t.id.value))),
        );
    }
    for x in &r.retention {
        out.extend(x.allows.iter().map(|a| entry(a, "retention".into())));
    }
    out
}
