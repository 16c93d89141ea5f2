//! T002 transfer-mechanism-missing.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::resolve::facts::Jurisdiction;

pub struct TransferMechanismMissing;

static INFO: RuleInfo = RuleInfo {
    code: "T002",
    name: "transfer-mechanism-missing",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "13(1)(f), 44-49",
    summary: "a transfer to a third country must name its adequacy decision, safeguard or derogation",
    explanation: r#"## What it checks

A `transfer` to a country outside the EEA (or to `outside-eea`) without a `mechanism`.
Transfers whose every destination is in the EEA are not Chapter V transfers and need none.
For a controller in the United Kingdom the UK GDPR applies instead: every destination
outside the UK counts, and adequacy means the UK's adequacy regulations (`use std::uk`),
which cover the EEA; the IDTA (`uk-idta`) and the UK Addendum (`uk-addendum`) are its
standard clauses.

## Why

Article 44 allows a transfer "only if … the conditions laid down in this Chapter are
complied with": an adequacy decision (Art. 45), appropriate safeguards such as standard
contractual clauses or binding corporate rules (Art. 46, 47), or a derogation (Art. 49).
Article 13(1)(f) requires the notice to give "the existence or absence of an adequacy
decision by the Commission, or … reference to the appropriate or suitable safeguards".

## Example

```reg
register customers {
  transfer hosting {
    country US
  }
}
```

## Fix

Name the mechanism (`adequacy`, `scc`, `bcr`, `code-of-conduct`, `certification`,
`ad-hoc-clauses`, or a `derogation-…`):

```reg
register customers {
  transfer hosting {
    country US
    mechanism scc
    copy en "Ask privacy@example.com for a copy of the clauses."
  }
}
```
"#,
};

impl Rule for TransferMechanismMissing {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        for (t, m) in cx.transfers() {
            if m.chapter_v && t.mechanism.is_none() {
                out.push(
                    Finding::new(
                        t.id.span,
                        format!(
                            "transfer `{}` does not say on what ground data leaves {}{}",
                            t.id.value,
                            cx.jurisdiction().area(),
                            match cx.jurisdiction() {
                                Jurisdiction::Uk => " (UK GDPR Chapter V)",
                                _ => "",
                            }
                        ),
                        "this transfer needs a `mechanism`",
                    )
                    .help(match cx.jurisdiction() {
                        Jurisdiction::Uk => "add `mechanism adequacy` if UK adequacy regulations cover the destination (`use std::uk`), else `mechanism uk-idta` or `mechanism uk-addendum` with `copy en \"…\"`, or `mechanism bcr`, `mechanism derogation-consent`, …",
                        _ => "add `mechanism adequacy` if the destination has an adequacy decision, else `mechanism scc` with `copy en \"…\"`, or `mechanism bcr`, `mechanism derogation-consent`, …",
                    }),
                );
            }
        }
    }
}
