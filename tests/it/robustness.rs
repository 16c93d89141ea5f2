//! No input makes the parser panic, and every diagnostic points inside its input.

use crate::common;

use std::path::PathBuf;

use crate::common::{Checked, check, check_str};
use proptest::prelude::*;

fn examples() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "reg"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            (
                common::display_name(&p),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

/// Every span lies inside the text, on character boundaries, and renders without panicking;
/// and every line is read: the parser's "this line cannot be read" is a bug in the grammar,
/// whose every line has a reading (a diagnostic that says what is wrong) by design.
fn assert_well_placed(checked: &Checked) {
    let text = checked.text();
    for d in &checked.diagnostics {
        assert!(
            d.message != "this line cannot be read",
            "the grammar could not read the line at {}: {:?}",
            d.primary.span.start,
            text.get(d.primary.span.start as usize..)
                .map(|rest| rest.chars().take(80).collect::<String>())
        );
        for label in std::iter::once(&d.primary).chain(&d.secondary) {
            let (start, end) = (label.span.start as usize, label.span.end as usize);
            assert!(
                start <= end && end <= text.len(),
                "span {start}..{end} outside {} bytes: {d:?}",
                text.len()
            );
            assert!(
                text.is_char_boundary(start) && text.is_char_boundary(end),
                "span {start}..{end} splits a character: {d:?}"
            );
        }
    }
    let _ = checked.rendered();
}

/// The offset of each complete top-level declaration's end: cutting there leaves a valid,
/// shorter file, so those are the only truncations allowed to parse clean.
fn top_level_ends(text: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.starts_with('}') || line.starts_with("use ") {
            ends.push(offset + line.trim_end().len());
        }
        offset += line.len();
    }
    ends
}

#[test]
fn every_truncation_of_every_example_is_an_error_or_a_complete_prefix() {
    let mut clean = 0;
    let mut errors = 0;
    for (name, text) in examples() {
        let ends = top_level_ends(&text);
        for cut in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            let prefix = &text[..cut];
            let checked = check_str(&name, prefix);
            assert_well_placed(&checked);
            if checked.diagnostics.iter().any(|d| d.is_error()) {
                errors += 1;
                continue;
            }
            // A clean prefix must end where a declaration (or the whitespace and comments
            // after it) ends: nothing was cut in the middle of a statement.
            let last_end = ends
                .iter()
                .copied()
                .filter(|&e| e <= cut)
                .max()
                .unwrap_or(0);
            let rest = &prefix[last_end..];
            assert!(
                last_end > 0
                    && rest
                        .lines()
                        .all(|l| l.trim().is_empty() || l.trim_start().starts_with("//")),
                "{name}: the truncation at byte {cut} parses clean but cuts a statement:\n…{}",
                &prefix[prefix.len().saturating_sub(200)..]
            );
            clean += 1;
        }
    }
    eprintln!("truncations: {errors} with errors, {clean} complete prefixes");
    assert!(errors > clean);
}

fn mutate(text: &str, at: usize, len: usize, insert: &str) -> String {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let mut end = (at + len).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}{}{}", &text[..at], insert, &text[end..])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        assert_well_placed(&check("fuzz.reg", bytes));
    }

    #[test]
    fn reg_like_text_never_panics(text in r#"([a-z\-]{1,12}|"[^"\n]{0,20}"?|"""|\{|\}|,|//[^\n]{0,10}|[ \t]{1,3}|\r?\n|[0-9\-]{1,10}|[=;:(<\\])*"#) {
        assert_well_placed(&check_str("fuzz.reg", &text));
    }

    #[test]
    fn mutated_examples_never_panic(
        which in 0usize..5,
        at in any::<usize>(),
        len in 0usize..40,
        insert in r#"(\{|\}|"|"""|,|\n|//|[a-z]{1,8}|\u{0}|é|\t|\r)?"#,
    ) {
        let examples = examples();
        let (name, text) = &examples[which % examples.len()];
        let mutated = mutate(text, at, len, &insert);
        assert_well_placed(&check_str(name, &mutated));
    }
}
