//! L004 markup-in-text.

use crate::check::entries::{Entry, declaration_entries};
use crate::check::wording::markup;
use crate::check::{Applies, Finding, ProgramCx, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct MarkupInText;

static INFO: RuleInfo = RuleInfo {
    code: "L004",
    name: "markup-in-text",
    severity: Severity::Warning,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "",
    summary: "a text contains markup that will be shown literally",
    explanation: r#"## What it checks

A text holding HTML tags (`<b>`, `<a href=…>`), Markdown links or emphasis
(`[here](…)`, `**bold**`) or template syntax (`{{ … }}`), typically pasted from a web page.

## Why

Texts in a `.reg` file are data, never markup: every output shows them escaped, so
people would read `<b>` and `**` literally. Structure belongs in the text's own form: a
blank line starts a paragraph and a line starting with `- ` is a list item.

## Example

```reg
register customers {
  purpose support {
    text en "Answering <b>questions</b> from customers."
    basis contract
  }
}
```

## Fix

Write plain text:

```reg
register customers {
  purpose support {
    text en "Answering questions from customers."
    basis contract
  }
}
```
"#,
};

fn finding(entry: &Entry, found: &str) -> Finding {
    Finding::new(
        entry.text.span,
        format!("{} contains {found}, which will be shown literally", entry.name()),
        found.to_string(),
    )
    .help("write plain text: in a `\"\"\"` text a blank line starts a paragraph and a line starting with `- ` is a list item")
}

impl Rule for MarkupInText {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        for entry in cx.entries() {
            if let Some(found) = markup(&entry.text.value) {
                out.push(finding(entry, found));
            }
        }
    }

    fn check_program(&self, cx: &ProgramCx, out: &mut Vec<Finding>) {
        for file in cx.program.files.iter().filter(|f| f.is_root) {
            for entry in declaration_entries(&file.module) {
                if let Some(found) = markup(&entry.text.value) {
                    out.push(finding(&entry, found));
                }
            }
        }
    }
}
