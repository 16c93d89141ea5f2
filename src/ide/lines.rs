//! Positions as editors count them: a line and a column in UTF-16 code units (the
//! Language Server Protocol's default), to and from byte offsets.

/// Where each line of a text starts, for converting offsets both ways. It holds no text:
/// each conversion is given the text it was made from, so an index can be kept beside it.
pub struct LineIndex {
    /// The byte offset of each line's first character; the first is 0.
    starts: Vec<usize>,
}

/// A zero-based line and UTF-16 column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

impl LineIndex {
    /// Lines end at `\n`, `\r\n`, or a `\r` alone, as the protocol counts them.
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let starts = std::iter::once(0)
            .chain(bytes.iter().enumerate().filter_map(|(i, b)| match b {
                b'\n' => Some(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => Some(i + 1),
                _ => None,
            }))
            .collect();
        LineIndex { starts }
    }

    /// The position of byte `offset` (clamped to the text, and back to a character
    /// boundary).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts.get(line).copied().unwrap_or(0);
        let column: usize = text
            .get(start..offset)
            .map_or(0, |before| before.chars().map(char::len_utf16).sum());
        Position {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
        }
    }

    /// The byte offset of `position`. A column past the line's end means its end; a
    /// column inside a character's two UTF-16 units means the character's start; a line
    /// past the last means the text's end.
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return text.len();
        };
        let end = self.line_end(text, position.line as usize);
        let line = text.get(start..end).unwrap_or("");
        let mut units = 0;
        for (i, c) in line.char_indices() {
            let next = units + c.len_utf16();
            if next > position.column as usize {
                return start + i;
            }
            units = next;
        }
        end
    }

    /// Where line `line` ends, before its line break.
    fn line_end(&self, text: &str, line: usize) -> usize {
        let Some(&next) = self.starts.get(line + 1) else {
            return text.len();
        };
        let before = next.saturating_sub(1);
        // `\r\n` is one break of two bytes.
        let crlf = before > 0
            && text.as_bytes().get(before) == Some(&b'\n')
            && text.as_bytes().get(before - 1) == Some(&b'\r');
        if crlf { before - 1 } else { before }
    }

    /// The text of line `line` without its line break.
    pub fn line<'t>(&self, text: &'t str, line: usize) -> &'t str {
        let Some(&start) = self.starts.get(line) else {
            return "";
        };
        text.get(start..self.line_end(text, line)).unwrap_or("")
    }

    /// Where the line holding `offset` starts.
    pub fn line_start(&self, offset: usize) -> usize {
        let line = self.starts.partition_point(|&s| s <= offset).max(1) - 1;
        self.starts.get(line).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: u32, column: u32) -> Position {
        Position { line, column }
    }

    #[test]
    fn columns_count_utf16_units() {
        // `ä` is two bytes and one unit; `😀` is four bytes and two units.
        let text = "title fi \"Hä😀n\"\nnext";
        let index = LineIndex::new(text);
        let h = text.find('H').unwrap();
        assert_eq!(index.position(text, h), at(0, 10));
        assert_eq!(index.position(text, h + 1), at(0, 11), "ä");
        assert_eq!(index.position(text, h + 3), at(0, 12), "😀");
        assert_eq!(
            index.position(text, h + 7),
            at(0, 14),
            "n after 😀's two units"
        );
        assert_eq!(index.position(text, text.find("next").unwrap()), at(1, 0));
    }

    #[test]
    fn offsets_and_positions_round_trip() {
        let text = "a\näö😀x\r\n\nlast\rafter a lone CR";
        let index = LineIndex::new(text);
        for (offset, c) in text.char_indices().chain([(text.len(), ' ')]) {
            if c == '\n' && text[..offset].ends_with('\r') {
                continue; // the second byte of one break
            }
            let position = index.position(text, offset);
            assert_eq!(index.offset(text, position), offset, "{offset}");
        }
        let after = text.find("after").unwrap();
        assert_eq!(
            index.position(text, after),
            at(4, 0),
            "a lone CR ends a line"
        );
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let text = "ab\ncd";
        let index = LineIndex::new(text);
        assert_eq!(
            index.offset(text, at(0, 99)),
            2,
            "past a line's end: its end"
        );
        assert_eq!(
            index.offset(text, at(9, 0)),
            text.len(),
            "past the last line"
        );
        // Inside the two units of 😀: its start.
        let text = "😀z";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, at(0, 1)), 0);
        assert_eq!(index.position(text, 2), at(0, 0), "inside a character");
    }

    #[test]
    fn lines_are_read_without_their_breaks() {
        let text = "one\r\ntwo\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line(text, 0), "one");
        assert_eq!(index.line(text, 1), "two");
        assert_eq!(index.line(text, 2), "");
        assert_eq!(index.line_start(6), 5);
    }
}
