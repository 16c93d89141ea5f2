//! C006 dpo-contact-missing.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct DpoContactMissing;

static INFO: RuleInfo = RuleInfo {
    code: "C006",
    name: "dpo-contact-missing",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "13(1)(b)",
    summary: "the contact details of the data protection officer must be given",
    explanation: r#"## What it checks

The register names a `dpo`, and that `person` has neither an `email`, a `phone` nor an
`address`.

## Why

Article 13(1)(b) requires "the contact details of the data protection officer, where
applicable", and Article 38(4) lets data subjects "contact the data protection officer with
regard to all issues related to processing of their personal data". A name alone gives them
no way to do so. The DPO's name itself is not required; the contact details are.

## Example

```reg
person dpo-anna {
  name "Anna Virtanen"
}

register customers {
  dpo dpo-anna
}
```

## Fix

```reg
person dpo-anna {
  name "Anna Virtanen"
  email "dpo@acme.fi"
}

register customers {
  dpo dpo-anna
}
```
"#,
};

impl Rule for DpoContactMissing {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let (Some(name), Some(p)) = (&cx.ast.dpo, cx.person(&cx.ast.dpo)) else {
            return;
        };
        if p.email.is_none() && p.phone.is_none() && p.address.is_none() {
            out.push(
                Finding::new(
                    name.span,
                    format!(
                        "the data protection officer `{}` has no contact details",
                        p.id.value
                    ),
                    "how do people reach the DPO?",
                )
                .also(p.id.span, "no e-mail, phone or address here")
                .help(format!(
                    "add `email \"dpo@…\"`, `phone \"+358 …\"` or `address \"…\"` to `person {}`",
                    p.id.value
                )),
            );
        }
    }
}
