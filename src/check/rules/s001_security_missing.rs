//! S001 security-missing.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct SecurityMissing;

static INFO: RuleInfo = RuleInfo {
    code: "S001",
    name: "security-missing",
    severity: Severity::Info,
    ropa_severity: Some(Severity::Error),
    applies: Applies::Always,
    articles: "30(1)(g), 32",
    summary: "the record must describe the technical and organisational security measures",
    explanation: r#"## What it checks

A register with no `security` statement. It is info for a notice (Article 13 does not
ask a notice to describe the security measures) and an error under `profile ropa`.

## Why

Article 30(1)(g) requires the record of processing activities to contain, "where
possible, a general description of the technical and organisational security measures
referred to in Article 32(1)". A notice that says nothing about how the data is protected
leaves people guessing, but the item belongs to the record (Article 30), not to the
Article 13 list, so a notice is only reminded of it. Under `profile ropa` the omission is
an error.

## Example

```reg
register customers {
  title en "Customer register"
}
```

## Fix

Add one `security` statement per measure:

```reg
register customers {
  title en "Customer register"
  security en "Access requires a personal user name and password."
  security en "The servers are in a locked room; backups are encrypted."
}
```
"#,
};

impl Rule for SecurityMissing {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        if cx.ast.security.is_empty() {
            out.push(
                Finding::new(
                    cx.at(),
                    format!("register `{}` describes no security measures", cx.ast.id.value),
                    "how is the data protected?",
                )
                .help("add `security en \"…\"` for each technical or organisational measure, e.g. `security en \"Access requires a personal password.\"`"),
            );
        }
    }
}
