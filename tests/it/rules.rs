//! The completeness rules: each has a failing and a passing case, its explanation's
//! example fails and its fix passes, its docs page is current, and no code is declared twice.
//!
//! `REGC_UPDATE_DOCS=1 cargo test --test it rules::` rewrites `docs/rules/` from the declarations.

use crate::common;

use std::collections::BTreeSet;
use std::path::Path;

use crate::common::run_full;

const TODAY: &str = "2026-11-23";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn infos() -> Vec<&'static regc::check::RuleInfo> {
    regc::check::rules::all().iter().map(|r| r.info()).collect()
}

fn case_files(kind: &str) -> Vec<std::path::PathBuf> {
    let dir = root().join("tests/cases/check").join(kind);
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// The rule code a case file is named after: `P002-basis-missing.reg` → `P002`.
fn code_of(path: &Path) -> String {
    path.file_name()
        .unwrap()
        .to_string_lossy()
        .split('-')
        .next()
        .unwrap()
        .to_string()
}

/// A file through the whole pipeline, with the findings of the rule `code` alone.
fn run_file_for_rule(path: &Path, code: &str) -> common::Full {
    let rule = regc::check::rule(code).unwrap_or_else(|| panic!("no rule {code}"));
    let name = common::display_name(path);
    let text = std::fs::read_to_string(path).unwrap();
    common::run_full_with(
        &[(&name, &text)],
        &[&name],
        TODAY,
        None,
        Some(rule.info().code),
    )
}

fn run_file(path: &Path) -> common::Full {
    let name = common::display_name(path);
    let text = std::fs::read_to_string(path).unwrap();
    run_full(&[(&name, &text)], &[&name], TODAY, None)
}

#[test]
fn codes_are_unique_well_formed_and_documented() {
    let infos = infos();
    let mut seen = BTreeSet::new();
    for info in &infos {
        assert!(seen.insert(info.code), "{} is declared twice", info.code);
        assert!(
            regc::syntax::values::parse_rule_code(info.code).is_ok(),
            "{}",
            info.code
        );
        assert!(
            info.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-'),
            "{}",
            info.name
        );
        for section in ["## What it checks", "## Why", "## Example", "## Fix"] {
            assert!(
                info.explanation.contains(section),
                "{} lacks `{section}`",
                info.code
            );
        }
    }
}

#[test]
fn every_rule_has_a_failing_and_a_passing_case() {
    let err: BTreeSet<String> = case_files("err").iter().map(|p| code_of(p)).collect();
    let ok: BTreeSet<String> = case_files("ok").iter().map(|p| code_of(p)).collect();
    let missing: Vec<String> = infos()
        .iter()
        .filter(|i| !err.contains(i.code) || !ok.contains(i.code))
        .map(|i| i.code.to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "rules without an err and an ok case: {missing:?}"
    );
}

/// Each failing case is snapshotted with its own rule alone (ruff's `for_rule`), so a new
/// rule changes only its own snapshots; `the_examples_report_the_seeds_gaps` keeps one
/// all-rules snapshot per example.
#[test]
fn failing_cases_report_their_rule() {
    insta::glob!("..", "cases/check/err/*.reg", |path| {
        let code = code_of(path);
        let full = run_file_for_rule(path, &code);
        assert!(
            full.codes().contains(&code.as_str()),
            "{} should report {code}:\n{}",
            path.display(),
            full.rendered()
        );
        let text = std::fs::read_to_string(path).unwrap();
        insta::assert_snapshot!(format!(
            "--- input ---\n{text}\n--- output ---\n{}",
            full.rendered()
        ));
    });
}

#[test]
fn passing_cases_do_not_report_their_rule() {
    insta::glob!("..", "cases/check/ok/*.reg", |path| {
        let full = run_file(path);
        let code = code_of(path);
        assert!(
            !full.codes().contains(&code.as_str()),
            "{} should not report {code}:\n{}",
            path.display(),
            full.rendered()
        );
        let syntax: Vec<_> = full
            .diagnostics
            .iter()
            .filter(|d| d.code.kind() != regc::diagnostic::Kind::Rule)
            .collect();
        assert!(syntax.is_empty(), "{}: {}", path.display(), full.rendered());
    });
}

/// The first `reg` block after `heading` in an explanation.
fn example_after<'a>(explanation: &'a str, heading: &str) -> Option<&'a str> {
    let rest = explanation.split(heading).nth(1)?;
    let block = rest.split("```reg\n").nth(1)?;
    block.split("```").next()
}

#[test]
fn explanation_examples_fail_and_their_fixes_pass() {
    for info in infos() {
        let (Some(example), Some(fix)) = (
            example_after(info.explanation, "## Example"),
            example_after(info.explanation, "## Fix"),
        ) else {
            panic!(
                "{}: the explanation needs a reg example under Example and Fix",
                info.code
            );
        };
        let failing = run_full(&[("example.reg", example)], &["example.reg"], TODAY, None);
        assert!(
            failing.codes().contains(&info.code),
            "{}: its example does not report it:\n{}",
            info.code,
            failing.rendered()
        );
        let fixed = run_full(&[("example.reg", fix)], &["example.reg"], TODAY, None);
        assert!(
            !fixed.codes().contains(&info.code),
            "{}: its fix still reports it:\n{}",
            info.code,
            fixed.rendered()
        );
    }
}

#[test]
fn rule_docs_are_current() {
    let dir = root().join("docs/rules");
    let infos = infos();
    let mut expected: Vec<(String, String)> = infos
        .iter()
        .map(|i| (format!("{}.md", i.code), regc::check::docs::page(i)))
        .collect();
    expected.push(("README.md".into(), regc::check::docs::index(&infos)));
    if std::env::var_os("REGC_UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in &expected {
            std::fs::write(dir.join(name), text).unwrap();
        }
    }
    for (name, text) in &expected {
        let committed = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        assert!(
            &committed == text,
            "docs/rules/{name} is stale: run `REGC_UPDATE_DOCS=1 cargo test --test it rules::`"
        );
    }
    let pages = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(
        pages,
        expected.len(),
        "docs/rules/ holds pages of rules that no longer exist"
    );
}

/// The findings of every example, as `regc check` prints them: the seeds' real gaps.
#[test]
fn the_examples_report_the_seeds_gaps() {
    insta::glob!("../../examples", "**/*.reg", |path| {
        let full = run_file(path);
        insta::assert_snapshot!(full.rendered());
    });
}
