//! C001 controller-missing.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct ControllerMissing;

static INFO: RuleInfo = RuleInfo {
    code: "C001",
    name: "controller-missing",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "13(1)(a), 14(1)(a)",
    summary: "the identity and contact details of the controller must be given",
    explanation: r#"## What it checks

A register names no `controller`.

## Why

Articles 13(1)(a) and 14(1)(a) require the notice to give "the identity and the contact
details of the controller". Without a controller, people cannot tell who is responsible for
their data or where to send a request, and the supervisory authority cannot be derived.

## Example

```reg
register customers {
  title en "Customer register"
}
```

## Fix

Declare the controller and name it in the register:

```reg
controller acme {
  name "Acme Oy"
  business-id FI "2298585-9"
  country FI
  email "privacy@acme.fi"
}

register customers {
  title en "Customer register"
  controller acme
}
```
"#,
};

impl Rule for ControllerMissing {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        if cx.ast.controller.is_none() {
            out.push(
                Finding::new(cx.at(), format!("register `{}` names no controller", cx.ast.id.value), "who is the controller?")
                    .help("declare `controller NAME { name \"…\" … }` and add `controller NAME` to the register"),
            );
        }
    }
}
