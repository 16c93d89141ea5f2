//! Code actions: the mechanical fixes a diagnostic offers ("did you mean"), the skeleton
//! of a statement a finding says is missing, and an `allow` with its reason to fill in.

use super::context;
use super::{Analysis, Edit};
use crate::diagnostic::Diagnostic;
use crate::source::{SourceId, Span};
use crate::syntax::cst::{Node, Statement, Value};
use crate::syntax::schema::{self, BlockKind};

#[derive(Clone, Debug)]
pub struct Action {
    pub title: String,
    pub edits: Vec<Edit>,
    /// The diagnostic it answers.
    pub diagnostic: Diagnostic,
    /// The fix to apply when the editor applies "the" fix: a "did you mean".
    pub preferred: bool,
}

/// The statement each "missing" finding asks for, by rule code: the action adds it to
/// the block the finding is in (or the nearest around it that may hold it).
pub const MISSING: &[(&str, &str)] = &[
    ("C001", "controller"),
    ("D001", "data"),
    ("D002", "sources"),
    ("D003", "subjects"),
    ("K001", "retention"),
    ("P002", "basis"),
    ("P003", "interest"),
    ("P007", "requirement"),
    ("R001", "recipients"),
    ("S001", "security"),
    ("T001", "transfers"),
    ("T002", "mechanism"),
    ("T004", "copy"),
];

/// The actions for the diagnostics of `source` that touch `start..end`.
pub fn actions(analysis: &Analysis, source: SourceId, start: usize, end: usize) -> Vec<Action> {
    let text = analysis.text(source);
    let cst = crate::syntax::parse(source, text).value;
    let mut out = Vec::new();
    for d in analysis.diagnostics(source) {
        let span = d.primary.span;
        // `allow` silences the rules' findings, not syntax or name errors.
        let finding = analysis
            .compiled
            .findings
            .iter()
            .any(|f| std::ptr::eq(f, d));
        if span.range().end < start || end < span.range().start {
            continue;
        }
        for fix in &d.fixes {
            out.push(Action {
                title: fix.title.clone(),
                edits: fix
                    .edits
                    .iter()
                    .map(|e| Edit {
                        span: e.span,
                        text: e.text.clone(),
                    })
                    .collect(),
                diagnostic: d.clone(),
                preferred: true,
            });
        }
        let code = d.code.as_str();
        if let Some((_, keyword)) = MISSING.iter().find(|(c, _)| *c == code)
            && let Some((statement, block)) =
                context::block_for(&cst.nodes, BlockKind::Top, span, keyword)
            && let Some(edit) = insert_last(
                text,
                statement,
                &skeleton(block, keyword, &language_of(&cst.nodes, span)),
            )
        {
            out.push(Action {
                title: format!("add `{keyword}` to {}", block.describe()),
                edits: vec![edit],
                diagnostic: d.clone(),
                preferred: false,
            });
        }
        if finding
            && let Some((statement, block)) =
                context::block_for(&cst.nodes, BlockKind::Top, span, "allow")
            && let Some(edit) = insert_last(text, statement, &format!("allow {code} because \"…\""))
        {
            out.push(Action {
                title: format!("allow {code} in this {}, with a reason", keyword_of(block)),
                edits: vec![edit],
                diagnostic: d.clone(),
                preferred: false,
            });
        }
    }
    out
}

/// What to insert for a missing statement: a text in the register's language with `TODO`
/// for its words (a placeholder L003 reports until it is written); for any other, the
/// keyword alone, so that the value is chosen, not taken from an example (`recipients
/// none` would be a claim).
fn skeleton(block: BlockKind, keyword: &str, language: &str) -> String {
    match schema::entry(block, keyword) {
        Some(entry) if entry.text => format!("{keyword} {language} \"TODO\""),
        _ => format!("{keyword} "),
    }
}

/// The first language of the register holding `span` (`languages fi, sv`), else English.
fn language_of(nodes: &[Node], span: Span) -> String {
    let register = nodes.iter().find_map(|node| match node {
        Node::Statement(s)
            if s.span.source == span.source
                && s.span.start <= span.start
                && span.end <= s.span.end =>
        {
            Some(s)
        }
        _ => None,
    });
    let languages = register.and_then(|r| r.block.as_ref()).and_then(|body| {
        body.nodes.iter().find_map(|node| match node {
            Node::Statement(s) if s.keyword.text == "languages" => {
                s.values.iter().find_map(|v| match v {
                    Value::Word(w) => Some(w.text.to_string()),
                    _ => None,
                })
            }
            _ => None,
        })
    });
    languages.unwrap_or_else(|| "en".to_string())
}

fn keyword_of(block: BlockKind) -> &'static str {
    block
        .describe()
        .trim_start_matches("a ")
        .trim_start_matches("an ")
        .trim_matches('`')
}

/// An edit adding `line` as the last statement of `statement`'s block: indented as the
/// block's statements are (or one level deeper than its `}`), ended as the file's lines
/// are; none when the `}` does not stand on a line of its own.
fn insert_last(text: &str, statement: &Statement, line: &str) -> Option<Edit> {
    let body = statement.block.as_ref()?;
    // The block's span runs to the end of its `}` line, a comment after it included.
    let written = text.get(body.span.range())?.trim_end();
    let end = body.span.range().start + written.len();
    let line_start = text.get(..end)?.rfind('\n').map_or(0, |i| i + 1);
    let close_line = text.get(line_start..end)?;
    let indent_len = close_line.len() - close_line.trim_start_matches([' ', '\t']).len();
    if !close_line.get(indent_len..)?.starts_with('}') || line_start <= body.span.range().start {
        return None;
    }
    let indent = close_line.get(..indent_len)?;
    let inner = body.nodes.iter().find_map(|node| match node {
        Node::Statement(s) => {
            let start = s.span.range().start;
            let from = text.get(..start)?.rfind('\n').map_or(0, |i| i + 1);
            text.get(from..start)
        }
        _ => None,
    });
    let inner = inner.map_or_else(
        || {
            format!(
                "{indent}{}",
                if indent.contains('\t') { "\t" } else { "  " }
            )
        },
        str::to_string,
    );
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    Some(Edit {
        span: Span::new(statement.span.source, line_start, line_start),
        text: format!("{inner}{line}{newline}"),
    })
}
