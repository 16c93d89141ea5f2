//! The file-driven tests: every `tests/cases/<stage>/<ok|err>/*.reg` and every example.
//! Adding a case is dropping a file in and reviewing its snapshot (see tests/README.md).

use crate::common::{check_file, check_str, expected_codes, snapshot_body};

#[test]
fn syntax_err_cases_report_their_errors() {
    insta::glob!("..", "cases/syntax/err/*.reg", |path| {
        let checked = check_file(path);
        // A mistake gets an error, or a warning where regc can safely ignore it (a value
        // listed twice).
        assert!(
            !checked.diagnostics.is_empty(),
            "{} gave no diagnostic",
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
    insta::glob!("..", "cases/syntax/ok/*.reg", |path| {
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
    insta::glob!("../../examples", "*.reg", |path| {
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

/// Every example in the schema (the source of help lines and "write it like …") lowers
/// without a diagnostic where the schema says it may stand.
#[test]
fn every_schema_example_lowers_cleanly() {
    use regc::syntax::ast::FactKind;
    use regc::syntax::schema::{BlockKind, SCHEMA};
    fn inside(block: BlockKind, body: &str) -> String {
        let wrap = |open: &str, inner: &str| format!("{open} {{\n{inner}\n}}");
        match block {
            BlockKind::Top => body.to_string(),
            BlockKind::Controller => wrap("controller c", body),
            BlockKind::JointController => inside(
                BlockKind::Controller,
                &wrap("joint-controller partner", body),
            ),
            BlockKind::Person => wrap("person p", body),
            BlockKind::Register => wrap("register r", body),
            BlockKind::Purpose => inside(BlockKind::Register, &wrap("purpose p", body)),
            BlockKind::Requirement => {
                inside(BlockKind::Purpose, &wrap("requirement contractual", body))
            }
            BlockKind::Data => wrap("data d", body),
            BlockKind::Subject => wrap("subject s", body),
            BlockKind::Source => wrap("source s", body),
            BlockKind::Recipient => wrap("recipient x", body),
            BlockKind::Transfer => inside(BlockKind::Register, &wrap("transfer t", body)),
            BlockKind::Retention => inside(
                BlockKind::Register,
                &wrap("retention 5 years after last-contact", body),
            ),
            BlockKind::AutomatedDecisions => {
                inside(BlockKind::Register, &wrap("automated-decisions", body))
            }
            BlockKind::Right => inside(BlockKind::Register, &wrap("right access", body)),
            BlockKind::Section => inside(BlockKind::Register, &wrap("section cookies", body)),
            BlockKind::Fact(kind) => {
                let keyword = match kind {
                    FactKind::Basis => "basis",
                    FactKind::Condition => "condition",
                    FactKind::Right => "right",
                    FactKind::Authority => "authority",
                    FactKind::Mechanism => "mechanism",
                    FactKind::Adequacy => "adequacy",
                    FactKind::Law => "law",
                    FactKind::Event => "event",
                    FactKind::Group => "group",
                    FactKind::Body => "body",
                };
                wrap(&format!("{keyword} x"), body)
            }
        }
    }
    for entry in SCHEMA {
        let statement = if entry.example.ends_with('{') {
            format!("{}\n}}", entry.example)
        } else {
            entry.example.to_string()
        };
        let text = format!("{}\n", inside(entry.block, &statement));
        let checked = check_str("schema.reg", &text);
        assert_eq!(
            checked.rendered(),
            "",
            "the example of `{}` in {:?} does not lower cleanly:\n{text}",
            entry.keyword,
            entry.block
        );
    }
}
