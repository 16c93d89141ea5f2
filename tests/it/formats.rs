//! The machine formats of `regc check --format` on the five examples checked together: SARIF
//! validates against the official SARIF 2.1.0 schema (`schemas/sarif-2.1.0.json`), GitLab
//! fingerprints are unique, JUnit parses back as XML with the right counts, JSON has the
//! right places, and a snapshot of each format.

use crate::common;

/// The code called `name`, as the checker declares it.
fn code(name: &str) -> regc::diagnostic::Code {
    regc::check::find_code(name).unwrap_or_else(|| panic!("no code `{name}`"))
}

use std::path::Path;

use regc::diagnostic::formats::{self, Format};
use regc::diagnostic::{Diagnostic, Severity};
use regc::source::{SourceMap, Span};

const EXAMPLES: [&str; 5] = [
    "examples/pro-stories.reg",
    "examples/ptstudio.reg",
    "examples/softpix.reg",
    "examples/studio-m.reg",
    "examples/verkkopalvelu.reg",
];

fn read(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(name)).unwrap()
}

/// The pipeline on every example at once, on the date of the project's reference run.
fn examples() -> common::Full {
    let texts: Vec<(String, String)> = EXAMPLES.iter().map(|n| (n.to_string(), read(n))).collect();
    let files: Vec<(&str, &str)> = texts
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    common::run_full(&files, &EXAMPLES, "2026-11-23", None)
}

fn names() -> Vec<String> {
    EXAMPLES.iter().map(|n| n.to_string()).collect()
}

fn render(full: &common::Full, format: Format) -> String {
    formats::render(format, &full.sources, &full.diagnostics, &names())
}

/// Diagnostics of every severity, a syntax code, a secondary label, an odd file name, a
/// repeated finding and text that needs escaping everywhere.
fn awkward() -> (SourceMap, Vec<Diagnostic>, Vec<String>) {
    let mut sources = SourceMap::new();
    let text = "register r {\n  purpose p {}\n  purpose p {}\n  updated 2018-02-30\n}\n";
    let name = "dir/my file, \"odd\" & <weird>.reg";
    let id = sources.add(name, text);
    sources.add("clean.reg", "register c {}\n");
    let at = |needle: &str, nth: usize| {
        let start = text.match_indices(needle).nth(nth).unwrap().0;
        Span::new(id, start, start + needle.len())
    };
    let mut warning = Diagnostic::error(
        code("P002"),
        at("p", 1),
        "purpose `p` has <no> basis & \"so\"",
    );
    warning.severity = Severity::Warning;
    let mut info = Diagnostic::error(
        code("C001"),
        at("register", 0),
        "info:\u{1} 100%, really\nok",
    );
    info.severity = Severity::Info;
    let diagnostics = vec![
        info,
        warning.clone(),
        Diagnostic::error(code("X002"), at("p", 3), "`p` is defined twice")
            .with_label("second")
            .with_secondary(at("p", 1), "first")
            .with_help("rename one"),
        Diagnostic::error(code("X002"), at("p", 3), "`p` is defined twice"),
        Diagnostic::error(
            code("invalid-date"),
            at("2018-02-30", 0),
            "`2018-02-30` is not a date",
        ),
    ];
    (
        sources,
        diagnostics,
        vec![name.to_string(), "clean.reg".to_string()],
    )
}

fn sarif_validator() -> jsonschema::Validator {
    let mut schema: serde_json::Value =
        serde_json::from_str(&read("tests/schemas/sarif-2.1.0.json")).unwrap();
    assert_eq!(
        schema["$id"],
        "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"
    );
    // The official schema's `language` patterns (of `run` and `toolComponent`) have a stray
    // `]` (a known erratum), which the validator's check of the schema itself rejects as a
    // regex once formats are checked. They are mended here, in memory only: the vendored
    // file stays as published.
    for definition in ["run", "toolComponent"] {
        let pattern = &mut schema["definitions"][definition]["properties"]["language"]["pattern"];
        assert_eq!(*pattern, "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$");
        *pattern = serde_json::json!("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$");
    }
    // Formats are checked too: `uri` (helpUri), `uri-reference` (artifact URIs), ….
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

fn assert_valid_sarif(text: &str) -> serde_json::Value {
    let value: serde_json::Value = serde_json::from_str(text).unwrap();
    let errors: Vec<String> = sarif_validator()
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\n{text}");
    value
}

#[test]
fn the_examples_have_findings_to_report() {
    let full = examples();
    assert!(full.diagnostics.len() >= 3, "{:?}", full.codes());
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let full = examples();
    let value = assert_valid_sarif(&render(&full, Format::Sarif));
    let results = value["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), full.diagnostics.len());
    let rules = value["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert_eq!(
            result["partialFingerprints"][formats::SARIF_FINGERPRINT_KEY]
                .as_str()
                .unwrap()
                .len(),
            16
        );
    }
    // Every rule links its page, under the repository the package metadata names, at
    // this version's tag; the tool links its home.
    let driver = &value["runs"][0]["tool"]["driver"];
    assert_eq!(driver["informationUri"], env!("CARGO_PKG_HOMEPAGE"));
    for rule in rules {
        let id = rule["id"].as_str().unwrap();
        let uri = rule["helpUri"].as_str().unwrap();
        let docs = rule["properties"]["docs"].as_str().unwrap();
        assert_eq!(
            uri,
            format!(
                "{}/blob/v{}/{docs}",
                env!("CARGO_PKG_REPOSITORY"),
                env!("CARGO_PKG_VERSION")
            ),
            "{id}"
        );
        assert!(
            Path::new(env!("CARGO_MANIFEST_DIR")).join(docs).is_file(),
            "{id}: {docs} is not in the repository"
        );
    }
}

#[test]
fn sarif_of_awkward_diagnostics_validates_too() {
    let (sources, diagnostics, _) = awkward();
    let value = assert_valid_sarif(&formats::sarif(&sources, &diagnostics));
    let results = value["runs"][0]["results"].as_array().unwrap();
    let levels: Vec<&str> = results
        .iter()
        .map(|r| r["level"].as_str().unwrap())
        .collect();
    assert_eq!(levels, ["note", "warning", "error", "error", "error"]);
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "dir/my%20file%2C%20%22odd%22%20%26%20%3Cweird%3E.reg"
    );
    assert_eq!(
        results[2]["relatedLocations"][0]["message"]["text"],
        "first"
    );
    let rules = value["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let syntax = rules.iter().find(|r| r["id"] == "invalid-date").unwrap();
    assert_eq!(syntax["defaultConfiguration"]["level"], "error");
}

#[test]
fn the_schema_catches_a_broken_sarif_log() {
    let full = examples();
    let mut value: serde_json::Value = serde_json::from_str(&render(&full, Format::Sarif)).unwrap();
    value["runs"][0]["results"][0]["level"] = serde_json::json!("fatal");
    value["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        serde_json::json!(0);
    assert!(sarif_validator().iter_errors(&value).count() >= 2);
}

/// Why `helpUri` is built from the repository's address: SARIF wants an absolute URI
/// there, and the validator does reject a relative one.
#[test]
fn a_relative_help_uri_would_not_validate() {
    let full = examples();
    let mut value: serde_json::Value = serde_json::from_str(&render(&full, Format::Sarif)).unwrap();
    value["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"] =
        serde_json::json!("docs/rules/C001.md");
    let errors: Vec<String> = sarif_validator()
        .iter_errors(&value)
        .map(|e| e.instance_path().to_string())
        .collect();
    assert!(errors.iter().any(|p| p.ends_with("/helpUri")), "{errors:?}");
}

fn assert_gitlab(text: &str, expected: usize) {
    let value: serde_json::Value = serde_json::from_str(text).unwrap();
    let issues = value.as_array().unwrap();
    assert_eq!(issues.len(), expected);
    let mut prints = std::collections::HashSet::new();
    for issue in issues {
        for key in ["description", "check_name", "fingerprint", "severity"] {
            assert!(issue[key].is_string(), "{key} in {issue}");
        }
        assert!(
            ["info", "minor", "major", "critical", "blocker"]
                .contains(&issue["severity"].as_str().unwrap())
        );
        assert!(issue["location"]["path"].is_string(), "{issue}");
        assert!(issue["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
        assert!(
            prints.insert(issue["fingerprint"].as_str().unwrap().to_string()),
            "repeated fingerprint in {text}"
        );
    }
}

#[test]
fn gitlab_issues_have_the_required_keys_and_unique_fingerprints() {
    let full = examples();
    assert_gitlab(&render(&full, Format::Gitlab), full.diagnostics.len());
    let (sources, diagnostics, _) = awkward();
    assert_gitlab(&formats::gitlab(&sources, &diagnostics), diagnostics.len());
}

/// The report's counts, with findings of `fails` severity or worse as failures.
fn assert_junit(text: &str, diagnostics: &[Diagnostic], files: &[String], fails: Severity) {
    let doc = roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let cases: Vec<_> = root
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    let failures = root
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .count();
    let failing = diagnostics.iter().filter(|d| d.severity >= fails).count();
    let clean = cases
        .iter()
        .filter(|c| c.attribute("name") == Some("no problems"))
        .count();
    assert_eq!(cases.len(), diagnostics.len() + clean);
    assert_eq!(failures, failing);
    assert_eq!(
        root.attribute("tests"),
        Some(cases.len().to_string().as_str())
    );
    assert_eq!(
        root.attribute("failures"),
        Some(failing.to_string().as_str())
    );
    let suites: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    for file in files {
        assert!(
            suites
                .iter()
                .any(|s| s.attribute("name") == Some(file.as_str())),
            "no suite for {file}"
        );
    }
    for suite in &suites {
        let here = suite
            .children()
            .filter(|n| n.has_tag_name("testcase"))
            .count();
        assert_eq!(suite.attribute("tests"), Some(here.to_string().as_str()));
    }
}

#[test]
fn junit_parses_back_with_the_right_counts() {
    let full = examples();
    let text = render(&full, Format::Junit);
    assert_junit(&text, &full.diagnostics, &names(), Severity::Error);
    let strict = formats::render_failing_at(
        Format::Junit,
        &full.sources,
        &full.diagnostics,
        &names(),
        Severity::Warning,
    );
    assert_junit(&strict, &full.diagnostics, &names(), Severity::Warning);
    assert!(
        full.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Warning),
        "the examples have warnings, so the two reports differ"
    );
    let doc = roxmltree::Document::parse(&text).unwrap();
    let clean = doc
        .descendants()
        .filter(|n| n.attribute("name") == Some("no problems"))
        .count();
    let with_findings: std::collections::HashSet<_> = full
        .diagnostics
        .iter()
        .map(|d| d.primary.span.source)
        .collect();
    assert_eq!(clean, EXAMPLES.len() - with_findings.len());
}

#[test]
fn junit_of_awkward_diagnostics_parses_back_unchanged() {
    let (sources, diagnostics, files) = awkward();
    let text = formats::junit_failing_at(&sources, &diagnostics, &files, Severity::Warning);
    assert_junit(&text, &diagnostics, &files, Severity::Warning);
    let doc = roxmltree::Document::parse(&text).unwrap();
    let failure = doc
        .descendants()
        .find(|n| n.has_tag_name("failure"))
        .unwrap();
    assert_eq!(
        failure.attribute("message"),
        Some("purpose `p` has <no> basis & \"so\"")
    );
    assert_eq!(failure.attribute("type"), Some("warning"));
    let info = doc
        .descendants()
        .find(|n| n.attribute("classname") == Some("C001"))
        .unwrap();
    // A case is named by code, rule and the text it points at, never by its message.
    assert_eq!(
        info.attribute("name"),
        Some("C001 controller-missing: register")
    );
    let names: Vec<&str> = doc
        .descendants()
        .filter(|n| n.attribute("classname") == Some("X002"))
        .filter_map(|n| n.attribute("name"))
        .collect();
    assert_eq!(
        names,
        [
            "X002 duplicate-definition: p",
            "X002 duplicate-definition: p (2)"
        ]
    );
    // Without `--deny-warnings`, the warning passes: only errors fail, as the exit code.
    let lenient = formats::junit(&sources, &diagnostics, &files);
    assert_junit(&lenient, &diagnostics, &files, Severity::Error);
}

/// A finding whose message carries a day count (O005) keeps its fingerprint and its
/// JUnit name from one day to the next.
#[test]
fn a_finding_keeps_its_identity_when_only_its_numbers_change() {
    let mut sources = SourceMap::new();
    let text = "register r {\n  updated 2024-01-01\n}\n";
    let id = sources.add("r.reg", text);
    let start = text.find("2024").unwrap();
    let on = |days: u32| {
        let mut d = Diagnostic::error(
            code("O005"),
            Span::new(id, start, start + 10),
            format!(
                "register `r` was last updated on 2024-01-01, {days} days before the check date"
            ),
        );
        d.severity = Severity::Warning;
        vec![d]
    };
    let files = vec!["r.reg".to_string()];
    assert_eq!(
        formats::fingerprints(&sources, &on(700)),
        formats::fingerprints(&sources, &on(701))
    );
    let name = |days| {
        let text = formats::junit(&sources, &on(days), &files);
        let doc = roxmltree::Document::parse(&text).unwrap();
        doc.descendants()
            .find(|n| n.has_tag_name("testcase"))
            .and_then(|n| n.attribute("name"))
            .unwrap()
            .to_string()
    };
    assert_eq!(name(700), name(701));
    assert_eq!(name(700), "O005 review-overdue: 2024-01-01");
}

#[test]
fn json_gives_the_place_and_facts_of_a_known_finding() {
    let full = examples();
    let value: serde_json::Value = serde_json::from_str(&render(&full, Format::Json)).unwrap();
    assert_eq!(value["version"], 1);
    let diagnostics = value["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), full.diagnostics.len());
    let c001 = diagnostics.iter().find(|d| d["code"] == "C001").unwrap();
    // Where `register verkkopalvelu` names the register, counted independently.
    let text = read("examples/verkkopalvelu.reg");
    let (index, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.trim_start().starts_with("register verkkopalvelu"))
        .unwrap();
    let column = line.find("verkkopalvelu").unwrap() + 1;
    assert_eq!(c001["file"], "examples/verkkopalvelu.reg");
    assert_eq!(c001["line"].as_u64(), Some(index as u64 + 1));
    assert_eq!(c001["column"].as_u64(), Some(column as u64));
    assert_eq!(c001["end_line"].as_u64(), Some(index as u64 + 1));
    assert_eq!(
        c001["end_column"].as_u64(),
        Some((column + "verkkopalvelu".len()) as u64)
    );
    assert_eq!(c001["name"], "controller-missing");
    assert_eq!(c001["severity"], "error");
    assert_eq!(c001["article"], "13(1)(a), 14(1)(a)");
    assert!(c001["help"].is_string());
    let summary = &value["summary"];
    let errors = full.diagnostics.iter().filter(|d| d.is_error()).count();
    assert_eq!(summary["errors"].as_u64(), Some(errors as u64));
    assert_eq!(summary["files"].as_u64(), Some(5));
}

#[test]
fn fingerprints_survive_edits_that_move_the_findings() {
    let before = examples();
    let texts: Vec<(String, String)> = EXAMPLES
        .iter()
        .map(|n| (n.to_string(), format!("// a comment\n\n{}", read(n))))
        .collect();
    let files: Vec<(&str, &str)> = texts
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let after = common::run_full(&files, &EXAMPLES, "2026-11-23", None);
    assert_eq!(
        formats::fingerprints(&before.sources, &before.diagnostics),
        formats::fingerprints(&after.sources, &after.diagnostics)
    );
    let lines = |full: &common::Full| {
        let value: serde_json::Value = serde_json::from_str(&render(full, Format::Json)).unwrap();
        value["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["line"].as_u64().unwrap())
            .collect::<Vec<_>>()
    };
    let moved: Vec<u64> = lines(&before).iter().map(|l| l + 2).collect();
    assert_eq!(lines(&after), moved);
}

#[test]
fn github_writes_one_line_per_diagnostic() {
    let full = examples();
    let text = render(&full, Format::Github);
    assert_eq!(text.lines().count(), full.diagnostics.len());
    assert!(text.lines().all(|l| {
        ["::error", "::warning", "::notice"]
            .iter()
            .any(|k| l.starts_with(&format!("{k} file=examples/")))
    }));
}

#[test]
fn snapshots_of_every_format() {
    let full = examples();
    let version = format!("\"version\": \"{}\"", env!("CARGO_PKG_VERSION"));
    for (name, format) in [
        ("json", Format::Json),
        ("sarif", Format::Sarif),
        ("github", Format::Github),
        ("gitlab", Format::Gitlab),
        ("junit", Format::Junit),
    ] {
        let text = render(&full, format).replace(&version, "\"version\": \"[regc version]\"");
        insta::assert_snapshot!(format!("examples_{name}"), text);
    }
}
