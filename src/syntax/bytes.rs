//! The grammar's smallest pieces read over a text's bytes: shared by the fast reader
//! (`scan.rs`) and the nesting check (`nesting.rs`), which both follow `grammar/regc.pest`.

/// A text read byte by byte; positions are byte offsets into it.
pub(super) trait Bytes {
    fn text(&self) -> &str;

    fn bytes(&self) -> &[u8] {
        self.text().as_bytes()
    }

    fn char_at(&self, pos: usize) -> Option<char> {
        self.text().get(pos..)?.chars().next()
    }

    fn at(&self, pos: usize) -> Option<u8> {
        self.bytes().get(pos).copied()
    }

    /// `hs?`: past any spaces and tabs.
    fn hs(&self, mut pos: usize) -> usize {
        while matches!(self.at(pos), Some(b' ' | b'\t')) {
            pos += 1;
        }
        pos
    }

    /// `nl`: the length of the line break at `pos`, if one is there (a lone `\r` is none).
    fn nl(&self, pos: usize) -> Option<usize> {
        match (self.at(pos), self.at(pos + 1)) {
            (Some(b'\n'), _) => Some(1),
            (Some(b'\r'), Some(b'\n')) => Some(2),
            _ => None,
        }
    }

    fn starts(&self, pos: usize, what: &[u8]) -> bool {
        self.bytes().get(pos..pos + what.len()) == Some(what)
    }

    /// Where the line at `pos` ends, before its break (`(!nl ~ ANY)*`).
    fn line_end(&self, pos: usize) -> usize {
        let bytes = self.bytes();
        let rest = bytes.get(pos..).unwrap_or(&[]);
        match memchr::memchr(b'\n', rest) {
            Some(i) if i > 0 && rest.get(i - 1) == Some(&b'\r') => pos + i - 1,
            Some(i) => pos + i,
            None => bytes.len(),
        }
    }

    /// `(hs? ~ nl)* ~ !(hs? ~ "}") ~ hs?` from `pos`, the start of a line after a comma
    /// that ends one: past blank lines to the next line's first character, unless that
    /// line closes a block (then the list does not go on).
    fn list_goes_on(&self, mut pos: usize) -> Option<usize> {
        loop {
            let next = self.hs(pos);
            match self.nl(next) {
                Some(n) => pos = next + n,
                None => break,
            }
        }
        let next = self.hs(pos);
        (self.at(next) != Some(b'}')).then_some(next)
    }

    /// `word` at `start`: where it ends, if one starts there.
    fn word_end(&self, start: usize) -> Option<usize> {
        if !is_word_start(self.char_at(start)?) {
            return None;
        }
        let mut pos = start;
        while let Some(&b) = self.bytes().get(pos) {
            if b.is_ascii() {
                if !is_ascii_word_char(b) {
                    break;
                }
                pos += 1;
                continue;
            }
            match self.char_at(pos) {
                Some(c) if is_word_char(c) => pos += c.len_utf8(),
                _ => break,
            }
        }
        Some(pos)
    }

    /// `text` at its opening `"`: where its closing `"` is, if it closes on its line
    /// (`"\\" ~ !nl ~ ANY` is an escape; it never takes the line break).
    fn closing_quote(&self, start: usize) -> Option<usize> {
        let bytes = self.bytes();
        let mut pos = start + 1;
        loop {
            pos += memchr::memchr3(b'"', b'\\', b'\n', bytes.get(pos..)?)?;
            match self.at(pos)? {
                b'"' => return Some(pos),
                b'\\' if self.nl(pos + 1).is_none() && pos + 1 < bytes.len() => {
                    pos += 1 + self.char_at(pos + 1)?.len_utf8();
                }
                _ => return None,
            }
        }
    }

    /// `text_block` at its opening `"""`, if a line of its own closes it.
    fn text_block_at(&self, start: usize) -> Option<TextBlock> {
        let open_end = self.line_end(start + 3);
        let lines_start = open_end + self.nl(open_end)?;
        let mut pos = lines_start;
        loop {
            let indent_end = self.hs(pos);
            if self.starts(indent_end, b"\"\"\"") {
                return Some(TextBlock {
                    open_end,
                    lines: lines_start..pos,
                    end: indent_end + 3,
                });
            }
            let line_end = self.line_end(pos);
            pos = line_end + self.nl(line_end)?;
        }
    }
}

/// Where the pieces of a `"""` text are.
pub(super) struct TextBlock {
    /// The end of the opening line (what stands after its `"""` is `tb_open_junk`).
    pub open_end: usize,
    /// Its lines (`tb_lines`), from after the opening line to the closing line's start.
    pub lines: std::ops::Range<usize>,
    /// After the closing `"""`.
    pub end: usize,
}

/// `word_start`: `LETTER | NUMBER | "_"`.
pub(super) fn is_word_start(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        pest::unicode::LETTER(c) || pest::unicode::NUMBER(c)
    }
}

fn is_ascii_word_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':' | b'+' | b'/' | b'@')
}

/// `word_char`, for a character outside ASCII (the caller reads ASCII bytes as bytes).
fn is_word_char(c: char) -> bool {
    pest::unicode::LETTER(c) || pest::unicode::NUMBER(c) || pest::unicode::MARK(c)
}
