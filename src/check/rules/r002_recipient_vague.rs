//! R002 recipient-vague.

use crate::check::wording::{Vague, vague_phrases, word_matches, words};
use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::resolve::scope::{Def, Ns};
use crate::source::Span;
use crate::syntax::ast;

pub struct RecipientVague;

static INFO: RuleInfo = RuleInfo {
    code: "R002",
    name: "recipient-vague",
    severity: Severity::Warning,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "13(1)(e), WP260",
    summary: "recipients must be named, or described by a meaningful category",
    explanation: r#"## What it checks

A `recipient` with no `name` whose title says nothing but catch-alls such as "partners",
"third parties", "service providers", "kolmannet osapuolet", "muut tahot",
"yhteistyökumppanit", "andra företag" or "samarbetspartners", in any inflection (words are
matched by Snowball stem); "partners approved by the board" says no more than "partners".
"Payment service providers that process card payments" or "our accounting firm" is a
category and is not reported. A recipient with neither a `name` nor a `title` is reported
too: the notice can only say that someone receives the data.

## Why

Article 13(1)(e) requires "the recipients or categories of recipients". The Article 29
Working Party's transparency guidelines (WP260 rev.01) say that if only categories are
given, they must be as specific as possible, naming the type of recipient by the
activities it carries out, its industry, sector and sub-sector and its location. "Our
partners" tells a reader nothing about who will hold their data.

## Example

```reg
register customers {
  recipient partners {
    title en "Our partners"
  }
}
```

## Fix

Name the recipient, or describe the category by what it does:

```reg
register customers {
  recipient payment-providers {
    title en "Payment service providers that process card payments"
    role processor
  }
}
```
"#,
};

/// Every recipient of a register with where to point: its name in `recipients …`, or the
/// id of one defined in the register.
fn recipients<'a>(cx: &RegisterCx<'a>) -> Vec<(&'a ast::Recipient, Span)> {
    let mut out = Vec::new();
    for n in &cx.ast.recipients {
        if let Some(Def::Recipient(x)) = cx.scope.get(Ns::Recipient, &n.value) {
            out.push((x, n.span));
        }
    }
    out.extend(cx.ast.recipient_defs.iter().map(|x| (x, x.id.span)));
    out
}

/// Words that add nothing to a catch-all: "our partners", "muut yhteistyökumppanit".
const FILLER: &[&str] = &[
    "a", "an", "and", "certain", "of", "or", "other", "our", "selected", "some", "the", "trusted",
    "various", "we", "with", "work", "eri", "ja", "meidän", "muut", "sekä", "tai", "valitut",
    "andra", "eller", "och", "utvalda", "vissa", "våra",
];

/// Words that say who chose or approved the recipients, not who they are: "partners
/// approved by the board", "av styrelsen godkända partner", "hallituksen hyväksymät
/// kumppanit". The title is read without them and what follows them.
const CHOSEN_BY: &[&str] = &[
    "approv", "chosen", "select", "godkän", "utvald", "vald", "hyväksy", "valitse", "valitsem",
];

/// Whether `text` says nothing beyond catch-all `phrases` and filler: "Our partners" does, "Payment
/// service providers that process card payments" does not, and "partners approved by the
/// club" does not say more than "partners".
fn nothing_else(text: &str, phrases: &[&str], lang: &str) -> bool {
    let patterns: Vec<&str> = phrases.iter().flat_map(|p| p.split(' ')).collect();
    let all = words(text);
    let cut = all
        .iter()
        .position(|w| CHOSEN_BY.iter().any(|c| w.starts_with(c)))
        .unwrap_or(all.len());
    all.iter()
        .take(cut)
        .all(|w| FILLER.contains(&w.as_str()) || patterns.iter().any(|p| word_matches(w, p, lang)))
}

impl Rule for RecipientVague {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        for (x, span) in recipients(cx) {
            if x.name.is_some() {
                continue;
            }
            let Some(title) = &x.title else {
                // Neither a name nor a title: the notice can say nothing of who receives it.
                out.push(
                    Finding::new(
                        span,
                        format!("recipient `{}` has neither a name nor a title", x.id.value),
                        "who is this recipient?",
                    )
                    .help("give the recipient's `name \"…\"`, or a `title` that says what kind of recipient it is, e.g. `title en \"Payment service providers\"`"),
                );
                continue;
            };
            let found = title.entries.iter().find_map(|(lang, text)| {
                let lang = lang.value.primary();
                let phrases = vague_phrases(&text.value, lang, Vague::Recipient);
                let first = *phrases.first()?;
                nothing_else(&text.value, &phrases, lang).then_some((text.value.as_str(), first))
            });
            if let Some((text, phrase)) = found {
                out.push(
                    Finding::new(
                        span,
                        format!("recipient `{}` is only \"{text}\", which does not say who receives the data", x.id.value),
                        format!("\"{}\" is too vague", phrase.replace('*', "…").replace('~', "")),
                    )
                    .help("give the recipient's `name \"…\"`, or a title that says what kind of recipient it is, e.g. `title en \"Payment service providers\"`"),
                );
            }
        }
    }
}
