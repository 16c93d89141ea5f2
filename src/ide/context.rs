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
    /// it (on its line, or on a line a list continues onto after a comma); none while the
    /// keyword itself is.
    pub keyword: Option<String>,
    /// The word before the one being written (`after` in `retention 2 years after |`).
    pub previous: Option<String>,
    /// The part of a word already typed before the offset.
    pub typed: Span,
    /// The whole word the offset is in, which a completion replaces.
    pub word: Span,
    /// In a comment, a text, or a text's block of languages: nothing to complete.
    pub quiet: bool,
}

/// Where a word ends: at a space, a comma, a brace or a quote.
fn word_char(c: char) -> bool {
    !c.is_whitespace() && c != ',' && c != '{' && c != '}' && c != '"'
}

/// The context of `offset` in `text`.
pub fn at(source: SourceId, text: &str, offset: usize) -> Context {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let cst = crate::syntax::parse(source, text).value;
    let mut path = Vec::new();
    let mut in_text_block = false;
    let block = innermost(
        &cst.nodes,
        BlockKind::Top,
        text,
        offset,
        &mut path,
        &mut in_text_block,
    );
    let line_start = text
        .get(..offset)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let before = text.get(line_start..offset).unwrap_or("");
    let typed_len: usize = before
        .chars()
        .rev()
        .take_while(|c| word_char(*c))
        .map(char::len_utf8)
        .sum();
    let rest_len: usize = text
        .get(offset..)
        .unwrap_or("")
        .chars()
        .take_while(|c| word_char(*c))
        .map(char::len_utf8)
        .sum();
    let typed = Span::new(source, offset - typed_len, offset);
    let word = Span::new(source, offset - typed_len, offset + rest_len);
    let mut written: Vec<&str> = words(before.get(..before.len() - typed_len).unwrap_or(""));
    // A list goes on after a comma at the end of a line: the statement began above.
    if written.is_empty() {
        written = continued_statement(text, line_start);
    }
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
        word,
        quiet: in_text_block || in_comment_or_text(&cst.nodes, before, offset),
    }
}

fn words(line: &str) -> Vec<&str> {
    line.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect()
}

/// The words of the statement a list continues from, when the lines above `line_start`
/// end with commas: from its first line to the last comma.
fn continued_statement(text: &str, line_start: usize) -> Vec<&str> {
    let mut lines: Vec<&str> = Vec::new();
    let mut end = line_start;
    while end > 0 {
        let above_start = text
            .get(..end - 1)
            .and_then(|t| t.rfind('\n'))
            .map_or(0, |i| i + 1);
        let above = text.get(above_start..end - 1).unwrap_or("");
        let code = above.split("//").next().unwrap_or("").trim_end();
        let continues = code.ends_with(',');
        // The first line of the list is the one above which no comma continues.
        if lines.is_empty() && !continues {
            return Vec::new();
        }
        if !lines.is_empty() && !continues {
            break;
        }
        lines.push(code);
        end = above_start;
    }
    lines.reverse();
    lines.iter().flat_map(|l| words(l)).collect()
}

/// Whether the offset is in a comment or a text: on its line after `//` or inside
/// quotes, or inside a `"""` text spanning lines.
fn in_comment_or_text(nodes: &[Node], before: &str, offset: usize) -> bool {
    let mut quoted = false;
    let mut chars = before.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // An escape inside a text: the next character is the text's, whatever it is.
            '\\' if quoted => {
                chars.next();
            }
            '"' => quoted = !quoted,
            '/' if !quoted && chars.peek() == Some(&'/') => return true,
            _ => {}
        }
    }
    quoted || inside_multiline_text(nodes, offset)
}

fn inside_multiline_text(nodes: &[Node], offset: usize) -> bool {
    nodes.iter().any(|node| match node {
        Node::Statement(s) => {
            s.values.iter().any(|v| match v {
                crate::syntax::cst::Value::Text(t) => {
                    t.multiline && t.span.range().start < offset && offset < t.span.range().end
                }
                _ => false,
            }) || s
                .block
                .as_ref()
                .is_some_and(|b| inside_multiline_text(&b.nodes, offset))
        }
        _ => false,
    })
}

/// The innermost block holding `offset`, walking down from `nodes` in `block`. A block
/// the file ends in without its `}` holds the end of the file.
fn innermost(
    nodes: &[Node],
    block: BlockKind,
    text: &str,
    offset: usize,
    path: &mut Vec<(BlockKind, Span)>,
    in_text_block: &mut bool,
) -> BlockKind {
    for node in nodes {
        let Node::Statement(s) = node else { continue };
        let Some(body) = &s.block else { continue };
        let range = body.span.range();
        let closed = text
            .get(range.clone())
            .is_some_and(|t| t.trim_end().ends_with('}'))
            || text.get(range.clone()).is_some_and(|t| {
                t.lines()
                    .last()
                    .is_some_and(|l| l.trim_start().starts_with('}'))
            });
        let inside =
            range.start < offset && (offset < range.end || (offset == range.end && !closed));
        if !inside {
            continue;
        }
        let Some(child) = schema::block_of(block, &s.keyword.text) else {
            // A text in languages (`title {`), or a block the schema does not know.
            *in_text_block = schema::entry(block, &s.keyword.text).is_some_and(|e| e.text);
            return block;
        };
        path.push((child, s.span));
        return innermost(&body.nodes, child, text, offset, path, in_text_block);
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
    fn an_unclosed_block_at_the_end_of_the_file_holds_the_cursor() {
        let c = context("register r {\n  purpose p {\n    basis |");
        assert_eq!(c.block, BlockKind::Purpose);
        assert_eq!(c.keyword.as_deref(), Some("basis"));
    }

    #[test]
    fn a_list_continued_after_a_comma_keeps_its_keyword() {
        let c = context("register r {\n  data name, // first\n    email,\n    ph|\n}\n");
        assert_eq!(c.keyword.as_deref(), Some("data"));
        let c = context("register r {\n  data name\n  |\n}\n");
        assert_eq!(c.keyword, None, "no comma: a new statement");
    }

    #[test]
    fn comments_texts_and_text_blocks_are_quiet() {
        assert!(context("register r {\n  // basis |\n}\n").quiet);
        assert!(context("register r {\n  title en \"a |\"\n}\n").quiet);
        assert!(
            context(
                "register r {\n  section s {\n    text en \"\"\"\n      a |\n      \"\"\"\n  }\n}\n"
            )
            .quiet
        );
        assert!(context("register r {\n  title {\n    |\n  }\n}\n").quiet);
        assert!(!context("register r {\n  title en \"a\" // x\n  |\n}\n").quiet);
    }

    #[test]
    fn the_word_replaced_runs_past_the_cursor() {
        let text = "register r {\n  basis con|trat\n}\n";
        let c = context(text);
        assert_eq!(c.typed.len(), 3);
        assert_eq!(c.word.len(), 7, "`contrat`, all of it");
    }

    #[test]
    fn a_cursor_on_a_blocks_opening_line_is_outside_it() {
        let c = context("register r| {\n}\n");
        assert_eq!(c.block, BlockKind::Top);
        assert_eq!(c.keyword.as_deref(), Some("register"));
    }
}
