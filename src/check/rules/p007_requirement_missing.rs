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
the register has purposes and no register-level `requirement`, and either none of the
purposes has a `requirement` (one finding for the register) or some do and others do not
(one finding for each purpose that is silent). One answer given for some purposes does not
answer for the others: people must know it for each thing they are asked to give.

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
        // With no purpose at all, P001 reports the register; a register-level requirement
        // answers for every purpose.
        if !cx.art13() || purposes.is_empty() || cx.ast.requirement.is_some() {
            return;
        }
        // Some purposes answer and others do not: each silent one collects data people
        // cannot tell whether they must give.
        if purposes.iter().any(|p| p.requirement.is_some()) {
            for p in purposes.iter().filter(|p| p.requirement.is_none()) {
                out.push(
                    Finding::new(
                        p.id.span,
                        format!(
                            "purpose `{}` does not say whether people must provide its data",
                            p.id.value
                        ),
                        "is providing this data required?",
                    )
                    .help("add a `requirement` to this purpose, or one `requirement` to the register that holds for every purpose"),
                );
            }
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
            .help("add `requirement statutory`, `contractual`, `contract-prerequisite` or `voluntary` to the register (for every purpose) or to each purpose, with a block holding `consequence en \"…\"`: what follows if the data is not given"),
        );
    }
}
