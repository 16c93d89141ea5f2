//! Telephone numbers in international form, e.g. `+358 40 451 0757`.

use super::ValueError;
use crate::diagnostic::Code;
use crate::diagnostic::codes;
use std::fmt;

const CODE: Code = codes::INVALID_PHONE;
const MIN_DIGITS: usize = 7;
/// E.164 caps a full international number at 15 digits.
const MAX_DIGITS: usize = 15;
const EXAMPLE: &str = "`+358 40 451 0757`";

/// A phone number in international form, kept with the writer's spacing.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Phone(String);

impl Phone {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number without spaces or hyphens, e.g. `+358404510757`, for
    /// `tel:` links and comparisons.
    pub fn e164(&self) -> String {
        let digits: String = self.0.chars().filter(char::is_ascii_digit).collect();
        format!("+{digits}")
    }
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn error(message: String, label: &str) -> ValueError {
    ValueError::new(CODE, message, label)
}

/// Parses `+` followed by digit groups separated by single spaces or hyphens.
pub fn parse_phone(s: &str) -> Result<Phone, ValueError> {
    if s.trim().is_empty() {
        return Err(
            error("the phone number is empty".to_string(), "empty number").with_help(format!(
                "write the number in international form, e.g. {EXAMPLE}"
            )),
        );
    }
    reject_letters(s)?;
    reject_trunk_zero_in_parentheses(s)?;
    let Some(international) = s.strip_prefix('+') else {
        return Err(explain_missing_plus(s));
    };
    check_groups(s, international)?;
    check_digit_count(s)?;
    Ok(Phone(s.to_string()))
}

fn reject_letters(s: &str) -> Result<(), ValueError> {
    if !s.chars().any(char::is_alphabetic) {
        return Ok(());
    }
    Err(
        error(format!("`{s}` contains letters"), "letters in number")
            .with_help(format!("write the number in digits only, e.g. {EXAMPLE}")),
    )
}

/// `+358 (0)40 …` mixes the national trunk prefix into an international
/// number; dialled as written from abroad it fails.
fn reject_trunk_zero_in_parentheses(s: &str) -> Result<(), ValueError> {
    if !s.contains("(0)") {
        return Ok(());
    }
    let fixed = s
        .replace("(0)", " ")
        .split(' ')
        .filter(|group| !group.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    Err(error(format!("`{s}` contains `(0)`"), "national prefix")
        .with_help(format!("leave out the `(0)`: `{fixed}`")))
}

fn explain_missing_plus(s: &str) -> ValueError {
    if let Some(rest) = s.strip_prefix("00") {
        return explain_double_zero(s, rest);
    }
    if let Some(rest) = s.strip_prefix('0') {
        return error(format!("`{s}` has no country code"), "national number").with_help(
            format!(
                "write it in international form: `+` and the country code, without the leading 0, e.g. for Sweden `+46 {rest}`"
            ),
        );
    }
    error(
        format!("`{s}` does not start with `+` and a country code"),
        "missing `+`",
    )
    .with_help(format!(
        "write the number in international form, e.g. {EXAMPLE}"
    ))
}

/// `00` is the international call prefix of many countries but not all, so
/// the `+` form is the one that works from everywhere.
fn explain_double_zero(s: &str, rest: &str) -> ValueError {
    let error = error(
        format!("`{s}` starts with the call prefix `00`"),
        "`00` instead of `+`",
    );
    let first_group = rest.split([' ', '-']).next().unwrap_or_default();
    let has_separate_country_code = first_group.len() < rest.len()
        && (1..=3).contains(&first_group.len())
        && first_group.bytes().all(|b| b.is_ascii_digit());
    if has_separate_country_code {
        error.with_help(format!(
            "write `+{first_group} …` instead of `00{first_group} …`"
        ))
    } else {
        error.with_help(format!("replace the leading `00` with `+`: `+{rest}`"))
    }
}

/// Digit groups separated by exactly one space or hyphen, country code first.
fn check_groups(s: &str, international: &str) -> Result<(), ValueError> {
    if let Some(bad) = international
        .chars()
        .find(|c| !(c.is_ascii_digit() || *c == ' ' || *c == '-'))
    {
        return Err(
            error(format!("`{s}` contains `{bad}`"), "unexpected character").with_help(format!(
                "separate digit groups with single spaces or hyphens, e.g. {EXAMPLE}"
            )),
        );
    }
    if international.split([' ', '-']).any(str::is_empty) {
        return Err(error(
            format!("`{s}` has a misplaced space or hyphen"),
            "misplaced separator",
        )
        .with_help(format!(
            "write `+` directly before the country code and one separator between digit groups, e.g. {EXAMPLE}"
        )));
    }
    if international.starts_with('0') {
        return Err(error(
            format!("`{s}` has a country code starting with 0"),
            "no such country code",
        )
        .with_help("country codes start with 1–9, e.g. `+358` for Finland or `+46` for Sweden"));
    }
    Ok(())
}

fn check_digit_count(s: &str) -> Result<(), ValueError> {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    let problem = if digits < MIN_DIGITS {
        "too short"
    } else if digits > MAX_DIGITS {
        "too long"
    } else {
        return Ok(());
    };
    Err(error(
        format!("`{s}` is {problem} for a phone number: it has {digits} digits"),
        problem,
    )
    .with_help(format!(
        "a full international number has {MIN_DIGITS} to {MAX_DIGITS} digits including the country code"
    )))
}

#[cfg(test)]
mod tests {
    use super::super::{help_of, rejection};
    use super::*;

    #[test]
    fn accepts_international_numbers_as_written() {
        for written in [
            "+358 40 451 0757",
            "+358404510757",
            "+46 73-692 96 09",
            "+1-202-555-0143",
            "+358 9 1234",
        ] {
            let parsed = parse_phone(written);
            assert_eq!(parsed.as_ref().map(Phone::as_str), Ok(written));
        }
    }

    #[test]
    fn gives_e164_form() {
        let parsed = parse_phone("+358 40 451 0757");
        assert_eq!(
            parsed.map(|phone| phone.e164()),
            Ok("+358404510757".to_string())
        );
        let parsed = parse_phone("+46 73-692 96 09");
        assert_eq!(
            parsed.map(|phone| phone.e164()),
            Ok("+46736929609".to_string())
        );
    }

    #[test]
    fn explains_double_zero_prefix() {
        let error = rejection(parse_phone("00358 40 451 0757"));
        assert_eq!(error.code, "invalid-phone");
        assert_eq!(help_of(&error), "write `+358 …` instead of `00358 …`");
        let error = rejection(parse_phone("00358404510757"));
        assert_eq!(
            help_of(&error),
            "replace the leading `00` with `+`: `+358404510757`"
        );
    }

    #[test]
    fn explains_national_numbers() {
        let error = rejection(parse_phone("073-692 96 09"));
        assert_eq!(error.code, "invalid-phone");
        assert_eq!(error.message, "`073-692 96 09` has no country code");
        assert_eq!(
            help_of(&error),
            "write it in international form: `+` and the country code, without the leading 0, e.g. for Sweden `+46 73-692 96 09`"
        );
        let error = rejection(parse_phone("358 40 451 0757"));
        assert!(error.message.contains("does not start with `+`"));
    }

    #[test]
    fn explains_trunk_zero_in_parentheses() {
        let error = rejection(parse_phone("+358 (0)40 451 0757"));
        assert_eq!(error.code, "invalid-phone");
        assert_eq!(help_of(&error), "leave out the `(0)`: `+358 40 451 0757`");
        let error = rejection(parse_phone("+358(0)40 451 0757"));
        assert_eq!(help_of(&error), "leave out the `(0)`: `+358 40 451 0757`");
    }

    #[test]
    fn rejects_letters() {
        let error = rejection(parse_phone("+358 40 CALL NOW"));
        assert!(error.message.contains("contains letters"));
        let error = rejection(parse_phone("tel:+358404510757"));
        assert_eq!(error.code, "invalid-phone");
    }

    #[test]
    fn rejects_bad_separators_and_characters() {
        for written in [
            "+358  40 451 0757",
            "+ 358 40 451 0757",
            "+358 40 451 0757 ",
            "+358--40",
            "+358.40.451.0757",
            "+358/40 451 0757",
            "+(358) 40 451 0757",
            "",
        ] {
            let error = rejection(parse_phone(written));
            assert_eq!(error.code, "invalid-phone", "{written}");
        }
    }

    #[test]
    fn counts_digits() {
        let error = rejection(parse_phone("+358 40"));
        assert!(error.message.contains("too short"));
        assert!(error.message.contains("5 digits"));
        let error = rejection(parse_phone("+358 40 451 0757 1234 56"));
        assert!(error.message.contains("too long"));
        let error = rejection(parse_phone("+0 40 451 0757"));
        assert!(error.message.contains("starting with 0"));
    }
}
