//! CST → AST: reads each statement against the schema, checks every typed value, and
//! reports what is unknown, misplaced, missing, extra or given twice.

mod args;
mod decls;
mod facts;
mod register;

use crate::diagnostic::codes;

use super::ast::{Allow, Located};
use super::cst::{Block, Node, Statement, Value};
use super::schema::{self, BlockKind};
use super::values::{ValueError, parse_rule_code};
use crate::diagnostic::Diagnostic;
use crate::source::Span;

pub use args::{Args, fitted, is_valid_name};

/// Lowers the top-level nodes of one piece of a file (see `parser::parse_each`).
pub fn lower_piece(lx: &mut Lowerer, nodes: &[Node]) -> Vec<super::ast::Item> {
    decls::top_level(lx, nodes)
}

#[derive(Default)]
pub struct Lowerer {
    pub diagnostics: Vec<Diagnostic>,
}

impl Lowerer {
    pub fn report(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    pub fn value_error(&mut self, span: Span, error: ValueError) {
        let mut d = Diagnostic::error(error.code, span, error.message).with_label(error.label);
        d.help = error.help.map(Into::into);
        if let Some(replacement) = error.replacement {
            d = d.with_replacement(span, replacement);
        }
        self.report(d);
    }

    /// Reports a statement this block does not hold: a typo, or a keyword of another block.
    pub fn unknown_statement(&mut self, block: BlockKind, stmt: &Statement) {
        let keyword = stmt.keyword.text.as_str();
        let homes = schema::blocks_with(keyword);
        let diagnostic = if homes.is_empty() {
            let d = Diagnostic::error(
                codes::UNKNOWN_KEYWORD,
                stmt.keyword.span,
                format!("unknown keyword `{keyword}` {}", block.place()),
            );
            match schema::suggest(block, keyword) {
                Some(s) => d
                    .with_label(format!("did you mean `{s}`?"))
                    .with_help(format!("write `{}`", respelled(stmt, s)))
                    .with_replacement(stmt.keyword.span, s),
                None => d.with_label("not a keyword here").with_help(format!(
                    "{} holds: {}",
                    capitalise(block.describe()),
                    keyword_list(block)
                )),
            }
        } else {
            let places: Vec<&str> = homes.iter().map(|b| b.describe()).collect();
            Diagnostic::error(
                codes::MISPLACED_KEYWORD,
                stmt.keyword.span,
                format!("`{keyword}` cannot stand {}", block.place()),
            )
            .with_label("not allowed here")
            .with_help(format!("`{keyword}` belongs in {}", join_or(&places)))
        };
        self.report(diagnostic);
    }
}

/// The user's statement line with its keyword replaced: `purpse x {` → `purpose x {`.
fn respelled(stmt: &Statement, keyword: &str) -> String {
    let mut line = keyword.to_string();
    for value in &stmt.values {
        match value {
            Value::Word(w) => {
                line.push(' ');
                line.push_str(&w.text);
            }
            Value::Text(t) if t.multiline => line.push_str(" \"\"\"…\"\"\""),
            Value::Text(t) => {
                line.push_str(" \"");
                line.push_str(&t.value.replace('\\', "\\\\").replace('"', "\\\""));
                line.push('"');
            }
            Value::Comma(_) => line.push(','),
        }
    }
    if stmt.block.is_some() {
        line.push_str(" {");
    }
    line
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn keyword_list(block: BlockKind) -> String {
    let words: Vec<String> = schema::keywords_of(block)
        .map(|e| format!("`{}`", e.keyword))
        .collect();
    words.join(", ")
}

fn join_or(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} or {}", init.join(", "), last),
    }
}

/// The statements of a block, skipping comments and blank lines.
pub fn statements(nodes: &[Node]) -> impl Iterator<Item = &Statement> {
    nodes.iter().filter_map(|n| match n {
        Node::Statement(s) => Some(s),
        _ => None,
    })
}

/// The statements of `body` that may stand in `block`, in order. A keyword the block does
/// not know, and a second copy of a statement the schema allows once, are reported and
/// left out. Every block is read through this (or [`fields`]), so the schema alone says
/// what a block holds and what may repeat.
pub fn statements_in<'b>(
    lx: &mut Lowerer,
    block: BlockKind,
    body: Option<&'b Block>,
) -> Vec<&'b Statement> {
    let mut seen = Seen::default();
    let mut out = Vec::new();
    for s in body.into_iter().flat_map(|b| statements(&b.nodes)) {
        match schema::entry(block, &s.keyword.text) {
            None => lx.unknown_statement(block, s),
            Some(entry) if entry.repeatable || seen.first(lx, entry.keyword, s) => out.push(s),
            Some(_) => {}
        }
    }
    out
}

/// [`statements_in`], each with its values ready to read, for blocks whose statements are
/// all plain values. A block after a statement that takes none is reported; statements
/// already reported as malformed are left out.
pub fn fields<'b>(
    lx: &mut Lowerer,
    block: BlockKind,
    body: Option<&'b Block>,
) -> Vec<(&'b Statement, Args<'b>)> {
    let mut out = Vec::new();
    for s in statements_in(lx, block, body) {
        if let Some(args) = Args::new(lx, block, s) {
            args.block_per_schema(lx);
            out.push((s, args));
        }
    }
    out
}

/// [`fields`] of a block that may hold `allow`s: those are lowered into `allows`.
pub fn fields_and_allows<'b>(
    lx: &mut Lowerer,
    block: BlockKind,
    body: Option<&'b Block>,
    allows: &mut Vec<Allow>,
) -> Vec<(&'b Statement, Args<'b>)> {
    let mut out = Vec::new();
    for s in statements_in(lx, block, body) {
        if s.keyword.text == "allow" {
            allows.extend(allow(lx, block, s));
        } else if let Some(args) = Args::new(lx, block, s) {
            args.block_per_schema(lx);
            out.push((s, args));
        }
    }
    out
}

/// Remembers which single-valued statements a block already had.
#[derive(Default)]
pub struct Seen {
    /// A block holds a few kinds of statement: a list searched is quicker than a map.
    first: Vec<(&'static str, Span)>,
}

impl Seen {
    /// True the first time `stmt`'s keyword (the schema's `keyword`) is seen; reports every
    /// later time.
    pub fn first(&mut self, lx: &mut Lowerer, keyword: &'static str, stmt: &Statement) -> bool {
        match self
            .first
            .iter()
            .find(|(k, _)| *k == keyword)
            .map(|(_, s)| s)
        {
            Some(first) => {
                lx.report(
                    Diagnostic::error(
                        codes::DUPLICATE_STATEMENT,
                        stmt.keyword.span,
                        format!("`{keyword}` is given twice"),
                    )
                    .with_label("given again here")
                    .with_secondary(*first, "first given here")
                    .with_help(format!("keep one `{keyword}` and remove the other")),
                );
                false
            }
            None => {
                self.first.push((keyword, stmt.keyword.span));
                true
            }
        }
    }
}

/// The words a statement's values are chosen from, where they are a closed list (`role
/// processor`, `requirement voluntary`, `recipients none`): read from the tables the
/// lowering itself reads them with, for an editor's completion.
pub fn fixed_words(block: BlockKind, keyword: &str) -> Vec<&'static str> {
    use crate::syntax::ast::{Commitment, ConsentMethod, ControllerKind};
    fn words<T>(table: &[(&'static str, T)]) -> Vec<&'static str> {
        table.iter().map(|(w, _)| *w).collect()
    }
    use BlockKind as B;
    match (block, keyword) {
        (B::Data, "kind") => words(decls::DATA_KINDS),
        (B::Source, "kind") => words(decls::SOURCE_KINDS),
        (B::Recipient, "role") => words(decls::ROLES),
        (B::Controller, "kind") => words(ControllerKind::ALL),
        (B::Register, "profile") => words(register::PROFILES),
        (B::Register | B::Purpose, "requirement") => words(register::REQUIREMENTS),
        (B::Purpose, "consent") => words(ConsentMethod::ALL),
        (B::Register, "commitments") => words(Commitment::ALL),
        (B::Register, "recipients" | "transfers" | "automated-decisions" | "rights") => {
            vec!["none"]
        }
        (B::Top, "use") => schema::STD_MODULES.to_vec(),
        _ => Vec::new(),
    }
}

/// Whether an `allow`'s reason says nothing: empty, dots, or a placeholder (`TODO`).
fn no_reason(reason: &str) -> bool {
    let words = reason.trim_matches(|c: char| c.is_whitespace() || c == '.' || c == '…');
    words.is_empty() || crate::check::placeholder::find(reason).is_some()
}

/// `allow K002 because "reason"`
pub fn allow(lx: &mut Lowerer, block: BlockKind, stmt: &Statement) -> Option<Allow> {
    let mut args = Args::new(lx, block, stmt)?;
    let code_word = args.word(lx, "a rule code")?;
    let code = match parse_rule_code(&code_word.text) {
        Ok(c) => Located {
            value: c,
            span: code_word.span,
        },
        Err(e) => {
            lx.value_error(code_word.span, e);
            return None;
        }
    };
    let because = args.peek_word().map(|w| w.text.as_str());
    if because != Some("because") {
        lx.report(
            Diagnostic::error(
                codes::MISSING_REASON,
                stmt.span,
                format!("`allow {}` gives no reason", code.value),
            )
            .with_label("a reason is required")
            .with_help(format!(
                "say why the finding does not apply: `allow {} because \"...\"`",
                code.value
            )),
        );
        return None;
    }
    args.word(lx, "`because`")?;
    let reason = args.text(lx, "a reason")?;
    args.finish(lx);
    if no_reason(&reason.value) {
        // Not applied: the finding stays in view until someone says why it does not apply.
        lx.report(
            Diagnostic::error(
                codes::MISSING_REASON,
                reason.span,
                format!("`allow {}` gives a placeholder, not a reason", code.value),
            )
            .with_label("a reason is required")
            .with_help("say why the finding does not apply to this register, e.g. `because \"the notice is only for employees, who are told in their contract\"`"),
        );
        return None;
    }
    Some(Allow {
        code,
        reason,
        span: stmt.span,
    })
}
