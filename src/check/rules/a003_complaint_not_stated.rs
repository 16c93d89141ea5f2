//! A003 complaint-not-stated.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct ComplaintNotStated;

static INFO: RuleInfo = RuleInfo {
    code: "A003",
    name: "complaint-not-stated",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::NoticeOnly,
    articles: "13(2)(d), 14(2)(e), 77",
    summary: "the notice names its rights, and the right to complain to an authority is not among them",
    explanation: r#"## What it checks

A register that says which rights its notice names (`rights …` and its `right` blocks) does
not name `complaint`, the right to lodge a complaint with a supervisory authority, and
names no authority either (`authority …` in the register: a notice that names the authority
tells people where to complain).

## Why

Article 13(2)(d) (and 14(2)(e)) requires every notice to state "the right to lodge a
complaint with a supervisory authority", which Article 77 gives everyone whatever the basis.
regc publishes the authority of the controller's country when the register names none, but a
notice that lists its rights without this one tells people they have nowhere to turn.

## Example

```reg
register members {
  purpose membership {
    text en "Keeping the member list of the club."
    basis contract
  }
  rights access, rectification, erasure, restriction, portability
}
```

## Fix

```reg
register members {
  purpose membership {
    text en "Keeping the member list of the club."
    basis contract
  }
  rights access, rectification, erasure, restriction, portability, complaint
}
```
"#,
};

impl Rule for ComplaintNotStated {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let Some((statement, stated)) = cx.stated_rights() else {
            return;
        };
        // Naming the authority (`authority …` in the register) is telling people where to
        // complain: Art. 13(2)(d) asks for nothing more.
        if stated.iter().any(|s| s == "complaint") || cx.doc.register.named_authority.is_some() {
            return;
        }
        out.push(
            Finding::new(
                statement.span,
                "the notice does not tell people they may complain to a supervisory authority",
                "no `complaint` here",
            )
            .help("add `complaint` to the `rights` list; name the authority with `authority …` in the register if it is not the one of the controller's country"),
        );
    }
}
