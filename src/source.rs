//! Source texts and the one span type every stage uses.

use std::fmt;

/// Which source a span points into: an index into a [`SourceMap`].
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct SourceId(pub u32);

/// A byte range in one source.
///
/// Spans compare equal whatever their position, so syntax trees built from differently
/// laid-out texts compare by meaning alone (the formatter's soundness check relies on it).
#[derive(Clone, Copy, Default, serde::Serialize, serde::Deserialize)]
pub struct Span {
    pub source: SourceId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(source: SourceId, start: usize, end: usize) -> Span {
        Span {
            source,
            start: clamp_u32(start),
            end: clamp_u32(end.max(start)),
        }
    }

    /// Whether both cover the same bytes of the same source. (`==` ignores positions; see
    /// the type's documentation.)
    pub fn same_place(self, other: Span) -> bool {
        (self.source, self.start, self.end) == (other.source, other.start, other.end)
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span {
            source: self.source,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// The empty span just after this one, where something missing belongs.
    pub fn after(self) -> Span {
        Span {
            start: self.end,
            ..self
        }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Whether `offset` is in the span or at its end: a cursor just after a word is on it.
    pub fn touches(self, offset: usize) -> bool {
        self.range().start <= offset && offset <= self.range().end
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

fn clamp_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl PartialEq for Span {
    fn eq(&self, _: &Span) -> bool {
        true
    }
}

impl Eq for Span {}

impl std::hash::Hash for Span {
    fn hash<H: std::hash::Hasher>(&self, _: &mut H) {}
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// One source text: a user's file or a standard-library module.
#[derive(Clone, Debug)]
pub struct Source {
    /// The name shown in diagnostics: a path as the user gave it, or `std::gdpr`.
    pub name: String,
    pub text: String,
    /// Where each line starts, computed on first use: turning an offset into a line number
    /// is then a binary search, not a scan of everything before it.
    /// Offsets are `u32`, as in a [`Span`]: half the memory of a large file's index.
    line_starts: std::sync::OnceLock<Vec<u32>>,
}

impl Source {
    fn starts(&self) -> &[u32] {
        self.line_starts.get_or_init(|| {
            let mut starts: Vec<u32> = std::iter::once(0)
                .chain(
                    memchr::memchr_iter(b'\n', self.text.as_bytes())
                        .map(|i| u32::try_from(i + 1).unwrap_or(u32::MAX)),
                )
                .collect();
            starts.shrink_to_fit();
            starts
        })
    }

    /// Where 0-based `line` starts, if the text has it.
    fn start_of(&self, line: usize) -> Option<usize> {
        self.starts().get(line).map(|&s| s as usize)
    }

    /// The 0-based line that `offset` falls on.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts()
            .partition_point(|&s| (s as usize) <= offset)
            .saturating_sub(1)
    }

    /// The line `offset` falls on, without its line break.
    pub fn line_at(&self, offset: usize) -> &str {
        let line = self.line_of(offset.min(self.text.len()));
        let start = self.start_of(line).unwrap_or(0);
        let end = self
            .start_of(line + 1)
            .map_or(self.text.len(), |next| next.saturating_sub(1));
        self.text.get(start..end.max(start)).unwrap_or("")
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.start_of(line).unwrap_or(0).min(offset);
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count())
            + 1;
        (line + 1, column)
    }
}

/// All sources of one run, addressed by [`SourceId`].
#[derive(Clone, Debug, Default)]
pub struct SourceMap {
    sources: Vec<Source>,
}

impl SourceMap {
    pub fn new() -> SourceMap {
        SourceMap::default()
    }

    pub fn add(&mut self, name: impl Into<String>, text: impl Into<String>) -> SourceId {
        let id = SourceId(clamp_u32(self.sources.len()));
        self.sources.push(Source {
            name: name.into(),
            text: text.into(),
            line_starts: std::sync::OnceLock::new(),
        });
        id
    }

    pub fn get(&self, id: SourceId) -> Option<&Source> {
        self.sources.get(id.0 as usize)
    }

    pub fn iter(&self) -> impl Iterator<Item = (SourceId, &Source)> {
        self.sources
            .iter()
            .enumerate()
            .map(|(i, s)| (SourceId(clamp_u32(i)), s))
    }

    /// 1-based line and column (in characters) of a byte offset. Uses the source's line
    /// index, so reporting thousands of findings in one file stays linear.
    pub fn line_col(&self, id: SourceId, offset: usize) -> (usize, usize) {
        self.get(id).map_or((1, 1), |s| s.line_col(offset))
    }
}

/// Decodes a file's bytes. Invalid UTF-8 is replaced (so the text can still be shown) and
/// the byte offset of the first bad byte is returned with it.
pub fn decode(bytes: Vec<u8>) -> Result<String, (String, usize)> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(lone_cr_to_lf(text)),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            Err((lone_cr_to_lf(text), offset))
        }
    }
}

/// A carriage return not followed by a line feed (old Mac line endings, or a mix) is a line
/// break to every editor; it becomes `\n`. One byte for one, so every offset stays.
pub fn lone_cr_to_lf(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut bytes = text.into_bytes();
    for i in 0..bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
            bytes[i] = b'\n';
        }
    }
    // Only an ASCII byte was replaced by another: still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}
