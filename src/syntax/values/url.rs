//! Web addresses that a privacy notice may link to: public `http` and
//! `https` sites only.

use super::ValueError;
use crate::diagnostic::Code;
use crate::diagnostic::codes;
use std::fmt;

const CODE: Code = codes::INVALID_URL;
const EXAMPLE_HELP: &str = "write a full address such as `https://www.example.fi`";

/// A public `http` or `https` address, kept as written.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct WebUrl(String);

impl WebUrl {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for WebUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn error(message: String, label: &str) -> ValueError {
    ValueError::new(CODE, message, label)
}

/// Parses an absolute `http://` or `https://` address of a public site.
pub fn parse_url(s: &str) -> Result<WebUrl, ValueError> {
    if s.is_empty() {
        return Err(
            error("the web address is empty".to_string(), "empty address").with_help(EXAMPLE_HELP),
        );
    }
    reject_whitespace(s)?;
    match written_scheme(s) {
        Some(scheme) if is_web_scheme(scheme) => {}
        Some(scheme) => return Err(wrong_scheme(s, scheme)),
        None => return Err(explain_missing_scheme(s)),
    }
    let parsed = ::url::Url::parse(s).map_err(|reason| {
        error(
            format!("`{s}` is not a valid web address: {reason}"),
            "invalid address",
        )
        .with_help(EXAMPLE_HELP)
    })?;
    check_public_host(s, &parsed)?;
    reject_credentials(s, &parsed)?;
    Ok(WebUrl(s.to_string()))
}

fn reject_whitespace(s: &str) -> Result<(), ValueError> {
    if !s.chars().any(char::is_whitespace) {
        return Ok(());
    }
    Err(error(format!("`{s}` contains a space"), "space in address")
        .with_help("remove the space, or write it as `%20` if it belongs in the address"))
}

/// The scheme before the first `:`, if the text starts with one. A dot
/// before the colon means a host with a port (`example.fi:8080`), and a
/// number after it means `localhost:8080`, neither of which is a scheme.
fn written_scheme(s: &str) -> Option<&str> {
    let (scheme, rest) = s.split_once(':')?;
    let mut chars = scheme.chars();
    let starts_with_letter = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let scheme_chars = chars.all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '-');
    let followed_by_port = rest.starts_with(|c: char| c.is_ascii_digit());
    (starts_with_letter && scheme_chars && !followed_by_port).then_some(scheme)
}

fn is_web_scheme(scheme: &str) -> bool {
    scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
}

fn wrong_scheme(s: &str, scheme: &str) -> ValueError {
    error(
        format!("`{s}` is a `{scheme}:` address; only http and https addresses are allowed"),
        "not a web address",
    )
    .with_help("link to a web page with an `https://` address")
}

fn explain_missing_scheme(s: &str) -> ValueError {
    let host = s.split(['/', '?', '#']).next().unwrap_or_default();
    let looks_like_host = host.contains('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-' || c == ':');
    let error = error(
        format!("`{s}` has no `https://` at the start"),
        "missing `https://`",
    );
    if looks_like_host {
        error.with_help(format!("add `https://`: `https://{s}`"))
    } else {
        error.with_help(EXAMPLE_HELP)
    }
}

/// A notice is read by the public, so the address must lead to a site the
/// public can reach by name.
fn check_public_host(s: &str, parsed: &::url::Url) -> Result<(), ValueError> {
    match parsed.host() {
        Some(::url::Host::Domain(domain)) => check_domain(s, domain),
        Some(::url::Host::Ipv4(_) | ::url::Host::Ipv6(_)) => Err(error(
            format!("`{s}` points to an IP address, not a site name"),
            "IP address",
        )
        .with_help("link to the site by its domain name, e.g. `https://www.example.fi`")),
        None => {
            Err(error(format!("`{s}` has no site name"), "missing host").with_help(EXAMPLE_HELP))
        }
    }
}

fn check_domain(s: &str, domain: &str) -> Result<(), ValueError> {
    let trimmed = domain.trim_end_matches('.');
    if trimmed == "localhost" || trimmed.ends_with(".localhost") {
        return Err(error(
            format!("`{s}` points to this computer, not to a public site"),
            "local address",
        )
        .with_help("a notice must link to a public site, e.g. `https://www.example.fi`"));
    }
    if !trimmed.contains('.') {
        return Err(error(
            format!("`{s}` has no domain ending such as `.fi`"),
            "incomplete site name",
        )
        .with_help("a notice must link to a public site; write its full name, e.g. `https://www.example.fi`"));
    }
    Ok(())
}

/// A user name or password in a published link exposes the credentials to
/// every reader.
fn reject_credentials(s: &str, parsed: &::url::Url) -> Result<(), ValueError> {
    if parsed.username().is_empty() && parsed.password().is_none() {
        return Ok(());
    }
    Err(error(
        format!("`{s}` contains a user name or password"),
        "credentials in address",
    )
    .with_help("remove the part before `@` from the address"))
}

#[cfg(test)]
mod tests {
    use super::super::{help_of, rejection};
    use super::*;

    #[test]
    fn accepts_public_web_addresses_as_written() {
        for written in [
            "https://www.example.com",
            "http://example.fi/tietosuoja",
            "https://om.fi/en/privacy?lang=en#contact",
            "HTTPS://Example.COM/Path",
            "https://example.fi:8443/",
            "https://pääkäyttäjä.fi/",
        ] {
            let parsed = parse_url(written);
            assert_eq!(parsed.as_ref().map(WebUrl::as_str), Ok(written));
        }
    }

    #[test]
    fn suggests_scheme_for_bare_hosts() {
        let error = rejection(parse_url("www.example.com"));
        assert_eq!(error.code, "invalid-url");
        assert_eq!(help_of(&error), "add `https://`: `https://www.example.com`");
        let error = rejection(parse_url("example.fi/privacy"));
        assert_eq!(
            help_of(&error),
            "add `https://`: `https://example.fi/privacy`"
        );
        let error = rejection(parse_url("example.fi:8080/x"));
        assert!(help_of(&error).contains("`https://example.fi:8080/x`"));
    }

    #[test]
    fn rejects_other_schemes() {
        for written in [
            "javascript:alert(1)",
            "data:text/html,hello",
            "ftp://ftp.example.com/file",
            "mailto:info@om.fi",
            "file:///etc/passwd",
        ] {
            let error = rejection(parse_url(written));
            assert_eq!(error.code, "invalid-url");
            assert!(
                error
                    .message
                    .contains("only http and https addresses are allowed"),
                "{written}: {error:?}"
            );
        }
    }

    #[test]
    fn rejects_local_and_unnamed_hosts() {
        let error = rejection(parse_url("http://localhost:8080/"));
        assert!(help_of(&error).contains("public site"));
        let error = rejection(parse_url("localhost:8080"));
        assert_eq!(error.code, "invalid-url");
        let error = rejection(parse_url("https://intranet/privacy"));
        assert!(error.message.contains("no domain ending"));
        let error = rejection(parse_url("http://192.168.1.1/"));
        assert!(error.message.contains("IP address"));
        let error = rejection(parse_url("https://"));
        assert_eq!(error.code, "invalid-url");
    }

    #[test]
    fn rejects_spaces_and_credentials() {
        let error = rejection(parse_url("https://example.fi/my page"));
        assert!(error.message.contains("contains a space"));
        let error = rejection(parse_url("https://user:secret@example.fi/"));
        assert!(error.message.contains("user name or password"));
        let error = rejection(parse_url(""));
        assert_eq!(error.code, "invalid-url");
    }
}
