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
    Event,
}

impl Vague {
    fn key(self) -> &'static str {
        match self {
            Vague::Retention => "retention",
            Vague::Recipient => "recipient",
            Vague::Interest => "interest",
            Vague::Event => "event",
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
        .filter(|p| matches_at_any(&words, &p.words, lang))
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

/// A text's words, lower case, without punctuation.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn matches_at_any(words: &[String], pattern: &[&str], lang: &str) -> bool {
    // Most texts contain no phrase: look for the first word before trying alignments.
    if let Some(first) = pattern.first()
        && *first != "..."
        && !words.iter().any(|w| word_matches(w, first, lang))
    {
        return false;
    }
    (0..words.len()).any(|start| matches_from(words.get(start..).unwrap_or(&[]), pattern, lang))
}

fn matches_from(words: &[String], pattern: &[&str], lang: &str) -> bool {
    let Some((first, rest)) = pattern.split_first() else {
        return true;
    };
    if *first == "..." {
        return (0..=6.min(words.len()))
            .any(|skip| matches_from(words.get(skip..).unwrap_or(&[]), rest, lang));
    }
    match words.split_first() {
        Some((word, more)) => word_matches(word, first, lang) && matches_from(more, rest, lang),
        None => false,
    }
}

/// Whether a lower-case word matches one word of a list phrase: `tarpee*` by prefix,
/// `~parties` by Snowball stem, others exactly.
pub fn word_matches(word: &str, pattern: &str, lang: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => word.starts_with(prefix),
        None => match pattern.strip_prefix('~') {
            Some(base) => stem(word, lang) == stem(base, lang),
            None => word == pattern,
        },
    }
}

/// The Snowball stem of a lower-case word in `lang` (`fi`, `sv`, `en`); the word itself in
/// other languages. Inflected forms share a stem: "osapuolet" and "osapuolille" are both
/// `osapuol`, "parties" and "party" both `parti`.
pub fn stem<'a>(word: &'a str, lang: &str) -> std::borrow::Cow<'a, str> {
    use rust_stemmers::{Algorithm, Stemmer};
    use std::sync::OnceLock;
    static FI: OnceLock<Stemmer> = OnceLock::new();
    static SV: OnceLock<Stemmer> = OnceLock::new();
    static EN: OnceLock<Stemmer> = OnceLock::new();
    let stemmer = match lang {
        "fi" => FI.get_or_init(|| Stemmer::create(Algorithm::Finnish)),
        "sv" => SV.get_or_init(|| Stemmer::create(Algorithm::Swedish)),
        "en" => EN.get_or_init(|| Stemmer::create(Algorithm::English)),
        _ => return std::borrow::Cow::Borrowed(word),
    };
    stemmer.stem(word)
}

/// A text's words, lower-case, split into clauses at punctuation (`.`, `,`, `;`, `:`, `!`,
/// `?`, brackets and dashes between words): the unit in which a modal verb finds its
/// subject and what qualifies it.
pub fn clauses(text: &str) -> Vec<Vec<String>> {
    let mut out = vec![Vec::new()];
    // Where the word being read starts: a word is a run of characters, cut from the text
    // and lower-cased once when it ends (every text of every register comes here).
    let mut word_start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        // A full stop inside a token ("aalto.fi", "3.5") does not end the clause.
        let inside = word_start.is_some() && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || ((c == '-' || c == '.' || c == '\'') && inside) {
            word_start.get_or_insert(at);
            continue;
        }
        if let Some(start) = word_start.take()
            && let Some(last) = out.last_mut()
        {
            last.push(lower_each_char(text.get(start..at).unwrap_or("")));
        }
        if matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | '(' | ')' | '–' | '—' | '\n'
        ) && out.last().is_some_and(|l| !l.is_empty())
        {
            out.push(Vec::new());
        }
    }
    if let Some(start) = word_start
        && let Some(last) = out.last_mut()
    {
        last.push(lower_each_char(text.get(start..).unwrap_or("")));
    }
    out.retain(|c| !c.is_empty());
    out
}

/// A word in lower case, character by character (a final `Σ` stays `σ`, as a word's
/// letters are lowered one at a time).
fn lower_each_char(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let mut lower = String::with_capacity(word.len());
    for c in word.chars() {
        lower.extend(c.to_lowercase());
    }
    lower
}

/// How a retention text (criteria, or an event's phrases) reads: K002's judgement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RetentionReading {
    /// A period with its unit: "6 kuukautta", "7 timmar", "14 days".
    Period,
    /// An event that can be told to have happened: "kunnes jäsen eroaa", "when the member
    /// leaves", "efter att räkenskapsåret avslutats".
    Event,
    /// The data is not kept, or not deleted: "ei säilytetä", "are not stored by us".
    NotKept,
    /// Neither: a phrase WP260 calls unclear (`Some`), or simply no period or event.
    Vague(Option<String>),
}

/// Reads a retention text in `lang`. An unclear phrase ("as long as necessary", "kun ei
/// enää tarvita") makes it vague whatever else it says. Otherwise every sentence that says
/// data is kept ("säilytetään", "is stored", "sparas") must give a period or an event, and a
/// text with no such sentence must give a period or an event or say that the data is not
/// kept (or not deleted).
pub fn read_retention(text: &str, lang: &str) -> RetentionReading {
    if let Some(vague) = unclear(text, lang) {
        return vague;
    }
    let mut reading = None;
    for sentence in sentences(text) {
        let clauses = clauses(sentence);
        let period = clauses.iter().any(|c| has_period(c, lang));
        let event = clauses.iter().any(|c| has_event(c, lang));
        let not_kept = clauses.iter().any(|c| not_kept(c, lang));
        let kept = clauses.iter().flatten().any(|w| keeps(w, lang)) && !not_kept;
        if kept && !period && !event {
            return RetentionReading::Vague(None);
        }
        reading = reading.or(if period {
            Some(RetentionReading::Period)
        } else if not_kept {
            Some(RetentionReading::NotKept)
        } else if event {
            Some(RetentionReading::Event)
        } else {
            None
        });
    }
    reading.unwrap_or(RetentionReading::Vague(None))
}

/// Reads the phrases of a user's `event` (`title`, `after`, `until`): vague when they use a
/// phrase WP260 calls unclear, a need that ends ("when no longer needed"), or a relation
/// with no end anyone can tell ("your involvement", "engagemang"; `event` in `vague.txt`).
/// "the member leaves the club" and "for as long as you are a member" are determinable.
pub fn read_event(text: &str, lang: &str) -> RetentionReading {
    if let Some(vague) = unclear(text, lang) {
        return vague;
    }
    if let Some(phrase) = vague_phrases(text, lang, Vague::Event).first() {
        return RetentionReading::Vague(Some(phrase.replace('*', "…").replace('~', "")));
    }
    RetentionReading::Event
}

fn unclear(text: &str, lang: &str) -> Option<RetentionReading> {
    if let Some(phrase) = vague_phrases(text, lang, Vague::Retention).first() {
        return Some(RetentionReading::Vague(Some(
            phrase.replace("...", "…").replace('*', "…"),
        )));
    }
    clauses(text)
        .iter()
        .find_map(|c| need_ended(c, lang))
        .map(|w| RetentionReading::Vague(Some(w)))
}

/// The sentences of a text: split after `.`, `!` or `?` followed by a space or line break.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '.' | '!' | '?' | '\n')
            && chars.peek().is_none_or(|(_, n)| n.is_whitespace())
        {
            let end = i + c.len_utf8();
            out.push(text.get(start..end).unwrap_or(""));
            start = end;
        }
    }
    out.push(text.get(start..).unwrap_or(""));
    out.retain(|s| !s.trim().is_empty());
    out
}

/// A verb of keeping: "säilytetään", "kept", "stored", "sparas", "bevaras".
fn keeps(word: &str, lang: &str) -> bool {
    let verbs: &[&str] = match lang {
        "en" => &["kept", "keep", "stored", "store", "retain", "held", "hold"],
        "fi" => &["säilyt", "säilö", "tallennet", "pidetään", "pidämme"],
        "sv" => &["spara", "sparas", "bevara", "lagra", "behåll"],
        _ => return false,
    };
    starts_with_any(word, verbs)
}

/// "no longer needed", "ei enää tarvita", "inte längre behövs": the end of a need, which
/// only the controller can tell. Returns the words as found.
fn need_ended(c: &[String], lang: &str) -> Option<String> {
    let (ended, need): (&[&str], &[&str]) = match lang {
        "en" => (
            &["longer", "anymore"],
            &["need", "necess", "requir", "exist", "relevan", "purpose"],
        ),
        "fi" => (
            &["enää"],
            &["tarpee", "tarvi", "tarvit", "olemassa", "tarkoitu"],
        ),
        "sv" => (
            &["längre"],
            &["behöv", "nödvänd", "krävs", "kvarstå", "finns", "ändamål"],
        ),
        _ => return None,
    };
    let end = c.iter().find(|w| ended.contains(&w.as_str()))?;
    let need = c
        .iter()
        .find(|w| starts_with_any(w, need) && !w.starts_with("tarvittaessa"))?;
    Some(format!("{end} … {need}"))
}

fn starts_with_any(word: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| word.starts_with(p))
}

/// A number, in digits or words, followed by a unit of time: "10 minuuttia", "sju timmar",
/// "a year", "6 months". "at least 7 hours" is a minimum, not a period.
fn has_period(c: &[String], lang: &str) -> bool {
    let (numbers, units, minimum): (&[&str], &[&str], &[&str]) = match lang {
        "en" => (
            &[
                "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve",
            ],
            &["minute", "hour", "day", "week", "month", "year"],
            &["least", "minimum"],
        ),
        "fi" => (
            &[
                "yksi",
                "yhden",
                "kaksi",
                "kahden",
                "kolme",
                "kolmen",
                "neljä",
                "neljän",
                "viisi",
                "viiden",
                "kuusi",
                "kuuden",
                "seitsemän",
                "kahdeksan",
                "yhdeksän",
                "kymmenen",
            ],
            &[
                "minuut", "tunti", "tunni", "päivä", "päivi", "viikko", "viiko", "kuukau", "vuo",
            ],
            &["vähintään"],
        ),
        "sv" => (
            &[
                "en", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio",
                "elva", "tolv",
            ],
            &["minut", "timm", "timme", "dag", "veck", "månad", "år"],
            &["minst"],
        ),
        _ => return false,
    };
    c.iter().enumerate().any(|(i, w)| {
        let number = w.chars().all(|ch| ch.is_ascii_digit()) || numbers.contains(&w.as_str());
        let unit = c.get(i + 1).is_some_and(|u| starts_with_any(u, units));
        let at_least = (i.saturating_sub(3)..i)
            .any(|j| c.get(j).is_some_and(|m| minimum.contains(&m.as_str())));
        // Finnish needs no number for one: "vuoden ajan" (for a year).
        let one =
            lang == "fi" && starts_with_any(w, units) && c.get(i + 1).is_some_and(|a| a == "ajan");
        ((number && unit) || one) && !at_least
    })
}

/// A negation near a verb of keeping or deleting: "ei säilytetä", "we do not keep", "will
/// not be deleted", "sparas inte", "eikä yhdistys pidä omaa rekisteriä".
fn not_kept(c: &[String], lang: &str) -> bool {
    let (negations, verbs): (&[&str], &[&str]) = match lang {
        "en" => (
            &["not", "never", "no"],
            &[
                "keep", "kept", "stor", "retain", "sav", "delet", "held", "hold", "record",
            ],
        ),
        "fi" => (
            &["ei", "eikä", "eivät", "emme", "en"],
            &["säily", "tallenn", "pidä", "pide", "poist", "kerä", "kerää"],
        ),
        "sv" => (
            &["inte", "ej", "aldrig", "varken"],
            &[
                "spar",
                "lagr",
                "behåll",
                "rader",
                "tas",
                "samla",
                "registrer",
                "för",
            ],
        ),
        _ => return false,
    };
    c.iter().enumerate().any(|(i, w)| {
        negations.contains(&w.as_str())
            && (i.saturating_sub(3)..(i + 7).min(c.len()))
                .filter(|j| *j != i)
                .any(|j| c.get(j).is_some_and(|v| starts_with_any(v, verbs)))
    })
}

/// A conjunction or case of time that introduces an event: "until", "när", "kunnes",
/// "jäsenen erotessa", "tilikauden päätyttyä".
fn has_event(c: &[String], lang: &str) -> bool {
    c.iter().any(|w| match lang {
        "en" => matches!(
            w.as_str(),
            "until" | "till" | "when" | "after" | "upon" | "once" | "following"
        ),
        "sv" => matches!(w.as_str(), "tills" | "när" | "efter"),
        "fi" => {
            matches!(w.as_str(), "kunnes" | "kun" | "jälkeen" | "jälkeisen")
                || (infinitive_inessive(w) && !w.starts_with("tarvi"))
                || w.ends_with("ttua")
                || w.ends_with("ttyä")
        }
        _ => false,
    })
}

/// The Finnish second infinitive's inessive, "when … happens": erotessa, päättyessä,
/// lopettaessa (a vowel or `t` before -essa), not a noun's inessive such as tapauksessa.
fn infinitive_inessive(w: &str) -> bool {
    let stem = w.strip_suffix("essa").or_else(|| w.strip_suffix("essä"));
    stem.and_then(|s| s.chars().last())
        .is_some_and(|c| matches!(c, 't' | 'a' | 'ä' | 'o' | 'ö' | 'u' | 'y' | 'i'))
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
    // Every text of every register comes here, and nearly none holds a character that any
    // of the forms below starts with.
    if memchr::memchr3(b'<', b']', b'{', bytes).is_none()
        && memchr::memchr2(b'*', b'_', bytes).is_none()
    {
        return None;
    }
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
        assert!(
            vague_phrases("våra samarbetspartners", "sv", Vague::Recipient)
                .contains(&"samarbetspartner*")
        );
    }

    #[test]
    fn recipients_are_matched_by_stem() {
        let list = Vague::Recipient;
        for (text, lang) in [
            ("Kolmannet osapuolet", "fi"),
            ("kolmansille osapuolille", "fi"),
            ("Muut tahot", "fi"),
            ("muille yrityksille", "fi"),
            ("Third parties", "en"),
            ("a third party", "en"),
            ("Andra företag", "sv"),
            ("andra företagen", "sv"),
        ] {
            assert!(!vague_phrases(text, lang, list).is_empty(), "{text}");
        }
        assert!(vague_phrases("Partial refunds", "en", list).is_empty());
    }

    #[test]
    fn a_period_an_event_or_not_keeping_is_not_vague() {
        use RetentionReading::*;
        for (text, lang, expected) in [
            (
                "Kertakäyttöiset koodit vanhenevat 15 minuutissa.",
                "fi",
                Period,
            ),
            (
                "Kuitit säilytetään kuusi vuotta tilikauden päätyttyä.",
                "fi",
                Period,
            ),
            ("Varauksen tiedot ovat voimassa 3 kuukautta.", "fi", Period),
            ("Loggar sparas i 48 timmar.", "sv", Period),
            ("Session records are kept for 12 hours.", "en", Period),
            ("Uploads are stored for 30 days.", "en", Period),
            (
                "Tiedot säilytetään, kunnes jäsen eroaa kerhosta.",
                "fi",
                Event,
            ),
            ("Tiedot poistetaan jäsenen erotessa.", "fi", Event),
            (
                "Uppgifterna sparas tills medlemmen lämnar föreningen.",
                "sv",
                Event,
            ),
            (
                "Fakturor sparas efter att räkenskapsåret avslutats.",
                "sv",
                Event,
            ),
            (
                "The address is kept until the member leaves the club.",
                "en",
                Event,
            ),
            ("Keskeneräisiä hakemuksia ei säilytetä.", "fi", NotKept),
            (
                "Comments you post elsewhere will not be deleted.",
                "en",
                NotKept,
            ),
            ("Vi sparar inte kortnumret.", "sv", NotKept),
        ] {
            assert_eq!(read_retention(text, lang), expected, "{text}");
        }
    }

    #[test]
    fn a_need_or_an_open_period_is_vague() {
        for (text, lang) in [
            ("We keep the data as long as necessary.", "en"),
            ("The data is kept so long as required.", "en"),
            ("Logs are kept for at least 7 hours.", "en"),
            ("Kept for a longer period.", "en"),
            ("Tiedot poistetaan, kun niitä ei enää tarvita.", "fi"),
            (
                "Tietoja säilytetään niin pitkään kuin laki velvoittaa.",
                "fi",
            ),
            (
                "Jäsenten tiedot säilytetään lain mukaisesti. Lokit poistetaan 6 kuukauden jälkeen.",
                "fi",
            ),
            ("Uppgifterna sparas enligt leverantörens rutiner.", "sv"),
            ("Uppgifterna raderas när de inte längre behövs.", "sv"),
            (
                "When the legal basis no longer exists, the data is destroyed.",
                "en",
            ),
        ] {
            assert!(
                matches!(read_retention(text, lang), RetentionReading::Vague(_)),
                "{text}"
            );
        }
    }

    #[test]
    fn events_are_things_that_happen() {
        assert_eq!(
            read_event("the member leaves the club", "en"),
            RetentionReading::Event
        );
        assert_eq!(
            read_event("for as long as you are a member", "en"),
            RetentionReading::Event
        );
        assert_eq!(
            read_event("jäsenyyden päättyminen", "fi"),
            RetentionReading::Event
        );
        for (text, lang) in [
            ("for the duration of your involvement with the choir", "en"),
            ("when the data is no longer needed", "en"),
            ("så länge ditt engagemang varar", "sv"),
            ("mukanaolosi ajan", "fi"),
        ] {
            assert!(
                matches!(read_event(text, lang), RetentionReading::Vague(_)),
                "{text}"
            );
        }
    }

    #[test]
    fn clauses_end_at_punctuation_but_not_inside_words() {
        assert_eq!(
            clauses("See aalto.fi, or (rarely) ask."),
            [
                vec!["see", "aalto.fi"],
                vec!["or"],
                vec!["rarely"],
                vec!["ask"]
            ]
        );
    }

    /// The clauses as a character-at-a-time reading makes them: each character lowered as
    /// it is read into the word.
    fn clauses_char_by_char(text: &str) -> Vec<Vec<String>> {
        let mut out = vec![Vec::new()];
        let mut word = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let inside = !word.is_empty() && chars.peek().is_some_and(|n| n.is_alphanumeric());
            if c.is_alphanumeric() || ((c == '-' || c == '.' || c == '\'') && inside) {
                word.extend(c.to_lowercase());
                continue;
            }
            if !word.is_empty() {
                out.last_mut().unwrap().push(std::mem::take(&mut word));
            }
            if matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | '(' | ')' | '–' | '—' | '\n'
            ) && !out.last().unwrap().is_empty()
            {
                out.push(Vec::new());
            }
        }
        if !word.is_empty() {
            out.last_mut().unwrap().push(word);
        }
        out.retain(|c| !c.is_empty());
        out
    }

    #[test]
    fn clauses_cut_words_as_a_character_at_a_time_reading_does() {
        let pieces = [
            "Tiedot",
            "ΣΟΦΙΑΣ",
            "İstanbul",
            "aalto.fi",
            "3.5",
            "don't",
            "e-mail",
            "—",
            "–",
            ".",
            ",",
            " ",
            "\n",
            "'",
            "-",
            "(",
            ")",
            "ÅÄÖ",
            "ǅ",
            "Ⅻ",
            "ß",
            "K",
            "x.",
            "-y",
            "'z'",
        ];
        // Every sequence of up to three pieces, with and without spaces between.
        let mut checked = 0;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for text in [
                        format!("{a}{b}{c}"),
                        format!("{a} {b}{c}"),
                        format!("{a}{b} {c}."),
                    ] {
                        assert_eq!(clauses(&text), clauses_char_by_char(&text), "{text:?}");
                        checked += 1;
                    }
                }
            }
        }
        assert_eq!(checked, 3 * pieces.len().pow(3));
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
