//! M003 adm-special-category.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::resolve::model::DataKind;
use crate::syntax::ast::AutomatedDecisions;

pub struct AdmSpecialCategory;

static INFO: RuleInfo = RuleInfo {
    code: "M003",
    name: "adm-special-category",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "22(4)",
    summary: "automated decisions on special categories need explicit consent or substantial public interest",
    explanation: r#"## What it checks

A register that describes `automated-decisions` and holds special-category data
(`kind special`), when no purpose has the condition `explicit-consent` (Art. 9(2)(a)) or
`substantial-public-interest` (Art. 9(2)(g)).

## Why

Article 22(4) says automated decisions "shall not be based on special categories of
personal data referred to in Article 9(1), unless point (a) or (g) of Article 9(2) applies
and suitable measures to safeguard the data subject's rights and freedoms and legitimate
interests are in place". Other Art. 9(2) conditions, enough for the processing itself, do
not allow such decisions.

## Example

```reg
register insurance {
  data health
  purpose pricing {
    text en "Pricing insurance policies."
    basis contract
    condition health-care
    data health
  }
  automated-decisions {
    logic en "A premium computed from the health questionnaire."
    significance en "Decides the premium offered."
    consequences en "A higher premium, or no offer."
  }
}
```

## Fix

Rely on the data subject's explicit consent for the decisions (or a law of substantial
public interest), or keep special-category data out of them:

```reg
register insurance {
  data health
  purpose pricing {
    text en "Pricing insurance policies."
    basis contract
    condition explicit-consent
    data health
  }
  automated-decisions {
    logic en "A premium computed from the health questionnaire."
    significance en "Decides the premium offered."
    consequences en "A higher premium, or no offer."
  }
}
```
"#,
};

/// The Art. 9(2) conditions Art. 22(4) accepts: (a) and (g).
const ALLOWED: [&str; 2] = ["explicit-consent", "substantial-public-interest"];

impl Rule for AdmSpecialCategory {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let Some(AutomatedDecisions::Described { span, .. }) =
            cx.ast.automated_decisions.as_deref()
        else {
            return;
        };
        let register = &cx.doc.register;
        let special: Vec<String> = register
            .data
            .iter()
            .filter(|d| d.kind == DataKind::Special)
            .map(|d| format!("`{}`", d.id))
            .collect();
        if special.is_empty() {
            return;
        }
        let allowed = register
            .purposes
            .iter()
            .flat_map(|p| &p.conditions)
            .any(|c| ALLOWED.contains(&c.id.as_str()));
        if allowed {
            return;
        }
        out.push(
            Finding::new(
                *span,
                format!("automated decisions in a register with special-category data ({}), without explicit consent or substantial public interest", special.join(", ")),
                "Art. 22(4) forbids these on special categories",
            )
            .help("if the decisions use the special-category data, add `condition explicit-consent` (Art. 9(2)(a)) or `condition substantial-public-interest` (Art. 9(2)(g)) to the purpose; otherwise keep that data out of the decisions and `allow M003 because \"…\"`"),
        );
    }
}
