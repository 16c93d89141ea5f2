//! Diagnostics as people read them, drawn by miette. Pure: returns text, prints nothing.

use std::fmt;
use std::fmt::Write as _;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, SourceCode, SourceSpan,
    SpanContents,
};

use super::{Diagnostic, Severity};
use crate::source::{SourceId, SourceMap};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    Colour,
}

/// One diagnostic, drawn with its source line, labels and help.
pub fn render(sources: &SourceMap, id: SourceId, diagnostic: &Diagnostic, style: Style) -> String {
    let Some(source) = sources.get(id) else {
        return format!(
            "{}[{}]: {}\n",
            diagnostic.severity.as_str(),
            diagnostic.code,
            diagnostic.message
        );
    };
    let diagnostic = &elsewhere_as_notes(sources, diagnostic);
    // The column people read in the header, from the whole line: the drawn line may be
    // cut, and miette would count the column in what is drawn.
    let primary_column = source.line_col(diagnostic.primary.span.start as usize).1 - 1;
    // Only the lines around the labels are drawn, so a diagnostic costs the same in a
    // 100 MB file as in a small one.
    let window = Window::around(source, diagnostic);
    let windowed = window.move_diagnostic(diagnostic);
    let clipped = Clipped::of(window.text);
    let moved;
    let diagnostic = match &clipped {
        Some(c) => {
            moved = c.move_diagnostic(&windowed);
            &moved
        }
        None => &windowed,
    };
    // A text from a `.reg` file is data on a terminal too: escape sequences and bidi
    // controls in it must not move the cursor, retitle the window or reorder the line.
    let diagnostic = &visible_diagnostic(diagnostic);
    let shown = same_width_printable(clipped.as_ref().map_or(window.text, |c| c.text.as_str()));
    let report = Report {
        diagnostic,
        source: Named {
            name: &visible_name(&source.name),
            text: &shown,
            first_line: window.first_line,
            primary: (diagnostic.primary.span.start as usize, primary_column),
        },
    };
    let theme = match style {
        Style::Plain => GraphicalTheme::unicode_nocolor(),
        Style::Colour => GraphicalTheme::unicode(),
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_links(false)
        .with_width(80);
    let mut out = String::new();
    if handler.render_report(&mut out, &report).is_err() {
        out = format!(
            "{}[{}]: {}\n",
            diagnostic.severity.as_str(),
            diagnostic.code,
            diagnostic.message
        );
    }
    for note in &diagnostic.notes {
        let options = textwrap::Options::new(80)
            .initial_indent("  note: ")
            .subsequent_indent("        ");
        out.push_str(&textwrap::fill(note, options));
        out.push('\n');
    }
    out
}

/// Characters a terminal would act on instead of showing: C0 and C1 controls but tab and
/// line ends, DEL, and the bidirectional controls.
fn is_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with each control character replaced by one of the same length in bytes, so
/// every span still points at the same place: `?` for one byte, `??` for two, U+FFFD for
/// the three-byte bidi controls.
fn same_width_printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if !is_control(c) {
            out.push(c);
            continue;
        }
        match c.len_utf8() {
            3 => out.push('\u{FFFD}'),
            n => out.extend(std::iter::repeat_n('?', n)),
        }
    }
    out
}

/// A label in another file than the diagnostic's (the first of two definitions, in an
/// import) cannot be drawn under this file's lines: it becomes a note with its place.
fn elsewhere_as_notes(sources: &SourceMap, d: &Diagnostic) -> Diagnostic {
    let mut d = d.clone();
    let here = d.primary.span.source;
    let (local, elsewhere): (Vec<_>, Vec<_>) =
        d.secondary.into_iter().partition(|l| l.span.source == here);
    d.secondary = local;
    for label in elsewhere {
        let place = match sources.get(label.span.source) {
            Some(source) => {
                let (line, column) = source.line_col(label.span.start as usize);
                format!("{}:{line}:{column}", source.name)
            }
            None => "another file".to_string(),
        };
        d.notes.push(format!("{}: {place}", label.message).into());
    }
    d
}

/// A file name as printed: every control character written out, line breaks and tabs too
/// (a name is one line).
pub fn visible_name(name: &str) -> String {
    written_out(name, |c| c.is_control() || is_control(c))
}

/// `text` with each control character written out, as `\u{1b}`.
pub fn visible(text: &str) -> String {
    written_out(text, is_control)
}

/// `text` with each character `hidden` says is one written out as its code.
fn written_out(text: &str, hidden: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if hidden(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

fn visible_diagnostic(d: &Diagnostic) -> Diagnostic {
    let mut d = d.clone();
    d.message = visible(&d.message);
    d.primary.message = visible(&d.primary.message).into();
    for label in &mut d.secondary {
        label.message = visible(&label.message).into();
    }
    d.help = d.help.as_deref().map(|h| visible(h).into());
    d.notes = d.notes.iter().map(|n| visible(n).into()).collect();
    d
}

struct Named<'a> {
    name: &'a str,
    text: &'a str,
    /// The line number (0-based) of the window's first line in the whole file.
    first_line: usize,
    /// Where the primary label starts in `text`, and its 0-based column in the whole line.
    primary: (usize, usize),
}

impl Named<'_> {
    /// miette counts the column in bytes; people (and the machine formats) count
    /// characters, and Finnish and Swedish lines are full of two-byte letters. A column
    /// that is not the byte column of `offset` (a context line's) is left as it is.
    fn char_column(&self, offset: usize, byte_column: usize) -> usize {
        if offset == self.primary.0 {
            return self.primary.1;
        }
        let before = self.text.get(..offset).unwrap_or("");
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        match before.get(line_start..) {
            Some(line) if line.len() == byte_column => line.chars().count(),
            _ => byte_column,
        }
    }
}

impl SourceCode for Named<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.to_string(),
            inner.data(),
            *inner.span(),
            inner.line() + self.first_line,
            self.char_column(span.offset(), inner.column()),
            inner.line_count(),
        )))
    }
}

struct Report<'a> {
    diagnostic: &'a Diagnostic,
    source: Named<'a>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

/// `error[invalid-date]: ...`: severity and code lead the line, as in rustc and ruff.
impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.diagnostic;
        write!(f, "{}[{}]: {}", d.severity.as_str(), d.code, d.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let help = self.diagnostic.help.as_ref()?;
        Some(Box::new(help.clone()))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let d = self.diagnostic;
        let label = |text: &str| (!text.is_empty()).then(|| text.to_string());
        let primary = LabeledSpan::new_primary_with_span(
            label(&d.primary.message),
            SourceSpan::from(d.primary.span.range()),
        );
        let secondary = d.secondary.iter().map(move |l| {
            LabeledSpan::new_with_span(label(&l.message), SourceSpan::from(l.span.range()))
        });
        Some(Box::new(std::iter::once(primary).chain(secondary)))
    }
}

/// Longest source line shown in full; longer ones are cut with `…` so that one huge line
/// cannot flood the terminal.
const MAX_LINE: usize = 200;

/// The source with over-long lines cut, and where each line moved to.
struct Clipped {
    text: String,
    /// Per line: original start, shown start, bytes kept.
    lines: Vec<(usize, usize, usize)>,
}

impl Clipped {
    fn of(text: &str) -> Option<Clipped> {
        if !text.split('\n').any(|l| l.len() > MAX_LINE) {
            return None;
        }
        let mut clipped = Clipped {
            text: String::with_capacity(text.len().min(1 << 20)),
            lines: Vec::new(),
        };
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let body = line.strip_suffix('\n').unwrap_or(line);
            let mut kept = body.len().min(MAX_LINE);
            while !body.is_char_boundary(kept) {
                kept -= 1;
            }
            clipped.lines.push((start, clipped.text.len(), kept));
            clipped.text.push_str(&body[..kept]);
            if kept < body.len() {
                clipped.text.push('…');
            }
            if line.ends_with('\n') {
                clipped.text.push('\n');
            }
            start += line.len();
        }
        Some(clipped)
    }

    fn move_offset(&self, offset: usize) -> usize {
        let i = self.lines.partition_point(|(start, _, _)| *start <= offset);
        match i.checked_sub(1).and_then(|i| self.lines.get(i)) {
            Some((start, shown, kept)) => shown + (offset - start).min(*kept),
            None => 0,
        }
    }

    fn move_span(&self, span: crate::source::Span) -> crate::source::Span {
        crate::source::Span::new(
            span.source,
            self.move_offset(span.start as usize),
            self.move_offset(span.end as usize),
        )
    }

    fn move_diagnostic(&self, d: &Diagnostic) -> Diagnostic {
        with_spans_moved(d, |span| self.move_span(span))
    }
}

/// `d` with every label's span passed through `move_span`.
fn with_spans_moved(
    d: &Diagnostic,
    move_span: impl Fn(crate::source::Span) -> crate::source::Span,
) -> Diagnostic {
    let mut moved = d.clone();
    moved.primary.span = move_span(d.primary.span);
    for label in &mut moved.secondary {
        label.span = move_span(label.span);
    }
    moved
}

/// The lines of a source that a diagnostic's labels touch, with two lines around them.
struct Window<'a> {
    text: &'a str,
    start: usize,
    first_line: usize,
}

impl<'a> Window<'a> {
    const CONTEXT: usize = 2;

    fn around(source: &'a crate::source::Source, d: &Diagnostic) -> Window<'a> {
        let text = source.text.as_str();
        let spans = std::iter::once(&d.primary)
            .chain(&d.secondary)
            .map(|l| l.span);
        let lo = floor_boundary(
            text,
            spans.clone().map(|s| s.start as usize).min().unwrap_or(0),
        );
        let hi = floor_boundary(text, spans.map(|s| s.end as usize).max().unwrap_or(0)).max(lo);
        let bytes = text.as_bytes();
        let mut start = lo;
        for _ in 0..=Self::CONTEXT {
            let before = bytes.get(..start.saturating_sub(1)).unwrap_or(&[]);
            start = before
                .iter()
                .rposition(|b| *b == b'\n')
                .map_or(0, |i| i + 1);
            if start == 0 {
                break;
            }
        }
        let mut end = hi;
        for _ in 0..=Self::CONTEXT {
            let after = bytes.get(end..).unwrap_or(&[]);
            end = after
                .iter()
                .position(|b| *b == b'\n')
                .map_or(text.len(), |i| end + i + 1);
            if end >= text.len() {
                break;
            }
        }
        // Newlines are ASCII, so both ends fall on character boundaries.
        let (start, end) = (
            floor_boundary(text, start),
            floor_boundary(text, end).max(start),
        );
        Window {
            text: text.get(start..end).unwrap_or(""),
            start,
            first_line: source.line_of(start),
        }
    }

    fn move_span(&self, span: crate::source::Span) -> crate::source::Span {
        let len = self.text.len();
        let shift = |o: u32| (o as usize).saturating_sub(self.start).min(len);
        crate::source::Span::new(span.source, shift(span.start), shift(span.end))
    }

    fn move_diagnostic(&self, d: &Diagnostic) -> Diagnostic {
        with_spans_moved(d, |span| self.move_span(span))
    }
}

fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Span;

    #[test]
    fn columns_count_characters_and_controls_are_shown_not_sent() {
        let mut sources = SourceMap::new();
        let text = "register r {\n  title fi \"Yhteyshenkilöä\" sv \"x\" bad\u{1b}[2J\n}\n";
        let id = sources.add("b.reg", text);
        let start = text.find("bad").unwrap_or(0);
        let d = Diagnostic::error(
            crate::diagnostic::codes::INVALID_LANGUAGE,
            Span::new(id, start, start + 3),
            "`bad\u{1b}[2J` is not a language tag",
        );
        let drawn = render(&sources, id, &d, Style::Plain);
        assert!(drawn.contains("b.reg:2:36]"), "{drawn}");
        assert!(!drawn.contains('\u{1b}'), "{drawn:?}");
        assert!(drawn.contains("`bad\\u{1b}[2J`"), "{drawn}");
    }
}
