//! L001 translation-missing.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::syntax::values::LanguageTag;

pub struct TranslationMissing;

static INFO: RuleInfo = RuleInfo {
    code: "L001",
    name: "translation-missing",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "12(1)",
    summary: "the information must be given in clear and plain language in every language the notice is published in",
    explanation: r#"## What it checks

A register that declares `languages` and a text of it (a title, a purpose, an interest, a
retention text, …) that has no version in one of them. Each missing pair of text and
language is reported. A text in `en` serves a declared `en-GB`.

## Why

Article 12(1) requires the information to be provided "in a concise, transparent,
intelligible and easily accessible form, using clear and plain language". A notice
published in Swedish whose purposes are only in Finnish is not intelligible to the
readers it is published for: every text must be there in every declared language.

## Example

```reg
register customers {
  languages fi, sv
  title fi "Asiakasrekisteri" sv "Kundregister"
  purpose marketing {
    text fi "Tarjoukset sähköpostitse."
    basis consent
  }
}
```

## Fix

Give every text in every declared language:

```reg
register customers {
  languages fi, sv
  title fi "Asiakasrekisteri" sv "Kundregister"
  purpose marketing {
    text fi "Tarjoukset sähköpostitse." sv "Erbjudanden per e-post."
    basis consent
  }
}
```
"#,
};

/// Whether a text written in `written` serves readers of `declared`: the same tag, or the
/// bare language for a regional tag (`en` serves `en-GB`).
fn serves(written: &LanguageTag, declared: &LanguageTag) -> bool {
    let (w, d) = (written.as_str(), declared.as_str());
    w.eq_ignore_ascii_case(d) || w.eq_ignore_ascii_case(declared.primary())
}

impl Rule for TranslationMissing {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        for text in cx.named_texts() {
            for lang in &cx.ast.languages {
                if text.entries().any(|(l, _)| serves(&l.value, &lang.value)) {
                    continue;
                }
                let written: Vec<String> = text
                    .entries()
                    .map(|(l, _)| format!("`{}`", l.value))
                    .collect();
                out.push(
                    Finding::new(
                        text.text.span,
                        format!("{} has no `{}` version", text.what, lang.value),
                        format!("no `{}` text here", lang.value),
                    )
                    .help(format!(
                        "add the {} text next to the {} one: `{} \"…\"`, or remove `{}` from `languages`",
                        lang.value.name_en(),
                        written.join(", "),
                        lang.value,
                        lang.value
                    ))
                    .also(lang.span, "declared here"),
                );
            }
        }
    }
}
