//! The names of the nodes the DPV and TILT exports write: `urn:regc:register:customers`
//! by default, unique only within a project; under a base IRI the project owns
//! (`[build] base-iri`, `--base-iri`), `https://example.org/privacy/register/customers`,
//! which graphs from several organisations can hold together.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// Where names are made: a base IRI, or none for `urn:regc:` names.
#[derive(Clone, Debug, Default)]
pub struct Names {
    base: Option<String>,
}

impl Names {
    /// Names under `base`, which [`check_base`] has accepted; `None` for `urn:regc:`.
    pub fn new(base: Option<&str>) -> Names {
        Names {
            base: base.map(str::to_string),
        }
    }

    /// The name of a thing of a kind (`register`, `controller`, `person`, …) by its id.
    pub fn of(&self, kind: &str, id: &str) -> String {
        match &self.base {
            Some(base) => format!("{base}{kind}/{}", encode(id)),
            None => format!("urn:regc:{kind}:{id}"),
        }
    }
}

/// Why an address cannot be a base IRI, if it cannot: an `http` or `https` address whose
/// names end where the ids begin, so it ends in `/` or `#`, with no query.
pub fn check_base(base: &str) -> Result<(), String> {
    let scheme_ok = base.starts_with("https://") || base.starts_with("http://");
    if !scheme_ok {
        return Err(format!(
            "`{base}` is not an `https://` (or `http://`) address"
        ));
    }
    // RFC 3987 allows none of these in an IRI; `?` would start a query.
    let refused = |c: char| c.is_whitespace() || c.is_control() || "?\"<>\\^`{|}".contains(c);
    if let Some(c) = base.chars().find(|c| refused(*c)) {
        return Err(format!(
            "`{}` holds `{}`, which no IRI may, or a query",
            base.escape_debug(),
            c.escape_debug()
        ));
    }
    if !base.ends_with('/') && !base.ends_with('#') {
        return Err(format!(
            "`{base}` must end in `/` or `#`, where the names of the registers begin"
        ));
    }
    Ok(())
}

/// What an id leaves as it is in a path segment: ASCII letters, digits, `-`, `_` and `.`;
/// everything else is percent-encoded as UTF-8 (ids may hold `ä`).
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.');

fn encode(id: &str) -> String {
    utf8_percent_encode(id, SEGMENT).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_urns_by_default_and_iris_under_a_base() {
        assert_eq!(
            Names::new(None).of("register", "customers"),
            "urn:regc:register:customers"
        );
        let names = Names::new(Some("https://example.org/privacy/"));
        assert_eq!(
            names.of("register", "asiakkaat-ä"),
            "https://example.org/privacy/register/asiakkaat-%C3%A4"
        );
        assert_eq!(
            Names::new(Some("https://example.org/ns#")).of("controller", "shop"),
            "https://example.org/ns#controller/shop"
        );
    }

    #[test]
    fn a_base_must_be_a_web_address_ending_where_names_begin() {
        assert!(check_base("https://example.org/privacy/").is_ok());
        assert!(check_base("https://example.org/ns#").is_ok());
        assert!(check_base("https://example.org/privacy").is_err());
        assert!(check_base("urn:example:").is_err());
        assert!(check_base("https://example.org/?a=b/").is_err());
        assert!(check_base("https://x.example/\"><script>/").is_err());
        assert!(check_base("https://x.example/a b/").is_err());
    }
}
