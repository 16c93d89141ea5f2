//! G002 right-restricted-without-law.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct RightRestrictedWithoutLaw;

static INFO: RuleInfo = RuleInfo {
    code: "G002",
    name: "right-restricted-without-law",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "23",
    summary: "a right may be restricted only by a law, which must be named",
    explanation: r#"## What it checks

A `right X { … }` block with a `restriction` and no `law`.

## Why

Article 23(1) allows the rights of Articles 12 to 22 to be restricted only "by way of a
legislative measure" of the Union or a Member State, and Article 23(2) requires that
measure to contain specific provisions on its purposes, scope and safeguards. A controller
cannot restrict a right by its own decision; the notice must name the law that allows it.

## Example

```reg
register customers {
  right erasure {
    restriction en "Accounting records are not erased before the retention period ends."
  }
}
```

## Fix

Name the law (national laws are in `std::fi` and `std::se`):

```reg
use std::fi

register customers {
  right erasure {
    restriction en "Accounting records are not erased before the retention period ends."
    law fi-accounting-act
  }
}
```
"#,
};

impl Rule for RightRestrictedWithoutLaw {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        for note in cx
            .ast
            .rights
            .iter()
            .filter(|n| n.restriction.is_some() && n.law.is_none())
        {
            let id = &note.right.value;
            out.push(
                Finding::new(
                    note.right.span,
                    format!("right `{id}` is restricted without naming the law that allows it"),
                    "which law restricts this right?",
                )
                .help(format!("add `law fi-accounting-act` (or the law that applies, after `use std::fi` or `use std::se`) to the `right {id}` block")),
            );
        }
    }
}
