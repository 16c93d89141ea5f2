//! A register as a TILT document (the Transparency Information Language of TU Berlin,
//! `tilt-schema.json`, vendored in `docs/schema/tilt/`): one document per register and
//! language. TILT requires some facts of every document (a data protection officer, how
//! long each category is kept, whether giving it is required, ...); a register that does
//! not state one is not written, and `unstated` says what it lacks. Nothing TILT requires is
//! filled with a fact the register does not state. The mapping, and what regc leaves out,
//! is `docs/interop.md`.

use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use crate::render::iri::Names;
use crate::render::l10n::Catalog;
use crate::render::notice::Phrases;
use crate::resolve::model::{self as m, RegisterDoc, Stated};

/// The TILT document of a register in the catalogue's language, or every fact TILT
/// requires that the register does not state. `notice` is the path of the register's
/// notice in that language, relative to the document (TILT's `meta.url`).
pub fn document(
    doc: &RegisterDoc,
    cat: &Catalog,
    notice: &str,
    names: &Names,
) -> Result<String, Vec<String>> {
    let root = unsealed(doc, cat, notice, names)?;
    seal(root).map_err(|e| vec![format!("cannot write the document: {e}")])
}

/// The document without its `_hash`, or what the register lacks.
fn unsealed(
    doc: &RegisterDoc,
    cat: &Catalog,
    notice: &str,
    names: &Names,
) -> Result<Map<String, Value>, Vec<String>> {
    let r = &doc.register;
    let mut tilt = Tilt {
        r,
        say: Phrases::new(r, cat),
        lang: &cat.tag,
        unstated: Vec::new(),
    };
    let mut root = Map::new();
    root.insert("meta".into(), tilt.meta(notice, names));
    root.insert("controller".into(), tilt.controller());
    root.insert("dataProtectionOfficer".into(), tilt.dpo());
    root.insert("dataDisclosed".into(), tilt.data_disclosed());
    root.insert("thirdCountryTransfers".into(), tilt.transfers());
    root.insert("sources".into(), tilt.sources());
    tilt.rights(&mut root);
    root.insert("automatedDecisionMaking".into(), tilt.automated());
    // regc has no statement for a planned change of purpose (Art. 13(3)): it is told when
    // it happens, in a new version of the register.
    root.insert("changesOfPurpose".into(), json!([]));
    if !tilt.unstated.is_empty() {
        let mut unstated: Vec<String> = Vec::new();
        for what in tilt.unstated {
            if !unstated.contains(&what) {
                unstated.push(what);
            }
        }
        return Err(unstated);
    }
    Ok(root)
}

/// What a register lacks for TILT: empty when it can be written.
pub fn unstated(doc: &RegisterDoc) -> Vec<String> {
    let Some(english) = Catalog::new("en") else {
        return vec!["the English catalogue is missing".into()];
    };
    unsealed(doc, &english, "", &Names::default())
        .err()
        .unwrap_or_default()
}

/// Writes the document with its `_hash`: the SHA-256 of the document as written with an
/// empty `_hash`, in hexadecimal.
fn seal(mut root: Map<String, Value>) -> Result<String, serde_json::Error> {
    let unsealed = pretty(&root)?;
    let hash = Sha256::digest(unsealed.as_bytes());
    let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
    if let Some(Value::Object(meta)) = root.get_mut("meta") {
        meta.insert("_hash".into(), json!(hex));
    }
    pretty(&root)
}

fn pretty(root: &Map<String, Value>) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(root).map(|mut s| {
        s.push('\n');
        s
    })
}

struct Tilt<'a> {
    r: &'a m::Register,
    say: Phrases<'a>,
    lang: &'a str,
    unstated: Vec<String>,
}

impl Tilt<'_> {
    /// A required fact, or a note of its absence (and `Value::Null` in its place, never
    /// written: a document with a gap is not written at all).
    fn require(&mut self, value: Option<String>, what: impl Into<String>) -> Value {
        match value {
            Some(v) => json!(v),
            None => {
                self.unstated.push(what.into());
                Value::Null
            }
        }
    }

    fn text(&self, texts: &m::Texts) -> Option<String> {
        self.say.text(texts)
    }

    /// A purpose as the notice heads it ("Purpose 2" when it has no title).
    fn purpose_title(&self, p: &m::Purpose) -> String {
        let n = self
            .r
            .purposes
            .iter()
            .position(|x| x.id == p.id)
            .map_or(1, |i| i + 1);
        self.say.purpose_title(n, p)
    }

    fn meta(&mut self, notice: &str, names: &Names) -> Value {
        let name = self.text(&self.r.title);
        let name = self.require(name, "a title (`title`)");
        let updated = self.r.updated.clone();
        // TILT dates the document and numbers its versions; the register's `updated` is
        // both: the date this version was made, and (as YYYYMMDD, YYYYMM00 for a month) a
        // number that grows.
        let version = updated.as_deref().and_then(|u| {
            let digits = u.replace('-', "");
            let digits = if digits.len() == 6 {
                format!("{digits}00")
            } else {
                digits
            };
            digits.parse::<u64>().ok()
        });
        let date = self.require(updated, "the date it was last updated (`updated`)");
        let primary = self.lang.split('-').next().unwrap_or(self.lang);
        json!({
            "_id": format!("{}:{}", names.of("register", &self.r.id), self.lang),
            "name": name,
            "created": date,
            "modified": date,
            "version": version,
            "language": primary.to_ascii_lowercase(),
            "status": "active",
            "url": uri(notice),
            "_hash": "",
        })
    }

    fn controller(&mut self) -> Value {
        let Some(c) = &self.r.controller else {
            self.unstated.push("the controller (`controller`)".into());
            return Value::Null;
        };
        let mut node = Map::new();
        node.insert(
            "name".into(),
            self.require(c.name.clone(), "the controller's name (`name`)"),
        );
        node.insert(
            "address".into(),
            self.require(c.address.clone(), "the controller's address (`address`)"),
        );
        node.insert(
            "country".into(),
            self.require(
                c.country.clone().filter(|c| is_country_code(c)),
                "the controller's country, a country code (`country`)",
            ),
        );
        // TILT's representative is "a real person that represents the controller": the
        // Art. 27 representative where there is one, else the first person to contact.
        let person = c.representative.as_ref().or(self.r.contacts.first());
        let representative = match person {
            Some(p) => {
                let mut rep = Map::new();
                let who = format!("`{}`", p.id);
                rep.insert(
                    "name".into(),
                    self.require(p.name.clone(), format!("the name of {who} (`name`)")),
                );
                rep.insert(
                    "email".into(),
                    self.require(p.email.clone(), format!("the e-mail of {who} (`email`)")),
                );
                put_phone(&mut rep, p.phone.as_deref());
                Value::Object(rep)
            }
            None => {
                self.unstated
                    .push("a person who represents the controller (`contact`)".into());
                Value::Null
            }
        };
        node.insert("representative".into(), representative);
        Value::Object(node)
    }

    fn dpo(&mut self) -> Value {
        let Some(p) = self.r.dpo.clone() else {
            self.unstated.push(
                "the data protection officer (`dpo`), with a name, an address, a country and an e-mail"
                    .into(),
            );
            return Value::Null;
        };
        let who = format!("the data protection officer `{}`", p.id);
        let mut node = Map::new();
        node.insert(
            "name".into(),
            self.require(p.name.clone(), format!("the name of {who} (`name`)")),
        );
        node.insert(
            "address".into(),
            self.require(
                p.address.clone(),
                format!("the address of {who} (`address`)"),
            ),
        );
        node.insert(
            "country".into(),
            self.require(
                p.country.clone().filter(|c| is_country_code(c)),
                format!("the country of {who}, a country code (`country`)"),
            ),
        );
        node.insert(
            "email".into(),
            self.require(p.email.clone(), format!("the e-mail of {who} (`email`)")),
        );
        put_phone(&mut node, p.phone.as_deref());
        Value::Object(node)
    }

    fn data_disclosed(&mut self) -> Value {
        if self.r.data.is_empty() {
            self.unstated.push("the data it holds (`data`)".into());
        }
        let r = self.r;
        Value::Array(r.data.iter().map(|d| self.disclosed(d)).collect())
    }

    /// One category: the purposes it serves with their bases, its recipients, how long it
    /// is kept and whether giving it is required.
    fn disclosed(&mut self, d: &m::DataCategory) -> Value {
        let r = self.r;
        let purposes = purposes_of(r, &d.id);
        let what = format!("data `{}`", d.id);
        if purposes.is_empty() {
            self.unstated
                .push(format!("a purpose for {what} (`purpose`)"));
        }
        let listed: Vec<Value> = purposes
            .iter()
            .map(|p| {
                let title = self.purpose_title(p);
                let description = self.text(&p.text).unwrap_or_else(|| title.clone());
                json!({"purpose": title, "description": description})
            })
            .collect();
        json!({
            "_id": d.id,
            "category": self.say.data(&d.id),
            "purposes": listed,
            "legalBases": self.bases(&purposes),
            "legitimateInterests": self.interests(&purposes),
            "recipients": self.recipients(&purposes, &what),
            "storage": self.storage(&d.id, &purposes, &what),
            "nonDisclosure": self.non_disclosure(d, &purposes, &what),
        })
    }

    fn bases(&mut self, purposes: &[&m::Purpose]) -> Value {
        let mut out = Vec::new();
        let mut seen = Vec::new();
        for p in purposes {
            let bases = effective_bases(self.r, p);
            if bases.is_empty() {
                self.unstated
                    .push(format!("a legal basis for purpose `{}` (`basis`)", p.id));
            }
            for b in bases.iter().chain(&p.conditions) {
                if seen.contains(&&b.id) {
                    continue;
                }
                seen.push(&b.id);
                match b.article.as_deref().and_then(reference) {
                    Some(reference) => out.push(json!({
                        "reference": reference,
                        "description": self.say.fact(b),
                    })),
                    None => self
                        .unstated
                        .push(format!("the article of `{}` (`article`)", b.id)),
                }
            }
        }
        Value::Array(out)
    }

    fn interests(&mut self, purposes: &[&m::Purpose]) -> Value {
        let mut out = Vec::new();
        for p in purposes {
            if !effective_bases(self.r, p)
                .iter()
                .any(m::Reference::is_legitimate_interest)
            {
                continue;
            }
            let interest = self
                .text(&p.interest)
                .or_else(|| self.text(&self.r.interest));
            let reasoning = self.require(
                interest,
                format!("the legitimate interest of purpose `{}` (`interest`)", p.id),
            );
            let entry = json!({"exists": true, "reasoning": reasoning});
            if !out.contains(&entry) {
                out.push(entry);
            }
        }
        if out.is_empty() {
            out.push(json!({"exists": false}));
        }
        Value::Array(out)
    }

    /// The recipients of the purposes' data: those the purposes name, else every recipient
    /// of the register (the notice says they may receive its data, not which).
    fn recipients(&mut self, purposes: &[&m::Purpose], what: &str) -> Value {
        let all = match &self.r.recipients {
            Stated::NotStated => {
                self.unstated.push(format!(
                    "who receives {what} (`recipients`, or `recipients none`)"
                ));
                return json!([]);
            }
            Stated::None => return json!([]),
            Stated::Listed(all) => all,
        };
        // Per purpose: the recipients it names, else every recipient of the register.
        let mut ids: Vec<&str> = Vec::new();
        let mut refs: Vec<&m::RecipientRef> = Vec::new();
        for p in purposes {
            if p.recipients.is_empty() {
                ids.extend(all.iter().map(|x| x.id.as_str()));
            }
            for x in &p.recipients {
                ids.push(&x.id);
                refs.push(x);
            }
        }
        let mut out = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        for x in all {
            if ids.contains(&x.id.as_str()) && !seen.contains(&x.id.as_str()) {
                seen.push(&x.id);
                out.push(self.recipient(&x.name, &x.title, &x.id, &x.countries));
            }
        }
        // A recipient a purpose names but the register's list does not hold.
        for x in refs {
            if !seen.contains(&x.id.as_str()) {
                seen.push(&x.id);
                out.push(self.recipient(&x.name, &x.title, &x.id, &[]));
            }
        }
        Value::Array(out)
    }

    fn recipient(
        &self,
        name: &Option<String>,
        title: &m::Texts,
        id: &str,
        countries: &[String],
    ) -> Value {
        let mut node = Map::new();
        let category = self
            .text(title)
            .or_else(|| name.clone())
            .unwrap_or_else(|| id.to_string());
        node.insert("category".into(), json!(category));
        if let Some(name) = name {
            node.insert("name".into(), json!(name));
        }
        if let [country] = countries
            && is_country_code(country)
        {
            node.insert("country".into(), json!(country));
        }
        Value::Object(node)
    }

    /// How long the category is kept: every period that covers it, the register's and
    /// its purposes'.
    fn storage(&mut self, id: &str, purposes: &[&m::Purpose], what: &str) -> Value {
        let covers = |x: &&m::Retention| x.data.is_empty() || x.data.iter().any(|d| d == id);
        let mut out: Vec<Value> = self
            .r
            .retention
            .iter()
            .filter(covers)
            .map(|x| self.stored(x, None))
            .collect();
        for p in purposes {
            for x in p.retention.iter().filter(covers) {
                out.push(self.stored(x, Some(self.purpose_title(p))));
            }
        }
        if out.is_empty() {
            self.unstated
                .push(format!("how long {what} is kept (`retention`)"));
        }
        Value::Array(out)
    }

    fn stored(&self, x: &m::Retention, purpose: Option<String>) -> Value {
        // `at least` is a minimum, not the data's lifetime: said in words only.
        let at_least = matches!(
            x.rule,
            m::RetentionRule::Period {
                bound: m::RetentionBound::AtLeast,
                ..
            }
        );
        let phrase = self.say.retention(x);
        let mut node = Map::new();
        // The longest of the periods given is how long the data may be kept.
        node.insert("aggregationFunction".into(), json!("max"));
        match ttl(&x.rule).filter(|_| !at_least) {
            Some(ttl) => {
                node.insert(
                    "temporal".into(),
                    json!([{"description": phrase, "ttl": ttl}]),
                );
            }
            // Until an event, or criteria in words: TILT has no length for it, so the
            // period is said in words only.
            None => {
                node.insert("description".into(), json!(phrase));
            }
        }
        if let Some(p) = purpose {
            node.insert("purposeConditional".into(), json!([p]));
        }
        Value::Object(node)
    }

    fn non_disclosure(
        &mut self,
        d: &m::DataCategory,
        purposes: &[&m::Purpose],
        what: &str,
    ) -> Value {
        let mut requirements: Vec<&m::Requirement> = purposes
            .iter()
            .filter_map(|p| p.requirement.as_ref())
            .collect();
        if (requirements.len() < purposes.len() || purposes.is_empty())
            && let Some(q) = &self.r.requirement
        {
            requirements.push(q);
        }
        if requirements.is_empty() {
            self.unstated.push(format!(
                "whether giving {what} is required, and what follows if it is not given (`requirement`)"
            ));
            return Value::Null;
        }
        let any = |k: &[m::RequirementKind]| requirements.iter().any(|q| k.contains(&q.kind));
        let consequences: Vec<String> = requirements
            .iter()
            .filter_map(|q| self.text(&q.consequence))
            .collect();
        let consequences = if consequences.is_empty() {
            None
        } else {
            Some(consequences.join(" "))
        };
        let consequences = self.require(
            consequences,
            format!("what follows if {what} is not given (`consequence` in `requirement`)"),
        );
        use m::RequirementKind as K;
        // Data the register says people may leave out is required by nothing.
        let required = !d.optional;
        json!({
            "legalRequirement": required && any(&[K::Statutory]),
            "contractualRegulation": required && any(&[K::Contractual, K::ContractPrerequisite]),
            "obligationToProvide": required
                && any(&[K::Statutory, K::Contractual, K::ContractPrerequisite]),
            "consequences": consequences,
        })
    }

    fn transfers(&mut self) -> Value {
        let all = match &self.r.transfers {
            Stated::NotStated => {
                self.unstated
                    .push("whether data leaves the EEA (`transfer`, or `transfers none`)".into());
                return json!([]);
            }
            Stated::None => return json!([]),
            Stated::Listed(all) => all,
        };
        let mut out = Vec::new();
        for t in all.iter().filter(|t| t.chapter_v) {
            let safeguard = self.safeguard(t);
            // A country by its code; a destination the register could not name
            // (`outside-eea`) as an entry without one. The EU and the EEA are no third
            // country.
            for c in &t.countries {
                let mut node = safeguard.clone();
                if is_country_code(c) {
                    node.insert("country".into(), json!(c));
                } else if matches!(c.as_str(), "EU" | "EEA") {
                    continue;
                }
                if !out.contains(&Value::Object(node.clone())) {
                    out.push(Value::Object(node));
                }
            }
            if t.countries.is_empty() {
                out.push(Value::Object(safeguard));
            }
        }
        Value::Array(out)
    }

    /// The transfer's mechanism under the TILT member for its article: an adequacy
    /// decision (Art. 45), the standard clauses (Art. 46(2)(c), (d)) or other safeguards
    /// (Art. 46, 47). A derogation (Art. 49) is none of them and is said in words.
    fn safeguard(&mut self, t: &m::Transfer) -> Map<String, Value> {
        let mut node = Map::new();
        let Some(mech) = &t.mechanism else {
            self.unstated.push(format!(
                "the safeguard of transfer `{}` (`mechanism`)",
                t.id
            ));
            return node;
        };
        let reference = m::Reference {
            id: mech.id.clone(),
            article: mech.article.clone(),
            title: mech.title.clone(),
        };
        let description = self.say.fact(&reference);
        let article = mech.article.as_deref().unwrap_or("");
        let member = if article.starts_with("45") {
            Some("adequacyDecision")
        } else if article.starts_with("46(2)(c)") || article.starts_with("46(2)(d)") {
            Some("standardDataProtectionClause")
        } else if article.starts_with("46") || article.starts_with("47") {
            Some("appropriateGuarantees")
        } else {
            None
        };
        match member {
            Some(member) => {
                node.insert(
                    member.into(),
                    json!({"available": true, "description": description}),
                );
            }
            None => {
                node.insert("description".into(), json!(description));
            }
        }
        node
    }

    /// Sources other than the person (Art. 14(2)(f)): each with where it is found and
    /// whether it is public, which TILT requires.
    fn sources(&mut self) -> Value {
        let r = self.r;
        if r.sources.is_empty() {
            self.unstated
                .push("where the data comes from (`sources`)".into());
        }
        let categories: Vec<String> = r.data.iter().map(|d| self.say.data(&d.id)).collect();
        let mut out = Vec::new();
        for s in &r.sources {
            let elsewhere = s.kinds.is_empty()
                || s.kinds
                    .iter()
                    .any(|k| matches!(k, m::SourceKind::ThirdParty | m::SourceKind::Public));
            if !elsewhere {
                continue;
            }
            let what = format!("source `{}`", s.id);
            let public = if s.kinds.is_empty() {
                self.unstated.push(format!(
                    "whether {what} is public (`kind public` or `kind third-party`)"
                ));
                Value::Null
            } else {
                json!(s.kinds.contains(&m::SourceKind::Public))
            };
            let url = self.require(
                s.website.as_deref().map(uri),
                format!("where {what} is found (`website`)"),
            );
            let title = match (self.text(&s.title), &s.name) {
                (Some(title), Some(name)) => format!("{title} ({name})"),
                (Some(title), None) => title,
                (None, Some(name)) => name.clone(),
                (None, None) => s.id.clone(),
            };
            let description = match self.text(&s.text) {
                Some(text) => format!("{title}: {text}"),
                None => title,
            };
            out.push(json!({
                "_id": s.id,
                // The register does not say which categories come from which source: any
                // of them may.
                "dataCategory": categories.join(", "),
                "sources": [{
                    "description": description,
                    "url": url,
                    "publiclyAvailable": public,
                }],
            }));
        }
        Value::Array(out)
    }

    /// The rights, as the legal bases give them (regc derives them; they are not typed in).
    fn rights(&mut self, root: &mut Map<String, Value>) {
        let email = self.rights_email();
        let right = |tilt: &Self, ids: &[&str]| -> Value {
            let found: Vec<&m::Right> = tilt
                .r
                .rights
                .iter()
                .filter(|x| ids.contains(&x.id.as_str()))
                .collect();
            if found.is_empty() {
                return json!({"available": false});
            }
            let description: Vec<String> = found
                .iter()
                .map(|x| {
                    let title = tilt.text(&x.title).unwrap_or_else(|| x.id.clone());
                    let mut said = match tilt.text(&x.text) {
                        Some(text) => format!("{title}: {text}"),
                        None => title,
                    };
                    // What the register adds: a note, and a restriction with its law.
                    let restriction = x.restriction.as_ref();
                    let law = restriction
                        .and_then(|r| r.law.as_ref())
                        .and_then(|l| tilt.text(&l.title));
                    let added = [
                        tilt.text(&x.note),
                        restriction.and_then(|r| tilt.text(&r.text)),
                        law,
                    ];
                    for words in added.into_iter().flatten() {
                        said.push(' ');
                        said.push_str(&words);
                    }
                    said
                })
                .collect();
            let mut node = Map::new();
            node.insert("available".into(), json!(true));
            node.insert("description".into(), json!(description.join(" ")));
            if let Some(e) = &email {
                node.insert("email".into(), json!(e));
            }
            Value::Object(node)
        };
        let access = right(self, &["access"]);
        let mut portability_of_access = Map::new();
        portability_of_access.insert(
            "available".into(),
            json!(self.r.rights.iter().any(|x| x.id == "access")),
        );
        if let Some(e) = &email {
            portability_of_access.insert("email".into(), json!(e));
        }
        root.insert(
            "accessAndDataPortability".into(),
            Value::Object(portability_of_access),
        );
        root.insert("rightToInformation".into(), access);
        root.insert(
            "rightToRectificationOrDeletion".into(),
            right(self, &["rectification", "erasure"]),
        );
        root.insert(
            "rightToDataPortability".into(),
            right(self, &["portability"]),
        );
        root.insert(
            "rightToWithdrawConsent".into(),
            right(self, &["withdraw-consent"]),
        );
        let mut complain = match right(self, &["complaint"]) {
            Value::Object(node) => node,
            _ => Map::new(),
        };
        // A complaint goes to the authority, not to the controller's address.
        complain.remove("email");
        if complain.get("available") == Some(&json!(true)) {
            complain.insert("supervisoryAuthority".into(), self.authority());
        }
        root.insert("rightToComplain".into(), Value::Object(complain));
    }

    /// Where requests go: the first e-mail of a contact, else the controller's.
    fn rights_email(&self) -> Option<String> {
        self.r
            .contacts
            .iter()
            .find_map(|p| p.email.clone())
            .or_else(|| self.r.controller.as_ref().and_then(|c| c.email.clone()))
    }

    fn authority(&mut self) -> Value {
        let Some(a) = &self.r.authority else {
            self.unstated.push(
                "the supervisory authority (the controller's `country`, or `authority`)".into(),
            );
            return Value::Null;
        };
        let mut node = Map::new();
        node.insert(
            "name".into(),
            json!(self.text(&a.title).unwrap_or_else(|| a.id.clone())),
        );
        if let Some(address) = self.text(&a.address) {
            let lines: Vec<&str> = address.lines().map(str::trim).collect();
            node.insert("address".into(), json!(lines.join(", ")));
        }
        if let Some(c) = a.country.as_deref().filter(|c| is_country_code(c)) {
            node.insert("country".into(), json!(c));
        }
        if let Some(e) = &a.email {
            node.insert("email".into(), json!(e));
        }
        put_phone(&mut node, a.phone.as_deref());
        Value::Object(node)
    }

    fn automated(&mut self) -> Value {
        match &self.r.automated_decisions {
            m::AutomatedDecisions::NotStated => {
                self.unstated.push(
                    "whether decisions are automated (`automated-decisions`, or `automated-decisions none`)"
                        .into(),
                );
                Value::Null
            }
            m::AutomatedDecisions::None => json!({"inUse": false}),
            m::AutomatedDecisions::Described {
                logic,
                significance,
                consequences,
            } => {
                let logic = self.text(logic);
                let logic = self.require(logic, "the logic of the automated decisions (`logic`)");
                let effects: Vec<String> = [significance, consequences]
                    .into_iter()
                    .filter_map(|t| self.text(t))
                    .collect();
                let effects = (!effects.is_empty()).then(|| effects.join(" "));
                let effects = self.require(
                    effects,
                    "the significance and consequences of the automated decisions (`significance`)",
                );
                json!({"inUse": true, "logicInvolved": logic, "scopeAndIntendedEffects": effects})
            }
        }
    }
}

/// The purposes a category serves: those that list it, else those that list no data
/// (and so use all of the register's).
fn purposes_of<'r>(r: &'r m::Register, id: &str) -> Vec<&'r m::Purpose> {
    let listing: Vec<&m::Purpose> = r
        .purposes
        .iter()
        .filter(|p| p.data.iter().any(|d| d == id))
        .collect();
    if !listing.is_empty() {
        return listing;
    }
    r.purposes.iter().filter(|p| p.data.is_empty()).collect()
}

/// A purpose's bases: its own, else the register's.
fn effective_bases<'r>(r: &'r m::Register, p: &'r m::Purpose) -> &'r [m::Reference] {
    if p.bases.is_empty() {
        &r.bases
    } else {
        &p.bases
    }
}

/// `6(1)(a)` → `GDPR-6-1-a`, TILT's form of a reference.
fn reference(article: &str) -> Option<String> {
    let first = article.split(',').next()?.trim();
    let parts: String = first.replace(")(", "-").replace('(', "-").replace(')', "");
    let ok = !parts.is_empty()
        && parts
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase() || c == '-');
    ok.then(|| format!("GDPR-{parts}"))
}

/// A period as an ISO 8601 duration in the form TILT's pattern takes (no weeks);
/// `None` for a period without a length.
fn ttl(rule: &m::RetentionRule) -> Option<String> {
    match rule {
        m::RetentionRule::Period { duration, .. } => Some(match duration.unit {
            m::DurationUnit::Weeks => format!("P{}D", u64::from(duration.amount) * 7),
            _ => crate::render::dpv::iso_duration(duration),
        }),
        m::RetentionRule::NotKept => Some("PT0S".into()),
        m::RetentionRule::Until { .. } | m::RetentionRule::Criteria { .. } => None,
    }
}

/// A web address or path as a URI reference: its characters outside ASCII percent-encoded
/// as UTF-8 (`hämeenlinna` → `h%C3%A4meenlinna`), which RFC 3986 allows in every part.
fn uri(address: &str) -> String {
    percent_encoding::utf8_percent_encode(address, &percent_encoding::AsciiSet::EMPTY).to_string()
}

/// An ISO 3166-1 code, not a region of regc's (`EU`, `EEA`, `outside-eea`).
fn is_country_code(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) && code != "EU"
}

/// A phone number, when it has the shape TILT's pattern allows.
fn put_phone(node: &mut Map<String, Value>, phone: Option<&str>) {
    let Some(phone) = phone else { return };
    let digits = phone.trim_start_matches('+');
    let shaped = digits.starts_with(|c: char| c.is_ascii_digit())
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || " -./".contains(c));
    if shaped {
        node.insert("phone".into(), json!(phone));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_become_tilt_references() {
        assert_eq!(reference("6(1)(a)").as_deref(), Some("GDPR-6-1-a"));
        assert_eq!(reference("9(2)(h)").as_deref(), Some("GDPR-9-2-h"));
        assert_eq!(reference("46(2)(b), 47").as_deref(), Some("GDPR-46-2-b"));
        assert_eq!(reference("Lag (2018:218)"), None);
    }

    #[test]
    fn weeks_are_days_since_tilts_pattern_has_no_weeks() {
        let period = |amount, unit| m::RetentionRule::Period {
            duration: m::Duration { amount, unit },
            bound: m::RetentionBound::Exact,
            after: None,
            under: None,
        };
        assert_eq!(
            ttl(&period(2, m::DurationUnit::Weeks)).as_deref(),
            Some("P14D")
        );
        assert_eq!(
            ttl(&period(5, m::DurationUnit::Years)).as_deref(),
            Some("P5Y")
        );
        assert_eq!(
            ttl(&period(30, m::DurationUnit::Minutes)).as_deref(),
            Some("PT30M")
        );
        assert_eq!(ttl(&m::RetentionRule::NotKept).as_deref(), Some("PT0S"));
    }

    #[test]
    fn addresses_outside_ascii_are_percent_encoded() {
        assert_eq!(
            uri("https://www.hämeenlinna.fi/å"),
            "https://www.h%C3%A4meenlinna.fi/%C3%A5"
        );
        assert_eq!(uri("r/fi/index.html"), "r/fi/index.html");
    }

    #[test]
    fn regions_are_not_country_codes() {
        assert!(is_country_code("US"));
        assert!(!is_country_code("EU"));
        assert!(!is_country_code("outside-eea"));
        assert!(!is_country_code("EEA"));
    }

    #[test]
    fn only_phone_numbers_of_tilts_shape_are_written() {
        let mut node = Map::new();
        put_phone(&mut node, Some("+358 40 4510757"));
        assert_eq!(node.get("phone"), Some(&json!("+358 40 4510757")));
        let mut node = Map::new();
        put_phone(&mut node, Some("ask at the desk"));
        assert!(node.is_empty());
    }
}
