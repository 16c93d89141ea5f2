//! Reading texts: vague wording (WP260), placeholders, markup, and every text of a register
//! with a name for it.

use crate::syntax::ast::{self, LocalText, Located, Text};
use crate::syntax::values::LanguageTag;
use crate::syntax::visit::{Visitor, walk_register};

/// The vague-wording lists, from `vague.txt`.
const VAGUE: &str = include_str!("vague.txt");

/// Which list a phrase belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vague {
    Retention,
    Recipient,
    Interest,
    Hedge,
}

impl Vague {
    fn key(self) -> &'static str {
        match self {
            Vague::Retention => "retention",
            Vague::Recipient => "recipient",
            Vague::Interest => "interest",
            Vague::Hedge => "hedge",
        }
    }
}

/// The phrases of `list` in `lang` that occur in `text`, as written in the list.
pub fn vague_phrases(text: &str, lang: &str, list: Vague) -> Vec<&'static str> {
    let phrases: Vec<&Phrase> = phrase_list()
        .iter()
        .filter(|p| p.list == list.key() && p.lang == lang)
        .collect();
    if phrases.is_empty() {
        return Vec::new();
    }
    let words = words(text);
    phrases
        .into_iter()
        .filter(|p| matches_at_any(&words, &p.words))
        .map(|p| p.written)
        .collect()
}

/// One line of `vague.txt`, split once per process (the check runs it on every text).
struct Phrase {
    list: &'static str,
    lang: &'static str,
    written: &'static str,
    words: Vec<&'static str>,
}

fn phrase_list() -> &'static [Phrase] {
    static PHRASES: std::sync::OnceLock<Vec<Phrase>> = std::sync::OnceLock::new();
    PHRASES.get_or_init(|| {
        VAGUE
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|line| {
                let mut parts = line.splitn(3, ' ');
                let (list, lang, written) = (parts.next()?, parts.next()?, parts.next()?);
                Some(Phrase {
                    list,
                    lang,
                    written,
                    words: written.split(' ').collect(),
                })
            })
            .collect()
    })
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn matches_at_any(words: &[String], pattern: &[&str]) -> bool {
    // Most texts contain no phrase: look for the first word before trying alignments.
    if let Some(first) = pattern.first()
        && *first != "..."
        && !words.iter().any(|w| word_matches(w, first))
    {
        return false;
    }
    (0..words.len()).any(|start| matches_from(words.get(start..).unwrap_or(&[]), pattern))
}

fn matches_from(words: &[String], pattern: &[&str]) -> bool {
    let Some((first, rest)) = pattern.split_first() else {
        return true;
    };
    if *first == "..." {
        return (0..=6.min(words.len()))
            .any(|skip| matches_from(words.get(skip..).unwrap_or(&[]), rest));
    }
    match words.split_first() {
        Some((word, more)) => word_matches(word, first) && matches_from(more, rest),
        None => false,
    }
}

fn word_matches(word: &str, pattern: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(stem) => word.starts_with(stem),
        None => word == pattern,
    }
}

/// A placeholder left in a text: `[insert …]`, `TODO`, `lorem ipsum`, `XXX`.
pub fn placeholder(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    if lower.contains("[insert") {
        return Some("[insert …]");
    }
    if lower.contains("lorem ipsum") {
        return Some("lorem ipsum");
    }
    let upper_words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
    if upper_words.contains(&"TODO") {
        return Some("TODO");
    }
    if upper_words
        .iter()
        .any(|w| w.len() >= 3 && w.chars().all(|c| c == 'X'))
    {
        return Some("XXX");
    }
    None
}

/// Markup that would be shown literally: HTML tags, Markdown links and emphasis, template
/// syntax of site generators.
pub fn markup(text: &str) -> Option<&'static str> {
    let bytes = text.as_bytes();
    let html = bytes.windows(2).any(|w| {
        w.first() == Some(&b'<')
            && w.get(1)
                .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'/' || *c == b'!')
    });
    if html {
        return Some("an HTML tag");
    }
    if text.contains("](") {
        return Some("a Markdown link");
    }
    if text.contains("**") || text.contains("__") {
        return Some("Markdown emphasis");
    }
    if text.contains("{{") || text.contains("{%") {
        return Some("template syntax");
    }
    None
}

/// One text of a register, with what it is called in messages ("the title", "the text of
/// purpose `marketing`").
pub struct NamedText<'a> {
    pub what: String,
    pub text: &'a LocalText,
}

impl NamedText<'_> {
    pub fn entries(&self) -> impl Iterator<Item = (&Located<LanguageTag>, &Text)> {
        self.text.entries.iter().map(|(l, t)| (l, t))
    }
}

/// Every text people read in a register, in order.
pub fn register_texts(r: &ast::Register) -> Vec<NamedText<'_>> {
    struct Texts<'a>(Vec<NamedText<'a>>);
    impl<'a> Visitor<'a> for Texts<'a> {
        fn text(&mut self, what: &dyn Fn() -> String, text: &'a LocalText) {
            self.0.push(NamedText { what: what(), text });
        }
    }
    let mut texts = Texts(Vec::new());
    walk_register(r, &mut texts);
    texts.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finnish_inflections_are_caught_and_lookalikes_are_not() {
        let list = Vague::Retention;
        for text in [
            "Tietoja säilytetään niin kauan kuin on tarpeellista.",
            "niin kauan kuin se on tarpeen",
            "niin kauan kuin henkilötiedon käyttötarkoituksen vuoksi on tarpeellisen",
        ] {
            assert!(!vague_phrases(text, "fi", list).is_empty(), "{text}");
        }
        assert!(vague_phrases("niin kauan kuin tarpeistoa riittää", "fi", list).is_empty());
    }

    #[test]
    fn english_and_swedish_phrases_respect_word_boundaries() {
        assert_eq!(
            vague_phrases("kept for as long as is necessary", "en", Vague::Retention),
            ["as long as ... necessary"]
        );
        assert!(vague_phrases("Studio M may share", "en", Vague::Hedge).contains(&"may"));
        assert!(vague_phrases("in Mayfair", "en", Vague::Hedge).is_empty());
        assert!(
            vague_phrases("Studio M kan komma att överföra", "sv", Vague::Hedge)
                .contains(&"kan komma att")
        );
        assert!(
            vague_phrases("våra samarbetspartners", "sv", Vague::Recipient)
                .contains(&"samarbetspartner*")
        );
    }

    #[test]
    fn placeholders_and_markup_are_found() {
        assert_eq!(placeholder("Contact [insert e-mail]"), Some("[insert …]"));
        assert_eq!(placeholder("TODO: fill in"), Some("TODO"));
        assert_eq!(placeholder("Call XXX"), Some("XXX"));
        assert_eq!(placeholder("Todos los datos"), None);
        assert_eq!(markup("<script>alert(1)</script>"), Some("an HTML tag"));
        assert_eq!(markup("see [here](https://x.fi)"), Some("a Markdown link"));
        assert_eq!(markup("a < b"), None);
    }
}
