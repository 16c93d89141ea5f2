//! The file-driven tests: every `tests/cases/<stage>/<ok|err>/*.reg` and every example.
//! Adding a case is dropping a file in and reviewing its snapshot (see tests/README.md).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{check_file, expected_codes, snapshot_body};

#[test]
fn syntax_err_cases_report_their_errors() {
    insta::glob!("cases/syntax/err/*.reg", |path| {
        let checked = check_file(path);
        assert!(
            checked.diagnostics.iter().any(|d| d.is_error()),
            "{} gave no error",
            path.display()
        );
        for code in expected_codes(checked.text()) {
            assert!(
                checked.codes().contains(&code.as_str()),
                "{} expects `{code}`, got {:?}",
                path.display(),
                checked.codes()
            );
        }
        insta::assert_snapshot!(snapshot_body(&checked, &checked.rendered()));
    });
}

#[test]
fn syntax_ok_cases_parse_clean() {
    insta::glob!("cases/syntax/ok/*.reg", |path| {
        let checked = check_file(path);
        assert_eq!(
            checked.rendered(),
            "",
            "{} should parse clean",
            path.display()
        );
        insta::assert_snapshot!(snapshot_body(&checked, &format!("{:#?}", checked.module)));
    });
}

#[test]
fn examples_parse_clean() {
    insta::glob!("../examples", "*.reg", |path| {
        let checked = check_file(path);
        assert_eq!(
            checked.rendered(),
            "",
            "{} should parse clean",
            path.display()
        );
        insta::assert_snapshot!(snapshot_body(&checked, &format!("{:#?}", checked.module)));
    });
}

/// The syntax, value and limit codes declared are exactly the codes the err cases produce:
/// every code is declared (so documented and explained) and has a case that shows it.
#[test]
fn every_syntax_code_is_declared_and_tested() {
    use regc::diagnostic::Kind;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let documented: std::collections::BTreeSet<String> = regc::diagnostic::codes::ALL
        .iter()
        .filter(|c| matches!(c.kind(), Kind::Syntax | Kind::Value | Kind::Limit))
        .map(|c| c.as_str().to_string())
        .collect();
    let mut tested = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(root.join("tests/cases/syntax/err")).unwrap() {
        let checked = check_file(&entry.unwrap().path());
        tested.extend(checked.codes().into_iter().map(str::to_string));
    }
    assert_eq!(
        documented, tested,
        "declared codes (left) and codes the err cases produce (right) differ"
    );
}
