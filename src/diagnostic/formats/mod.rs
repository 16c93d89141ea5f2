//! Diagnostics for machines: JSON, SARIF 2.1.0, GitHub Actions workflow commands, GitLab
//! Code Quality and JUnit XML. Pure: every function returns text and prints nothing.
//!
//! Every format carries the same facts (those `docs/ci.md` lists): code, rule name,
//! severity, article, message, help, file, 1-based line and column (columns count
//! characters, not bytes), end line and column (just past the last character), and a
//! fingerprint.
//!
//! The fingerprint is FNV-1a 64-bit over the code, the file name, the message and the
//! trimmed text of the diagnostic's first source line, as 16 hex digits: it stays the same
//! across runs, machines and edits elsewhere in the file that move the finding to another
//! line. When two findings would get the same fingerprint (the same message on two
//! identical lines), the second and later ones are re-hashed with their ordinal, so that
//! fingerprints are unique within one report and still do not depend on line numbers.
//!
//! One file per format, each with its serde structs, its render function and its tests:
//! [`json()`], [`sarif()`], [`github()`], [`gitlab()`] and [`junit()`]. This file holds
//! what they share: [`Format`] and [`render`], places, fingerprints and file names.

mod concise;
mod github;
mod gitlab;
mod json;
mod junit;
mod sarif;

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::{Code, Diagnostic, Severity};
use crate::source::{SourceMap, Span};

pub use self::concise::concise;
pub use self::github::{github, github_data, github_property};
pub use self::gitlab::{gitlab, gitlab_severity};
pub use self::json::{JSON_VERSION, json};
pub use self::junit::{junit, junit_failing_at, xml_attr, xml_text};
pub use self::sarif::{SARIF_FINGERPRINT_KEY, sarif};

/// The machine-readable formats `regc check --format` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Sarif,
    Github,
    Gitlab,
    Junit,
    Concise,
}

/// `diagnostics` in `format`. `files` names every file checked, clean or not, as its
/// source is named in `sources`.
pub fn render(
    format: Format,
    sources: &SourceMap,
    diagnostics: &[Diagnostic],
    files: &[String],
) -> String {
    render_failing_at(format, sources, diagnostics, files, Severity::Error)
}

/// [`render`], where findings of `fails` severity or worse make the check fail: errors,
/// or warnings too under `--deny-warnings`. Only JUnit, which says pass or fail per
/// finding, depends on it.
pub fn render_failing_at(
    format: Format,
    sources: &SourceMap,
    diagnostics: &[Diagnostic],
    files: &[String],
    fails: Severity,
) -> String {
    match format {
        Format::Json => json(sources, diagnostics, files.len()),
        Format::Sarif => sarif(sources, diagnostics),
        Format::Github => github(sources, diagnostics),
        Format::Gitlab => gitlab(sources, diagnostics),
        Format::Junit => junit_failing_at(sources, diagnostics, files, fails),
        Format::Concise => concise(sources, diagnostics),
    }
}

// ---------------------------------------------------------------------------------------
// Places and fingerprints

/// Where a span is, as people and tools count: 1-based lines, columns in characters.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Place {
    file: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

fn place(sources: &SourceMap, span: Span) -> Place {
    let file = file_name(sources, span);
    let (line, column) = sources.line_col(span.source, span.start as usize);
    let (end_line, end_column) = sources.line_col(span.source, span.end as usize);
    Place {
        file,
        line,
        column,
        end_line,
        end_column,
    }
}

fn file_name(sources: &SourceMap, span: Span) -> String {
    sources
        .get(span.source)
        .map_or_else(|| "<unknown>".to_string(), |s| s.name.clone())
}

/// FNV-1a, 64 bits.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(PRIME);
    }
    hash
}

/// A message with every run of digits as `#`: a count of days or a check date in a message
/// must not make the same finding look new every day.
pub fn without_numbers(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut in_number = false;
    for c in message.chars() {
        if c.is_ascii_digit() {
            if !in_number {
                out.push('#');
            }
            in_number = true;
        } else {
            out.push(c);
            in_number = false;
        }
    }
    out
}

/// A diagnostic's own fingerprint: code, file, message (without its numbers) and the text
/// of its line, never its line number. Two identical findings on identical lines share it; see
/// [`fingerprints`] for the unique ones every format writes.
pub fn fingerprint(sources: &SourceMap, diagnostic: &Diagnostic) -> String {
    let span = diagnostic.primary.span;
    let text = sources
        .get(span.source)
        .map_or("", |s| s.line_at(span.start as usize).trim());
    let mut bytes = Vec::new();
    for part in [
        diagnostic.code.as_str(),
        &file_name(sources, span),
        &without_numbers(&diagnostic.message),
        text,
    ] {
        bytes.extend_from_slice(part.as_bytes());
        // A separator no part contains, so that `ab`+`c` and `a`+`bc` differ.
        bytes.push(0);
    }
    format!("{:016x}", fnv1a64(&bytes))
}

/// The fingerprint of each diagnostic, unique within the list: a repeat of an earlier
/// fingerprint is hashed again with its ordinal (1 for the first repeat, …).
///
/// Each fingerprint remembers the last ordinal it was given, so the n-th repeat of one
/// finding costs one hash, not n: a report of 100,000 identical findings stays linear.
pub fn fingerprints(sources: &SourceMap, diagnostics: &[Diagnostic]) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut last_ordinal: HashMap<String, u64> = HashMap::new();
    diagnostics
        .iter()
        .map(|d| {
            let base = fingerprint(sources, d);
            if seen.insert(base.clone()) {
                return base;
            }
            let ordinal = last_ordinal.entry(base.clone()).or_insert(0);
            loop {
                *ordinal += 1;
                let print = format!("{:016x}", fnv1a64(format!("{base}\0{ordinal}").as_bytes()));
                if seen.insert(print.clone()) {
                    return print;
                }
            }
        })
        .collect()
}

/// The articles a rule enforces; None for a stage code or a rule without one.
fn article(code: Code) -> Option<&'static str> {
    Some(code.articles()).filter(|a| !a.is_empty())
}

fn to_json<T: Serialize>(value: &T) -> String {
    // Plain structs with string keys always serialise; the fallback is never taken.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// The message, and the help on a line of its own.
fn with_help(d: &Diagnostic) -> String {
    match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.clone(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;
    use crate::diagnostic::Severity;
    use crate::diagnostic::code::{Applies, RuleInfo};

    /// A rule of the tests' own, so that the formats are tested without the checker.
    pub(super) const C001: Code = Code::Rule(&RuleInfo {
        code: "C001",
        name: "controller-missing",
        severity: Severity::Error,
        ropa_severity: None,
        applies: Applies::Always,
        articles: "13(1)(a)",
        summary: "the controller must be named",
        explanation: "## Example\n\n## Fix\n",
    });

    pub(super) fn one(text: &str, needle: &str, message: &str) -> (SourceMap, Vec<Diagnostic>) {
        let mut sources = SourceMap::new();
        let id = sources.add("dir/a.reg", text);
        let start = text.find(needle).unwrap();
        let span = Span::new(id, start, start + needle.len());
        (sources, vec![Diagnostic::error(C001, span, message)])
    }

    #[test]
    fn fnv1a64_matches_the_reference_vectors() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn a_fingerprint_survives_lines_added_above_and_changes_with_the_line() {
        let (s1, d1) = one("register r {\n  x y\n}\n", "x y", "m");
        let (s2, d2) = one("// new\n\nregister r {\n    x y\n}\n", "x y", "m");
        let (s3, d3) = one("register r {\n  x z\n}\n", "x z", "m");
        let print = fingerprint(&s1, &d1[0]);
        assert_eq!(print.len(), 16);
        assert!(print.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(print, fingerprint(&s2, &d2[0]));
        assert_ne!(print, fingerprint(&s3, &d3[0]));
    }

    #[test]
    fn identical_findings_on_identical_lines_get_unique_fingerprints() {
        let text = "a {\n  same\n}\nb {\n  same\n}\n";
        let mut sources = SourceMap::new();
        let id = sources.add("a.reg", text);
        let first = text.find("same").unwrap();
        let second = text.rfind("same").unwrap();
        let ds = vec![
            Diagnostic::error(C001, Span::new(id, first, first + 4), "m"),
            Diagnostic::error(C001, Span::new(id, second, second + 4), "m"),
        ];
        assert_eq!(fingerprint(&sources, &ds[0]), fingerprint(&sources, &ds[1]));
        let prints = fingerprints(&sources, &ds);
        assert_ne!(prints[0], prints[1]);
        assert_eq!(prints[0], fingerprint(&sources, &ds[0]));
    }

    #[test]
    fn line_at_is_the_line_of_an_offset() {
        let mut sources = SourceMap::new();
        let id = sources.add("a.reg", "one\n  two  \nthree");
        let empty = sources.add("b.reg", "");
        let source = sources.get(id).unwrap();
        assert_eq!(source.line_at(0), "one");
        assert_eq!(source.line_at(3), "one");
        assert_eq!(source.line_at(6), "  two  ");
        assert_eq!(source.line_at(100), "three");
        assert_eq!(sources.get(empty).unwrap().line_at(5), "");
    }

    #[test]
    fn many_repeats_of_one_finding_get_the_ordinals_in_order() {
        let text = "same\n".repeat(5);
        let mut sources = SourceMap::new();
        let id = sources.add("a.reg", text.as_str());
        let ds: Vec<Diagnostic> = (0..5)
            .map(|i| Diagnostic::error(C001, Span::new(id, i * 5, i * 5 + 4), "m"))
            .collect();
        let prints = fingerprints(&sources, &ds);
        let base = fingerprint(&sources, &ds[0]);
        assert_eq!(prints[0], base);
        for (ordinal, print) in prints.iter().enumerate().skip(1) {
            let expected = format!("{:016x}", fnv1a64(format!("{base}\0{ordinal}").as_bytes()));
            assert_eq!(print, &expected);
        }
    }
}
