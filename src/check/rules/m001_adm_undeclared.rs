//! M001 adm-undeclared.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct AdmUndeclared;

static INFO: RuleInfo = RuleInfo {
    code: "M001",
    name: "adm-undeclared",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "13(2)(f), 14(2)(g)",
    summary: "the notice must say whether automated decision-making, including profiling, is used",
    explanation: r#"## What it checks

A register without an `automated-decisions` statement: neither `automated-decisions none`
nor a description.

## Why

Articles 13(2)(f) and 14(2)(g) require "the existence of automated decision-making,
including profiling, referred to in Article 22(1) and (4)". The notice has to answer the
question either way; silence leaves people unable to tell whether a machine decides about
them.

## Example

```reg
register customers {
  title en "Customer register"
}
```

## Fix

```reg
register customers {
  title en "Customer register"
  automated-decisions none
}
```
"#,
};

impl Rule for AdmUndeclared {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        if cx.ast.automated_decisions.is_none() {
            out.push(
                Finding::new(
                    cx.at(),
                    format!("register `{}` does not say whether it makes automated decisions", cx.ast.id.value),
                    "are decisions made automatically?",
                )
                .help("write `automated-decisions none`, or describe them in `automated-decisions { logic en \"…\"  significance en \"…\"  consequences en \"…\" }` (one statement a line)"),
            );
        }
    }
}
