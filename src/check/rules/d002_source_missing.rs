//! D002 source-missing.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct SourceMissing;

static INFO: RuleInfo = RuleInfo {
    code: "D002",
    name: "source-missing",
    severity: Severity::Info,
    ropa_severity: None,
    applies: Applies::NoticeOnly,
    articles: "14(2)(f)",
    summary: "the source of the personal data must be given when it is not the person",
    explanation: r#"## What it checks

The register names no source (no `sources` and no `source` block). regc then cannot tell
whether the data comes from the person or from elsewhere, and holds the register to both
Article 13 and Article 14.

It is a note, not an error: most notices that name no source describe data people give
themselves, and such a notice needs no source (Art. 13 has no such item). Where any data
comes from elsewhere, Article 14(2)(f) makes the source a required item.

## Why

When data is not obtained from the person, Article 14(2)(f) requires the notice to say
"from which source the personal data originate, and if applicable, whether it came from
publicly accessible sources". Saying `sources subject` is an answer too: it tells people
(and regc) that the data comes from them, so that Article 13 applies instead.

## Example

```reg
register customers {
  purpose orders {
    text en "Delivering what customers order."
    basis contract
  }
}
```

## Fix

```reg
register customers {
  sources subject, customer-organisation
  purpose orders {
    text en "Delivering what customers order."
    basis contract
  }
}
```
"#,
};

impl Rule for SourceMissing {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        if !cx.art14() || !cx.ast.sources.is_empty() || !cx.ast.source_defs.is_empty() {
            return;
        }
        out.push(
            Finding::new(
                cx.at(),
                format!("register `{}` names no source of the data", cx.ast.id.value),
                "where does the data come from?",
            )
            .help("add `sources subject` when people give the data themselves, or name the others: `sources customer-organisation, public-registers`, or a `source NAME` block with its `title` and `kind`"),
        );
    }
}
