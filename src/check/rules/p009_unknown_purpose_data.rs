//! P009 unknown-purpose-data.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::resolve::scope::Ns;

pub struct UnknownPurposeData;

static INFO: RuleInfo = RuleInfo {
    code: "P009",
    name: "unknown-purpose-data",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "",
    summary: "a purpose may use only data categories the register declares",
    explanation: r#"## What it checks

A purpose's `data` names a category that the register itself does not declare, neither in
its `data` list nor with a `data NAME { … }` block. (A name that means nothing at all is
reported as X001 instead.)

## Why

The notice lists the register's data categories (Art. 14(1)(d), Art. 30(1)(c)); a purpose
that uses a category the list leaves out means the list is incomplete, or the purpose names
the wrong category. Either way the notice would not tell people about data that is in fact
processed.

## Example

```reg
register customers {
  data name, email
  purpose invoicing {
    text en "Invoicing our customers."
    basis contract
    data name, billing
  }
}
```

## Fix

Add the category to the register's `data`:

```reg
register customers {
  data name, email, billing
  purpose invoicing {
    text en "Invoicing our customers."
    basis contract
    data name, billing
  }
}
```
"#,
};

impl Rule for UnknownPurposeData {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let declared = |id: &str| {
            cx.ast.data.iter().any(|n| n.value == id)
                || cx.ast.data_defs.iter().any(|d| d.id.value == id)
        };
        for p in &cx.ast.purposes {
            for name in &p.data {
                // A name that resolves to nothing is X001's to report.
                if declared(&name.value) || cx.scope.get(Ns::Data, &name.value).is_none() {
                    continue;
                }
                out.push(
                    Finding::new(
                        name.span,
                        format!(
                            "purpose `{}` uses data `{}`, which register `{}` does not declare",
                            p.id.value, name.value, cx.ast.id.value
                        ),
                        "not in the register's `data`",
                    )
                    .help(format!(
                        "add `{}` to the register's list: `data …, {}`",
                        name.value, name.value
                    )),
                );
            }
        }
    }
}
