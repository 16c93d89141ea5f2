//! Code actions: the mechanical fixes a diagnostic offers ("did you mean"), the skeleton
//! of a statement a finding says is missing, and an `allow` with its reason to fill in.

use super::context;
use super::{Analysis, Edit};
use crate::diagnostic::Diagnostic;
use crate::source::{SourceId, Span};
use crate::syntax::cst::Statement;
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
            && let Some(edit) = insert_last(text, statement, &skeleton(block, keyword))
        {
            out.push(Action {
                title: format!("add `{keyword}` to {}", block.describe()),
                edits: vec![edit],
                diagnostic: d.clone(),
                preferred: false,
            });
        }
        if d.code.rule().is_some()
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

/// What to insert for a missing statement: a text statement's example (its `"..."` a
/// placeholder L003 reports until it is written); for any other, the keyword alone, so that
/// the value is chosen, not taken from an example (`recipients none` would be a claim).
fn skeleton(block: BlockKind, keyword: &str) -> String {
    match schema::entry(block, keyword) {
        Some(entry) if entry.text => entry.example.to_string(),
        _ => format!("{keyword} "),
    }
}

fn keyword_of(block: BlockKind) -> &'static str {
    block
        .describe()
        .trim_start_matches("a ")
        .trim_start_matches("an ")
        .trim_matches('`')
}

/// An edit adding `line` as the last statement of `statement`'s block, indented one
/// level deeper than its closing `}`; none when the `}` does not stand on its own line.
fn insert_last(text: &str, statement: &Statement, line: &str) -> Option<Edit> {
    let body = statement.block.as_ref()?;
    // The block's span runs to the end of its `}` line.
    let written = text.get(body.span.range())?.trim_end();
    let close = (body.span.range().start + written.len()).checked_sub(1)?;
    if text.get(close..=close) != Some("}") {
        return None;
    }
    let line_start = text.get(..close)?.rfind('\n').map_or(0, |i| i + 1);
    let indent = text.get(line_start..close)?;
    if !indent.chars().all(|c| c == ' ' || c == '\t') {
        return None;
    }
    Some(Edit {
        span: Span::new(statement.span.source, line_start, line_start),
        text: format!("{indent}  {line}\n"),
    })
}
