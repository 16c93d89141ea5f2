//! O001 repealed-law.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::resolve::scope::{Def, Ns};
use crate::syntax::ast::{Fact, FactKind, Name, Retention, RetentionRule};

pub struct RepealedLaw;

static INFO: RuleInfo = RuleInfo {
    code: "O001",
    name: "repealed-law",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "",
    summary: "the register relies on a law that is no longer in force",
    explanation: r#"## What it checks

A register that `cites` a law, sets a retention period `under` a law, or restricts a
right under a `law`, when that law was repealed before the check date (its `valid-until`
has passed): for example the Finnish Personal Data Act (523/1999), repealed on
2019-01-01 by the Data Protection Act (1050/2018).

## Why

A notice that names a repealed act tells people their data is processed under rules that
no longer exist. The terms of old acts (the Finnish `tarkastusoikeus`, right of access)
are not the GDPR's, and a retention period set by a repealed act may no longer be required.

## Example

```reg
use std::fi

register customers {
  cites fi-personal-data-act
}
```

## Fix

Cite the act in force instead (regc names the one that replaced it):

```reg
use std::fi

register customers {
  cites fi-data-protection-act
}
```
"#,
};

impl Rule for RepealedLaw {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let cites = format!("register `{}` cites", cx.ast.id.value);
        let mut uses: Vec<(&Name, &str)> =
            cx.ast.cites.iter().map(|n| (n, cites.as_str())).collect();
        let retentions = cx
            .ast
            .retention
            .iter()
            .chain(cx.ast.purposes.iter().flat_map(|p| &p.retention));
        uses.extend(
            retentions
                .filter_map(under)
                .map(|n| (n, "a retention period is set under")),
        );
        uses.extend(
            cx.ast
                .rights
                .iter()
                .filter_map(|r| r.law.as_ref())
                .map(|n| (n, "a right is restricted under")),
        );
        for (name, how) in uses {
            let Some(Def::Fact(law)) = cx.scope.get(Ns::Fact(FactKind::Law), &name.value) else {
                continue;
            };
            let Some(until) = &law.valid_until else {
                continue;
            };
            if cx.today < until.value {
                continue;
            }
            let mut finding = Finding::new(
                name.span,
                format!(
                    "{how} `{}`{}, repealed on {}",
                    name.value,
                    describe(law),
                    until.value
                ),
                "no longer in force",
            );
            finding = match &law.replaced_by {
                Some(next) => {
                    let replacement = match cx.scope.get(Ns::Fact(FactKind::Law), &next.value) {
                        Some(Def::Fact(f)) => describe(f),
                        _ => String::new(),
                    };
                    finding.help(format!(
                        "it was replaced by `{}`{replacement}: write `{}` if that is the law that applies now",
                        next.value, next.value
                    ))
                }
                None => {
                    finding.help("name the law in force today, or remove the reference".to_string())
                }
            };
            out.push(finding);
        }
    }
}

fn under(x: &Retention) -> Option<&Name> {
    match &x.rule {
        RetentionRule::Period { under, .. } => under.as_ref(),
        _ => None,
    }
}

/// ` (Personal Data Act 523/1999)`, from the law's English title and number.
fn describe(law: &Fact) -> String {
    let title = law.title.as_ref().and_then(|t| {
        t.entries
            .iter()
            .find(|(l, _)| l.value.primary() == "en")
            .or_else(|| t.entries.first())
            .map(|(_, text)| text.value.clone())
    });
    let number = law.number.as_ref().map(|n| n.value.clone());
    match (title, number) {
        (Some(t), Some(n)) => format!(" ({t} {n})"),
        (Some(t), None) => format!(" ({t})"),
        (None, Some(n)) => format!(" ({n})"),
        (None, None) => String::new(),
    }
}
