//! P010 unused-data.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct UnusedData;

static INFO: RuleInfo = RuleInfo {
    code: "P010",
    name: "unused-data",
    severity: Severity::Warning,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "5(1)(c)",
    summary: "personal data must be limited to what the purposes need",
    explanation: r#"## What it checks

A data category the register declares that no purpose uses. A purpose with a `data` list
uses the categories it lists; a purpose without one uses all of the register's data. The
rule looks only at registers that link data to purposes: when no purpose has a `data` list,
the register does not say which purpose uses what, and the rule stays quiet rather than
report every category.

## Why

Article 5(1)(c) requires personal data to be "adequate, relevant and limited to what is
necessary in relation to the purposes for which they are processed" (data minimisation).
A category no purpose needs should not be collected at all; if a purpose does need it, the
purpose's `data` list is incomplete and the notice understates what that purpose uses.

## Example

```reg
register customers {
  data name, email, date-of-birth
  purpose newsletter {
    text en "Sending our newsletter."
    basis consent
    data name, email
  }
}
```

## Fix

Stop collecting the category, or add it to the purpose that needs it:

```reg
register customers {
  data name, email
  purpose newsletter {
    text en "Sending our newsletter."
    basis consent
    data name, email
  }
}
```
"#,
};

impl Rule for UnusedData {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let purposes = &cx.ast.purposes;
        if purposes.iter().all(|p| p.data.is_empty()) {
            return;
        }
        let used = |id: &str| {
            purposes
                .iter()
                .any(|p| p.data.is_empty() || p.data.iter().any(|n| n.value == id))
        };
        let declared = cx
            .ast
            .data
            .iter()
            .chain(cx.ast.data_defs.iter().map(|d| &d.id));
        for name in declared.filter(|n| !used(&n.value)) {
            out.push(
                Finding::new(
                    name.span,
                    format!("no purpose of register `{}` uses data `{}`", cx.ast.id.value, name.value),
                    "no purpose lists it",
                )
                .help(format!(
                    "remove `{}` from the register, or add it to the `data` of the purpose that needs it",
                    name.value
                )),
            );
        }
    }
}
