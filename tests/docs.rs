//! Every `reg` example in the documentation parses without a diagnostic.
//! A block marked `reg` is a whole file; `reg register` is the inside of a register;
//! `reg purpose` the inside of a purpose.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

/// The `reg` code blocks of a Markdown text: info string, body (without the fence's own
/// indentation), and the line of the opening fence.
fn reg_blocks(markdown: &str) -> Vec<(String, String, usize)> {
    let mut blocks = Vec::new();
    let mut current: Option<(String, String, usize, usize)> = None;
    for (number, line) in markdown.lines().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        match (&mut current, trimmed.strip_prefix("```")) {
            (None, Some(info)) if info.starts_with("reg") => {
                current = Some((info.to_string(), String::new(), number + 1, indent));
            }
            (Some(_), Some("")) => {
                blocks.extend(current.take().map(|(info, body, at, _)| (info, body, at)));
            }
            (Some((_, body, _, fence_indent)), _) => {
                body.push_str(line.get(indent.min(*fence_indent)..).unwrap_or(trimmed));
                body.push('\n');
            }
            _ => {}
        }
    }
    blocks
}

fn wrap(info: &str, body: &str) -> String {
    match info {
        "reg" => body.to_string(),
        "reg register" => format!("register example {{\n{body}}}\n"),
        "reg purpose" => format!("register example {{\npurpose example {{\n{body}}}\n}}\n"),
        other => panic!("unknown code block kind `{other}`"),
    }
}

fn check_markdown(path: &str) -> usize {
    let markdown =
        std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let blocks = reg_blocks(&markdown);
    for (info, body, line) in &blocks {
        let checked = common::check_str(&format!("{path}:{line}"), &wrap(info, body));
        assert_eq!(
            checked.rendered(),
            "",
            "the example at {path}:{line} does not parse"
        );
    }
    blocks.len()
}

#[test]
fn language_reference_examples_parse() {
    assert!(check_markdown("docs/language.md") >= 15);
}

#[test]
fn readme_example_parses() {
    assert!(check_markdown("README.md") >= 1);
}
