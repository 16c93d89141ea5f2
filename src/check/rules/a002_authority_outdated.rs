//! A002 authority-outdated.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::resolve::facts::{self, in_force};
use crate::resolve::scope::{Def, Ns};
use crate::syntax::ast::{Fact, FactKind, LocalText, Name};

pub struct AuthorityOutdated;

static INFO: RuleInfo = RuleInfo {
    code: "A002",
    name: "authority-outdated",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::NoticeOnly,
    articles: "13(2)(d)",
    summary: "the supervisory authority must be named by its current name",
    explanation: r#"## What it checks

An `authority` named by the register or its controller that is no longer in force on the
check date: a former name, such as Datainspektionen (renamed Integritetsskyddsmyndigheten,
IMY, on 2021-01-01).

## Why

Article 13(2)(d) requires "the right to lodge a complaint with a supervisory authority".
A former name sends people to look for an authority that no longer exists under that
name, and an outdated notice suggests the rest is outdated too.

## Example

```reg
register customers {
  authority se-datainspektionen
}
```

## Fix

Name the current authority:

```reg
register customers {
  authority se-imy
}
```
"#,
};

impl Rule for AuthorityOutdated {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let named = cx
            .ast
            .authority
            .iter()
            .chain(cx.controller.and_then(|c| c.authority.as_ref()));
        for name in named {
            let Some(Def::Fact(fact)) = cx.scope.get(Ns::Fact(FactKind::Authority), &name.value)
            else {
                continue;
            };
            if in_force(fact, cx.today) {
                continue;
            }
            out.push(finding(cx, name, fact));
        }
    }
}

fn finding(cx: &RegisterCx, name: &Name, fact: &Fact) -> Finding {
    let since = fact
        .valid_until
        .as_ref()
        .map_or_else(String::new, |d| format!(" since {}", d.value));
    let title = title(cx, fact.title.as_ref()).map_or_else(String::new, |t| format!(" ({t})"));
    let message = format!("authority `{}`{title} is not in force{since}", name.value);
    let help = match facts::successor_in_force(cx.scope, fact, cx.today) {
        Some(now) => {
            let title = title_of(cx, now).map_or_else(String::new, |t| format!(" ({t})"));
            format!("write `authority {}`{title} instead", now.id.value)
        }
        None => "name the supervisory authority in force, e.g. `authority se-imy`".to_string(),
    };
    Finding::new(name.span, message, "a former authority").help(help)
}

fn title_of(cx: &RegisterCx, fact: &Fact) -> Option<String> {
    title(cx, fact.title.as_ref())
}

/// A title in the register's first language, else English, else the first given.
fn title(cx: &RegisterCx, text: Option<&LocalText>) -> Option<String> {
    let entries = &text?.entries;
    let first_language = cx
        .ast
        .languages
        .first()
        .map(|l| l.value.as_str().to_string());
    let pick = |lang: &str| {
        entries
            .iter()
            .find(|(l, _)| l.value.as_str() == lang)
            .map(|(_, t)| t.value.clone())
    };
    first_language
        .as_deref()
        .and_then(pick)
        .or_else(|| pick("en"))
        .or_else(|| entries.first().map(|(_, t)| t.value.clone()))
}
