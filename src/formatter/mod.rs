//! `regc fmt`: one canonical layout, printed from the CST so that every comment, blank-line
//! group and word survives; then proved: the output is parsed again and must mean the same
//! (equal AST, spans ignored) and hold the same comments, or nothing is written.
//!
//! The layout (documented in `docs/formatting.md`): two spaces per block level; one space
//! between values, `, ` in lists; `{` ends the opening line and `}` stands alone; at most one
//! blank line in a row and none at the start or end of a block; texts are never re-wrapped;
//! a list that does not fit in [`WIDTH`] columns (or holds a comment) is wrapped after its
//! commas, continuation lines aligned under its first value; LF line ends, no BOM, one final
//! newline.

use crate::diagnostic::Diagnostic;
use crate::source::SourceId;
use crate::syntax::cst::{Block, Comma, Comment, Cst, Node, Statement, Value};

/// The column lists are wrapped at.
pub const WIDTH: usize = 100;

const INDENT: &str = "  ";

/// Why a file was not formatted.
#[derive(Debug)]
pub enum FmtError {
    /// The file has errors; they are returned so they can be shown.
    Invalid(Vec<Diagnostic>),
    /// The formatter's own output did not mean the same as its input. A bug: the file is
    /// left alone.
    Unsound(String),
}

/// Formats `text` or says why it will not.
pub fn format(text: &str) -> Result<String, FmtError> {
    // Lone carriage returns are line breaks, as when checking; the output has `\n`.
    let normalized;
    let text = if text.contains('\r') {
        normalized = crate::source::lone_cr_to_lf(text.to_string());
        normalized.as_str()
    } else {
        text
    };
    let id = SourceId(0);
    let (before, cst) = crate::syntax::parse_module_and_cst(id, text);
    if before.diagnostics.iter().any(Diagnostic::is_error) {
        return Err(FmtError::Invalid(before.diagnostics));
    }
    let output = print(&cst);
    // A text printed as it was is its own proof: it means what it meant, keeps its
    // comments, and printing it again gives it again. Only a changed text is re-read.
    if output != text {
        prove(&before.value, &cst, &output)?;
    }
    Ok(output)
}

/// The soundness check: same meaning, same comments, and a fixed point.
fn prove(meaning: &crate::syntax::ast::Module, cst: &Cst, output: &str) -> Result<(), FmtError> {
    let id = SourceId(0);
    let (after, reparsed) = crate::syntax::parse_module_and_cst(id, output);
    if after.diagnostics.iter().any(Diagnostic::is_error) {
        return Err(FmtError::Unsound(
            "the formatted text does not parse".into(),
        ));
    }
    if &after.value != meaning {
        return Err(FmtError::Unsound(
            "the formatted text means something else".into(),
        ));
    }
    if comment_texts(cst) != comment_texts(&reparsed) {
        return Err(FmtError::Unsound("a comment was lost or changed".into()));
    }
    if print(&reparsed) != output {
        return Err(FmtError::Unsound(
            "formatting twice gives a different text".into(),
        ));
    }
    Ok(())
}

fn comment_texts(cst: &Cst) -> Vec<String> {
    let mut texts: Vec<String> = cst
        .comments()
        .iter()
        .map(|c| c.text.trim_end().to_string())
        .collect();
    texts.sort();
    texts
}

/// The CST in canonical layout.
pub fn print(cst: &Cst) -> String {
    let mut out = String::new();
    print_nodes(&mut out, &cst.nodes, 0);
    while out.ends_with("\n\n") {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

fn print_nodes(out: &mut String, nodes: &[Node], depth: usize) {
    let mut pending_blank = false;
    let mut printed_any = false;
    for node in nodes {
        match node {
            Node::Blank(_) => pending_blank = printed_any,
            Node::Comment(c) => {
                blank_line(out, &mut pending_blank);
                indent(out, depth);
                out.push_str(c.text.trim_end());
                out.push('\n');
                printed_any = true;
            }
            Node::Statement(s) => {
                blank_line(out, &mut pending_blank);
                print_statement(out, s, depth);
                printed_any = true;
            }
        }
    }
}

fn blank_line(out: &mut String, pending: &mut bool) {
    if *pending {
        out.push('\n');
        *pending = false;
    }
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str(INDENT);
    }
}

fn print_statement(out: &mut String, s: &Statement, depth: usize) {
    indent(out, depth);
    let line_start = out.rfind('\n').map_or(0, |i| i + 1);
    out.push_str(&s.keyword.text);
    // Lists wrap under their first value.
    let hang = depth * INDENT.len() + s.keyword.text.chars().count() + 1;
    let one_line = values_on_one_line(&s.values);
    let fits = one_line
        .as_ref()
        .is_some_and(|l| out.len() - line_start + 1 + l.chars().count() + block_tail(s) <= WIDTH);
    match one_line {
        Some(line) if fits || !has_comma(&s.values) => {
            if !line.is_empty() {
                out.push(' ');
                out.push_str(&line);
            }
        }
        _ => print_wrapped(out, &s.values, depth, hang, line_start),
    }
    match &s.block {
        Some(block) => print_block(out, block, s.comment.as_ref(), depth),
        None => end_line(out, s.comment.as_ref()),
    }
}

/// Room the `{` and a comment take after the values.
fn block_tail(s: &Statement) -> usize {
    let brace = if s.block.is_some() { 2 } else { 0 };
    let comment = s
        .block
        .as_ref()
        .and_then(|b| b.open_comment.as_ref())
        .or(if s.block.is_none() {
            s.comment.as_ref()
        } else {
            None
        })
        .map_or(0, |c| c.text.chars().count() + 1);
    brace + comment
}

fn has_comma(values: &[Value]) -> bool {
    values.iter().any(|v| matches!(v, Value::Comma(_)))
}

/// The values on one line, or None when something forces a break (a comment after a comma,
/// a `"""` text).
fn values_on_one_line(values: &[Value]) -> Option<String> {
    let mut line = String::new();
    for value in values {
        match value {
            Value::Comma(Comma {
                comment: Some(_), ..
            }) => return None,
            Value::Comma(_) => line.push(','),
            Value::Text(t) if t.multiline => return None,
            other => {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&value_text(other));
            }
        }
    }
    Some(line)
}

fn value_text(value: &Value) -> String {
    match value {
        Value::Word(w) => w.text.to_string(),
        Value::Text(t) => quote(&t.value),
        Value::Comma(_) => ",".into(),
    }
}

fn quote(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Values over several lines: `"""` texts in their own block, lists filled up to [`WIDTH`]
/// and broken after commas (always after one that carries a comment).
fn print_wrapped(
    out: &mut String,
    values: &[Value],
    depth: usize,
    hang: usize,
    mut line_start: usize,
) {
    let mut first = true;
    let mut after_break = false;
    let mut iter = values.iter().peekable();
    while let Some(value) = iter.next() {
        match value {
            Value::Comma(c) => {
                out.push(',');
                if let Some(comment) = &c.comment {
                    out.push(' ');
                    out.push_str(comment.text.trim_end());
                }
                let next_len = iter.peek().map_or(0, |v| value_text(v).chars().count() + 2);
                let breaks = c.comment.is_some() || out.len() - line_start + next_len > WIDTH;
                if breaks && iter.peek().is_some() {
                    out.push('\n');
                    line_start = out.len();
                    out.push_str(&" ".repeat(hang));
                    after_break = true;
                }
            }
            Value::Text(t) if t.multiline => {
                if !first && !after_break {
                    out.push(' ');
                }
                if first {
                    out.push(' ');
                }
                print_text_block(out, &t.value, depth + 1);
                line_start = out.rfind('\n').map_or(0, |i| i + 1);
                after_break = false;
            }
            other => {
                if !after_break {
                    out.push(' ');
                }
                out.push_str(&value_text(other));
                after_break = false;
            }
        }
        first = false;
    }
}

fn print_text_block(out: &mut String, text: &str, depth: usize) {
    out.push_str("\"\"\"\n");
    for line in text.split('\n') {
        if !line.is_empty() {
            indent(out, depth);
            out.push_str(line);
        }
        out.push('\n');
    }
    indent(out, depth);
    out.push_str("\"\"\"");
}

fn end_line(out: &mut String, comment: Option<&Comment>) {
    if let Some(c) = comment {
        out.push(' ');
        out.push_str(c.text.trim_end());
    }
    out.push('\n');
}

fn print_block(out: &mut String, block: &Block, close_comment: Option<&Comment>, depth: usize) {
    out.push_str(" {");
    end_line(out, block.open_comment.as_ref());
    let mut inner = String::new();
    print_nodes(&mut inner, &block.nodes, depth + 1);
    while inner.ends_with("\n\n") {
        inner.pop();
    }
    out.push_str(&inner);
    indent(out, depth);
    out.push('}');
    end_line(out, close_comment);
}
