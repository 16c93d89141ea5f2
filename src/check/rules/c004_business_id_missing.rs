//! C004 business-id-missing.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct BusinessIdMissing;

static INFO: RuleInfo = RuleInfo {
    code: "C004",
    name: "business-id-missing",
    severity: Severity::Info,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "",
    summary: "a business identifier helps people identify the controller",
    explanation: r#"## What it checks

The register's `controller` has no `business-id`. A controller of `kind person` or
`kind persons` (private people) is not asked for one.

## Why

GDPR does not require a business identifier, but Article 13(1)(a) asks for "the identity"
of the controller, and a trade name alone is often ambiguous: several companies share
similar names, and a group has many. The business identifier (the Finnish Y-tunnus, the
Swedish organisationsnummer) names exactly one legal person, which people and authorities
can look up in the trade register.

## Example

```reg
controller acme {
  name "Acme Oy"
  country FI
  email "privacy@acme.fi"
}

register customers {
  controller acme
}
```

## Fix

```reg
controller acme {
  name "Acme Oy"
  business-id FI "2298585-9"
  country FI
  email "privacy@acme.fi"
}

register customers {
  controller acme
}
```
"#,
};

impl Rule for BusinessIdMissing {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let Some(c) = cx.controller else { return };
        // A private person, or people acting together, have no trade-register entry.
        if c.kind.as_ref().is_some_and(|k| k.value.is_natural()) {
            return;
        }
        if c.business_id.is_none() {
            out.push(
                Finding::new(
                    c.id.span,
                    format!("controller `{}` has no business identifier", c.id.value),
                    "which legal person is this?",
                )
                .help("add `business-id FI \"1234567-8\"` (the country and the identifier in the trade register)"),
            );
        }
    }
}
