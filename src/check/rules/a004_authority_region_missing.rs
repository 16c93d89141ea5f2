//! A004 authority-region-missing.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct AuthorityRegionMissing;

static INFO: RuleInfo = RuleInfo {
    code: "A004",
    name: "authority-region-missing",
    severity: Severity::Info,
    ropa_severity: None,
    applies: Applies::NoticeOnly,
    articles: "13(2)(d), 77",
    summary: "where the supervisory authority depends on the region, the notice should name the one competent",
    explanation: r#"## What it checks

A register whose controller is in a country where supervision is split by region
(Germany: the authority of each federal state supervises the private controllers
established there), when the controller gives no `region` and neither the register nor
the controller names the `authority`.

## Why

Article 13(2)(d) requires "the right to lodge a complaint with a supervisory authority".
In Germany the federal commissioner (BfDI) is not competent for most private controllers;
naming it would send people to the wrong office. Without the region regc says in the
notice that the authority of the federal state is competent, but cannot name it.

## Example

```reg
controller acme {
  name "Acme GmbH"
  country DE
  email "datenschutz@acme.de"
}

register customers {
  controller acme
}
```

## Fix

Give the controller's region, an ISO 3166-2 code (`DE-BY` for Bavaria, `DE-BE` for
Berlin), or name the authority with `authority`:

```reg
controller acme {
  name "Acme GmbH"
  country DE
  region DE-BY
  email "datenschutz@acme.de"
}

register customers {
  controller acme
}
```
"#,
};

impl Rule for AuthorityRegionMissing {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let (Some(name), Some(controller)) = (&cx.ast.controller, cx.controller) else {
            return;
        };
        let Some(country) = &cx.doc.register.authority_by_region else {
            return;
        };
        let id = &controller.id.value;
        let mut finding = Finding::new(
            name.span,
            format!(
                "controller `{id}` gives no region, and in {country} the competent supervisory authority depends on it"
            ),
            "which authority is competent?",
        )
        .help(format!(
            "add the controller's region as an ISO 3166-2 code, e.g. `region {country}-BY`, or name the authority, e.g. `authority de-by-baylda`"
        ));
        if let Some(at) = &controller.country {
            finding = finding.also(at.span, "the authority depends on the region here");
        }
        out.push(finding);
    }
}
