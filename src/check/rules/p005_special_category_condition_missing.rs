//! P005 special-category-condition-missing.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::resolve::model::DataKind;
use crate::resolve::scope::{Def, Ns};
use crate::source::Span;
use crate::syntax::ast::{self, FactKind};

pub struct SpecialCategoryConditionMissing;

static INFO: RuleInfo = RuleInfo {
    code: "P005",
    name: "special-category-condition-missing",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "9(1), 9(2)",
    summary: "special categories of data may be processed only under an Art. 9(2) condition",
    explanation: r#"## What it checks

A `purpose` that uses a data category of `kind special` (health, ethnic origin, religious
beliefs, trade-union membership, biometric or genetic data, sex life or orientation) and
names no Art. 9(2) `condition`. A purpose with a `data` list uses the categories it lists;
a purpose without one may use any of the register's data: a special category that such
purposes may use is reported once, where it is declared, unless a purpose that uses it
names a condition.

## Why

Article 9(1) says processing of these categories "shall be prohibited", and Article 9(2)
lists the only exceptions: explicit consent, employment law, vital interests, legal claims,
substantial public interest, health care, and a few more. An Art. 6(1) basis alone does not
lift the prohibition; each purpose needs its exception as well, and the notice should say
which it is.

## Example

```reg
register staff {
  data name, health
  purpose sick-leave {
    text en "Recording sick leave."
    basis legal-obligation
    data name, health
  }
}
```

## Fix

Name the Art. 9(2) condition (`explicit-consent`, `employment-law`, `legal-claims`,
`substantial-public-interest`, `health-care`, …):

```reg
register staff {
  data name, health
  purpose sick-leave {
    text en "Recording sick leave."
    basis legal-obligation
    condition employment-law
    data name, health
  }
}
```
"#,
};

/// One data category a purpose uses: its id, its kind, and where it is named: in the
/// purpose's `data` (`listed`), or else where the register declares it (None when that
/// cannot be found).
pub(super) struct Used {
    pub id: String,
    pub kind: DataKind,
    pub listed: bool,
    pub at: Option<Span>,
}

/// The data categories purpose `p` uses, with their kinds: those it lists, or every category
/// of the register when it lists none. A listed category the register does not declare
/// (P009) is looked up by name.
pub(super) fn used_data(cx: &RegisterCx, p: &ast::Purpose) -> Vec<Used> {
    if p.data.is_empty() {
        return cx
            .doc
            .register
            .data
            .iter()
            .map(|d| Used {
                id: d.id.clone(),
                kind: d.kind,
                listed: false,
                at: declared_at(cx, &d.id),
            })
            .collect();
    }
    p.data
        .iter()
        .filter_map(|name| {
            let kind = match cx.doc.register.data.iter().find(|d| d.id == name.value) {
                Some(d) => d.kind,
                None => match cx.scope.get(Ns::Data, &name.value) {
                    Some(Def::Data(d)) => match d.kind.as_ref().map(|k| k.value) {
                        Some(ast::DataKind::Special) => DataKind::Special,
                        Some(ast::DataKind::Criminal) => DataKind::Criminal,
                        Some(ast::DataKind::NationalId) => DataKind::NationalId,
                        _ => DataKind::Ordinary,
                    },
                    _ => return None,
                },
            };
            Some(Used {
                id: name.value.to_string(),
                kind,
                listed: true,
                at: Some(name.span),
            })
        })
        .collect()
}

/// Where the register declares data category `id`.
fn declared_at(cx: &RegisterCx, id: &str) -> Option<Span> {
    cx.ast
        .data
        .iter()
        .chain(cx.ast.data_defs.iter().map(|d| &d.id))
        .find(|n| n.value == id)
        .map(|n| n.span)
}

/// The Art. 9(2) condition or Art. 10 authority a purpose names as `name`, or
/// None when the name resolves to nothing (X001 reports that).
pub(super) fn condition<'a>(cx: &'a RegisterCx, name: &ast::Name) -> Option<&'a ast::Fact> {
    match cx.scope.get(Ns::Fact(FactKind::Condition), &name.value)? {
        Def::Fact(f) => Some(f),
        _ => None,
    }
}

impl Rule for SpecialCategoryConditionMissing {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let mut unlisted: Vec<(Used, Vec<&ast::Purpose>)> = Vec::new();
        let mut covered_ids: Vec<String> = Vec::new();
        for p in &cx.ast.purposes {
            let covered = has_condition(cx, p);
            for used in used_data(cx, p)
                .into_iter()
                .filter(|u| u.kind == DataKind::Special)
            {
                if covered {
                    covered_ids.push(used.id.clone());
                } else if used.listed {
                    out.push(listed_finding(p, &used));
                } else {
                    match unlisted.iter_mut().find(|(u, _)| u.id == used.id) {
                        Some((_, purposes)) => purposes.push(p),
                        None => unlisted.push((used, vec![p])),
                    }
                }
            }
        }
        // A purpose without a `data` list may or may not use the category: one finding for
        // the category, and none when a purpose that uses it names a condition.
        for (used, purposes) in unlisted {
            if !covered_ids.contains(&used.id) {
                out.push(unlisted_finding(&used, &purposes));
            }
        }
    }
}

/// Whether the purpose names an Art. 9(2) condition. An Art. 10 authority does not lift
/// the Art. 9(1) prohibition; a condition that resolves to nothing is X001's to report.
fn has_condition(cx: &RegisterCx, p: &ast::Purpose) -> bool {
    p.conditions.iter().any(|n| {
        condition(cx, n).is_none_or(|f| f.article.as_ref().is_none_or(|a| a.value.trim() != "10"))
    })
}

const HELP: &str = "add the Art. 9(2) exception that allows it: `condition explicit-consent`, `condition employment-law`, `condition health-care`, …";

fn listed_finding(p: &ast::Purpose, special: &Used) -> Finding {
    let mut finding = Finding::new(
        p.id.span,
        format!(
            "purpose `{}` uses special-category data `{}` without an Art. 9(2) condition",
            p.id.value, special.id
        ),
        "this purpose needs a `condition`",
    )
    .help(HELP);
    if let Some(at) = special.at {
        finding = finding.also(at, "a special category (Art. 9)");
    }
    finding
}

fn unlisted_finding(special: &Used, purposes: &[&ast::Purpose]) -> Finding {
    let names: Vec<String> = purposes
        .iter()
        .map(|p| format!("`{}`", p.id.value))
        .collect();
    let message = format!(
        "special-category data `{}` may be used by {} {}, none of which names an Art. 9(2) condition",
        special.id,
        if purposes.len() == 1 {
            "purpose"
        } else {
            "purposes"
        },
        names.join(", ")
    );
    let anchor = special.at.unwrap_or(purposes[0].id.span);
    let mut finding = Finding::new(anchor, message, "a special category (Art. 9)").help(format!(
        "{HELP}; or list each purpose's `data`, so that only the purposes that use it need one"
    ));
    for p in purposes {
        finding = finding.also(p.id.span, "lists no `data`, so may use it");
    }
    finding
}
