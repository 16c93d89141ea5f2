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
