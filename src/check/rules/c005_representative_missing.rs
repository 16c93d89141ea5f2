//! C005 representative-missing.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::resolve::facts;

pub struct RepresentativeMissing;

static INFO: RuleInfo = RuleInfo {
    code: "C005",
    name: "representative-missing",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "27, 13(1)(a)",
    summary: "a controller outside the EEA must name its representative in the Union",
    explanation: r#"## What it checks

The register's `controller` has a `country` outside the European Economic Area and names
no `representative`.

## Why

Article 27(1) says that a controller not established in the Union "shall designate in
writing a representative in the Union", and Article 13(1)(a) requires the notice to give
"the identity and the contact details of the controller and, where applicable, of the
controller's representative". People in the EEA and the supervisory authorities turn to the
representative when the controller is out of their reach. (Art. 27(2) exempts occasional,
low-risk processing and public authorities: if that applies, silence this rule with an
`allow C005 because "…"` in the controller, saying why.)

## Example

```reg
controller acme {
  name "Acme Inc."
  country US
  email "privacy@acme.com"
}

register customers {
  controller acme
}
```

## Fix

```reg
controller acme {
  name "Acme Inc."
  country US
  email "privacy@acme.com"
  representative acme-eu
}

person acme-eu {
  name "Acme EU Representative Oy"
  address "Esimerkkikatu 1, 00100 Helsinki"
  email "eu-rep@acme.com"
}

register customers {
  controller acme
}
```
"#,
};

impl Rule for RepresentativeMissing {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let Some(c) = cx.controller else { return };
        let Some(country) = &c.country else { return };
        if c.representative.is_some() || facts::in_eea(cx.scope, country.value) {
            return;
        }
        out.push(
            Finding::new(
                country.span,
                format!(
                    "controller `{}` is established outside the EEA and names no representative in the Union",
                    c.id.value
                ),
                "outside the EEA",
            )
            .also(c.id.span, "this controller needs a `representative`")
            .help("declare the representative as a `person eu-rep` with its `name`, `address` and `email`, and add `representative eu-rep` to the controller"),
        );
    }
}
