//! Checkers for the typed values written in `.reg` files: dates, retention
//! periods, countries, languages, contact details, business IDs and rule codes.
//!
//! Every checker takes the text exactly as written and either returns a typed
//! value or a [`ValueError`] that says what is wrong in words a register
//! keeper understands, with a hint for fixing it where one can be given.

mod business_id;
mod country;
mod date;
mod duration;
mod email;
mod language;
mod phone;
mod region;
mod rule_code;
mod url;

pub use self::url::{WebUrl, parse_url};
pub use business_id::{BusinessId, parse_business_id};
pub use country::{COUNTRIES, Country, CountryCode, is_eea, is_eu, parse_country};
pub use date::{Date, days_in_month, is_leap_year, month_name, parse_date};
pub use duration::{Duration, DurationUnit, parse_duration};
pub use email::{Email, parse_email};
pub use language::{LANGUAGES, LanguageTag, parse_language};
pub use phone::{Phone, parse_phone};
pub use region::{Region, SUBDIVISIONS, parse_region};
pub use rule_code::{RuleCode, parse_rule_code};

use std::fmt;

use crate::diagnostic::Code;

/// Why a value was rejected. `code` is a stable kebab-case diagnostic code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueError {
    /// Stable kebab-case diagnostic code, e.g. `invalid-date`.
    pub code: Code,
    /// One line, lower-case start, user input in backticks.
    pub message: String,
    /// Short label shown under the offending text.
    pub label: String,
    /// What to do about it, when there is something specific to suggest.
    pub help: Option<String>,
    /// The value as it should be written, when there is one clear answer ("did you
    /// mean"): it replaces the text the error is reported at (an editor's quick fix).
    pub replacement: Option<String>,
}

impl ValueError {
    fn new(code: Code, message: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            label: label.into(),
            help: None,
            replacement: None,
        }
    }

    fn replaced_by(mut self, replacement: impl Into<String>) -> Self {
        self.replacement = Some(replacement.into());
        self
    }

    fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ValueError {}

/// The candidate nearest to `input` within `max_distance` edits (Levenshtein,
/// counted in characters, so that a typo in a non-ASCII word costs one edit, not
/// one per byte); on a tie the earliest candidate wins, so callers list the
/// likelier words first.
fn closest_match<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    max_distance: usize,
) -> Option<&'a str> {
    let length = input.chars().count();
    candidates
        .into_iter()
        // A length difference is a lower bound of the distance: skip the hopeless ones
        // without computing it (a huge token against every candidate is quadratic).
        .filter(|candidate| candidate.chars().count().abs_diff(length) <= max_distance)
        .map(|candidate| (strsim::levenshtein(input, candidate), candidate))
        .filter(|(distance, _)| *distance <= max_distance)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// The value of a run of ASCII digits. Leading `+` signs and non-ASCII digits
/// are refused, which `str::parse` alone would not do.
fn ascii_number(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// The code of a value a test expected to be refused, so that its assertion fails.
#[cfg(test)]
const ACCEPTED: Code = Code::Stage(&crate::diagnostic::code::CodeInfo {
    name: "accepted",
    kind: crate::diagnostic::Kind::Value,
    summary: "a value the test expected to be refused was accepted",
    explanation: "",
});

#[cfg(test)]
fn rejection<T: fmt::Debug>(result: Result<T, ValueError>) -> ValueError {
    // A value that was accepted becomes an error whose code no test expects,
    // so the assertion that follows fails and prints the accepted value.
    match result {
        Err(error) => error,
        Ok(value) => ValueError::new(ACCEPTED, format!("{value:?}"), ""),
    }
}

#[cfg(test)]
fn help_of(error: &ValueError) -> &str {
    error.help.as_deref().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_match_prefers_nearest_then_earliest() {
        let words = ["day", "days", "week", "weeks"];
        assert_eq!(closest_match("dys", words, 2), Some("days"));
        assert_eq!(closest_match("wek", words, 2), Some("week"));
        assert_eq!(closest_match("fortnight", words, 2), None);
    }

    #[test]
    fn ascii_number_refuses_signs_and_empty_text() {
        assert_eq!(ascii_number("0042"), Some(42));
        assert_eq!(ascii_number("+1"), None);
        assert_eq!(ascii_number(""), None);
        assert_eq!(ascii_number("99999999999"), None);
    }

    #[test]
    fn value_error_displays_its_message() {
        let error = ValueError::new(
            crate::diagnostic::codes::INVALID_DATE,
            "`x` is not a date",
            "here",
        )
        .with_help("fix");
        assert_eq!(error.to_string(), "`x` is not a date");
        assert_eq!(error.help.as_deref(), Some("fix"));
    }
}
