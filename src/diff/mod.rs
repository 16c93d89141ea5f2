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
    /// The register's title as people read it (English, else its first language; its
    /// name when it has none): the heading of its changes in a notice.
    pub register_title: String,
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
    let title = |r: &Register| {
        r.title
            .get("en")
            .or_else(|| r.title.values().next())
            .cloned()
    };
    let titles: std::collections::HashMap<&str, String> = olds
        .iter()
        .chain(&news)
        .filter_map(|r| Some((r.id.as_str(), title(r)?)))
        .collect();
    let pairs = titled_twins(match_items(
        &olds,
        &news,
        |r| r.id.as_str(),
        register_content,
    ));
    for pair in pairs {
        let mut changes = Vec::new();
        match pair {
            Pair::Same(a, b) if a.id == b.id => compare(a, b, &mut changes),
            // Renamed and changed too: the same title says it is the same register.
            Pair::Same(a, b) => {
                changes.push(
                    change(
                        &b.id,
                        "register-renamed",
                        Materiality::Editorial,
                        "",
                        format!("register `{}` renamed `{}`", a.id, b.id),
                    )
                    .between(&a.id, &b.id),
                );
                compare(a, b, &mut changes);
            }
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
        for c in &mut changes {
            if let Some(title) = titles.get(c.register.as_str()) {
                c.register_title = title.clone();
            }
        }
        out.extend(changes);
    }
    out
}

/// A register removed and one added with the same title (in any language) are one
/// register renamed: compared as one.
fn titled_twins<'a>(pairs: Vec<Pair<'a, Register>>) -> Vec<Pair<'a, Register>> {
    let titles = |r: &Register| r.title.values().cloned().collect::<BTreeSet<_>>();
    let mut removed: Vec<Option<&'a Register>> = pairs
        .iter()
        .map(|p| match p {
            Pair::Removed(a) => Some(*a),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    for pair in pairs {
        match pair {
            Pair::Added(b) if !b.title.is_empty() => {
                let twin = removed
                    .iter_mut()
                    .find(|a| a.is_some_and(|a| !titles(a).is_disjoint(&titles(b))));
                match twin.and_then(Option::take) {
                    Some(a) => out.push(Pair::Same(a, b)),
                    None => out.push(Pair::Added(b)),
                }
            }
            Pair::Removed(_) => {}
            other => out.push(other),
        }
    }
    out.extend(removed.into_iter().flatten().map(Pair::Removed));
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
        register_title: register.to_string(),
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

/// A kind of item a register lists: its word in summaries, the kinds of change its
/// pairing gives, and what an added one concerns.
struct Item {
    word: &'static str,
    added: &'static str,
    removed: &'static str,
    renamed: &'static str,
    article: &'static str,
}

const PURPOSE: Item = Item {
    word: "purpose",
    added: "purpose-added",
    removed: "purpose-removed",
    renamed: "purpose-renamed",
    article: "13(3), 14(4)",
};

const RECIPIENT: Item = Item {
    word: "recipient",
    added: "recipient-added",
    removed: "recipient-removed",
    renamed: "recipient-renamed",
    article: "13(1)(e)",
};

const TRANSFER: Item = Item {
    word: "transfer",
    added: "transfer-added",
    removed: "transfer-removed",
    renamed: "transfer-renamed",
    article: "13(1)(f)",
};

/// Pairs the old and new items of one kind ([`match_items`]) and says which were added
/// (material), removed or renamed with the same content (editorial); returns the items
/// paired by name, for the caller to compare. `described` names an added item.
fn paired<'a, T: HasId + Serialize>(
    register: &str,
    item: &Item,
    olds: &[&'a T],
    news: &[&'a T],
    described: impl Fn(&T) -> String,
    out: &mut Vec<Change>,
) -> Vec<(&'a T, &'a T)> {
    let mut same = Vec::new();
    for pair in match_items(olds, news, |x| x.id(), |x| without_id(x)) {
        match pair {
            Pair::Added(x) => out.push(
                change(
                    register,
                    item.added,
                    Materiality::Material,
                    item.article,
                    format!("{} added", described(x)),
                )
                .between("", x.id()),
            ),
            Pair::Removed(x) => out.push(
                change(
                    register,
                    item.removed,
                    Materiality::Editorial,
                    "",
                    format!("{} `{}` removed", item.word, x.id()),
                )
                .between(x.id(), ""),
            ),
            Pair::Renamed(x, y) => out.push(
                change(
                    register,
                    item.renamed,
                    Materiality::Editorial,
                    "",
                    format!(
                        "{} `{}` renamed `{}`, its content the same",
                        item.word,
                        x.id(),
                        y.id()
                    ),
                )
                .between(x.id(), y.id()),
            ),
            Pair::Same(x, y) => same.push((x, y)),
        }
    }
    same
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
    data_kinds(id, a, b, out);
    recipients(id, a, b, out);
    answers_withdrawn(id, a, b, out);
    commitments(id, a, b, out);
    names_listed(id, "subject", &ids(&a.subjects), &ids(&b.subjects), out);
    names_listed(id, "source", &source_ids(a), &source_ids(b), out);
    transfers(id, a, b, out);
    retention(id, "", &a.retention, &b.retention, &[], out);
    rights(id, a, b, out);
    automated(id, a, b, out);
    // With purposes, the register's bases matter as the bases of the purposes that give
    // none of their own: those are compared purpose by purpose.
    if a.purposes.is_empty() && b.purposes.is_empty() {
        basis_list(id, "the register", &a.bases, &b.bases, out);
    }
    wording(id, a, b, out);
}

/// A data category that became special (Art. 9) or criminal (Art. 10) data.
fn data_kinds(id: &str, a: &Register, b: &Register, out: &mut Vec<Change>) {
    for new in &b.data {
        let Some(old) = a.data.iter().find(|d| d.id == new.id) else {
            continue;
        };
        let sensitive = |k: &m::DataKind| matches!(k, m::DataKind::Special | m::DataKind::Criminal);
        if without_id(old.kind) != without_id(new.kind) {
            let (materiality, article) = if sensitive(&new.kind) {
                (Materiality::Material, "9, 10, 13(1)(c)")
            } else {
                (Materiality::Editorial, "")
            };
            let kind = |k: &m::DataKind| {
                serde_json::to_value(k)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            };
            out.push(
                change(
                    id,
                    "data-kind-changed",
                    materiality,
                    article,
                    format!("data category `{}` is now of another kind", new.id),
                )
                .between(&kind(&old.kind), &kind(&new.kind)),
            );
        }
    }
}

/// Recipients paired by name, then by content (a rename is editorial); a recipient whose
/// name, role or country changed is another recipient for the people told (13(1)(e)).
fn recipients(id: &str, a: &Register, b: &Register, out: &mut Vec<Change>) {
    let (olds, news): (Vec<&m::Recipient>, Vec<&m::Recipient>) = (
        a.recipients.items().iter().collect(),
        b.recipients.items().iter().collect(),
    );
    for (x, y) in paired(
        id,
        &RECIPIENT,
        &olds,
        &news,
        |x| format!("recipient `{}`", x.id),
        out,
    ) {
        let who = |r: &m::Recipient| (r.name.clone(), without_id(&r.roles), r.countries.clone());
        if who(x) != who(y) {
            let said = |r: &m::Recipient| {
                let roles = serde_json::to_value(&r.roles)
                    .ok()
                    .map(|v| v.to_string())
                    .unwrap_or_default();
                format!(
                    "{} {roles} {}",
                    r.name.clone().unwrap_or_default(),
                    r.countries.join(", ")
                )
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
            };
            out.push(
                change(
                    id,
                    "recipient-changed",
                    Materiality::Material,
                    "13(1)(e)",
                    format!(
                        "recipient `{}` is another body, or acts in another role or country",
                        y.id
                    ),
                )
                .between(&said(x), &said(y)),
            );
        } else if without_id(x) != without_id(y) {
            out.push(change(
                id,
                "wording",
                Materiality::Editorial,
                "",
                format!("the texts of recipient `{}` changed", y.id),
            ));
        }
    }
}

/// `recipients none`, `transfers none`, `automated-decisions none` taken back: the notice
/// no longer answers (a gap, which `regc check` reports), and nothing more is done.
fn answers_withdrawn(id: &str, a: &Register, b: &Register, out: &mut Vec<Change>) {
    let said_none = |s: &Stated<m::Recipient>| matches!(s, Stated::None);
    let unstated = |s: &Stated<m::Recipient>| matches!(s, Stated::NotStated);
    if said_none(&a.recipients) && unstated(&b.recipients) {
        out.push(change(
            id,
            "answer-withdrawn",
            Materiality::Editorial,
            "13(1)(e)",
            "the register no longer says that there are no recipients".to_string(),
        ));
    }
    if matches!(a.transfers, Stated::None) && matches!(b.transfers, Stated::NotStated) {
        out.push(change(
            id,
            "answer-withdrawn",
            Materiality::Editorial,
            "13(1)(f)",
            "the register no longer says that nothing is transferred outside the EEA".to_string(),
        ));
    }
    if matches!(a.automated_decisions, AutomatedDecisions::None)
        && matches!(b.automated_decisions, AutomatedDecisions::NotStated)
    {
        out.push(change(
            id,
            "answer-withdrawn",
            Materiality::Editorial,
            "13(2)(f)",
            "the register no longer says that no automated decisions are made".to_string(),
        ));
    }
}

/// A promise not to do something, withdrawn: the data may now be used that way.
fn commitments(id: &str, a: &Register, b: &Register, out: &mut Vec<Change>) {
    let words = |r: &Register| {
        r.commitments
            .iter()
            .filter_map(|c| {
                serde_json::to_value(c)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
            })
            .collect::<BTreeSet<_>>()
    };
    for gone in words(a).difference(&words(b)) {
        out.push(
            change(
                id,
                "commitment-withdrawn",
                Materiality::Material,
                "13(3)",
                format!("the commitment `{gone}` is withdrawn"),
            )
            .between(gone, ""),
        );
    }
    for new in words(b).difference(&words(a)) {
        out.push(
            change(
                id,
                "commitment-added",
                Materiality::Editorial,
                "",
                format!("the commitment `{new}` is given"),
            )
            .between("", new),
        );
    }
}

fn ids<T: HasId>(items: &[T]) -> BTreeSet<String> {
    items.iter().map(|i| i.id().to_string()).collect()
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
        return;
    }
    let (Some(x), Some(y)) = (&a.controller, &b.controller) else {
        return;
    };
    let joint = |c: &m::Controller| {
        c.joint_controllers
            .iter()
            .map(|j| j.id.clone())
            .collect::<BTreeSet<_>>()
    };
    for added in joint(y).difference(&joint(x)) {
        out.push(
            change(
                id,
                "joint-controller-added",
                Materiality::Material,
                "13(1)(a), 26",
                format!("`{added}` decides with the controller now"),
            )
            .between("", added),
        );
    }
    if x.country != y.country {
        out.push(
            change(
                id,
                "controller-country-changed",
                Materiality::Material,
                "13(2)(d), 56",
                "the controller is established in another country: another law and authority"
                    .to_string(),
            )
            .between(
                x.country.as_deref().unwrap_or(""),
                y.country.as_deref().unwrap_or(""),
            ),
        );
    }
    if a.authority.as_ref().map(|x| &x.id) != b.authority.as_ref().map(|x| &x.id)
        && x.country == y.country
    {
        out.push(
            change(
                id,
                "authority-changed",
                Materiality::Material,
                "13(2)(d)",
                "people complain to another supervisory authority".to_string(),
            )
            .between(
                a.authority.as_ref().map_or("", |x| x.id.as_str()),
                b.authority.as_ref().map_or("", |x| x.id.as_str()),
            ),
        );
    }
    let contact = |c: &m::Controller| {
        (
            c.address.clone(),
            c.email.clone(),
            c.phone.clone(),
            c.website.clone(),
        )
    };
    if contact(x) != contact(y)
        || without_id(&x.representative) != without_id(&y.representative)
        || without_id(&a.dpo) != without_id(&b.dpo)
        || without_id(&a.contacts) != without_id(&b.contacts)
    {
        out.push(change(id, "contact-changed", Materiality::Editorial, "13(1)(a)-(b)", "the contact details (the controller's, its representative's, the DPO's or the contacts') changed".to_string()));
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
    for (p, q) in paired(
        id,
        &PURPOSE,
        &olds,
        &news,
        |p| format!("purpose `{}`", p.id),
        out,
    ) {
        let place = format!("purpose `{}`", q.id);
        // A purpose without bases of its own rests on the register's one.
        let effective = |r: &Register, x: &m::Purpose| {
            if x.bases.is_empty() && r.bases.len() == 1 {
                r.bases.clone()
            } else {
                x.bases.clone()
            }
        };
        basis_list(id, &place, &effective(a, p), &effective(b, q), out);
        if q.direct_marketing && !p.direct_marketing {
            out.push(change(
                id,
                "direct-marketing-added",
                Materiality::Material,
                "13(3), 21(2)",
                format!("{place} is direct marketing now"),
            ));
        }
        let requirement = |x: &m::Purpose| x.requirement.as_ref().map(|r| without_id(r.kind));
        if requirement(p) != requirement(q) {
            let said = |x: &m::Purpose| {
                requirement(x)
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            };
            out.push(
                change(
                    id,
                    "requirement-changed",
                    Materiality::Material,
                    "13(2)(e)",
                    format!("whether people must give the data for {place} changed"),
                )
                .between(&said(p), &said(q)),
            );
        }
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
        retention(id, &place, &p.retention, &q.retention, &b.retention, out);
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
    let (olds, news): (Vec<&m::Transfer>, Vec<&m::Transfer>) = (
        a.transfers.items().iter().collect(),
        b.transfers.items().iter().collect(),
    );
    for (t, u) in paired(
        id,
        &TRANSFER,
        &olds,
        &news,
        |t| format!("transfer `{}` to {}", t.id, t.countries.join(", ")),
        out,
    ) {
        let countries = |x: &m::Transfer| x.countries.iter().cloned().collect::<BTreeSet<_>>();
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

/// A period's length in minutes, months and years counted at their average (30.44 and
/// 365.25 days), so that `12 months` and `1 year` are the same length and `52 weeks` a
/// little shorter.
fn minutes(d: &Duration) -> f64 {
    let n = f64::from(d.amount);
    match d.unit {
        DurationUnit::Minutes => n,
        DurationUnit::Hours => n * 60.0,
        DurationUnit::Days => n * 1_440.0,
        DurationUnit::Weeks => n * 10_080.0,
        DurationUnit::Months => n * 43_830.0,
        DurationUnit::Years => n * 525_960.0,
    }
}

/// How a new retention rule compares with the old one for the same data: longer,
/// shorter, the same, or not comparable (another event or law, `at least`, criteria in
/// words), which may keep data longer.
fn longer(old: &RetentionRule, new: &RetentionRule) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    match (old, new) {
        (_, RetentionRule::NotKept) => Some(Ordering::Less),
        (
            RetentionRule::Period {
                duration: d1,
                bound: b1,
                after: a1,
                under: u1,
            },
            RetentionRule::Period {
                duration: d2,
                bound: b2,
                after: a2,
                under: u2,
            },
        ) => {
            let same_anchor = a1.as_ref().map(|e| &e.id) == a2.as_ref().map(|e| &e.id)
                && u1.as_ref().map(|l| &l.id) == u2.as_ref().map(|l| &l.id);
            // "At least" sets no end: never shorter than a period that had one.
            let open_ended =
                matches!(b2, RetentionBound::AtLeast) && !matches!(b1, RetentionBound::AtLeast);
            if !same_anchor || open_ended {
                return None;
            }
            let (x, y) = (minutes(d1), minutes(d2));
            if (x - y).abs() < 1.0 {
                // The same length: `at most` ends no later than an exact period.
                return match (b1, b2) {
                    (RetentionBound::AtMost, RetentionBound::Exact) => Some(Ordering::Greater),
                    _ => Some(Ordering::Equal),
                };
            }
            y.partial_cmp(&x)
        }
        _ => None,
    }
}

/// Retention rules compared by the data they cover (a rule for all the data matches the
/// one for all the data): longer is material, shorter editorial; a change that cannot be
/// measured (another event, criteria in words) is material, as it may be longer.
/// `fallback`: the periods data takes when it has none here (a purpose's data takes the
/// register's), so a period removed may leave data under a longer one.
fn retention(
    id: &str,
    place: &str,
    a: &[m::Retention],
    b: &[m::Retention],
    fallback: &[m::Retention],
    out: &mut Vec<Change>,
) {
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
            let overlaps = |x: &BTreeSet<String>, y: &BTreeSet<String>| {
                x.is_empty() || y.is_empty() || !x.is_disjoint(y)
            };
            let covered = a.iter().any(|o| overlaps(&scope(o), &scope(new)));
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
        let (kind, materiality, verb) = match longer(&old.rule, &new.rule) {
            Some(std::cmp::Ordering::Greater) => {
                ("retention-lengthened", Materiality::Material, "lengthened")
            }
            Some(std::cmp::Ordering::Less) => {
                ("retention-shortened", Materiality::Editorial, "shortened")
            }
            Some(std::cmp::Ordering::Equal) => (
                "wording",
                Materiality::Editorial,
                "written otherwise, as long",
            ),
            None => (
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
        // Its data now takes the other periods that cover it (here, else the fallback's):
        // material when one of them may be longer.
        let overlaps = |x: &BTreeSet<String>, y: &BTreeSet<String>| {
            x.is_empty() || y.is_empty() || !x.is_disjoint(y)
        };
        let here: Vec<&m::Retention> = b
            .iter()
            .filter(|n| overlaps(&scope(n), &scope(old)))
            .collect();
        let takes: Vec<&m::Retention> = if here.is_empty() {
            fallback
                .iter()
                .filter(|n| overlaps(&scope(n), &scope(old)))
                .collect()
        } else {
            here
        };
        let longer_now = takes.iter().any(|n| {
            !matches!(
                longer(&old.rule, &n.rule),
                Some(std::cmp::Ordering::Less | std::cmp::Ordering::Equal)
            )
        });
        let (materiality, said) = if longer_now {
            (
                Materiality::Material,
                "removed: the data now falls under another period, which may be longer",
            )
        } else {
            (Materiality::Editorial, "removed")
        };
        out.push(
            change(
                id,
                "retention-removed",
                materiality,
                "13(2)(a)",
                format!("a retention period{at} for {} {said}", what(old)),
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
            out.push(change(id, "right-removed", Materiality::Editorial, "13(2)(b)", format!("the notice no longer lists the right `{lost}`, which followed from what the register no longer does (a basis, automated decisions)")).between(lost, ""));
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
            without_id(&r.automated_decisions),
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
