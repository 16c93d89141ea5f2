//! A register as JSON-LD in the W3C Data Privacy Vocabulary (DPV 2.x): the register a
//! `dpv:Process`, each purpose a `dpv:Process` under it with its `dpv:Purpose` and legal
//! bases, transfers processes of `dpv:CrossBorderTransfer`; data, subjects, sources,
//! recipients, the controller, storage and rights with DPV's terms. Legal bases, Art. 9(2)
//! conditions, transfer mechanisms and rights are the GDPR extension's concepts
//! (`eu-gdpr:A6-1-b`, `eu-gdpr:A46-2-c`, `eu-gdpr:A15`) where one exists for the article;
//! countries are DPV's location concepts (`loc:FI`). The mapping is `docs/interop.md`.

use serde_json::{Map, Value, json};

use crate::render::iri::Names;
use crate::render::l10n::Catalog;
use crate::render::notice::Phrases;
use crate::resolve::model::{self as m, RegisterDoc, Stated};

/// The GDPR extension's concepts for articles (DPV 2.2, `legal/eu/gdpr`): an article not
/// here is written as a node of its own with the article as its source, never as a
/// guessed term.
const GDPR_CONCEPTS: &[&str] = &[
    "A6-1-a", "A6-1-b", "A6-1-c", "A6-1-d", "A6-1-e", "A6-1-f", "A9-2-a", "A9-2-b", "A9-2-c",
    "A9-2-d", "A9-2-e", "A9-2-f", "A9-2-g", "A9-2-h", "A9-2-i", "A9-2-j", "A45-3", "A46-2-a",
    "A46-2-b", "A46-2-c", "A46-2-d", "A46-2-e", "A46-2-f", "A46-3-a", "A46-3-b", "A49-1-a",
    "A49-1-b", "A49-1-c", "A49-1-d", "A49-1-e", "A49-1-f", "A49-1-g", "A7-3", "A13", "A14", "A15",
    "A16", "A17", "A18", "A20", "A21", "A22", "A77",
];

/// `6(1)(a)` → `A6-1-a`: the GDPR extension's name for an article; for a paragraph it has
/// no concept of its own, the article's (`21(1)` → `A21`, the right to object).
pub fn gdpr_concept(article: &str) -> Option<String> {
    // `46(2)(b), 47`, `49(1)(b), (c)`: the first article named.
    let article = article.split(',').next().unwrap_or(article);
    let mut name = format!(
        "A{}",
        article
            .trim()
            .replace(")(", "-")
            .replace('(', "-")
            .replace(')', "")
    );
    loop {
        if GDPR_CONCEPTS.contains(&name.as_str()) {
            return Some(name);
        }
        let (broader, _) = name.rsplit_once('-')?;
        name = broader.to_string();
    }
}

/// The document of one register.
pub fn register(doc: &RegisterDoc, names: &Names) -> Result<String, String> {
    let r = &doc.register;
    let base = names.of("register", &r.id);
    let english = Catalog::new("en").ok_or("the English catalogue is missing")?;
    let say = Phrases::new(r, &english);
    let mut node = Map::new();
    node.insert("@context".into(), context());
    node.insert("@id".into(), json!(base));
    node.insert("@type".into(), json!("dpv:Process"));
    put(&mut node, "dct:title", texts(&r.title));
    if let Some(updated) = &r.updated {
        // `2018-04-06` is a date; `2022-04` (a notice that gives only the month) a month.
        let kind = if updated.len() == 10 {
            "xsd:date"
        } else {
            "xsd:gYearMonth"
        };
        node.insert(
            "dct:modified".into(),
            json!({"@value": updated, "@type": kind}),
        );
    }
    if let Some(c) = &r.controller {
        node.insert("dpv:hasDataController".into(), controller(c, names));
    }
    if let Some(dpo) = &r.dpo {
        node.insert(
            "dpv:hasDataProtectionOfficer".into(),
            person(dpo, "dpv:DataProtectionOfficer", names),
        );
    }
    let data: Vec<Value> = r.data.iter().map(|d| data_category(&base, d)).collect();
    put(&mut node, "dpv:hasPersonalData", Value::Array(data));
    let subjects: Vec<Value> = r
        .subjects
        .iter()
        .map(|s| {
            labelled(
                &format!("{base}:subject:{}", s.id),
                "dpv:DataSubject",
                &s.title,
            )
        })
        .collect();
    put(&mut node, "dpv:hasDataSubject", Value::Array(subjects));
    let sources: Vec<Value> = r
        .sources
        .iter()
        .map(|s| {
            labelled(
                &format!("{base}:source:{}", s.id),
                "dpv:DataSource",
                &s.title,
            )
        })
        .collect();
    put(&mut node, "dpv:hasDataSource", Value::Array(sources));
    if let Stated::Listed(all) = &r.recipients {
        let recipients: Vec<Value> = all.iter().map(|x| recipient(&base, x)).collect();
        put(&mut node, "dpv:hasRecipient", Value::Array(recipients));
    }
    let storage_: Vec<Value> = r
        .retention
        .iter()
        .map(|x| storage(&base, x, &say))
        .collect();
    put(&mut node, "dpv:hasStorageCondition", Value::Array(storage_));
    let rights: Vec<Value> = r
        .rights
        .iter()
        .map(|right| fact(right.article.as_deref(), &right.id, &right.title))
        .collect();
    put(&mut node, "dpv:hasRight", Value::Array(rights));
    if let Some(a) = &r.authority {
        node.insert("dpv:hasAuthority".into(), authority(a, names));
    }
    if let m::AutomatedDecisions::Described {
        logic,
        significance,
        consequences,
    } = &r.automated_decisions
    {
        node.insert(
            "dpv:hasContext".into(),
            automated_decisions(&base, logic, significance, consequences),
        );
    }
    let measures: Vec<Value> = r
        .security
        .iter()
        .enumerate()
        .map(|(i, t)| {
            labelled(
                &format!("{base}:security:{}", i + 1),
                "dpv:TechnicalOrganisationalMeasure",
                t,
            )
        })
        .collect();
    put(
        &mut node,
        "dpv:hasTechnicalOrganisationalMeasure",
        Value::Array(measures),
    );
    let mut processes: Vec<Value> = r
        .purposes
        .iter()
        .map(|p| purpose(&base, r, p, &say))
        .collect();
    if let Stated::Listed(all) = &r.transfers {
        processes.extend(all.iter().map(|t| transfer(&base, t)));
    }
    put(&mut node, "dpv:hasProcess", Value::Array(processes));
    serde_json::to_string_pretty(&Value::Object(node))
        .map(|mut s| {
            s.push('\n');
            s
        })
        .map_err(|e| format!("cannot write the DPV document of `{}`: {e}", r.id))
}

fn context() -> Value {
    json!({
        "dpv": "https://w3id.org/dpv#",
        "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
        "loc": "https://w3id.org/dpv/loc#",
        "dct": "http://purl.org/dc/terms/",
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
        "dpv:hasName": {"@container": "@set"},
    })
}

/// Sets `key` unless the value is an empty list or an empty language map.
fn put(node: &mut Map<String, Value>, key: &str, value: Value) {
    let empty = match &value {
        Value::Array(a) => a.is_empty(),
        Value::Null => true,
        _ => false,
    };
    if !empty {
        node.insert(key.into(), value);
    }
}

/// A text in each of its languages, as JSON-LD language-tagged strings.
fn texts(t: &m::Texts) -> Value {
    Value::Array(
        t.iter()
            .map(|(lang, text)| json!({"@value": text, "@language": lang}))
            .collect(),
    )
}

fn labelled(id: &str, kind: &str, title: &m::Texts) -> Value {
    let mut node = Map::new();
    node.insert("@id".into(), json!(id));
    node.insert("@type".into(), json!(kind));
    put(&mut node, "rdfs:label", texts(title));
    Value::Object(node)
}

/// A country: DPV's concept for its ISO 3166 code (`loc:US`); a place the register could
/// not name (`outside-eea`) is a third country without a name.
fn country(code: &str) -> Value {
    // DPV's location concepts have the groups as well (`loc:EU`, `loc:EEA`).
    let iso = code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase());
    if iso || ["EU", "EEA"].contains(&code) {
        json!({"@id": format!("loc:{code}")})
    } else {
        json!({"@type": "dpv:ThirdCountry", "rdfs:comment": format!("not named: {code}")})
    }
}

fn controller(c: &m::Controller, names: &Names) -> Value {
    let mut node = Map::new();
    node.insert("@id".into(), json!(names.of("controller", &c.id)));
    node.insert("@type".into(), json!("dpv:DataController"));
    identify(
        &mut node,
        [&c.name, &c.address, &c.country],
        contacts(&c.email, &c.phone, &c.website),
    );
    if let Some(rep) = &c.representative {
        node.insert(
            "dpv:hasRepresentative".into(),
            person(rep, "dpv:Representative", names),
        );
    }
    let joint: Vec<Value> = c
        .joint_controllers
        .iter()
        .map(|j| {
            let mut other = Map::new();
            other.insert("@id".into(), json!(names.of("controller", &j.id)));
            other.insert("@type".into(), json!("dpv:DataController"));
            if let Some(name) = &j.name {
                other.insert("dpv:hasName".into(), json!([name]));
            }
            Value::Object(other)
        })
        .collect();
    if !joint.is_empty() {
        node.insert(
            "dpv:hasJointDataControllers".into(),
            json!({"@type": "dpv:JointDataControllers", "dpv:hasDataController": joint}),
        );
    }
    Value::Object(node)
}

/// The supervisory authority people may complain to (Art. 77): the standard library's
/// record of it, with its name in each language and how to reach it.
fn authority(a: &m::Authority, names: &Names) -> Value {
    let mut node = Map::new();
    node.insert("@id".into(), json!(names.of("authority", &a.id)));
    node.insert("@type".into(), json!("dpv:DataProtectionAuthority"));
    put(&mut node, "dpv:hasName", texts(&a.title));
    put(&mut node, "dpv:hasAddress", texts(&a.address));
    if let Some(code) = &a.country {
        node.insert("dpv:hasCountry".into(), country(code));
    }
    put(
        &mut node,
        "dpv:hasContact",
        contacts(&a.email, &a.phone, &a.website),
    );
    Value::Object(node)
}

/// Automated decisions (Art. 22) as DPV's processing context, with the logic, the
/// significance and the consequences in words. `automated-decisions none` leaves no
/// trace: DPV has no term for its absence.
fn automated_decisions(
    base: &str,
    logic: &m::Texts,
    significance: &m::Texts,
    consequences: &m::Texts,
) -> Value {
    let mut node = Map::new();
    node.insert("@id".into(), json!(format!("{base}:automated-decisions")));
    node.insert("@type".into(), json!("dpv:AutomatedDecisionMaking"));
    let said: Vec<Value> = [logic, significance, consequences]
        .into_iter()
        .flat_map(|t| match texts(t) {
            Value::Array(items) => items,
            _ => Vec::new(),
        })
        .collect();
    put(&mut node, "rdfs:comment", Value::Array(said));
    Value::Object(node)
}

fn person(p: &m::Person, kind: &str, names: &Names) -> Value {
    let mut node = Map::new();
    node.insert("@id".into(), json!(names.of("person", &p.id)));
    node.insert("@type".into(), json!(kind));
    identify(
        &mut node,
        [&p.name, &p.address, &p.country],
        contacts(&p.email, &p.phone, &None),
    );
    Value::Object(node)
}

/// Who a controller or a person is and how to reach them: the name, the address, the
/// country (each when stated) and the contacts.
fn identify(
    node: &mut Map<String, Value>,
    [name, address, code]: [&Option<String>; 3],
    contacts: Value,
) {
    if let Some(name) = name {
        node.insert("dpv:hasName".into(), json!([name]));
    }
    if let Some(address) = address {
        node.insert("dpv:hasAddress".into(), json!(address));
    }
    if let Some(code) = code {
        node.insert("dpv:hasCountry".into(), country(code));
    }
    put(node, "dpv:hasContact", contacts);
}

/// How to reach someone, as DPV contacts: `mailto:`, `tel:` (digits only) and a website.
fn contacts(email: &Option<String>, phone: &Option<String>, website: &Option<String>) -> Value {
    let all: Vec<String> = email
        .iter()
        .map(|e| format!("mailto:{e}"))
        .chain(phone.iter().map(|p| format!("tel:{}", p.replace(' ', ""))))
        .chain(website.iter().cloned())
        .collect();
    json!(all)
}

fn data_category(base: &str, d: &m::DataCategory) -> Value {
    let kind = match d.kind {
        m::DataKind::Special => "dpv:SpecialCategoryPersonalData",
        // Art. 10 data is not an Art. 9 category: DPV calls both sensitive.
        m::DataKind::Criminal => "dpv:SensitivePersonalData",
        m::DataKind::Ordinary | m::DataKind::NationalId => "dpv:PersonalData",
    };
    labelled(&format!("{base}:data:{}", d.id), kind, &d.title)
}

fn recipient(base: &str, x: &m::Recipient) -> Value {
    let mut kinds = vec![json!("dpv:Recipient")];
    for role in &x.roles {
        kinds.push(json!(match role {
            m::RecipientRole::Processor => "dpv:DataProcessor",
            m::RecipientRole::Controller => "dpv:DataController",
            m::RecipientRole::JointController => "dpv:JointDataControllers",
            m::RecipientRole::Authority => "dpv:Authority",
        }));
    }
    let mut node = Map::new();
    node.insert("@id".into(), json!(format!("{base}:recipient:{}", x.id)));
    node.insert("@type".into(), Value::Array(kinds));
    if let Some(name) = &x.name {
        node.insert("dpv:hasName".into(), json!([name]));
    }
    put(&mut node, "rdfs:label", texts(&x.title));
    let countries: Vec<Value> = x.countries.iter().map(|c| country(c)).collect();
    put(&mut node, "dpv:hasCountry", Value::Array(countries));
    Value::Object(node)
}

/// A basis, condition, mechanism or right: the GDPR extension's concept for its article,
/// else a node of its own naming the article.
fn fact(article: Option<&str>, id: &str, title: &m::Texts) -> Value {
    if let Some(concept) = article.and_then(gdpr_concept) {
        return json!({"@id": format!("eu-gdpr:{concept}")});
    }
    let mut node = Map::new();
    node.insert("@id".into(), json!(format!("urn:regc:fact:{id}")));
    put(&mut node, "rdfs:label", texts(title));
    if let Some(a) = article {
        node.insert("dct:source".into(), json!(format!("GDPR Art. {a}")));
    }
    Value::Object(node)
}

fn reference(r: &m::Reference) -> Value {
    fact(r.article.as_deref(), &r.id, &r.title)
}

fn purpose(base: &str, r: &m::Register, p: &m::Purpose, say: &Phrases) -> Value {
    let id = format!("{base}:purpose:{}", p.id);
    let mut node = Map::new();
    node.insert("@id".into(), json!(id.clone()));
    node.insert("@type".into(), json!("dpv:Process"));
    let mut what = Map::new();
    what.insert("@id".into(), json!(format!("{id}:purpose")));
    what.insert("@type".into(), json!("dpv:Purpose"));
    put(
        &mut what,
        "rdfs:label",
        texts(if p.title.is_empty() {
            &p.text
        } else {
            &p.title
        }),
    );
    put(&mut what, "dct:description", texts(&p.text));
    node.insert("dpv:hasPurpose".into(), Value::Object(what));
    let bases = if p.bases.is_empty() {
        &r.bases
    } else {
        &p.bases
    };
    let mut legal: Vec<Value> = bases.iter().map(reference).collect();
    legal.extend(p.conditions.iter().map(reference));
    put(&mut node, "dpv:hasLegalBasis", Value::Array(legal));
    let data: Vec<Value> = p
        .data
        .iter()
        .map(|d| json!({"@id": format!("{base}:data:{d}")}))
        .collect();
    put(&mut node, "dpv:hasPersonalData", Value::Array(data));
    let recipients: Vec<Value> = p
        .recipients
        .iter()
        .map(|x| json!({"@id": format!("{base}:recipient:{}", x.id)}))
        .collect();
    put(&mut node, "dpv:hasRecipient", Value::Array(recipients));
    let storage_: Vec<Value> = p.retention.iter().map(|x| storage(base, x, say)).collect();
    put(&mut node, "dpv:hasStorageCondition", Value::Array(storage_));
    Value::Object(node)
}

fn transfer(base: &str, t: &m::Transfer) -> Value {
    let mut node = Map::new();
    node.insert("@id".into(), json!(format!("{base}:transfer:{}", t.id)));
    node.insert("@type".into(), json!("dpv:Process"));
    node.insert(
        "dpv:hasProcessing".into(),
        json!({"@id": "dpv:CrossBorderTransfer"}),
    );
    let countries: Vec<Value> = t.countries.iter().map(|c| country(c)).collect();
    put(&mut node, "dpv:hasThirdCountry", Value::Array(countries));
    let recipients: Vec<Value> = t
        .recipients
        .iter()
        .map(|x| json!({"@id": format!("{base}:recipient:{}", x.id)}))
        .collect();
    put(&mut node, "dpv:hasRecipient", Value::Array(recipients));
    if let Some(mechanism) = &t.mechanism {
        // An adequacy decision is Art. 45(3), whatever the decision's own number.
        let article = match &mechanism.adequacy_decision {
            Some(_) => Some("45(3)"),
            None => mechanism.article.as_deref(),
        };
        node.insert(
            "dpv:hasLegalBasis".into(),
            fact(article, &mechanism.id, &mechanism.title),
        );
    }
    Value::Object(node)
}

/// A retention rule: a `dpv:StorageDuration`, its duration in ISO 8601 when it is a
/// period (`P5Y`), and its event as a label.
fn storage(base: &str, x: &m::Retention, say: &Phrases) -> Value {
    let mut node = Map::new();
    node.insert("@type".into(), json!("dpv:StorageDuration"));
    // The rule as the English notice says it: a bound (`at least`), a law, an event.
    node.insert(
        "rdfs:label".into(),
        json!({"@value": say.retention(x), "@language": "en"}),
    );
    let data: Vec<Value> = x
        .data
        .iter()
        .map(|d| json!({"@id": format!("{base}:data:{d}")}))
        .collect();
    put(&mut node, "dpv:hasPersonalData", Value::Array(data));
    match &x.rule {
        m::RetentionRule::Period {
            duration, after, ..
        } => {
            node.insert(
                "dpv:hasDuration".into(),
                json!({"@type": "dpv:Duration", "rdf:value": {"@value": iso_duration(duration), "@type": "xsd:duration"}}),
            );
            if let Some(event) = after {
                put(&mut node, "rdfs:comment", texts(&event.after));
            }
        }
        m::RetentionRule::Until { event } => put(&mut node, "rdfs:comment", texts(&event.until)),
        m::RetentionRule::Criteria { criteria } => put(&mut node, "rdfs:comment", texts(criteria)),
        m::RetentionRule::NotKept => {
            node.insert("dpv:hasDuration".into(), json!({"@type": "dpv:Duration", "rdf:value": {"@value": "PT0S", "@type": "xsd:duration"}}));
        }
    }
    Value::Object(node)
}

/// `5 years` → `P5Y`, `30 minutes` → `PT30M`.
pub(crate) fn iso_duration(d: &m::Duration) -> String {
    let n = d.amount;
    match d.unit {
        m::DurationUnit::Minutes => format!("PT{n}M"),
        m::DurationUnit::Hours => format!("PT{n}H"),
        m::DurationUnit::Days => format!("P{n}D"),
        m::DurationUnit::Weeks => format!("P{n}W"),
        m::DurationUnit::Months => format!("P{n}M"),
        m::DurationUnit::Years => format!("P{n}Y"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_become_the_gdpr_extensions_concepts_only_where_it_has_one() {
        assert_eq!(gdpr_concept("6(1)(a)").as_deref(), Some("A6-1-a"));
        assert_eq!(gdpr_concept("9(2)(h)").as_deref(), Some("A9-2-h"));
        assert_eq!(gdpr_concept("46(2)(c)").as_deref(), Some("A46-2-c"));
        assert_eq!(gdpr_concept("7(3)").as_deref(), Some("A7-3"));
        assert_eq!(gdpr_concept("15").as_deref(), Some("A15"));
        assert_eq!(
            gdpr_concept("21(1)").as_deref(),
            Some("A21"),
            "the article's concept"
        );
        assert_eq!(
            gdpr_concept("46(2)(b), 47").as_deref(),
            Some("A46-2-b"),
            "the first"
        );
        assert_eq!(gdpr_concept("49(1)(b), (c)").as_deref(), Some("A49-1-b"));
        assert_eq!(gdpr_concept("19"), None, "DPV has no concept for Art. 19");
        assert_eq!(gdpr_concept("10"), None);
    }

    #[test]
    fn durations_are_iso_8601() {
        let d = |amount, unit| iso_duration(&m::Duration { amount, unit });
        assert_eq!(d(5, m::DurationUnit::Years), "P5Y");
        assert_eq!(d(30, m::DurationUnit::Minutes), "PT30M");
        assert_eq!(d(6, m::DurationUnit::Months), "P6M");
    }
}
