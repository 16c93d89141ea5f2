//! regc's own JSON: `{"version": 1, "diagnostics": […], "summary": {…}}`.

use serde::Serialize;

use super::{article, fingerprints, place, to_json};
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::source::SourceMap;

/// The version of the `json` format; bumped when a field changes meaning or goes away.
pub const JSON_VERSION: u32 = 1;

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: JsonSummary,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'a str,
    name: Option<&'a str>,
    severity: &'a str,
    article: Option<&'a str>,
    message: &'a str,
    help: Option<&'a str>,
    notes: &'a [crate::diagnostic::Words],
    file: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    fingerprint: String,
    labels: Vec<JsonLabel<'a>>,
}

/// The primary label first, then the secondary ones; a label may point into another file.
#[derive(Serialize)]
struct JsonLabel<'a> {
    message: &'a str,
    primary: bool,
    file: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
struct JsonSummary {
    errors: usize,
    warnings: usize,
    infos: usize,
    files: usize,
}

/// `{"version": 1, "diagnostics": […], "summary": {…}}`; `files` is how many files were
/// checked.
pub fn json(sources: &SourceMap, diagnostics: &[Diagnostic], files: usize) -> String {
    let prints = fingerprints(sources, diagnostics);
    let report = JsonReport {
        version: JSON_VERSION,
        diagnostics: diagnostics
            .iter()
            .zip(prints)
            .map(|(d, fingerprint)| {
                let at = place(sources, d.primary.span);
                JsonDiagnostic {
                    code: d.code.as_str(),
                    name: d.code.rule().map(|i| i.name),
                    severity: d.severity.as_str(),
                    article: article(d.code),
                    message: &d.message,
                    help: d.help.as_deref(),
                    notes: &d.notes,
                    file: at.file,
                    line: at.line,
                    column: at.column,
                    end_line: at.end_line,
                    end_column: at.end_column,
                    fingerprint,
                    labels: std::iter::once(json_label(sources, &d.primary, true))
                        .chain(d.secondary.iter().map(|l| json_label(sources, l, false)))
                        .collect(),
                }
            })
            .collect(),
        summary: JsonSummary {
            errors: count(diagnostics, Severity::Error),
            warnings: count(diagnostics, Severity::Warning),
            infos: count(diagnostics, Severity::Info),
            files,
        },
    };
    to_json(&report)
}

fn json_label<'a>(sources: &SourceMap, label: &'a Label, primary: bool) -> JsonLabel<'a> {
    let at = place(sources, label.span);
    JsonLabel {
        message: &label.message,
        primary,
        file: at.file,
        line: at.line,
        column: at.column,
        end_line: at.end_line,
        end_column: at.end_column,
    }
}

fn count(diagnostics: &[Diagnostic], severity: Severity) -> usize {
    diagnostics
        .iter()
        .filter(|d| d.severity == severity)
        .count()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;
    use crate::diagnostic::codes;
    use crate::diagnostic::formats::tests::one;
    use crate::source::Span;

    #[test]
    fn columns_count_characters_not_bytes() {
        let (sources, ds) = one("register r {\n  äö x\n}\n", "x", "m");
        let value: serde_json::Value = serde_json::from_str(&json(&sources, &ds, 1)).unwrap();
        let d = &value["diagnostics"][0];
        assert_eq!(
            (d["line"].as_u64(), d["column"].as_u64()),
            (Some(2), Some(6))
        );
        assert_eq!(d["end_column"].as_u64(), Some(7));
        assert_eq!(value["summary"]["files"].as_u64(), Some(1));
    }

    #[test]
    fn syntax_codes_have_no_rule_name_or_article() {
        let mut sources = SourceMap::new();
        let id = sources.add("a.reg", "updated 2018-02-30\n");
        let d = Diagnostic::error(codes::INVALID_DATE, Span::new(id, 8, 18), "not a date");
        let value: serde_json::Value = serde_json::from_str(&json(&sources, &[d], 1)).unwrap();
        let d = &value["diagnostics"][0];
        assert!(d["name"].is_null() && d["article"].is_null(), "{d}");
        assert_eq!(d["code"], "invalid-date");
    }
}
