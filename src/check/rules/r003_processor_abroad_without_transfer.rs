//! R003 processor-abroad-without-transfer.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::resolve::facts;
use crate::resolve::scope::{Def, Ns};
use crate::source::Span;
use crate::syntax::ast;
use crate::syntax::values::Country;

pub struct ProcessorAbroadWithoutTransfer;

static INFO: RuleInfo = RuleInfo {
    code: "R003",
    name: "processor-abroad-without-transfer",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "13(1)(f), 44",
    summary: "a recipient in a third country needs a transfer and its safeguard",
    explanation: r#"## What it checks

A recipient whose `country` is outside the EEA (or `outside-eea`), when no `transfer`
names it as its `recipient`. For a controller in the United Kingdom, a recipient outside
the UK (the UK GDPR's restricted transfers, EEA included).

## Why

Article 44 allows a transfer to a third country "only if … the conditions laid down in
this Chapter are complied with", and Article 13(1)(f) requires the notice to say "that the
controller intends to transfer personal data to a third country" and on which safeguard.
A recipient abroad is such a transfer; leaving it out of `transfer` hides it and its
safeguard from the notice.

## Example

```reg
register customers {
  recipient mailer {
    name "Example Mail Inc."
    role processor
    country US
  }
  transfers none
}
```

## Fix

Describe the transfer to that recipient and its mechanism:

```reg
register customers {
  recipient mailer {
    name "Example Mail Inc."
    role processor
    country US
  }
  transfer newsletter-delivery {
    country US
    recipient mailer
    mechanism scc
    copy en "Ask privacy@example.com for a copy of the clauses."
  }
}
```
"#,
};

/// Every recipient of a register with where to point: its name in `recipients …`, or the
/// id of one defined in the register.
fn recipients<'a>(cx: &RegisterCx<'a>) -> Vec<(&'a ast::Recipient, Span)> {
    let mut out = Vec::new();
    for n in &cx.ast.recipients {
        if let Some(Def::Recipient(x)) = cx.scope.get(Ns::Recipient, &n.value) {
            out.push((x, n.span));
        }
    }
    out.extend(cx.ast.recipient_defs.iter().map(|x| (x, x.id.span)));
    out
}

impl Rule for ProcessorAbroadWithoutTransfer {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let jurisdiction = cx.jurisdiction();
        let area = jurisdiction.area();
        let inside = |c: Country| facts::inside(cx.scope, jurisdiction, c);
        for (x, span) in recipients(cx) {
            let abroad: Vec<String> = x
                .countries
                .iter()
                .filter(|c| !inside(c.value) && c.value != Country::OutsideEea)
                .map(|c| format!("`{}`", c.value))
                .collect();
            let Some(first) = x.countries.iter().find(|c| !inside(c.value)) else {
                continue;
            };
            let covered = cx
                .ast
                .transfers
                .iter()
                .any(|t| t.recipients.iter().any(|n| n.value == x.id.value));
            if covered {
                continue;
            }
            let id = &x.id.value;
            let country = match first.value {
                Country::OutsideEea => "COUNTRY".to_string(),
                c => c.to_string(),
            };
            let where_ = if abroad.is_empty() {
                format!("outside {area}")
            } else {
                format!("in {}, outside {area}", abroad.join(", "))
            };
            out.push(
                Finding::new(
                    span,
                    format!("recipient `{id}` is {where_}, but no transfer names it"),
                    "this recipient is abroad",
                )
                .help(format!("describe the transfer: `transfer {id}-transfer {{ country {country}  recipient {id}  mechanism scc  copy en \"…\" }}` (one statement a line)")),
            );
        }
    }
}
