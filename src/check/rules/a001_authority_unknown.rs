//! A001 authority-unknown.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct AuthorityUnknown;

static INFO: RuleInfo = RuleInfo {
    code: "A001",
    name: "authority-unknown",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::NoticeOnly,
    articles: "13(2)(d), 77",
    summary: "the notice must tell people where they can lodge a complaint",
    explanation: r#"## What it checks

A register whose controller gives no `country`, or a country for which the standard
library knows no supervisory authority, when neither the register nor the controller
names one with `authority`.

## Why

Article 13(2)(d) requires "the right to lodge a complaint with a supervisory authority",
and Article 77 gives that right. regc names the authority of the controller's country; if
it cannot tell which one that is, the notice would tell people they may complain without
saying where.

## Example

```reg
controller acme {
  name "Acme Oy"
  email "privacy@acme.fi"
}

register customers {
  controller acme
}
```

## Fix

Give the controller's country, or name the authority (for a controller outside the EEA,
the one of the Member State where its representative is):

```reg
controller acme {
  name "Acme Oy"
  email "privacy@acme.fi"
  country FI
}

register customers {
  controller acme
}
```
"#,
};

impl Rule for AuthorityUnknown {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let (Some(name), Some(controller)) = (&cx.ast.controller, cx.controller) else {
            return;
        };
        // An authority that is named but refers to nothing is X001's.
        // Where the authority depends on a region the controller does not give, A004 asks.
        if cx.doc.register.authority.is_some()
            || cx.ast.authority.is_some()
            || controller.authority.is_some()
            || cx.doc.register.authority_by_region.is_some()
        {
            return;
        }
        let id = &controller.id.value;
        let finding = match &controller.country {
            None => Finding::new(
                name.span,
                format!("controller `{id}` gives no country, so the supervisory authority is unknown"),
                "where can people complain?",
            )
            .help(format!("add `country FI` (its country) to controller `{id}`, or name the authority in the register, e.g. `authority fi-tietosuojavaltuutettu`")),
            Some(country) => Finding::new(
                name.span,
                format!("no supervisory authority is known for `{}`, the country of controller `{id}`", country.value),
                "where can people complain?",
            )
            .also(country.span, "no authority for this country")
            .help("name the authority in the register, e.g. `authority ie-dpc` (for a controller outside the EEA, the authority of the Member State where its representative is)"),
        };
        out.push(finding);
    }
}
