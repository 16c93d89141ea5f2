//! K001 retention-missing.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::syntax::ast::RetentionRule;

pub struct RetentionMissing;

static INFO: RuleInfo = RuleInfo {
    code: "K001",
    name: "retention-missing",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "13(2)(a)",
    summary: "the period for which data is stored, or the criteria for it, must be given",
    explanation: r#"## What it checks

Neither the register nor any of its purposes has a `retention` statement; or the register's
only period is `until consent-withdrawn` and a purpose that does not rest on consent (or
states no basis at all) has no period of its own (nobody can withdraw consent that was never
asked, so that data has no stated period). A purpose whose listed data all have periods of
their own (`retention … { data … }`) is covered by those.

## Why

Article 13(2)(a) (and 14(2)(a)) requires "the period for which the personal data will be
stored, or if that is not possible, the criteria used to determine that period". How long
data is kept is part of what makes processing fair; a notice without it is incomplete.

## Example

```reg
register customers {
  purpose billing {
    text en "Invoicing our customers."
    basis contract
  }
}
```

## Fix

Give a period from an event, a period a law sets, or the event that ends it:

```reg
register customers {
  purpose billing {
    text en "Invoicing our customers."
    basis contract
  }
  retention 5 years after end-of-customer-relationship
}
```
"#,
};

impl Rule for RetentionMissing {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let r = cx.ast;
        if r.retention.is_empty() && r.purposes.iter().all(|p| p.retention.is_empty()) {
            out.push(
                Finding::new(cx.at(), format!("register `{}` does not say how long data is kept", r.id.value), "how long is data kept?")
                    .help("add `retention 5 years after end-of-customer-relationship`, `retention 6 years under fi-accounting-act` or `retention until consent-withdrawn`, to the register or to each purpose"),
            );
            return;
        }
        uncovered_by_withdrawal(cx, out);
    }
}

/// Purposes that do not rest on consent, whose only period is the register's "until consent
/// is withdrawn": for them no one can withdraw anything, so no period is given.
fn uncovered_by_withdrawal(cx: &RegisterCx, out: &mut Vec<Finding>) {
    let r = cx.ast;
    // A period for some data categories only (`data …` in its block) covers those alone.
    let mut general = r.retention.iter().filter(|x| x.data.is_empty()).peekable();
    let only_withdrawal = general.peek().is_some()
        && general
            .all(|x| matches!(&x.rule, RetentionRule::Until(e) if e.value == "consent-withdrawn"));
    if !only_withdrawal {
        return;
    }
    let kept_alone: Vec<&str> = r
        .retention
        .iter()
        .flat_map(|x| x.data.iter().map(|n| n.value.as_str()))
        .collect();
    for p in r.purposes.iter().filter(|p| p.retention.is_empty()) {
        let consent = p.bases.iter().any(|b| b.value == "consent")
            || p.conditions.iter().any(|c| c.value == "explicit-consent");
        // A purpose with no basis asks for no consent either (P002 says so too): nothing
        // it keeps can wait for a withdrawal.
        let all_data_kept_alone = !p.data.is_empty()
            && p.data
                .iter()
                .all(|d| kept_alone.contains(&d.value.as_str()));
        if consent || all_data_kept_alone {
            continue;
        }
        out.push(
            Finding::new(
                p.id.span,
                format!(
                    "purpose `{}` {}, and its only period is \"until consent is withdrawn\"",
                    p.id.value,
                    if p.bases.is_empty() { "asks for no consent" } else { "does not rest on consent" },
                ),
                "how long is this data kept?",
            )
            .help("give this purpose its own `retention`, e.g. `retention 2 years after end-of-customer-relationship`"),
        );
    }
}
