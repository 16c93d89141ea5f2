//! T001 transfers-missing.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::resolve::model::Stated;

pub struct TransfersMissing;

static INFO: RuleInfo = RuleInfo {
    code: "T001",
    name: "transfers-missing",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "13(1)(f)",
    summary: "the notice must say whether data is transferred to third countries",
    explanation: r#"## What it checks

A register says nothing about transfers outside the EEA: no `transfer … { … }` and no
`transfers none`.

## Why

Article 13(1)(f) requires the notice to say, "where applicable, the fact that the
controller intends to transfer personal data to a third country or international
organisation". Whether data leaves the EEA is one of the first things people look for;
silence does not tell them it stays. For a controller in the United Kingdom the same
holds under the UK GDPR (Art. 13(1)(f)), for data leaving the UK.

## Example

```reg
register customers {
  title en "Customer register"
}
```

## Fix

Say there are no transfers, or describe each one:

```reg
register customers {
  title en "Customer register"
  transfers none
}
```
"#,
};

impl Rule for TransfersMissing {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        if matches!(cx.doc.register.transfers, Stated::NotStated) {
            out.push(
                Finding::new(
                    cx.at(),
                    format!(
                        "register `{}` does not say whether data leaves {}",
                        cx.ast.id.value,
                        cx.jurisdiction().area()
                    ),
                    format!("are there transfers outside {}?", cx.jurisdiction().area()),
                )
                .help("write `transfers none`, or describe each one as `transfer NAME { country US  recipient NAME  mechanism scc … }` (one statement a line)"),
            );
        }
    }
}
