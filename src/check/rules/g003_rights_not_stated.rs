//! G003 rights-not-stated.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct RightsNotStated;

/// The rights with a rule of their own: withdrawal (G004) and complaint (A003).
const OWN_RULE: &[&str] = &["withdraw-consent", "complaint"];

static INFO: RuleInfo = RuleInfo {
    code: "G003",
    name: "rights-not-stated",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::NoticeOnly,
    articles: "13(2)(b), 14(2)(c)",
    summary: "the notice names its rights, and leaves out one its legal bases give",
    explanation: r#"## What it checks

A register that says which rights its notice names (`rights access, rectification, …`,
together with every `right` block) leaves out a right that its legal bases give: access,
rectification, erasure, restriction, portability, objection, or the rights on automated
decisions. Withdrawal of consent (G004) and complaint (A003) have rules of their own. A
register without a `rights` statement is not judged: regc then publishes every right the
bases give.

## Why

Article 13(2)(b) (and 14(2)(c)) requires the notice to tell people of "the existence of the
right to request from the controller access to and rectification or erasure of personal data
or restriction of processing … or to object to processing as well as the right to data
portability". regc derives these rights from the bases; when a notice lists its own rights,
the list must not be shorter than the law's. A notice that names only access and
rectification keeps people from asking for erasure they are entitled to.

## Example

```reg
register members {
  purpose membership {
    text en "Keeping the member list of the club."
    basis contract
  }
  rights access, rectification, complaint
}
```

## Fix

Name every right the bases give, or correct the basis if a right really does not apply:

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

impl Rule for RightsNotStated {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let Some((statement, stated)) = cx.stated_rights() else {
            return;
        };
        let is_stated = |id: &str| {
            stated.iter().any(|s| s == id)
                // "The right to object" covers objecting to direct marketing, Art. 21(2).
                || (id == "object-direct-marketing" && stated.iter().any(|s| s == "object"))
        };
        let missing: Vec<String> = cx
            .doc
            .register
            .rights
            .iter()
            .filter(|r| r.derived && !OWN_RULE.contains(&r.id.as_str()) && !is_stated(&r.id))
            .map(|r| format!("`{}`", r.id))
            .collect();
        if missing.is_empty() {
            return;
        }
        let list = missing.join(", ");
        let (what, them, they) = match missing.len() {
            1 => (format!("right {list}"), "it", "it does"),
            _ => (format!("rights {list}"), "them", "they do"),
        };
        out.push(
            Finding::new(
                statement.span,
                format!("the notice does not name {what}, which its legal bases give"),
                format!("{what} missing"),
            )
            .help(format!(
                "add {them} to the `rights` list (and tell people how to use {them}), or correct the basis if {they} not apply"
            )),
        );
    }
}
