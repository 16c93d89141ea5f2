//! X001 unknown-reference. Reported by name resolution (`resolve::scope`); declared here so
//! that it is documented and explained like every other code.

use crate::check::{Applies, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct UnknownReference;

static INFO: RuleInfo = RuleInfo {
    code: "X001",
    name: "unknown-reference",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "",
    summary: "a name refers to nothing",
    explanation: r#"## What it checks

A name (`controller acme`, `basis contrat`, `retention 6 years under fi-accounting-act`)
that no declaration in the file, the files it imports or the standard library defines.

## Why

A register that refers to nothing cannot be resolved: regc cannot tell which controller,
which basis or which law is meant, and the notice would be missing it.

## Example

```reg
register customers {
  purpose billing {
    basis contrat
  }
}
```

## Fix

Correct the spelling (regc suggests the nearest name), define the missing declaration,
or import the module that has it: national laws need `use std::fi` or `use std::se`.

```reg
register customers {
  purpose billing {
    basis contract
  }
}
```
"#,
};

impl Rule for UnknownReference {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
}
