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

/// The codes the documentation lists are exactly the codes the err cases produce: every
/// code is documented and has a case that shows it.
#[test]
fn every_syntax_code_is_documented_and_tested() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let docs = std::fs::read_to_string(root.join("docs/language.md")).unwrap();
    let section = docs.split("### Syntax and value codes").nth(1).unwrap();
    let section = section.split("\n#").next().unwrap();
    let documented: std::collections::BTreeSet<String> = section
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .map(str::to_string)
        .collect();
    let mut tested = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(root.join("tests/cases/syntax/err")).unwrap() {
        let checked = check_file(&entry.unwrap().path());
        tested.extend(checked.codes().into_iter().map(str::to_string));
    }
    assert_eq!(
        documented, tested,
        "documented codes (left) and codes the err cases produce (right) differ"
    );
}
