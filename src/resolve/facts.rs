//! Questions about the standard library's facts that several stages ask: is a fact in force,
//! what replaced it, is a country in the EEA. One answer each, so the notice, the JSON and
//! every rule agree.

use super::scope::{Def, Ns, Scope};
use crate::syntax::ast::{Fact, FactKind};
use crate::syntax::values::{Country, Date};

/// How far `replaced-by` is followed: chains in the standard library are one or two long,
/// and a cycle written by a user must not loop.
const MAX_REPLACEMENTS: usize = 8;

/// Whether a dated fact is in force on `today`: from its first day, until (not including)
/// the day it ended.
pub fn in_force(f: &Fact, today: Date) -> bool {
    f.valid_from.as_ref().is_none_or(|d| d.value <= today)
        && f.valid_until.as_ref().is_none_or(|d| today < d.value)
}

/// The fact that stands for `fact` on `today`: `fact` itself while in force, else the
/// first fact in force along its `replaced-by` chain, else the last one the chain reaches.
pub fn current<'a>(scope: &Scope<'a>, fact: &'a Fact, today: Date) -> &'a Fact {
    let mut at = fact;
    for _ in 0..MAX_REPLACEMENTS {
        if in_force(at, today) {
            break;
        }
        match at
            .replaced_by
            .as_ref()
            .and_then(|n| scope.get(Ns::Fact(at.kind), &n.value))
        {
            Some(Def::Fact(next)) => at = next,
            _ => break,
        }
    }
    at
}

/// What replaced `fact`, if `fact` is no longer in force and a successor in force is known.
pub fn successor_in_force<'a>(scope: &Scope<'a>, fact: &'a Fact, today: Date) -> Option<&'a Fact> {
    let now = current(scope, fact, today);
    (!std::ptr::eq(now, fact) && in_force(now, today)).then_some(now)
}

/// Whether `country` is inside the EEA, by the standard library's `group eea` (the built-in
/// list where a file cannot see that group). `eu` and `eea` are; `outside-eea` is not.
pub fn in_eea(scope: &Scope, country: Country) -> bool {
    match country {
        Country::Eu | Country::Eea => true,
        Country::OutsideEea => false,
        Country::Code(code) => match scope.get(Ns::Fact(FactKind::Group), "eea") {
            Some(Def::Fact(group)) => group.countries.iter().any(|c| c.value == country),
            _ => code.is_eea(),
        },
    }
}

/// The law a controller answers to, decided by its `country` in one place: every rule, the
/// transfer judgement and the notice ask [`jurisdiction`].
///
/// - `Uk`: a controller in the United Kingdom (`GB`) answers to the UK GDPR and the Data
///   Protection Act 2018; "abroad" is outside the UK, and adequacy means the UK's adequacy
///   regulations (`granted-by GB`, in `std::uk`).
/// - `Ch`: a controller in Switzerland answers to the Swiss Federal Act on Data Protection.
///   The Swiss list of adequate states is not in the standard library: the EEA counts as
///   inside and other destinations are judged by the EU's decisions.
/// - `Eu`: everyone else, inside the EEA or outside it under GDPR Art. 3(2), including a
///   controller that gives no country.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Jurisdiction {
    Eu,
    Uk,
    Ch,
}

/// The jurisdiction of a controller in `country` (see [`Jurisdiction`]).
pub fn jurisdiction(country: Option<Country>) -> Jurisdiction {
    match country.map(|c| c.to_string()).as_deref() {
        Some("GB") => Jurisdiction::Uk,
        Some("CH") => Jurisdiction::Ch,
        _ => Jurisdiction::Eu,
    }
}

impl Jurisdiction {
    /// The law's name as rule messages give it: "GDPR", "UK GDPR".
    pub fn law(self) -> &'static str {
        match self {
            Jurisdiction::Eu => "GDPR",
            Jurisdiction::Uk => "UK GDPR",
            Jurisdiction::Ch => "FADP",
        }
    }

    /// The area a transfer leaves: "the EEA", "the UK".
    pub fn area(self) -> &'static str {
        match self {
            Jurisdiction::Eu | Jurisdiction::Ch => "the EEA",
            Jurisdiction::Uk => "the UK",
        }
    }

    /// The `granted-by` country of the adequacy decisions that count: none for the EU's.
    pub fn granted_by(self) -> Option<&'static str> {
        match self {
            Jurisdiction::Uk => Some("GB"),
            Jurisdiction::Eu | Jurisdiction::Ch => None,
        }
    }
}

/// Whether data in `country` stays inside `jurisdiction`'s area, so that sending it there
/// is no transfer to a third country: the EEA for the GDPR (and, for now, Switzerland with
/// the EEA), the United Kingdom alone for the UK GDPR.
pub fn inside(scope: &Scope, jurisdiction: Jurisdiction, country: Country) -> bool {
    match jurisdiction {
        Jurisdiction::Eu => in_eea(scope, country),
        Jurisdiction::Ch => country.to_string() == "CH" || in_eea(scope, country),
        Jurisdiction::Uk => country.to_string() == "GB",
    }
}

/// Whether an adequacy decision or a mechanism counts under `jurisdiction`: the EU's
/// (no `granted-by`) for the GDPR, the UK's (`granted-by GB`) for the UK GDPR.
pub fn granted_for(fact: &Fact, jurisdiction: Jurisdiction) -> bool {
    fact.granted_by
        .as_ref()
        .map(|c| c.value.to_string())
        .as_deref()
        == jurisdiction.granted_by()
}

/// Whether supervision in `country` is split by region (Germany: one authority per state
/// for private controllers), so that the controller's `region` decides which one is
/// competent: some authority of the country in scope says which `region` it covers.
pub fn regional_authorities(scope: &Scope, country: Country) -> bool {
    scope
        .all(Ns::Fact(FactKind::Authority))
        .any(|d| matches!(d, Def::Fact(f) if f.region.is_some() && f.countries.iter().any(|c| c.value == country)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::values::parse_country;

    fn country(code: &str) -> Option<Country> {
        Some(parse_country(code).unwrap())
    }

    #[test]
    fn jurisdiction_follows_the_controllers_country() {
        assert_eq!(jurisdiction(country("GB")), Jurisdiction::Uk);
        assert_eq!(jurisdiction(country("CH")), Jurisdiction::Ch);
        assert_eq!(jurisdiction(country("FI")), Jurisdiction::Eu);
        assert_eq!(
            jurisdiction(country("US")),
            Jurisdiction::Eu,
            "GDPR Art. 3(2)"
        );
        assert_eq!(jurisdiction(None), Jurisdiction::Eu);
        assert_eq!(Jurisdiction::Uk.law(), "UK GDPR");
        assert_eq!(Jurisdiction::Uk.area(), "the UK");
        assert_eq!(Jurisdiction::Eu.area(), "the EEA");
    }
}
