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
`address`, and the notice gives only one way to reach it. (A controller with no contact
details at all is reported by C002 instead.)

Two channels are enough: an e-mail address and a phone number (of the controller or of the
register's `contact` person), or a postal address of the contact person.

## Why

Article 13(1)(a) requires "the identity and the contact details of the controller".
Supervisory authorities expect the contact details to offer more than one way in (the
Article 29 Working Party's transparency guidelines, WP260, speak of "different forms of
communications"): not everyone can or will use e-mail, and a written request by post is a
right people keep. A postal address is the surest second channel.

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
        if c.address.is_some() || (c.email.is_none() && c.phone.is_none()) {
            return;
        }
        let contacts = &cx.doc.register.contacts;
        if contacts.iter().any(|p| p.address.is_some()) {
            return;
        }
        let email = c.email.is_some() || contacts.iter().any(|p| p.email.is_some());
        let phone = c.phone.is_some() || contacts.iter().any(|p| p.phone.is_some());
        if email && phone {
            return;
        }
        out.push(
            Finding::new(
                c.id.span,
                format!(
                    "controller `{}` has no postal address and only one way to reach it",
                    c.id.value
                ),
                "add an `address`",
            )
            .help("add `address \"street, postcode town\"` to the controller (or a `phone` beside the e-mail)"),
        );
    }
}
