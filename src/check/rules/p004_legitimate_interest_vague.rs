//! P004 legitimate-interest-vague.

use crate::check::wording::{Vague, vague_phrases, words};
use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::syntax::ast::LocalText;

pub struct LegitimateInterestVague;

static INFO: RuleInfo = RuleInfo {
    code: "P004",
    name: "legitimate-interest-vague",
    severity: Severity::Warning,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "13(1)(d), WP260",
    summary: "the legitimate interest must be stated specifically, not generically",
    explanation: r#"## What it checks

The `interest` of a purpose, in any of its languages, once the basis's own name ("our
legitimate interest", "oikeutettu etu", "berättigat intresse") is taken away: it is generic
when it uses a phrase from regc's list ("business purposes", "to improve our services",
"liiketoiminnan kehittäminen", …), when nothing is left but the label, or when it only
points back at a purpose that has no `text` of its own ("the purposes of the processing
are also our legitimate interests": with a text, the purpose says what the interest is), or
when it defines the term instead of naming the interest ("'legitimate
interests' means the interests of our business in…", "oikeutetulla edulla tarkoitetaan…",
"med berättigat intresse avses…"), as notice templates do. "Oikeutettu etu jäsentoiminnan
järjestämiseksi" names an interest.

## Why

Article 13(1)(d) requires "the legitimate interests pursued by the controller or by a third
party". The Article 29 Working Party's transparency guidelines (WP260 rev.01) ask for "the
specific interest in question" to be identified for the data subject's benefit: a phrase
that would fit any processing restates the basis instead of naming the interest, and leaves
people unable to weigh it against their own when deciding whether to object.

## Example

```reg
register customers {
  purpose analytics {
    text en "Analysing how our web shop is used."
    basis legitimate-interest
    interest en "To improve our services."
  }
}
```

## Fix

Say whose interest it is and what it achieves:

```reg
register customers {
  purpose analytics {
    text en "Analysing how our web shop is used."
    basis legitimate-interest
    interest en "Finding the pages where customers abandon an order, so that we can fix them."
  }
}
```
"#,
};

impl Rule for LegitimateInterestVague {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        // The register's interest stands for every purpose without one; its purposes'
        // texts are what a reference back to "the purposes" points at.
        if let Some(interest) = &cx.ast.interest {
            let purposes_say_what = cx.ast.purposes.iter().any(|p| p.text.is_some());
            judge(interest, "of the register", purposes_say_what, out);
        }
        for p in &cx.ast.purposes {
            if let Some(interest) = &p.interest {
                let whose = format!("of purpose `{}`", p.id.value);
                judge(interest, &whose, p.text.is_some(), out);
            }
        }
    }
}

/// Reports each language of `interest` that names no specific interest. `whose` says whose
/// it is ("of purpose `ads`"); `purpose_says_what` whether a reference back to the purpose
/// finds a text there.
fn judge(interest: &LocalText, whose: &str, purpose_says_what: bool, out: &mut Vec<Finding>) {
    for (lang, text) in &interest.entries {
        let lang = lang.value.primary();
        let defines = defines_the_term(&text.value, lang);
        let generic = match vague_phrases(&text.value, lang, Vague::Interest).first() {
            Some(phrase) => shown(phrase),
            None if !defines && names_an_interest(&text.value, lang) => continue,
            // "The purposes also constitute our legitimate interests": the purpose's own
            // text then says what the interest is.
            None if !defines && purpose_says_what && refers_to_the_purpose(&text.value) => {
                continue;
            }
            None => "legitimate interest".to_string(),
        };
        let (message, help) = if defines {
            (
                format!("the legitimate interest {whose} explains what legitimate interests are instead of naming the one pursued"),
                "keep the definition out and say whose interest the processing serves and what it achieves".to_string(),
            )
        } else {
            (
                format!("the legitimate interest {whose} is generic: `{generic}`"),
                format!(
                    "instead of `{generic}`, write whose interest it is and what the processing achieves"
                ),
            )
        };
        out.push(
            Finding::new(text.span, message, "which interest, specifically?").help(format!(
                "{help}, e.g. `interest en \"Finding the pages where customers abandon an order, so that we can fix them.\"`",
            )),
        );
    }
}

/// Whether the text points back at the purpose ("the purposes of the processing",
/// "käsittelyn tarkoitukset", "ändamålen").
fn refers_to_the_purpose(text: &str) -> bool {
    words(text).iter().any(|w| {
        ["purpose", "tarkoitu", "käyttötarkoitu", "ändamål"]
            .iter()
            .any(|s| w.starts_with(s))
    })
}

/// Whether the text defines what legitimate interests are ("'Legitimate interest' means…",
/// "Oikeutetuilla eduilla tarkoitetaan…", "Med berättigat intresse avses…"): the label and a
/// verb of meaning within a few words of each other.
fn defines_the_term(text: &str, lang: &str) -> bool {
    let (label, head, meaning): (&[&str], &[&str], &[&str]) = match lang {
        "en" => (
            &["legitimate"],
            &["interest"],
            &["means", "mean", "refers", "refer", "denotes", "defined"],
        ),
        "fi" => (
            &["oikeutet", "oikeutu"],
            &["etu", "edu", "etu"],
            &["tarkoitta", "tarkoitet", "viittaa", "viitata", "määritel"],
        ),
        "sv" => (
            &["berättiga"],
            &["intresse"],
            &[
                "avser", "avses", "betyder", "innebär", "syftar", "menas", "definier",
            ],
        ),
        _ => return false,
    };
    let said = words(text);
    let starts = |w: &str, stems: &[&str]| stems.iter().any(|s| w.starts_with(s));
    said.windows(2).enumerate().any(|(i, pair)| {
        let [first, second] = pair else { return false };
        if !(starts(first, label) && starts(second, head)) {
            return false;
        }
        let near = i.saturating_sub(3)..(i + 6).min(said.len());
        said.get(near)
            .is_some_and(|ws| ws.iter().any(|w| starts(w, meaning)))
    })
}

/// A phrase of the list as people read it: `legitimate business interest*` → `legitimate
/// business interest…`.
fn shown(phrase: &str) -> String {
    phrase.replace('*', "…")
}

/// Whether the interest says anything once the basis's own name ("legitimate interest",
/// "oikeutettu etu", "berättigat intresse"), function words and references back to the
/// purpose ("the purposes of the processing") are taken away: "Oikeutettu etu
/// jäsentoiminnan järjestämiseksi" does, "Our legitimate interests." does not.
fn names_an_interest(text: &str, lang: &str) -> bool {
    // The label and references back to the purpose, by stem (prefix); function words, whole.
    let (stems, words): (&[&str], &[&str]) = match lang {
        "en" => (
            &[
                "legitimate",
                "interest",
                "lawful",
                "purpose",
                "process",
                "describ",
                "mention",
                "stated",
                "listed",
                "pursu",
                "constitut",
                "controller",
            ],
            &[
                "our", "the", "a", "an", "of", "in", "for", "to", "is", "are", "be", "we", "us",
                "also", "which", "that", "this", "these", "those", "and", "or", "as", "by", "with",
                "on", "it", "its", "their", "they", "based", "basis", "above", "own", "party",
                "parties", "third", "general",
            ],
        ),
        "fi" => (
            &[
                "oikeutet",
                "oikeutu",
                "etu",
                "edu",
                "rekisterinpitäjä",
                "peruste",
                "perustu",
                "käsittely",
                "tarkoitu",
                "mainit",
                "kuvat",
                "osapuol",
                "kolmanne",
            ],
            &[
                "meidän", "on", "ovat", "ja", "tai", "sekä", "myös", "nämä", "tämä", "se", "ne",
                "jotka", "joka", "kuin", "yllä", "edellä", "oma", "omat",
            ],
        ),
        "sv" => (
            &[
                "berättiga",
                "intresse",
                "personuppgiftsansvarig",
                "grund",
                "behandling",
                "ändamål",
                "nämn",
                "beskriv",
            ],
            &[
                "vårt", "våra", "vår", "är", "och", "eller", "den", "det", "de", "baserat", "på",
                "av", "för", "att", "som", "även", "också", "ovan", "eget", "egna", "tredje",
                "part", "en", "ett",
            ],
        ),
        _ => return true,
    };
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .any(|w| {
            !stems.iter().any(|p| w.starts_with(p))
                && !words.contains(&w.as_str())
                && !w.chars().all(|c| c.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_label_alone_or_a_reference_to_the_purpose_names_no_interest() {
        for (text, lang) in [
            ("Our legitimate interests.", "en"),
            (
                "The purposes of the processing described above are also the legitimate interests we pursue.",
                "en",
            ),
            ("Rekisterinpitäjän oikeutettu etu.", "fi"),
            ("Vårt berättigade intresse.", "sv"),
        ] {
            assert!(!names_an_interest(text, lang), "{text}");
        }
    }

    #[test]
    fn a_definition_of_the_term_is_not_an_interest() {
        for (text, lang) in [
            (
                "'Legitimate interests' means the interests of our club in running its affairs well.",
                "en",
            ),
            (
                "Oikeutetuilla eduilla tarkoitetaan toimintaamme, joka liittyy yhdistykseen.",
                "fi",
            ),
            (
                "Med berättigat intresse avses vår verksamhet som förening.",
                "sv",
            ),
        ] {
            assert!(defines_the_term(text, lang), "{text}");
        }
        for (text, lang) in [
            (
                "Our legitimate interest in keeping the club's match results complete.",
                "en",
            ),
            ("Oikeutettu etu kerhon retkien järjestämiseksi.", "fi"),
        ] {
            assert!(!defines_the_term(text, lang), "{text}");
        }
    }

    #[test]
    fn a_specific_interest_after_the_label_is_named() {
        for (text, lang) in [
            (
                "Our legitimate interest in keeping the club's match results complete.",
                "en",
            ),
            ("Oikeutettu etu kerhon retkien järjestämiseksi.", "fi"),
            (
                "Berättigat intresse av att kunna skicka kallelser till årsmötet.",
                "sv",
            ),
        ] {
            assert!(names_an_interest(text, lang), "{text}");
        }
    }
}
