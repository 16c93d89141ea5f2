//! Stage 1, syntax: text → CST (`parser`: pest, and `scan` for clean lines) → AST (`lower`, with typed values checked).

pub mod ast;
mod bytes;
pub mod cst;
mod literal;
mod lower;
mod nesting;
mod parser;
mod scan;
pub mod schema;
pub mod values;
pub mod visit;

use crate::diagnostic::codes;
use crate::diagnostic::{Diagnostic, Outcome};
use crate::source::{SourceId, Span};

pub use lower::{fixed_words, is_valid_name};
pub use parser::MAX_DEPTH;

/// Text → CST. Never fails; malformed lines become diagnostics.
pub fn parse(source: SourceId, text: &str) -> Outcome<cst::Cst> {
    parser::parse(source, text)
}

/// Text → CST with pest alone, the reference the fast reader of clean lines is checked
/// against (by the tests and [`crate::fuzz::run`]).
#[doc(hidden)]
pub fn parse_with_pest(source: SourceId, text: &str) -> Outcome<cst::Cst> {
    parser::parse_with_pest(source, text)
}

/// Text → AST, with every syntax and value problem reported. Each top-level declaration
/// is lowered as soon as it is parsed and its syntax tree dropped, so memory holds the
/// AST and one declaration's tree, not the whole file's tree.
pub fn parse_module(source: SourceId, text: &str) -> Outcome<ast::Module> {
    parse_module_keeping(source, text, None)
}

/// Text → AST and CST in one parse, for the formatter, which prints the CST and compares
/// the ASTs of its input and output.
pub fn parse_module_and_cst(source: SourceId, text: &str) -> (Outcome<ast::Module>, cst::Cst) {
    let mut nodes = Vec::new();
    let module = parse_module_keeping(source, text, Some(&mut nodes));
    (module, cst::Cst { nodes })
}

fn parse_module_keeping(
    source: SourceId,
    text: &str,
    mut keep: Option<&mut Vec<cst::Node>>,
) -> Outcome<ast::Module> {
    let mut lx = lower::Lowerer::default();
    let mut items = Vec::new();
    let mut any_statement = false;
    let read = parser::parse_each(source, text, |mut nodes| {
        any_statement |= nodes.iter().any(|n| matches!(n, cst::Node::Statement(_)));
        items.extend(lower::lower_piece(&mut lx, &nodes));
        if let Some(kept) = keep.as_deref_mut() {
            kept.append(&mut nodes);
        }
    });
    let mut diagnostics = read.diagnostics;
    if read.too_deep {
        // Nothing of a text nested too deep is read: what was lowered before that was
        // known goes.
        items.clear();
        if let Some(kept) = keep {
            kept.clear();
        }
    } else {
        diagnostics.append(&mut lx.diagnostics);
    }
    if !any_statement && !diagnostics.iter().any(Diagnostic::is_error) {
        diagnostics.push(empty_file(source, text));
    }
    diagnostics.sort_by_key(|d| (d.primary.span.start, d.primary.span.end));
    Outcome {
        value: ast::Module {
            source,
            items: lower::fitted(items),
        },
        diagnostics,
    }
}

fn empty_file(source: SourceId, text: &str) -> Diagnostic {
    let what = if text.is_empty() {
        "this file is empty"
    } else {
        "this file declares nothing"
    };
    Diagnostic::error(codes::EMPTY_FILE, Span::new(source, 0, 0), what)
        .with_label("no statement in the file")
        .with_help("a `.reg` file holds at least one declaration, e.g. `register customers {`; see docs/language.md")
}
