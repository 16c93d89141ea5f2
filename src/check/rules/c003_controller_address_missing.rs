//! C003 controller-address-missing.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct ControllerAddressMissing;

static INFO: RuleInfo = RuleInfo {
    code: "C003",
    name: "controller-address-missing",
    severity: Severity::Warning,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "13(1)(a)",
    summary: "the contact details of the controller should include a postal address",
    explanation: r#"## What it checks

The register's `controller` has an e-mail address or a phone number but no postal
`address`. (A controller with no contact details at all is reported by C002 instead.)

## Why

Article 13(1)(a) requires "the identity and the contact details of the controller".
Supervisory authorities expect the contact details to include a postal address: not
everyone can or will use e-mail, and a written request by post is a right people keep.

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
  country FI
  email "privacy@acme.fi"
  address "Esimerkkikatu 1, 00100 Helsinki"
}

register customers {
  controller acme
}
```
"#,
};

impl Rule for ControllerAddressMissing {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let Some(c) = cx.controller else { return };
        // With no contact details at all, C002 reports the controller.
        if c.address.is_none() && (c.email.is_some() || c.phone.is_some()) {
            out.push(
                Finding::new(
                    c.id.span,
                    format!("controller `{}` has no postal address", c.id.value),
                    "add an `address`",
                )
                .help("add `address \"street, postcode town\"` to the controller"),
            );
        }
    }
}
