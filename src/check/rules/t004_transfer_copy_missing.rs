//! T004 transfer-copy-missing.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct TransferCopyMissing;

static INFO: RuleInfo = RuleInfo {
    code: "T004",
    name: "transfer-copy-missing",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "13(1)(f)",
    summary: "for a safeguard, the notice must say how to obtain a copy or where it is available",
    explanation: r#"## What it checks

A `transfer` whose mechanism is a safeguard that needs a copy (standard contractual
clauses, binding corporate rules, ad-hoc clauses) without a `copy` text saying how to get
one.

## Why

Article 13(1)(f) requires, for transfers on appropriate or suitable safeguards, "reference
to the appropriate or suitable safeguards and the means by which to obtain a copy of them
or where they have been made available". Naming the clauses is not enough: people must be
told how to read them.

## Example

```reg
register customers {
  transfer hosting {
    country US
    mechanism scc
  }
}
```

## Fix

Say how to obtain a copy:

```reg
register customers {
  transfer hosting {
    country US
    mechanism scc
    copy en "Ask privacy@example.com for a copy of the clauses."
  }
}
```
"#,
};

impl Rule for TransferCopyMissing {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        for (t, m) in cx.transfers() {
            let Some(mechanism) = &m.mechanism else {
                continue;
            };
            if !m.chapter_v || !mechanism.needs.iter().any(|n| n == "copy") || !m.copy.is_empty() {
                continue;
            }
            let span = t.mechanism.as_ref().map_or(t.id.span, |n| n.span);
            out.push(
                Finding::new(
                    span,
                    format!("transfer `{}` relies on `{}` but does not say how to obtain a copy", t.id.value, mechanism.id),
                    "how can people get a copy of this safeguard?",
                )
                .help("add `copy en \"Ask privacy@example.com for a copy of the clauses.\"` to the transfer"),
            );
        }
    }
}
