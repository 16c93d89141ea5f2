//! Positions as editors count them: a line and a column in UTF-16 code units (the
//! Language Server Protocol's default), to and from byte offsets.

/// Where each line of a text starts, for converting offsets both ways.
pub struct LineIndex<'t> {
    text: &'t str,
    /// The byte offset of each line's first character; the first is 0.
    starts: Vec<usize>,
}

/// A zero-based line and UTF-16 column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

impl<'t> LineIndex<'t> {
    pub fn new(text: &'t str) -> LineIndex<'t> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// The position of byte `offset` (clamped to the text, and back to a character
    /// boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts.get(line).copied().unwrap_or(0);
        let column: usize = self
            .text
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
    pub fn offset(&self, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return self.text.len();
        };
        let end = self
            .starts
            .get(position.line as usize + 1)
            .map_or(self.text.len(), |next| next - 1);
        let line = self.text.get(start..end).unwrap_or("");
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

    /// The text of line `line` without its line break.
    pub fn line(&self, line: usize) -> &'t str {
        let Some(&start) = self.starts.get(line) else {
            return "";
        };
        let end = self
            .starts
            .get(line + 1)
            .map_or(self.text.len(), |next| next - 1);
        self.text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches('\r')
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
        assert_eq!(index.position(h), at(0, 10));
        assert_eq!(index.position(h + 1), at(0, 11), "ä");
        assert_eq!(index.position(h + 3), at(0, 12), "😀");
        assert_eq!(
            index.position(h + 7),
            at(0, 14),
            "n after the two units of 😀"
        );
        assert_eq!(index.position(text.find("next").unwrap()), at(1, 0));
    }

    #[test]
    fn offsets_and_positions_round_trip() {
        let text = "a\näö😀x\r\n\nlast";
        let index = LineIndex::new(text);
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(index.offset(index.position(offset)), offset, "{offset}");
        }
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let text = "ab\ncd";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(at(0, 99)), 2, "past a line's end: its end");
        assert_eq!(
            index.offset(at(9, 0)),
            text.len(),
            "past the last line: the end"
        );
        // Inside the two units of 😀: its start.
        let text = "😀z";
        assert_eq!(LineIndex::new(text).offset(at(0, 1)), 0);
        assert_eq!(
            LineIndex::new(text).position(2),
            at(0, 0),
            "inside a character"
        );
    }

    #[test]
    fn lines_are_read_without_their_breaks() {
        let index = LineIndex::new("one\r\ntwo\n");
        assert_eq!(index.line(0), "one");
        assert_eq!(index.line(1), "two");
        assert_eq!(index.line(2), "");
        assert_eq!(index.line_start(6), 5);
    }
}
