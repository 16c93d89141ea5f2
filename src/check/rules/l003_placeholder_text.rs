//! L003 placeholder-text. Also holds the list of every text of a file that L004 reads.

use crate::check::placeholder;
use crate::check::wording::register_texts;
use crate::check::{Applies, Finding, ProgramCx, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::syntax::ast::{Item, LocalText, Module, Register, Text};

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

/// One text entry: what it is called, its language if it has one, the text.
pub(crate) struct Entry<'a> {
    pub what: String,
    pub lang: Option<String>,
    pub text: &'a Text,
}

impl Entry<'_> {
    /// "the text of purpose `x` (`en`)", or "the name of controller `acme`".
    pub fn name(&self) -> String {
        match &self.lang {
            Some(l) => format!("{} (`{l}`)", self.what),
            None => self.what.clone(),
        }
    }
}

/// Every text entry of a register: its local texts in each language, and the plain names
/// of the sources and recipients it defines.
pub(crate) fn register_entries(r: &Register) -> Vec<Entry<'_>> {
    let mut out = Vec::new();
    for named in register_texts(r) {
        for (lang, text) in &named.text.entries {
            out.push(Entry {
                what: named.what.clone(),
                lang: Some(lang.value.to_string()),
                text,
            });
        }
    }
    for s in &r.source_defs {
        plain(
            &mut out,
            format!("the name of source `{}`", s.id.value),
            &s.name,
        );
    }
    for x in &r.recipient_defs {
        plain(
            &mut out,
            format!("the name of recipient `{}`", x.id.value),
            &x.name,
        );
    }
    out
}

/// Every text entry of the top-level declarations of a file (registers excluded): the
/// names and addresses of controllers and persons, the texts of shared categories.
pub(super) fn declaration_entries(module: &Module) -> Vec<Entry<'_>> {
    let mut out = Vec::new();
    for item in &module.items {
        match item {
            Item::Controller(c) => {
                let id = &c.id.value;
                plain(&mut out, format!("the name of controller `{id}`"), &c.name);
                plain(
                    &mut out,
                    format!("the address of controller `{id}`"),
                    &c.address,
                );
                for j in &c.joint_controllers {
                    local(
                        &mut out,
                        format!(
                            "the essence of the arrangement with `{}` in controller `{id}`",
                            j.controller.value
                        ),
                        &j.essence,
                    );
                }
            }
            Item::Person(p) => {
                let id = &p.id.value;
                plain(&mut out, format!("the name of person `{id}`"), &p.name);
                local(&mut out, format!("the role of person `{id}`"), &p.role);
                plain(
                    &mut out,
                    format!("the organisation of person `{id}`"),
                    &p.organisation,
                );
                plain(
                    &mut out,
                    format!("the address of person `{id}`"),
                    &p.address,
                );
            }
            Item::Data(d) => {
                let id = &d.id.value;
                local(&mut out, format!("the title of data `{id}`"), &d.title);
                local(&mut out, format!("the text of data `{id}`"), &d.text);
            }
            Item::Subject(s) => {
                let id = &s.id.value;
                local(&mut out, format!("the title of subject `{id}`"), &s.title);
                local(&mut out, format!("the text of subject `{id}`"), &s.text);
            }
            Item::Source(s) => {
                let id = &s.id.value;
                local(&mut out, format!("the title of source `{id}`"), &s.title);
                plain(&mut out, format!("the name of source `{id}`"), &s.name);
                local(&mut out, format!("the text of source `{id}`"), &s.text);
            }
            Item::Recipient(x) => {
                let id = &x.id.value;
                plain(&mut out, format!("the name of recipient `{id}`"), &x.name);
                local(&mut out, format!("the title of recipient `{id}`"), &x.title);
                local(&mut out, format!("the text of recipient `{id}`"), &x.text);
            }
            Item::Use(_) | Item::Register(_) | Item::Fact(_) => {}
        }
    }
    out
}

fn plain<'a>(out: &mut Vec<Entry<'a>>, what: String, text: &'a Option<Text>) {
    if let Some(text) = text {
        out.push(Entry {
            what,
            lang: None,
            text,
        });
    }
}

fn local<'a>(out: &mut Vec<Entry<'a>>, what: String, text: &'a Option<LocalText>) {
    for (lang, t) in text.iter().flat_map(|t| &t.entries) {
        out.push(Entry {
            what: what.clone(),
            lang: Some(lang.value.to_string()),
            text: t,
        });
    }
}

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
        for entry in cx.entries() {
            if let Some(found) = placeholder::find(&entry.text.value) {
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
