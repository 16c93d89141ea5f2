//! The grammar's smallest pieces read over a text's bytes: shared by the fast reader
//! (`scan.rs`) and the nesting check (`nesting.rs`), which both follow `grammar/regc.pest`.

/// A text read byte by byte; positions are byte offsets into it.
pub(super) trait Bytes {
    fn bytes(&self) -> &[u8];

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
}
