//! P007 requirement-missing.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct RequirementMissing;

static INFO: RuleInfo = RuleInfo {
    code: "P007",
    name: "requirement-missing",
    severity: Severity::Warning,
    ropa_severity: None,
    applies: Applies::NoticeOnly,
    articles: "13(2)(e)",
    summary: "the notice must say whether providing the data is required, and what follows if it is not given",
    explanation: r#"## What it checks

Article 13 applies (some or all of the data comes from the person, or no source is named),
the register has purposes, and none of them has a `requirement`.

## Why

Article 13(2)(e) requires the notice to say "whether the provision of personal data is a
statutory or contractual requirement, or a requirement necessary to enter into a contract,
as well as whether the data subject is obliged to provide the personal data and of the
possible consequences of failure to provide such data". People deciding whether to fill in
a form need to know which fields they may leave empty. Article 14 has no such point, so the
rule is quiet when all the data comes from elsewhere.

## Example

```reg
register customers {
  sources subject
  purpose orders {
    text en "Delivering what customers order."
    basis contract
  }
}
```

## Fix

Say, per purpose, whether the data is `statutory`, `contractual`, `contract-prerequisite`
or `voluntary`, and what happens if it is not given:

```reg
register customers {
  sources subject
  purpose orders {
    text en "Delivering what customers order."
    basis contract
    requirement contract-prerequisite {
      consequence en "Without a delivery address we cannot deliver the order."
    }
  }
}
```
"#,
};

impl Rule for RequirementMissing {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let purposes = &cx.ast.purposes;
        // With no purpose at all, P001 reports the register.
        if !cx.art13() || purposes.is_empty() || purposes.iter().any(|p| p.requirement.is_some()) {
            return;
        }
        out.push(
            Finding::new(
                cx.at(),
                format!(
                    "register `{}` does not say whether people must provide their data",
                    cx.ast.id.value
                ),
                "is providing the data required?",
            )
            .help("add `requirement statutory`, `contractual`, `contract-prerequisite` or `voluntary` to each purpose, with a block holding `consequence en \"…\"`: what follows if the data is not given"),
        );
    }
}
