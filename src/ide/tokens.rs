//! Semantic colouring: what each token of a file is, read from its syntax tree, so that an
//! editor colours keywords, names, texts, numbers and codes as regc reads them.

use crate::source::{SourceId, Span};
use crate::syntax::cst::{Comment, Node, Value};
use crate::syntax::schema::{self, BlockKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Keyword,
    /// A name: defined or referred to.
    Name,
    Text,
    Comment,
    /// Dates, durations, numbers.
    Number,
    /// Codes written in capitals: countries (`FI`), rule codes (`P002`).
    Constant,
    /// A text's language (`fi` in `title fi "…"`).
    Language,
}

impl TokenKind {
    /// Every kind, in the order of the legend an editor is given.
    pub const ALL: [TokenKind; 7] = [
        TokenKind::Keyword,
        TokenKind::Name,
        TokenKind::Text,
        TokenKind::Comment,
        TokenKind::Number,
        TokenKind::Constant,
        TokenKind::Language,
    ];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// Every token of `text`, in order.
pub fn tokens(source: SourceId, text: &str) -> Vec<Token> {
    let cst = crate::syntax::parse(source, text).value;
    let mut out = Vec::new();
    walk(&cst.nodes, BlockKind::Top, &mut out);
    out.sort_by_key(|t| t.span.start);
    out
}

fn walk(nodes: &[Node], block: BlockKind, out: &mut Vec<Token>) {
    for node in nodes {
        match node {
            Node::Blank(_) => {}
            Node::Comment(c) => comment(c, out),
            Node::Statement(s) => {
                let text = schema::entry(block, &s.keyword.text).is_some_and(|e| e.text);
                out.push(Token {
                    span: s.keyword.span,
                    kind: TokenKind::Keyword,
                });
                for (i, value) in s.values.iter().enumerate() {
                    // A language tag just before a text: `title fi "…" sv "…"`.
                    let before_text = matches!(s.values.get(i + 1), Some(Value::Text(_)));
                    match value {
                        Value::Text(t) => out.push(Token {
                            span: t.span,
                            kind: TokenKind::Text,
                        }),
                        Value::Word(w) => out.push(Token {
                            span: w.span,
                            kind: word_kind(
                                &w.text,
                                (text && i == 0) || (before_text && looks_like_language(&w.text)),
                            ),
                        }),
                        Value::Comma(c) => {
                            if let Some(comment_) = &c.comment {
                                comment(comment_, out);
                            }
                        }
                    }
                }
                if let Some(body) = &s.block {
                    if let Some(c) = &body.open_comment {
                        comment(c, out);
                    }
                    match schema::block_of(block, &s.keyword.text) {
                        Some(child) => walk(&body.nodes, child, out),
                        None => walk_text_block(&body.nodes, out),
                    }
                }
                if let Some(c) = &s.comment {
                    comment(c, out);
                }
            }
        }
    }
}

/// The statements of `title { fi "…" sv "…" }`: a language, then its text.
fn walk_text_block(nodes: &[Node], out: &mut Vec<Token>) {
    for node in nodes {
        match node {
            Node::Blank(_) => {}
            Node::Comment(c) => comment(c, out),
            Node::Statement(s) => {
                out.push(Token {
                    span: s.keyword.span,
                    kind: TokenKind::Language,
                });
                for value in &s.values {
                    let kind = match value {
                        Value::Text(_) => TokenKind::Text,
                        Value::Word(w) => word_kind(&w.text, false),
                        Value::Comma(_) => continue,
                    };
                    out.push(Token {
                        span: value.span(),
                        kind,
                    });
                }
                if let Some(c) = &s.comment {
                    comment(c, out);
                }
            }
        }
    }
}

fn comment(c: &Comment, out: &mut Vec<Token>) {
    out.push(Token {
        span: c.span,
        kind: TokenKind::Comment,
    });
}

/// Words of the language inside a statement's values, which name nothing:
/// `allow P002 because "…"`, `retention at most 2 years after last-contact`.
const CONNECTIVES: &[&str] = &[
    "because", "after", "until", "under", "at", "least", "most", "criteria", "minute", "minutes",
    "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years",
];

/// A language tag's shape: `fi`, `sv`, `en-GB`, `se`.
fn looks_like_language(word: &str) -> bool {
    let mut parts = word.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// What a bare word is: a number or date, a code in capitals, a language, or a name.
fn word_kind(word: &str, is_language: bool) -> TokenKind {
    if is_language {
        TokenKind::Language
    } else if CONNECTIVES.contains(&word) {
        TokenKind::Keyword
    } else if word.starts_with(|c: char| c.is_ascii_digit()) {
        TokenKind::Number
    } else if word.chars().any(|c| c.is_uppercase()) && !word.chars().any(|c| c.is_lowercase()) {
        TokenKind::Constant
    } else {
        TokenKind::Name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_token_is_classified() {
        let text = "register r { // note\n  title fi \"Nimi\" sv \"Namn\"\n  updated 2024-01-02\n  data name, email\n  allow P002 because \"x\"\n  title {\n    sv \"Namn\"\n  }\n}\n";
        let tokens = tokens(SourceId(1), text);
        let seen: Vec<(&str, TokenKind)> = tokens
            .iter()
            .map(|t| (&text[t.span.range()], t.kind))
            .collect();
        use TokenKind::*;
        assert_eq!(
            seen,
            [
                ("register", Keyword),
                ("r", Name),
                ("// note", Comment),
                ("title", Keyword),
                ("fi", Language),
                ("\"Nimi\"", Text),
                ("sv", Language),
                ("\"Namn\"", Text),
                ("updated", Keyword),
                ("2024-01-02", Number),
                ("data", Keyword),
                ("name", Name),
                ("email", Name),
                ("allow", Keyword),
                ("P002", Constant),
                ("because", Keyword),
                ("\"x\"", Text),
                ("title", Keyword),
                ("sv", Language),
                ("\"Namn\"", Text),
            ]
        );
    }
}
