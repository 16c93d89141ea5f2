//! O004 updated-in-future.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct UpdatedInFuture;

static INFO: RuleInfo = RuleInfo {
    code: "O004",
    name: "updated-in-future",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "",
    summary: "the date of the last update lies after the check date",
    explanation: r#"## What it checks

An `updated` date after the check date (today, or `--today`).

## Why

A description cannot have been updated on a day that has not come yet: the date is a
typing error (a wrong year or a swapped month and day), and a notice that shows it looks
careless and cannot be trusted to say when it was last reviewed.

## Example

```reg
register customers {
  updated 2099-01-15
}
```

## Fix

Write the day the description was really last updated:

```reg
register customers {
  updated 2026-01-15
}
```
"#,
};

impl Rule for UpdatedInFuture {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let Some(updated) = &cx.ast.updated else {
            return;
        };
        if updated.value > cx.today {
            out.push(
                Finding::new(
                    updated.span,
                    format!(
                        "register `{}` was updated on `{}`, after the check date {}",
                        cx.ast.id.value, updated.value, cx.today
                    ),
                    "this date has not come yet",
                )
                .help(format!(
                    "write the day the description was last updated, on or before {}, e.g. `updated {}`",
                    cx.today, cx.today
                )),
            );
        }
    }
}
