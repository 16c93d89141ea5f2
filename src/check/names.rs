//! Finding the names of known things (`known-as`) in free text: by Snowball word stem in
//! the text's language, so that every inflection is found without a list of forms, and
//! names without lower-case letters (`PUL`, `95/46/EC`) only as written, as whole words.
//! A word of a name written with a capital (`Zoom`, `Meta`) only matches a word written
//! with one, so `zoom in` and `meta-tiedot` are not the companies.

use crate::resolve::scope::{Def, Ns, Scope};
use crate::resolve::stdlib;
use crate::syntax::ast::{Alias, Fact, FactKind, Item, Recipient};
use rust_stemmers::{Algorithm, Stemmer};
use smallvec::SmallVec;
use std::cell::{OnceCell, RefCell};
use std::rc::Rc;
use std::sync::OnceLock;

/// The kinds of fact whose names a text may hold.
const NAMED_KINDS: [FactKind; 5] = [
    FactKind::Law,
    FactKind::Authority,
    FactKind::Mechanism,
    FactKind::Adequacy,
    FactKind::Body,
];

/// Every fact with names, whether its module is imported or not: the standard library's
/// (in module order) and then the project's own (by name).
pub fn named_facts<'a>(scope: &Scope<'a>) -> Vec<&'a Fact> {
    let (modules, _) = stdlib::parsed();
    let mut out: Vec<&'a Fact> = modules
        .iter()
        .flat_map(|m| &m.module.items)
        .filter_map(|item| match item {
            Item::Fact(f) if NAMED_KINDS.contains(&f.kind) => Some(&**f),
            _ => None,
        })
        .collect();
    let mut own: Vec<&'a Fact> = NAMED_KINDS
        .iter()
        .flat_map(|k| scope.all(Ns::Fact(*k)))
        .filter_map(|d| match d {
            Def::Fact(f) if !stdlib::is_stdlib(f.span.source) => Some(f),
            _ => None,
        })
        .collect();
    own.sort_by(|a, b| a.id.value.cmp(&b.id.value));
    out.extend(own);
    out
}

/// The service providers the standard library knows (`std::providers`), with their
/// countries, whether imported or not.
pub fn known_providers() -> Vec<&'static Recipient> {
    let (modules, _) = stdlib::parsed();
    modules
        .iter()
        .flat_map(|m| &m.module.items)
        .filter_map(|item| match item {
            Item::Recipient(r) if !r.known_as.is_empty() && !r.countries.is_empty() => Some(&**r),
            _ => None,
        })
        .collect()
}

/// The Snowball algorithm for a primary language subtag, when there is one.
fn algorithm(lang: &str) -> Option<Algorithm> {
    Some(match lang {
        "fi" => Algorithm::Finnish,
        "sv" => Algorithm::Swedish,
        "en" => Algorithm::English,
        "da" => Algorithm::Danish,
        "nb" | "nn" | "no" => Algorithm::Norwegian,
        "de" => Algorithm::German,
        "nl" => Algorithm::Dutch,
        "fr" => Algorithm::French,
        "es" => Algorithm::Spanish,
        "it" => Algorithm::Italian,
        "pt" => Algorithm::Portuguese,
        _ => return None,
    })
}

/// The stems of lower-case words, remembered per thread: registers repeat their words, and
/// Snowball is the larger part of reading a text for names.
fn stems_of<'w>(lang: &str, words: impl Iterator<Item = &'w str>) -> Vec<Stemmed> {
    thread_local! {
        static STEMS: RefCell<foldhash::HashMap<u64, foldhash::HashMap<String, Stemmed>>> =
            RefCell::new(foldhash::HashMap::default());
    }
    /// Past this many words in one language the memo starts again, so that a hostile input
    /// of millions of distinct words cannot grow it without end.
    const MEMO_WORDS: usize = 200_000;
    STEMS.with(|memo| {
        let mut memo = memo.borrow_mut();
        // One look-up of the language for all the words.
        let known = memo.entry(lang_code(lang)).or_default();
        words
            .map(|word| {
                if let Some(s) = known.get(word) {
                    return s.clone();
                }
                let stem: Rc<str> = Rc::from(stem_now(lang, word));
                let s = Stemmed {
                    word_bit: bloom_bit(word),
                    stem_bit: bloom_bit(&stem),
                    stem,
                };
                if known.len() >= MEMO_WORDS {
                    known.clear();
                }
                known.insert(word.to_string(), s.clone());
                s
            })
            .collect()
    })
}

/// A lower-case word's stem in one language, with the [`bloom_bit`]s of the word and of
/// the stem, remembered with the stem: every word of every text is looked up by them.
#[derive(Clone)]
struct Stemmed {
    stem: Rc<str>,
    word_bit: u8,
    stem_bit: u8,
}

/// The stem of one lower-case word (see [`stems_of`]).
fn stem_of(lang: &str, word: &str) -> Rc<str> {
    stems_of(lang, std::iter::once(word))
        .pop()
        .map_or_else(|| Rc::from(word), |s| s.stem)
}

/// A language subtag as a number, for memo keys: a subtag is short, and its first eight
/// bytes stand for it.
fn lang_code(lang: &str) -> u64 {
    let mut code = [0u8; 8];
    for (to, from) in code.iter_mut().zip(lang.bytes()) {
        *to = from;
    }
    u64::from_le_bytes(code)
}

/// One stemmer per language, made once per process.
fn stem_now(lang: &str, word: &str) -> String {
    static STEMMERS: OnceLock<Vec<(&'static str, Stemmer)>> = OnceLock::new();
    let stemmers = STEMMERS.get_or_init(|| {
        [
            "fi", "sv", "en", "da", "nb", "nn", "no", "de", "nl", "fr", "es", "it", "pt",
        ]
        .into_iter()
        .filter_map(|l| algorithm(l).map(|a| (l, Stemmer::create(a))))
        .collect()
    });
    match stemmers.iter().find(|(l, _)| *l == lang) {
        Some((_, s)) => s.stem(word).into_owned(),
        None => word.to_string(),
    }
}

/// A word of a text: as written and its lower case.
pub struct Word<'t> {
    written: &'t str,
    lower: std::borrow::Cow<'t, str>,
}

impl Word<'_> {
    /// The word in lower case.
    pub fn lower(&self) -> &str {
        &self.lower
    }
}

/// The words of a text: maximal runs of letters and digits (`-`, `/`, `.` and `:` split
/// them, so `datainspektionen.se` and `95/46/EY` are read word by word).
fn words(text: &str) -> Vec<Word<'_>> {
    // Room for a word every six bytes, the common case, so that the list is not grown
    // word by word (every text of every register is read here).
    let mut words = Vec::with_capacity(text.len() / 6 + 1);
    words.extend(
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| Word {
                written: w,
                lower: lower_case(w),
            }),
    );
    words
}

/// A word in lower case, borrowed when it is already (most words are).
fn lower_case(word: &str) -> std::borrow::Cow<'_, str> {
    let unchanged = if word.is_ascii() {
        !word.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        word.chars().all(|c| {
            let mut lower = c.to_lowercase();
            lower.next() == Some(c) && lower.next().is_none()
        })
    };
    if unchanged {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

/// Whether a word of a name must be matched as written: it has no lower-case letter
/// (`PUL`, `EC`, `1998`).
fn literal(word: &str) -> bool {
    !word.chars().any(char::is_lowercase)
}

/// Whether the text's word has the stem of the name's word (both given as stems). Snowball
/// leaves some endings apart: Finnish consonant gradation changes a stem's end
/// (`henkilötietolaki` stems to `henkilötietolak`, `henkilötietolain` to `henkilötietol`),
/// and the Swedish stemmer keeps `-et` after some words (`landstinget`). So two stems of a
/// name of six letters or more also match when they share all but the name stem's last two
/// letters and the word's stem is at most two letters longer; a compound
/// (`henkilötietolainsäädäntö`) is longer.
fn same_stem(w: &str, n: &str) -> bool {
    if w == n {
        return true;
    }
    // Counted without collecting: this runs for every word of every text and every name.
    let n_len = n.chars().count();
    if n_len < 6 {
        return false;
    }
    let common = w.chars().zip(n.chars()).take_while(|(a, b)| a == b).count();
    common + 2 >= n_len && w.chars().count() <= n_len + 2
}

/// The bit of a word in a text's [`Bloom`]: from its first four characters, which a word
/// shares with every word it matches (an equal word, an equal stem, or a stem of six
/// letters or more that differs only in its last two).
fn bloom_bit(word: &str) -> u8 {
    let mut hash: u32 = 0x811c_9dc5;
    for c in word.chars().take(4) {
        hash = (hash ^ u32::from(c)).wrapping_mul(0x0100_0193);
    }
    (hash >> 24) as u8
}

/// A 256-bit set of the bits of a text's words (as written, in lower case, and as stems):
/// a name whose first word's bit is not in it is not in the text, which rules out almost
/// every name without reading the text's words.
#[derive(Default)]
struct Bloom([u64; 4]);

impl Bloom {
    fn insert(&mut self, bit: u8) {
        let bit = usize::from(bit);
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    fn may_hold(&self, bit: u8) -> bool {
        let bit = usize::from(bit);
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// A name read for matching in one language: per word, as written and its stem.
struct Pattern {
    /// Per word: as written, and its stem in [`Self::lang`], made when first needed. The
    /// first word's is made at once (a list's index and the bit read it); a later word's
    /// only once a text's words match the words before it, which most names never do; a
    /// literal word's never (it is matched as written). Stemming every word of every name
    /// was a seventh of a small check's instructions.
    words: Vec<(String, OnceCell<Rc<str>>)>,
    /// The language the stems are in.
    lang: String,
    /// The [`bloom_bit`] its first word needs in a text.
    first_bit: u8,
}

impl Pattern {
    fn new(lang: &str, name: &str) -> Pattern {
        let words: Vec<(String, OnceCell<Rc<str>>)> = name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| (w.to_string(), OnceCell::new()))
            .collect();
        let mut pattern = Pattern {
            words,
            lang: lang.to_string(),
            first_bit: 0,
        };
        // A literal word is matched as written, so its lower case is in the text's set.
        pattern.first_bit = match pattern.words.first() {
            Some((written, _)) if literal(written) => bloom_bit(&written.to_lowercase()),
            Some(_) => pattern.stem(0).map_or(0, |s| bloom_bit(s)),
            None => 0,
        };
        pattern
    }

    /// The stem of word `i`.
    fn stem(&self, i: usize) -> Option<&Rc<str>> {
        let (written, stem) = self.words.get(i)?;
        Some(stem.get_or_init(|| stem_of(&self.lang, &written.to_lowercase())))
    }

    /// The pattern of `name` in `lang`, remembered: a check asks for the same few hundred
    /// names in every text of every register.
    fn of(lang: &str, name: &str) -> Rc<Pattern> {
        // This lookup runs for every name in every text, so it is keyed by where the name
        // is (the standard library's names stay put) and checked by content, which keeps it
        // right if a name's memory is reused for another.
        type Key = (usize, usize, u64);
        /// The name and language a pattern was made for, and the pattern.
        type Entry = (String, String, Rc<Pattern>);
        thread_local! {
            static PATTERNS: RefCell<foldhash::HashMap<Key, Entry>> =
                RefCell::new(foldhash::HashMap::default());
        }
        /// A bound on the memo, for a process that checks many projects.
        const MEMO_NAMES: usize = 100_000;
        PATTERNS.with(|memo| {
            let key: Key = (name.as_ptr() as usize, name.len(), lang_code(lang));
            if let Some((written, in_lang, p)) = memo.borrow().get(&key)
                && written == name
                && in_lang == lang
            {
                return Rc::clone(p);
            }
            let pattern = Rc::new(Pattern::new(lang, name));
            let mut memo = memo.borrow_mut();
            if memo.len() >= MEMO_NAMES {
                memo.clear();
            }
            memo.insert(
                key,
                (name.to_string(), lang.to_string(), Rc::clone(&pattern)),
            );
            pattern
        })
    }
}

/// Names looked for in many texts, each read (split and stemmed) once per stemming
/// language rather than once per text: T007 asks for a hundred providers' names in every
/// text of every register.
pub struct NameList {
    /// Which list this is, for the texts that remember what they found of it.
    id: u64,
    /// Per entry: the language the name belongs to, if any, and the name. Owned, so that a
    /// list can be kept for the next register that looks for the same names.
    names: Vec<(Option<String>, String)>,
    /// The languages its names are read in within a text of no language (a name, an
    /// address): each name's own, `""` for a name of none; sorted, each once.
    langs: Vec<String>,
    /// Per stemming language: every entry's pattern, in entry order, and the entries by
    /// the start of their first word.
    patterns: RefCell<Vec<(String, Patterns, Rc<Starts>)>>,
}

/// The patterns of a [`NameList`]'s entries in one language, in entry order.
type Patterns = Rc<[Rc<Pattern>]>;

/// The entries of a list by the first four letters of their first word (as a pattern
/// matches it: its stem, or its lower case for a literal word), which every word they
/// match shares (see [`bloom_bit`]): a text looks up its words here instead of trying every
/// entry at every word. The set of their [`bloom_bit`]s rules out almost every word of a
/// text before it is looked up.
#[derive(Default)]
struct Starts {
    entries: foldhash::HashMap<String, Vec<usize>>,
    bits: Bloom,
}

impl Starts {
    fn get(&self, start: &str) -> Option<&Vec<usize>> {
        self.entries.get(start)
    }
}

/// The first four characters of a word.
fn start_of(word: &str) -> &str {
    let end = word.char_indices().nth(4).map_or(word.len(), |(i, _)| i);
    word.get(..end).unwrap_or(word)
}

/// Entries of a list found in a text, in entry order: each with the words that name it
/// first in the text, as written.
pub type Found = Rc<[(usize, String)]>;

impl NameList {
    pub fn new(names: Vec<(Option<&str>, &str)>) -> NameList {
        static LISTS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let mut langs: Vec<String> = names
            .iter()
            .map(|(lang, _)| lang.unwrap_or("").to_string())
            .collect();
        langs.sort_unstable();
        langs.dedup();
        NameList {
            id: LISTS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            langs,
            names: names
                .into_iter()
                .map(|(lang, name)| (lang.map(str::to_string), name.to_string()))
                .collect(),
            patterns: RefCell::new(Vec::new()),
        }
    }

    /// The list of `names`, kept per thread for the next caller that asks for the same
    /// names: O006 asks for the outdated names in every register, and the registers of a
    /// project share their date and controller, so nearly always the same list. Reading
    /// a list splits, stems and indexes each name in each language. One list is kept.
    pub fn kept(names: Vec<(Option<&str>, &str)>) -> Rc<NameList> {
        thread_local! {
            static KEPT: RefCell<Option<Rc<NameList>>> = const { RefCell::new(None) };
        }
        KEPT.with(|kept| {
            if let Some(list) = &*kept.borrow()
                && list.holds(&names)
            {
                return Rc::clone(list);
            }
            let list = Rc::new(NameList::new(names));
            *kept.borrow_mut() = Some(Rc::clone(&list));
            list
        })
    }

    /// Whether the list holds exactly `names`, in order.
    fn holds(&self, names: &[(Option<&str>, &str)]) -> bool {
        self.names.len() == names.len()
            && self
                .names
                .iter()
                .zip(names)
                .all(|((lang, name), (l, n))| lang.as_deref() == *l && name == n)
    }

    fn patterns(&self, stem_lang: &str) -> Patterns {
        self.read(stem_lang).0
    }

    /// The entries' patterns in a language, and their index by first word.
    fn read(&self, stem_lang: &str) -> (Patterns, Rc<Starts>) {
        if let Some((_, made, starts)) = self
            .patterns
            .borrow()
            .iter()
            .find(|(l, _, _)| l == stem_lang)
        {
            return (Rc::clone(made), Rc::clone(starts));
        }
        let made: Patterns = self
            .names
            .iter()
            .map(|(_, name)| Pattern::of(stem_lang, name))
            .collect();
        let mut starts = Starts::default();
        for (i, pattern) in made.iter().enumerate() {
            if let Some((written, _)) = pattern.words.first() {
                let first = if literal(written) {
                    written.to_lowercase()
                } else {
                    pattern.stem(0).map_or_else(String::new, |s| s.to_string())
                };
                let start = start_of(&first);
                starts.bits.insert(bloom_bit(start));
                starts.entries.entry(start.to_string()).or_default().push(i);
            }
        }
        let starts = Rc::new(starts);
        self.patterns.borrow_mut().push((
            stem_lang.to_string(),
            Rc::clone(&made),
            Rc::clone(&starts),
        ));
        (made, starts)
    }
}

/// A text read once for all the names looked for in it: its words, and their stems in each
/// language asked (on first use).
pub struct Text<'t> {
    text: &'t str,
    lang: Option<&'t str>,
    words: Vec<Word<'t>>,
    /// By language, as its [`lang_code`]: a number, so that remembering costs no copy.
    /// Inline: a text in a language is read in that one.
    stems: RefCell<StemsByLanguage>,
    /// The entries of each list (by its id) found in the text. Inline: two lists (O006's
    /// outdated names, T007's providers) are looked for in every text.
    found: RefCell<SmallVec<[(u64, Found); 2]>>,
}

/// A text's stems per language (see [`Text`]).
type StemsByLanguage = SmallVec<[(u64, Rc<Stems>); 1]>;

/// A text's words stemmed in one language, and the set of their bits.
struct Stems {
    stems: Vec<Stemmed>,
    bloom: Bloom,
}

impl<'t> Text<'t> {
    /// `text` in language `lang` (a primary subtag; `None` for a name or an address).
    pub fn new(text: &'t str, lang: Option<&'t str>) -> Text<'t> {
        Text {
            text,
            lang,
            words: words(text),
            stems: RefCell::new(SmallVec::new()),
            found: RefCell::new(SmallVec::new()),
        }
    }

    /// The text as written.
    pub fn as_str(&self) -> &'t str {
        self.text
    }

    /// The text's words: maximal runs of letters and digits, in order.
    pub fn words(&self) -> &[Word<'t>] {
        &self.words
    }

    fn stems(&self, lang: &str) -> Rc<Stems> {
        let code = lang_code(lang);
        if let Some((_, stems)) = self.stems.borrow().iter().find(|(l, _)| *l == code) {
            return Rc::clone(stems);
        }
        let mut bloom = Bloom::default();
        let stems = stems_of(lang, self.words.iter().map(|w| &*w.lower));
        for stemmed in &stems {
            bloom.insert(stemmed.word_bit);
            bloom.insert(stemmed.stem_bit);
        }
        let stems = Rc::new(Stems { stems, bloom });
        self.stems.borrow_mut().push((code, Rc::clone(&stems)));
        stems
    }

    /// The text's words that name `alias`, as written in the text.
    pub fn find(&self, alias: &Alias) -> Option<String> {
        let lang = alias.lang.as_ref().map(|l| l.value.primary());
        self.find_name(lang, &alias.name.value)
    }

    /// The text's words that name `name` (a name in language `name_lang`, or in any).
    pub fn find_name(&self, name_lang: Option<&str>, name: &str) -> Option<String> {
        let stem_lang = self.stem_lang(name_lang)?;
        self.find_pattern(stem_lang, &Pattern::of(stem_lang, name))
    }

    /// The language a name in `name_lang` is read in within this text: the stemmer of the
    /// text's language, else of the name's, else none (`""`, lower case only). None when
    /// the name belongs to another language than the text.
    fn stem_lang<'s>(&'s self, name_lang: Option<&'s str>) -> Option<&'s str> {
        match (name_lang, self.lang) {
            (Some(a), Some(t)) if a != t => None,
            _ => Some(self.lang.or(name_lang).unwrap_or("")),
        }
    }

    /// The text's words that name entry `i` of `list`.
    pub fn find_listed(&self, list: &NameList, i: usize) -> Option<String> {
        let name_lang = list.names.get(i)?.0.as_deref();
        let stem_lang = self.stem_lang(name_lang)?;
        let patterns = list.patterns(stem_lang);
        self.find_pattern(stem_lang, patterns.get(i)?)
    }

    /// The longest words of the text that name one of the entries `among` of `list`
    /// (`Google Analytics` rather than `Google`). A text in a language reads every entry
    /// with its one stemmer, so the patterns and stems are looked up once for all.
    pub fn find_longest_listed(
        &self,
        list: &NameList,
        among: std::ops::Range<usize>,
    ) -> Option<String> {
        self.listed(list, among, |found| found.max_by_key(String::len))
    }

    /// The words of the text that name the first of the entries `among` of `list` found
    /// in it, in entry order.
    pub fn find_first_listed(
        &self,
        list: &NameList,
        among: std::ops::Range<usize>,
    ) -> Option<String> {
        self.listed(list, among, |found| found.next())
    }

    /// The entries of `list` the text names, in entry order.
    pub fn found_entries(&self, list: &NameList) -> Vec<usize> {
        self.found_in(list).iter().map(|(i, _)| *i).collect()
    }

    /// The matches of the entries `among` of `list`, in entry order, handed to `pick`.
    fn listed(
        &self,
        list: &NameList,
        among: std::ops::Range<usize>,
        pick: impl FnOnce(&mut dyn Iterator<Item = String>) -> Option<String>,
    ) -> Option<String> {
        let found = self.found_in(list);
        pick(
            &mut found
                .iter()
                .filter(|(i, _)| among.contains(i))
                .map(|(_, words)| words.clone()),
        )
    }

    /// Every entry of `list` the text names, read in the text's language once for all the
    /// ranges of entries asked about: each word of the text is looked up among the entries
    /// that start as it does, from the first word on, so an entry's first match is the one
    /// found.
    /// (What [`Self::find_first_listed`] picks from, for a caller that asks about many
    /// ranges of entries and can skip a text that names none.)
    pub fn found_in(&self, list: &NameList) -> Found {
        let key = list.id;
        if let Some((_, found)) = self.found.borrow().iter().find(|(k, _)| *k == key) {
            return Rc::clone(found);
        }
        // A text in a language reads every entry in it; a name or an address reads each
        // entry in the entry's own language.
        let (own, entries): (Option<&str>, &[String]) = match self.lang {
            Some(lang) => (Some(lang), &[]),
            None => (None, &list.langs),
        };
        let mut first: std::collections::BTreeMap<usize, String> = Default::default();
        for lang in own.into_iter().chain(entries.iter().map(String::as_str)) {
            let (patterns, starts) = list.read(lang);
            let stems = self.stems(lang);
            for (at, word) in self.words.iter().enumerate() {
                let Some(stemmed) = stems.stems.get(at) else {
                    break;
                };
                // No entry starts as the word or its stem: the look-ups would find none.
                if !starts.bits.may_hold(stemmed.word_bit)
                    && !starts.bits.may_hold(stemmed.stem_bit)
                {
                    continue;
                }
                let (a, b) = (start_of(&word.lower), start_of(&stemmed.stem));
                let keys = if a == b { &[a][..] } else { &[a, b][..] };
                for i in keys.iter().filter_map(|k| starts.get(k)).flatten() {
                    if first.contains_key(i) {
                        continue;
                    }
                    let read_in = list
                        .names
                        .get(*i)
                        .and_then(|(name_lang, _)| self.stem_lang(name_lang.as_deref()));
                    if read_in != Some(lang) {
                        continue;
                    }
                    if let Some(words) = patterns
                        .get(*i)
                        .and_then(|p| self.match_at(&stems.stems, p, at))
                    {
                        first.insert(*i, words);
                    }
                }
            }
        }
        let found: Found = if first.is_empty() {
            // Most texts name no entry: they share one empty list.
            thread_local! {
                static NONE: Found = Rc::from([]);
            }
            NONE.with(Rc::clone)
        } else {
            first.into_iter().collect()
        };
        self.found.borrow_mut().push((key, Rc::clone(&found)));
        found
    }

    fn find_pattern(&self, stem_lang: &str, pattern: &Pattern) -> Option<String> {
        self.match_pattern(&self.stems(stem_lang), pattern)
    }

    fn match_pattern(&self, stems: &Stems, pattern: &Pattern) -> Option<String> {
        let n = pattern.words.len();
        if n == 0 || self.words.len() < n {
            return None;
        }
        if !stems.bloom.may_hold(pattern.first_bit) {
            return None;
        }
        (0..=self.words.len() - n).find_map(|start| self.match_at(&stems.stems, pattern, start))
    }

    /// The words from `start` on, as written, when they name `pattern`.
    fn match_at(&self, stems: &[Stemmed], pattern: &Pattern, start: usize) -> Option<String> {
        let n = pattern.words.len();
        if n == 0 {
            return None;
        }
        let run = self.words.get(start..start + n)?;
        let hit = run
            .iter()
            .zip(&pattern.words)
            .enumerate()
            .all(|(i, (w, (p, _)))| {
                if literal(p) {
                    w.written == p
                } else if p.starts_with(char::is_uppercase)
                    && !w.written.starts_with(char::is_uppercase)
                {
                    false
                } else {
                    stems
                        .get(start + i)
                        .zip(pattern.stem(i))
                        .is_some_and(|(s, p_stem)| same_stem(&s.stem, p_stem))
                }
            });
        hit.then(|| self.written(run)).flatten()
    }

    /// The words of a run as the text writes them, from the first to the last.
    fn written(&self, run: &[Word]) -> Option<String> {
        let (first, last) = (run.first()?, run.last()?);
        let start = first.written.as_ptr() as usize - self.text.as_ptr() as usize;
        let end = last.written.as_ptr() as usize - self.text.as_ptr() as usize + last.written.len();
        self.text.get(start..end).map(str::to_string)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::source::{SourceId, Span};

    fn find(text: &str, lang: Option<&str>, alias: &Alias) -> Option<String> {
        Text::new(text, lang).find(alias)
    }
    use crate::syntax::ast::Located;
    use crate::syntax::values::parse_language;

    fn alias(lang: Option<&str>, name: &str) -> Alias {
        let span = Span::new(SourceId(0), 0, 0);
        Alias {
            lang: lang.map(|l| Located {
                value: parse_language(l).unwrap(),
                span,
            }),
            name: Located {
                value: name.to_string(),
                span,
            },
        }
    }

    /// A list read once per language finds what each name looked for alone finds.
    /// The index a text builds of a list finds, for every entry, what trying the entry at
    /// every word finds: the same words, at the same first place.
    #[test]
    fn the_lists_index_finds_what_trying_every_entry_finds() {
        let providers = known_providers();
        let mut names: Vec<(Option<&str>, &str)> = Vec::new();
        for p in &providers {
            names.extend(p.known_as.iter().map(|a| {
                (
                    a.lang.as_ref().map(|l| l.value.primary()),
                    a.name.value.as_str(),
                )
            }));
            names.extend(p.name.iter().map(|n| (None, n.value.as_str())));
        }
        names.push((Some("fi"), "Tietosuojavaltuutetun toimisto"));
        names.push((None, "PUL"));
        let list = NameList::new(names);
        let texts = [
            (
                "Käytämme Google Analyticsia ja Microsoftin palveluita; tiedot siirtyvät Googlelle.",
                Some("fi"),
            ),
            (
                "We send e-mail with Mailchimp and store files at Amazon Web Services (AWS).",
                Some("en"),
            ),
            (
                "Vi använder Meta Platforms och Zoom för möten, enligt PUL.",
                Some("sv"),
            ),
            ("Google LLC", None),
            (
                "Tietosuojavaltuutetun toimistolle voi tehdä valituksen, zoom in.",
                Some("fi"),
            ),
        ];
        let mut found = 0;
        for (text, lang) in texts {
            let t = Text::new(text, lang);
            for i in 0..list.names.len() {
                let indexed = t.find_first_listed(&list, i..i + 1);
                assert_eq!(indexed, t.find_listed(&list, i), "entry {i} in {text:?}");
                found += usize::from(indexed.is_some());
            }
        }
        assert!(found >= 6, "the texts name providers: {found}");
    }

    #[test]
    fn a_name_list_finds_what_each_name_finds() {
        let names: Vec<(Option<&str>, &str)> = vec![
            (None, "Google"),
            (None, "Google Analytics"),
            (Some("fi"), "henkilötietolaki"),
            (Some("sv"), "personuppgiftslagen"),
            (None, "PUL"),
            (Some("en"), "Data Protection Act 1998"),
        ];
        let list = NameList::new(names.clone());
        for (text, lang) in [
            (
                "Käytämme Google Analyticsia ja henkilötietolain mukaisia käytäntöjä.",
                Some("fi"),
            ),
            ("enligt PUL och personuppgiftslagens regler", Some("sv")),
            ("Google LLC, under the Data Protection Act 1998", Some("en")),
            ("Google Analytics", None),
            ("nothing here", Some("fi")),
        ] {
            let text = Text::new(text, lang);
            for end in 1..=names.len() {
                let alone = names[..end]
                    .iter()
                    .filter_map(|(l, n)| text.find_name(*l, n))
                    .max_by_key(String::len);
                assert_eq!(text.find_longest_listed(&list, 0..end), alone, "{end}");
                let first = names[..end].iter().find_map(|(l, n)| text.find_name(*l, n));
                assert_eq!(text.find_first_listed(&list, 0..end), first, "{end}");
            }
        }
    }

    #[test]
    fn a_name_at_the_address_of_an_earlier_one_is_read_afresh() {
        // The memo of patterns is keyed by where a name is: a name freed and another
        // allocated in its place must not be matched as the first.
        let text = Text::new("We use Zoom and Slack.", Some("en"));
        for _ in 0..50 {
            let google = String::from("Googl");
            assert_eq!(text.find_name(None, &google), None);
            drop(google);
            let zoom = String::from("Zoom!");
            assert_eq!(text.find_name(None, &zoom).as_deref(), Some("Zoom"));
        }
        // The same name in two languages is two patterns.
        let name = String::from("Slack");
        assert!(text.find_name(Some("en"), &name).is_some());
        assert_eq!(text.find_name(Some("fi"), &name), None);
    }

    #[test]
    fn finnish_inflections_of_a_name_are_found_by_stem() {
        let a = alias(Some("fi"), "henkilötietolaki");
        for text in [
            "Rekisteriä ylläpidetään henkilötietolain mukaisesti.",
            "Noudatamme henkilötietolakia.",
            "kuten henkilötietolaissa säädetään",
            "Henkilötietolaki (523/1999) 10 §",
        ] {
            assert!(find(text, Some("fi"), &a).is_some(), "{text}");
        }
        for text in [
            "Noudatamme tietosuojalakia.",
            "henkilötietolainsäädäntö muuttui",
            "henkilötietoja käsitellään",
        ] {
            assert_eq!(find(text, Some("fi"), &a), None, "{text}");
        }
        // Only in texts of its language.
        assert_eq!(find("henkilötietolain mukaan", Some("sv"), &a), None);
    }

    #[test]
    fn swedish_and_english_names_and_acronyms() {
        let pul = alias(Some("sv"), "personuppgiftslagen");
        assert!(find("enligt personuppgiftslagens regler", Some("sv"), &pul).is_some());
        assert!(find("Personuppgiftslagen gäller", Some("sv"), &pul).is_some());
        let acronym = alias(None, "PUL");
        assert_eq!(
            find("enligt PUL:s regler", Some("sv"), &acronym).as_deref(),
            Some("PUL")
        );
        assert_eq!(find("en pul av data", Some("sv"), &acronym), None);
        assert_eq!(find("PULS", Some("sv"), &acronym), None);
        let landsting = alias(Some("sv"), "landsting");
        assert!(find("Landstinget i Stockholm", Some("sv"), &landsting).is_some());
        assert!(find("landstingens vårdcentraler", Some("sv"), &landsting).is_some());
        let dpa = alias(Some("en"), "Data Protection Act 1998");
        assert!(find("under the Data Protection Act 1998 we", Some("en"), &dpa).is_some());
        assert_eq!(find("the Data Protection Act 2018", Some("en"), &dpa), None);
        let directive = alias(None, "95/46/EY");
        assert!(find("direktiivin 95/46/EY mukaisesti", Some("fi"), &directive).is_some());
        let shield = alias(None, "Privacy Shield");
        assert!(
            find(
                "Privacy Shield -järjestelyn mukaisesti",
                Some("fi"),
                &shield
            )
            .is_some()
        );
        assert!(find("EU-U.S. Privacy Shield Framework", Some("en"), &shield).is_some());
        assert!(find("Google LLC", None, &alias(None, "Google")).is_some());
        assert!(find("Googlen palvelimilla", Some("fi"), &alias(None, "Google")).is_some());
        assert_eq!(find("meta-tiedot", Some("fi"), &alias(None, "Meta")), None);
        assert_eq!(find("zoom in on", Some("en"), &alias(None, "Zoom")), None);
    }
}
