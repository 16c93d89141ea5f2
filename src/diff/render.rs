//! A diff's changes for people (a terminal), for tools (JSON) and for a notice (Markdown,
//! a "What changed" section). Text from `.reg` files (names) goes through the escapers.

use super::{Change, Materiality};
use crate::render::escape;

/// `before → after`, when both are given and the summary does not already name them.
fn before_and_after(c: &Change) -> Option<String> {
    let (before, after) = (c.before.as_deref()?, c.after.as_deref()?);
    let named =
        c.summary.contains(&format!("`{before}`")) && c.summary.contains(&format!("`{after}`"));
    (!before.is_empty() && !after.is_empty() && !named).then(|| format!("{before} → {after}"))
}

/// For a terminal: register by register, material changes first, then a count.
pub fn human(changes: &[Change]) -> String {
    let mut out = String::new();
    let mut register: Option<&str> = None;
    for c in changes {
        if register != Some(c.register.as_str()) {
            out.push_str(&format!("register `{}`\n", c.register));
            register = Some(&c.register);
        }
        let tag = match c.materiality {
            Materiality::Material => "material ",
            Materiality::Editorial => "editorial",
        };
        out.push_str(&format!("  {tag}  {}", c.summary));
        if let Some(arrow) = before_and_after(c) {
            out.push_str(&format!(": {arrow}"));
        }
        if !c.article.is_empty() {
            out.push_str(&format!(" (Art. {})", c.article));
        }
        out.push_str(&format!(" [{}]\n", c.kind));
    }
    out.push_str(&summary(changes));
    out.push('\n');
    out
}

/// "2 material changes, 1 editorial": and what a material change asks of the controller.
pub fn summary(changes: &[Change]) -> String {
    let material = count(changes, Materiality::Material);
    let editorial = count(changes, Materiality::Editorial);
    if changes.is_empty() {
        return "no changes".to_string();
    }
    let mut s = format!(
        "{}, {}",
        plural(material, "material change"),
        plural(editorial, "editorial change")
    );
    if material > 0 {
        s.push_str(": tell the people concerned before the changes apply (Art. 13(3), 14(4); WP260 rev.01 para. 29)");
    }
    s
}

fn count(changes: &[Change], m: Materiality) -> usize {
    changes.iter().filter(|c| c.materiality == m).count()
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The JSON document: `{"format": "regc-diff/1", "material": N, "editorial": N,
/// "changes": [...]}`.
pub fn json(changes: &[Change]) -> Result<String, String> {
    #[derive(serde::Serialize)]
    struct Document<'a> {
        format: &'static str,
        material: usize,
        editorial: usize,
        changes: &'a [Change],
    }
    let doc = Document {
        format: "regc-diff/1",
        material: count(changes, Materiality::Material),
        editorial: count(changes, Materiality::Editorial),
        changes,
    };
    serde_json::to_string_pretty(&doc)
        .map(|mut s| {
            s.push('\n');
            s
        })
        .map_err(|e| format!("cannot write the diff as JSON: {e}"))
}

/// A "What changed" section for a notice: the material changes, in plain words; the
/// editorial ones are left out (people need not be told of them).
pub fn markdown(changes: &[Change]) -> String {
    let mut out = String::from("## What changed\n\n");
    let material: Vec<&Change> = changes
        .iter()
        .filter(|c| c.materiality == Materiality::Material)
        .collect();
    if material.is_empty() {
        out.push_str("No change was found that people must be told of.\n");
        return out;
    }
    // Changes to several registers go under a heading each, by the register's title.
    let first = material.first().map(|c| c.register.as_str());
    let several = material.iter().any(|c| Some(c.register.as_str()) != first);
    let mut current: Option<&str> = None;
    for c in material {
        if several && current != Some(c.register.as_str()) {
            if current.is_some() {
                out.push('\n');
            }
            out.push_str(&format!("### {}\n\n", escape::markdown(&c.register_title)));
            current = Some(&c.register);
        }
        out.push_str("- ");
        out.push_str(&escape::markdown(&sentence(c)));
        out.push('\n');
    }
    out
}

/// A change as a sentence for a notice's reader.
fn sentence(c: &Change) -> String {
    let mut s = c.summary.replace('`', "");
    if let (Some(before), Some(after)) = (&c.before, &c.after)
        && before_and_after(c).is_some()
    {
        s.push_str(&format!(" (was: {before}; now: {after})"));
    }
    if let Some(first) = s.get(..1) {
        s = first.to_uppercase() + s.get(1..).unwrap_or("");
    }
    s.push('.');
    s
}
