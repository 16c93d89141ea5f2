//! Language tags: a subset of BCP 47, `lang[-Script][-REGION]`, where `lang`
//! is an ISO 639-1 code.

use super::ValueError;
use super::country::CountryCode;
use crate::diagnostic::Code;
use crate::diagnostic::codes;
use std::fmt;
use unic_langid::{LanguageIdentifier, subtags};

const CODE: Code = codes::INVALID_LANGUAGE;
const FORMAT_HELP: &str = "write a language code such as `fi`, optionally with a region: `en-GB`";

/// All 184 ISO 639-1 codes with English names, sorted by code.
pub const LANGUAGES: [(&str, &str); 184] = [
    ("aa", "Afar"),
    ("ab", "Abkhazian"),
    ("ae", "Avestan"),
    ("af", "Afrikaans"),
    ("ak", "Akan"),
    ("am", "Amharic"),
    ("an", "Aragonese"),
    ("ar", "Arabic"),
    ("as", "Assamese"),
    ("av", "Avaric"),
    ("ay", "Aymara"),
    ("az", "Azerbaijani"),
    ("ba", "Bashkir"),
    ("be", "Belarusian"),
    ("bg", "Bulgarian"),
    ("bh", "Bihari languages"),
    ("bi", "Bislama"),
    ("bm", "Bambara"),
    ("bn", "Bengali"),
    ("bo", "Tibetan"),
    ("br", "Breton"),
    ("bs", "Bosnian"),
    ("ca", "Catalan"),
    ("ce", "Chechen"),
    ("ch", "Chamorro"),
    ("co", "Corsican"),
    ("cr", "Cree"),
    ("cs", "Czech"),
    ("cu", "Church Slavonic"),
    ("cv", "Chuvash"),
    ("cy", "Welsh"),
    ("da", "Danish"),
    ("de", "German"),
    ("dv", "Divehi"),
    ("dz", "Dzongkha"),
    ("ee", "Ewe"),
    ("el", "Greek"),
    ("en", "English"),
    ("eo", "Esperanto"),
    ("es", "Spanish"),
    ("et", "Estonian"),
    ("eu", "Basque"),
    ("fa", "Persian"),
    ("ff", "Fulah"),
    ("fi", "Finnish"),
    ("fj", "Fijian"),
    ("fo", "Faroese"),
    ("fr", "French"),
    ("fy", "Western Frisian"),
    ("ga", "Irish"),
    ("gd", "Scottish Gaelic"),
    ("gl", "Galician"),
    ("gn", "Guarani"),
    ("gu", "Gujarati"),
    ("gv", "Manx"),
    ("ha", "Hausa"),
    ("he", "Hebrew"),
    ("hi", "Hindi"),
    ("ho", "Hiri Motu"),
    ("hr", "Croatian"),
    ("ht", "Haitian Creole"),
    ("hu", "Hungarian"),
    ("hy", "Armenian"),
    ("hz", "Herero"),
    ("ia", "Interlingua"),
    ("id", "Indonesian"),
    ("ie", "Interlingue"),
    ("ig", "Igbo"),
    ("ii", "Sichuan Yi"),
    ("ik", "Inupiaq"),
    ("io", "Ido"),
    ("is", "Icelandic"),
    ("it", "Italian"),
    ("iu", "Inuktitut"),
    ("ja", "Japanese"),
    ("jv", "Javanese"),
    ("ka", "Georgian"),
    ("kg", "Kongo"),
    ("ki", "Kikuyu"),
    ("kj", "Kuanyama"),
    ("kk", "Kazakh"),
    ("kl", "Kalaallisut"),
    ("km", "Khmer"),
    ("kn", "Kannada"),
    ("ko", "Korean"),
    ("kr", "Kanuri"),
    ("ks", "Kashmiri"),
    ("ku", "Kurdish"),
    ("kv", "Komi"),
    ("kw", "Cornish"),
    ("ky", "Kyrgyz"),
    ("la", "Latin"),
    ("lb", "Luxembourgish"),
    ("lg", "Ganda"),
    ("li", "Limburgish"),
    ("ln", "Lingala"),
    ("lo", "Lao"),
    ("lt", "Lithuanian"),
    ("lu", "Luba-Katanga"),
    ("lv", "Latvian"),
    ("mg", "Malagasy"),
    ("mh", "Marshallese"),
    ("mi", "Maori"),
    ("mk", "Macedonian"),
    ("ml", "Malayalam"),
    ("mn", "Mongolian"),
    ("mr", "Marathi"),
    ("ms", "Malay"),
    ("mt", "Maltese"),
    ("my", "Burmese"),
    ("na", "Nauru"),
    ("nb", "Norwegian Bokmål"),
    ("nd", "North Ndebele"),
    ("ne", "Nepali"),
    ("ng", "Ndonga"),
    ("nl", "Dutch"),
    ("nn", "Norwegian Nynorsk"),
    ("no", "Norwegian"),
    ("nr", "South Ndebele"),
    ("nv", "Navajo"),
    ("ny", "Chichewa"),
    ("oc", "Occitan"),
    ("oj", "Ojibwa"),
    ("om", "Oromo"),
    ("or", "Oriya"),
    ("os", "Ossetian"),
    ("pa", "Punjabi"),
    ("pi", "Pali"),
    ("pl", "Polish"),
    ("ps", "Pashto"),
    ("pt", "Portuguese"),
    ("qu", "Quechua"),
    ("rm", "Romansh"),
    ("rn", "Rundi"),
    ("ro", "Romanian"),
    ("ru", "Russian"),
    ("rw", "Kinyarwanda"),
    ("sa", "Sanskrit"),
    ("sc", "Sardinian"),
    ("sd", "Sindhi"),
    ("se", "Northern Sami"),
    ("sg", "Sango"),
    ("si", "Sinhala"),
    ("sk", "Slovak"),
    ("sl", "Slovenian"),
    ("sm", "Samoan"),
    ("sn", "Shona"),
    ("so", "Somali"),
    ("sq", "Albanian"),
    ("sr", "Serbian"),
    ("ss", "Swati"),
    ("st", "Southern Sotho"),
    ("su", "Sundanese"),
    ("sv", "Swedish"),
    ("sw", "Swahili"),
    ("ta", "Tamil"),
    ("te", "Telugu"),
    ("tg", "Tajik"),
    ("th", "Thai"),
    ("ti", "Tigrinya"),
    ("tk", "Turkmen"),
    ("tl", "Tagalog"),
    ("tn", "Tswana"),
    ("to", "Tonga"),
    ("tr", "Turkish"),
    ("ts", "Tsonga"),
    ("tt", "Tatar"),
    ("tw", "Twi"),
    ("ty", "Tahitian"),
    ("ug", "Uyghur"),
    ("uk", "Ukrainian"),
    ("ur", "Urdu"),
    ("uz", "Uzbek"),
    ("ve", "Venda"),
    ("vi", "Vietnamese"),
    ("vo", "Volapük"),
    ("wa", "Walloon"),
    ("wo", "Wolof"),
    ("xh", "Xhosa"),
    ("yi", "Yiddish"),
    ("yo", "Yoruba"),
    ("za", "Zhuang"),
    ("zh", "Chinese"),
    ("zu", "Zulu"),
];

/// Names people write instead of a code, in English and in the languages
/// of the region (beyond the English names the table already knows).
const NAME_ALIASES: [(&str, &str); 14] = [
    ("suomi", "fi"),
    ("suomeksi", "fi"),
    ("svenska", "sv"),
    ("ruotsi", "sv"),
    ("englanti", "en"),
    ("engelska", "en"),
    ("finska", "fi"),
    ("deutsch", "de"),
    ("saksa", "de"),
    ("norsk", "no"),
    ("dansk", "da"),
    ("eesti", "et"),
    ("русский", "ru"),
    ("français", "fr"),
];

/// Three-letter ISO 639-2 codes for the languages most likely here.
const THREE_LETTER_CODES: [(&str, &str); 12] = [
    ("fin", "fi"),
    ("swe", "sv"),
    ("eng", "en"),
    ("ger", "de"),
    ("deu", "de"),
    ("fre", "fr"),
    ("fra", "fr"),
    ("est", "et"),
    ("rus", "ru"),
    ("nor", "no"),
    ("dan", "da"),
    ("spa", "es"),
];

/// A language tag in canonical letter case: language lower case, script
/// title case, region upper case (`en-GB`, `sr-Latn`, `zh-Hant-TW`).
///
/// Stored inline: every text of a notice carries one, and the longest tag regc accepts
/// (`lang-Script-REGION` with a numeric region, `xx-Xxxx-419`) is 11 bytes, so a tag is
/// 12 bytes with no allocation, where a string would take 24.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct LanguageTag {
    bytes: [u8; LanguageTag::MAX_LEN],
    len: u8,
}

impl LanguageTag {
    const MAX_LEN: usize = 11;

    /// A tag from its canonical text; `None` for one longer than any tag
    /// [`parse_language`] accepts.
    fn from_canonical(text: &str) -> Option<LanguageTag> {
        let mut bytes = [0; LanguageTag::MAX_LEN];
        bytes
            .get_mut(..text.len())?
            .copy_from_slice(text.as_bytes());
        Some(LanguageTag {
            bytes,
            len: text.len() as u8,
        })
    }

    pub fn as_str(&self) -> &str {
        let bytes = self.bytes.get(..usize::from(self.len)).unwrap_or_default();
        // Only ever filled from a `&str` (`from_canonical`), so the bytes are UTF-8.
        std::str::from_utf8(bytes).unwrap_or_default()
    }

    /// The ISO 639-1 language code, without script or region.
    pub fn primary(&self) -> &str {
        self.as_str().split('-').next().unwrap_or_default()
    }

    /// English name of the primary language.
    pub fn name_en(&self) -> &'static str {
        language_name(self.primary()).unwrap_or("unknown language")
    }
}

impl Ord for LanguageTag {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for LanguageTag {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Debug for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("LanguageTag").field(&self.as_str()).finish()
    }
}

impl fmt::Display for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// As its text, the form the shipped standard library's trees were written in.
impl serde::Serialize for LanguageTag {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Read back through [`parse_language`], so that no tag regc would not accept (or not
/// in canonical case) is made this way either.
impl<'de> serde::Deserialize<'de> for LanguageTag {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        match parse_language(&text) {
            Ok(tag) if tag.as_str() == text => Ok(tag),
            _ => Err(serde::de::Error::custom(format_args!(
                "`{text}` is not a canonical language tag"
            ))),
        }
    }
}

fn language_name(code: &str) -> Option<&'static str> {
    let &[a, b] = code.as_bytes() else {
        return None;
    };
    if !a.is_ascii_lowercase() || !b.is_ascii_lowercase() {
        return None;
    }
    let place = CODE_PLACES.get(usize::from(a - b'a') * 26 + usize::from(b - b'a'))?;
    let index = usize::from(*place).checked_sub(1)?;
    LANGUAGES.get(index).map(|(_, name)| *name)
}

/// Each two-letter code's place in [`LANGUAGES`] plus one (0: no such language), at the
/// code's letters: every text's tag is looked up, and a table answers at once where a
/// search of the sorted list compared eight strings.
const CODE_PLACES: [u8; 26 * 26] = {
    let mut places = [0u8; 26 * 26];
    let mut i = 0;
    while i < LANGUAGES.len() {
        let code = LANGUAGES[i].0.as_bytes();
        places[(code[0] - b'a') as usize * 26 + (code[1] - b'a') as usize] = (i + 1) as u8;
        i += 1;
    }
    places
};

fn is_language_code(code: &str) -> bool {
    language_name(code).is_some()
}

/// Parses `lang[-Script][-REGION]`. Script and region subtags are accepted
/// in any letter case and canonicalised, as BCP 47 allows; the language
/// subtag must be lower case, because an upper-case one is almost always a
/// country code written by mistake.
///
/// The subtags' syntax and canonical case come from `unic-langid`; regc adds
/// its own limits on top (ISO 639-1 languages and assigned country codes only,
/// no variants or extensions, `-` as the only separator) and its own messages.
pub fn parse_language(s: &str) -> Result<LanguageTag, ValueError> {
    // Nearly every tag is a bare ISO 639-1 code, already in its canonical form.
    if s.len() == 2 && s.bytes().all(|b| b.is_ascii_lowercase()) && is_language_code(s) {
        return LanguageTag::from_canonical(s).ok_or_else(|| not_a_tag(s));
    }
    parse_any_language(s)
}

/// [`parse_language`] for any tag, through `unic-langid`.
fn parse_any_language(s: &str) -> Result<LanguageTag, ValueError> {
    let parts: Vec<&str> = s.split('-').collect();
    let (language, rest) = match parts.split_first() {
        Some((language, rest)) => (*language, rest),
        None => return Err(not_a_tag(s)),
    };
    check_primary(s, language)?;
    let language: subtags::Language = language.parse().map_err(|_| not_a_tag(s))?;
    let (script, region) = match rest {
        [] => (None, None),
        [single] if single.len() == 4 => (Some(script_subtag(s, single)?), None),
        [single] => (None, Some(region_subtag(s, single)?)),
        [script, region] => (
            Some(script_subtag(s, script)?),
            Some(region_subtag(s, region)?),
        ),
        _ => return Err(not_a_tag(s)),
    };
    let id = LanguageIdentifier::from_parts(language, script, region, &[]);
    LanguageTag::from_canonical(&id.to_string()).ok_or_else(|| not_a_tag(s))
}

fn not_a_tag(s: &str) -> ValueError {
    ValueError::new(
        CODE,
        format!("`{s}` is not a language tag"),
        "expected a language code",
    )
    .with_help(FORMAT_HELP)
}

fn check_primary(s: &str, language: &str) -> Result<(), ValueError> {
    if is_language_code(language) {
        return Ok(());
    }
    let lowered = language.to_lowercase();
    if language.len() == 2 && is_language_code(&lowered) {
        return Err(upper_case_language(language, &lowered));
    }
    if let Some(code) = code_for_name(&lowered) {
        return Err(ValueError::new(
            CODE,
            format!("`{s}` is a language name, not a language code"),
            "language name",
        )
        .with_help(format!("write the ISO 639-1 code: `{code}`")));
    }
    if let Some((_, code)) = THREE_LETTER_CODES.iter().find(|(long, _)| *long == lowered) {
        return Err(ValueError::new(
            CODE,
            format!("`{language}` is a three-letter code; language tags use ISO 639-1"),
            "three-letter code",
        )
        .with_help(format!("write the two-letter code: `{code}`")));
    }
    if language.len() == 2 && language.bytes().all(|b| b.is_ascii_lowercase()) {
        return Err(unknown_two_letter_code(language));
    }
    Err(not_a_tag(s))
}

fn upper_case_language(language: &str, lowered: &str) -> ValueError {
    let country_note = CountryCode::from_code(&language.to_ascii_uppercase())
        .map(|country| format!(" (`{country}` as a country is {})", country.name_en()))
        .unwrap_or_default();
    ValueError::new(
        CODE,
        format!("`{language}` is not a language code: language codes are lower case"),
        "upper-case language code",
    )
    .with_help(format!(
        "language tags are lower case: `{lowered}`{country_note}"
    ))
}

fn unknown_two_letter_code(language: &str) -> ValueError {
    let error = ValueError::new(
        CODE,
        format!("`{language}` is not an ISO 639-1 language code"),
        "unknown language",
    );
    let mut near = LANGUAGES
        .iter()
        .map(|(code, _)| *code)
        .filter(|code| strsim::levenshtein(language, code) == 1);
    match (near.next(), near.next()) {
        (Some(only), None) => error
            .with_help(format!(
                "did you mean `{only}` ({})?",
                language_name(only).unwrap_or_default()
            ))
            .replaced_by(only),
        _ => error.with_help(FORMAT_HELP),
    }
}

fn code_for_name(lowered: &str) -> Option<&'static str> {
    let listed = LANGUAGES
        .iter()
        .find(|(_, name)| name.to_lowercase() == lowered)
        .map(|(code, _)| *code);
    listed.or_else(|| {
        NAME_ALIASES
            .iter()
            .find(|(alias, _)| *alias == lowered)
            .map(|(_, code)| *code)
    })
}

/// A four-letter ISO 15924 script such as `Latn`, in title case.
fn script_subtag(s: &str, subtag: &str) -> Result<subtags::Script, ValueError> {
    subtag.parse().map_err(|_| {
        ValueError::new(
            CODE,
            format!("`{subtag}` in `{s}` is not a script subtag"),
            "expected a script such as `Latn`",
        )
        .with_help(FORMAT_HELP)
    })
}

/// A region: an assigned country code (in upper case) or a three-digit UN M.49
/// area code.
fn region_subtag(s: &str, subtag: &str) -> Result<subtags::Region, ValueError> {
    let region = subtag.parse::<subtags::Region>().ok().filter(|region| {
        region.as_str().bytes().all(|b| b.is_ascii_digit())
            || CountryCode::from_code(region.as_str()).is_some()
    });
    if let Some(region) = region {
        return Ok(region);
    }
    let error = ValueError::new(
        CODE,
        format!("`{subtag}` in `{s}` is not a region subtag"),
        "expected a region such as `GB`",
    );
    let help = match subtag.to_ascii_uppercase().as_str() {
        "UK" => "the United Kingdom is `GB`, e.g. `en-GB`",
        "EL" => "Greece is `GR`, e.g. `el-GR`",
        _ => {
            "a region is a two-letter country code or a three-digit area code, e.g. `en-GB` or `es-419`"
        }
    };
    Err(error.with_help(help))
}

#[cfg(test)]
mod tests {
    use super::super::{help_of, rejection};
    use super::*;

    fn tag(s: &str) -> Result<String, ValueError> {
        parse_language(s).map(|tag| tag.to_string())
    }

    #[test]
    fn a_bare_code_reads_as_unic_langid_reads_it() {
        for (code, _) in LANGUAGES {
            assert_eq!(
                parse_language(code).map(|t| t.to_string()),
                parse_any_language(code).map(|t| t.to_string()),
                "{code}"
            );
        }
    }

    #[test]
    fn every_code_and_only_a_code_has_a_name() {
        for (code, name) in LANGUAGES {
            assert_eq!(language_name(code), Some(name));
        }
        let letters = || (b'a'..=b'z').map(char::from);
        for pair in letters().flat_map(|a| letters().map(move |b| format!("{a}{b}"))) {
            let listed = LANGUAGES.iter().any(|(code, _)| *code == pair);
            assert_eq!(language_name(&pair).is_some(), listed, "{pair}");
        }
        for other in ["", "f", "fin", "FI", "Fi", "f1", "é", "fi-FI"] {
            assert_eq!(language_name(other), None, "{other}");
        }
    }

    #[test]
    fn table_holds_all_codes_sorted_and_unique() {
        assert_eq!(LANGUAGES.len(), 184);
        assert!(LANGUAGES.windows(2).all(|pair| match pair {
            [(a, _), (b, _)] => a < b,
            _ => false,
        }));
        assert!(LANGUAGES.iter().all(|(code, name)| {
            code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase()) && !name.is_empty()
        }));
    }

    #[test]
    fn accepts_plain_codes() {
        assert_eq!(tag("fi"), Ok("fi".to_string()));
        assert_eq!(tag("sv"), Ok("sv".to_string()));
        assert_eq!(tag("en"), Ok("en".to_string()));
    }

    #[test]
    fn canonicalises_script_and_region_case() {
        assert_eq!(tag("en-GB"), Ok("en-GB".to_string()));
        assert_eq!(tag("en-gb"), Ok("en-GB".to_string()));
        assert_eq!(tag("sr-latn"), Ok("sr-Latn".to_string()));
        assert_eq!(tag("zh-hant-tw"), Ok("zh-Hant-TW".to_string()));
        assert_eq!(tag("zh-HANT-TW"), Ok("zh-Hant-TW".to_string()));
        assert_eq!(tag("es-419"), Ok("es-419".to_string()));
        assert_eq!(tag("sv-FI"), Ok("sv-FI".to_string()));
    }

    #[test]
    fn the_longest_tags_fit_inline() {
        for longest in ["zh-Hant-419", "sr-latn-rs", "az-Cyrl-AZ"] {
            let parsed = parse_language(longest).map(|t| t.as_str().len());
            assert!(
                matches!(parsed, Ok(n) if n <= LanguageTag::MAX_LEN),
                "{longest}"
            );
        }
    }

    #[test]
    fn tags_order_as_their_texts_do() {
        let mut tags: Vec<LanguageTag> = ["sv", "en-GB", "fi", "en", "es-419", "zh-Hant-TW"]
            .into_iter()
            .filter_map(|t| parse_language(t).ok())
            .collect();
        tags.sort();
        let texts: Vec<&str> = tags.iter().map(LanguageTag::as_str).collect();
        assert_eq!(texts, ["en", "en-GB", "es-419", "fi", "sv", "zh-Hant-TW"]);
    }

    #[test]
    fn a_tag_is_stored_as_its_text_and_read_back_only_when_canonical() {
        let tag = parse_language("zh-hant-tw").ok();
        let stored = tag.and_then(|t| postcard::to_allocvec(&t).ok());
        let plain = postcard::to_allocvec("zh-Hant-TW").ok();
        assert_eq!(stored, plain);
        let read = stored.and_then(|b| postcard::from_bytes::<LanguageTag>(&b).ok());
        assert_eq!(read.as_ref().map(LanguageTag::as_str), Some("zh-Hant-TW"));
        for bad in ["zh-hant-tw", "FI", "fi-Latn-FI-extra", ""] {
            let bytes = postcard::to_allocvec(bad).unwrap_or_default();
            assert!(
                postcard::from_bytes::<LanguageTag>(&bytes).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn exposes_primary_language() {
        let parsed = parse_language("zh-Hant-TW");
        assert_eq!(parsed.as_ref().map(LanguageTag::primary), Ok("zh"));
        assert_eq!(parsed.as_ref().map(LanguageTag::name_en), Ok("Chinese"));
    }

    #[test]
    fn rejects_upper_case_language_mentioning_the_country() {
        let error = rejection(parse_language("FI"));
        assert_eq!(error.code, "invalid-language");
        let help = help_of(&error);
        assert!(
            help.starts_with("language tags are lower case: `fi`"),
            "{help}"
        );
        assert!(help.contains("Finland"), "{help}");
        let error = rejection(parse_language("EN-GB"));
        assert!(help_of(&error).starts_with("language tags are lower case: `en`"));
    }

    #[test]
    fn points_language_names_to_codes() {
        let cases = [
            ("finnish", "fi"),
            ("Finnish", "fi"),
            ("suomi", "fi"),
            ("svenska", "sv"),
            ("english", "en"),
            ("swedish", "sv"),
        ];
        for (name, expected) in cases {
            let error = rejection(parse_language(name));
            assert_eq!(error.code, "invalid-language");
            assert!(
                help_of(&error).contains(&format!("`{expected}`")),
                "{name}: {error:?}"
            );
        }
    }

    #[test]
    fn points_three_letter_codes_to_two_letter_ones() {
        let error = rejection(parse_language("fin"));
        assert!(help_of(&error).contains("`fi`"));
        let error = rejection(parse_language("swe"));
        assert!(help_of(&error).contains("`sv`"));
    }

    #[test]
    fn suggests_a_unique_near_code() {
        let error = rejection(parse_language("qx"));
        assert_eq!(error.message, "`qx` is not an ISO 639-1 language code");
        assert_eq!(help_of(&error), "did you mean `qu` (Quechua)?");
        // `qq` is one edit from both `qu` and `sq`, so neither is suggested.
        let error = rejection(parse_language("qq"));
        assert_eq!(help_of(&error), FORMAT_HELP);
    }

    #[test]
    fn rejects_bad_subtags() {
        let cases = [
            "",
            "fi-",
            "-fi",
            "en--GB",
            "en-UK",
            "en-XX",
            "en-Latn-GB-x",
            "sr-Lat1",
            "en-G",
        ];
        for written in cases {
            let error = rejection(parse_language(written));
            assert_eq!(error.code, "invalid-language", "{written}");
        }
        let error = rejection(parse_language("en-UK"));
        assert!(help_of(&error).contains("`en-GB`"));
    }
}
