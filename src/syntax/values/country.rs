//! Countries and country groups, written as ISO 3166-1 alpha-2 codes or as
//! `EU`, `EEA` and `outside-eea`.

use super::ValueError;
use crate::diagnostic::Code;
use crate::diagnostic::codes;
use std::fmt;

const CODE: Code = codes::INVALID_COUNTRY;

/// All 249 officially assigned ISO 3166-1 alpha-2 codes with short English
/// names, sorted by code so lookups can binary search.
pub const COUNTRIES: [(&str, &str); 249] = [
    ("AD", "Andorra"),
    ("AE", "United Arab Emirates"),
    ("AF", "Afghanistan"),
    ("AG", "Antigua and Barbuda"),
    ("AI", "Anguilla"),
    ("AL", "Albania"),
    ("AM", "Armenia"),
    ("AO", "Angola"),
    ("AQ", "Antarctica"),
    ("AR", "Argentina"),
    ("AS", "American Samoa"),
    ("AT", "Austria"),
    ("AU", "Australia"),
    ("AW", "Aruba"),
    ("AX", "Åland Islands"),
    ("AZ", "Azerbaijan"),
    ("BA", "Bosnia and Herzegovina"),
    ("BB", "Barbados"),
    ("BD", "Bangladesh"),
    ("BE", "Belgium"),
    ("BF", "Burkina Faso"),
    ("BG", "Bulgaria"),
    ("BH", "Bahrain"),
    ("BI", "Burundi"),
    ("BJ", "Benin"),
    ("BL", "Saint Barthélemy"),
    ("BM", "Bermuda"),
    ("BN", "Brunei"),
    ("BO", "Bolivia"),
    ("BQ", "Bonaire, Sint Eustatius and Saba"),
    ("BR", "Brazil"),
    ("BS", "Bahamas"),
    ("BT", "Bhutan"),
    ("BV", "Bouvet Island"),
    ("BW", "Botswana"),
    ("BY", "Belarus"),
    ("BZ", "Belize"),
    ("CA", "Canada"),
    ("CC", "Cocos (Keeling) Islands"),
    ("CD", "Democratic Republic of the Congo"),
    ("CF", "Central African Republic"),
    ("CG", "Congo"),
    ("CH", "Switzerland"),
    ("CI", "Côte d'Ivoire"),
    ("CK", "Cook Islands"),
    ("CL", "Chile"),
    ("CM", "Cameroon"),
    ("CN", "China"),
    ("CO", "Colombia"),
    ("CR", "Costa Rica"),
    ("CU", "Cuba"),
    ("CV", "Cabo Verde"),
    ("CW", "Curaçao"),
    ("CX", "Christmas Island"),
    ("CY", "Cyprus"),
    ("CZ", "Czechia"),
    ("DE", "Germany"),
    ("DJ", "Djibouti"),
    ("DK", "Denmark"),
    ("DM", "Dominica"),
    ("DO", "Dominican Republic"),
    ("DZ", "Algeria"),
    ("EC", "Ecuador"),
    ("EE", "Estonia"),
    ("EG", "Egypt"),
    ("EH", "Western Sahara"),
    ("ER", "Eritrea"),
    ("ES", "Spain"),
    ("ET", "Ethiopia"),
    ("FI", "Finland"),
    ("FJ", "Fiji"),
    ("FK", "Falkland Islands"),
    ("FM", "Micronesia"),
    ("FO", "Faroe Islands"),
    ("FR", "France"),
    ("GA", "Gabon"),
    ("GB", "United Kingdom"),
    ("GD", "Grenada"),
    ("GE", "Georgia"),
    ("GF", "French Guiana"),
    ("GG", "Guernsey"),
    ("GH", "Ghana"),
    ("GI", "Gibraltar"),
    ("GL", "Greenland"),
    ("GM", "Gambia"),
    ("GN", "Guinea"),
    ("GP", "Guadeloupe"),
    ("GQ", "Equatorial Guinea"),
    ("GR", "Greece"),
    ("GS", "South Georgia and the South Sandwich Islands"),
    ("GT", "Guatemala"),
    ("GU", "Guam"),
    ("GW", "Guinea-Bissau"),
    ("GY", "Guyana"),
    ("HK", "Hong Kong"),
    ("HM", "Heard Island and McDonald Islands"),
    ("HN", "Honduras"),
    ("HR", "Croatia"),
    ("HT", "Haiti"),
    ("HU", "Hungary"),
    ("ID", "Indonesia"),
    ("IE", "Ireland"),
    ("IL", "Israel"),
    ("IM", "Isle of Man"),
    ("IN", "India"),
    ("IO", "British Indian Ocean Territory"),
    ("IQ", "Iraq"),
    ("IR", "Iran"),
    ("IS", "Iceland"),
    ("IT", "Italy"),
    ("JE", "Jersey"),
    ("JM", "Jamaica"),
    ("JO", "Jordan"),
    ("JP", "Japan"),
    ("KE", "Kenya"),
    ("KG", "Kyrgyzstan"),
    ("KH", "Cambodia"),
    ("KI", "Kiribati"),
    ("KM", "Comoros"),
    ("KN", "Saint Kitts and Nevis"),
    ("KP", "North Korea"),
    ("KR", "South Korea"),
    ("KW", "Kuwait"),
    ("KY", "Cayman Islands"),
    ("KZ", "Kazakhstan"),
    ("LA", "Laos"),
    ("LB", "Lebanon"),
    ("LC", "Saint Lucia"),
    ("LI", "Liechtenstein"),
    ("LK", "Sri Lanka"),
    ("LR", "Liberia"),
    ("LS", "Lesotho"),
    ("LT", "Lithuania"),
    ("LU", "Luxembourg"),
    ("LV", "Latvia"),
    ("LY", "Libya"),
    ("MA", "Morocco"),
    ("MC", "Monaco"),
    ("MD", "Moldova"),
    ("ME", "Montenegro"),
    ("MF", "Saint Martin (French part)"),
    ("MG", "Madagascar"),
    ("MH", "Marshall Islands"),
    ("MK", "North Macedonia"),
    ("ML", "Mali"),
    ("MM", "Myanmar"),
    ("MN", "Mongolia"),
    ("MO", "Macao"),
    ("MP", "Northern Mariana Islands"),
    ("MQ", "Martinique"),
    ("MR", "Mauritania"),
    ("MS", "Montserrat"),
    ("MT", "Malta"),
    ("MU", "Mauritius"),
    ("MV", "Maldives"),
    ("MW", "Malawi"),
    ("MX", "Mexico"),
    ("MY", "Malaysia"),
    ("MZ", "Mozambique"),
    ("NA", "Namibia"),
    ("NC", "New Caledonia"),
    ("NE", "Niger"),
    ("NF", "Norfolk Island"),
    ("NG", "Nigeria"),
    ("NI", "Nicaragua"),
    ("NL", "Netherlands"),
    ("NO", "Norway"),
    ("NP", "Nepal"),
    ("NR", "Nauru"),
    ("NU", "Niue"),
    ("NZ", "New Zealand"),
    ("OM", "Oman"),
    ("PA", "Panama"),
    ("PE", "Peru"),
    ("PF", "French Polynesia"),
    ("PG", "Papua New Guinea"),
    ("PH", "Philippines"),
    ("PK", "Pakistan"),
    ("PL", "Poland"),
    ("PM", "Saint Pierre and Miquelon"),
    ("PN", "Pitcairn"),
    ("PR", "Puerto Rico"),
    ("PS", "Palestine"),
    ("PT", "Portugal"),
    ("PW", "Palau"),
    ("PY", "Paraguay"),
    ("QA", "Qatar"),
    ("RE", "Réunion"),
    ("RO", "Romania"),
    ("RS", "Serbia"),
    ("RU", "Russia"),
    ("RW", "Rwanda"),
    ("SA", "Saudi Arabia"),
    ("SB", "Solomon Islands"),
    ("SC", "Seychelles"),
    ("SD", "Sudan"),
    ("SE", "Sweden"),
    ("SG", "Singapore"),
    ("SH", "Saint Helena, Ascension and Tristan da Cunha"),
    ("SI", "Slovenia"),
    ("SJ", "Svalbard and Jan Mayen"),
    ("SK", "Slovakia"),
    ("SL", "Sierra Leone"),
    ("SM", "San Marino"),
    ("SN", "Senegal"),
    ("SO", "Somalia"),
    ("SR", "Suriname"),
    ("SS", "South Sudan"),
    ("ST", "Sao Tome and Principe"),
    ("SV", "El Salvador"),
    ("SX", "Sint Maarten (Dutch part)"),
    ("SY", "Syria"),
    ("SZ", "Eswatini"),
    ("TC", "Turks and Caicos Islands"),
    ("TD", "Chad"),
    ("TF", "French Southern Territories"),
    ("TG", "Togo"),
    ("TH", "Thailand"),
    ("TJ", "Tajikistan"),
    ("TK", "Tokelau"),
    ("TL", "Timor-Leste"),
    ("TM", "Turkmenistan"),
    ("TN", "Tunisia"),
    ("TO", "Tonga"),
    ("TR", "Türkiye"),
    ("TT", "Trinidad and Tobago"),
    ("TV", "Tuvalu"),
    ("TW", "Taiwan"),
    ("TZ", "Tanzania"),
    ("UA", "Ukraine"),
    ("UG", "Uganda"),
    ("UM", "United States Minor Outlying Islands"),
    ("US", "United States"),
    ("UY", "Uruguay"),
    ("UZ", "Uzbekistan"),
    ("VA", "Holy See"),
    ("VC", "Saint Vincent and the Grenadines"),
    ("VE", "Venezuela"),
    ("VG", "British Virgin Islands"),
    ("VI", "United States Virgin Islands"),
    ("VN", "Viet Nam"),
    ("VU", "Vanuatu"),
    ("WF", "Wallis and Futuna"),
    ("WS", "Samoa"),
    ("YE", "Yemen"),
    ("YT", "Mayotte"),
    ("ZA", "South Africa"),
    ("ZM", "Zambia"),
    ("ZW", "Zimbabwe"),
];

/// The 27 EU member states. Greece is `GR` here, not the EU's own `EL`.
const EU_MEMBERS: [&str; 27] = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
];

/// EEA members outside the EU.
const EEA_ONLY_MEMBERS: [&str; 3] = ["IS", "LI", "NO"];

/// Other English names people write for a country, beyond the table's own.
const NAME_ALIASES: [(&str, &str); 22] = [
    ("usa", "US"),
    ("united states of america", "US"),
    ("america", "US"),
    ("uk", "GB"),
    ("great britain", "GB"),
    ("britain", "GB"),
    ("england", "GB"),
    ("holland", "NL"),
    ("the netherlands", "NL"),
    ("czech republic", "CZ"),
    ("turkey", "TR"),
    ("vietnam", "VN"),
    ("russian federation", "RU"),
    ("korea", "KR"),
    ("ivory coast", "CI"),
    ("cape verde", "CV"),
    ("swaziland", "SZ"),
    ("macedonia", "MK"),
    ("burma", "MM"),
    ("east timor", "TL"),
    ("vatican", "VA"),
    ("vatican city", "VA"),
];

/// An officially assigned ISO 3166-1 alpha-2 code, upper-case ASCII.
#[derive(
    Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct CountryCode(pub [u8; 2]);

impl CountryCode {
    /// The code, if `code` is exactly an assigned upper-case alpha-2 code.
    pub fn from_code(code: &str) -> Option<Self> {
        let index = COUNTRIES
            .binary_search_by(|(listed, _)| listed.cmp(&code))
            .ok()?;
        let (listed, _) = COUNTRIES.get(index)?;
        let bytes: [u8; 2] = listed.as_bytes().try_into().ok()?;
        Some(Self(bytes))
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// English short name, for notices and messages.
    pub fn name_en(&self) -> &'static str {
        country_name(self.as_str()).unwrap_or("unknown country")
    }

    pub fn is_eu(&self) -> bool {
        is_eu(self)
    }

    pub fn is_eea(&self) -> bool {
        is_eea(self)
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where personal data goes: one country or one of the groups GDPR treats
/// alike.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Country {
    Code(CountryCode),
    Eu,
    Eea,
    OutsideEea,
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Code(code) => f.write_str(code.as_str()),
            Self::Eu => f.write_str("EU"),
            Self::Eea => f.write_str("EEA"),
            Self::OutsideEea => f.write_str("outside-eea"),
        }
    }
}

/// Whether the country is one of the 27 EU member states.
pub fn is_eu(code: &CountryCode) -> bool {
    EU_MEMBERS.contains(&code.as_str())
}

/// Whether the country is in the European Economic Area (EU, Iceland,
/// Liechtenstein and Norway), where GDPR transfer rules do not apply.
pub fn is_eea(code: &CountryCode) -> bool {
    is_eu(code) || EEA_ONLY_MEMBERS.contains(&code.as_str())
}

fn country_name(code: &str) -> Option<&'static str> {
    COUNTRIES
        .binary_search_by(|(listed, _)| listed.cmp(&code))
        .ok()
        .and_then(|index| COUNTRIES.get(index))
        .map(|(_, name)| *name)
}

/// Parses `EU`, `EEA`, `outside-eea` or an assigned ISO 3166-1 alpha-2 code.
pub fn parse_country(s: &str) -> Result<Country, ValueError> {
    match s {
        "EU" => return Ok(Country::Eu),
        "EEA" => return Ok(Country::Eea),
        "outside-eea" => return Ok(Country::OutsideEea),
        _ => {}
    }
    if let Some(code) = CountryCode::from_code(s) {
        return Ok(Country::Code(code));
    }
    Err(explain_rejected_country(s))
}

fn explain_rejected_country(s: &str) -> ValueError {
    if let Some(error) = explain_miscased_group(s) {
        return error;
    }
    if is_two_ascii_letters(s) {
        return explain_two_letters(s);
    }
    if let Some(code) = code_for_name(s) {
        return ValueError::new(
            CODE,
            format!("`{s}` is a country name, not a country code"),
            "country name",
        )
        .with_help(format!("write the two-letter code, e.g. `{code}`"));
    }
    ValueError::new(
        CODE,
        format!("`{s}` is not a country code"),
        "unknown country",
    )
    .with_help(
        "write an ISO 3166-1 two-letter code such as `FI`, or one of `EU`, `EEA` and `outside-eea`",
    )
}

fn explain_miscased_group(s: &str) -> Option<ValueError> {
    let canonical = ["EU", "EEA", "outside-eea"]
        .into_iter()
        .find(|group| group.eq_ignore_ascii_case(s))?;
    Some(
        ValueError::new(
            CODE,
            format!("`{s}` is not written as the country group expects"),
            "wrong letter case",
        )
        .with_help(format!("write `{canonical}`")),
    )
}

fn is_two_ascii_letters(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic())
}

fn explain_two_letters(s: &str) -> ValueError {
    let upper = s.to_ascii_uppercase();
    let not_a_code = |label: &str| {
        ValueError::new(
            CODE,
            format!("`{s}` is not an ISO 3166-1 country code"),
            label,
        )
    };
    if let Some((code, hint)) = common_confusion(&upper) {
        return not_a_code("not an ISO code")
            .with_help(hint)
            .replaced_by(code);
    }
    if CountryCode::from_code(&upper).is_some() {
        return ValueError::new(
            CODE,
            format!("`{s}` is written in lower case"),
            "lower-case country code",
        )
        .with_help(format!(
            "country codes are written in upper case: `{upper}`"
        ))
        .replaced_by(upper);
    }
    not_a_code("unknown country code")
        .with_help("use an officially assigned two-letter code, e.g. `FI` or `SE`")
}

/// Codes in everyday use that ISO 3166-1 does not assign.
fn common_confusion(upper: &str) -> Option<(&'static str, &'static str)> {
    match upper {
        "EL" => Some((
            "GR",
            "Greece is `GR` in ISO 3166-1 (`EL` is the EU's own code)",
        )),
        "UK" => Some(("GB", "the United Kingdom is `GB`")),
        _ => None,
    }
}

/// The code of a country written out by its English name, any letter case.
fn code_for_name(s: &str) -> Option<&'static str> {
    let lowered = s.trim().to_lowercase();
    let listed = COUNTRIES
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

/// `CountryCode("FI")`: readable in syntax-tree snapshots.
impl fmt::Debug for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CountryCode({:?})", self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::super::{help_of, rejection};
    use super::*;

    fn code(text: &str) -> Country {
        let bytes: [u8; 2] = text.as_bytes().try_into().unwrap_or(*b"??");
        Country::Code(CountryCode(bytes))
    }

    #[test]
    fn table_holds_all_assigned_codes_sorted_and_unique() {
        assert_eq!(COUNTRIES.len(), 249);
        assert!(COUNTRIES.windows(2).all(|pair| match pair {
            [(a, _), (b, _)] => a < b,
            _ => false,
        }));
        assert!(COUNTRIES.iter().all(|(code, name)| {
            code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) && !name.is_empty()
        }));
    }

    #[test]
    fn accepts_codes_and_groups() {
        assert_eq!(parse_country("FI"), Ok(code("FI")));
        assert_eq!(parse_country("ZW"), Ok(code("ZW")));
        assert_eq!(parse_country("AD"), Ok(code("AD")));
        assert_eq!(parse_country("EU"), Ok(Country::Eu));
        assert_eq!(parse_country("EEA"), Ok(Country::Eea));
        assert_eq!(parse_country("outside-eea"), Ok(Country::OutsideEea));
    }

    #[test]
    fn displays_written_form() {
        assert_eq!(code("SE").to_string(), "SE");
        assert_eq!(Country::Eu.to_string(), "EU");
        assert_eq!(Country::Eea.to_string(), "EEA");
        assert_eq!(Country::OutsideEea.to_string(), "outside-eea");
    }

    #[test]
    fn names_codes_in_english() {
        assert_eq!(CountryCode(*b"FI").name_en(), "Finland");
        assert_eq!(CountryCode(*b"GB").name_en(), "United Kingdom");
        assert_eq!(CountryCode(*b"AX").name_en(), "Åland Islands");
        assert_eq!(CountryCode(*b"QQ").name_en(), "unknown country");
        assert_eq!(CountryCode([0xff, 0xfe]).as_str(), "??");
    }

    #[test]
    fn knows_eu_and_eea_members() {
        let eu = |text: &str| CountryCode::from_code(text).is_some_and(|c| is_eu(&c));
        let eea = |text: &str| CountryCode::from_code(text).is_some_and(|c| is_eea(&c));
        assert_eq!(EU_MEMBERS.len(), 27);
        assert!(
            EU_MEMBERS
                .iter()
                .all(|member| CountryCode::from_code(member).is_some())
        );
        assert!(eu("FI") && eu("GR") && eu("SE") && eu("HR"));
        assert!(!eu("NO") && !eu("GB") && !eu("CH") && !eu("US"));
        assert!(eea("NO") && eea("IS") && eea("LI") && eea("FI"));
        assert!(!eea("CH") && !eea("GB") && !eea("US"));
        assert!(CountryCode(*b"DE").is_eu() && CountryCode(*b"NO").is_eea());
    }

    #[test]
    fn asks_for_upper_case_codes() {
        let error = rejection(parse_country("fi"));
        assert_eq!(error.code, "invalid-country");
        assert_eq!(
            help_of(&error),
            "country codes are written in upper case: `FI`"
        );
        let error = rejection(parse_country("Se"));
        assert!(help_of(&error).contains("`SE`"));
    }

    #[test]
    fn explains_el_and_uk() {
        let error = rejection(parse_country("EL"));
        assert_eq!(error.message, "`EL` is not an ISO 3166-1 country code");
        assert_eq!(
            help_of(&error),
            "Greece is `GR` in ISO 3166-1 (`EL` is the EU's own code)"
        );
        let error = rejection(parse_country("UK"));
        assert_eq!(help_of(&error), "the United Kingdom is `GB`");
    }

    #[test]
    fn rejects_unassigned_codes() {
        let error = rejection(parse_country("XX"));
        assert_eq!(error.code, "invalid-country");
        assert_eq!(error.message, "`XX` is not an ISO 3166-1 country code");
        let error = rejection(parse_country("xx"));
        assert_eq!(error.message, "`xx` is not an ISO 3166-1 country code");
    }

    #[test]
    fn points_country_names_to_codes() {
        let cases = [
            ("Finland", "FI"),
            ("Sweden", "SE"),
            ("United States", "US"),
            ("USA", "US"),
            ("united kingdom", "GB"),
            ("åland islands", "AX"),
        ];
        for (name, expected) in cases {
            let error = rejection(parse_country(name));
            assert_eq!(error.code, "invalid-country");
            assert_eq!(
                help_of(&error),
                format!("write the two-letter code, e.g. `{expected}`")
            );
        }
    }

    #[test]
    fn corrects_group_case() {
        let error = rejection(parse_country("eu"));
        assert_eq!(help_of(&error), "write `EU`");
        let error = rejection(parse_country("Outside-EEA"));
        assert_eq!(help_of(&error), "write `outside-eea`");
    }

    #[test]
    fn rejects_other_text() {
        for written in ["", "F", "FIN", "Narnia", "F1"] {
            let error = rejection(parse_country(written));
            assert_eq!(error.code, "invalid-country", "{written}");
        }
    }
}
