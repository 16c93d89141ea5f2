//! M002 adm-details-missing.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::syntax::ast::AutomatedDecisions;

pub struct AdmDetailsMissing;

static INFO: RuleInfo = RuleInfo {
    code: "M002",
    name: "adm-details-missing",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "13(2)(f), 22",
    summary: "automated decisions need their logic, significance and envisaged consequences",
    explanation: r#"## What it checks

An `automated-decisions { … }` block without one or more of `logic`, `significance` and
`consequences`.

## Why

Article 13(2)(f) requires, for automated decision-making under Article 22, "meaningful
information about the logic involved, as well as the significance and the envisaged
consequences of such processing for the data subject". All three are needed: saying that
decisions are automated without what they decide and what follows is not meaningful.

## Example

```reg
register scoring {
  automated-decisions {
    logic en "A score from payment history."
  }
}
```

## Fix

```reg
register scoring {
  automated-decisions {
    logic en "A score from payment history."
    significance en "Decides whether we offer invoice payment."
    consequences en "A low score means paying in advance."
  }
}
```
"#,
};

impl Rule for AdmDetailsMissing {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let Some(AutomatedDecisions::Described {
            logic,
            significance,
            consequences,
            span,
        }) = cx.ast.automated_decisions.as_deref()
        else {
            return;
        };
        let missing: Vec<&str> = [
            ("logic", logic),
            ("significance", significance),
            ("consequences", consequences),
        ]
        .into_iter()
        .filter(|(_, t)| t.as_ref().is_none_or(|t| t.entries.is_empty()))
        .map(|(what, _)| what)
        .collect();
        if missing.is_empty() {
            return;
        }
        let list = match missing.as_slice() {
            [one] => format!("`{one}`"),
            [a, b] => format!("`{a}` and `{b}`"),
            _ => "`logic`, `significance` and `consequences`".to_string(),
        };
        let snippet: Vec<String> = missing
            .iter()
            .map(|what| format!("`{what} en \"…\"`"))
            .collect();
        out.push(
            Finding::new(
                *span,
                format!("automated decisions are described without their {list}"),
                format!("missing {list}"),
            )
            .help(format!(
                "add {} to the `automated-decisions` block",
                snippet.join(", ")
            )),
        );
    }
}
