//! T005 transfer-country-vague.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::syntax::values::Country;

pub struct TransferCountryVague;

static INFO: RuleInfo = RuleInfo {
    code: "T005",
    name: "transfer-country-vague",
    severity: Severity::Warning,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "13(1)(f), WP260",
    summary: "a transfer should name the third countries the data goes to",
    explanation: r#"## What it checks

A `transfer` whose destination is `outside-eea` instead of a country.

## Why

Article 13(1)(f) requires the notice to state the transfer "to a third country", and the
Article 29 Working Party's transparency guidelines (WP260 rev.01) say the information
should name the third countries involved. "Outside the EU/EEA" does not let a reader judge
the protection their data will have, nor whether an adequacy decision applies.

## Example

```reg
register customers {
  transfer hosting {
    country outside-eea
    mechanism scc
    copy en "Ask privacy@example.com for a copy of the clauses."
  }
}
```

## Fix

Name the countries:

```reg
register customers {
  transfer hosting {
    country US
    mechanism scc
    copy en "Ask privacy@example.com for a copy of the clauses."
  }
}
```
"#,
};

impl Rule for TransferCountryVague {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        for t in &cx.ast.transfers {
            if let Some(c) = t.countries.iter().find(|c| c.value == Country::OutsideEea) {
                out.push(
                    Finding::new(
                        c.span,
                        format!("transfer `{}` does not name the country the data goes to", t.id.value),
                        "which country?",
                    )
                    .help("name the countries, e.g. `country US` or `country US, IN`; ask the recipient where it stores and accesses the data"),
                );
            }
        }
    }
}
