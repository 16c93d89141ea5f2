//! The one helper every test goes through: run the library on a file, render what it says.
#![allow(dead_code)]

use std::path::Path;

use regc::diagnostic::Diagnostic;
use regc::diagnostic::human::{Style, render};
use regc::source::{SourceId, SourceMap};
use regc::syntax::ast::Module;

pub struct Checked {
    pub sources: SourceMap,
    pub id: SourceId,
    pub module: Module,
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// Every diagnostic as the user sees it, without colour.
    pub fn rendered(&self) -> String {
        self.diagnostics
            .iter()
            .map(|d| render(&self.sources, self.id, d, Style::Plain))
            .collect()
    }

    pub fn codes(&self) -> Vec<&'static str> {
        self.diagnostics.iter().map(|d| d.code).collect()
    }

    pub fn text(&self) -> &str {
        self.sources.get(self.id).map_or("", |s| s.text.as_str())
    }
}

/// Checks `bytes` as a file called `name`, the way `regc check` does.
pub fn check(name: &str, bytes: Vec<u8>) -> Checked {
    let mut sources = SourceMap::new();
    let (id, utf8) = regc::add_file(&mut sources, name, bytes);
    let text = sources.get(id).map(|s| s.text.clone()).unwrap_or_default();
    let outcome = regc::syntax::parse_module(id, &text);
    let diagnostics = utf8.into_iter().chain(outcome.diagnostics).collect();
    Checked {
        sources,
        id,
        module: outcome.value,
        diagnostics,
    }
}

pub fn check_str(name: &str, text: &str) -> Checked {
    check(name, text.as_bytes().to_vec())
}

/// Reads a test file and checks it under its path relative to `tests/`.
pub fn check_file(path: &Path) -> Checked {
    let bytes =
        std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    check(&display_name(path), bytes)
}

/// A path relative to the crate root, with `/` separators, so snapshots match everywhere.
pub fn display_name(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// The codes a case file says it expects, from its `// expect: CODE, CODE — …` first line.
pub fn expected_codes(text: &str) -> Vec<String> {
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or("");
    let Some(rest) = first.strip_prefix("// expect: ") else {
        return Vec::new();
    };
    let codes = rest.split('—').next().unwrap_or("");
    codes
        .split([',', ' '])
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect()
}

/// The input shown above a snapshot: lossy text, with a note for inputs too big to show.
pub fn shown_input(text: &str) -> String {
    const LIMIT: usize = 4000;
    if text.len() <= LIMIT {
        return text.to_string();
    }
    let mut cut = LIMIT;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    format!(
        "{}\n… ({} more bytes not shown)",
        &text[..cut],
        text.len() - cut
    )
}

pub fn snapshot_body(checked: &Checked, output: &str) -> String {
    format!(
        "--- input: {} ---\n{}\n--- output ---\n{}",
        checked
            .sources
            .get(checked.id)
            .map_or("", |s| s.name.as_str()),
        shown_input(checked.text()),
        output
    )
}
