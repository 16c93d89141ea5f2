//! Reading a statement's values one at a time, with a precise error for each way they can
//! be wrong: missing, extra, a text where a name belongs, a malformed typed value.

use super::{Lowerer, statements};
use crate::diagnostic::codes;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Span;
use crate::syntax::ast::{LocalText, Located, Name, Text};
use crate::syntax::cst::{Statement, Value, Word};
use crate::syntax::schema::{self, BlockKind};
use crate::syntax::values::{LanguageTag, ValueError, parse_language};

pub struct Args<'a> {
    block: BlockKind,
    stmt: &'a Statement,
    pos: usize,
}

impl<'a> Args<'a> {
    /// None for a statement that was already reported as malformed.
    pub fn new(_lx: &mut Lowerer, block: BlockKind, stmt: &'a Statement) -> Option<Args<'a>> {
        (!stmt.broken).then_some(Args {
            block,
            stmt,
            pos: 0,
        })
    }

    fn keyword(&self) -> &str {
        &self.stmt.keyword.text
    }

    fn example_help(&self) -> String {
        match schema::example(self.block, self.keyword()) {
            Some(example) => format!("write it like `{example}`"),
            None => format!("see `{}` in docs/language.md", self.keyword()),
        }
    }

    fn current(&self) -> Option<&'a Value> {
        self.stmt.values.get(self.pos)
    }

    /// Where a missing value belongs: just after what was read so far.
    fn last_span(&self) -> Span {
        match self
            .pos
            .checked_sub(1)
            .and_then(|i| self.stmt.values.get(i))
        {
            Some(v) => v.span(),
            None => self.stmt.keyword.span,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.current().is_none()
    }

    pub fn peek_word(&self) -> Option<&'a Word> {
        match self.current() {
            Some(Value::Word(w)) => Some(w),
            _ => None,
        }
    }

    pub fn peek_is_text(&self) -> bool {
        matches!(self.current(), Some(Value::Text(_)))
    }

    pub fn missing(&self, lx: &mut Lowerer, what: &str) {
        lx.report(
            Diagnostic::error(
                codes::MISSING_VALUE,
                self.last_span(),
                format!("`{}` needs {what}", self.keyword()),
            )
            .with_label(format!("expected {what} after this"))
            .with_help(self.example_help()),
        );
    }

    fn wrong_kind(&self, lx: &mut Lowerer, value: &Value, what: &str) {
        let example = schema::example(self.block, self.keyword()).unwrap_or("");
        let (found, help) = match value {
            Value::Text(_) => (
                "a text",
                format!("write it without quotes, like `{example}`"),
            ),
            Value::Word(_) => (
                "a name",
                format!("texts are written in quotes, like `{example}`"),
            ),
            Value::Comma(_) => ("a `,`", self.example_help()),
        };
        lx.report(
            Diagnostic::error(
                codes::UNEXPECTED_VALUE,
                value.span(),
                format!("`{}` takes {what} here, not {found}", self.keyword()),
            )
            .with_label(format!("expected {what}"))
            .with_help(help),
        );
    }

    pub fn word(&mut self, lx: &mut Lowerer, what: &str) -> Option<&'a Word> {
        match self.current() {
            Some(Value::Word(w)) => {
                self.pos += 1;
                Some(w)
            }
            Some(other) => {
                self.wrong_kind(lx, other, what);
                self.pos += 1;
                None
            }
            None => {
                self.missing(lx, what);
                None
            }
        }
    }

    pub fn text(&mut self, lx: &mut Lowerer, what: &str) -> Option<Text> {
        match self.current() {
            Some(Value::Text(t)) if t.value.len() > MAX_TEXT_BYTES => {
                self.pos += 1;
                lx.report(text_too_long(t));
                None
            }
            Some(Value::Text(t)) if t.value.trim().is_empty() => {
                self.pos += 1;
                lx.report(
                    Diagnostic::error(codes::EMPTY_TEXT, t.span, "this text is empty")
                        .with_label("nothing to read")
                        .with_help("write the text, or remove the statement"),
                );
                None
            }
            Some(Value::Text(t)) => {
                self.pos += 1;
                if may_hold_invisible_control(&t.value)
                    && let Some(c) = t.value.chars().find(|c| is_invisible_control(*c))
                {
                    lx.report(
                        Diagnostic::error(
                            codes::CONTROL_CHARACTER,
                            t.span,
                            format!(
                                "this text holds the invisible control character U+{:04X}",
                                u32::from(c)
                            ),
                        )
                        .with_label("somewhere in here")
                        .with_help("remove it: a text may hold line breaks and tabs, no other control character"),
                    );
                    return None;
                }
                Some(Located {
                    value: t.value.clone(),
                    span: t.span,
                })
            }
            Some(other) => {
                self.wrong_kind(lx, other, what);
                self.pos += 1;
                None
            }
            None => {
                self.missing(lx, what);
                None
            }
        }
    }

    /// A name referring to a definition (or defining one).
    pub fn name(&mut self, lx: &mut Lowerer, what: &str) -> Option<Name> {
        let word = self.word(lx, what)?;
        checked_name(lx, word)
    }

    /// The name a block statement defines: `purpose customer-relationship {`. Several
    /// words are taken as one name with spaces, which is reported with its hyphenated form.
    pub fn defined_name(&mut self, lx: &mut Lowerer, what: &str) -> Option<Name> {
        let first = self.word(lx, what)?;
        let mut words = vec![first];
        while let Some(next) = self.peek_word() {
            words.push(next);
            self.pos += 1;
        }
        if let [only] = words.as_slice() {
            return checked_name(lx, only);
        }
        let span = first.span.to(words.last().map_or(first.span, |w| w.span));
        let joined: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
        lx.report(
            Diagnostic::error(
                codes::INVALID_NAME,
                span,
                format!("a name cannot contain spaces: `{}`", joined.join(" ")),
            )
            .with_label("one name expected")
            .with_help(format!(
                "join the words with `-`: `{}`",
                suggest_name(&joined.join("-"))
            )),
        );
        None
    }

    /// `a, b, c`: at least one name.
    pub fn name_list(&mut self, lx: &mut Lowerer, what: &str) -> Vec<Name> {
        self.list(lx, what, checked_name)
    }

    /// `a, b, c`, each read by `parse`.
    pub fn list<T>(
        &mut self,
        lx: &mut Lowerer,
        what: &str,
        mut read: impl FnMut(&mut Lowerer, &Word) -> Option<T>,
    ) -> Vec<T> {
        let mut out = Vec::new();
        // By text: a list of fifty thousand names must not compare every pair.
        let mut seen: foldhash::HashMap<&str, &Word> = foldhash::HashMap::default();
        while let Some(word) = self.word(lx, what) {
            match seen.get(word.text.as_str()) {
                // A warning: the repeat is dropped, so it changes nothing but the reading.
                Some(first) => lx.report(Diagnostic {
                    severity: Severity::Warning,
                    ..Diagnostic::error(
                        codes::DUPLICATE_STATEMENT,
                        word.span,
                        format!("`{}` is listed twice", word.text),
                    )
                    .with_label("listed again here")
                    .with_secondary(first.span, "first listed here")
                    .with_help(format!("remove the second `{}`", word.text))
                }),
                None => {
                    seen.insert(word.text.as_str(), word);
                    out.extend(read(lx, word));
                }
            }
            match self.current() {
                Some(Value::Comma(_)) => self.pos += 1,
                _ => break,
            }
        }
        fitted(out)
    }

    /// One typed value.
    pub fn typed<T>(
        &mut self,
        lx: &mut Lowerer,
        what: &str,
        parse: impl Fn(&str) -> Result<T, ValueError>,
    ) -> Option<Located<T>> {
        let word = self.word(lx, what)?;
        typed_word(lx, word, parse)
    }

    /// One typed value written as a text: e-mail, phone, web address.
    pub fn typed_text<T>(
        &mut self,
        lx: &mut Lowerer,
        what: &str,
        parse: impl Fn(&str) -> Result<T, ValueError>,
    ) -> Option<Located<T>> {
        let text = self.text(lx, what)?;
        match parse(&text.value) {
            Ok(value) => Some(Located {
                value,
                span: text.span,
            }),
            Err(e) => {
                lx.value_error(text.span, e);
                None
            }
        }
    }

    /// A text per language: `fi "..." sv "..."` on the line, or one per line in the block.
    pub fn local_text(&mut self, lx: &mut Lowerer) -> Option<LocalText> {
        if self.is_empty() {
            return match &self.stmt.block {
                Some(block) => local_text_block(lx, self.stmt, &block.nodes),
                None => {
                    self.missing(lx, "a language and a text");
                    None
                }
            };
        }
        let mut entries: Vec<(Located<LanguageTag>, Text)> = Vec::new();
        let mut ok = true;
        while !self.is_empty() {
            if self.peek_is_text() {
                let span = self.current().map_or(self.stmt.span, Value::span);
                lx.report(
                    Diagnostic::error(
                        codes::MISSING_VALUE,
                        span,
                        format!("the text of `{}` needs a language", self.keyword()),
                    )
                    .with_label("which language is this?")
                    .with_help(format!(
                        "put the language before the text, e.g. `{} en \"...\"`",
                        self.keyword()
                    )),
                );
                self.pos += 1;
                ok = false;
                continue;
            }
            let Some(lang) = self.typed(lx, "a language", parse_language) else {
                ok = false;
                self.skip_text();
                continue;
            };
            let Some(text) = self.text(lx, "a text") else {
                ok = false;
                continue;
            };
            ok &= add_entry(lx, &mut entries, lang, text);
        }
        let span = self.stmt.span;
        (ok && !entries.is_empty()).then(|| LocalText {
            entries: fitted(entries),
            span,
        })
    }

    fn skip_text(&mut self) {
        if self.peek_is_text() {
            self.pos += 1;
        }
    }

    /// Reports values nobody read.
    pub fn finish(&mut self, lx: &mut Lowerer) {
        if let Some(extra) = self.current() {
            let shown = match extra {
                Value::Word(w) => format!("`{}`", w.text),
                Value::Text(_) => "this text".to_string(),
                Value::Comma(_) => "this `,`".to_string(),
            };
            lx.report(
                Diagnostic::error(
                    codes::UNEXPECTED_VALUE,
                    extra.span(),
                    format!("`{}` has one value too many: {shown}", self.keyword()),
                )
                .with_label("not expected here")
                .with_help(self.example_help()),
            );
            self.pos = self.stmt.values.len();
        }
    }

    /// Reports a block after the statement unless its schema entry takes one.
    pub fn block_per_schema(&self, lx: &mut Lowerer) {
        if !schema::entry(self.block, self.keyword()).is_some_and(schema::Entry::takes_block) {
            self.no_block(lx);
        }
    }

    /// Reports a block on a statement that takes none.
    pub fn no_block(&self, lx: &mut Lowerer) {
        if let Some(block) = &self.stmt.block {
            let open = Span {
                end: block.span.start + 1,
                ..block.span
            };
            lx.report(
                Diagnostic::error(
                    codes::UNEXPECTED_BLOCK,
                    open,
                    format!("`{}` takes no block", self.keyword()),
                )
                .with_label("block not expected")
                .with_help(self.example_help()),
            );
        }
    }
}

fn add_entry(
    lx: &mut Lowerer,
    entries: &mut Vec<(Located<LanguageTag>, Text)>,
    lang: Located<LanguageTag>,
    text: Text,
) -> bool {
    if let Some((first, _)) = entries.iter().find(|(l, _)| l.value == lang.value) {
        lx.report(
            Diagnostic::error(
                codes::DUPLICATE_STATEMENT,
                lang.span,
                format!("the `{}` text is given twice", lang.value),
            )
            .with_label("given again here")
            .with_secondary(first.span, "first given here")
            .with_help("keep one text per language"),
        );
        return false;
    }
    entries.push((lang, text));
    true
}

/// The longest text a statement may hold: far more than any notice needs (a long purpose
/// text is a few kilobytes), so that a runaway `"""` cannot swell every output.
pub const MAX_TEXT_BYTES: usize = 64 * 1024;

fn text_too_long(t: &crate::syntax::cst::Text) -> Diagnostic {
    // The opening quotes, not the whole text: a label over a thousand lines helps nobody.
    let quotes = if t.multiline { 3 } else { 1 };
    let at = Span::new(
        t.span.source,
        t.span.start as usize,
        t.span.start as usize + quotes,
    );
    Diagnostic::error(
        codes::TEXT_TOO_LONG,
        at,
        format!(
            "this text is {} bytes long; the limit is {MAX_TEXT_BYTES}",
            t.value.len()
        ),
    )
    .with_label("the text starts here")
    .with_help("a notice text this long is likely a missing closing `\"\"\"`; otherwise split it between statements or link to the full document with `website`")
}

/// Whether `text` has bytes that are or start one of [`is_invisible_control`]'s
/// characters: below U+0020 but for line breaks and tabs, U+007F, U+0080–U+009F
/// (0xC2 …), U+202A–U+202E and U+2066–U+2069 (0xE2 0x80 0xAA… and 0xE2 0x81 0xA6…).
/// Most texts have none, and a look at the bytes costs less than decoding every character.
fn may_hold_invisible_control(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'\n' | b'\t' | b'\r' => false,
        0..0x20 | 0x7F | 0xC2 => true,
        0xE2 => matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0x80), Some(0xAA..=0xAE)) | (Some(0x81), Some(0xA6..=0xA9))
        ),
        _ => false,
    })
}

/// Control characters a text may not hold: all but line breaks and tabs, and the
/// bidirectional overrides that reorder what a reader sees.
fn is_invisible_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn local_text_block(
    lx: &mut Lowerer,
    owner: &Statement,
    nodes: &[crate::syntax::cst::Node],
) -> Option<LocalText> {
    let mut entries = Vec::new();
    let mut ok = true;
    for stmt in statements(nodes) {
        if stmt.broken {
            ok = false;
            continue;
        }
        let lang = typed_word(lx, &stmt.keyword, parse_language);
        let mut args = Args {
            block: BlockKind::Top,
            stmt,
            pos: 0,
        };
        let text = args.text(lx, "a text");
        args.finish(lx);
        args.no_block(lx);
        match (lang, text) {
            (Some(lang), Some(text)) => ok &= add_entry(lx, &mut entries, lang, text),
            _ => ok = false,
        }
    }
    if entries.is_empty() && ok {
        lx.report(
            Diagnostic::error(
                codes::MISSING_VALUE,
                owner.keyword.span,
                format!("`{}` has no text", owner.keyword.text),
            )
            .with_label("empty block")
            .with_help("give one text per language, e.g. `fi \"...\"` on its own line"),
        );
    }
    (ok && !entries.is_empty()).then(|| LocalText {
        entries: fitted(entries),
        span: owner.span,
    })
}

/// A list cut to its length. Lists grow by doubling as their items are read, and the
/// syntax trees are kept to the end of a run: room for items that never came was a third
/// of a large check's memory.
pub fn fitted<T>(mut list: Vec<T>) -> Vec<T> {
    list.shrink_to_fit();
    list
}

pub fn typed_word<T>(
    lx: &mut Lowerer,
    word: &Word,
    parse: impl Fn(&str) -> Result<T, ValueError>,
) -> Option<Located<T>> {
    match parse(&word.text) {
        Ok(value) => Some(Located {
            value,
            span: word.span,
        }),
        Err(e) => {
            lx.value_error(word.span, e);
            None
        }
    }
}

/// Names are lower-case letters, digits and hyphens, starting with a letter.
pub fn is_valid_name(s: &str) -> bool {
    // Most names are ASCII, where a letter that is not upper case is one of `a`–`z`.
    if s.is_ascii() {
        let bytes = s.as_bytes();
        return bytes.first().is_some_and(u8::is_ascii_lowercase)
            && bytes
                .iter()
                .all(|&b| b == b'-' || b.is_ascii_digit() || b.is_ascii_lowercase())
            && !s.ends_with('-');
    }
    let mut chars = s.chars();
    let starts_well = chars
        .next()
        .is_some_and(|c| c.is_alphabetic() && !c.is_uppercase());
    starts_well
        && s.chars()
            .all(|c| c == '-' || c.is_ascii_digit() || (c.is_alphabetic() && !c.is_uppercase()))
        && !s.ends_with('-')
}

fn suggest_name(s: &str) -> String {
    let lowered: String = s
        .to_lowercase()
        .chars()
        .map(|c| {
            if c == '_' || c == ' ' || c == '.' {
                '-'
            } else {
                c
            }
        })
        .filter(|c| *c == '-' || c.is_alphanumeric())
        .collect();
    lowered.trim_matches('-').to_string()
}

fn checked_name(lx: &mut Lowerer, word: &Word) -> Option<Name> {
    if is_valid_name(&word.text) {
        return Some(Located {
            value: word.text.as_str().into(),
            span: word.span,
        });
    }
    let suggestion = suggest_name(&word.text);
    let mut d = Diagnostic::error(
        codes::INVALID_NAME,
        word.span,
        format!("`{}` is not a valid name", word.text),
    )
    .with_label("not a valid name");
    d.help = Some(if is_valid_name(&suggestion) {
        d.fixes.push(crate::diagnostic::Fix {
            title: format!("write `{suggestion}`"),
            edits: vec![crate::diagnostic::Edit {
                span: word.span,
                text: suggestion.clone(),
            }],
        });
        format!(
            "names are lower-case letters, digits and `-`, starting with a letter: `{suggestion}`"
        )
        .into()
    } else {
        "names are lower-case letters, digits and `-`, starting with a letter".into()
    });
    lx.report(d);
    None
}

impl Args<'_> {
    pub fn peek_comma(&self) -> bool {
        matches!(self.current(), Some(Value::Comma(_)))
    }

    pub fn peek_span(&self) -> Span {
        self.current().map_or(self.last_span(), Value::span)
    }

    pub fn skip(&mut self) {
        self.pos += 1;
    }

    pub fn skip_all(&mut self) {
        self.pos = self.stmt.values.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The ASCII reading of a name agrees with the reading by Unicode letter classes.
        #[test]
        fn ascii_names_are_read_as_by_letter_classes(s in "[\\x00-\\x7f]{0,8}") {
            let mut chars = s.chars();
            let by_classes = chars
                .next()
                .is_some_and(|c| c.is_alphabetic() && !c.is_uppercase())
                && s.chars().all(|c| {
                    c == '-' || c.is_ascii_digit() || (c.is_alphabetic() && !c.is_uppercase())
                })
                && !s.ends_with('-');
            prop_assert_eq!(is_valid_name(&s), by_classes, "{:?}", s);
        }
    }

    #[test]
    fn the_byte_look_misses_no_invisible_control_character() {
        let mut caught = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("ab{c}cd");
            if is_invisible_control(c) {
                assert!(may_hold_invisible_control(&text), "U+{:04X}", u32::from(c));
                caught += 1;
            }
        }
        assert_eq!(caught, 0x20 - 3 + 0x21 + 5 + 4);
        assert!(!may_hold_invisible_control(
            "Tietoja säilytetään – “ajan”…\n\tloppuun"
        ));
    }
}
