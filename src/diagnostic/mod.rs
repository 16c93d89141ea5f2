//! The one diagnostic type every stage returns, and its renderings.

pub mod code;
pub mod codes;
pub mod formats;
pub mod human;

pub use code::{Code, Kind};

use crate::source::Span;

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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
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
    pub notes: Vec<String>,
    pub help: Option<String>,
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
            message: message.into(),
            primary: Label {
                span,
                message: String::new(),
            },
            secondary: Vec::new(),
            notes: Vec::new(),
            help: None,
        }
    }

    pub fn with_label(mut self, message: impl Into<String>) -> Diagnostic {
        self.primary.message = message.into();
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    pub fn with_secondary(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.secondary.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
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
