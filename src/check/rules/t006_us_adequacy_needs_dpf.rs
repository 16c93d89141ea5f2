//! T006 us-adequacy-needs-dpf.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::resolve::model::TransferStatus;
use crate::resolve::scope::{Def, Ns};
use crate::syntax::ast::FactKind;

pub struct UsAdequacyNeedsDpf;

static INFO: RuleInfo = RuleInfo {
    code: "T006",
    name: "us-adequacy-needs-dpf",
    severity: Severity::Warning,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "45, Decision (EU) 2023/1795",
    summary: "adequacy to the US covers only recipients certified under the EU-US Data Privacy Framework",
    explanation: r#"## What it checks

A `transfer` relying on adequacy for a destination whose decision covers only certified
recipients (the US: the EU-US Data Privacy Framework), when the transfer's `recipient`
is not said to be `certified eu-us-dpf`, or the transfer names no recipient.

## Why

Commission Implementing Decision (EU) 2023/1795 finds that the United States ensures an
adequate level of protection only for personal data transferred "to certified
organisations in the United States" included in the Data Privacy Framework List. A
transfer to a US company that is not on the list has no adequacy decision (Art. 45) and
needs another safeguard.

## Example

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
    mechanism adequacy
  }
}
```

## Fix

If the recipient is on the Data Privacy Framework List, say so; otherwise use another
safeguard such as `mechanism scc`:

```reg
register customers {
  recipient mailer {
    name "Example Mail Inc."
    role processor
    country US
    certified eu-us-dpf
  }
  transfer newsletter-delivery {
    country US
    recipient mailer
    mechanism adequacy
  }
}
```
"#,
};

impl Rule for UsAdequacyNeedsDpf {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        for (t, m) in cx.transfers() {
            if m.status != TransferStatus::NeedsCertification {
                continue;
            }
            let decision = m
                .mechanism
                .as_ref()
                .and_then(|x| x.adequacy_decision.as_ref());
            let decision_id = decision
                .map(|d| d.id.clone())
                .or_else(|| m.mechanism.as_ref().map(|x| x.id.clone()))
                .unwrap_or_default();
            let certification = match cx.scope.get(Ns::Fact(FactKind::Adequacy), &decision_id) {
                Some(Def::Fact(f)) => f
                    .needs
                    .iter()
                    .find(|n| n.value != "copy")
                    .map(|n| n.value.to_string()),
                _ => None,
            }
            .unwrap_or_else(|| "eu-us-dpf".to_string());
            let country = decision
                .and_then(|d| d.country.clone())
                .unwrap_or_else(|| "US".to_string());
            let span = t.mechanism.as_ref().map_or(t.id.span, |n| n.span);
            // The first recipient not said to hold the certification.
            let certified = |name: &str| {
                let local = cx.ast.recipient_defs.iter().find(|d| d.id.value == name);
                let def = local.or(match cx.scope.get(Ns::Recipient, name) {
                    Some(Def::Recipient(r)) => Some(r),
                    _ => None,
                });
                def.is_some_and(|r| r.certified.iter().any(|c| c.value == certification))
            };
            let uncertified = t.recipients.iter().find(|n| !certified(&n.value));
            let finding = match uncertified {
                Some(r) => Finding::new(
                    span,
                    format!("transfer `{}` relies on adequacy for `{country}`, but recipient `{}` is not said to be `certified {certification}`", t.id.value, r.value),
                    format!("the decision covers only recipients certified `{certification}`"),
                )
                .also(r.span, "is this recipient certified?")
                .help(format!("add `certified {certification}` to recipient `{}` if it is certified (check the Data Privacy Framework List); otherwise use `mechanism scc` with `copy en \"…\"`", r.value)),
                None => Finding::new(
                    span,
                    format!("transfer `{}` relies on adequacy for `{country}`, which covers only recipients certified `{certification}`, and names no recipient", t.id.value),
                    format!("the decision covers only recipients certified `{certification}`"),
                )
                .help(format!("add `recipient NAME` to the transfer and `certified {certification}` to that recipient if it is certified; otherwise use `mechanism scc` with `copy en \"…\"`")),
            };
            out.push(finding);
        }
    }
}
