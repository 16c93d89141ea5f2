//! `docs/rules/`: one page per rule and an index, generated from the rule declarations
//! (a test keeps the committed pages current).

use super::{Applies, RuleInfo};
use crate::diagnostic::Severity;

fn severity(info: &RuleInfo) -> String {
    let base = match info.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    };
    match info.ropa_severity {
        Some(s) if s != info.severity => format!("{base} (ropa: {})", s.as_str()),
        _ => base.to_string(),
    }
}

fn profiles(info: &RuleInfo) -> &'static str {
    match info.applies {
        Applies::Always => "notice, ropa",
        Applies::NoticeOnly => "notice",
        Applies::RopaOnly => "ropa",
    }
}

fn article(info: &RuleInfo) -> &'static str {
    if info.articles.is_empty() {
        "—"
    } else {
        info.articles
    }
}

/// The page `docs/rules/<CODE>.md`; also what `regc explain CODE` prints.
pub fn page(info: &RuleInfo) -> String {
    format!(
        "# {code} {name}\n\n{summary}.\n\n| severity | article | profiles |\n|---|---|---|\n| {severity} | {article} | {profiles} |\n\n{explanation}",
        code = info.code,
        name = info.name,
        summary = capitalise(info.summary),
        severity = severity(info),
        article = article(info),
        profiles = profiles(info),
        explanation = info.explanation.trim_start(),
    )
}

/// `docs/rules/README.md`: the table of every rule.
pub fn index(rules: &[&RuleInfo]) -> String {
    let mut out = String::from(
        "# Rules\n\nEvery finding `regc check` reports, generated from the rule declarations in\n`src/check/rules/`. `regc explain CODE` prints the same page. Severities: **error** fails\n`regc check`; **warning** fails only with `--deny-warnings` or under the `strict` profile;\n**info** never fails.\n\n| code | name | severity | article | summary |\n|---|---|---|---|---|\n",
    );
    for info in rules {
        out.push_str(&format!(
            "| [{code}]({code}.md) | {name} | {severity} | {article} | {summary} |\n",
            code = info.code,
            name = info.name,
            severity = severity(info),
            article = article(info),
            summary = info.summary,
        ));
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
