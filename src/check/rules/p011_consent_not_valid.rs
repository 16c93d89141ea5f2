//! P011 consent-not-valid.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::syntax::ast::ConsentMethod;

pub struct ConsentNotValid;

static INFO: RuleInfo = RuleInfo {
    code: "P011",
    name: "consent-not-valid",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "6(1)(a), 4(11), 7(2), 7(4), 13(1)(c)",
    summary: "consent taken from using the site, accepting the notice, a pre-ticked box or the terms is not consent",
    explanation: r#"## What it checks

A purpose says its consent is obtained by `site-use`, `policy-acceptance`, `pre-ticked` or
`bundled` (with the terms of service).

## Why

Article 4(11) defines consent as a "freely given, specific, informed and unambiguous
indication … by a statement or by a clear affirmative action". Using a site, reading or
accepting a privacy notice, or leaving a pre-ticked box ticked is not such an action (Recital
32; CJEU C-673/17 *Planet49*). Article 7(2) requires a request for consent to be
"clearly distinguishable from the other matters", and Article 7(4) treats consent made a
condition of a contract as not freely given. Processing that rests on such "consent" has no
basis, and the notice misstates the basis (Art. 13(1)(c)).

## Example

```reg
register visitors {
  purpose analytics {
    text en "Measuring which pages are read."
    basis consent
    consent site-use
  }
}
```

## Fix

Ask for consent by an act of its own, or rest the purpose on another basis that fits:

```reg
register visitors {
  purpose analytics {
    text en "Measuring which pages are read."
    basis consent
    consent opt-in
  }
}
```
"#,
};

impl Rule for ConsentNotValid {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        for p in &cx.ast.purposes {
            let Some(method) = &p.consent else {
                continue;
            };
            if method.value.is_valid() {
                continue;
            }
            let how = match method.value {
                ConsentMethod::SiteUse => "taken from using the site",
                ConsentMethod::PolicyAcceptance => "taken from accepting the privacy notice",
                ConsentMethod::PreTicked => "given by a box ticked in advance",
                _ => "bundled with the terms of service",
            };
            out.push(
                Finding::new(
                    method.span,
                    format!("the consent of purpose `{}` is {how}, which is not valid consent", p.id.value),
                    "not a free, specific, unambiguous yes",
                )
                .help("ask for consent by an act of its own (`consent opt-in` or `consent checkbox`, with an empty box), or rest the purpose on another basis that fits"),
            );
        }
    }
}
