//! C009 name-missing.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct NameMissing;

static INFO: RuleInfo = RuleInfo {
    code: "C009",
    name: "name-missing",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "13(1)(a), 13(1)(b), 14(1)(a)",
    summary: "the controller, or a person the notice tells people to contact, has no name",
    explanation: r#"## What it checks

The register's `controller` has no `name`, or its `contact`, `dpo` or the controller's
`representative` is a `person` with neither a `name` nor a `role`.

## Why

Article 13(1)(a) requires "the identity and the contact details of the controller": people
must know who is responsible, and a name is the least of an identity. The id after
`controller` is the file's internal handle and never appears in the notice, so a controller
without a name is published as "not stated". A contact person may be known by a role
("the club's secretary") instead of a name, but not by neither.

## Example

```reg
controller club {
  email "board@example.org"
}

register members {
  controller club
}
```

## Fix

```reg
controller club {
  name "Example Rowing Club"
  email "board@example.org"
}

register members {
  controller club
}
```
"#,
};

impl Rule for NameMissing {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        if let Some(c) = cx.controller.filter(|c| c.name.is_none()) {
            out.push(
                Finding::new(
                    c.id.span,
                    format!("controller `{}` has no name", c.id.value),
                    "who is the controller?",
                )
                .help("add `name \"…\"`: the name of the company, association or person, as people know it"),
            );
        }
        let representative = cx.controller.and_then(|c| c.representative.clone());
        let contacts = cx.ast.contacts.iter().map(|n| ("contact", Some(n.clone())));
        let people: Vec<(&str, Option<_>)> = contacts
            .chain([
                ("dpo", cx.ast.dpo.clone()),
                ("representative", representative),
            ])
            .collect();
        for (what, name) in &people {
            let Some(p) = cx.person(name) else { continue };
            if p.name.is_some() || p.role.is_some() {
                continue;
            }
            out.push(
                Finding::new(
                    p.id.span,
                    format!("person `{}`, the register's {what}, has neither a name nor a role", p.id.value),
                    "who is this?",
                )
                .help("add `name \"…\"`, or `role en \"…\"` when the notice names the post rather than the person"),
            );
        }
    }
}
