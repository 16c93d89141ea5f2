//! Diagnostics for machines: JSON, SARIF 2.1.0, GitHub Actions workflow commands, GitLab
//! Code Quality and JUnit XML. Pure: every function returns text and prints nothing.
//!
//! Every format carries the same facts (see `shared/design/rules.md`): code, rule name,
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

use std::collections::HashSet;
use std::fmt::Write as _;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

use super::{Code, Diagnostic, Label, Severity};
use crate::source::{SourceMap, Span};

/// The machine-readable formats `regc check --format` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Sarif,
    Github,
    Gitlab,
    Junit,
}

/// The version of the `json` format; bumped when a field changes meaning or goes away.
pub const JSON_VERSION: u32 = 1;

/// The key of regc's fingerprint in SARIF `partialFingerprints`.
pub const SARIF_FINGERPRINT_KEY: &str = "regc/v1";

/// `diagnostics` in `format`. `files` names every file checked, clean or not, as its
/// source is named in `sources`.
pub fn render(
    format: Format,
    sources: &SourceMap,
    diagnostics: &[Diagnostic],
    files: &[String],
) -> String {
    match format {
        Format::Json => json(sources, diagnostics, files.len()),
        Format::Sarif => sarif(sources, diagnostics),
        Format::Github => github(sources, diagnostics),
        Format::Gitlab => gitlab(sources, diagnostics),
        Format::Junit => junit(sources, diagnostics, files),
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

/// The trimmed text of the line `offset` is on.
fn line_text(text: &str, offset: usize) -> &str {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    text[start..end].trim()
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

/// A diagnostic's own fingerprint: code, file, message and the text of its line, never
/// its line number. Two identical findings on identical lines share it; see
/// [`fingerprints`] for the unique ones every format writes.
pub fn fingerprint(sources: &SourceMap, diagnostic: &Diagnostic) -> String {
    let span = diagnostic.primary.span;
    let text = sources
        .get(span.source)
        .map_or("", |s| line_text(&s.text, span.start as usize));
    let mut bytes = Vec::new();
    for part in [
        diagnostic.code.as_str(),
        &file_name(sources, span),
        &diagnostic.message,
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
pub fn fingerprints(sources: &SourceMap, diagnostics: &[Diagnostic]) -> Vec<String> {
    let mut seen = HashSet::new();
    diagnostics
        .iter()
        .map(|d| {
            let base = fingerprint(sources, d);
            let mut print = base.clone();
            let mut ordinal = 0u64;
            while !seen.insert(print.clone()) {
                ordinal += 1;
                print = format!("{:016x}", fnv1a64(format!("{base}\0{ordinal}").as_bytes()));
            }
            print
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

fn count(diagnostics: &[Diagnostic], severity: Severity) -> usize {
    diagnostics
        .iter()
        .filter(|d| d.severity == severity)
        .count()
}

// ---------------------------------------------------------------------------------------
// json

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
    notes: &'a [String],
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

// ---------------------------------------------------------------------------------------
// sarif

#[derive(Serialize)]
struct SarifLog<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [SarifRun<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifRun<'a> {
    tool: SarifTool,
    results: Vec<SarifResult<'a>>,
    /// Columns count Unicode code points, as regc's do.
    column_kind: &'static str,
}

#[derive(Serialize)]
struct SarifTool {
    driver: SarifDriver,
}

#[derive(Serialize)]
struct SarifDriver {
    name: &'static str,
    version: &'static str,
    rules: Vec<SarifRule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifRule {
    id: &'static str,
    name: &'static str,
    short_description: SarifText,
    full_description: SarifText,
    help: SarifHelp,
    default_configuration: SarifConfiguration,
    properties: SarifRuleProperties,
}

#[derive(Serialize)]
struct SarifText {
    text: String,
}

#[derive(Serialize)]
struct SarifHelp {
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    markdown: Option<String>,
}

#[derive(Serialize)]
struct SarifConfiguration {
    level: &'static str,
}

#[derive(Serialize)]
struct SarifRuleProperties {
    /// The rule's page in the repository, relative to its root. SARIF's `helpUri` must be
    /// an absolute URI, which regc does not know, so the path goes here and in `help`.
    docs: String,
    tags: Vec<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: SarifText,
    locations: [SarifLocation; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<SarifLocation>,
    partial_fingerprints: std::collections::BTreeMap<&'static str, String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation {
    physical_location: SarifPhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<SarifText>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifPhysicalLocation {
    artifact_location: SarifArtifactLocation,
    region: SarifRegion,
}

#[derive(Serialize)]
struct SarifArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifRegion {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// SARIF 2.1.0 with one run: the rules used, then one result per diagnostic.
pub fn sarif(sources: &SourceMap, diagnostics: &[Diagnostic]) -> String {
    let mut codes: Vec<Code> = diagnostics.iter().map(|d| d.code).collect();
    codes.sort_unstable();
    codes.dedup();
    let rules = codes.iter().map(|code| sarif_rule(*code)).collect();
    let prints = fingerprints(sources, diagnostics);
    let results = diagnostics
        .iter()
        .zip(prints)
        .map(|(d, print)| SarifResult {
            rule_id: d.code.as_str(),
            rule_index: codes.binary_search(&d.code).unwrap_or(0),
            level: sarif_level(d.severity),
            message: SarifText { text: with_help(d) },
            locations: [sarif_location(sources, &d.primary, false)],
            related_locations: d
                .secondary
                .iter()
                .map(|l| sarif_location(sources, l, true))
                .collect(),
            partial_fingerprints: [(SARIF_FINGERPRINT_KEY, print)].into_iter().collect(),
        })
        .collect();
    to_json(&SarifLog {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [SarifRun {
            tool: SarifTool {
                driver: SarifDriver {
                    name: "regc",
                    version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            results,
            column_kind: "unicodeCodePoints",
        }],
    })
}

fn sarif_rule(code: Code) -> SarifRule {
    let full = match article(code) {
        Some(article) => format!("GDPR Art. {article}: {}.", code.summary()),
        None => format!("{}.", code.summary()),
    };
    let docs = code.doc_path();
    let tag = match code.kind() {
        super::Kind::Rule => "gdpr",
        kind => kind.as_str(),
    };
    SarifRule {
        id: code.as_str(),
        name: code.title(),
        short_description: SarifText {
            text: code.summary().to_string(),
        },
        full_description: SarifText { text: full },
        help: SarifHelp {
            text: format!("Run `regc explain {code}` or read {docs}."),
            markdown: Some(code.page()),
        },
        default_configuration: SarifConfiguration {
            level: sarif_level(code.severity()),
        },
        properties: SarifRuleProperties {
            docs,
            tags: vec![tag],
        },
    }
}

fn sarif_location(sources: &SourceMap, label: &Label, with_message: bool) -> SarifLocation {
    let at = place(sources, label.span);
    SarifLocation {
        physical_location: SarifPhysicalLocation {
            artifact_location: SarifArtifactLocation {
                uri: file_uri(&at.file),
            },
            region: SarifRegion {
                start_line: at.line,
                start_column: at.column,
                end_line: at.end_line,
                end_column: at.end_column,
            },
        },
        message: (with_message && !label.message.is_empty()).then(|| SarifText {
            text: label.message.clone(),
        }),
    }
}

/// What [`file_uri`] percent-encodes: everything but RFC 3986's unreserved characters
/// (letters, digits, `-`, `.`, `_`, `~`) and `/`; bytes beyond ASCII always are.
const URI_PATH: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/');

/// A file name as a URI reference: relative names stay relative (with `/` separators),
/// absolute ones become `file:` URIs, and everything but unreserved characters and `/` is
/// percent-encoded.
fn file_uri(name: &str) -> String {
    let path = name.replace('\\', "/");
    let bytes = path.as_bytes();
    let drive = bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':';
    let (mut uri, rest) = if drive {
        (format!("file:///{}:", &path[..1]), &path[2..])
    } else if path.starts_with('/') {
        ("file://".to_string(), path.as_str())
    } else {
        (String::new(), path.as_str())
    };
    uri.extend(utf8_percent_encode(rest, URI_PATH));
    uri
}

/// The message, and the help on a line of its own.
fn with_help(d: &Diagnostic) -> String {
    match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.clone(),
    }
}

// ---------------------------------------------------------------------------------------
// github

/// GitHub Actions workflow commands, one line per diagnostic:
/// `::error file=F,line=L,col=C,endLine=…,endColumn=…,title=CODE::MESSAGE`. Warnings are
/// `::warning`, infos `::notice`.
pub fn github(sources: &SourceMap, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let at = place(sources, d.primary.span);
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            github_property(&at.file.replace('\\', "/")),
            at.line,
            at.column,
            at.end_line,
            at.end_column,
            github_property(d.code.as_str()),
            github_data(&with_help(d)),
        );
    }
    out
}

/// A workflow command's message: `%`, CR and LF escaped.
pub fn github_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// A workflow command's property value: as data, and `:` and `,` too.
pub fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

// ---------------------------------------------------------------------------------------
// gitlab

#[derive(Serialize)]
struct GitlabIssue<'a> {
    description: String,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: GitlabLocation,
}

#[derive(Serialize)]
struct GitlabLocation {
    path: String,
    lines: GitlabLines,
}

#[derive(Serialize)]
struct GitlabLines {
    begin: usize,
}

/// GitLab's Code Quality severities: an error is `major` (it fails `regc check`), a warning
/// `minor`, an info `info`. `critical` and `blocker` are left for nothing regc reports: a
/// missing statement in a notice is serious but not a broken build.
pub fn gitlab_severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

/// A GitLab Code Quality report: a JSON array of issues with unique fingerprints.
pub fn gitlab(sources: &SourceMap, diagnostics: &[Diagnostic]) -> String {
    let prints = fingerprints(sources, diagnostics);
    let issues: Vec<GitlabIssue> = diagnostics
        .iter()
        .zip(prints)
        .map(|(d, fingerprint)| {
            let at = place(sources, d.primary.span);
            GitlabIssue {
                description: format!("{}: {}", d.code, with_help(d)),
                check_name: d.code.as_str(),
                fingerprint,
                severity: gitlab_severity(d.severity),
                location: GitlabLocation {
                    path: at.file.replace('\\', "/"),
                    lines: GitlabLines { begin: at.line },
                },
            }
        })
        .collect();
    to_json(&issues)
}

// ---------------------------------------------------------------------------------------
// junit

/// JUnit XML: one `<testsuite>` per file, one `<testcase>` per diagnostic (a `<failure>`
/// for errors and warnings), and one passing `no problems` case for each clean file of
/// `files`.
pub fn junit(sources: &SourceMap, diagnostics: &[Diagnostic], files: &[String]) -> String {
    let mut suites: Vec<(String, Vec<&Diagnostic>)> =
        files.iter().map(|f| (f.clone(), Vec::new())).collect();
    for d in diagnostics {
        let file = file_name(sources, d.primary.span);
        match suites.iter_mut().find(|(name, _)| *name == file) {
            Some((_, found)) => found.push(d),
            None => suites.push((file, vec![d])),
        }
    }
    let failing = |ds: &[&Diagnostic]| ds.iter().filter(|d| d.severity != Severity::Info).count();
    let tests: usize = suites.iter().map(|(_, ds)| ds.len().max(1)).sum();
    let failures: usize = suites.iter().map(|(_, ds)| failing(ds)).sum();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"regc\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">"
    );
    for (file, found) in &suites {
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">",
            xml_attr(file),
            found.len().max(1),
            failing(found)
        );
        if found.is_empty() {
            out.push_str("    <testcase classname=\"regc\" name=\"no problems\"/>\n");
        }
        for d in found {
            let _ = writeln!(
                out,
                "    <testcase classname=\"{}\" name=\"{}\">",
                xml_attr(d.code.as_str()),
                xml_attr(&d.message)
            );
            let body = xml_text(&junit_body(sources, d));
            if d.severity == Severity::Info {
                let _ = writeln!(out, "      <system-out>{body}</system-out>");
            } else {
                let _ = writeln!(
                    out,
                    "      <failure message=\"{}\" type=\"{}\">{body}</failure>",
                    xml_attr(&d.message),
                    d.severity.as_str()
                );
            }
            out.push_str("    </testcase>\n");
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

/// `file:line:col: error[CODE]: message`, then the help and notes.
fn junit_body(sources: &SourceMap, d: &Diagnostic) -> String {
    let at = place(sources, d.primary.span);
    let mut body = format!(
        "{}:{}:{}: {}[{}]: {}",
        at.file,
        at.line,
        at.column,
        d.severity.as_str(),
        d.code,
        d.message
    );
    if let Some(help) = &d.help {
        let _ = write!(body, "\nhelp: {help}");
    }
    for note in &d.notes {
        let _ = write!(body, "\nnote: {note}");
    }
    body
}

/// Whether XML 1.0 allows `c` at all.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Text content: the five special characters escaped, characters XML 1.0 forbids dropped.
pub fn xml_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter(|c| xml_char(*c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// An attribute value: as text, and line breaks and tabs as references so that attribute
/// normalisation keeps them.
pub fn xml_attr(text: &str) -> String {
    xml_text(text)
        .replace('\t', "&#9;")
        .replace('\n', "&#10;")
        .replace('\r', "&#13;")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;
    use crate::diagnostic::code::{Applies, RuleInfo};
    use crate::diagnostic::codes;

    /// A rule of the tests' own, so that the formats are tested without the checker.
    const C001: Code = Code::Rule(&RuleInfo {
        code: "C001",
        name: "controller-missing",
        severity: Severity::Error,
        ropa_severity: None,
        applies: Applies::Always,
        articles: "13(1)(a)",
        summary: "the controller must be named",
        explanation: "## Example\n\n## Fix\n",
    });

    fn one(text: &str, needle: &str, message: &str) -> (SourceMap, Vec<Diagnostic>) {
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
    fn github_escapes_data_and_properties() {
        assert_eq!(github_data("50% a,b: c\r\nd"), "50%25 a,b: c%0D%0Ad");
        assert_eq!(github_property("50% a,b: c\nd"), "50%25 a%2Cb%3A c%0Ad");
        let (sources, ds) = one(
            "register r {\n  x y\n}\n",
            "x y",
            "100% sure, really: no\nsecond line",
        );
        let mut sources2 = SourceMap::new();
        let text = sources.get(ds[0].primary.span.source).unwrap().text.clone();
        let id = sources2.add("odd,name:1.reg", text);
        let mut d = ds[0].clone();
        d.primary.span.source = id;
        let out = github(&sources2, &[d]);
        assert_eq!(
            out,
            "::error file=odd%2Cname%3A1.reg,line=2,col=3,endLine=2,endColumn=6,title=C001::100%25 sure, really: no%0Asecond line\n"
        );
    }

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
    fn xml_escapes_specials_and_drops_forbidden_characters() {
        assert_eq!(
            xml_text("a&b<c>d\"e'f\u{0}g\u{1b}h\u{fffe}i\tj"),
            "a&amp;b&lt;c&gt;d&quot;e&apos;fghi\tj"
        );
        assert_eq!(xml_attr("a\nb\tc"), "a&#10;b&#9;c");
    }

    #[test]
    fn file_names_become_uri_references() {
        assert_eq!(file_uri("examples/a.reg"), "examples/a.reg");
        assert_eq!(file_uri("dir\\my file.reg"), "dir/my%20file.reg");
        assert_eq!(file_uri("/tmp/a.reg"), "file:///tmp/a.reg");
        assert_eq!(file_uri("C:\\x\\a.reg"), "file:///C:/x/a.reg");
        assert_eq!(file_uri("std::gdpr"), "std%3A%3Agdpr");
        assert_eq!(
            file_uri("/tmp/päivä ~x#1.reg"),
            "file:///tmp/p%C3%A4iv%C3%A4%20~x%231.reg"
        );
    }

    #[test]
    fn line_text_is_the_trimmed_line_of_an_offset() {
        let text = "one\n  two  \nthree";
        assert_eq!(line_text(text, 0), "one");
        assert_eq!(line_text(text, 6), "two");
        assert_eq!(line_text(text, text.len()), "three");
        assert_eq!(line_text("", 5), "");
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
