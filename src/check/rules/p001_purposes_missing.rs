//! P001 purposes-missing.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct PurposesMissing;

static INFO: RuleInfo = RuleInfo {
    code: "P001",
    name: "purposes-missing",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "13(1)(c)",
    summary: "the purposes of the processing must be given",
    explanation: r#"## What it checks

A register without any `purpose`.

## Why

Article 13(1)(c) requires "the purposes of the processing for which the personal data are
intended as well as the legal basis for the processing", and Article 30(1)(b) requires the
record to give "the purposes of the processing". Every other answer hangs on the purposes:
the legal basis, and so the rights people have, is given per purpose, and data may be kept
only as long as a purpose needs it (Art. 5(1)(b) and (e)).

## Example

```reg
register customers {
  title en "Customer register"
  data name, email
}
```

## Fix

```reg
register customers {
  title en "Customer register"
  data name, email
  purpose customer-service {
    text en "Answering our customers' questions and orders."
    basis contract
  }
}
```
"#,
};

impl Rule for PurposesMissing {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        if cx.ast.purposes.is_empty() {
            out.push(
                Finding::new(
                    cx.at(),
                    format!("register `{}` states no purpose", cx.ast.id.value),
                    "why is the data processed?",
                )
                .help("add a `purpose NAME` block with `text en \"…\"` saying what the data is used for and its `basis`"),
            );
        }
    }
}
