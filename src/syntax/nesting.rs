//! How deep the grammar's blocks nest in a text, found before pest reads it: pest's rules
//! recurse once per block, so a text nesting thousands deep would overflow the stack.
//!
//! This follows `grammar/regc.pest` token by token, error rules included, and counts only
//! the `{` that open a `block`: not those in texts, comments, words (`a//b {` is one word
//! and a block), `inline_block`s or the rest of a line an error swallows. A rough scan that
//! skipped "comments" and "texts" by their look alone let `k//x {` and `"""` tricks through
//! to a stack overflow; the tests compare this with pest's own tree on every corpus file and
//! on generated texts.
//!
//! It makes no tree and allocates nothing. Positions are byte offsets into the text.

use super::bytes::Bytes;

/// The offset of the first `{` that opens a block more than `limit` deep, if any.
pub fn too_deep_at(text: &str, limit: usize) -> Option<usize> {
    read(text, limit).too_deep
}

/// The deepest block nesting of `text` (0 with no block), for the tests.
#[cfg(test)]
pub fn deepest(text: &str) -> usize {
    read(text, usize::MAX).deepest
}

/// Reads `text` a top-level line at a time, up to the first block past `limit`.
fn read(text: &str, limit: usize) -> Nesting<'_> {
    let mut n = Nesting {
        text,
        limit,
        deepest: 0,
        too_deep: None,
    };
    let mut pos = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
    while pos < text.len() && n.too_deep.is_none() {
        pos = n.top_line(pos);
    }
    n
}

struct Nesting<'t> {
    text: &'t str,
    limit: usize,
    deepest: usize,
    too_deep: Option<usize>,
}

impl Bytes for Nesting<'_> {
    fn text(&self) -> &str {
        self.text
    }
}

impl Nesting<'_> {
    fn at_end(&self, pos: usize) -> bool {
        pos >= self.bytes().len()
    }

    /// Past the line break at `pos`, if there is one.
    fn past_break(&self, pos: usize) -> usize {
        pos + self.nl(pos).unwrap_or(0)
    }

    /// `(!nl ~ ANY)* ~ end`: the rest of the line and its break.
    fn rest_of_line(&self, pos: usize) -> usize {
        self.past_break(self.line_end(pos))
    }

    /// `top_line`: a blank or comment line, a stray `}`, or a statement.
    fn top_line(&mut self, pos: usize) -> usize {
        let start = self.hs(pos);
        if self.at_end(start) {
            return start.max(pos + 1);
        }
        if let Some(n) = self.nl(start) {
            return start + n;
        }
        if self.starts(start, b"//") || self.at(start) == Some(b'}') {
            return self.rest_of_line(start);
        }
        self.statement(start, 0)
    }

    /// `statement` from its first character (after its spaces); the position after it.
    fn statement(&mut self, start: usize, depth: usize) -> usize {
        if self.at(start) == Some(b'{') {
            return self.brace(start, depth);
        }
        let mut pos = self.keyword(start);
        loop {
            let next = self.hs(pos);
            if self.at_end(next)
                || self.nl(next).is_some()
                || self.at(next) == Some(b'{')
                || self.starts(next, b"//")
            {
                pos = next;
                break;
            }
            pos = self.value(next);
        }
        if self.at(pos) == Some(b'{') {
            return self.brace(pos, depth);
        }
        // A comment, then the line's end; or the line's end.
        self.rest_of_line(pos)
    }

    /// `keyword`: a word, or a text (`""` of a `"""` is one), an unclosed text, a comma,
    /// or junk. Something is always taken: the caller is at none of `{`, a line break,
    /// `//` or the end.
    fn keyword(&mut self, start: usize) -> usize {
        match self.at(start) {
            Some(b'"') => self
                .text(start)
                .unwrap_or_else(|| self.rest_of_line_unbroken(start)),
            Some(b',') => self.comma(start),
            _ => self.word_end(start).unwrap_or_else(|| self.junk(start)),
        }
    }

    /// `value`, at a character that is none of a line break, `{`, `//` or the end.
    fn value(&mut self, start: usize) -> usize {
        match self.at(start) {
            Some(b'"') if self.starts(start, b"\"\"\"") => self.triple_quoted(start),
            Some(b'"') => self
                .text(start)
                .unwrap_or_else(|| self.rest_of_line_unbroken(start)),
            Some(b',') => self.comma(start),
            _ => self.word_end(start).unwrap_or_else(|| self.junk(start)),
        }
    }

    /// `bad_text`'s `(!nl ~ ANY)*`: to the line's end, not past its break.
    fn rest_of_line_unbroken(&self, pos: usize) -> usize {
        self.line_end(pos)
    }

    /// `junk`: up to a space, tab, line break, `,`, `"`, `{` or `//`.
    fn junk(&self, start: usize) -> usize {
        let mut pos = start;
        while let Some(c) = self.char_at(pos) {
            let stops = matches!(c, ' ' | '\t' | '\n' | ',' | '"' | '{')
                || self.nl(pos).is_some()
                || self.starts(pos, b"//");
            if stops && pos > start {
                break;
            }
            pos += c.len_utf8();
        }
        pos
    }

    /// `text`: `"` to the next `"` not escaped, on the line; None if it never closes.
    fn text(&self, start: usize) -> Option<usize> {
        self.closing_quote(start).map(|close| close + 1)
    }

    /// A value starting `"""`: `text_block` if a line closes it, else `bad_text` (the
    /// line, or the rest of the text when nothing but spaces follows the quotes).
    fn triple_quoted(&self, start: usize) -> usize {
        if let Some(block) = self.text_block_at(start) {
            return block.end;
        }
        let open_end = self.line_end(start + 3);
        let spaces_only = self.hs(start + 3) == open_end && self.nl(open_end).is_some();
        if spaces_only {
            self.bytes().len()
        } else {
            open_end
        }
    }

    /// `comma`, with the line break, comment and blank lines that may follow it.
    fn comma(&self, start: usize) -> usize {
        let mut pos = self.hs(start + 1);
        if self.starts(pos, b"//") {
            pos = self.line_end(pos);
        }
        self.nl(pos)
            .and_then(|n| self.list_goes_on(pos + n))
            .unwrap_or(start + 1)
    }

    /// `inline_block | block` at a `{`.
    fn brace(&mut self, open: usize, depth: usize) -> usize {
        if let Some(end) = self.inline_block(open) {
            return end;
        }
        self.block(open, depth + 1)
    }

    /// `inline_block`: `{ … }` on one line; its end, if the line is one.
    fn inline_block(&self, open: usize) -> Option<usize> {
        let after = self.hs(open + 1);
        if self.starts(after, b"//") {
            return None;
        }
        let line_end = self.line_end(open + 1);
        let line = self.bytes().get(open + 1..line_end)?;
        let close = open + 1 + memchr::memchr(b'}', line)?;
        let mut pos = self.hs(close + 1);
        if self.starts(pos, b"//") {
            pos = self.line_end(pos);
        }
        if self.at_end(pos) {
            return Some(pos);
        }
        self.nl(pos).map(|n| pos + n)
    }

    /// `block`, `depth` deep: its lines, then its `}` line or the end of the text.
    fn block(&mut self, open: usize, depth: usize) -> usize {
        self.deepest = self.deepest.max(depth);
        if depth > self.limit {
            self.too_deep.get_or_insert(open);
            return self.bytes().len();
        }
        // `{`, then a comment or junk: the rest of the line either way.
        let mut pos = self.rest_of_line(open + 1);
        loop {
            let start = self.hs(pos);
            if self.at_end(start) {
                return start;
            }
            if let Some(n) = self.nl(start) {
                pos = start + n;
                continue;
            }
            if self.at(start) == Some(b'}') || self.starts(start, b"//") {
                let end = self.rest_of_line(start);
                if self.at(start) == Some(b'}') {
                    return end;
                }
                pos = end;
                continue;
            }
            pos = self.statement(start, depth);
            if self.too_deep.is_some() {
                return self.bytes().len();
            }
        }
    }
}
