//! D001 data-categories-missing.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct DataCategoriesMissing;

static INFO: RuleInfo = RuleInfo {
    code: "D001",
    name: "data-categories-missing",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "14(1)(d), 30(1)(c)",
    summary: "the categories of personal data must be listed",
    explanation: r#"## What it checks

The register lists no data categories (no `data` statement), and either Article 14 applies
(some data comes from elsewhere than the person, or no source is named) or the register is
checked as a record of processing (`profile ropa`).

## Why

When data is not obtained from the person, Article 14(1)(d) requires the notice to give
"the categories of personal data concerned": people cannot otherwise know what the
controller holds about them. Article 30(1)(c) requires the record of processing to contain
"a description of the categories of data subjects and of the categories of personal data".
(When all the data comes from the person, under Art. 13, they know what they gave, and the
list is not required.)

## Example

```reg
register prospects {
  sources public-registers
  purpose sales {
    text en "Contacting companies about our accounting services."
    basis legitimate-interest
    interest en "Finding new business customers for our accounting services."
  }
}
```

## Fix

```reg
register prospects {
  sources public-registers
  data name, organisation, email
  purpose sales {
    text en "Contacting companies about our accounting services."
    basis legitimate-interest
    interest en "Finding new business customers for our accounting services."
  }
}
```
"#,
};

impl Rule for DataCategoriesMissing {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        if !(cx.art14() || cx.ropa()) || !cx.ast.data.is_empty() || !cx.ast.data_defs.is_empty() {
            return;
        }
        let why = if cx.art14() {
            "required when data comes from elsewhere (Art. 14)"
        } else {
            "required in a record of processing (Art. 30)"
        };
        out.push(
            Finding::new(
                cx.at(),
                format!(
                    "register `{}` lists no categories of personal data",
                    cx.ast.id.value
                ),
                why,
            )
            .help("add `data name, email, …` (categories of the standard library) or define one with a `data NAME` block holding its `title en \"…\"`"),
        );
    }
}
