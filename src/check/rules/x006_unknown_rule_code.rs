//! X006 unknown-rule-code. Reported by `check::suppress`; declared here for its docs.

use crate::check::{Applies, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct UnknownRuleCode;

static INFO: RuleInfo = RuleInfo {
    code: "X006",
    name: "unknown-rule-code",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "",
    summary: "an `allow` names a code no rule has",
    explanation: r#"## What it checks

`allow CODE because "…"` where no rule has CODE.

## Why

A misspelt code silences nothing, while the file reads as if a finding had been
considered and accepted.

## Example

```reg
register customers {
  allow K999 because "reviewed"
}
```

## Fix

Use the code `regc check` printed; `regc explain --list` lists them all.

```reg
register customers {
  allow C001 because "the controller is named in the framework agreement"
}
```
"#,
};

impl Rule for UnknownRuleCode {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
}
