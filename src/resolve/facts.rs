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
