//! Retention periods such as `5 years`, `6 months` or `7 hours`.

use super::{ValueError, ascii_number, closest_match};
use crate::diagnostic::Code;
use crate::diagnostic::codes;
use std::fmt;

const CODE: Code = codes::INVALID_DURATION;
const MAX_AMOUNT: u32 = 1000;

/// The calendar unit of a [`Duration`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum DurationUnit {
    Minutes,
    Hours,
    Days,
    Weeks,
    Months,
    Years,
}

impl DurationUnit {
    const ALL: [DurationUnit; 6] = [
        Self::Minutes,
        Self::Hours,
        Self::Days,
        Self::Weeks,
        Self::Months,
        Self::Years,
    ];

    pub fn singular(self) -> &'static str {
        match self {
            Self::Minutes => "minute",
            Self::Hours => "hour",
            Self::Days => "day",
            Self::Weeks => "week",
            Self::Months => "month",
            Self::Years => "year",
        }
    }

    pub fn plural(self) -> &'static str {
        match self {
            Self::Minutes => "minutes",
            Self::Hours => "hours",
            Self::Days => "days",
            Self::Weeks => "weeks",
            Self::Months => "months",
            Self::Years => "years",
        }
    }

    /// The form that reads correctly after `amount`.
    pub fn word_for(self, amount: u32) -> &'static str {
        if amount == 1 {
            self.singular()
        } else {
            self.plural()
        }
    }

    fn from_word(word: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|unit| unit.singular() == word || unit.plural() == word)
    }

    /// Finnish and Swedish words register keepers in Finland are likely to
    /// write by habit; recognised only to point them to the English unit.
    fn from_nordic_word(word: &str) -> Option<Self> {
        let unit = match word {
            "vuosi" | "vuotta" | "vuoden" | "vuodet" | "år" | "året" | "åren" => Self::Years,
            "kuukausi" | "kuukautta" | "kuukauden" | "kk" | "månad" | "månader" => Self::Months,
            "viikko" | "viikkoa" | "vecka" | "veckor" => Self::Weeks,
            "päivä" | "päivää" | "pv" | "dag" | "dagar" | "dygn" => Self::Days,
            "tunti" | "tuntia" | "tunnin" | "timme" | "timmar" => Self::Hours,
            "minuutti" | "minuuttia" | "minuutin" | "minut" | "minuter" => Self::Minutes,
            _ => return None,
        };
        Some(unit)
    }
}

/// A positive whole number of calendar units, at most 1000.
///
/// Not ordered: months and years have no fixed length in days, so
/// `30 days` against `1 month` has no single answer. Minutes, hours, days and
/// weeks are fixed lengths and compare among themselves (`24 hours` is `1 day`);
/// a comparison that needs it converts them itself (X004 does).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Duration {
    pub amount: u32,
    pub unit: DurationUnit,
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount, self.unit.word_for(self.amount))
    }
}

/// Parses a duration from its two written words, e.g. `5` and `years`.
/// Singular and plural units are both accepted whatever the amount.
pub fn parse_duration(amount: &str, unit: &str) -> Result<Duration, ValueError> {
    let written = format!("{amount} {unit}");
    let Some(number) = ascii_number(amount).or_else(|| huge_number(amount)) else {
        return Err(amount_not_a_number(amount));
    };
    let unit = parse_unit(unit, number)?;
    check_amount(&written, number, unit)?;
    Ok(Duration {
        amount: number,
        unit,
    })
}

/// Digits too many for `u32` still form a number, only one too large.
fn huge_number(amount: &str) -> Option<u32> {
    let all_digits = !amount.is_empty() && amount.bytes().all(|b| b.is_ascii_digit());
    all_digits.then_some(u32::MAX)
}

fn amount_not_a_number(amount: &str) -> ValueError {
    ValueError::new(
        CODE,
        format!("`{amount}` is not a whole number"),
        "expected a number",
    )
    .with_help("write the amount in digits, e.g. `5 years`")
}

fn parse_unit(unit: &str, amount: u32) -> Result<DurationUnit, ValueError> {
    if let Some(parsed) = DurationUnit::from_word(unit) {
        return Ok(parsed);
    }
    let lowered = unit.to_lowercase();
    let error = ValueError::new(
        CODE,
        format!("`{unit}` is not a duration unit"),
        "unknown unit",
    );
    if let Some(english) = DurationUnit::from_word(&lowered) {
        return Err(error.with_help(format!(
            "units are written in lower case: `{amount} {}`",
            english.word_for(amount)
        )));
    }
    if let Some(english) = DurationUnit::from_nordic_word(&lowered) {
        return Err(error.with_help(format!(
            "units are written in English: `{amount} {}`",
            english.word_for(amount)
        )));
    }
    let unit_words = DurationUnit::ALL
        .into_iter()
        .flat_map(|unit| [unit.singular(), unit.plural()]);
    // The suggestion is the form that fits the amount, so `5 yeras`, which
    // is as near to `year` as to `years`, is answered with `years`.
    let near_unit = closest_match(&lowered, unit_words, 2).and_then(DurationUnit::from_word);
    match near_unit {
        // Reported at the whole period (`5 yeras`): the fix writes it whole.
        Some(near) => Err(error
            .with_help(format!("did you mean `{}`?", near.word_for(amount)))
            .replaced_by(format!("{amount} {}", near.word_for(amount)))),
        None => {
            Err(error.with_help("use minutes, hours, days, weeks, months or years, e.g. `5 years`"))
        }
    }
}

fn check_amount(written: &str, amount: u32, unit: DurationUnit) -> Result<(), ValueError> {
    if amount == 0 {
        return Err(ValueError::new(
            CODE,
            format!("a duration of `{written}` keeps nothing"),
            "zero duration",
        )
        .with_help(format!(
            "give a positive amount, e.g. `1 {}`",
            unit.singular()
        )));
    }
    if amount > MAX_AMOUNT {
        return Err(ValueError::new(
            CODE,
            format!("`{written}` is too long: durations go up to {MAX_AMOUNT}"),
            "amount too large",
        )
        .with_help(format!(
            "write a realistic period; for data kept without end, say so in words instead of `{written}`"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::{help_of, rejection};
    use super::*;

    fn duration(amount: u32, unit: DurationUnit) -> Duration {
        Duration { amount, unit }
    }

    #[test]
    fn accepts_singular_and_plural_units() {
        use DurationUnit::*;
        assert_eq!(parse_duration("1", "year"), Ok(duration(1, Years)));
        assert_eq!(parse_duration("5", "years"), Ok(duration(5, Years)));
        assert_eq!(parse_duration("5", "year"), Ok(duration(5, Years)));
        assert_eq!(parse_duration("1", "years"), Ok(duration(1, Years)));
        assert_eq!(parse_duration("30", "days"), Ok(duration(30, Days)));
        assert_eq!(parse_duration("1", "day"), Ok(duration(1, Days)));
        assert_eq!(parse_duration("2", "week"), Ok(duration(2, Weeks)));
        assert_eq!(parse_duration("2", "weeks"), Ok(duration(2, Weeks)));
        assert_eq!(parse_duration("6", "month"), Ok(duration(6, Months)));
        assert_eq!(parse_duration("6", "months"), Ok(duration(6, Months)));
        assert_eq!(parse_duration("1000", "years"), Ok(duration(1000, Years)));
        assert_eq!(parse_duration("7", "hours"), Ok(duration(7, Hours)));
        assert_eq!(parse_duration("1", "hour"), Ok(duration(1, Hours)));
        assert_eq!(parse_duration("30", "minutes"), Ok(duration(30, Minutes)));
        assert_eq!(parse_duration("1", "minute"), Ok(duration(1, Minutes)));
    }

    #[test]
    fn displays_with_the_right_number() {
        assert_eq!(duration(5, DurationUnit::Years).to_string(), "5 years");
        assert_eq!(duration(1, DurationUnit::Years).to_string(), "1 year");
        assert_eq!(duration(1, DurationUnit::Months).to_string(), "1 month");
        assert_eq!(duration(3, DurationUnit::Weeks).to_string(), "3 weeks");
        assert_eq!(duration(1, DurationUnit::Hours).to_string(), "1 hour");
        assert_eq!(
            duration(10, DurationUnit::Minutes).to_string(),
            "10 minutes"
        );
    }

    #[test]
    fn rejects_zero() {
        let error = rejection(parse_duration("0", "years"));
        assert_eq!(error.code, "invalid-duration");
        assert_eq!(error.message, "a duration of `0 years` keeps nothing");
        assert!(help_of(&error).contains("`1 year`"));
    }

    #[test]
    fn rejects_huge_amounts() {
        for amount in ["1001", "99999999999999999999"] {
            let error = rejection(parse_duration(amount, "years"));
            assert_eq!(error.code, "invalid-duration");
            assert!(error.message.contains("1000"), "{error:?}");
        }
    }

    #[test]
    fn rejects_amounts_that_are_not_digits() {
        for amount in ["five", "-1", "+5", "1.5", ""] {
            let error = rejection(parse_duration(amount, "years"));
            assert_eq!(error.code, "invalid-duration");
            assert!(error.message.contains("not a whole number"));
        }
    }

    #[test]
    fn suggests_near_unit_names() {
        let error = rejection(parse_duration("5", "yeras"));
        assert_eq!(error.code, "invalid-duration");
        assert_eq!(error.message, "`yeras` is not a duration unit");
        assert_eq!(help_of(&error), "did you mean `years`?");
        let error = rejection(parse_duration("6", "mnths"));
        assert_eq!(help_of(&error), "did you mean `months`?");
        let error = rejection(parse_duration("1", "yeras"));
        assert_eq!(help_of(&error), "did you mean `year`?");
        let error = rejection(parse_duration("1", "fortnight"));
        assert!(help_of(&error).contains("hours, days, weeks, months or years"));
    }

    #[test]
    fn points_nordic_units_to_english() {
        let cases = [
            ("5", "vuotta", "`5 years`"),
            ("1", "vuosi", "`1 year`"),
            ("6", "kuukautta", "`6 months`"),
            ("30", "päivää", "`30 days`"),
            ("5", "år", "`5 years`"),
            ("3", "månader", "`3 months`"),
            ("14", "dagar", "`14 days`"),
            ("2", "veckor", "`2 weeks`"),
            ("7", "tuntia", "`7 hours`"),
            ("1", "tunti", "`1 hour`"),
            ("48", "timmar", "`48 hours`"),
            ("1", "timme", "`1 hour`"),
            ("10", "minuuttia", "`10 minutes`"),
            ("1", "minuutti", "`1 minute`"),
            ("15", "minuter", "`15 minutes`"),
            ("1", "minut", "`1 minute`"),
        ];
        for (amount, unit, expected) in cases {
            let error = rejection(parse_duration(amount, unit));
            assert_eq!(error.code, "invalid-duration");
            let help = help_of(&error);
            assert!(help.starts_with("units are written in English"), "{help}");
            assert!(help.contains(expected), "{help}");
        }
    }

    #[test]
    fn asks_for_lower_case_units() {
        let error = rejection(parse_duration("5", "Years"));
        assert_eq!(
            help_of(&error),
            "units are written in lower case: `5 years`"
        );
    }
}
