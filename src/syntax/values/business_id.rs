//! Business identifiers of controllers: the Finnish Y-tunnus and the Swedish
//! organisationsnummer are checked with their check digits; others are kept
//! as written.

use super::ValueError;
use crate::diagnostic::Code;
use crate::diagnostic::codes;
use std::fmt;

const CODE: Code = codes::INVALID_BUSINESS_ID;
const MAX_OTHER_LENGTH: usize = 64;
const Y_TUNNUS_WEIGHTS: [u32; 7] = [7, 9, 10, 5, 8, 4, 2];
const FINNISH_REGISTER: &str = "the Finnish business register (ytj.fi)";
const SWEDISH_REGISTER: &str = "the Swedish Companies Registration Office (bolagsverket.se)";

/// A business ID and the country whose format it follows.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct BusinessId {
    /// The country code as written, e.g. `FI`.
    pub country: String,
    /// The ID in its canonical form: `2298585-9`, `556036-0793`, or as
    /// written for countries without a known format.
    pub id: String,
}

impl fmt::Display for BusinessId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.id)
    }
}

fn error(message: String, label: impl Into<String>) -> ValueError {
    ValueError::new(CODE, message, label)
}

/// Parses `id` by the rules of `country`, a country code the caller has
/// already checked.
pub fn parse_business_id(country: &str, id: &str) -> Result<BusinessId, ValueError> {
    let canonical = match country {
        "FI" => parse_y_tunnus(id)?,
        "SE" => parse_organisationsnummer(id)?,
        _ => parse_other(id)?,
    };
    Ok(BusinessId {
        country: country.to_string(),
        id: canonical,
    })
}

fn digit_values(text: &str) -> Option<Vec<u32>> {
    text.chars().map(|c| c.to_digit(10)).collect()
}

fn all_ascii_digits(text: &str, length: usize) -> bool {
    text.len() == length && text.bytes().all(|b| b.is_ascii_digit())
}

// ---- Finland -----------------------------------------------------------

/// The check digit of a Y-tunnus body, or `None` when the weighted sum
/// leaves remainder 1, for which no check digit exists and so no valid
/// Y-tunnus is ever issued.
fn y_tunnus_check_digit(body: &str) -> Option<u32> {
    let digits = digit_values(body)?;
    let sum: u32 = digits
        .iter()
        .zip(Y_TUNNUS_WEIGHTS)
        .map(|(digit, weight)| digit * weight)
        .sum();
    match sum % 11 {
        0 => Some(0),
        1 => None,
        remainder => Some(11 - remainder),
    }
}

fn parse_y_tunnus(id: &str) -> Result<String, ValueError> {
    match id.split_once('-') {
        Some((body, check)) if all_ascii_digits(body, 7) && all_ascii_digits(check, 1) => {
            verify_y_tunnus(id, body, check)
        }
        _ => Err(explain_y_tunnus_shape(id)),
    }
}

fn verify_y_tunnus(id: &str, body: &str, check: &str) -> Result<String, ValueError> {
    let Some(expected) = y_tunnus_check_digit(body) else {
        return Err(error(
            format!("`{id}` cannot be a Y-tunnus: no valid Y-tunnus begins with `{body}`"),
            "no check digit fits this number",
        )
        .with_help(format!("check the number against {FINNISH_REGISTER}")));
    };
    if check != expected.to_string() {
        return Err(error(
            format!("`{id}` has a wrong check digit"),
            format!("check digit should be {expected}"),
        )
        .with_help(format!(
            "the Y-tunnus `{body}-{expected}` has check digit {expected}; check the number against {FINNISH_REGISTER}"
        )));
    }
    Ok(id.to_string())
}

fn explain_y_tunnus_shape(id: &str) -> ValueError {
    let not_a_y_tunnus = || {
        error(
            format!("`{id}` is not a Finnish business ID (Y-tunnus)"),
            "expected NNNNNNN-N",
        )
    };
    if all_ascii_digits(id, 8) {
        let (body, check) = id.split_at_checked(7).unwrap_or_default();
        return error(
            format!("`{id}` has no hyphen before the check digit"),
            "missing hyphen",
        )
        .with_help(format!(
            "write the Y-tunnus with a hyphen: `{body}-{check}`"
        ));
    }
    if let Some((body, check)) = id.split_once('-')
        && all_ascii_digits(body, 6)
        && all_ascii_digits(check, 1)
    {
        return not_a_y_tunnus().with_help(format!(
            "older numbers are padded with a leading 0: `0{body}-{check}`"
        ));
    }
    if let Some(vat_digits) = id
        .strip_prefix("FI")
        .filter(|rest| all_ascii_digits(rest, 8))
    {
        let (body, check) = vat_digits.split_at_checked(7).unwrap_or_default();
        return not_a_y_tunnus().with_help(format!(
            "`{id}` is a VAT number; the Y-tunnus is `{body}-{check}`"
        ));
    }
    not_a_y_tunnus()
        .with_help("a Y-tunnus has 7 digits, a hyphen and a check digit, e.g. `2298585-9`")
}

// ---- Sweden ------------------------------------------------------------

/// The Luhn check digit for the nine leading digits of an
/// organisationsnummer: weights 2 and 1 alternate from the left, and the
/// digits of each product are added.
fn luhn_check_digit(leading: &[u32]) -> u32 {
    let sum: u32 = leading
        .iter()
        .zip([2, 1].into_iter().cycle())
        .map(|(digit, weight)| {
            let product = digit * weight;
            product / 10 + product % 10
        })
        .sum();
    (10 - sum % 10) % 10
}

/// The ten digits of `NNNNNN-NNNN` or `NNNNNNNNNN`.
fn organisationsnummer_digits(id: &str) -> Option<String> {
    if all_ascii_digits(id, 10) {
        return Some(id.to_string());
    }
    let (first, last) = id.split_once('-')?;
    (all_ascii_digits(first, 6) && all_ascii_digits(last, 4)).then(|| format!("{first}{last}"))
}

fn parse_organisationsnummer(id: &str) -> Result<String, ValueError> {
    let Some(digits) = organisationsnummer_digits(id) else {
        return Err(error(
            format!("`{id}` is not a Swedish organisationsnummer"),
            "expected NNNNNN-NNNN",
        )
        .with_help(
            "an organisationsnummer has 10 digits, written `NNNNNN-NNNN`, e.g. `556036-0793`",
        ));
    };
    let values = digit_values(&digits).unwrap_or_default();
    let (leading, last) = match values.split_last() {
        Some((last, leading)) => (leading, *last),
        None => (&[][..], 0),
    };
    let expected = luhn_check_digit(leading);
    let (head, tail) = digits.split_at_checked(6).unwrap_or_default();
    if last != expected {
        let tail_start = tail.get(..3).unwrap_or_default();
        return Err(error(
            format!("`{id}` has a wrong check digit"),
            format!("last digit should be {expected}"),
        )
        .with_help(format!(
            "the organisationsnummer `{head}-{tail_start}{expected}` ends in {expected}; check the number against {SWEDISH_REGISTER}"
        )));
    }
    Ok(format!("{head}-{tail}"))
}

// ---- other countries ---------------------------------------------------

fn parse_other(id: &str) -> Result<String, ValueError> {
    if id.trim().is_empty() {
        return Err(
            error("the business ID is empty".to_string(), "empty business ID").with_help(
                "write the controller's registration number as it appears in its register",
            ),
        );
    }
    if id.chars().any(char::is_control) {
        return Err(error(
            format!("`{}` contains a control character", id.escape_debug()),
            "control character",
        ));
    }
    if id.chars().count() > MAX_OTHER_LENGTH {
        return Err(error(
            format!("`{id}` is longer than {MAX_OTHER_LENGTH} characters"),
            "too long",
        )
        .with_help("write only the registration number itself"));
    }
    Ok(id.to_string())
}

#[cfg(test)]
mod tests {
    use super::super::{help_of, rejection};
    use super::*;

    fn id_of(country: &str, id: &str) -> Result<String, ValueError> {
        parse_business_id(country, id).map(|parsed| parsed.id)
    }

    #[test]
    fn accepts_valid_y_tunnus() {
        assert_eq!(id_of("FI", "2298585-9"), Ok("2298585-9".to_string()));
        assert_eq!(id_of("FI", "2243198-7"), Ok("2243198-7".to_string()));
        let parsed = parse_business_id("FI", "2298585-9");
        assert_eq!(parsed.as_ref().map(|id| id.country.as_str()), Ok("FI"));
        assert_eq!(parsed.map(|id| id.to_string()), Ok("2298585-9".to_string()));
    }

    #[test]
    fn computes_y_tunnus_check_digits() {
        assert_eq!(y_tunnus_check_digit("2298585"), Some(9));
        assert_eq!(y_tunnus_check_digit("2243198"), Some(7));
        // 1·2 + 0 = 2 → 11 − 2 = 9; 1·7 + 2·2 = 11 → remainder 0.
        assert_eq!(y_tunnus_check_digit("0000001"), Some(9));
        assert_eq!(y_tunnus_check_digit("1000002"), Some(0));
        // 6·2 = 12 → remainder 1.
        assert_eq!(y_tunnus_check_digit("0000006"), None);
    }

    #[test]
    fn explains_wrong_y_tunnus_check_digit() {
        let error = rejection(parse_business_id("FI", "2298585-8"));
        assert_eq!(error.code, "invalid-business-id");
        assert_eq!(error.message, "`2298585-8` has a wrong check digit");
        assert_eq!(error.label, "check digit should be 9");
        assert_eq!(
            help_of(&error),
            "the Y-tunnus `2298585-9` has check digit 9; check the number against the Finnish business register (ytj.fi)"
        );
    }

    #[test]
    fn explains_y_tunnus_with_remainder_one() {
        for check in 0..=9 {
            let error = rejection(parse_business_id("FI", &format!("0000006-{check}")));
            assert_eq!(error.code, "invalid-business-id");
            assert!(error.message.contains("no valid Y-tunnus"), "{error:?}");
        }
    }

    #[test]
    fn explains_y_tunnus_shapes() {
        let error = rejection(parse_business_id("FI", "22985859"));
        assert_eq!(
            help_of(&error),
            "write the Y-tunnus with a hyphen: `2298585-9`"
        );
        let error = rejection(parse_business_id("FI", "123456-7"));
        assert_eq!(
            help_of(&error),
            "older numbers are padded with a leading 0: `0123456-7`"
        );
        let error = rejection(parse_business_id("FI", "FI22985859"));
        assert!(help_of(&error).contains("`2298585-9`"));
        for written in [
            "",
            "2298585",
            "2298585-",
            "2298585-99",
            "229858a-9",
            "２２９８５８５-9",
        ] {
            let error = rejection(parse_business_id("FI", written));
            assert_eq!(error.code, "invalid-business-id", "{written}");
        }
    }

    #[test]
    fn luhn_matches_a_known_organisationsnummer() {
        assert_eq!(luhn_check_digit(&[5, 5, 6, 0, 3, 6, 0, 7, 9]), 3);
        assert_eq!(luhn_check_digit(&[2, 0, 2, 1, 0, 0, 5, 4, 8]), 9);
    }

    #[test]
    fn accepts_valid_organisationsnummer_in_canonical_form() {
        assert_eq!(id_of("SE", "556036-0793"), Ok("556036-0793".to_string()));
        assert_eq!(id_of("SE", "5560360793"), Ok("556036-0793".to_string()));
        assert_eq!(id_of("SE", "202100-5489"), Ok("202100-5489".to_string()));
    }

    #[test]
    fn explains_wrong_organisationsnummer_check_digit() {
        let error = rejection(parse_business_id("SE", "556036-0794"));
        assert_eq!(error.code, "invalid-business-id");
        assert_eq!(error.message, "`556036-0794` has a wrong check digit");
        assert_eq!(error.label, "last digit should be 3");
        assert!(help_of(&error).contains("`556036-0793` ends in 3"));
    }

    #[test]
    fn rejects_misshapen_organisationsnummer() {
        for written in [
            "",
            "556036-079",
            "55603-60793",
            "556036 0793",
            "SE556036079301",
        ] {
            let error = rejection(parse_business_id("SE", written));
            assert_eq!(error.code, "invalid-business-id", "{written}");
            assert!(help_of(&error).contains("NNNNNN-NNNN"));
        }
    }

    #[test]
    fn keeps_other_countries_ids_as_written() {
        assert_eq!(id_of("DE", "HRB 12345"), Ok("HRB 12345".to_string()));
        assert_eq!(id_of("NO", "923 609 016"), Ok("923 609 016".to_string()));
        let long = "x".repeat(64);
        assert_eq!(id_of("GB", &long), Ok(long.clone()));
    }

    #[test]
    fn rejects_empty_long_or_control_ids_elsewhere() {
        for written in [
            String::new(),
            "   ".to_string(),
            "x".repeat(65),
            "AB\u{7}1".to_string(),
        ] {
            let error = rejection(parse_business_id("DE", &written));
            assert_eq!(error.code, "invalid-business-id");
        }
    }
}
