//! X002 duplicate-definition. Reported by name resolution; declared here for its docs.

use crate::check::{Applies, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct DuplicateDefinition;

static INFO: RuleInfo = RuleInfo {
    code: "X002",
    name: "duplicate-definition",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "",
    summary: "the same name is defined twice",
    explanation: r#"## What it checks

Two declarations of the same kind with the same name in one file, or in a file and a
file it imports. (A file may reuse a name of the standard library: its own declaration
wins.)

## Why

References to the name would be ambiguous.

## Example

```reg
controller acme {
  name "Acme Oy"
}

controller acme {
  name "Acme Ab"
}
```

## Fix

Rename one of them, or remove the copy.

```reg
controller acme {
  name "Acme Oy"
}

controller acme-sweden {
  name "Acme Ab"
}
```
"#,
};

impl Rule for DuplicateDefinition {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
}
