//! The one diagnostic type every stage returns, and its renderings.

pub mod code;
pub mod codes;
pub mod formats;
pub mod human;

pub use code::{Code, Kind};

use crate::source::Span;
use std::borrow::Cow;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// A labelled place in a source.
/// A diagnostic's words. Most labels, helps and notes are fixed sentences, kept as the
/// program's own text; only those that quote the input are allocated. A large check holds
/// thousands of findings until it reports them.
pub type Words = Cow<'static, str>;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: Words,
}

/// What is wrong, where, and how to fix it.
///
/// `message` is one lower-case line with user input in backticks; `help` says what to do;
/// `notes` carry the article a rule enforces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    pub message: String,
    pub primary: Label,
    pub secondary: Vec<Label>,
    pub notes: Vec<Words>,
    pub help: Option<Words>,
    /// Mechanical fixes an editor may apply as they are (a "did you mean" replacement).
    pub fixes: Vec<Fix>,
}

/// A fix a tool can apply without judgement: replace each span with its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// What applying it does, as a command: "write `contract`".
    pub title: String,
    pub edits: Vec<Edit>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub text: String,
}

/// Drops repeats in a sorted list: the same diagnostic reported twice at the same place.
/// `Vec::dedup` would be wrong: spans compare equal whatever their position, so it also
/// merged the same mistake made on two lines or in two files.
pub fn dedup(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.dedup_by(|a, b| a == b && a.same_places(b));
}

impl Diagnostic {
    /// Whether every label of both points at the same bytes.
    pub fn same_places(&self, other: &Diagnostic) -> bool {
        self.primary.span.same_place(other.primary.span)
            && self.secondary.len() == other.secondary.len()
            && self
                .secondary
                .iter()
                .zip(&other.secondary)
                .all(|(a, b)| a.span.same_place(b.span))
    }

    pub fn error(code: Code, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: clip_tokens(message.into()),
            primary: Label {
                span,
                message: Cow::Borrowed(""),
            },
            secondary: Vec::new(),
            notes: Vec::new(),
            help: None,
            fixes: Vec::new(),
        }
    }

    pub fn with_label(mut self, message: impl Into<Words>) -> Diagnostic {
        self.primary.message = clip(message.into());
        self
    }

    pub fn with_help(mut self, help: impl Into<Words>) -> Diagnostic {
        self.help = Some(clip(help.into()));
        self
    }

    pub fn with_note(mut self, note: impl Into<Words>) -> Diagnostic {
        self.notes.push(clip(note.into()));
        self
    }

    pub fn with_secondary(mut self, span: Span, message: impl Into<Words>) -> Diagnostic {
        self.secondary.push(Label {
            span,
            message: clip(message.into()),
        });
        self
    }

    /// Offers replacing `span` with `text` as a fix ("did you mean").
    pub fn with_replacement(mut self, span: Span, text: impl Into<String>) -> Diagnostic {
        let text = text.into();
        self.fixes.push(Fix {
            title: format!("write `{text}`"),
            edits: vec![Edit { span, text }],
        });
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Longest word (a run without spaces) a message repeats whole; a longer one, such as a
/// megabyte-long token that failed to parse, is shown by its start.
pub const MAX_ECHOED_WORD: usize = 100;
/// How much of an over-long word is shown.
const ECHOED_START: usize = 60;

/// `text` with every word longer than [`MAX_ECHOED_WORD`] characters cut to its first
/// [`ECHOED_START`] and `…`, keeping the quote or bracket that closes it. A diagnostic
/// quotes what it read; bad input must not make it print megabytes.
/// [`clip_tokens`] for words that may be the program's own: a fixed sentence stays
/// borrowed unless it has a word to clip.
pub fn clip(text: Words) -> Words {
    match text {
        Cow::Owned(text) => Cow::Owned(clip_tokens(text)),
        Cow::Borrowed(text) if has_long_word(text) => Cow::Owned(clip_tokens(text.to_string())),
        Cow::Borrowed(text) => Cow::Borrowed(text),
    }
}

fn has_long_word(text: &str) -> bool {
    text.len() > MAX_ECHOED_WORD
        && text
            .split_whitespace()
            .any(|w| w.chars().count() > MAX_ECHOED_WORD)
}

fn clip_tokens(text: String) -> String {
    if !has_long_word(&text) {
        return text;
    }
    let mut out = String::with_capacity(MAX_ECHOED_WORD * 4);
    let mut rest = text.as_str();
    while !rest.is_empty() {
        let space = rest
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(rest.len());
        out.push_str(&rest[..space]);
        rest = &rest[space..];
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..end];
        rest = &rest[end..];
        if word.chars().count() <= MAX_ECHOED_WORD {
            out.push_str(word);
            continue;
        }
        let closing: String = word
            .chars()
            .rev()
            .take_while(|c| matches!(c, '`' | '"' | '\'' | ')' | ']' | '.' | ',' | ':' | ';'))
            .take(3)
            .collect::<Vec<char>>()
            .into_iter()
            .rev()
            .collect();
        out.extend(word.chars().take(ECHOED_START));
        out.push('…');
        out.push_str(&closing);
    }
    out
}

/// A stage's result: a value and everything it noticed on the way. Stages never stop at
/// the first problem.
#[derive(Debug)]
pub struct Outcome<T> {
    pub value: T,
    pub diagnostics: Vec<Diagnostic>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceId;

    fn unexpected_at(source: u32, start: usize) -> Diagnostic {
        Diagnostic::error(
            codes::SYNTAX_ERROR,
            Span::new(SourceId(source), start, start + 1),
            "unexpected `=`",
        )
    }

    #[test]
    fn long_words_in_a_message_are_cut_and_keep_their_closing_quote() {
        let token = "x".repeat(1_000_000);
        let d = Diagnostic::error(
            codes::SYNTAX_ERROR,
            Span::new(SourceId(0), 0, 1),
            format!("`{token}` is not a valid name"),
        )
        .with_label(format!("here: {token}"))
        .with_help(format!("write `{token}`."));
        assert_eq!(
            d.message,
            format!("`{}…` is not a valid name", "x".repeat(ECHOED_START - 1))
        );
        assert!(d.primary.message.len() < 200);
        assert!(d.help.as_deref().unwrap().ends_with("…`."));
        let fixed = Diagnostic::error(codes::SYNTAX_ERROR, Span::new(SourceId(0), 0, 1), "m")
            .with_help("a fixed sentence")
            .with_help(format!("`{token}`"));
        assert!(fixed.help.as_deref().is_some_and(|h| h.len() < 200));
        let borrowed = clip(Cow::Borrowed("a fixed sentence"));
        assert!(matches!(borrowed, Cow::Borrowed("a fixed sentence")));
        let long: &'static str = Box::leak(format!("`{token}`").into_boxed_str());
        assert!(matches!(clip(Cow::Borrowed(long)), Cow::Owned(s) if s.len() < 200));
        let short = "a `short` message, with spaces  kept";
        assert_eq!(clip_tokens(short.to_string()), short);
        let mixed = format!("a {}é b", "é".repeat(150));
        let clipped = clip_tokens(mixed);
        assert!(
            clipped.starts_with("a ") && clipped.ends_with("… b"),
            "{clipped}"
        );
    }

    #[test]
    fn dedup_drops_repeats_but_keeps_the_same_mistake_made_elsewhere() {
        let mut list = vec![
            unexpected_at(0, 5),
            unexpected_at(0, 5),
            unexpected_at(0, 9),
            unexpected_at(1, 9),
        ];
        dedup(&mut list);
        let places: Vec<(u32, u32)> = list
            .iter()
            .map(|d| (d.primary.span.source.0, d.primary.span.start))
            .collect();
        assert_eq!(places, [(0, 5), (0, 9), (1, 9)]);
    }
}
