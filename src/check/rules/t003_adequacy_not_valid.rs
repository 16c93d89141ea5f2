//! T003 adequacy-not-valid.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::resolve::facts::{self, Jurisdiction};
use crate::resolve::model::TransferStatus;
use crate::resolve::scope::{Def, Ns};
use crate::syntax::ast::FactKind;
use crate::syntax::values::Country;

pub struct AdequacyNotValid;

static INFO: RuleInfo = RuleInfo {
    code: "T003",
    name: "adequacy-not-valid",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "45",
    summary: "a transfer may rely on adequacy only where an adequacy decision is in force",
    explanation: r#"## What it checks

A `transfer` whose `mechanism` is `adequacy` (or a named adequacy decision) when no
adequacy decision covers the destination on the check date (today, or `--today`): the
country has none, or the decision has ended or has not started yet. The invalidated
Safe Harbor and Privacy Shield are reported by O002 instead.

## Why

Article 45(1) allows a transfer without further authorisation only "where the Commission
has decided that the third country … ensures an adequate level of protection". Without a
decision in force, the transfer needs appropriate safeguards (Art. 46) or a derogation
(Art. 49), and the notice must name them (Art. 13(1)(f)). For a controller in the United
Kingdom the UK GDPR's Art. 45 applies: the UK's own adequacy regulations (`use std::uk`)
decide, not the Commission's decisions.

## Example

```reg
register customers {
  recipient support {
    name "Example Support Pvt Ltd"
    role processor
    country IN
  }
  transfer support-desk {
    country IN
    recipient support
    mechanism adequacy
  }
}
```

## Fix

Use a safeguard that does not depend on a decision, such as the standard contractual
clauses:

```reg
register customers {
  recipient support {
    name "Example Support Pvt Ltd"
    role processor
    country IN
  }
  transfer support-desk {
    country IN
    recipient support
    mechanism scc
    copy en "Ask privacy@example.com for a copy of the clauses."
  }
}
```
"#,
};

/// The frameworks the Court of Justice invalidated: O002 reports those.
const INVALIDATED: [&str; 2] = ["privacy-shield", "safe-harbor"];

impl Rule for AdequacyNotValid {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        for (t, m) in cx.transfers() {
            let (Some(name), Some(mechanism)) = (&t.mechanism, &m.mechanism) else {
                continue;
            };
            let id = mechanism.id.as_str();
            let adequacy = id == "adequacy"
                || matches!(
                    cx.scope.get(Ns::Fact(FactKind::Adequacy), id),
                    Some(Def::Fact(_))
                );
            if !adequacy || INVALIDATED.contains(&id) {
                continue;
            }
            let today = cx.today;
            let decision = mechanism.adequacy_decision.as_ref();
            let (message, label) = match m.status {
                TransferStatus::NoDecision => {
                    let without: Vec<String> = t
                        .countries
                        .iter()
                        .map(|c| c.value)
                        .filter(|c| matches!(c, Country::Code(_)))
                        .filter(|c| {
                            !facts::inside(cx.scope, cx.jurisdiction(), *c) && !has_decision(cx, *c)
                        })
                        .map(|c| format!("`{c}`"))
                        .collect();
                    let decision = match cx.jurisdiction() {
                        Jurisdiction::Uk => "UK adequacy regulation",
                        _ => "adequacy decision",
                    };
                    let message = if without.is_empty() {
                        format!(
                            "transfer `{}` relies on adequacy but names no country, so no {decision} can cover it on {today}",
                            t.id.value
                        )
                    } else {
                        format!(
                            "transfer `{}` relies on adequacy, but {} has no {decision} on {today}",
                            t.id.value,
                            without.join(", ")
                        )
                    };
                    (
                        message,
                        "no adequacy decision covers the destination".to_string(),
                    )
                }
                TransferStatus::Expired | TransferStatus::NotYetInForce => {
                    let country = decision
                        .and_then(|d| d.country.clone())
                        .or_else(|| m.countries.first().cloned())
                        .unwrap_or_else(|| "the destination".into());
                    let which =
                        decision.map_or_else(|| format!("`{id}`"), |d| format!("`{}`", d.id));
                    let from = decision.and_then(|d| d.valid_from.clone());
                    let until = decision.and_then(|d| d.valid_until.clone());
                    let dates = match (m.status, from, until) {
                        (TransferStatus::NotYetInForce, Some(from), _) => {
                            format!("it applies from {from}")
                        }
                        (TransferStatus::Expired, _, Some(until)) => format!("it ended on {until}"),
                        (TransferStatus::NotYetInForce, None, _) => {
                            "it is not in force yet".to_string()
                        }
                        _ => "it is no longer in force".to_string(),
                    };
                    (
                        format!(
                            "transfer `{}` relies on the adequacy decision {which} for `{country}`, which is not in force on {today}: {dates}",
                            t.id.value
                        ),
                        "this decision is not in force".to_string(),
                    )
                }
                _ => continue,
            };
            let help = match cx.jurisdiction() {
                Jurisdiction::Uk if !uk_list_in_scope(cx) => {
                    "add `use std::uk`, which holds the UK adequacy regulations, or use another safeguard, e.g. `mechanism uk-idta` with `copy en \"…\"`"
                }
                Jurisdiction::Uk => {
                    "use another safeguard, e.g. `mechanism uk-idta` with `copy en \"Ask privacy@example.com for a copy of the clauses.\"`, or a derogation such as `mechanism derogation-contract`"
                }
                _ => {
                    "use another safeguard, e.g. `mechanism scc` with `copy en \"Ask privacy@example.com for a copy of the clauses.\"`, or a derogation such as `mechanism derogation-contract`"
                }
            };
            out.push(Finding::new(name.span, message, label).help(help));
        }
    }
}

/// Whether any adequacy decision (in force or not) of the controller's jurisdiction names
/// `country`.
fn has_decision(cx: &RegisterCx, country: Country) -> bool {
    let jurisdiction = cx.jurisdiction();
    cx.scope.all(Ns::Fact(FactKind::Adequacy)).any(|d| {
        matches!(d, Def::Fact(f) if f.countries.iter().any(|c| c.value == country)
            && facts::granted_for(f, jurisdiction))
    })
}

/// Whether the file sees the UK's adequacy regulations (`use std::uk`).
fn uk_list_in_scope(cx: &RegisterCx) -> bool {
    let uk = facts::Jurisdiction::Uk;
    cx.scope
        .all(Ns::Fact(FactKind::Adequacy))
        .any(|d| matches!(d, Def::Fact(f) if facts::granted_for(f, uk)))
}
