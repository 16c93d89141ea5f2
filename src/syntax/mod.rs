//! Stage 1, syntax: text → CST (`parser`, pest) → AST (`lower`, with typed values checked).

pub mod ast;
pub mod cst;
mod lower;
mod parser;
pub mod schema;
mod text;
pub mod values;

use crate::diagnostic::{Diagnostic, Outcome};
use crate::source::{SourceId, Span};

pub use parser::MAX_DEPTH;

/// Text → CST. Never fails; malformed lines become diagnostics.
pub fn parse(source: SourceId, text: &str) -> Outcome<cst::Cst> {
    parser::parse(source, text)
}

/// Text → AST, with every syntax and value problem reported.
pub fn parse_module(source: SourceId, text: &str) -> Outcome<ast::Module> {
    let parsed = parse(source, text);
    let mut diagnostics = parsed.diagnostics;
    let lowered = lower::lower(source, &parsed.value);
    diagnostics.extend(lowered.diagnostics);
    if !parsed
        .value
        .nodes
        .iter()
        .any(|n| matches!(n, cst::Node::Statement(_)))
        && !diagnostics.iter().any(Diagnostic::is_error)
    {
        diagnostics.push(empty_file(source, text));
    }
    diagnostics.sort_by_key(|d| (d.primary.span.start, d.primary.span.end));
    Outcome {
        value: lowered.value,
        diagnostics,
    }
}

fn empty_file(source: SourceId, text: &str) -> Diagnostic {
    let what = if text.is_empty() {
        "this file is empty"
    } else {
        "this file declares nothing"
    };
    Diagnostic::error("empty-file", Span::new(source, 0, 0), what)
        .with_label("no statement in the file")
        .with_help("a `.reg` file holds at least one declaration, e.g. `register customers {`; see docs/language.md")
}
