//! P008 consent-for-employees.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct ConsentForEmployees;

static INFO: RuleInfo = RuleInfo {
    code: "P008",
    name: "consent-for-employees",
    severity: Severity::Warning,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "7(4), EDPB 05/2020",
    summary: "employees can rarely give free consent to their employer",
    explanation: r#"## What it checks

A register whose data subjects include `employees` has a purpose with `basis consent`.

## Why

Consent must be "freely given" (Art. 4(11)), and Article 7(4) and Recital 43 say it is not
where there is "a clear imbalance between the data subject and the controller". The EDPB's
guidelines 05/2020 on consent (§21–24) say that, given the dependency of the employment
relationship, "it is unlikely that the data subject is able to deny his/her employer
consent to data processing without experiencing the fear or real risk of detrimental
effects", and that employers should rely on another basis. Consent remains possible only
where refusing has no consequences at all (an optional staff photo on the intranet, say);
then silence this rule with an `allow P008 because "…"` in the purpose.

## Example

```reg
register staff {
  subjects employees
  purpose payroll {
    text en "Paying salaries."
    basis consent
  }
}
```

## Fix

```reg
register staff {
  subjects employees
  purpose payroll {
    text en "Paying salaries."
    basis contract, legal-obligation
  }
}
```
"#,
};

impl Rule for ConsentForEmployees {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let employees = cx
            .ast
            .subjects
            .iter()
            .find(|s| s.value == "employees")
            .map(|s| s.span)
            .or_else(|| {
                cx.ast
                    .subject_defs
                    .iter()
                    .find(|s| s.id.value == "employees")
                    .map(|s| s.id.span)
            });
        let Some(employees) = employees else { return };
        for (p, resolved) in cx.purposes() {
            let Some(consent) = resolved
                .bases
                .iter()
                .find(|b| b.id == "consent" || b.article.as_deref() == Some("6(1)(a)"))
            else {
                continue;
            };
            let at = p
                .bases
                .iter()
                .find(|n| n.value == consent.id)
                .map_or(p.id.span, |n| n.span);
            out.push(
                Finding::new(
                    at,
                    format!(
                        "purpose `{}` relies on the consent of employees",
                        p.id.value
                    ),
                    "employees can rarely refuse their employer",
                )
                .also(employees, "the data subjects include employees")
                .help("use `basis contract`, `basis legal-obligation`, or `basis legitimate-interest` with an `interest`; keep consent only where refusing has no consequence, and say so with `allow P008 because \"…\"`"),
            );
        }
    }
}
