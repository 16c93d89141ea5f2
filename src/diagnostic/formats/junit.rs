//! JUnit XML: one `<testsuite>` per file, one `<testcase>` per diagnostic.

use std::fmt::Write as _;

use super::{file_name, place};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceMap;

/// JUnit XML: one `<testsuite>` per file, one `<testcase>` per diagnostic (a `<failure>`
/// for errors), and one passing `no problems` case for each clean file of `files`.
pub fn junit(sources: &SourceMap, diagnostics: &[Diagnostic], files: &[String]) -> String {
    junit_failing_at(sources, diagnostics, files, Severity::Error)
}

/// [`junit`], where a finding of `fails` severity or worse is a `<failure>` and the rest
/// pass with their text in `<system-out>`: the report fails exactly when the exit code
/// does. A case is named by its code, its rule and the text it points at, never by the
/// message, whose numbers (a count of days) would make a new test every day.
pub fn junit_failing_at(
    sources: &SourceMap,
    diagnostics: &[Diagnostic],
    files: &[String],
    fails: Severity,
) -> String {
    let mut suites: Vec<(String, Vec<&Diagnostic>)> =
        files.iter().map(|f| (f.clone(), Vec::new())).collect();
    for d in diagnostics {
        let file = file_name(sources, d.primary.span);
        match suites.iter_mut().find(|(name, _)| *name == file) {
            Some((_, found)) => found.push(d),
            None => suites.push((file, vec![d])),
        }
    }
    let failed = |d: &Diagnostic| d.severity >= fails;
    let failing = |ds: &[&Diagnostic]| ds.iter().filter(|d| failed(d)).count();
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
        for (d, name) in found.iter().zip(case_names(sources, found)) {
            let _ = writeln!(
                out,
                "    <testcase classname=\"{}\" name=\"{}\">",
                xml_attr(d.code.as_str()),
                xml_attr(&name)
            );
            let body = xml_text(&junit_body(sources, d));
            if failed(d) {
                let _ = writeln!(
                    out,
                    "      <failure message=\"{}\" type=\"{}\">{body}</failure>",
                    xml_attr(&d.message),
                    d.severity.as_str()
                );
            } else {
                let _ = writeln!(out, "      <system-out>{body}</system-out>");
            }
            out.push_str("    </testcase>\n");
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

/// Each case's name, unique within its file: `P002 basis-missing: b2b-marketing`, the
/// text the finding points at (its first line, at most 60 characters), then ` (2)`, … for
/// repeats.
fn case_names(sources: &SourceMap, found: &[&Diagnostic]) -> Vec<String> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    found
        .iter()
        .map(|d| {
            let span = d.primary.span;
            let text = sources
                .get(span.source)
                .and_then(|s| s.text.get(span.start as usize..span.end as usize))
                .unwrap_or("");
            let pointed: String = first_words(text).chars().take(60).collect();
            let pointed = pointed.trim_end();
            let base = format!("{} {}: {pointed}", d.code.as_str(), d.code.title());
            let count = seen.entry(base.clone()).or_insert(0);
            *count += 1;
            match *count {
                1 => base,
                n => format!("{base} ({n})"),
            }
        })
        .collect()
}

/// The first line of a pointed-at text with words on it, without its quotes: a `"""`
/// text's opening line has none.
fn first_words(text: &str) -> &str {
    text.lines()
        .map(|line| line.trim().trim_matches('"').trim())
        .find(|line| !line.is_empty())
        .unwrap_or("")
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
    use super::*;

    #[test]
    fn xml_escapes_specials_and_drops_forbidden_characters() {
        assert_eq!(
            xml_text("a&b<c>d\"e'f\u{0}g\u{1b}h\u{fffe}i\tj"),
            "a&amp;b&lt;c&gt;d&quot;e&apos;fghi\tj"
        );
        assert_eq!(xml_attr("a\nb\tc"), "a&#10;b&#9;c");
    }
}
