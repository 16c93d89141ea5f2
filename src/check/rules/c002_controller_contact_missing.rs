//! C002 controller-contact-missing.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct ControllerContactMissing;

static INFO: RuleInfo = RuleInfo {
    code: "C002",
    name: "controller-contact-missing",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "13(1)(a)",
    summary: "the contact details of the controller must be given",
    explanation: r#"## What it checks

The register's `controller` has neither an `email`, a `phone` nor an `address`, and
neither has the `contact` person the register names for its matters. (Contact details given
only through a contact person are enough for this rule; C003 then asks for a second way in.)

## Why

Article 13(1)(a) requires "the identity and the contact details of the controller". A name
alone tells people who is responsible but not how to reach them: they need a way to send an
access request, withdraw consent or object. A website is not contact details on its own.

## Example

```reg
controller acme {
  name "Acme Oy"
  country FI
}

register customers {
  controller acme
}
```

## Fix

Give at least one way to reach the controller; a postal address as well is best (C003):

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

impl Rule for ControllerContactMissing {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let Some(c) = cx.controller else { return };
        let controller_reachable = c.email.is_some() || c.phone.is_some() || c.address.is_some();
        let contact_reachable = cx
            .contacts()
            .any(|p| p.email.is_some() || p.phone.is_some() || p.address.is_some());
        if controller_reachable || contact_reachable {
            return;
        }
        out.push(
            Finding::new(
                c.id.span,
                format!("controller `{}` has no contact details", c.id.value),
                "no e-mail, phone or address",
            )
            .help("add `email \"privacy@…\"`, `phone \"+358 …\"` or `address \"street, postcode town\"` to the controller"),
        );
    }
}
