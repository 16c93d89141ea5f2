//! regc compiles register descriptions (`.reg` files) into checked, published privacy
//! notices.
//!
//! ```text
//!   .reg text ──syntax──▶ CST ──lower──▶ AST ──resolve──▶ model ──check──▶ findings
//!                                                            └──render──▶ Markdown / HTML / JSON
//! ```
//!
//! | stage  | module        | produces |
//! |--------|---------------|----------|
//! | syntax | [`syntax`]    | [`syntax::cst::Cst`] (every token and comment), [`syntax::ast::Module`] (typed values) |
//! | resolve| [`resolve`]   | [`resolve::load::Program`] (files, imports, stdlib) → [`resolve::model::RegisterDoc`] per register |
//! | check  | [`check`]     | completeness findings (one rule per file) |
//! | render | [`render`]    | notices (Markdown, HTML) and JSON with its schema |
//!
//! [`compile`] runs load → resolve → check for every caller.
//! | cli    | `cli` (binary)| reads files, prints diagnostics, sets the exit code |
//!
//! Architecture Invariant: nothing in this library reads files, prints or exits; that is
//! the binary's `cli` module. Every stage returns a value together with its diagnostics.

pub mod check;
pub mod compile;
pub mod diagnostic;
pub mod diff;
pub mod formatter;
pub mod fuzz;
pub mod ide;
pub mod render;
pub mod resolve;
pub mod source;
pub mod syntax;
#[cfg(test)]
mod testing;

use crate::diagnostic::codes;
use diagnostic::Diagnostic;
use source::{SourceId, SourceMap};

pub use compile::{Compiled, compile};

/// Parses every source alone (syntax and typed values; no imports, names or rules).
/// Diagnostics come per source, in order.
pub fn parse_sources(sources: &SourceMap) -> Vec<(SourceId, Vec<Diagnostic>)> {
    sources
        .iter()
        .map(|(id, source)| (id, syntax::parse_module(id, &source.text).diagnostics))
        .collect()
}

/// Adds a file's bytes to `sources`. Bytes that are not UTF-8 give a diagnostic at the
/// first bad byte; the rest of the file is still checked.
pub fn add_file(
    sources: &mut SourceMap,
    name: &str,
    bytes: Vec<u8>,
) -> (SourceId, Option<Diagnostic>) {
    match source::decode(bytes) {
        Ok(text) => (sources.add(name, text), None),
        Err((text, offset)) => {
            let id = sources.add(name, text);
            let span = source::Span::new(id, offset, offset + 3);
            let d = Diagnostic::error(codes::INVALID_UTF8, span, "this file is not valid UTF-8")
                .with_label("not a UTF-8 character")
                .with_help(
                    "save the file as UTF-8 (most editors offer it under \"Save with encoding\")",
                );
            (id, Some(d))
        }
    }
}
