//! Hedges (V001): whether a "may", "kan" or "voidaan" in a sentence qualifies what the
//! controller does ("we may disclose", "tietoja voidaan luovuttaa") or grants the reader a
//! permission, describes an ability or a choice, or states a limit ("you may object", "du
//! kan läsa mer", "uppgifter som kan identifiera dig", "voidaan käyttää suostumuksellasi",
//! "who may use it only for").
//!
//! The method reads each clause (text between punctuation) around the word:
//!
//! - **the subject**: the reader ("you", "du", "voit" by its ending), a data subject named
//!   as one ("members", "medlemmen", "jäsen"), or the reader's own thing ("your browser")
//!   make a modal a permission or an ability; "we", "vi", "voimme", a passive ("voidaan",
//!   "may be disclosed") or any other third party make it a hedge;
//! - **what qualifies it**: "only" (a limit), consent or request (the person chooses), a
//!   negation ("kan inte", "ei voi": a plain statement);
//! - **a relative clause** with an active verb ("som kan identifiera", "jotka voivat
//!   paljastaa") describes what something is able to do;
//! - **quantifiers** ("some", "vissa", "joitakin") hedge only when they leave open which
//!   data ("some of your data", "vissa uppgifter"), not in "in some cases";
//! - "kan komma att", "might", "possibly", "mahdollisesti", "eventuellt" always hedge, and
//!   "possible" unless negated ("not possible");
//! - a Finnish clause that opens with "voi" has no subject: the zero person of instructions
//!   ("voi pyytää erikseen", one can ask).
//!
//! Finnish verbs are recognised by their paradigm (voi-, saatta-) and their person ending,
//! other words by Snowball stem or prefix, so inflected forms need no list of their own.

use super::wording::{clauses, stem};
use memchr::memmem::Finder;
use std::sync::LazyLock;

/// The hedging words of `text` in `lang` (`en`, `fi`, `sv`), lower case, each once, in the
/// order they occur. Other languages have none.
pub fn hedges(text: &str, lang: &str) -> Vec<String> {
    if !may_hedge(text, lang) {
        return Vec::new();
    }
    read_hedges(text, lang)
}

/// How the words a hedge is read at begin, per language (see `english`, `swedish` and
/// `finnish`): "possibl" for "possible" and "possibly", "joi" and "jotk" for the Finnish
/// quantifiers, "voi", "saatt" and "saate" for the forms of "voida" and "saattaa".
fn hedge_starts(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => &["might", "possibl", "often", "may", "some"],
        "sv" => &["kan", "vissa", "eventuell"],
        "fi" => &["voi", "saatt", "saate", "mahdollisesti", "joi", "jotk"],
        _ => &[],
    }
}

/// Whether `text` may hold a hedge: a text without any of its language's hedge starts, in
/// any letter case, has none, and most texts are skipped without reading their clauses
/// word by word. Two letters lower-case to ASCII from elsewhere (`K`, the Kelvin sign, to
/// `k`; `İ` to `i` and a dot): a text with one is read in full.
fn may_hedge(text: &str, lang: &str) -> bool {
    if hedge_starts(lang).is_empty() {
        return false;
    }
    if text.contains(['\u{212a}', '\u{130}']) {
        return true;
    }
    let lower = text.to_ascii_lowercase();
    start_finders(lang)
        .iter()
        .any(|start| start.find(lower.as_bytes()).is_some())
}

/// A substring searcher for each of [`hedge_starts`] of a language, built once per process:
/// `str::contains` builds one on every call, and every text of every register is read here.
fn start_finders(lang: &str) -> &'static [Finder<'static>] {
    fn of(lang: &str) -> Vec<Finder<'static>> {
        hedge_starts(lang).iter().map(Finder::new).collect()
    }
    static EN: LazyLock<Vec<Finder<'static>>> = LazyLock::new(|| of("en"));
    static SV: LazyLock<Vec<Finder<'static>>> = LazyLock::new(|| of("sv"));
    static FI: LazyLock<Vec<Finder<'static>>> = LazyLock::new(|| of("fi"));
    match lang {
        "en" => &EN,
        "sv" => &SV,
        "fi" => &FI,
        _ => &[],
    }
}

fn read_hedges(text: &str, lang: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for clause in clauses(text) {
        for i in 0..clause.len() {
            let hedge = match lang {
                "en" => english(&clause, i),
                "sv" => swedish(&clause, i),
                "fi" => finnish(&clause, i),
                _ => None,
            };
            if let Some(h) = hedge
                && !found.contains(&h)
            {
                found.push(h);
            }
        }
    }
    found
}

fn at(c: &[String], i: usize) -> &str {
    c.get(i).map_or("", String::as_str)
}

/// The word before `i`, skipping adverbs that may stand between a subject and its verb.
fn before<'a>(c: &'a [String], i: usize, adverbs: &[&str]) -> (&'a str, usize) {
    let mut j = i;
    while j > 0 {
        j -= 1;
        let w = at(c, j);
        if !adverbs.contains(&w) {
            return (w, j);
        }
    }
    ("", 0)
}

/// The word after `i`, skipping adverbs.
fn after<'a>(c: &'a [String], i: usize, adverbs: &[&str]) -> (&'a str, usize) {
    let mut j = i + 1;
    while j < c.len() {
        let w = at(c, j);
        if !adverbs.contains(&w) {
            return (w, j);
        }
        j += 1;
    }
    ("", c.len())
}

fn starts_with_any(word: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| word.starts_with(p))
}

/// Whether a word after `i` in the clause limits the modal ("only", "vain", "endast").
fn limited(c: &[String], i: usize, only: &[&str]) -> bool {
    c.iter().skip(i + 1).any(|w| only.contains(&w.as_str()))
}

/// Whether the clause makes the act depend on the person's consent or request.
fn by_choice(c: &[String], lang: &str, stems: &[&str]) -> bool {
    c.iter()
        .any(|w| starts_with_any(w, stems) || stems.contains(&stem(w, lang).as_ref()))
}

/// Whether the quantifier at `i` leaves open which data: "some data", "some of your data",
/// "vissa av dina uppgifter", "joitakin tietojasi"; not "in some cases".
fn quantifies_data(c: &[String], i: usize, data: &[&str], of: &[&str]) -> bool {
    let (next, n) = after(c, i, &[]);
    if of.contains(&next) {
        // "some of (your/the) data": the noun after the determiner.
        return (n + 1..(n + 4).min(c.len())).any(|j| starts_with_any(at(c, j), data));
    }
    starts_with_any(next, data) || starts_with_any(at(c, n + 1), data)
}

// English -------------------------------------------------------------------------------

const EN_ADVERBS: &[&str] = &[
    "also",
    "only",
    "still",
    "then",
    "therefore",
    "sometimes",
    "occasionally",
    "further",
    "additionally",
    "however",
    "thus",
    "even",
    "always",
    "now",
    "in",
    "turn",
    "at",
    "any",
    "time",
];
const EN_READER: &[&str] = &[
    "you",
    "anyone",
    "anybody",
    "everyone",
    "everybody",
    "nobody",
    "users",
    "members",
    "customers",
    "visitors",
    "subscribers",
    "participants",
    "applicants",
    "subjects",
    "volunteers",
    "user",
    "member",
    "customer",
    "visitor",
    "subscriber",
    "participant",
    "applicant",
    "subject",
    "volunteer",
    "individuals",
    "individual",
    "people",
    "persons",
];
const EN_DATA: &[&str] = &["data", "information", "details", "personal"];

/// Whether the word at `s`, the only candidate for the modal's subject, is the object of a
/// preposition that opens the clause ("anywhere in the world may run", the subject standing
/// before a comma in the clause before): a prepositional phrase is no subject, and the real
/// one is out of sight, so the modal is not judged.
fn in_opening_phrase(c: &[String], s: usize) -> bool {
    const PREPOSITIONS: &[&str] = &[
        "in",
        "at",
        "on",
        "across",
        "around",
        "throughout",
        "within",
        "from",
        "outside",
    ];
    const DETERMINERS: &[&str] = &["the", "a", "an", "this", "that", "our", "your", "their"];
    (2..=3).contains(&s)
        && PREPOSITIONS.contains(&at(c, s - 2))
        && DETERMINERS.contains(&at(c, s - 1))
}

fn english(c: &[String], i: usize) -> Option<String> {
    let w = at(c, i);
    match w {
        "might" | "possibly" | "often" => Some(w.into()),
        // "in May 2026" is a month.
        "may" if !at(c, i + 1).starts_with(|d: char| d.is_ascii_digit()) => {
            let (subject, s) = before(c, i, EN_ADVERBS);
            if in_opening_phrase(c, s) {
                return None;
            }
            let permission = EN_READER.contains(&subject)
                || (s > 0 && at(c, s - 1) == "your" && !EN_DATA.contains(&subject));
            let qualified = limited(c, i, &["only", "solely", "exclusively"])
                || by_choice(c, "en", &["consent", "request"]);
            (!permission && !qualified).then(|| w.into())
        }
        "some" => quantifies_data(c, i, EN_DATA, &["of"]).then(|| w.into()),
        "possible" => {
            let negated = (i.saturating_sub(3)..i)
                .any(|j| matches!(at(c, j), "not" | "no" | "never" | "nor"));
            (!negated).then(|| w.into())
        }
        _ => None,
    }
}

// Swedish -------------------------------------------------------------------------------

const SV_READER: &[&str] = &[
    "du",
    "ni",
    "man",
    "alla",
    "vem",
    "medlem",
    "medlemmen",
    "medlemmar",
    "medlemmarna",
    "användare",
    "användaren",
    "användarna",
    "kund",
    "kunden",
    "kunder",
    "kunderna",
    "besökare",
    "besökaren",
    "besökarna",
    "deltagare",
    "deltagaren",
    "deltagarna",
    "den",
    "registrerade",
];
const SV_YOUR: &[&str] = &["din", "ditt", "dina", "er", "ert", "era"];
const SV_DATA: &[&str] = &[
    "uppgift",
    "personuppgift",
    "data",
    "information",
    "namn",
    "bild",
    "adress",
];

fn swedish(c: &[String], i: usize) -> Option<String> {
    let w = at(c, i);
    match w {
        "kan" => {
            if at(c, i + 1) == "komma" && at(c, i + 2) == "att" {
                return Some("kan komma att".into());
            }
            let (prev, p) = before(c, i, &["även", "också", "alltid", "då", "därför", "dock"]);
            let (next, n) = after(c, i, &["även", "också", "alltid", "dock"]);
            if next == "inte" || next == "aldrig" {
                return None;
            }
            if prev == "vi" || next == "vi" {
                return Some(w.into());
            }
            if limited(c, i, &["endast", "bara", "enbart", "uteslutande"])
                || by_choice(c, "sv", &["samtyck", "begär"])
            {
                return None;
            }
            // "du kan", "kan du", "medlemmen kan": the reader's permission or right.
            if SV_READER.contains(&prev) || matches!(next, "du" | "ni" | "man") {
                return None;
            }
            // "din webbläsare kan", "kan ditt namn": the reader's own thing is an ability;
            // the reader's data is what the controller does with it.
            let own = |noun: &str| !starts_with_any(noun, SV_DATA);
            if p > 0 && SV_YOUR.contains(&at(c, p - 1)) {
                return (!own(prev)).then(|| w.into());
            }
            if SV_YOUR.contains(&next) {
                return (!own(at(c, n + 1))).then(|| w.into());
            }
            // "uppgifter som kan identifiera dig": what something is able to do. A passive
            // ("som kan lämnas ut") is what is done with it.
            if prev == "som" && !next.ends_with('s') {
                return None;
            }
            Some(w.into())
        }
        "vissa" => quantifies_data(c, i, SV_DATA, &["av"]).then(|| w.into()),
        // "eventuellt" (possibly) hedges; "eventuella" (any) only when it leaves the data open.
        "eventuellt" => Some(w.into()),
        _ if w.starts_with("eventuell") => quantifies_data(c, i, SV_DATA, &[]).then(|| w.into()),
        _ => None,
    }
}

// Finnish -------------------------------------------------------------------------------

/// The person of a form of "voida" or "saattaa" (can, may): `None` if the word is not one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Person {
    First,
    Second,
    Third,
    Passive,
}

fn finnish_modal(w: &str) -> Option<Person> {
    let ending = w
        .strip_prefix("voi")
        .or_else(|| w.strip_prefix("saatt"))
        .or_else(|| w.strip_prefix("saate"))?;
    let saattaa = !w.starts_with("voi");
    // The endings of the present, conditional and past of both verbs.
    let person = match ending {
        "" | "vat" | "si" | "sivat" | "nut" | "neet" if !saattaa => Person::Third,
        "aa" | "avat" | "aisi" | "aisivat" | "oi" | "oivat" | "anut" | "aneet" if saattaa => {
            Person::Third
        }
        "n" | "mme" | "sin" | "simme" if !saattaa => Person::First,
        "an" | "amme" | "aisin" | "aisimme" if saattaa => Person::First,
        "t" | "tte" | "sit" | "sitte" if !saattaa => Person::Second,
        "at" | "atte" | "aisit" | "aisitte" if saattaa => Person::Second,
        "daan" | "taisiin" | "tiin" if !saattaa => Person::Passive,
        "taan" | "ttaisiin" | "ttiin" if saattaa => Person::Passive,
        _ => return None,
    };
    Some(person)
}

const FI_ADVERBS: &[&str] = &[
    "myös",
    "aina",
    "kuitenkin",
    "siis",
    "lisäksi",
    "milloin",
    "tahansa",
    "halutessaan",
    "halutessasi",
    "sitten",
];
const FI_READER: &[&str] = &[
    "sinä",
    "te",
    "sinulla",
    "teillä",
    "jäsen",
    "jäsenet",
    "käyttäjä",
    "käyttäjät",
    "asiakas",
    "asiakkaat",
    "rekisteröity",
    "rekisteröidyt",
    "osallistuja",
    "osallistujat",
    "hakija",
    "hakijat",
    "kuka",
    "kukin",
    "jokainen",
    "huoltaja",
    "huoltajat",
];
const FI_NEGATION: &[&str] = &["ei", "en", "et", "emme", "ette", "eivät"];
const FI_DATA: &[&str] = &["tieto", "tiedo", "tietoj", "henkilötie", "henkilötiedo"];

fn finnish(c: &[String], i: usize) -> Option<String> {
    let w = at(c, i);
    if w == "mahdollisesti" {
        return Some(w.into());
    }
    if matches!(
        w,
        "joitakin" | "joitain" | "joissakin" | "joissain" | "jotkin" | "jotkut" | "joistakin"
    ) {
        return quantifies_data(c, i, FI_DATA, &[]).then(|| w.into());
    }
    let person = finnish_modal(w)?;
    let (prev, _) = before(c, i, FI_ADVERBS);
    // "sinulla saattaa olla oikeus": the reader's right, possessed (adessive) not acted.
    if person == Person::Second || FI_NEGATION.contains(&prev) || FI_READER.contains(&prev) {
        return None;
    }
    // "…, voi pyytää erikseen": a clause that opens with "voi" has no subject, the zero
    // person of instructions ("one can ask").
    if w == "voi" && prev.is_empty() {
        return None;
    }
    if limited(c, i, &["vain", "ainoastaan", "pelkästään"])
        || by_choice(c, "fi", &["suostumu", "pyynnö", "pyynnös", "luva", "lupa"])
    {
        return None;
    }
    if person == Person::First {
        return Some(w.into());
    }
    if person == Person::Third && matches!(prev, "joka" | "jotka") {
        return None;
    }
    Some(w.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_with_hedge_starts_has_their_searchers() {
        for lang in ["en", "sv", "fi", "da", "nb", "de", "fr", "es", ""] {
            let starts = hedge_starts(lang);
            let finders = start_finders(lang);
            assert_eq!(finders.len(), starts.len(), "{lang}");
            for (f, s) in finders.iter().zip(starts) {
                assert_eq!(f.needle(), s.as_bytes(), "{lang}");
            }
        }
    }

    fn flagged(text: &str, lang: &str) -> bool {
        !hedges(text, lang).is_empty()
    }

    /// Every line of the shipped examples: the texts of real notices, hedges and all.
    fn lines_of_the_examples() -> Vec<String> {
        let files = crate::testing::reg_files("examples");
        let lines: Vec<String> = files
            .iter()
            .flat_map(|(_, text)| text.lines().map(String::from))
            .collect();
        assert!(lines.len() > 500, "{}", lines.len());
        lines
    }

    #[test]
    fn only_the_two_letters_named_lower_case_to_ascii_from_elsewhere() {
        let to_ascii: Vec<char> = (0x80..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|c| c.to_lowercase().any(|l| l.is_ascii()))
            .collect();
        assert_eq!(to_ascii, ['\u{130}', '\u{212a}']);
    }

    #[test]
    fn a_text_skipped_has_no_hedge_when_read_in_full() {
        let mut texts: Vec<String> = Vec::new();
        for language in ["en", "sv", "fi"] {
            for start in hedge_starts(language) {
                for (before, after) in
                    [("", ""), ("We ", " it."), ("x", "y"), ("", "-"), (" ", ".")]
                {
                    texts.push(format!("{before}{start}{after}"));
                    texts.push(format!("{before}{}{after}", start.to_uppercase()));
                    // One letter short: skipped, and no hedge either.
                    texts.push(format!("{before}{}{after}", &start[1..]));
                }
            }
        }
        texts.extend(
            [
                "We \u{212a}AN send it.",
                "Vi \u{212a}an lämna ut uppgifterna.",
                "Tietoja VOİdaan luovuttaa.",
                "Tietoja VOIDAAN luovuttaa.",
                "Uppgifter KAN KOMMA ATT lämnas ut.",
                "WE MAY SHARE SOME DATA.",
            ]
            .map(String::from),
        );
        texts.extend(lines_of_the_examples());
        let mut read = 0;
        for text in &texts {
            for language in ["en", "sv", "fi", "de"] {
                let full = read_hedges(text, language);
                if !may_hedge(text, language) {
                    assert!(full.is_empty(), "{language} {text:?}: {full:?}");
                } else {
                    read += 1;
                }
                assert_eq!(hedges(text, language), full, "{language} {text:?}");
            }
        }
        assert!(
            read > 0 && read < texts.len() * 4,
            "{read} of {}",
            texts.len() * 4
        );
    }

    #[test]
    fn english_permissions_abilities_and_limits_are_not_hedges() {
        for text in [
            "You may ask us for a copy of the recordings at any time.",
            "Members may also object by writing to the secretary.",
            "Your phone may be set to refuse the tracking pixel.",
            "The printer, who may read the addresses only to post the magazine, is bound by contract.",
            "We ask for the phone number in some cases, such as trips abroad.",
            "It is not possible to join the choir without giving a name.",
            "The photos may be shown on the notice board with your consent.",
            "The protocol is open, and anyone, anywhere in the world may run a server.",
        ] {
            assert!(!flagged(text, "en"), "{text}: {:?}", hedges(text, "en"));
        }
    }

    #[test]
    fn english_hedges_on_what_the_controller_does_are_found() {
        for (text, word) in [
            ("We may pass your address to the bakery.", "may"),
            ("In such cases data may be disclosed to the police.", "may"),
            ("In the end we may keep the photos.", "may"),
            ("This may include your shoe size.", "may"),
            ("Photos may also be kept in the archive.", "may"),
            ("The tickets you buy may include your seat.", "may"),
            ("We keep some of your data for longer.", "some"),
            ("We might contact you.", "might"),
            ("Where possible we delete logs.", "possible"),
        ] {
            assert_eq!(hedges(text, "en"), [word], "{text}");
        }
    }

    #[test]
    fn swedish_reader_and_ability_against_controller_hedges() {
        for text in [
            "Du kan läsa mer om kakor i vår ordlista.",
            "Vill du det, kan du när som helst dra tillbaka samtycket.",
            "Loggarna innehåller inga uppgifter som kan identifiera dig.",
            "Din mobil kan också ställas in så att den stoppar spårning.",
            "Vissa konserter sänds via radio.",
            "Vi kan inte se ditt lösenord.",
        ] {
            assert!(!flagged(text, "sv"), "{text}: {:?}", hedges(text, "sv"));
        }
        for (text, word) in [
            (
                "Vi kan komma att lämna ut adressen till tryckeriet.",
                "kan komma att",
            ),
            ("Bilder som vi kan använda visas på sidan.", "kan"),
            ("Om du sjunger med kan ditt namn stå i programmet.", "kan"),
            ("Dessa tjänster kan sätta egna kakor.", "kan"),
            ("Vi sparar vissa uppgifter i ett år.", "vissa"),
            ("Eventuella bilder raderas efter ett år.", "eventuella"),
        ] {
            assert_eq!(hedges(text, "sv"), [word], "{text}");
        }
    }

    #[test]
    fn finnish_person_endings_decide() {
        for text in [
            "Voit pyytää tietojen poistamista milloin tahansa.",
            "Jäsen voi kieltää kuvansa julkaisemisen.",
            "Osoitetta voidaan käyttää kerhon lehden lähettämiseen jäsenen suostumuksella.",
            "Emme voi nähdä korttisi numeroa, koska ei voida.",
            "Laskuttaja voi käyttää tietoja vain laskujen lähettämiseen.",
            "Joissain tapauksissa pyydämme myös puhelinnumeron.",
            "Sopimus on voimassa vuoden.",
        ] {
            assert!(!flagged(text, "fi"), "{text}: {:?}", hedges(text, "fi"));
        }
        for (text, word) in [
            ("Tietoja voidaan luovuttaa poliisille.", "voidaan"),
            ("Voimme lähettää osoitteesi kirjapainolle.", "voimme"),
            (
                "Kumppanit saattavat toimia myös rekisterinpitäjinä.",
                "saattavat",
            ),
            ("Hallitus voi ilmoittaa tiedot liitolle.", "voi"),
            ("Säilytämme joitakin tietoja pidempään.", "joitakin"),
        ] {
            assert_eq!(hedges(text, "fi"), [word], "{text}");
        }
    }
}
