//! P003 legitimate-interest-missing.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct LegitimateInterestMissing;

static INFO: RuleInfo = RuleInfo {
    code: "P003",
    name: "legitimate-interest-missing",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "13(1)(d)",
    summary: "where the basis is legitimate interests, the interests must be stated",
    explanation: r#"## What it checks

A `purpose` whose `basis` is `legitimate-interest` (Art. 6(1)(f)) without an `interest`.

## Why

Article 13(1)(d) requires, "where the processing is based on point (f) of Article 6(1), the
legitimate interests pursued by the controller or by a third party". Naming the basis is
not enough: people can only judge whether to object (Art. 21(1)) when they know which
interest the controller weighs against theirs.

## Example

```reg
register customers {
  purpose marketing {
    text en "We send offers by e-mail."
    basis legitimate-interest
  }
}
```

## Fix

```reg
register customers {
  purpose marketing {
    text en "We send offers by e-mail."
    basis legitimate-interest
    interest en "Telling existing customers about products like the ones they bought."
  }
}
```
"#,
};

impl Rule for LegitimateInterestMissing {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        for (p, resolved) in cx.purposes() {
            let Some(basis) = resolved.bases.iter().find(|b| b.is_legitimate_interest()) else {
                continue;
            };
            // The purpose's own interest, or the register's (`resolve` fills it in).
            if !resolved.interest.is_empty() {
                continue;
            }
            let mut finding = Finding::new(
                p.id.span,
                format!(
                    "purpose `{}` relies on legitimate interests but does not say which",
                    p.id.value
                ),
                "this purpose needs an `interest`",
            )
            .help("add `interest en \"…\"` saying whose interest it is and what it achieves");
            if let Some(name) = p
                .bases
                .iter()
                .chain(&cx.ast.bases)
                .find(|n| n.value == basis.id)
            {
                finding = finding.also(name.span, "Art. 6(1)(f)");
            }
            out.push(finding);
        }
    }
}
