//! The formatter: fixed points, snapshots of messy inputs, refusal of broken files, and
//! property tests — generated trees print and parse back to the same tree, whitespace and
//! comments added to the examples change nothing but the comments, and formatting twice
//! changes nothing.
//!
//! `PROPTEST_CASES=10000 cargo test --release --test it fmt::` is the long run.

use crate::common;

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use regc::formatter::{FmtError, format, print};
use regc::source::SourceId;
use regc::syntax::cst::{Cst, Node, Value};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn reg_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "reg"))
        .collect();
    files.sort();
    files
}

fn examples() -> Vec<String> {
    reg_files("examples")
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

#[test]
fn examples_ok_cases_and_the_stdlib_are_fixed_points() {
    let mut files = reg_files("examples");
    files.extend(reg_files("tests/cases/syntax/ok"));
    files.extend(reg_files("stdlib"));
    files.extend(reg_files("tests/cases/check/ok"));
    files.extend(reg_files("tests/cases/check/err"));
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        match format(&text) {
            Ok(formatted) => assert!(
                formatted == text,
                "{} is not formatted: run `regc fmt` on it",
                path.display()
            ),
            Err(e) => panic!("{}: {e:?}", path.display()),
        }
    }
}

#[test]
fn messy_inputs_format_as_their_snapshots() {
    insta::glob!("..", "cases/fmt/*.reg", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let formatted = format(&text).unwrap();
        assert_eq!(format(&formatted).unwrap(), formatted, "not idempotent");
        insta::assert_snapshot!(format!(
            "--- input ---\n{text}\n--- formatted ---\n{formatted}"
        ));
    });
}

#[test]
fn files_with_errors_are_not_formatted() {
    for path in reg_files("tests/cases/syntax/err") {
        let bytes = std::fs::read(&path).unwrap();
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        let checked = common::check_str("case.reg", &text);
        if !checked.diagnostics.iter().any(|d| d.is_error()) {
            // Only warnings (a value listed twice): the file is formatted, keeping every word.
            let formatted = format(&text).unwrap();
            assert_eq!(words(&formatted), words(&text), "{}", path.display());
            continue;
        }
        assert!(
            matches!(format(&text), Err(FmtError::Invalid(_))),
            "{} was formatted",
            path.display()
        );
    }
}

fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect()
}

/// The tree without layout: what printing must keep. Blank lines and where a list broke
/// are layout; statements, values, blocks and comments are not.
#[derive(Debug, PartialEq)]
enum Shape {
    Comment(String),
    Statement {
        keyword: String,
        values: Vec<String>,
        block: Option<(Option<String>, Vec<Shape>)>,
        comment: Option<String>,
    },
}

fn shape(nodes: &[Node]) -> Vec<Shape> {
    nodes
        .iter()
        .filter_map(|n| match n {
            Node::Blank(_) => None,
            Node::Comment(c) => Some(Shape::Comment(c.text.trim_end().to_string())),
            Node::Statement(s) => Some(Shape::Statement {
                keyword: s.keyword.text.to_string(),
                values: s
                    .values
                    .iter()
                    .map(|v| match v {
                        Value::Word(w) => format!("w:{}", w.text),
                        Value::Text(t) => format!("t:{}:{}", t.multiline, t.value),
                        Value::Comma(c) => {
                            format!(",{}", c.comment.as_ref().map_or("", |c| c.text.trim_end()))
                        }
                    })
                    .collect(),
                block: s.block.as_ref().map(|b| {
                    (
                        b.open_comment
                            .as_ref()
                            .map(|c| c.text.trim_end().to_string()),
                        shape(&b.nodes),
                    )
                }),
                comment: s.comment.as_ref().map(|c| c.text.trim_end().to_string()),
            }),
        })
        .collect()
}

fn parse(text: &str) -> Cst {
    let parsed = regc::syntax::parse(SourceId(0), text);
    assert!(
        parsed.diagnostics.is_empty(),
        "{text}\n{:?}",
        parsed.diagnostics
    );
    parsed.value
}

// --- generated trees ---

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z][a-z0-9-]{0,10}[a-z0-9]",
        Just("2018-04-06".to_string()),
        Just("FI".to_string()),
        Just("std::gdpr".to_string()),
        "[0-9]{1,3}",
    ]
}

fn text_value() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 äöåÄÖ”’\\\\\"{}<>/:,.-]{0,30}"
        .prop_map(|s| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\"")))
}

fn text_block(depth: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec("[a-zA-Z0-9 äö,.-]{0,25}|- [a-z ]{1,15}", 1..5).prop_map(
        move |lines| {
            let pad = "  ".repeat(depth + 1);
            let body: Vec<String> = lines
                .iter()
                .map(|l| {
                    if l.trim().is_empty() {
                        String::new()
                    } else {
                        format!("{pad}{}", l.trim_end())
                    }
                })
                .collect();
            format!("\"\"\"\n{}\n{pad}\"\"\"", body.join("\n"))
        },
    )
}

fn comment() -> impl Strategy<Value = String> {
    "// [a-zA-Z0-9 {}\"”,.]{0,20}".prop_map(|s| s.trim_end().to_string())
}

fn values(depth: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::collection::vec(prop_oneof![word(), text_value()], 0..4)
            .prop_map(|v| v.join(" ")),
        proptest::collection::vec(word(), 2..30).prop_map(|v| v.join(", ")),
        (word(), text_block(depth)).prop_map(|(w, t)| format!("{w} {t}")),
        (word(), word(), comment(), word()).prop_map(|(a, b, c, d)| format!("{a}, {b}, {c}\n{d}")),
    ]
}

fn statement(depth: usize) -> BoxedStrategy<String> {
    let leaf = (word(), values(depth), proptest::option::of(comment()))
        .prop_map(|(k, v, c)| format!("{k} {v}{}", c.map_or(String::new(), |c| format!(" {c}"))));
    if depth >= 3 {
        return leaf.boxed();
    }
    let block = (
        word(),
        values(depth),
        proptest::option::of(comment()),
        proptest::collection::vec(line(depth + 1), 0..5),
        proptest::option::of(comment()),
    )
        .prop_map(move |(k, v, open, body, close)| {
            let pad = "  ".repeat(depth);
            format!(
                "{k} {v} {{{}\n{}{pad}}}{}",
                open.map_or(String::new(), |c| format!(" {c}")),
                body.join(""),
                close.map_or(String::new(), |c| format!(" {c}"))
            )
        });
    prop_oneof![3 => leaf, 1 => block].boxed()
}

fn line(depth: usize) -> BoxedStrategy<String> {
    let pad = "  ".repeat(depth);
    prop_oneof![
        4 => statement(depth).prop_map({ let pad = pad.clone(); move |s| format!("{pad}{s}\n") }),
        1 => comment().prop_map({ let pad = pad.clone(); move |c| format!("{pad}{c}\n") }),
        1 => Just("\n".to_string()),
    ]
    .boxed()
}

fn document() -> impl Strategy<Value = String> {
    proptest::collection::vec(line(0), 0..12).prop_map(|lines| lines.concat())
}

// --- mutations of the examples ---

/// Extra spaces and tabs between values, trailing spaces, repeated blank lines, CRLF: all
/// layout, none of it meaning.
fn relayout(text: &str, seed: &[u8], crlf: bool) -> String {
    let mut out = String::new();
    let mut in_block_text = false;
    for (i, line) in text.lines().enumerate() {
        let pick = seed.get(i % seed.len().max(1)).copied().unwrap_or(0);
        let quotes = line.matches("\"\"\"").count();
        let mut l = line.to_string();
        if !in_block_text && !line.trim_start().starts_with("//") && !line.contains('"') {
            l = match pick % 4 {
                0 => l.replace(' ', "  "),
                1 => format!("\t{}", l.trim_start()),
                2 => format!("{l}   "),
                _ => l,
            };
        }
        if quotes % 2 == 1 {
            in_block_text = !in_block_text;
        }
        out.push_str(&l);
        out.push_str(if crlf { "\r\n" } else { "\n" });
        // Only an existing blank line may grow: a new one would be a new paragraph break.
        if pick % 7 == 0 && !in_block_text && line.trim().is_empty() {
            out.push_str(if crlf { "\r\n\r\n" } else { "\n\n" });
        }
    }
    out
}

/// Inserts `// probe N` before the statements chosen by `seed`.
fn with_probes(text: &str, seed: &[u8]) -> (String, usize) {
    let cst = parse(text);
    let mut starts = Vec::new();
    statement_starts(&cst.nodes, &mut starts);
    let chosen: Vec<usize> = starts
        .iter()
        .enumerate()
        .filter(|(i, _)| seed.get(i % seed.len().max(1)).is_some_and(|b| b % 3 == 0))
        .map(|(_, s)| *s)
        .collect();
    let mut out = text.to_string();
    for (n, at) in chosen.iter().enumerate().rev() {
        let line_start = out[..*at].rfind('\n').map_or(0, |i| i + 1);
        out.insert_str(line_start, &format!("// probe {n}\n"));
    }
    (out, chosen.len())
}

fn statement_starts(nodes: &[Node], out: &mut Vec<usize>) {
    for node in nodes {
        if let Node::Statement(s) = node {
            out.push(s.span.start as usize);
            if let Some(b) = &s.block {
                statement_starts(&b.nodes, out);
            }
        }
    }
}

fn without_probes_and_blanks(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim_start().starts_with("// probe") && !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// (a) A generated tree printed by the formatter parses back to the same tree, and
    /// printing is idempotent.
    #[test]
    fn generated_trees_print_and_parse_back_equal(doc in document()) {
        let cst = parse(&doc);
        let printed = print(&cst);
        let reparsed = parse(&printed);
        prop_assert_eq!(shape(&reparsed.nodes), shape(&cst.nodes), "printed:\n{}", printed);
        prop_assert_eq!(print(&reparsed), printed);
    }

    /// (b) Layout noise in an example formats away entirely.
    #[test]
    fn layout_noise_in_examples_formats_away(which in 0usize..5, seed in proptest::collection::vec(any::<u8>(), 1..64), crlf in any::<bool>()) {
        let examples = examples();
        let original = &examples[which % examples.len()];
        let noisy = relayout(original, &seed, crlf);
        prop_assert_eq!(format(&noisy).unwrap(), format(original).unwrap());
    }

    /// (b) Comments added to an example survive formatting, each once, and the rest of the
    /// output is the example's own; (c) formatting twice changes nothing.
    #[test]
    fn comments_added_to_examples_survive(which in 0usize..5, seed in proptest::collection::vec(any::<u8>(), 1..64)) {
        let examples = examples();
        let original = &examples[which % examples.len()];
        let (probed, count) = with_probes(original, &seed);
        let formatted = format(&probed).unwrap();
        for n in 0..count {
            prop_assert_eq!(formatted.matches(&format!("// probe {n}\n")).count(), 1);
        }
        prop_assert_eq!(without_probes_and_blanks(&formatted), without_probes_and_blanks(&format(original).unwrap()));
        prop_assert_eq!(format(&formatted).unwrap(), formatted);
    }
}
