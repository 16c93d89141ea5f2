//! P006 criminal-data-basis-missing.

use super::p005_special_category_condition_missing::{condition, used_data};
use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::resolve::model::DataKind;

pub struct CriminalDataBasisMissing;

static INFO: RuleInfo = RuleInfo {
    code: "P006",
    name: "criminal-data-basis-missing",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "10",
    summary: "criminal-offence data may be processed only under official authority or a law that allows it",
    explanation: r#"## What it checks

A `purpose` that uses a data category of `kind criminal` (convictions, offences, related
security measures) without `condition official-authority` or `condition legal-provision`.
A purpose with a `data` list uses the categories it lists; a purpose without one uses all
the register's data.

## Why

Article 10 says processing of personal data relating to criminal convictions and offences
"shall be carried out only under the control of official authority or when the processing
is authorised by Union or Member State law providing for appropriate safeguards". An Art.
6(1) basis, or an Art. 9(2) condition such as consent, is not enough.

## Example

```reg
register staff {
  data name, criminal-records
  purpose background-check {
    text en "Checking the criminal record of staff who work with children."
    basis legal-obligation
    data name, criminal-records
  }
}
```

## Fix

Name the Art. 10 authority, and cite the law where the register names one:

```reg
register staff {
  data name, criminal-records
  purpose background-check {
    text en "Checking the criminal record of staff who work with children."
    basis legal-obligation
    condition legal-provision
    data name, criminal-records
  }
}
```
"#,
};

impl Rule for CriminalDataBasisMissing {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        for p in &cx.ast.purposes {
            let used = used_data(cx, p);
            let Some(criminal) = used.iter().find(|u| u.kind == DataKind::Criminal) else {
                continue;
            };
            // A condition that resolves to nothing is X001's to report.
            let has_authority = p.conditions.iter().any(|n| match condition(cx, n) {
                None => true,
                Some(f) => {
                    matches!(
                        f.id.value.as_str(),
                        "official-authority" | "legal-provision"
                    ) || f.article.as_ref().is_some_and(|a| a.value.trim() == "10")
                }
            });
            if has_authority {
                continue;
            }
            let uses = if criminal.listed {
                format!("uses criminal-offence data `{}`", criminal.id)
            } else {
                format!(
                    "uses all of the register's data, criminal-offence data `{}` among it,",
                    criminal.id
                )
            };
            let mut finding = Finding::new(
                p.id.span,
                format!(
                    "purpose `{}` {uses} without official authority or a law that allows it",
                    p.id.value
                ),
                "this purpose needs an Art. 10 `condition`",
            )
            .help("add `condition legal-provision` (a law authorises it) or `condition official-authority` (under the control of an authority)");
            if let Some(at) = criminal.at {
                finding = finding.also(at, "criminal-offence data (Art. 10)");
            }
            out.push(finding);
        }
    }
}
