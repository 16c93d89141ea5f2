//! K003 retention-per-purpose.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct RetentionPerPurpose;

static INFO: RuleInfo = RuleInfo {
    code: "K003",
    name: "retention-per-purpose",
    severity: Severity::Info,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "13(2)(a)",
    summary: "one retention period for several purposes may not fit every purpose",
    explanation: r#"## What it checks

A register with several purposes, exactly one register-level `retention` and no
`retention` inside any purpose.

## Why

Article 13(2)(a) requires "the period for which the personal data will be stored", and
Article 5(1)(e) keeps data "for no longer than is necessary for the purposes". Purposes
rarely need the same period: invoices are kept for the accounting law's years, marketing
data until consent is withdrawn. One period for all may be too long for some purposes, or
not the period the notice actually applies.

## Example

```reg
register customers {
  purpose billing {
    text en "Invoicing our customers."
    basis contract
  }
  purpose marketing {
    text en "Offers by e-mail."
    basis consent
  }
  retention 5 years after last-contact
}
```

## Fix

Give each purpose its own period where they differ:

```reg
register customers {
  purpose billing {
    text en "Invoicing our customers."
    basis contract
    retention 5 years after end-of-customer-relationship
  }
  purpose marketing {
    text en "Offers by e-mail."
    basis consent
    retention until consent-withdrawn
  }
}
```
"#,
};

impl Rule for RetentionPerPurpose {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let r = cx.ast;
        let [only] = r.retention.as_slice() else {
            return;
        };
        if r.purposes.len() < 2 || r.purposes.iter().any(|p| !p.retention.is_empty()) {
            return;
        }
        let names: Vec<String> = r
            .purposes
            .iter()
            .map(|p| format!("`{}`", p.id.value))
            .collect();
        out.push(
            Finding::new(
                only.span,
                format!("{} purposes ({}) share this one retention period", names.len(), names.join(", ")),
                "one period for every purpose",
            )
            .help("if a purpose keeps data for a different time, give it its own `retention …` inside its `purpose` block; if one period fits all, say so with `allow K003 because \"…\"`"),
        );
    }
}
