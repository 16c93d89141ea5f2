//! Regions: ISO 3166-2 subdivision codes such as `DE-BY` (Bavaria), written after a
//! controller's `country` where the competent supervisory authority depends on the region.

use super::{CountryCode, ValueError, closest_match};
use crate::diagnostic::Code;
use crate::diagnostic::codes;
use std::fmt;

const CODE: Code = codes::INVALID_REGION;
const FORMAT_HELP: &str =
    "a region is an ISO 3166-2 code: the country, a hyphen and the subdivision, e.g. `DE-BY`";

/// The subdivisions regc knows by name, per country (ISO 3166-2). A country not listed
/// here takes any well-formed code; one listed takes only its own.
pub const SUBDIVISIONS: &[(&str, &[(&str, &str)])] = &[
    (
        "DE",
        &[
            ("BB", "Brandenburg"),
            ("BE", "Berlin"),
            ("BW", "Baden-Württemberg"),
            ("BY", "Bavaria (Bayern)"),
            ("HB", "Bremen"),
            ("HE", "Hesse (Hessen)"),
            ("HH", "Hamburg"),
            (
                "MV",
                "Mecklenburg-Western Pomerania (Mecklenburg-Vorpommern)",
            ),
            ("NI", "Lower Saxony (Niedersachsen)"),
            ("NW", "North Rhine-Westphalia (Nordrhein-Westfalen)"),
            ("RP", "Rhineland-Palatinate (Rheinland-Pfalz)"),
            ("SH", "Schleswig-Holstein"),
            ("SL", "Saarland"),
            ("SN", "Saxony (Sachsen)"),
            ("ST", "Saxony-Anhalt (Sachsen-Anhalt)"),
            ("TH", "Thuringia (Thüringen)"),
        ],
    ),
    (
        "GB",
        &[
            ("ENG", "England"),
            ("NIR", "Northern Ireland"),
            ("SCT", "Scotland"),
            ("WLS", "Wales"),
        ],
    ),
];

/// A subdivision code, e.g. `DE-BY`.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Region {
    pub country: CountryCode,
    pub subdivision: String,
}

impl Region {
    /// The subdivision's name, when regc knows it.
    pub fn name(&self) -> Option<&'static str> {
        known(self.country.as_str())?
            .iter()
            .find(|(code, _)| *code == self.subdivision)
            .map(|(_, name)| *name)
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.country, self.subdivision)
    }
}

fn known(country: &str) -> Option<&'static [(&'static str, &'static str)]> {
    SUBDIVISIONS
        .iter()
        .find(|(c, _)| *c == country)
        .map(|(_, list)| *list)
}

/// The code of a known subdivision written by its name (`Berlin`, `Bayern`).
fn by_name(name: &str) -> Option<String> {
    let name = name.to_lowercase();
    SUBDIVISIONS.iter().find_map(|(country, list)| {
        list.iter()
            .find(|(_, n)| {
                n.to_lowercase()
                    .split(|c: char| !c.is_alphanumeric() && c != '-')
                    .any(|word| word == name)
            })
            .map(|(code, _)| format!("{country}-{code}"))
    })
}

fn invalid(s: &str, why: &str) -> ValueError {
    ValueError::new(
        CODE,
        format!("`{s}` is not a region: {why}"),
        "not an ISO 3166-2 code",
    )
}

/// Parses an ISO 3166-2 code written exactly as `DE-BY`: an assigned country code, a
/// hyphen and one to three upper-case letters or digits, and for the countries of
/// [`SUBDIVISIONS`] one of their subdivisions.
pub fn parse_region(s: &str) -> Result<Region, ValueError> {
    let Some((country, subdivision)) = s.split_once('-') else {
        let help = match by_name(s) {
            Some(code) => format!("write the code of {s}: `{code}`"),
            None => FORMAT_HELP.to_string(),
        };
        return Err(invalid(s, "it has no hyphen").with_help(help));
    };
    let upper = s.to_ascii_uppercase();
    if upper != s {
        return Err(invalid(s, "region codes are upper case").with_help(format!("write `{upper}`")));
    }
    let Some(code) = CountryCode::from_code(country) else {
        return Err(
            invalid(s, &format!("`{country}` is not a country code")).with_help(FORMAT_HELP)
        );
    };
    let well_formed = (1..=3).contains(&subdivision.len())
        && subdivision
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    if !well_formed {
        return Err(
            invalid(s, "the subdivision is one to three letters or digits").with_help(FORMAT_HELP),
        );
    }
    if let Some(list) = known(country)
        && !list.iter().any(|(c, _)| *c == subdivision)
    {
        let codes: Vec<String> = list.iter().map(|(c, _)| format!("{country}-{c}")).collect();
        let near = closest_match(subdivision, list.iter().map(|(c, _)| *c), 1);
        let help = match near {
            Some(near) => format!(
                "did you mean `{country}-{near}`? The regions of {country} are {}",
                codes.join(", ")
            ),
            None => format!("the regions of {country} are {}", codes.join(", ")),
        };
        let error = ValueError::new(
            CODE,
            format!("`{s}` is not a region of {country}"),
            "unknown subdivision",
        )
        .with_help(help);
        return Err(match near {
            Some(near) => error.replaced_by(format!("{country}-{near}")),
            None => error,
        });
    }
    Ok(Region {
        country: code,
        subdivision: subdivision.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_known_and_unknown_subdivisions() {
        let by = parse_region("DE-BY").unwrap();
        assert_eq!(by.to_string(), "DE-BY");
        assert_eq!(by.name(), Some("Bavaria (Bayern)"));
        assert!(
            parse_region("AT-9").is_ok(),
            "a country with no list takes any code"
        );
        assert!(
            parse_region("DE-XX")
                .unwrap_err()
                .message
                .contains("not a region of DE")
        );
        assert!(
            parse_region("DE-BYY")
                .unwrap_err()
                .help
                .unwrap()
                .contains("DE-BY")
        );
        assert!(
            parse_region("de-by")
                .unwrap_err()
                .help
                .unwrap()
                .contains("`DE-BY`")
        );
        assert!(
            parse_region("Bavaria")
                .unwrap_err()
                .help
                .unwrap()
                .contains("`DE-BY`")
        );
        assert!(
            parse_region("Berlin")
                .unwrap_err()
                .help
                .unwrap()
                .contains("`DE-BE`")
        );
        assert!(parse_region("QQ-1").is_err());
        assert!(parse_region("DE-").is_err());
    }
}
