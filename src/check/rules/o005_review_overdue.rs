//! O005 review-overdue.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct ReviewOverdue;

/// How old a description may get before a review is due: a year (365 days is still fine).
const MAX_AGE_DAYS: i64 = 365;

static INFO: RuleInfo = RuleInfo {
    code: "O005",
    name: "review-overdue",
    severity: Severity::Info,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "5(2)",
    summary: "the controller must be able to demonstrate that the description is kept current",
    explanation: r#"## What it checks

An `updated` date more than 12 months (365 days) before the check date. A description
updated exactly 365 days ago is still fine.

## Why

Under Article 5(2) the controller "shall be responsible for, and be able to demonstrate
compliance with" the principles of Article 5(1). Processing changes: new recipients,
new systems, new laws. A description nobody has looked at for over a year probably no
longer says what really happens; reviewing it once a year and updating the date shows
that it is kept current.

## Example

```reg
register customers {
  updated 2018-04-06
}
```

## Fix

Review the description, correct what has changed, and record the date of the review:

```reg
register customers {
  updated 2026-09-01
}
```
"#,
};

impl Rule for ReviewOverdue {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let Some(updated) = &cx.ast.updated else {
            return;
        };
        // A month alone (`updated 2022-04`) counts from its last day: the notice may have
        // been updated on any day of it.
        let mut last = updated.value;
        if cx.ast.updated_month_only {
            last.day = crate::syntax::values::days_in_month(last.year, last.month);
        }
        let age = cx.today.to_days() - last.to_days();
        // Said as precisely as the register says it: a month, or a day.
        let when = if cx.ast.updated_month_only {
            format!("in {:04}-{:02}", updated.value.year, updated.value.month)
        } else {
            format!("on {}", updated.value)
        };
        if age > MAX_AGE_DAYS {
            out.push(
                Finding::new(
                    updated.span,
                    format!(
                        "register `{}` was last updated {when}, {age} days before the check date {}",
                        cx.ast.id.value, cx.today
                    ),
                    "more than 12 months ago",
                )
                .help(format!(
                    "review the description, correct what has changed and write the review date, e.g. `updated {}`",
                    cx.today
                )),
            );
        }
    }
}
