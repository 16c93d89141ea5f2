//! Rule codes such as `K002`: one capital letter naming the rule family and
//! three digits numbering the rule within it.

use super::ValueError;
use crate::diagnostic::Code;
use crate::diagnostic::codes;
use std::fmt;

const CODE: Code = codes::INVALID_RULE_CODE;
const FORMAT_HELP: &str = "a rule code is a capital letter and three digits, e.g. `K002`";

/// A rule code, always one upper-case ASCII letter and three digits.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct RuleCode(String);

impl RuleCode {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The letter naming the rule family.
    pub fn family(&self) -> char {
        self.0.chars().next().unwrap_or('?')
    }
}

impl fmt::Display for RuleCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Parses a rule code written exactly as `K002`.
pub fn parse_rule_code(s: &str) -> Result<RuleCode, ValueError> {
    let Some((letter, digits)) = split_letter(s) else {
        return Err(not_a_rule_code(s).with_help(FORMAT_HELP));
    };
    let digits_only = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    if !digits_only || digits.len() > 3 {
        return Err(not_a_rule_code(s).with_help(FORMAT_HELP));
    }
    let upper = letter.to_ascii_uppercase();
    let padded = format!("{upper}{digits:0>3}");
    if digits.len() < 3 {
        return Err(
            not_a_rule_code(s).with_help(format!("rule codes have three digits: `{padded}`"))
        );
    }
    if letter.is_ascii_lowercase() {
        return Err(ValueError::new(
            CODE,
            format!("`{s}` is not a rule code: the letter must be upper case"),
            "lower-case rule code",
        )
        .with_help(format!("rule codes are upper case: `{padded}`")));
    }
    Ok(RuleCode(padded))
}

fn split_letter(s: &str) -> Option<(char, &str)> {
    let mut chars = s.chars();
    let letter = chars.next().filter(char::is_ascii_alphabetic)?;
    Some((letter, chars.as_str()))
}

fn not_a_rule_code(s: &str) -> ValueError {
    ValueError::new(
        CODE,
        format!("`{s}` is not a rule code"),
        "expected a letter and three digits",
    )
}

#[cfg(test)]
mod tests {
    use super::super::{help_of, rejection};
    use super::*;

    #[test]
    fn accepts_rule_codes() {
        let parsed = parse_rule_code("K002");
        assert_eq!(parsed.as_ref().map(RuleCode::as_str), Ok("K002"));
        assert_eq!(parsed.as_ref().map(RuleCode::family), Ok('K'));
        assert_eq!(
            parse_rule_code("A999").map(|code| code.to_string()),
            Ok("A999".to_string())
        );
    }

    #[test]
    fn asks_for_upper_case() {
        let error = rejection(parse_rule_code("k002"));
        assert_eq!(error.code, "invalid-rule-code");
        assert_eq!(help_of(&error), "rule codes are upper case: `K002`");
    }

    #[test]
    fn suggests_padding_short_numbers() {
        let error = rejection(parse_rule_code("K2"));
        assert_eq!(help_of(&error), "rule codes have three digits: `K002`");
    }

    #[test]
    fn rejects_other_shapes() {
        for written in [
            "", "K", "K0002", "2002", "KK02", "K00a", "Ä002", "K-002", " K002",
        ] {
            let error = rejection(parse_rule_code(written));
            assert_eq!(error.code, "invalid-rule-code", "{written}");
            assert_eq!(help_of(&error), FORMAT_HELP, "{written}");
        }
    }

    #[test]
    fn orders_by_text() {
        let first = parse_rule_code("K002").ok();
        let second = parse_rule_code("K010").ok();
        assert!(first.is_some() && first < second);
    }
}
