//! Which rules a project runs and how severe each is: `regc.toml`'s `select`, `ignore` and
//! `[check.severity]`, in ruff's model. A selector is a rule code (`T004`), a prefix of
//! codes (`T`, `T00`) or `ALL`; when a code matches both a selected and an ignored
//! selector, the longer one wins, and `ignore` wins a tie. Only rules are selected: a
//! syntax, value or import error is never silenced, because nothing can be built past it.

use crate::diagnostic::{Diagnostic, Severity};

/// How severe a rule is made, or `Off` to drop its findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
    Off,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// `None` selects every rule.
    select: Option<Vec<String>>,
    ignore: Vec<String>,
    /// Exact codes or prefixes, with the level they set; the longest match wins.
    levels: Vec<(String, Level)>,
}

/// A selector that names no rule, with the nearest one that does.
#[derive(Debug, PartialEq, Eq)]
pub struct UnknownSelector {
    pub selector: String,
    pub did_you_mean: Option<&'static str>,
}

impl Selection {
    /// Every selector must name a rule or a prefix of one; codes are case-insensitive.
    pub fn new(
        select: Option<Vec<String>>,
        ignore: Vec<String>,
        levels: Vec<(String, Level)>,
    ) -> Result<Selection, Vec<UnknownSelector>> {
        // Reported as written (`invalid-date`, not `INVALID-DATE`), matched in upper case.
        let unknown: Vec<UnknownSelector> = select
            .iter()
            .flatten()
            .chain(&ignore)
            .chain(levels.iter().map(|(c, _)| c))
            .filter(|s| !names_a_rule(&normal(s)))
            .map(|s| UnknownSelector {
                selector: s.trim().to_string(),
                did_you_mean: nearest_code(&normal(s)),
            })
            .collect();
        let select = select.map(|s| s.iter().map(|c| normal(c)).collect::<Vec<_>>());
        let ignore: Vec<String> = ignore.iter().map(|c| normal(c)).collect();
        let levels: Vec<(String, Level)> = levels.iter().map(|(c, l)| (normal(c), *l)).collect();
        if !unknown.is_empty() {
            return Err(unknown);
        }
        Ok(Selection {
            select,
            ignore,
            levels,
        })
    }

    /// Whether the selection changes nothing.
    pub fn is_everything(&self) -> bool {
        self.select.is_none() && self.ignore.is_empty() && self.levels.is_empty()
    }

    /// The level `code` runs at: `None` when not selected (or set to `off`), else the
    /// severity it is set to, or its own.
    pub fn level(&self, code: &str, own: Severity) -> Option<Severity> {
        let selected = match (&self.select, longest(self.select.iter().flatten(), code)) {
            (_, Some(length)) => length,
            (None, None) => 0,
            (Some(_), None) => return None,
        };
        if longest(self.ignore.iter(), code).is_some_and(|ignored| ignored >= selected) {
            return None;
        }
        let set = self
            .levels
            .iter()
            .filter(|(s, _)| matches(s, code))
            .max_by_key(|(s, _)| selector_len(s))
            .map(|(_, l)| *l);
        match set {
            Some(Level::Off) => None,
            Some(Level::Error) => Some(Severity::Error),
            Some(Level::Warning) => Some(Severity::Warning),
            None => Some(own),
        }
    }

    /// Drops the findings of rules not selected and sets the severity of the rest.
    pub fn apply(&self, findings: &mut Vec<Diagnostic>) {
        if self.is_everything() {
            return;
        }
        findings.retain_mut(|d| match self.level(d.code.as_str(), d.severity) {
            Some(severity) => {
                d.severity = severity;
                true
            }
            None => false,
        });
    }
}

fn normal(selector: &str) -> String {
    selector.trim().to_ascii_uppercase()
}

fn selector_len(selector: &str) -> usize {
    if selector == "ALL" { 0 } else { selector.len() }
}

fn matches(selector: &str, code: &str) -> bool {
    selector == "ALL" || code.to_ascii_uppercase().starts_with(selector)
}

/// The length of the longest selector matching `code`.
fn longest<'a>(selectors: impl Iterator<Item = &'a String>, code: &str) -> Option<usize> {
    selectors
        .filter(|s| matches(s, code))
        .map(|s| selector_len(s))
        .max()
}

fn rule_codes() -> impl Iterator<Item = &'static str> {
    super::rules::all().iter().map(|r| r.info().code)
}

fn names_a_rule(selector: &str) -> bool {
    selector == "ALL" || rule_codes().any(|code| code.starts_with(selector))
}

fn nearest_code(selector: &str) -> Option<&'static str> {
    rule_codes()
        .filter(|code| code.len().abs_diff(selector.len()) <= 2)
        .map(|code| (strsim::damerau_levenshtein(code, selector), code))
        .filter(|(distance, _)| *distance <= 2)
        .min()
        .map(|(_, code)| code)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn selection(select: Option<&[&str]>, ignore: &[&str], levels: &[(&str, Level)]) -> Selection {
        let strings = |s: &[&str]| s.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        Selection::new(
            select.map(strings),
            strings(ignore),
            levels.iter().map(|(c, l)| (c.to_string(), *l)).collect(),
        )
        .unwrap()
    }

    #[test]
    fn everything_runs_at_its_own_severity_by_default() {
        let all = Selection::default();
        assert_eq!(all.level("P002", Severity::Error), Some(Severity::Error));
        assert_eq!(
            all.level("V001", Severity::Warning),
            Some(Severity::Warning)
        );
    }

    #[test]
    fn select_keeps_only_what_it_names() {
        let s = selection(Some(&["T", "p002"]), &[], &[]);
        assert_eq!(s.level("T004", Severity::Error), Some(Severity::Error));
        assert_eq!(s.level("P002", Severity::Error), Some(Severity::Error));
        assert_eq!(s.level("P003", Severity::Error), None);
    }

    #[test]
    fn the_longer_selector_wins_and_ignore_wins_a_tie() {
        let s = selection(Some(&["ALL", "V001"]), &["V", "T004"], &[]);
        assert_eq!(s.level("V001", Severity::Warning), Some(Severity::Warning));
        assert_eq!(s.level("T004", Severity::Error), None);
        assert_eq!(s.level("T001", Severity::Error), Some(Severity::Error));
        let tie = selection(Some(&["T004"]), &["T004"], &[]);
        assert_eq!(tie.level("T004", Severity::Error), None);
    }

    #[test]
    fn levels_set_severity_and_off_drops() {
        let s = selection(
            None,
            &[],
            &[
                ("V", Level::Error),
                ("V001", Level::Warning),
                ("O005", Level::Off),
            ],
        );
        assert_eq!(s.level("V001", Severity::Warning), Some(Severity::Warning));
        assert_eq!(s.level("O005", Severity::Warning), None);
        assert_eq!(s.level("P002", Severity::Error), Some(Severity::Error));
    }

    #[test]
    fn unknown_selectors_are_refused_with_the_nearest_code() {
        assert!(Selection::new(Some(vec!["p01".into(), "all".into()]), vec![], vec![]).is_ok());
        let err = Selection::new(None, vec!["T040".into(), "Q".into()], vec![]).unwrap_err();
        let names: Vec<&str> = err.iter().map(|u| u.selector.as_str()).collect();
        assert_eq!(names, ["T040", "Q"]);
        assert_eq!(err[0].did_you_mean, Some("T004"));
        let lower = Selection::new(None, vec!["t040".into()], vec![]).unwrap_err();
        assert_eq!(lower[0].selector, "t040", "reported as written");
        assert_eq!(lower[0].did_you_mean, Some("T004"));
    }
}
