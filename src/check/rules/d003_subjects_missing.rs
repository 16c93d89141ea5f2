//! D003 subjects-missing.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct SubjectsMissing;

static INFO: RuleInfo = RuleInfo {
    code: "D003",
    name: "subjects-missing",
    severity: Severity::Info,
    ropa_severity: Some(Severity::Error),
    applies: Applies::Always,
    articles: "30(1)(c)",
    summary: "the categories of data subjects must be described",
    explanation: r#"## What it checks

The register names no category of data subjects (no `subjects` and no `subject` block).
It is info for a notice (Article 13 does not ask for the categories of data subjects)
and an error under `profile ropa`.

## Why

Article 30(1)(c) requires the record of processing to contain "a description of the
categories of data subjects and of the categories of personal data". A notice is not
strictly required to list them, but people reading it need to know whether it concerns
them at all: customers, their contact persons, job applicants, website visitors.

## Example

```reg
register customers {
  data name, email
}
```

## Fix

```reg
register customers {
  data name, email
  subjects customers, customer-contacts
}
```
"#,
};

impl Rule for SubjectsMissing {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        if !cx.ast.subjects.is_empty() || !cx.ast.subject_defs.is_empty() {
            return;
        }
        out.push(
            Finding::new(
                cx.at(),
                format!("register `{}` names no category of data subjects", cx.ast.id.value),
                "whose data is this?",
            )
            .help("add `subjects customers, …` (categories of the standard library) or define one with a `subject NAME` block holding its `title en \"…\"`"),
        );
    }
}
