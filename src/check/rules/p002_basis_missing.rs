//! P002 basis-missing.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct BasisMissing;

static INFO: RuleInfo = RuleInfo {
    code: "P002",
    name: "basis-missing",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "13(1)(c)",
    summary: "the legal basis must be given for each purpose",
    explanation: r#"## What it checks

A `purpose` without a `basis`, unless the register gives exactly one `basis` for all its
purposes. When the register lists several bases without saying which purpose each covers
(`basis contract, legal-obligation, legitimate-interest` in the `register` block), each
purpose without its own is reported, as the notice leaves people to guess.

## Why

Article 13(1)(c) requires "the purposes of the processing … as well as the legal basis for
the processing" — for each purpose, not once for the whole register. A list of bases "for
the register" leaves people unable to tell which basis covers which use of their data, and
so which rights they have: portability, objection and withdrawal of consent all depend on
the basis.

## Example

```reg
register customers {
  purpose marketing {
    text en "We send offers by e-mail."
  }
}
```

## Fix

Give each purpose its Art. 6(1) basis (`consent`, `contract`, `legal-obligation`,
`vital-interests`, `public-task`, `legitimate-interest`):

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

impl Rule for BasisMissing {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        // One basis for the whole register is every such purpose's basis.
        if cx.ast.bases.len() == 1 {
            return;
        }
        let listed: Vec<String> = cx
            .ast
            .bases
            .iter()
            .map(|b| format!("`{}`", b.value))
            .collect();
        for p in cx.ast.purposes.iter().filter(|p| p.bases.is_empty()) {
            let finding = match cx.ast.bases.first() {
                None => Finding::new(p.id.span, format!("purpose `{}` has no legal basis", p.id.value), "this purpose needs a `basis`")
                    .help("add `basis legitimate-interest` with an `interest \"…\"`, or `basis consent`, `basis contract`, …"),
                Some(first) => Finding::new(
                    p.id.span,
                    format!(
                        "purpose `{}` has no legal basis of its own, and the register's bases {} do not say which covers it",
                        p.id.value,
                        listed.join(", ")
                    ),
                    "which basis covers this purpose?",
                )
                .also(first.span, "bases given for the whole register")
                .help("give this purpose the `basis` that covers it (the register's list may stay, or go once every purpose has its own)"),
            };
            out.push(finding);
        }
    }
}
