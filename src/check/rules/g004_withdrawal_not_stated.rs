//! G004 withdrawal-not-stated.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct WithdrawalNotStated;

static INFO: RuleInfo = RuleInfo {
    code: "G004",
    name: "withdrawal-not-stated",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::NoticeOnly,
    articles: "13(2)(c), 14(2)(d), 7(3)",
    summary: "consent is a basis, but the notice does not say it can be withdrawn",
    explanation: r#"## What it checks

A purpose rests on consent (`basis consent`, or `condition explicit-consent`), the register
says which rights its notice names (`rights …` and its `right` blocks), and
`withdraw-consent` is not among them.

## Why

Article 13(2)(c) (and 14(2)(d)) requires, where processing is based on consent, "the
existence of the right to withdraw consent at any time, without affecting the lawfulness of
processing based on consent before its withdrawal". Article 7(3) adds that people must be
told so before they give consent, and that withdrawing must be as easy as giving it. A
notice that asks for consent and is silent on withdrawal makes the consent itself doubtful.

## Example

```reg
register newsletter {
  purpose letters {
    text en "Sending our monthly newsletter."
    basis consent
  }
  rights access, rectification, erasure, restriction, portability, complaint
}
```

## Fix

Name the right, and say how to use it:

```reg
register newsletter {
  purpose letters {
    text en "Sending our monthly newsletter."
    basis consent
  }
  rights access, rectification, erasure, restriction, portability, complaint
  right withdraw-consent {
    note en "Every letter has an unsubscribe link; withdrawing does not affect earlier letters."
  }
}
```
"#,
};

impl Rule for WithdrawalNotStated {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let Some((statement, stated)) = cx.stated_rights() else {
            return;
        };
        let Some(right) = cx
            .doc
            .register
            .rights
            .iter()
            .find(|r| r.id == "withdraw-consent" && r.derived)
        else {
            return;
        };
        if stated.iter().any(|s| s == "withdraw-consent") {
            return;
        }
        let because = right
            .because
            .iter()
            .map(|b| format!("`{b}`"))
            .collect::<Vec<_>>()
            .join(", ");
        out.push(
            Finding::new(
                statement.span,
                format!(
                    "consent is a basis here ({because}), but the notice does not say it can be withdrawn"
                ),
                "no `withdraw-consent` here",
            )
            .help("add `withdraw-consent` to the `rights` list, or a `right withdraw-consent { note en \"…\" }` block saying how to withdraw"),
        );
    }
}
