//! SARIF 2.1.0: one run, the rules used, then one result per diagnostic.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

use super::{article, fingerprints, place, to_json, with_help};
use crate::diagnostic::{Code, Diagnostic, Kind, Label, Severity};
use crate::source::SourceMap;

/// The key of regc's fingerprint in SARIF `partialFingerprints`.
/// v2: the message's numbers no longer count (a day count made O005 new every day).
pub const SARIF_FINGERPRINT_KEY: &str = "regc/v2";

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
#[serde(rename_all = "camelCase")]
struct SarifDriver {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<SarifRule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifRule {
    id: &'static str,
    name: &'static str,
    short_description: SarifText,
    full_description: SarifText,
    help_uri: String,
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
    /// The rule's page in the repository, relative to its root (`helpUri` is its address).
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
                    information_uri: env!("CARGO_PKG_HOMEPAGE"),
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
        Kind::Rule => "gdpr",
        kind => kind.as_str(),
    };
    SarifRule {
        id: code.as_str(),
        name: code.title(),
        short_description: SarifText {
            text: code.summary().to_string(),
        },
        full_description: SarifText { text: full },
        help_uri: code.doc_url(),
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
            text: label.message.to_string(),
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
