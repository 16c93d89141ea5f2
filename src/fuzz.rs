//! The whole pipeline on one untrusted input, with the invariants every stage must keep.
//! The coverage-guided fuzzer (`fuzz/`) and the property tests (`tests/it/fuzz.rs`) both run
//! [`run`]; a panic anywhere below, or an `Err`, is a bug.
//!
//! The input is the bytes of `main.reg`. A NUL byte splits it: what follows the first NUL
//! is `other.reg`, which `main.reg` may import (and which may import `main.reg` back), so
//! imports and cycles are explored too.

use std::collections::BTreeMap;

use crate::diagnostic::human::{self, Style};
use crate::diagnostic::{Diagnostic, formats};
use crate::render::{html, json, l10n, markdown, notice};
use crate::resolve::load::{Files, ImportError, LoadedFile};
use crate::resolve::model::Profile;
use crate::source::SourceMap;
use crate::syntax::values::Date;

/// What one input exercised, so a caller can see the run did something.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub diagnostics: usize,
    pub registers: usize,
    pub formatted: bool,
}

/// Runs parse, load, resolve, check (every profile), every diagnostic format, every notice
/// in every locale and layout, JSON, and the formatter on `input`. `Err` names a broken
/// invariant.
pub fn run(input: &[u8]) -> Result<Summary, String> {
    let (main, other) = split(input);
    for text in [main, other] {
        same_reading_as_pest(text)?;
    }
    let mut files = Memory::new(main, other);
    let today = Date {
        year: 2026,
        month: 11,
        day: 23,
    };
    // The same driver as `regc check`, under the registers' own profiles and each one.
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let mut first = None;
    for profile in [
        None,
        Some(Profile::Notice),
        Some(Profile::Ropa),
        Some(Profile::Strict),
    ] {
        let options = crate::compile::Options {
            profile,
            ..crate::compile::Options::on(today)
        };
        let root = files.loaded("main.reg");
        let compiled = crate::compile(vec![root], &mut files, &options);
        diagnostics.extend(compiled.all().cloned());
        first.get_or_insert(compiled);
    }
    let Some(compiled) = first else {
        return Err("no compilation ran".to_string());
    };
    same_without_models(&compiled, &mut files, today)?;
    let sources = &compiled.program.sources;
    spans_inside(sources, &diagnostics)?;
    // The profiles repeat most findings; drawing each place and code once is enough.
    diagnostics.sort_by_key(|d| (d.primary.span.source, d.primary.span.start, d.code));
    diagnostics.dedup_by(|a, b| a.code == b.code && a.primary.span.same_place(b.primary.span));
    render_diagnostics(sources, &diagnostics)?;
    for doc in &compiled.docs {
        render_register(doc)?;
    }
    let formatted = format_holds(main)?;
    Ok(Summary {
        diagnostics: diagnostics.len(),
        registers: compiled.docs.len(),
        formatted,
    })
}

/// The fast reader of clean lines gives pest's tree and diagnostics, to the byte.
pub(crate) fn same_reading_as_pest(bytes: &[u8]) -> Result<(), String> {
    let text = String::from_utf8_lossy(bytes);
    let id = crate::source::SourceId(0);
    let fast = crate::syntax::parse(id, &text);
    let pest = crate::syntax::parse_with_pest(id, &text);
    let places = |o: &crate::diagnostic::Outcome<crate::syntax::cst::Cst>| {
        let found: Vec<String> = o
            .diagnostics
            .iter()
            .map(|d| format!("{:?} {:?} {}", d.code, d.primary.span, d.message))
            .collect();
        format!("{:?}\n{found:?}", o.value.nodes)
    };
    if places(&fast) != places(&pest) {
        return Err(format!(
            "the fast reader and pest read differently:\n{}\n---\n{}",
            places(&fast),
            places(&pest)
        ));
    }
    Ok(())
}

/// A check keeps no model ([`crate::compile::Options::docs`]) and must find exactly what a
/// build finds.
fn same_without_models(
    kept: &crate::Compiled,
    files: &mut Memory,
    today: Date,
) -> Result<(), String> {
    let options = crate::compile::Options {
        docs: false,
        ..crate::compile::Options::on(today)
    };
    let root = files.loaded("main.reg");
    let dropped = crate::compile(vec![root], files, &options);
    if !dropped.docs.is_empty() {
        return Err("a compilation that keeps no model kept one".to_string());
    }
    // An editor's compilation keeps every syntax tree (`references`); the others drop
    // each file's registers once checked.
    let every_tree = crate::compile::Options {
        references: true,
        ..crate::compile::Options::on(today)
    };
    let root = files.loaded("main.reg");
    let with_trees = crate::compile(vec![root], files, &every_tree);
    let found =
        |c: &crate::Compiled| -> Vec<String> { c.all().map(|d| format!("{d:?}")).collect() };
    if found(&with_trees) != found(kept) {
        return Err("keeping every syntax tree changed the findings".to_string());
    }
    let (kept, dropped) = (found(kept), found(&dropped));
    if kept == dropped {
        return Ok(());
    }
    let first = kept.iter().zip(&dropped).position(|(a, b)| a != b);
    let at = first.unwrap_or(kept.len().min(dropped.len()));
    Err(format!(
        "keeping no model changed the findings ({} with models, {} without); the first that differs:\n{:?}\n{:?}",
        kept.len(),
        dropped.len(),
        kept.get(at),
        dropped.get(at)
    ))
}

/// The text-facing stages alone: decoding, parsing, lowering and the formatter, several
/// times faster than [`run`], so a long run reaches far more inputs.
pub fn run_syntax(input: &[u8]) -> Result<Summary, String> {
    let mut sources = SourceMap::new();
    let (id, utf8) = crate::add_file(&mut sources, "main.reg", input.to_vec());
    let text = sources.get(id).map(|s| s.text.clone()).unwrap_or_default();
    same_reading_as_pest(input)?;
    let parsed = crate::syntax::parse_module(id, &text);
    let diagnostics: Vec<Diagnostic> = utf8.into_iter().chain(parsed.diagnostics).collect();
    // Drawing the diagnostics is left to `run`: it took a third of this target's time.
    spans_inside(&sources, &diagnostics)?;
    let formatted = format_holds(input)?;
    Ok(Summary {
        diagnostics: diagnostics.len(),
        registers: 0,
        formatted,
    })
}

/// Does once what every run would otherwise redo: parses the standard library. A fuzzer
/// calls it before it starts forking, so that each child begins warm. (It must not start
/// threads: a forked child would not have them.)
pub fn warm_up() {
    crate::resolve::stdlib::warm_up();
}

fn split(input: &[u8]) -> (&[u8], &[u8]) {
    match input.iter().position(|b| *b == 0) {
        Some(nul) => (&input[..nul], &input[nul + 1..]),
        None => (input, &[]),
    }
}

/// Every label lies inside its source, on character boundaries.
fn spans_inside(sources: &SourceMap, diagnostics: &[Diagnostic]) -> Result<(), String> {
    for d in diagnostics {
        for label in std::iter::once(&d.primary).chain(&d.secondary) {
            let span = label.span;
            let Some(source) = sources.get(span.source) else {
                return Err(format!("{}: span in an unknown source", d.code));
            };
            let (start, end) = (span.start as usize, span.end as usize);
            let text = &source.text;
            if start > end || end > text.len() {
                return Err(format!(
                    "{}: span {start}..{end} outside {} bytes",
                    d.code,
                    text.len()
                ));
            }
            if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                return Err(format!(
                    "{}: span {start}..{end} splits a character",
                    d.code
                ));
            }
        }
    }
    Ok(())
}

fn render_diagnostics(sources: &SourceMap, diagnostics: &[Diagnostic]) -> Result<(), String> {
    for d in diagnostics {
        let text = human::render(sources, d.primary.span.source, d, Style::Plain);
        if !text.contains(d.code.as_str()) {
            return Err(format!("the rendered diagnostic lost its code {}", d.code));
        }
    }
    let files = vec!["main.reg".to_string(), "other.reg".to_string()];
    // SARIF and GitLab are built as JSON values, so only the hand-assembled `json` format
    // is read back.
    let out = formats::render(formats::Format::Json, sources, diagnostics, &files);
    if let Err(e) = serde_json::from_str::<serde_json::Value>(&out) {
        return Err(format!("the json format is not JSON: {e}"));
    }
    for format in [
        formats::Format::Sarif,
        formats::Format::Gitlab,
        formats::Format::Github,
        formats::Format::Junit,
    ] {
        formats::render(format, sources, diagnostics, &files);
    }
    Ok(())
}

fn render_register(doc: &crate::resolve::model::RegisterDoc) -> Result<(), String> {
    let json = json::register(doc)?;
    if let Err(e) = serde_json::from_str::<serde_json::Value>(&json) {
        return Err(format!("register JSON does not parse: {e}"));
    }
    thread_local! {
        // Parsing a catalogue costs more than rendering a small notice with it.
        static CATALOGS: Vec<l10n::Catalog> =
            ["en", "fi", "sv"].into_iter().filter_map(l10n::Catalog::new).collect();
    }
    CATALOGS.with(|catalogs| render_notices(doc, catalogs))
}

fn render_notices(
    doc: &crate::resolve::model::RegisterDoc,
    catalogs: &[l10n::Catalog],
) -> Result<(), String> {
    if catalogs.len() != l10n::LOCALES.len() {
        return Err("a catalogue does not load".into());
    }
    // Each language with another front matter: every catalogue and every front matter.
    let fronts = [
        markdown::FrontMatter::Yaml,
        markdown::FrontMatter::Toml,
        markdown::FrontMatter::None,
    ];
    for (catalog, front) in catalogs.iter().zip(fronts) {
        let outline = notice::build(doc, catalog);
        markdown::render(&outline, front);
        let page = html::page(&outline);
        if page.to_ascii_lowercase().contains("<script") {
            return Err("a notice contains a <script> element".into());
        }
        html::fragment(&outline);
    }
    Ok(())
}

/// The formatter either declines (errors in the file) or formats; it never reports itself
/// unsound. (Its own soundness check re-parses the output, compares meaning and comments,
/// and proves the output a fixed point, so formatting twice here would add nothing.)
fn format_holds(main: &[u8]) -> Result<bool, String> {
    let Ok(text) = std::str::from_utf8(main) else {
        return Ok(false);
    };
    match crate::formatter::format(text) {
        Ok(_) => Ok(true),
        Err(crate::formatter::FmtError::Invalid(_)) => Ok(false),
        Err(crate::formatter::FmtError::Unsound(why)) => Err(format!("formatter unsound: {why}")),
    }
}

/// `main.reg` and `other.reg`, with the import rules of the command line: no `..`, no
/// absolute paths.
struct Memory {
    files: BTreeMap<&'static str, Vec<u8>>,
}

impl Memory {
    fn new(main: &[u8], other: &[u8]) -> Memory {
        let mut files = BTreeMap::new();
        files.insert("main.reg", main.to_vec());
        files.insert("other.reg", other.to_vec());
        Memory { files }
    }

    fn loaded(&self, name: &str) -> LoadedFile {
        LoadedFile {
            key: name.to_string(),
            name: name.to_string(),
            bytes: self.files.get(name).cloned().unwrap_or_default(),
        }
    }
}

impl Files for Memory {
    fn import(&mut self, _from: &str, path: &str) -> Result<LoadedFile, ImportError> {
        if path.starts_with('/') || path.split('/').any(|part| part == "..") {
            return Err(ImportError::OutsideProject);
        }
        let name = path.trim_start_matches("./");
        if self.files.contains_key(name) {
            Ok(self.loaded(name))
        } else {
            Err(ImportError::NotFound)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_register_with_an_import_runs_every_stage() {
        let input = b"use \"other.reg\"\n\nregister r {\n  title en \"R\"\n  controller c\n  languages en\n}\n\0controller c {\n  name \"C\"\n}\n";
        let summary = run(input);
        assert!(
            matches!(summary, Ok(Summary { registers: 1, .. })),
            "{summary:?}"
        );
    }

    #[test]
    fn an_import_cycle_and_bad_bytes_are_diagnosed_not_fatal() {
        let input = b"use \"other.reg\"\n\xff\0use \"main.reg\"\n";
        let summary = run(input);
        assert!(
            matches!(summary, Ok(Summary { diagnostics, .. }) if diagnostics >= 2),
            "{summary:?}"
        );
    }
}
