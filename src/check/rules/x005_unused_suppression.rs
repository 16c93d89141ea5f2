//! X005 unused-suppression. Reported by `check::suppress`; declared here for its docs.

use crate::check::{Applies, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct UnusedSuppression;

static INFO: RuleInfo = RuleInfo {
    code: "X005",
    name: "unused-suppression",
    severity: Severity::Warning,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "",
    summary: "an `allow` silences no finding",
    explanation: r#"## What it checks

An `allow CODE because "…"` in a block where rule CODE finds nothing.

## Why

A stale `allow` hides the next real finding of that rule in the block and tells a
reviewer a reason that no longer applies.

## Example

```reg
register customers {
  purpose billing {
    basis contract
    allow P002 because "the basis is in the framework agreement"
  }
}
```

## Fix

Remove the `allow`, or move it into the block (purpose, transfer, retention) where the
finding is.

```reg
register customers {
  purpose billing {
    basis contract
  }
}
```
"#,
};

impl Rule for UnusedSuppression {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
}
