//! Every `reg` example in the documentation parses without a diagnostic.
//! A block marked `reg` is a whole file; `reg register` is the inside of a register;
//! `reg purpose` the inside of a purpose.

use crate::common;

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

/// The table of codes in `docs/language.md` is generated from the code declarations.
#[test]
fn the_code_table_in_the_language_reference_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/language.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let (begin, end) = ("<!-- codes:begin -->\n", "<!-- codes:end -->");
    let start = text.find(begin).expect("the begin marker") + begin.len();
    let stop = text.find(end).expect("the end marker");
    let table = regc::check::docs::stage_code_table();
    if std::env::var_os("REGC_UPDATE_DOCS").is_some() {
        let updated = format!("{}{table}{}", &text[..start], &text[stop..]);
        std::fs::write(&path, updated).unwrap();
        return;
    }
    assert!(
        text[start..stop] == table,
        "docs/language.md's code table is stale: run `REGC_UPDATE_DOCS=1 cargo test --test it docs::`"
    );
}

/// `regc explain` has a page for every code, with an example and a fix.
#[test]
fn every_code_explains_itself_with_an_example_and_a_fix() {
    let all = regc::check::all_codes();
    assert!(all.len() > 90, "{} codes", all.len());
    for code in all {
        let page = code.page();
        assert!(!code.summary().is_empty(), "{code}");
        assert!(
            page.contains("## Example") && page.contains("## Fix"),
            "{code}:\n{page}"
        );
        assert_eq!(regc::check::find_code(code.as_str()), Some(code));
    }
}
