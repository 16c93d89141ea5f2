//! K002 retention-vague.

use crate::check::wording::{Vague, vague_phrases};
use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::syntax::ast::{LocalText, RetentionRule};

pub struct RetentionVague;

static INFO: RuleInfo = RuleInfo {
    code: "K002",
    name: "retention-vague",
    severity: Severity::Warning,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "13(2)(a), WP260",
    summary: "retention must be a period or an event, not free text such as \"as long as necessary\"",
    explanation: r#"## What it checks

A `retention criteria …`: free text with no period and no event, such as "as long as
necessary", "niin kauan kuin on tarpeellista" or "så länge det behövs".

## Why

Article 13(2)(a) requires "the period for which the personal data will be stored, or if
that is not possible, the criteria used to determine that period". The Article 29 Working
Party's transparency guidelines (WP260 rev.01) say it is not sufficient to state generally
that data will be kept as long as necessary for the legitimate purposes: the period
should be given so that people can tell, for each category of data, how long it is kept.

## Example

```reg
register customers {
  retention criteria en "We keep the data as long as necessary."
}
```

## Fix

Give a period from an event, a period a law sets, or the event that ends it:

```reg
register customers {
  retention 2 years after end-of-customer-relationship
}
```

If the criteria really are the best that can be said, keep them and give the reason:
`allow K002 because "…"`.
"#,
};

impl Rule for RetentionVague {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let r = cx.ast;
        let all = r
            .retention
            .iter()
            .chain(r.purposes.iter().flat_map(|p| p.retention.iter()));
        for x in all {
            let RetentionRule::Criteria(criteria) = &x.rule else {
                continue;
            };
            let quoted = criteria
                .entries
                .first()
                .map_or_else(String::new, |(_, t)| format!(" \"{}\"", shorten(&t.value)));
            let message = format!("retention criteria{quoted} give no period or event");
            let label = match vague_phrase(criteria) {
                Some(phrase) => format!("\"{}\" is what WP260 calls unclear", readable(phrase)),
                None => "no period or event".to_string(),
            };
            out.push(
                Finding::new(criteria.span, message, label)
                    .help("state a period from an event, e.g. `retention 2 years after end-of-customer-relationship`, or `retention until consent-withdrawn`; keep the original wording as `text en \"…\"` in its block"),
            );
        }
    }
}

/// The first vague-retention phrase in any language of the criteria.
fn vague_phrase(criteria: &LocalText) -> Option<&'static str> {
    criteria.entries.iter().find_map(|(lang, text)| {
        vague_phrases(&text.value, lang.value.primary(), Vague::Retention)
            .first()
            .copied()
    })
}

/// A list phrase as people read it: `as long as ... necessary` → `as long as … necessary`,
/// `tarpee*` → `tarpee…`.
fn readable(phrase: &str) -> String {
    phrase.replace("...", "…").replace('*', "…")
}

/// At most 60 characters of a text, on one line.
fn shorten(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= 60 {
        return line;
    }
    let cut: String = line.chars().take(59).collect();
    format!("{}…", cut.trim_end())
}
