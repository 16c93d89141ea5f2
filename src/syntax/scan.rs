//! The fast reader: one top-level line of clean text → CST nodes, byte by byte.
//!
//! pest and `grammar/regc.pest` stay the definition of the language and the reader of
//! every line with a mistake in it: all syntax diagnostics come from there. This reader
//! follows the same grammar for the lines that have none, which are nearly all lines of a
//! real file, at a small fraction of pest's cost per character (see `docs/performance.md`).
//! Wherever a rule of the grammar would make an error node (`junk`, `bad_text`,
//! `inline_block`, `stray_close`, `open_junk`, `close_junk`, `unclosed`, a bad escape, text
//! after an opening `"""`, a keyword that is not a word) it gives up on the whole line,
//! and `parser.rs` reads that line with pest instead.
//!
//! Architecture Invariant: for every line it accepts, it returns exactly the nodes and
//! length pest's reading gives. `parser.rs`'s tests and [`crate::fuzz::run`] compare the
//! two readings on every input they see.
//!
//! Each function below is named after the grammar rule it follows; positions are byte
//! offsets into the text after the line's start, as pest sees it.

use super::bytes::Bytes;
use super::cst::{Block, Comma, Comment, Node, Statement, Text, Value, Word};
use super::literal::{dedent, unescape};
use super::parser::MAX_DEPTH;
use crate::source::{SourceId, Span};

/// The nodes of the top-level line starting `rest` and its length in bytes, or None if
/// the line (a statement with its whole block) holds anything pest reports.
pub(super) fn top_line(source: SourceId, offset: usize, rest: &str) -> Option<(Vec<Node>, usize)> {
    let scan = Scan {
        text: rest,
        source,
        offset,
    };
    let mut nodes = Vec::with_capacity(1);
    let end = scan.line(0, 0, &mut nodes)?;
    (end > 0).then_some((nodes, end))
}

struct Scan<'t> {
    text: &'t str,
    source: SourceId,
    offset: usize,
}

impl Bytes for Scan<'_> {
    fn text(&self) -> &str {
        self.text
    }
}

impl Scan<'_> {
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.source, self.offset + start, self.offset + end)
    }

    /// `(nl | &EOI)`: past the line break, or at the end of the text; None elsewhere.
    fn end_of_line(&self, pos: usize) -> Option<usize> {
        if pos == self.bytes().len() {
            return Some(pos);
        }
        self.nl(pos).map(|n| pos + n)
    }

    /// `top_line` and `block_line` (the caller has ruled out a block's `}`): a blank line,
    /// a comment line or a statement, pushed onto `nodes`; the position after it.
    fn line(&self, pos: usize, depth: usize, nodes: &mut Vec<Node>) -> Option<usize> {
        let start = self.hs(pos);
        if start == self.bytes().len() {
            // `hs ~ &EOI` is a blank line at the top; in a block the block is unclosed.
            if start > pos && depth == 0 {
                nodes.push(Node::Blank(self.span(pos, start)));
                return Some(start);
            }
            return None;
        }
        if let Some(n) = self.nl(start) {
            nodes.push(Node::Blank(self.span(pos, start + n)));
            return Some(start + n);
        }
        if self.starts(start, b"//") {
            let end = self.line_end(start);
            nodes.push(Node::Comment(self.comment(start, end)));
            return self.end_of_line(end);
        }
        if self.at(start) == Some(b'}') {
            return None;
        }
        let (statement, end) = self.statement(pos, start, depth)?;
        nodes.push(Node::Statement(statement));
        Some(end)
    }

    /// `comment`, from its `//` to the end of its line.
    fn comment(&self, start: usize, end: usize) -> Comment {
        Comment {
            text: self
                .text
                .get(start..end)
                .unwrap_or("")
                .trim_end()
                .to_string(),
            span: self.span(start, end),
        }
    }

    /// `statement` starting at `line` (its leading spaces end at `start`).
    fn statement(&self, line: usize, start: usize, depth: usize) -> Option<(Statement, usize)> {
        let (keyword, mut pos) = self.word(start)?;
        let mut values = Vec::new();
        loop {
            let next = self.hs(pos);
            match self.at(next) {
                None | Some(b'\n' | b'{') => break,
                Some(b'\r') if self.at(next + 1) == Some(b'\n') => break,
                Some(b'/') if self.at(next + 1) == Some(b'/') => break,
                Some(b'"') => {
                    let (text, end) = self.text_value(next)?;
                    values.push(Value::Text(text));
                    pos = end;
                }
                Some(b',') => {
                    let (comma, end) = self.comma(next);
                    values.push(Value::Comma(comma));
                    pos = end;
                }
                Some(_) => {
                    let (word, end) = self.word(next)?;
                    values.push(Value::Word(word));
                    pos = end;
                }
            }
        }
        pos = self.hs(pos);
        let (block, comment, end) = if self.at(pos) == Some(b'{') {
            let (block, comment, end) = self.block(pos, depth + 1)?;
            (Some(block), comment, end)
        } else if self.starts(pos, b"//") {
            let comment_end = self.line_end(pos);
            let comment = self.comment(pos, comment_end);
            (None, Some(comment), self.end_of_line(comment_end)?)
        } else {
            (None, None, self.end_of_line(pos)?)
        };
        let statement = Statement {
            keyword,
            values,
            block,
            comment,
            broken: false,
            span: self.statement_span(line, end),
        };
        Some((statement, end))
    }

    /// As `parser.rs` takes it from pest's pair: the statement's own text, without the
    /// spaces before it and the line breaks and spaces after it.
    fn statement_span(&self, line: usize, end: usize) -> Span {
        let text = self.text.get(line..end).unwrap_or("");
        let lead = text.len() - text.trim_start_matches([' ', '\t']).len();
        let body = text.trim_end();
        self.span(line + lead, line + body.len().max(lead))
    }

    /// `word`: a letter, digit or `_`, then any of those and `-._:+/@` and marks.
    fn word(&self, start: usize) -> Option<(Word, usize)> {
        let end = self.word_end(start)?;
        let word = Word {
            text: self.text.get(start..end)?.into(),
            span: self.span(start, end),
        };
        Some((word, end))
    }

    /// `&"\"" ~ (text_block | bad_text | text)`, for the first and last only.
    fn text_value(&self, start: usize) -> Option<(Text, usize)> {
        if self.starts(start, b"\"\"\"") {
            self.text_block(start)
        } else {
            self.text(start)
        }
    }

    /// `text`: `"` up to the next `"` not escaped, on the same line.
    fn text(&self, start: usize) -> Option<(Text, usize)> {
        let close = self.closing_quote(start)?;
        let value = unescape(self.text.get(start + 1..close)?).ok()?;
        let text = Text {
            value,
            multiline: false,
            span: self.span(start, close + 1),
        };
        Some((text, close + 1))
    }

    /// `text_block`: `"""` at the end of a line, lines, and `"""` after spaces alone.
    fn text_block(&self, start: usize) -> Option<(Text, usize)> {
        let block = self.text_block_at(start)?;
        // `tb_open_junk` of spaces alone is allowed; anything else is an error.
        if !self.text.get(start + 3..block.open_end)?.trim().is_empty() {
            return None;
        }
        let text = Text {
            value: dedent(self.text.get(block.lines)?),
            multiline: true,
            span: self.span(start, block.end),
        };
        Some((text, block.end))
    }

    /// `comma`, with the line break, comment and blank lines that may follow it when the
    /// list goes on on the next line (and not when a `}` comes next).
    fn comma(&self, start: usize) -> (Comma, usize) {
        let continued = self.comma_continues(start + 1);
        let (comment, end, line_break) = match continued {
            Some((comment, end)) => (comment, end, true),
            None => (None, start + 1, false),
        };
        let comma = Comma {
            comment,
            line_break,
            span: self.span(start, start + 1),
        };
        (comma, end)
    }

    /// `(hs? ~ comment? ~ nl ~ (hs? ~ nl)* ~ !(hs? ~ "}") ~ hs?)`, from after the `,`.
    fn comma_continues(&self, from: usize) -> Option<(Option<Comment>, usize)> {
        let mut pos = self.hs(from);
        let mut comment = None;
        if self.starts(pos, b"//") {
            let end = self.line_end(pos);
            comment = Some(self.comment(pos, end));
            pos = end;
        }
        let next = self.list_goes_on(pos + self.nl(pos)?)?;
        Some((comment, next))
    }

    /// `block` from its `{`: the block, the comment after its `}`, the position after it.
    fn block(&self, open: usize, depth: usize) -> Option<(Block, Option<Comment>, usize)> {
        if depth > MAX_DEPTH {
            return None;
        }
        // After `{` only spaces and a comment may stand (else `inline_block` or `open_junk`).
        let after = self.hs(open + 1);
        let mut open_comment = None;
        let mut pos = after;
        if self.starts(after, b"//") {
            pos = self.line_end(after);
            open_comment = Some(self.comment(after, pos));
        }
        pos = self.end_of_line(pos)?;
        // Room for the statements of most blocks, so that a block's list is not grown
        // three times on the way (the tree is dropped once lowered).
        let mut nodes = Vec::with_capacity(8);
        loop {
            let start = self.hs(pos);
            if self.at(start) == Some(b'}') {
                let (close_comment, end) = self.close(start + 1)?;
                let block = Block {
                    open_comment,
                    nodes,
                    span: self.span(open, end),
                };
                return Some((block, close_comment, end));
            }
            pos = self.line(pos, depth, &mut nodes)?;
        }
    }

    /// `close` after its `}`: spaces, a comment, the line's end.
    fn close(&self, from: usize) -> Option<(Option<Comment>, usize)> {
        let pos = self.hs(from);
        if self.starts(pos, b"//") {
            let end = self.line_end(pos);
            return Some((Some(self.comment(pos, end)), self.end_of_line(end)?));
        }
        Some((None, self.end_of_line(pos)?))
    }
}
