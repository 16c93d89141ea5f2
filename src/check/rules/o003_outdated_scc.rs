//! O003 outdated-scc.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::resolve::facts::in_force;
use crate::resolve::scope::{Def, Ns};
use crate::syntax::ast::FactKind;

pub struct OutdatedScc;

static INFO: RuleInfo = RuleInfo {
    code: "O003",
    name: "outdated-scc",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "46(2)(c), 2021/914",
    summary: "a transfer relies on standard contractual clauses that have been repealed",
    explanation: r#"## What it checks

A `transfer` whose `mechanism` is one of the pre-2021 standard contractual clauses:
`scc-2001` (Decision 2001/497/EC), `scc-2004` (2004/915/EC) or `scc-2010` (2010/87/EU),
or any other mechanism no longer in force that names its replacement with `replaced-by`.

## Why

Article 46(2)(c) allows transfers under "standard data protection clauses adopted by the
Commission". Commission Implementing Decision (EU) 2021/914 repealed the old clauses;
contracts on them had to be replaced by 2022-12-27. A notice naming them describes
transfers without a valid safeguard.

## Example

```reg
register customers {
  transfer us-hosting {
    country US
    mechanism scc-2010
    copy en "Ask privacy@example.com for a copy."
  }
}
```

## Fix

Sign the clauses of Implementing Decision (EU) 2021/914 and name them:

```reg
register customers {
  transfer us-hosting {
    country US
    mechanism scc
    copy en "Ask privacy@example.com for a copy."
  }
}
```
"#,
};

impl Rule for OutdatedScc {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        for t in &cx.ast.transfers {
            let Some(mechanism) = &t.mechanism else {
                continue;
            };
            let Some(Def::Fact(fact)) = cx
                .scope
                .get(Ns::Fact(FactKind::Mechanism), &mechanism.value)
            else {
                continue;
            };
            let Some(next) = &fact.replaced_by else {
                continue;
            };
            if in_force(fact, cx.today) {
                continue;
            }
            let decision = fact
                .decision
                .as_ref()
                .map_or(String::new(), |d| format!(" (Decision {})", d.value));
            let next_decision = match cx.scope.get(Ns::Fact(FactKind::Mechanism), &next.value) {
                Some(Def::Fact(f)) => f.decision.as_ref().map_or(String::new(), |d| {
                    format!(" (Implementing Decision {})", d.value)
                }),
                _ => String::new(),
            };
            let until = fact.valid_until.as_ref().map_or(String::new(), |d| {
                format!(", no longer valid since {}", d.value)
            });
            out.push(
                Finding::new(
                    mechanism.span,
                    format!(
                        "transfer `{}` relies on the repealed standard contractual clauses `{}`{decision}{until}",
                        t.id.value, mechanism.value
                    ),
                    "repealed clauses",
                )
                .help(format!(
                    "sign the current clauses and write `mechanism {}`{next_decision}",
                    next.value
                )),
            );
        }
    }
}
