//! Calendar dates, written only as ISO 8601 `YYYY-MM-DD`.

use super::{ValueError, ascii_number};
use crate::diagnostic::Code;
use crate::diagnostic::codes;
use std::fmt;

const CODE: Code = codes::INVALID_DATE;
const FIRST_YEAR: u16 = 1900;
const LAST_YEAR: u16 = 2199;
const FORMAT_HELP: &str = "write dates as YYYY-MM-DD, e.g. `2018-02-28`";

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A real calendar date between 1900-01-01 and 2199-12-31.
///
/// Fields are ordered year, month, day so the derived ordering is
/// chronological.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// The date, if it exists in the calendar and lies in the supported years.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        let in_range = (FIRST_YEAR..=LAST_YEAR).contains(&year)
            && day >= 1
            && day <= days_in_month(year, month);
        in_range.then_some(Self { year, month, day })
    }

    /// Days since 1970-01-01 (negative before it), so that dates can be
    /// subtracted and compared with durations.
    pub fn to_days(&self) -> i64 {
        // Howard Hinnant's days_from_civil: counting years from March puts
        // the leap day at the end of the year, which keeps the arithmetic flat.
        let month = i64::from(self.month);
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month_from_march = (month + 9) % 12;
        let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` after 1970-01-01: the inverse of [`Date::to_days`] (Hinnant's
    /// civil_from_days), for turning the system clock into today's date.
    pub fn from_days(days: i64) -> Option<Self> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_from_march = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
        let month = if month_from_march < 10 {
            month_from_march + 3
        } else {
            month_from_march - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Self::new(
            u16::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Gregorian leap-year rule: every fourth year, except centuries not
/// divisible by 400.
pub fn is_leap_year(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// Number of days in a month, or 0 for a month number that does not exist.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The English name of a month (1–12), or "" for anything else.
pub fn month_name(month: u8) -> &'static str {
    usize::from(month)
        .checked_sub(1)
        .and_then(|index| MONTH_NAMES.get(index))
        .copied()
        .unwrap_or("")
}

/// Parses `YYYY-MM-DD`. Other common ways of writing a date are recognised
/// only to explain how to rewrite them.
pub fn parse_date(s: &str) -> Result<Date, ValueError> {
    match iso_parts(s) {
        Some((year, month, day)) => check_calendar(s, year, month, day),
        None => Err(explain_non_iso(s)),
    }
}

/// Year, month and day of text shaped exactly like `DDDD-DD-DD`.
fn iso_parts(s: &str) -> Option<(u32, u32, u32)> {
    let parts: Vec<&str> = s.split('-').collect();
    match parts.as_slice() {
        [year, month, day] if year.len() == 4 && month.len() == 2 && day.len() == 2 => Some((
            ascii_number(year)?,
            ascii_number(month)?,
            ascii_number(day)?,
        )),
        _ => None,
    }
}

fn check_calendar(s: &str, year: u32, month: u32, day: u32) -> Result<Date, ValueError> {
    let year = u16::try_from(year).unwrap_or(u16::MAX);
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return Err(ValueError::new(
            CODE,
            format!("`{s}` is outside the supported years {FIRST_YEAR}–{LAST_YEAR}"),
            "year out of range",
        )
        .with_help(format!(
            "dates must fall between {FIRST_YEAR}-01-01 and {LAST_YEAR}-12-31"
        )));
    }
    let month = u8::try_from(month).unwrap_or(u8::MAX);
    if days_in_month(year, month) == 0 {
        return Err(ValueError::new(
            CODE,
            format!("`{s}` is not a date: there is no month {month}"),
            "not a calendar date",
        )
        .with_help("months run from 01 to 12, e.g. `2018-12-31`"));
    }
    let day = u8::try_from(day).unwrap_or(u8::MAX);
    Date::new(year, month, day).ok_or_else(|| impossible_day(s, year, month, day))
}

fn impossible_day(s: &str, year: u16, month: u8, day: u8) -> ValueError {
    let last_day = days_in_month(year, month);
    let reason = if day == 0 {
        "days are counted from 01".to_string()
    } else {
        format!("{} {year} has {last_day} days", month_name(month))
    };
    ValueError::new(
        CODE,
        format!("`{s}` is not a date: {reason}"),
        "not a calendar date",
    )
    .with_help(format!(
        "write a real date as YYYY-MM-DD, e.g. `{year:04}-{month:02}-{last_day:02}`"
    ))
}

fn explain_non_iso(s: &str) -> ValueError {
    if let Some(error) = explain_finnish_form(s)
        .or_else(|| explain_slashed_iso_form(s))
        .or_else(|| explain_slashed_day_month_form(s))
        .or_else(|| explain_unpadded_iso_form(s))
    {
        return error;
    }
    ValueError::new(CODE, format!("`{s}` is not a date"), "expected YYYY-MM-DD")
        .with_help(FORMAT_HELP)
}

fn not_iso_error(s: &str, help: String) -> ValueError {
    ValueError::new(
        CODE,
        format!("`{s}` is not a date in ISO form YYYY-MM-DD"),
        "not in YYYY-MM-DD form",
    )
    .with_help(help)
}

/// The ISO spelling of a day, month and year, if that date exists.
fn iso_spelling(year: u32, month: u32, day: u32) -> Option<String> {
    let date = Date::new(
        u16::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    )?;
    Some(date.to_string())
}

fn suggestion(year: u32, month: u32, day: u32) -> String {
    match iso_spelling(year, month, day) {
        Some(iso) => format!("write dates as YYYY-MM-DD: `{iso}`"),
        None => FORMAT_HELP.to_string(),
    }
}

/// Three numbers separated by `separator` whose lengths fit the given ranges.
fn three_numbers(
    s: &str,
    separator: char,
    lengths: [(usize, usize); 3],
) -> Option<(u32, u32, u32)> {
    let parts: Vec<&str> = s.split(separator).collect();
    let [first, second, third] = parts.as_slice() else {
        return None;
    };
    let fits = |text: &str, (min, max): (usize, usize)| (min..=max).contains(&text.len());
    let [first_len, second_len, third_len] = lengths;
    if !(fits(first, first_len) && fits(second, second_len) && fits(third, third_len)) {
        return None;
    }
    Some((
        ascii_number(first)?,
        ascii_number(second)?,
        ascii_number(third)?,
    ))
}

/// `6.4.2018` and `06.04.2018`: day first, as written in Finland.
fn explain_finnish_form(s: &str) -> Option<ValueError> {
    let (day, month, year) = three_numbers(s, '.', [(1, 2), (1, 2), (4, 4)])?;
    Some(not_iso_error(s, suggestion(year, month, day)))
}

/// `2018/04/06`: already in ISO order, only the separator is wrong.
fn explain_slashed_iso_form(s: &str) -> Option<ValueError> {
    let (year, month, day) = three_numbers(s, '/', [(4, 4), (1, 2), (1, 2)])?;
    Some(not_iso_error(s, suggestion(year, month, day)))
}

/// `12/07/2022` means 12 July in Europe but 7 December in the United States,
/// so a single rewrite is suggested only when one reading is impossible.
fn explain_slashed_day_month_form(s: &str) -> Option<ValueError> {
    let (first, second, year) = three_numbers(s, '/', [(1, 2), (1, 2), (4, 4)])?;
    let day_first = iso_spelling(year, second, first);
    let month_first = iso_spelling(year, first, second);
    let help = match (day_first, month_first) {
        (Some(a), Some(b)) if a != b => format!(
            "the order of day and month is ambiguous; write the date as YYYY-MM-DD: `{a}` or `{b}`"
        ),
        (Some(only), _) | (None, Some(only)) => format!("write dates as YYYY-MM-DD: `{only}`"),
        (None, None) => FORMAT_HELP.to_string(),
    };
    Some(not_iso_error(s, help))
}

/// `2018-4-6`: right order, missing zero padding.
fn explain_unpadded_iso_form(s: &str) -> Option<ValueError> {
    let (year, month, day) = three_numbers(s, '-', [(4, 4), (1, 2), (1, 2)])?;
    Some(not_iso_error(s, suggestion(year, month, day)))
}

#[cfg(test)]
mod tests {
    use super::super::{help_of, rejection};
    use super::*;

    #[test]
    fn from_days_inverts_to_days() {
        for days in [-25_567, -1, 0, 1, 11_016, 17_627, 20_415, 60_000] {
            let date = Date::from_days(days).expect("in range");
            assert_eq!(date.to_days(), days, "{date}");
        }
        assert_eq!(
            Date::from_days(0).map(|d| d.to_string()),
            Some("1970-01-01".into())
        );
        assert_eq!(
            Date::from_days(20_415).map(|d| d.to_string()),
            Some("2025-11-23".into())
        );
    }

    fn date(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn accepts_iso_dates() {
        assert_eq!(parse_date("2018-04-06"), Ok(date(2018, 4, 6)));
        assert_eq!(parse_date("1900-01-01"), Ok(date(1900, 1, 1)));
        assert_eq!(parse_date("2199-12-31"), Ok(date(2199, 12, 31)));
    }

    #[test]
    fn displays_in_iso_form() {
        assert_eq!(date(2018, 4, 6).to_string(), "2018-04-06");
    }

    #[test]
    fn leap_years_follow_the_gregorian_rule() {
        assert!(parse_date("2000-02-29").is_ok());
        assert!(parse_date("2024-02-29").is_ok());
        let error = rejection(parse_date("1900-02-29"));
        assert_eq!(error.code, "invalid-date");
        assert!(error.message.contains("February 1900 has 28 days"));
        let error = rejection(parse_date("2023-02-29"));
        assert!(error.message.contains("February 2023 has 28 days"));
    }

    #[test]
    fn explains_impossible_day() {
        let error = rejection(parse_date("2018-02-30"));
        assert_eq!(error.code, "invalid-date");
        assert_eq!(
            error.message,
            "`2018-02-30` is not a date: February 2018 has 28 days"
        );
        assert_eq!(error.label, "not a calendar date");
        assert_eq!(
            help_of(&error),
            "write a real date as YYYY-MM-DD, e.g. `2018-02-28`"
        );
        let error = rejection(parse_date("2018-04-31"));
        assert!(error.message.contains("April 2018 has 30 days"));
        let error = rejection(parse_date("2018-04-00"));
        assert!(error.message.contains("days are counted from 01"));
    }

    #[test]
    fn explains_impossible_month() {
        let error = rejection(parse_date("2018-13-01"));
        assert_eq!(
            error.message,
            "`2018-13-01` is not a date: there is no month 13"
        );
        let error = rejection(parse_date("2018-00-10"));
        assert!(error.message.contains("there is no month 0"));
    }

    #[test]
    fn rejects_years_out_of_range() {
        let error = rejection(parse_date("1899-12-31"));
        assert_eq!(error.code, "invalid-date");
        assert!(error.message.contains("1900–2199"));
        assert!(parse_date("2200-01-01").is_err());
    }

    #[test]
    fn suggests_iso_form_for_finnish_dates() {
        for written in ["6.4.2018", "06.04.2018"] {
            let error = rejection(parse_date(written));
            assert_eq!(error.code, "invalid-date");
            assert!(error.message.contains("not a date in ISO form"));
            assert!(help_of(&error).contains("`2018-04-06`"), "{error:?}");
        }
    }

    #[test]
    fn suggests_iso_form_for_slashed_year_first_dates() {
        let error = rejection(parse_date("2018/04/06"));
        assert!(help_of(&error).contains("`2018-04-06`"));
    }

    #[test]
    fn calls_slashed_day_month_dates_ambiguous() {
        let error = rejection(parse_date("12/07/2022"));
        assert!(error.message.contains("not a date in ISO form"));
        let help = help_of(&error);
        assert!(help.contains("ambiguous"));
        assert!(help.contains("`2022-07-12`"));
        assert!(help.contains("`2022-12-07`"));
        let error = rejection(parse_date("25/12/2022"));
        assert!(help_of(&error).contains("`2022-12-25`"));
        assert!(!help_of(&error).contains("ambiguous"));
    }

    #[test]
    fn suggests_padding_for_unpadded_dates() {
        let error = rejection(parse_date("2018-4-6"));
        assert!(help_of(&error).contains("`2018-04-06`"));
    }

    #[test]
    fn rejects_other_text_with_the_format() {
        for written in [
            "",
            "yesterday",
            "2018-04-06T10:00",
            "20180406",
            "２０１８-04-06",
        ] {
            let error = rejection(parse_date(written));
            assert_eq!(error.code, "invalid-date", "{written}");
            assert!(help_of(&error).contains("YYYY-MM-DD"));
        }
    }

    #[test]
    fn counts_days_from_the_unix_epoch() {
        assert_eq!(date(1970, 1, 1).to_days(), 0);
        assert_eq!(date(1970, 1, 2).to_days(), 1);
        assert_eq!(date(1969, 12, 31).to_days(), -1);
        assert_eq!(date(2000, 3, 1).to_days(), 11_017);
        assert_eq!(date(1900, 1, 1).to_days(), -25_567);
        assert_eq!(date(2024, 3, 1).to_days() - date(2024, 2, 28).to_days(), 2);
    }

    #[test]
    fn orders_chronologically() {
        assert!(date(2018, 12, 31) < date(2019, 1, 1));
        assert!(date(2019, 1, 31) < date(2019, 2, 1));
    }
}
