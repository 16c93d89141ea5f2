//! C008 dpo-missing.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::syntax::ast::ControllerKind;

pub struct DpoMissing;

static INFO: RuleInfo = RuleInfo {
    code: "C008",
    name: "dpo-missing",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "37(1)(a), 13(1)(b)",
    summary: "a public authority or body must designate a data protection officer and give their contact details",
    explanation: r#"## What it checks

The register's controller is of `kind public-authority` and the register names no `dpo`.

## Why

Article 37(1)(a) obliges every public authority or body, except courts acting in their
judicial capacity, to designate a data protection officer. Article 13(1)(b) (and 14(1)(b))
then requires the notice to give "the contact details of the data protection officer". A
municipality, a school or a state agency that publishes a notice without them either has not
designated one or does not say how to reach them; both are gaps.

## Example

```reg
controller example-town {
  kind public-authority
  name "Example Town"
  email "registry@example-town.fi"
}

register residents {
  controller example-town
}
```

## Fix

```reg
controller example-town {
  kind public-authority
  name "Example Town"
  email "registry@example-town.fi"
}

person town-dpo {
  role en "Data protection officer"
  email "dpo@example-town.fi"
}

register residents {
  controller example-town
  dpo town-dpo
}
```
"#,
};

impl Rule for DpoMissing {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let Some(c) = cx.controller else { return };
        let Some(kind) = c.kind.as_ref() else { return };
        if kind.value != ControllerKind::PublicAuthority || cx.ast.dpo.is_some() {
            return;
        }
        out.push(
            Finding::new(
                cx.at(),
                format!(
                    "register `{}` names no data protection officer, and its controller `{}` is a public authority",
                    cx.ast.id.value, c.id.value
                ),
                "who is the data protection officer?",
            )
            .also(kind.span, "a public authority must designate one")
            .help("declare the officer as a `person` with `role` and `email`, and add `dpo <name>` to the register"),
        );
    }
}
