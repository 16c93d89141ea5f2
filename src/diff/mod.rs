//! `regc diff`: what changed between two versions of the registers, each change classified
//! as *material* (people must be told before it applies: Art. 13(3), 14(4) and WP260
//! rev.01 para. 29) or *editorial* (wording, order, a shorter retention), citing
//! the article. Pure: it compares two lists of resolved registers (`RegisterDoc`); the
//! command line reads the versions (files, folders, a git revision).
//!
//! Items are matched by name first; an item that lost its name and one that gained a new
//! name with the same content are one item renamed, which is editorial (`docs/diff.md`).

pub mod render;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

use serde::Serialize;
use serde_json::Value;

use crate::resolve::model::{
    self as m, AutomatedDecisions, Duration, DurationUnit, Register, RegisterDoc, RetentionBound,
    RetentionRule, Stated,
};

/// Whether people must be told.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Materiality {
    Material,
    Editorial,
}

/// One change, in one register.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The register's name.
    pub register: String,
    /// What kind of change: `purpose-added`, `basis-changed`, … (`docs/diff.md` lists them).
    pub kind: &'static str,
    pub materiality: Materiality,
    /// What it touches, in the GDPR (or WP260): `13(1)(c)`.
    pub article: &'static str,
    /// One line: "purpose `marketing` added".
    pub summary: String,
    /// The value before and after, where one is a name or a few: `contract` → `consent`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
}

/// Every change from `old` to `new`, register by register in the new version's order
/// (registers only in the old version last), material changes first within each.
pub fn diff(old: &[RegisterDoc], new: &[RegisterDoc]) -> Vec<Change> {
    let mut out = Vec::new();
    let olds: Vec<&Register> = old.iter().map(|d| &d.register).collect();
    let news: Vec<&Register> = new.iter().map(|d| &d.register).collect();
    let pairs = match_items(&olds, &news, |r| r.id.as_str(), register_content);
    for pair in pairs {
        let mut changes = Vec::new();
        match pair {
            Pair::Same(a, b) => compare(a, b, &mut changes),
            Pair::Renamed(a, b) => {
                changes.push(
                    change(
                        &b.id,
                        "register-renamed",
                        Materiality::Editorial,
                        "",
                        format!(
                            "register `{}` renamed `{}`, its content the same",
                            a.id, b.id
                        ),
                    )
                    .between(&a.id, &b.id),
                );
            }
            Pair::Added(b) => changes.push(change(
                &b.id,
                "register-added",
                Materiality::Material,
                "13(1)(c)",
                format!("register `{}` added: a new processing activity", b.id),
            )),
            Pair::Removed(a) => changes.push(change(
                &a.id,
                "register-removed",
                Materiality::Editorial,
                "",
                format!("register `{}` removed", a.id),
            )),
        }
        changes.sort_by_key(|c| c.materiality);
        out.extend(changes);
    }
    out
}

fn change(
    register: &str,
    kind: &'static str,
    materiality: Materiality,
    article: &'static str,
    summary: String,
) -> Change {
    Change {
        register: register.to_string(),
        kind,
        materiality,
        article,
        summary,
        before: None,
        after: None,
    }
}

impl Change {
    fn between(mut self, before: &str, after: &str) -> Change {
        self.before = Some(before.to_string());
        self.after = Some(after.to_string());
        self
    }
}

/// Two lists' items paired: by name, then (among those left) by content.
enum Pair<'a, T> {
    Same(&'a T, &'a T),
    Renamed(&'a T, &'a T),
    Added(&'a T),
    Removed(&'a T),
}

/// Pairs `old` and `new` items: same name; else same content under another name (a
/// rename); the rest added or removed. In the new list's order, removed items last.
fn match_items<'a, T>(
    old: &[&'a T],
    new: &[&'a T],
    name: impl Fn(&T) -> &str,
    content: impl Fn(&T) -> Value,
) -> Vec<Pair<'a, T>> {
    let mut used = vec![false; old.len()];
    let mut pairs = Vec::new();
    let mut unmatched_new = Vec::new();
    for (j, b) in new.iter().enumerate() {
        match old.iter().position(|a| name(a) == name(b)) {
            Some(i) => {
                if let Some(u) = used.get_mut(i) {
                    *u = true;
                }
                pairs.push((j, Pair::Same(old[i], *b)));
            }
            None => unmatched_new.push(j),
        }
    }
    for j in unmatched_new {
        let b = new[j];
        let wanted = content(b);
        let twin = (0..old.len()).find(|&i| !used[i] && content(old[i]) == wanted);
        match twin {
            Some(i) => {
                used[i] = true;
                pairs.push((j, Pair::Renamed(old[i], b)));
            }
            None => pairs.push((j, Pair::Added(b))),
        }
    }
    pairs.sort_by_key(|(j, _)| *j);
    let mut out: Vec<Pair<'a, T>> = pairs.into_iter().map(|(_, p)| p).collect();
    out.extend(
        old.iter()
            .zip(&used)
            .filter(|(_, u)| !**u)
            .map(|(a, _)| Pair::Removed(*a)),
    );
    out
}

/// An item's JSON without its name: what "the same content" means for a rename.
fn without_id(value: impl Serialize) -> Value {
    let mut v = serde_json::to_value(value).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut v {
        map.remove("id");
    }
    v
}

fn register_content(r: &Register) -> Value {
    without_id(r)
}

/// The changes inside one register.
fn compare(a: &Register, b: &Register, out: &mut Vec<Change>) {
    let id = b.id.as_str();
    controller(id, a, b, out);
    purposes(id, a, b, out);
    names_added(
        id,
        "data-added",
        "13(1)(c), 14(1)(d)",
        "data category",
        &ids(&a.data),
        &ids(&b.data),
        out,
    );
    names_removed(
        id,
        "data-removed",
        "data category",
        &ids(&a.data),
        &ids(&b.data),
        out,
    );
    names_added(
        id,
        "recipient-added",
        "13(1)(e)",
        "recipient",
        &stated_ids(&a.recipients),
        &stated_ids(&b.recipients),
        out,
    );
    names_removed(
        id,
        "recipient-removed",
        "recipient",
        &stated_ids(&a.recipients),
        &stated_ids(&b.recipients),
        out,
    );
    names_listed(id, "subject", &ids(&a.subjects), &ids(&b.subjects), out);
    names_listed(id, "source", &source_ids(a), &source_ids(b), out);
    transfers(id, a, b, out);
    retention(id, "", &a.retention, &b.retention, out);
    rights(id, a, b, out);
    automated(id, a, b, out);
    basis_list(id, "the register", &a.bases, &b.bases, out);
    wording(id, a, b, out);
}

fn ids<T: HasId>(items: &[T]) -> BTreeSet<String> {
    items.iter().map(|i| i.id().to_string()).collect()
}

fn stated_ids<T: HasId>(stated: &Stated<T>) -> BTreeSet<String> {
    match stated {
        Stated::Listed(items) => ids(items),
        Stated::None | Stated::NotStated => BTreeSet::new(),
    }
}

trait HasId {
    fn id(&self) -> &str;
}

macro_rules! has_id {
    ($($t:ty),*) => { $(impl HasId for $t { fn id(&self) -> &str { &self.id } })* };
}
has_id!(
    m::DataCategory,
    m::Recipient,
    m::Transfer,
    m::Purpose,
    m::Reference,
    m::Right,
    m::Category
);

fn names_added(
    register: &str,
    kind: &'static str,
    article: &'static str,
    noun: &str,
    before: &BTreeSet<String>,
    after: &BTreeSet<String>,
    out: &mut Vec<Change>,
) {
    for name in after.difference(before) {
        out.push(
            change(
                register,
                kind,
                Materiality::Material,
                article,
                format!("{noun} `{name}` added"),
            )
            .between("", name),
        );
    }
}

fn names_removed(
    register: &str,
    kind: &'static str,
    noun: &str,
    before: &BTreeSet<String>,
    after: &BTreeSet<String>,
    out: &mut Vec<Change>,
) {
    for name in before.difference(after) {
        out.push(
            change(
                register,
                kind,
                Materiality::Editorial,
                "",
                format!("{noun} `{name}` removed"),
            )
            .between(name, ""),
        );
    }
}

fn source_ids(r: &Register) -> BTreeSet<String> {
    r.sources.iter().map(|s| s.id.clone()).collect()
}

/// Categories of people and sources added or removed: editorial. People a register starts
/// to cover read its notice when their data is collected; those it covered are not
/// affected (WP260 rev.01 para. 29 names purposes, the controller and rights).
fn names_listed(
    register: &str,
    noun: &'static str,
    before: &BTreeSet<String>,
    after: &BTreeSet<String>,
    out: &mut Vec<Change>,
) {
    let (added, removed, article) = match noun {
        "subject" => ("subject-added", "subject-removed", "14(1)(d)"),
        _ => ("source-added", "source-removed", "14(2)(f)"),
    };
    for name in after.difference(before) {
        out.push(
            change(
                register,
                added,
                Materiality::Editorial,
                article,
                format!("{noun} `{name}` added"),
            )
            .between("", name),
        );
    }
    for name in before.difference(after) {
        out.push(
            change(
                register,
                removed,
                Materiality::Editorial,
                "",
                format!("{noun} `{name}` removed"),
            )
            .between(name, ""),
        );
    }
}

fn controller(id: &str, a: &Register, b: &Register, out: &mut Vec<Change>) {
    let name = |r: &Register| {
        r.controller
            .as_ref()
            .map(|c| c.name.clone().unwrap_or_else(|| c.id.clone()))
    };
    let (before, after) = (name(a), name(b));
    if before != after {
        out.push(
            change(
                id,
                "controller-changed",
                Materiality::Material,
                "13(1)(a)",
                "the controller changed".to_string(),
            )
            .between(
                before.as_deref().unwrap_or(""),
                after.as_deref().unwrap_or(""),
            ),
        );
    }
}

fn purposes(id: &str, a: &Register, b: &Register, out: &mut Vec<Change>) {
    let olds: Vec<&m::Purpose> = a.purposes.iter().collect();
    let news: Vec<&m::Purpose> = b.purposes.iter().collect();
    let order = |r: &Register| r.purposes.iter().map(|p| p.id.clone()).collect::<Vec<_>>();
    let (mut x, mut y) = (order(a), order(b));
    if x != y {
        x.sort();
        y.sort();
        if x == y {
            out.push(change(
                id,
                "order",
                Materiality::Editorial,
                "",
                "the purposes are in another order".to_string(),
            ));
        }
    }
    for pair in match_items(&olds, &news, |p| p.id.as_str(), |p| without_id(p)) {
        match pair {
            Pair::Added(p) => out.push(
                change(
                    id,
                    "purpose-added",
                    Materiality::Material,
                    "13(3), 14(4)",
                    format!("purpose `{}` added", p.id),
                )
                .between("", &p.id),
            ),
            Pair::Removed(p) => out.push(
                change(
                    id,
                    "purpose-removed",
                    Materiality::Editorial,
                    "",
                    format!("purpose `{}` removed", p.id),
                )
                .between(&p.id, ""),
            ),
            Pair::Renamed(p, q) => out.push(
                change(
                    id,
                    "purpose-renamed",
                    Materiality::Editorial,
                    "",
                    format!(
                        "purpose `{}` renamed `{}`, its content the same",
                        p.id, q.id
                    ),
                )
                .between(&p.id, &q.id),
            ),
            Pair::Same(p, q) => {
                let place = format!("purpose `{}`", q.id);
                basis_list(id, &place, &p.bases, &q.bases, out);
                let conditions = |x: &m::Purpose| {
                    x.conditions
                        .iter()
                        .map(|c| c.id.clone())
                        .collect::<BTreeSet<_>>()
                };
                if conditions(p) != conditions(q) {
                    out.push(
                        change(
                            id,
                            "condition-changed",
                            Materiality::Material,
                            "9(2), 13(1)(c)",
                            format!("the Art. 9(2) condition of {place} changed"),
                        )
                        .between(&joined(&conditions(p)), &joined(&conditions(q))),
                    );
                }
                let data = |x: &m::Purpose| x.data.iter().cloned().collect::<BTreeSet<_>>();
                for name in data(q).difference(&data(p)) {
                    out.push(
                        change(
                            id,
                            "purpose-data-added",
                            Materiality::Material,
                            "13(1)(c), 14(1)(d)",
                            format!("{place} uses data `{name}` now"),
                        )
                        .between("", name),
                    );
                }
                let recipients = |x: &m::Purpose| {
                    x.recipients
                        .iter()
                        .map(|r| r.id.clone())
                        .collect::<BTreeSet<_>>()
                };
                for name in recipients(q).difference(&recipients(p)) {
                    out.push(
                        change(
                            id,
                            "recipient-added",
                            Materiality::Material,
                            "13(1)(e)",
                            format!("{place} discloses data to `{name}` now"),
                        )
                        .between("", name),
                    );
                }
                retention(id, &place, &p.retention, &q.retention, out);
                let words = |x: &m::Purpose| {
                    (
                        without_id(&x.title),
                        without_id(&x.text),
                        without_id(&x.interest),
                    )
                };
                if words(p) != words(q) {
                    out.push(change(
                        id,
                        "wording",
                        Materiality::Editorial,
                        "",
                        format!("the texts of {place} changed"),
                    ));
                }
            }
        }
    }
}

fn basis_list(
    id: &str,
    place: &str,
    a: &[m::Reference],
    b: &[m::Reference],
    out: &mut Vec<Change>,
) {
    let (before, after) = (ids(a), ids(b));
    if before != after {
        out.push(
            change(
                id,
                "basis-changed",
                Materiality::Material,
                "13(1)(c)",
                format!("the legal basis of {place} changed"),
            )
            .between(&joined(&before), &joined(&after)),
        );
    }
}

fn joined(names: &BTreeSet<String>) -> String {
    names.iter().cloned().collect::<Vec<_>>().join(", ")
}

fn transfers(id: &str, a: &Register, b: &Register, out: &mut Vec<Change>) {
    fn list(r: &Register) -> Vec<&m::Transfer> {
        match &r.transfers {
            Stated::Listed(items) => items.iter().collect(),
            Stated::None | Stated::NotStated => Vec::new(),
        }
    }
    let (olds, news) = (list(a), list(b));
    for pair in match_items(&olds, &news, |t| t.id.as_str(), |t| without_id(t)) {
        match pair {
            Pair::Added(t) => out.push(
                change(
                    id,
                    "transfer-added",
                    Materiality::Material,
                    "13(1)(f)",
                    format!("transfer `{}` to {} added", t.id, t.countries.join(", ")),
                )
                .between("", &t.id),
            ),
            Pair::Removed(t) => out.push(
                change(
                    id,
                    "transfer-removed",
                    Materiality::Editorial,
                    "",
                    format!("transfer `{}` removed", t.id),
                )
                .between(&t.id, ""),
            ),
            Pair::Renamed(t, u) => out.push(
                change(
                    id,
                    "transfer-renamed",
                    Materiality::Editorial,
                    "",
                    format!(
                        "transfer `{}` renamed `{}`, its content the same",
                        t.id, u.id
                    ),
                )
                .between(&t.id, &u.id),
            ),
            Pair::Same(t, u) => {
                let countries =
                    |x: &m::Transfer| x.countries.iter().cloned().collect::<BTreeSet<_>>();
                for country in countries(u).difference(&countries(t)) {
                    out.push(
                        change(
                            id,
                            "transfer-country-added",
                            Materiality::Material,
                            "13(1)(f)",
                            format!("transfer `{}` goes to {country} now", u.id),
                        )
                        .between("", country),
                    );
                }
                let mechanism = |x: &m::Transfer| {
                    x.mechanism
                        .as_ref()
                        .map(|m| m.id.clone())
                        .unwrap_or_default()
                };
                if mechanism(t) != mechanism(u) {
                    out.push(
                        change(
                            id,
                            "transfer-mechanism-changed",
                            Materiality::Material,
                            "13(1)(f), 46",
                            format!("the safeguard of transfer `{}` changed", u.id),
                        )
                        .between(&mechanism(t), &mechanism(u)),
                    );
                }
                let recipients = |x: &m::Transfer| {
                    x.recipients
                        .iter()
                        .map(|r| r.id.clone())
                        .collect::<BTreeSet<_>>()
                };
                for name in recipients(u).difference(&recipients(t)) {
                    out.push(
                        change(
                            id,
                            "recipient-added",
                            Materiality::Material,
                            "13(1)(e)-(f)",
                            format!("transfer `{}` goes to `{name}` now", u.id),
                        )
                        .between("", name),
                    );
                }
            }
        }
    }
}

/// A retention period's length in days, for comparing: a month is 30 days, a year 365.
/// None for a rule without a period (until an event, criteria, not kept).
fn days(rule: &RetentionRule) -> Option<(u64, RetentionBound)> {
    let RetentionRule::Period {
        duration, bound, ..
    } = rule
    else {
        return None;
    };
    Some((length_in_days(duration), *bound))
}

fn length_in_days(d: &Duration) -> u64 {
    let amount = u64::from(d.amount);
    match d.unit {
        DurationUnit::Minutes | DurationUnit::Hours => 0,
        DurationUnit::Days => amount,
        DurationUnit::Weeks => amount * 7,
        DurationUnit::Months => amount * 30,
        DurationUnit::Years => amount * 365,
    }
}

/// Retention rules compared by the data they cover (a rule for all the data matches the
/// one for all the data): longer is material, shorter editorial; a change that cannot be
/// measured (another event, criteria in words) is material, as it may be longer.
fn retention(id: &str, place: &str, a: &[m::Retention], b: &[m::Retention], out: &mut Vec<Change>) {
    let scope = |r: &m::Retention| r.data.iter().cloned().collect::<BTreeSet<_>>();
    let at = if place.is_empty() {
        String::new()
    } else {
        format!(" of {place}")
    };
    let what = |r: &m::Retention| {
        let covering = scope(r);
        if covering.is_empty() {
            "the data".to_string()
        } else {
            format!("`{}`", joined(&covering))
        }
    };
    // First the rules that stayed as they were (a register may give several for the same
    // data), then the rest paired in order within the same data.
    let mut used = vec![false; a.len()];
    let mut partner: Vec<Option<usize>> = vec![None; b.len()];
    for (j, new) in b.iter().enumerate() {
        let same = (0..a.len()).find(|&i| {
            !used[i]
                && scope(&a[i]) == scope(new)
                && without_id(&a[i].rule) == without_id(&new.rule)
        });
        if let Some(i) = same {
            used[i] = true;
            partner[j] = Some(i);
        }
    }
    for (j, new) in b.iter().enumerate() {
        if partner[j].is_some() {
            continue;
        }
        let next = (0..a.len()).find(|&i| !used[i] && scope(&a[i]) == scope(new));
        if let Some(i) = next {
            used[i] = true;
            partner[j] = Some(i);
        }
    }
    for (new, paired) in b.iter().zip(&partner) {
        let Some(old) = paired.and_then(|i| a.get(i)) else {
            // Data without a period before: a gap filled. Data with one: another period,
            // which may keep it longer.
            let covered = a.iter().any(|o| scope(o) == scope(new));
            let (materiality, said) = if covered {
                (
                    Materiality::Material,
                    "another retention period, which may keep it longer,",
                )
            } else {
                (Materiality::Editorial, "a retention period")
            };
            out.push(
                change(
                    id,
                    "retention-added",
                    materiality,
                    "13(2)(a)",
                    format!("{said}{at} for {} given", what(new)),
                )
                .between("", &describe_rule(&new.rule)),
            );
            continue;
        };
        if without_id(&old.rule) == without_id(&new.rule) {
            if without_id(&old.text) != without_id(&new.text) {
                out.push(change(
                    id,
                    "wording",
                    Materiality::Editorial,
                    "",
                    format!("the text of the retention{at} for {} changed", what(new)),
                ));
            }
            continue;
        }
        let (kind, materiality, verb) = match (days(&old.rule), days(&new.rule)) {
            (Some((x, _)), Some((y, _))) if y > x => {
                ("retention-lengthened", Materiality::Material, "lengthened")
            }
            (Some((x, _)), Some((y, _))) if y < x => {
                ("retention-shortened", Materiality::Editorial, "shortened")
            }
            _ if matches!(new.rule, RetentionRule::NotKept) => {
                ("retention-shortened", Materiality::Editorial, "shortened")
            }
            _ => (
                "retention-changed",
                Materiality::Material,
                "changed in a way that may keep data longer",
            ),
        };
        out.push(
            change(
                id,
                kind,
                materiality,
                "13(2)(a)",
                format!("the retention{at} for {} {verb}", what(new)),
            )
            .between(&describe_rule(&old.rule), &describe_rule(&new.rule)),
        );
    }
    for (old, _) in a.iter().zip(&used).filter(|(_, u)| !**u) {
        out.push(
            change(
                id,
                "retention-removed",
                Materiality::Editorial,
                "",
                format!("a retention period{at} for {} removed", what(old)),
            )
            .between(&describe_rule(&old.rule), ""),
        );
    }
}

/// A retention rule in a few words, as written: `5 years after last-contact`.
fn describe_rule(rule: &RetentionRule) -> String {
    match rule {
        RetentionRule::Period {
            duration,
            bound,
            after,
            under,
        } => {
            let bound = match bound {
                RetentionBound::Exact => "",
                RetentionBound::AtLeast => "at least ",
                RetentionBound::AtMost => "at most ",
            };
            let unit = serde_json::to_value(duration.unit)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            // The model's units are plural (`years`): one of them is `1 year`.
            let unit = if duration.amount == 1 {
                unit.trim_end_matches('s')
            } else {
                unit.as_str()
            };
            let mut s = format!("{bound}{} {unit}", duration.amount);
            if let Some(e) = after {
                s.push_str(&format!(" after {}", e.id));
            }
            if let Some(l) = under {
                s.push_str(&format!(" under {}", l.id));
            }
            s
        }
        RetentionRule::Until { event } => format!("until {}", event.id),
        RetentionRule::Criteria { .. } => "criteria in words".to_string(),
        RetentionRule::NotKept => "not kept".to_string(),
    }
}

fn rights(id: &str, a: &Register, b: &Register, out: &mut Vec<Change>) {
    for right in &b.rights {
        let before = a.rights.iter().find(|r| r.id == right.id);
        let restricted_now = right.restriction.is_some();
        let restricted_then = before.is_some_and(|r| r.restriction.is_some());
        if restricted_now && !restricted_then {
            out.push(
                change(
                    id,
                    "right-restricted",
                    Materiality::Material,
                    "13(2)(b), 23",
                    format!("the right `{}` is restricted now", right.id),
                )
                .between("", &right.id),
            );
        }
    }
    for right in &a.rights {
        let after = b.rights.iter().find(|r| r.id == right.id);
        if after.is_none() && !right.derived {
            out.push(
                change(
                    id,
                    "right-removed",
                    Materiality::Material,
                    "13(2)(b)",
                    format!("the notice no longer states the right `{}`", right.id),
                )
                .between(&right.id, ""),
            );
        }
        if right.restriction.is_some() && after.is_some_and(|r| r.restriction.is_none()) {
            out.push(change(
                id,
                "right-restriction-lifted",
                Materiality::Editorial,
                "",
                format!("the restriction of the right `{}` is lifted", right.id),
            ));
        }
    }
    let derived = |r: &Register| {
        r.rights
            .iter()
            .filter(|x| x.derived)
            .map(|x| x.id.clone())
            .collect::<BTreeSet<_>>()
    };
    for lost in derived(a).difference(&derived(b)) {
        if b.rights.iter().all(|r| &r.id != lost) {
            // A consequence of a basis changed (reported, material) or a purpose removed
            // (which takes nothing from people): said, as editorial.
            out.push(change(id, "right-removed", Materiality::Editorial, "13(2)(b)", format!("people no longer have the right `{lost}`, which a legal basis no longer used gave")).between(lost, ""));
        }
    }
}

fn automated(id: &str, a: &Register, b: &Register, out: &mut Vec<Change>) {
    let described =
        |r: &Register| matches!(r.automated_decisions, AutomatedDecisions::Described { .. });
    if described(b) && !described(a) {
        out.push(change(
            id,
            "automated-decisions-added",
            Materiality::Material,
            "13(2)(f), 22",
            "automated decisions are made now".to_string(),
        ));
    }
}

/// Texts people read that changed without any change of substance found above.
fn wording(id: &str, a: &Register, b: &Register, out: &mut Vec<Change>) {
    let texts = |r: &Register| {
        (
            without_id(&r.title),
            without_id(&r.security),
            without_id(&r.sections),
            without_id(&r.interest),
        )
    };
    if texts(a) != texts(b) {
        out.push(change(
            id,
            "wording",
            Materiality::Editorial,
            "",
            "the register's texts changed".to_string(),
        ));
    }
}
