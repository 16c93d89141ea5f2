//! L002 language-unsupported.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct LanguageUnsupported;

/// The languages with a phrase catalogue (headings, rights, standard sentences). This list
/// must match the notice catalogues of the renderer: add a language to both at once.
pub const SUPPORTED: [&str; 3] = ["en", "fi", "sv"];

static INFO: RuleInfo = RuleInfo {
    code: "L002",
    name: "language-unsupported",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "",
    summary: "a declared language has no phrase catalogue",
    explanation: r#"## What it checks

A language in `languages` for which regc has no phrase catalogue. Supported are English
(`en`), Finnish (`fi`) and Swedish (`sv`), with any region (`en-GB`, `sv-FI`).

## Why

A notice is more than the register's own texts: headings, the names and descriptions of
the rights, the supervisory authority and the standard sentences come from regc's phrase
catalogues. In a language without one, half the notice could not be written, and
people would get a notice they partly cannot read.

## Example

```reg
register customers {
  languages fi, de
  title fi "Asiakasrekisteri" de "Kundenregister"
}
```

## Fix

Publish the notice in supported languages only:

```reg
register customers {
  languages fi, en
  title fi "Asiakasrekisteri" en "Customer register"
}
```
"#,
};

impl Rule for LanguageUnsupported {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        for lang in &cx.ast.languages {
            let primary = lang.value.primary().to_ascii_lowercase();
            if SUPPORTED.contains(&primary.as_str()) {
                continue;
            }
            let supported: Vec<String> = SUPPORTED.iter().map(|l| format!("`{l}`")).collect();
            out.push(
                Finding::new(
                    lang.span,
                    format!(
                        "regc has no phrase catalogue for `{}` ({})",
                        lang.value,
                        lang.value.name_en()
                    ),
                    "unsupported language",
                )
                .help(format!(
                    "publish the notice in supported languages only: {}, e.g. `languages fi, en`",
                    supported.join(", ")
                )),
            );
        }
    }
}
