//! E-mail addresses for contact details.
//!
//! The check is deliberately simpler than RFC 5322: it accepts the addresses
//! people actually publish and explains the mistakes people actually make.

use super::ValueError;
use crate::diagnostic::Code;
use crate::diagnostic::codes;
use std::fmt;

const CODE: Code = codes::INVALID_EMAIL;
const EXAMPLE_HELP: &str = "an e-mail address looks like `name@example.fi`";
const MAX_LOCAL_LENGTH: usize = 64;
const MAX_LENGTH: usize = 254;

/// An e-mail address, kept as written.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Email(String);

impl Email {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part before the `@`.
    pub fn local_part(&self) -> &str {
        self.0.rsplit_once('@').map_or("", |(local, _)| local)
    }

    /// The part after the `@`.
    pub fn domain(&self) -> &str {
        self.0.rsplit_once('@').map_or("", |(_, domain)| domain)
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn error(message: String, label: &str) -> ValueError {
    ValueError::new(CODE, message, label)
}

/// Parses an address of the form `local@domain.tld`.
pub fn parse_email(s: &str) -> Result<Email, ValueError> {
    reject_link_prefix(s)?;
    reject_spelled_at(s)?;
    reject_whitespace(s)?;
    let (local, domain) = split_at_sign(s)?;
    check_local_part(s, local)?;
    check_domain(s, local, domain)?;
    if s.chars().count() > MAX_LENGTH {
        return Err(error(
            format!("`{s}` is longer than the {MAX_LENGTH} characters an address may have"),
            "address too long",
        ));
    }
    Ok(Email(s.to_string()))
}

fn reject_link_prefix(s: &str) -> Result<(), ValueError> {
    let prefix = "mailto:";
    let has_prefix = s
        .get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix));
    if !has_prefix {
        return Ok(());
    }
    let address = s.get(prefix.len()..).unwrap_or_default();
    Err(error(
        format!("`{s}` is a link, not an e-mail address"),
        "`mailto:` link",
    )
    .with_help(format!("write the address without `mailto:`: `{address}`")))
}

/// `info(at)om.fi` and `info [at] om.fi` hide addresses from harvesters,
/// but a register must give the address itself.
fn reject_spelled_at(s: &str) -> Result<(), ValueError> {
    if s.contains('@') {
        return Ok(());
    }
    let Some((start, spelling)) = ["(at)", "[at]", "{at}", " at "]
        .into_iter()
        .find_map(|spelling| find_ignoring_ascii_case(s, spelling).map(|at| (at, spelling)))
    else {
        return Ok(());
    };
    let end = start + spelling.len();
    let written = s.get(start..end).unwrap_or(spelling).trim();
    let before = s.get(..start).unwrap_or_default().trim_end();
    let after = s.get(end..).unwrap_or_default().trim_start();
    Err(error(
        format!("`{s}` spells out the `@` as `{written}`"),
        "`@` written out",
    )
    .with_help(format!("write `@`, not `{written}`: `{before}@{after}`")))
}

/// Byte offset of an ASCII `needle` in `haystack`, ignoring ASCII case.
fn find_ignoring_ascii_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack.char_indices().map(|(at, _)| at).find(|&at| {
        haystack
            .get(at..at + needle.len())
            .is_some_and(|window| window.eq_ignore_ascii_case(needle))
    })
}

fn reject_whitespace(s: &str) -> Result<(), ValueError> {
    if !s.chars().any(char::is_whitespace) {
        return Ok(());
    }
    let without: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    Err(error(format!("`{s}` contains a space"), "space in address")
        .with_help(format!("e-mail addresses have no spaces: `{without}`")))
}

fn split_at_sign(s: &str) -> Result<(&str, &str), ValueError> {
    match s.matches('@').count() {
        0 if s.is_empty() => Err(
            error("the e-mail address is empty".to_string(), "empty address")
                .with_help(EXAMPLE_HELP),
        ),
        0 => Err(error(format!("`{s}` has no `@`"), "missing `@`").with_help(EXAMPLE_HELP)),
        1 => Ok(s.split_once('@').unwrap_or_default()),
        _ => Err(
            error(format!("`{s}` has more than one `@`"), "several `@` signs")
                .with_help("give one address per line; an address has exactly one `@`"),
        ),
    }
}

fn is_local_char(c: char) -> bool {
    c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c)
}

fn check_local_part(s: &str, local: &str) -> Result<(), ValueError> {
    if local.is_empty() {
        return Err(
            error(format!("`{s}` has nothing before the `@`"), "missing name")
                .with_help(EXAMPLE_HELP),
        );
    }
    if let Some(bad) = local.chars().find(|c| !is_local_char(*c)) {
        return Err(error(
            format!("`{s}` contains `{bad}`, which cannot appear in an address"),
            "invalid character",
        ));
    }
    check_dots(s, local, "the name before the `@`")?;
    if local.chars().count() > MAX_LOCAL_LENGTH {
        return Err(error(
            format!(
                "the part before the `@` in `{s}` is longer than {MAX_LOCAL_LENGTH} characters"
            ),
            "name too long",
        ));
    }
    Ok(())
}

fn check_dots(s: &str, part: &str, part_name: &str) -> Result<(), ValueError> {
    let problem = if part.starts_with('.') {
        "starts with a dot"
    } else if part.ends_with('.') {
        "ends with a dot"
    } else if part.contains("..") {
        "has two dots in a row"
    } else {
        return Ok(());
    };
    Err(error(
        format!("{part_name} in `{s}` {problem}"),
        "misplaced dot",
    ))
}

fn check_domain(s: &str, local: &str, domain: &str) -> Result<(), ValueError> {
    if domain.is_empty() {
        return Err(error(
            format!("`{s}` has no domain after the `@`"),
            "missing domain",
        )
        .with_help(format!("write the full address, e.g. `{local}@example.fi`")));
    }
    check_dots(s, domain, "the domain")?;
    let labels: Vec<&str> = domain.split('.').collect();
    let top_level = labels.last().copied().unwrap_or_default();
    if labels.len() < 2 || !is_top_level_domain(top_level) {
        return Err(error(
            format!("`{s}` has no domain ending such as `.fi`"),
            "incomplete domain",
        )
        .with_help(format!("write the full domain, e.g. `{local}@{domain}.fi`")));
    }
    labels
        .iter()
        .try_for_each(|label| check_domain_label(s, label))
}

/// Top-level domains are letters (or punycode `xn--…`), never all digits.
fn is_top_level_domain(label: &str) -> bool {
    label.chars().count() >= 2
        && (label.chars().all(char::is_alphabetic) || label.starts_with("xn--"))
}

fn check_domain_label(s: &str, label: &str) -> Result<(), ValueError> {
    if let Some(bad) = label.chars().find(|c| !(c.is_alphanumeric() || *c == '-')) {
        return Err(error(
            format!("the domain in `{s}` contains `{bad}`, which cannot appear in a domain"),
            "invalid character",
        ));
    }
    if label.starts_with('-') || label.ends_with('-') {
        return Err(error(
            format!("the domain in `{s}` has a part `{label}` that starts or ends with a hyphen"),
            "misplaced hyphen",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::{help_of, rejection};
    use super::*;

    #[test]
    fn accepts_ordinary_addresses() {
        for written in [
            "info@om.fi",
            "tietosuoja@pro-stories.fi",
            "first.last+register@mail.example.co.uk",
            "pääkäyttäjä@esimerkki.fi",
            "info@ääkkönen.fi",
            "o'brien@example.ie",
        ] {
            let parsed = parse_email(written);
            assert_eq!(parsed.as_ref().map(Email::as_str), Ok(written));
        }
    }

    #[test]
    fn splits_local_part_and_domain() {
        let parsed = parse_email("info@om.fi");
        assert_eq!(parsed.as_ref().map(Email::local_part), Ok("info"));
        assert_eq!(parsed.as_ref().map(Email::domain), Ok("om.fi"));
        assert_eq!(
            parsed.map(|email| email.to_string()),
            Ok("info@om.fi".to_string())
        );
    }

    #[test]
    fn explains_mailto_prefix() {
        let error = rejection(parse_email("mailto:info@om.fi"));
        assert_eq!(error.code, "invalid-email");
        assert_eq!(
            help_of(&error),
            "write the address without `mailto:`: `info@om.fi`"
        );
    }

    #[test]
    fn explains_spelled_out_at() {
        let error = rejection(parse_email("info(at)om.fi"));
        assert_eq!(error.code, "invalid-email");
        assert_eq!(help_of(&error), "write `@`, not `(at)`: `info@om.fi`");
        let error = rejection(parse_email("info [at] om.fi"));
        assert_eq!(help_of(&error), "write `@`, not `[at]`: `info@om.fi`");
    }

    #[test]
    fn explains_missing_domain_ending() {
        let error = rejection(parse_email("info@pro-stories"));
        assert_eq!(
            error.message,
            "`info@pro-stories` has no domain ending such as `.fi`"
        );
        assert!(help_of(&error).contains("`info@pro-stories.fi`"));
        let error = rejection(parse_email("info@10.0.0.1"));
        assert!(error.message.contains("no domain ending"));
    }

    #[test]
    fn explains_at_sign_problems() {
        let error = rejection(parse_email("info.om.fi"));
        assert_eq!(error.message, "`info.om.fi` has no `@`");
        let error = rejection(parse_email("a@b@om.fi"));
        assert!(error.message.contains("more than one `@`"));
        let error = rejection(parse_email("@om.fi"));
        assert!(error.message.contains("nothing before the `@`"));
        let error = rejection(parse_email("info@"));
        assert!(error.message.contains("no domain after the `@`"));
        let error = rejection(parse_email(""));
        assert_eq!(error.code, "invalid-email");
    }

    #[test]
    fn rejects_spaces() {
        let error = rejection(parse_email("info @om.fi"));
        assert!(error.message.contains("contains a space"));
        assert!(help_of(&error).contains("`info@om.fi`"));
    }

    #[test]
    fn rejects_misplaced_dots_and_hyphens() {
        let cases = [
            (".info@om.fi", "starts with a dot"),
            ("info.@om.fi", "ends with a dot"),
            ("in..fo@om.fi", "two dots in a row"),
            ("info@.om.fi", "starts with a dot"),
            ("info@om.fi.", "ends with a dot"),
            ("info@om..fi", "two dots in a row"),
            ("info@-om.fi", "hyphen"),
            ("info@om_x.fi", "contains `_`"),
            ("in,fo@om.fi", "contains `,`"),
        ];
        for (written, expected) in cases {
            let error = rejection(parse_email(written));
            assert_eq!(error.code, "invalid-email");
            assert!(error.message.contains(expected), "{written}: {error:?}");
        }
    }
}
