//! GitLab Code Quality: a JSON array of issues with unique fingerprints.

use serde::Serialize;

use super::{fingerprints, place, to_json, with_help};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceMap;

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
