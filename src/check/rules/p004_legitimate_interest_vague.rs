//! P004 legitimate-interest-vague.

use crate::check::wording::{Vague, vague_phrases};
use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

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

The `interest` of a purpose, in any of its languages, uses a generic phrase from regc's
list: "our legitimate interests", "business purposes", "to improve our services",
"oikeutettu etu", "liiketoiminnan kehittäminen", "berättigat intresse", …

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
        for p in &cx.ast.purposes {
            let Some(interest) = &p.interest else {
                continue;
            };
            for (lang, text) in &interest.entries {
                let phrases = vague_phrases(&text.value, lang.value.primary(), Vague::Interest);
                let Some(phrase) = phrases.first() else {
                    continue;
                };
                out.push(
                    Finding::new(
                        text.span,
                        format!(
                            "the legitimate interest of purpose `{}` is generic: `{}`",
                            p.id.value,
                            shown(phrase)
                        ),
                        "which interest, specifically?",
                    )
                    .help(format!(
                        "instead of `{}`, write whose interest it is and what the processing achieves, e.g. `interest en \"Finding the pages where customers abandon an order, so that we can fix them.\"`",
                        shown(phrase)
                    )),
                );
            }
        }
    }
}

/// A phrase of the list as people read it: `our legitimate interest*` → `our legitimate
/// interest…`.
fn shown(phrase: &str) -> String {
    phrase.replace('*', "…")
}
