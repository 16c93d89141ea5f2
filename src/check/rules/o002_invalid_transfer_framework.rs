//! O002 invalid-transfer-framework.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::resolve::facts::in_force;
use crate::resolve::scope::{Def, Ns};
use crate::syntax::ast::FactKind;

pub struct InvalidTransferFramework;

/// Adequacy decisions the Court of Justice invalidated: id, judgment.
const INVALIDATED: [(&str, &str); 2] = [
    (
        "safe-harbor",
        "the Court of Justice's judgment of 2015-10-06 in case C-362/14 (Schrems)",
    ),
    (
        "privacy-shield",
        "the Court of Justice's judgment of 2020-07-16 in case C-311/18 (Schrems II)",
    ),
];

static INFO: RuleInfo = RuleInfo {
    code: "O002",
    name: "invalid-transfer-framework",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "45, C-311/18",
    summary: "a transfer relies on an adequacy decision the Court of Justice invalidated",
    explanation: r#"## What it checks

A `transfer` whose `mechanism` is the EU-US Privacy Shield (`privacy-shield`, invalidated
on 2020-07-16 in case C-311/18, Schrems II) or Safe Harbor (`safe-harbor`, invalidated on
2015-10-06 in case C-362/14, Schrems).

## Why

Article 45(1) allows a transfer without further safeguards only where "the Commission has
decided that the third country … ensures an adequate level of protection". Once the Court
of Justice declares that decision invalid, transfers can no longer rely on it: a notice
that still names Privacy Shield describes transfers with no legal ground. Since
2023-07-10, the EU-US Data Privacy Framework (Decision (EU) 2023/1795) covers recipients
certified under it.

## Example

```reg
register customers {
  transfer us-mail {
    country US
    mechanism privacy-shield
  }
}
```

## Fix

Rely on the current adequacy decision for a certified recipient, or on the standard
contractual clauses:

```reg
register customers {
  recipient mailer {
    name "Example Mail Inc."
    role processor
    country US
    certified eu-us-dpf
  }
  transfer us-mail {
    country US
    recipient mailer
    mechanism adequacy
  }
}
```
"#,
};

impl Rule for InvalidTransferFramework {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        for t in &cx.ast.transfers {
            let Some(mechanism) = &t.mechanism else {
                continue;
            };
            let Some((_, judgment)) = INVALIDATED.iter().find(|(id, _)| *id == mechanism.value)
            else {
                continue;
            };
            // A project may redefine the name; only the invalidated decision is reported.
            let fact = match cx.scope.get(Ns::Fact(FactKind::Adequacy), &mechanism.value) {
                Some(Def::Fact(f)) => f,
                _ => continue,
            };
            if in_force(fact, cx.today) {
                continue;
            }
            let title = fact
                .title
                .as_ref()
                .and_then(|t| t.entries.first())
                .map_or(mechanism.value.to_string(), |(_, text)| text.value.clone());
            out.push(
                Finding::new(
                    mechanism.span,
                    format!(
                        "transfer `{}` relies on the {title} (`{}`), invalidated by {judgment}",
                        t.id.value, mechanism.value
                    ),
                    "no longer a legal ground for transfers",
                )
                .help(
                    "for a US recipient certified under the EU-US Data Privacy Framework, write `mechanism adequacy` and `certified eu-us-dpf` on the recipient; otherwise `mechanism scc` with a `copy` text",
                ),
            );
        }
    }
}
