//! Facts the register does not state but its statements imply: which information articles
//! apply, which rights the bases give, where to complain, whether a transfer's mechanism
//! holds on the check date.

use super::facts::{self, Jurisdiction, current, in_force};
use super::model as m;
use super::scope::{Def, Ns, Scope};
use super::to_model::texts;
use crate::syntax::ast::{self, Fact, FactKind};
use crate::syntax::values::{Country, Date};

/// Art. 13 when every source is the data subject (or the controller's own systems, which
/// observe the person), Art. 14 when any is not. A source of unknown kind counts as
/// elsewhere. With no source stated both apply: the notice must then answer both.
pub fn information_articles(sources: &[m::Source]) -> Vec<String> {
    use m::SourceKind as K;
    let from_subject = sources
        .iter()
        .flat_map(|s| &s.kinds)
        .any(|k| matches!(k, K::Subject | K::OwnSystems));
    let from_elsewhere = sources.iter().any(|s| {
        s.kinds.is_empty()
            || s.kinds
                .iter()
                .any(|k| matches!(k, K::ThirdParty | K::Public))
    });
    let mut articles = Vec::new();
    if from_subject || sources.is_empty() {
        articles.push("13".to_string());
    }
    if from_elsewhere || sources.is_empty() {
        articles.push("14".to_string());
    }
    articles
}

/// The rights of a register, in the standard library's order: every right its purposes'
/// bases and conditions give, the rights every basis gives (so a register without a basis
/// still shows them), the absolute objection to direct marketing (Art. 21(2)) for direct
/// marketing, and the Art. 22 right where automated decisions are made.
pub fn rights(
    scope: &Scope,
    r: &ast::Register,
    purposes: &[m::Purpose],
    automated: &m::AutomatedDecisions,
    today: Date,
) -> Vec<m::Right> {
    let mut because: Vec<(String, Vec<String>)> = Vec::new();
    let mut give = |right: &str, why: &str| match because.iter_mut().find(|(r, _)| r == right) {
        Some((_, whys)) => {
            if !whys.iter().any(|w| w == why) {
                whys.push(why.to_string());
            }
        }
        None => because.push((right.to_string(), vec![why.to_string()])),
    };
    // Bases given for the whole register give their rights whichever purpose they cover.
    let register_bases = r.bases.iter().map(|n| n.value.as_str());
    let per_purpose = purposes
        .iter()
        .flat_map(|p| p.bases.iter().chain(&p.conditions).map(|b| b.id.as_str()));
    for id in register_bases.chain(per_purpose) {
        let fact = scope
            .get(Ns::Fact(FactKind::Basis), id)
            .or_else(|| scope.get(Ns::Fact(FactKind::Condition), id));
        if let Some(Def::Fact(f)) = fact {
            for right in &f.gives {
                give(&right.value, id);
            }
        }
    }
    for purpose in purposes {
        if purpose.direct_marketing {
            give("object-direct-marketing", "direct-marketing");
        }
    }
    if matches!(automated, m::AutomatedDecisions::Described { .. }) {
        give("automated-decisions", "automated-decisions");
    }
    let mut out: Vec<m::Right> = Vec::new();
    for right in rights_in_order(scope) {
        let given = because
            .iter()
            .find(|(id, _)| *id == right.id.value)
            .map(|(_, w)| w.clone());
        let universal = universal_rights(scope).contains(&right.id.value.as_str());
        let note = r.rights.iter().find(|n| n.right.value == right.id.value);
        let stated = stated_rights(r).is_some_and(|s| s.contains(&right.id.value.as_str()));
        // A right the register states or notes is published even when no basis gives it:
        // the notice offers it, and dropping the controller's words would lose them.
        if given.is_none() && !universal && note.is_none() && !stated {
            continue;
        }
        out.push(m::Right {
            id: right.id.value.to_string(),
            article: right.article.as_ref().map(|a| a.value.clone()),
            title: texts(&right.title),
            text: texts(&right.text),
            derived: given.is_some() || universal,
            stated,
            because: given.unwrap_or_default(),
            note: note.map(|n| texts(&n.note)).unwrap_or_default(),
            restriction: note
                .filter(|n| n.restriction.is_some())
                .map(|n| m::RightRestriction {
                    text: texts(&n.restriction),
                    law: n.law.as_ref().and_then(|l| {
                        match scope.get(Ns::Fact(FactKind::Law), &l.value) {
                            Some(Def::Fact(f)) => Some(law(f, today)),
                            _ => None,
                        }
                    }),
                }),
        });
    }
    out
}

/// The rights the notice itself names: its `rights` list and every `right` block, when it
/// has a `rights` statement; `None` when the register does not say which it names.
pub fn stated_rights(r: &ast::Register) -> Option<Vec<&str>> {
    let stated = r.stated_rights.as_ref()?;
    let mut ids: Vec<&str> = stated
        .rights
        .iter()
        .chain(r.rights.iter().map(|n| &n.right))
        .map(|n| n.value.as_str())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    Some(ids)
}

/// The rights of the standard library in the order it defines them (article order).
fn rights_in_order<'a>(scope: &Scope<'a>) -> Vec<&'a Fact> {
    let mut rights: Vec<&Fact> = scope
        .all(Ns::Fact(FactKind::Right))
        .filter_map(|d| match d {
            Def::Fact(f) => Some(f),
            _ => None,
        })
        .collect();
    rights.sort_by_key(|f| (f.span.source, f.span.start));
    rights
}

/// The rights every Art. 6 basis gives.
fn universal_rights<'a>(scope: &Scope<'a>) -> Vec<&'a str> {
    let bases: Vec<&Fact> = scope
        .all(Ns::Fact(FactKind::Basis))
        .filter_map(|d| match d {
            Def::Fact(f) => Some(f),
            _ => None,
        })
        .collect();
    let Some(first) = bases.first() else {
        return Vec::new();
    };
    first
        .gives
        .iter()
        .map(|g| g.value.as_str())
        .filter(|g| bases.iter().all(|b| b.gives.iter().any(|x| x.value == *g)))
        .collect()
}

/// The authority to complain to: the one named (followed to its current name), else the
/// one of the controller's country that is in force.
pub fn complaint_authority<'a>(
    scope: &Scope<'a>,
    named: Option<&'a Fact>,
    controller: Option<&ast::Controller>,
    today: Date,
) -> Option<&'a Fact> {
    if let Some(named) = named {
        return Some(current(scope, named, today));
    }
    let controller = controller?;
    let country = controller.country.as_ref()?.value;
    let mut found: Vec<&Fact> = scope
        .all(Ns::Fact(FactKind::Authority))
        .filter_map(|d| match d {
            Def::Fact(f)
                if f.countries.iter().any(|c| c.value == country) && in_force(f, today) =>
            {
                Some(f)
            }
            _ => None,
        })
        .collect();
    found.sort_by_key(|f| (f.span.source, f.span.start));
    // Where supervision is split by region, the controller's region picks the authority;
    // without a region none is named rather than a national one that is not competent.
    let region = controller.region.as_ref().map(|r| &r.value);
    if let Some(region) = region
        && let Some(f) = found
            .iter()
            .find(|f| f.region.as_ref().is_some_and(|r| r.value == *region))
    {
        return Some(f);
    }
    if region.is_none() && found.iter().any(|f| f.region.is_some()) {
        return None;
    }
    found.into_iter().find(|f| f.region.is_none())
}

pub fn authority(f: &Fact, today: Date) -> m::Authority {
    m::Authority {
        id: f.id.value.to_string(),
        country: f.countries.first().map(|c| c.value.to_string()),
        title: texts(&f.title),
        website: f.website.as_ref().map(|w| w.value.to_string()),
        address: texts(&f.address),
        phone: f.phone.as_ref().map(|p| p.value.to_string()),
        email: f.email.as_ref().map(|e| e.value.to_string()),
        current: in_force(f, today),
        replaced_by: f.replaced_by.as_ref().map(|n| n.value.to_string()),
        region: f.region.as_ref().map(|r| r.value.to_string()),
    }
}

pub fn law(f: &Fact, today: Date) -> m::Law {
    m::Law {
        id: f.id.value.to_string(),
        country: f.countries.first().map(|c| c.value.to_string()),
        number: f.number.as_ref().map(|n| n.value.clone()),
        title: texts(&f.title),
        in_force: in_force(f, today),
        replaced_by: f.replaced_by.as_ref().map(|n| n.value.to_string()),
    }
}

pub struct Judged<'a> {
    pub chapter_v: bool,
    pub status: m::TransferStatus,
    pub decision: Option<&'a Fact>,
}

/// Whether a transfer leaves the controller's area (the EEA, or the UK for a controller
/// there) and whether its mechanism holds on `today` under that jurisdiction's law.
pub fn transfer<'a>(
    scope: &Scope<'a>,
    jurisdiction: Jurisdiction,
    countries: &[Country],
    mechanism: Option<&'a Fact>,
    recipients: &[&ast::Recipient],
    today: Date,
) -> Judged<'a> {
    let outside: Vec<Country> = countries
        .iter()
        .copied()
        .filter(|c| !facts::inside(scope, jurisdiction, *c))
        .collect();
    let chapter_v = !outside.is_empty() || countries.is_empty();
    let judged = |status, decision| Judged {
        chapter_v,
        status,
        decision,
    };
    if !chapter_v {
        return judged(m::TransferStatus::NotATransfer, None);
    }
    let Some(mechanism) = mechanism else {
        return judged(m::TransferStatus::NotStated, None);
    };
    let certified = |f: &Fact| {
        // Every recipient must hold what the decision needs; with none named, none does.
        f.needs.iter().filter(|n| n.value != "copy").all(|need| {
            !recipients.is_empty()
                && recipients
                    .iter()
                    .all(|r| r.certified.iter().any(|c| c.value == need.value))
        })
    };
    let status_of = |f: &Fact| {
        if f.valid_from.as_ref().is_some_and(|d| today < d.value) {
            m::TransferStatus::NotYetInForce
        } else if !in_force(f, today) {
            m::TransferStatus::Expired
        } else if !certified(f) {
            m::TransferStatus::NeedsCertification
        } else {
            m::TransferStatus::InForce
        }
    };
    match mechanism.kind {
        FactKind::Adequacy if !facts::granted_for(mechanism, jurisdiction) => {
            judged(m::TransferStatus::NoDecision, Some(mechanism))
        }
        FactKind::Adequacy => judged(status_of(mechanism), Some(mechanism)),
        _ if mechanism.id.value == "adequacy" => {
            // The worst destination decides; `outside-eea` has no decision by definition.
            let mut worst = (m::TransferStatus::InForce, None);
            for country in outside {
                let (status, decision) = adequacy_for(scope, jurisdiction, country, &status_of);
                if rank(status) > rank(worst.0) {
                    worst = (status, decision);
                } else if worst.1.is_none() {
                    worst.1 = decision;
                }
            }
            judged(worst.0, worst.1)
        }
        _ => judged(status_of(mechanism), None),
    }
}

fn adequacy_for<'a>(
    scope: &Scope<'a>,
    jurisdiction: Jurisdiction,
    country: Country,
    status_of: &dyn Fn(&Fact) -> m::TransferStatus,
) -> (m::TransferStatus, Option<&'a Fact>) {
    let mut decisions: Vec<&Fact> = scope
        .all(Ns::Fact(FactKind::Adequacy))
        .filter_map(|d| match d {
            Def::Fact(f)
                if f.countries.iter().any(|c| c.value == country)
                    && facts::granted_for(f, jurisdiction) =>
            {
                Some(f)
            }
            _ => None,
        })
        .collect();
    decisions.sort_by_key(|f| (f.span.source, f.span.start));
    // The best decision for the destination counts: one in force beats an expired one.
    decisions
        .into_iter()
        .map(|f| (status_of(f), Some(f)))
        .min_by_key(|(s, _)| rank(*s))
        .unwrap_or((m::TransferStatus::NoDecision, None))
}

fn rank(status: m::TransferStatus) -> u8 {
    match status {
        m::TransferStatus::NotATransfer | m::TransferStatus::InForce => 0,
        m::TransferStatus::NeedsCertification => 1,
        m::TransferStatus::NotYetInForce => 2,
        m::TransferStatus::Expired => 3,
        m::TransferStatus::NoDecision | m::TransferStatus::NotStated => 4,
    }
}
