//! L003 placeholder-text.

use crate::check::entries::{Entry, declaration_entries};
use crate::check::placeholder;
use crate::check::{Applies, Finding, ProgramCx, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct PlaceholderText;

static INFO: RuleInfo = RuleInfo {
    code: "L003",
    name: "placeholder-text",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "",
    summary: "a text still holds a placeholder",
    explanation: r#"## What it checks

A text, in any language, that still holds a placeholder or a leftover of a template:
a marker for the writer (`TODO`, `FIXME`, `TBD`, `XXX`, or `FIX` in a text that is not all
capitals), a slot never filled (`[COMPANY NAME]`, `[insert …]`, `<insert …>`, `[lisää …]`,
`[infoga …]`), a site generator's tags (`{{ … }}`, `{% … %}`), lorem ipsum, a note to the
writer ("rewrite this", "X knows who", "kirjoita uudelleen", "skriv om detta"), or two
phrasings left side by side for the writer to choose ("på webbplatsen/i handboken").
Every text of a register is read, and so are the names, roles, addresses and other texts
of the controllers, persons and categories a checked file declares.

Ordinary capitalised words, acronyms (`GDPR`, `IMY`), "to do" in running prose, article
references in brackets (`[Art. 6]`), a short acronym in brackets (`[EU]`), `and/or` and
`km/h` are not placeholders.

## Why

A notice is published as it is written. "Contact [insert e-mail]" tells people nothing,
and shows that the notice was never finished.

## Example

```reg
register customers {
  purpose support {
    text en "TODO: describe customer service."
    basis contract
  }
}
```

## Fix

Write the real text:

```reg
register customers {
  purpose support {
    text en "Answering questions and complaints from customers."
    basis contract
  }
}
```
"#,
};

fn finding(entry: &Entry, found: &str) -> Finding {
    Finding::new(
        entry.text.span,
        format!("{} still holds the placeholder `{found}`", entry.name()),
        format!("placeholder `{found}`"),
    )
    .help("write the real text before publishing: the notice shows it exactly as written")
}

impl Rule for PlaceholderText {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        for (entry, text) in cx.entries().iter().zip(cx.texts()) {
            if let Some(found) = placeholder::find_read(text) {
                out.push(finding(entry, &found));
            }
        }
    }

    fn check_program(&self, cx: &ProgramCx, out: &mut Vec<Finding>) {
        for file in cx.program.files.iter().filter(|f| f.is_root) {
            for entry in declaration_entries(&file.module) {
                if let Some(found) = placeholder::find(&entry.text.value) {
                    out.push(finding(&entry, &found));
                }
            }
        }
    }
}
