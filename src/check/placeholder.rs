//! Placeholders and template leftovers in a text (L003): markers for the writer (`TODO`,
//! `FIXME`, `TBD`, `XXX`, `FIX`), slots to fill (`[COMPANY NAME]`, `[insert …]`,
//! `<insert …>`), template tags (`{{ … }}`, `{% … %}`), lorem ipsum, notes to the writer
//! ("rewrite this", "kirjoita uudelleen", "skriv om detta", "X knows who") and two
//! phrasings left side by side for the writer to choose (`på webbplatsen/i handboken`).
//!
//! Precision first: ordinary capitalised words, acronyms (`GDPR`, `IMY`), "to do" in
//! running prose, `[Art. 6]`, `and/or` and `km/h` are not placeholders.

use crate::check::names::{Text, Word};

/// Markers a writer leaves for themself; whole words, upper case only.
const MARKERS: [&str; 4] = ["TODO", "FIXME", "TBD", "TBC"];

/// Words that open a slot to fill in, after `[` or `<`.
const SLOT_WORDS: [&str; 8] = [
    "insert", "lisää", "infoga", "fyll", "täytä", "enter", "add", "kirjoita",
];

/// Notes to the writer, in words (whole words, case-insensitive).
const NOTES: [&[&str]; 11] = [
    &["rewrite", "this"],
    &["knows", "who"],
    &["to", "be", "confirmed"],
    &["to", "be", "written"],
    &["kirjoita", "uudelleen"],
    &["kirjoitetaan", "myöhemmin"],
    &["täydennetään", "myöhemmin"],
    &["skriv", "om", "detta"],
    &["skriv", "om", "texten"],
    &["fylls", "i", "senare"],
    &["skrivs", "senare"],
];

/// Short words that begin the second of two phrasings glued by `/`.
const SECOND_PHRASE: [&str; 13] = [
    "i", "på", "av", "för", "till", "hos", "med", "in", "on", "at", "by", "via", "from",
];

/// The first placeholder in `text`, as it is called in the finding.
pub fn find(text: &str) -> Option<String> {
    find_read(&Text::new(text, None))
}

/// [`find`], in a text already read for names ([`crate::check::RegisterCx::texts`]): the
/// notes to the writer are matched against its words in lower case, read once for every
/// rule instead of lower-casing the whole text again.
pub fn find_read(read: &Text) -> Option<String> {
    let text = read.as_str();
    if has_lorem_ipsum(text) {
        return Some("lorem ipsum".into());
    }
    if let Some(tag) = template_tag(text) {
        return Some(tag);
    }
    if let Some(slot) = slot(text) {
        return Some(slot);
    }
    // Every text of every register comes here: a marker has three capitals in a row, so
    // most texts are ruled out before any word is split off.
    if has_capitals_run(text)
        && let Some(marker) = marker(text)
    {
        return Some(marker);
    }
    note_in(read).or_else(|| alternatives(text))
}

/// Whether the text's lower case holds "lorem ipsum". Only ASCII letters lower-case to
/// those letters (besides `İ`, which lowers to `i` and a combining dot, so never to
/// "ip"), so an ASCII comparison ignoring case is the same test, without a lower-case copy.
fn has_lorem_ipsum(text: &str) -> bool {
    const LOREM: &[u8] = b"lorem ipsum";
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'l', b'L', bytes).any(|at| {
        bytes
            .get(at..at + LOREM.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(LOREM))
    })
}

/// The first of [`NOTES`] in the text, read word by word in lower case.
fn note_in(read: &Text) -> Option<String> {
    // One letter lower-cases to two characters, `İ` to `i` and a combining dot that is not
    // a letter, so it splits its word when the whole text is lower-cased: such a text is
    // split as its lower case is.
    if read.as_str().contains('\u{130}') {
        let lower = read.as_str().to_lowercase();
        return note(Text::new(&lower, None).words());
    }
    note(read.words())
}

/// The words of a text: maximal runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// `TODO`, `XXX`, `FIX` (the last only in a text that is not all capitals).
fn marker(text: &str) -> Option<String> {
    if let Some(m) = words(text).find(|w| MARKERS.contains(w)) {
        return Some(m.to_string());
    }
    if let Some(x) = words(text).find(|w| w.len() >= 3 && w.chars().all(|c| c == 'X')) {
        return Some(x.to_string());
    }
    // `FIX` is an English word too: a marker only in a text that is not all capitals.
    if text.chars().any(char::is_lowercase) && words(text).any(|w| w == "FIX") {
        return Some("FIX".into());
    }
    None
}

/// Whether a word is the first word of one of [`NOTES`] (a test keeps the two in step):
/// one `match` per word of every text, where trying each note would be eleven.
fn may_start_note(word: &str) -> bool {
    matches!(
        word,
        "rewrite"
            | "knows"
            | "to"
            | "kirjoita"
            | "kirjoitetaan"
            | "täydennetään"
            | "skriv"
            | "fylls"
            | "skrivs"
    )
}

/// The first of [`NOTES`] whose words follow one another in `words`, read in lower case.
fn note(words: &[Word]) -> Option<String> {
    // Only where a note's first word stands can a note start: the first note of the list
    // that does is the one found, as if each note were looked for in turn.
    let mut first: Option<usize> = None;
    for (at, word) in words.iter().enumerate() {
        if !may_start_note(word.lower()) {
            continue;
        }
        let rest = words.get(at..).unwrap_or(&[]);
        let starts = |note: &&[&str]| {
            note.len() <= rest.len() && note.iter().zip(rest).all(|(n, w)| *n == w.lower())
        };
        if let Some(k) = NOTES.iter().position(starts) {
            first = Some(first.map_or(k, |f| f.min(k)));
        }
    }
    first.and_then(|k| NOTES.get(k)).map(|note| note.join(" "))
}

/// Whether three capital ASCII letters follow one another, as in every marker.
fn has_capitals_run(text: &str) -> bool {
    text.as_bytes()
        .windows(3)
        .any(|w| w.iter().all(u8::is_ascii_uppercase))
}

/// `{{ page.title }}`, `{% if %}`: a site generator's tags left in the text.
fn template_tag(text: &str) -> Option<String> {
    memchr::memchr(b'{', text.as_bytes())?;
    for (open, close) in [("{{", "}}"), ("{%", "%}")] {
        if let Some(at) = text.find(open)
            && text.get(at + 2..).is_some_and(|rest| rest.contains(close))
        {
            return Some(format!("{open} … {close}"));
        }
    }
    None
}

/// `[COMPANY NAME]`, `[insert e-mail]`, `<insert address>`: a slot never filled.
fn slot(text: &str) -> Option<String> {
    memchr::memchr2(b'[', b'<', text.as_bytes())?;
    for (open, close) in [('[', ']'), ('<', '>')] {
        let mut rest = text;
        while let Some(at) = rest.find(open) {
            let after = rest.get(at + open.len_utf8()..).unwrap_or("");
            let Some(end) = after.find(close) else {
                break;
            };
            let inside = after.get(..end).unwrap_or("").trim();
            rest = after.get(end..).unwrap_or("");
            if inside.is_empty() || inside.chars().count() > 60 {
                continue;
            }
            let first = inside
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_lowercase();
            if SLOT_WORDS.contains(&first.as_str()) {
                return Some(format!("{open}{first} …{close}"));
            }
            if capitals_slot(inside) {
                return Some(format!("{open}{inside}{close}"));
            }
        }
    }
    None
}

/// Upper-case words in brackets: two or more (`COMPANY NAME`, `YOUR_EMAIL`), or one of five
/// letters or more (`ADDRESS`). A short acronym alone (`[EU]`, `[GDPR]`) is not a slot.
fn capitals_slot(inside: &str) -> bool {
    let letters = inside.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 || inside.chars().any(char::is_lowercase) {
        return false;
    }
    if !inside
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '_' | '-' | '.' | '\''))
    {
        return false;
    }
    let words = inside
        .split([' ', '_'])
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    words >= 2 || letters >= 5
}

/// `här på webbplatsen/i personalhandboken`: a word, `/`, and a second phrase opened by a
/// preposition, the writer's two options left side by side. `and/or`, `km/h` and
/// `Datainspektionen/IMY` are not.
fn alternatives(text: &str) -> Option<String> {
    memchr::memchr(b'/', text.as_bytes())?;
    for (at, _) in text.match_indices('/') {
        let before = text.get(..at).unwrap_or("");
        let after = text.get(at + 1..).unwrap_or("");
        let left: String = before
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let mut right = after.splitn(3, ' ');
        let (Some(first), Some(second)) = (right.next(), right.next()) else {
            continue;
        };
        if left.chars().count() >= 3
            && left.chars().all(char::is_lowercase)
            && SECOND_PHRASE.contains(&first)
            && second.chars().next().is_some_and(char::is_alphabetic)
        {
            let second = second.trim_end_matches(|c: char| !c.is_alphanumeric());
            return Some(format!("{left}/{first} {second}"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{NOTES, find, may_start_note};
    use proptest::prelude::*;

    /// The notes and lorem ipsum as first written: on the lower case of the whole text.
    fn note_or_lorem_by_lower_case(text: &str) -> Option<String> {
        let lower = text.to_lowercase();
        if lower.contains("lorem ipsum") {
            return Some("lorem ipsum".into());
        }
        // The first note whose words follow one another, as the words of the whole lower
        // case: written out again here, apart from `note`, so that the two can disagree.
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        (0..words.len())
            .filter_map(|at| {
                NOTES
                    .iter()
                    .position(|note| words.get(at..).is_some_and(|rest| rest.starts_with(note)))
            })
            .min()
            .and_then(|k| NOTES.get(k))
            .map(|note| note.join(" "))
    }

    proptest! {
        /// Reading the words of a text in lower case one by one finds what lower-casing the
        /// whole text found, also next to letters whose lower case is not one letter (`İ`),
        /// depends on what follows (`Σ`), or is ASCII (the Kelvin sign `K`).
        #[test]
        fn notes_are_found_as_in_the_lower_cased_text(
            before in "(İ|Σ|\u{212A}|ä|x| |\\.){0,3}",
            phrase in prop::sample::select(
                NOTES.iter().map(|n| n.join(" ")).chain(["lorem ipsum".to_string()]).collect::<Vec<_>>()
            ),
            between in prop::collection::vec("( |  |İ|Σ|\\.|-|\u{307})", 3),
            capitals in any::<u8>(),
            after in "(İ|Σ|\u{212A}|ä|x| |\\.){0,3}",
        ) {
            let mut text = before;
            for (i, word) in phrase.split(' ').enumerate() {
                if i > 0 {
                    text.push_str(between.get(i - 1).map_or(" ", String::as_str));
                }
                if capitals & (1 << i) != 0 {
                    text.push_str(&word.to_uppercase());
                } else {
                    text.push_str(word);
                }
            }
            text.push_str(&after);
            prop_assert_eq!(find(&text), note_or_lorem_by_lower_case(&text), "{:?}", text);
        }
    }

    #[test]
    fn placeholders_are_found() {
        for (text, found) in [
            ("TODO: describe customer service", "TODO"),
            ("Säilytysaika: TBD", "TBD"),
            ("Contact FIXME", "FIXME"),
            ("FIX, Maija knows who", "FIX"),
            ("Yhteyshenkilö: XXXX", "XXXX"),
            ("Rekisterinpitäjä on [YRITYKSEN NIMI].", "[YRITYKSEN NIMI]"),
            ("Controller: [COMPANY_NAME]", "[COMPANY_NAME]"),
            ("Write to [ADDRESS].", "[ADDRESS]"),
            ("Contact [insert e-mail]", "[insert …]"),
            ("Ota yhteyttä: <lisää sähköposti>", "<lisää …>"),
            ("Updated {{ page.last_modified_at }}", "{{ … }}"),
            ("{% include contact.html %}", "{% … %}"),
            ("Lorem ipsum dolor sit amet", "lorem ipsum"),
            ("Kirjoita uudelleen ennen julkaisua.", "kirjoita uudelleen"),
            ("Skriv om detta stycke.", "skriv om detta"),
            ("Ask Pekka, he knows who.", "knows who"),
            (
                "Ändringar meddelas här på webbplatsen/i personalhandboken.",
                "webbplatsen/i personalhandboken",
            ),
        ] {
            assert_eq!(find(text).as_deref(), Some(found), "{text}");
        }
    }

    #[test]
    fn every_note_starts_with_a_word_that_may_start_one() {
        for note in NOTES {
            assert!(note.first().is_some_and(|w| may_start_note(w)), "{note:?}");
        }
    }

    #[test]
    fn ordinary_text_is_not_a_placeholder() {
        for text in [
            "Todos los datos",
            "Personal data is processed under the GDPR in the EU; complaints go to IMY.",
            "We keep a to do list of requests and fix errors at once.",
            "Rights under the GDPR [Art. 15] and [Art. 6(1)(f)].",
            "Lähde: [EU] ja [GDPR]",
            "He/she may use the data and/or share it; speed in km/h is logged.",
            "Datainspektionen/Integritetsskyddsmyndigheten",
            "Tiedot säilytetään 5 vuotta. Kirjoitamme sinulle uudelleen tarvittaessa.",
            "OTA YHTEYTTÄ: FIX OY",
            "a < b and c > d",
        ] {
            assert_eq!(find(text), None, "{text}");
        }
    }
}
