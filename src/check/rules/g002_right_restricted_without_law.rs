//! G002 right-restricted-without-law.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct RightRestrictedWithoutLaw;

static INFO: RuleInfo = RuleInfo {
    code: "G002",
    name: "right-restricted-without-law",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "23",
    summary: "a right may be restricted only by a law, which must be named",
    explanation: r#"## What it checks

A `right X { … }` block with a `restriction` and no `law`, whose text does not name its
legal ground either: a statute number (`503/1989`, `1999:1078`), a section sign, a numbered
Act or an article (`Art. 17(3)`, `artikla 23`).

Not reported: an erasure "restriction" that only says data still needed for its purpose is
not erased, with no word of a legal duty. That is the condition of the right itself
(Art. 17(1)(a)), not a restriction.

## Why

Article 23(1) allows the rights of Articles 12 to 22 to be restricted only "by way of a
legislative measure" of the Union or a Member State, and Article 23(2) requires that
measure to contain specific provisions on its purposes, scope and safeguards. A controller
cannot restrict a right by its own decision; the notice must name the law that allows it.

## Example

```reg
register customers {
  right erasure {
    restriction en "Accounting records are not erased before the retention period ends."
  }
}
```

## Fix

Name the law (national laws are in `std::fi` and `std::se`):

```reg
use std::fi

register customers {
  right erasure {
    restriction en "Accounting records are not erased before the retention period ends."
    law fi-accounting-act
  }
}
```
"#,
};

impl Rule for RightRestrictedWithoutLaw {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        for note in cx
            .ast
            .rights
            .iter()
            .filter(|n| n.restriction.is_some() && n.law.is_none())
            .filter(|n| !n.restriction.as_ref().is_some_and(names_a_provision))
            .filter(|n| {
                !(n.right.value == "erasure"
                    && n.restriction.as_ref().is_some_and(restates_necessity))
            })
        {
            let id = &note.right.value;
            out.push(
                Finding::new(
                    note.right.span,
                    format!("right `{id}` is restricted without naming the law that allows it"),
                    "which law restricts this right?",
                )
                .help(format!("add `law …` naming the law that allows it to the `right {id}` block: a standard-library law (`use std::fi`, `use std::se`) or your own `law my-act {{ country FI number \"…\" title fi \"…\" }}`")),
            );
        }
    }
}

/// Whether an erasure "restriction" only says that data still needed for its purpose is not
/// erased ("we cannot erase data we need to register you for the event"), with no word of a
/// legal duty: that is the condition of the right itself (Art. 17(1)(a): erasure applies
/// when the data are "no longer necessary"), not a restriction that needs a law.
fn restates_necessity(text: &crate::syntax::ast::LocalText) -> bool {
    const NEED: &[&str] = &[
        "necessary",
        "needed",
        "need",
        "välttämät",
        "tarpeellis",
        "tarvit",
        "tarvi",
        "nödvändig",
        "behöv",
    ];
    const LAW: &[&str] = &[
        "law",
        "legal",
        "statut",
        "act",
        "obligat",
        "regulat",
        "laki",
        "lain",
        "lais",
        "lakisäät",
        "velvoit",
        "säädö",
        "lag",
        "rättslig",
        "skyldighet",
        "författning",
        "bokför",
    ];
    let starts = |w: &str, stems: &[&str]| stems.iter().any(|s| w.starts_with(s));
    text.entries.iter().any(|(_, t)| {
        let said = crate::check::wording::words(&t.value);
        said.iter().any(|w| starts(w, NEED)) && !said.iter().any(|w| starts(w, LAW))
    })
}

/// Whether a restriction's own words name its legal ground in any language: a statute
/// number (`503/1989`, `1999:1078`), a section sign, a numbered Act (`Act 2018`), or an
/// article with its number (`Art. 17(3)`, `artikla 23`, `artikel 17`). Such a text says
/// which law it rests on even when the law is not declared as a `law`.
fn names_a_provision(text: &crate::syntax::ast::LocalText) -> bool {
    text.entries.iter().any(|(_, t)| provision_in(&t.value))
}

fn provision_in(text: &str) -> bool {
    if text.contains('§') {
        return true;
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .collect();
    let numbered = |w: &str| w.chars().next().is_some_and(|c| c.is_ascii_digit());
    words.iter().any(|w| statute_number(w))
        || words.windows(2).any(|pair| {
            let head = pair[0].trim_end_matches('.').to_lowercase();
            let article = matches!(
                head.as_str(),
                "art"
                    | "article"
                    | "artikla"
                    | "artiklan"
                    | "artikel"
                    | "artikeln"
                    | "act"
                    | "lag"
                    | "lain"
                    | "laki"
            );
            article && numbered(pair[1])
        })
}

/// `503/1989` or `1999:1078`: a number and a year, the way Finnish and Swedish statutes
/// are numbered.
fn statute_number(word: &str) -> bool {
    let word = word.trim_end_matches(['.', ':']);
    let Some((a, b)) = word.split_once(['/', ':']) else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let year = |s: &str| s.len() == 4 && digits(s) && (s.starts_with("19") || s.starts_with("20"));
    digits(a) && digits(b) && (year(a) || year(b))
}

#[cfg(test)]
mod tests {
    use super::provision_in;

    #[test]
    fn a_numbered_statute_or_article_is_a_legal_ground() {
        for grounded in [
            "Yhdistyksen on säilytettävä jäsenluettelo (esimerkkilaki 123/1999).",
            "Enligt 7 kap. 2 § bokföringslagen sparas underlagen.",
            "Lagen (2001:123) kräver att uppgifterna sparas.",
            "As the Example Act 2018 requires, we keep the records.",
            "Erasure does not apply where Art. 17(3) allows us to keep the data.",
            "Poistamista ei tehdä, kun artikla 17 sallii säilyttämisen.",
        ] {
            assert!(provision_in(grounded), "{grounded}");
        }
    }

    #[test]
    fn a_restriction_in_the_controllers_own_words_is_not() {
        for bare in [
            "We keep the data as long as the law requires.",
            "Tietoja ei poisteta, jos laki edellyttää niiden säilyttämistä.",
            "Vi sparar uppgifterna i 7 år.",
            "We keep 2 of 3 copies for 10 years.",
        ] {
            assert!(!provision_in(bare), "{bare}");
        }
    }
}
