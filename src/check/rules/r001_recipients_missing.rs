//! R001 recipients-missing.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::resolve::model::Stated;

pub struct RecipientsMissing;

static INFO: RuleInfo = RuleInfo {
    code: "R001",
    name: "recipients-missing",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "13(1)(e)",
    summary: "the recipients or categories of recipients must be given",
    explanation: r#"## What it checks

A register says nothing about who receives the data: no `recipients …`, no
`recipient … { … }` and no `recipients none`.

## Why

Article 13(1)(e) requires the notice to give "the recipients or categories of recipients of
the personal data, if any". "If any" makes the answer "nobody" a valid one, but it has to be
given: silence leaves people unable to tell whether their data is shared at all.

## Example

```reg
register customers {
  title en "Customer register"
}
```

## Fix

List the recipients (named, or by category), or say there are none:

```reg
register customers {
  title en "Customer register"
  recipient mailer {
    name "Example Mail Oy"
    role processor
    country FI
  }
}
```

```reg
register customers {
  title en "Customer register"
  recipients none
}
```
"#,
};

impl Rule for RecipientsMissing {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        if matches!(cx.doc.register.recipients, Stated::NotStated) {
            out.push(
                Finding::new(
                    cx.at(),
                    format!("register `{}` does not say who receives the data", cx.ast.id.value),
                    "who receives the data?",
                )
                .help("list them with `recipients processors, authorities` or `recipient NAME { name \"…\" role processor }`, or write `recipients none`"),
            );
        }
    }
}
