//! Where the cursor is in the shape of a file: which block it is in, and whether it is
//! writing a statement's keyword or one of its values.

use crate::source::{SourceId, Span};
use crate::syntax::cst::{Node, Statement};
use crate::syntax::schema::{self, BlockKind};

/// What surrounds an offset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Context {
    /// The innermost block holding the offset.
    pub block: BlockKind,
    /// The statements around it, outermost first: `register customers {` … `purpose x {`.
    pub path: Vec<(BlockKind, Span)>,
    /// The keyword of the statement being written, once a value is being written after
    /// it; none while the keyword itself is.
    pub keyword: Option<String>,
    /// The word before the one being written (`after` in `retention 2 years after |`).
    pub previous: Option<String>,
    /// The part of a word already typed before the offset, which a completion replaces.
    pub typed: Span,
}

/// The context of `offset` in `text`.
pub fn at(source: SourceId, text: &str, offset: usize) -> Context {
    let offset = offset.min(text.len());
    let cst = crate::syntax::parse(source, text).value;
    let mut path = Vec::new();
    let block = innermost(&cst.nodes, BlockKind::Top, offset, &mut path);
    let line_start = text
        .get(..offset)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let before = text.get(line_start..offset).unwrap_or("");
    let typed_len = before
        .chars()
        .rev()
        .take_while(|c| !c.is_whitespace() && *c != ',' && *c != '{' && *c != '"')
        .map(char::len_utf8)
        .sum::<usize>();
    let typed = Span::new(source, offset - typed_len, offset);
    let written: Vec<&str> = before
        .get(..before.len() - typed_len)
        .unwrap_or("")
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let keyword = written
        .first()
        .filter(|w| !w.starts_with("//") && !w.starts_with('"') && **w != "}")
        .map(|w| w.to_string());
    Context {
        block,
        path,
        previous: written.last().map(|w| w.to_string()),
        keyword,
        typed,
    }
}

/// The innermost block holding `offset`, walking down from `nodes` in `block`.
fn innermost(
    nodes: &[Node],
    block: BlockKind,
    offset: usize,
    path: &mut Vec<(BlockKind, Span)>,
) -> BlockKind {
    for node in nodes {
        let Node::Statement(s) = node else { continue };
        let Some(body) = &s.block else { continue };
        let inside = body.span.range().start < offset && offset < body.span.range().end;
        if !inside {
            continue;
        }
        let Some(child) = schema::block_of(block, &s.keyword.text) else {
            // A text in languages, or a block the schema does not know: the statement's
            // own block is as near as the cursor can be placed.
            return block;
        };
        path.push((child, s.span));
        return innermost(&body.nodes, child, offset, path);
    }
    block
}

/// The statement holding `span` most closely whose block may hold `keyword`, with the
/// block it opens: where a missing statement or an `allow` goes.
pub fn block_for<'c>(
    nodes: &'c [Node],
    block: BlockKind,
    span: Span,
    keyword: &str,
) -> Option<(&'c Statement, BlockKind)> {
    for node in nodes {
        let Node::Statement(s) = node else { continue };
        if !(s.span.start <= span.start && span.end <= s.span.end && s.span.source == span.source) {
            continue;
        }
        let body = s.block.as_ref()?;
        let child = schema::block_of(block, &s.keyword.text)?;
        let deeper = block_for(&body.nodes, child, span, keyword);
        if deeper.is_some() {
            return deeper;
        }
        return schema::entry(child, keyword).map(|_| (s, child));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::ast::FactKind;

    fn context(text_with_cursor: &str) -> Context {
        let offset = text_with_cursor.find('|').unwrap();
        let text = text_with_cursor.replacen('|', "", 1);
        at(SourceId(9), &text, offset)
    }

    #[test]
    fn a_keyword_being_written_has_no_keyword_yet() {
        let c = context("register r {\n  purpose p {\n    ba|\n  }\n}\n");
        assert_eq!(c.block, BlockKind::Purpose);
        assert_eq!(c.keyword, None);
        assert_eq!(c.typed.len(), 2);
        assert_eq!(c.path.len(), 2);
    }

    #[test]
    fn a_value_after_a_keyword_names_the_keyword() {
        let c = context("register r {\n  basis |\n}\n");
        assert_eq!(c.block, BlockKind::Register);
        assert_eq!(c.keyword.as_deref(), Some("basis"));
        assert!(c.typed.is_empty());
        let c = context("register r {\n  data name, em|\n}\n");
        assert_eq!(c.keyword.as_deref(), Some("data"));
        assert_eq!(c.typed.len(), 2);
        let c = context("register r {\n  retention 2 years after |\n}\n");
        assert_eq!(c.previous.as_deref(), Some("after"));
    }

    #[test]
    fn the_top_level_and_fact_blocks_are_told_apart() {
        assert_eq!(context("|").block, BlockKind::Top);
        assert_eq!(context("reg|").keyword, None);
        let c = context("law my-law {\n  co|\n}\n");
        assert_eq!(c.block, BlockKind::Fact(FactKind::Law));
    }

    #[test]
    fn a_cursor_on_a_blocks_opening_line_is_outside_it() {
        let c = context("register r| {\n}\n");
        assert_eq!(c.block, BlockKind::Top);
        assert_eq!(c.keyword.as_deref(), Some("register"));
    }
}
