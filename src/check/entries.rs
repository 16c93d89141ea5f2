//! Every text of a register, or of a file's other declarations, with what it is called in
//! a message ("the text of purpose `x` (`en`)"): the list the rules that read every text
//! (L003, L004, O006, T007) go through. A register's list is made once, by
//! [`crate::check::RegisterCx::entries`].

use crate::check::wording::NamedText;
use crate::syntax::ast::{Item, LocalText, Module, Register, Text};

/// One text entry: what it is called, its language if it has one, the text.
pub struct Entry<'a> {
    pub what: String,
    pub lang: Option<&'a str>,
    pub text: &'a Text,
}

impl<'a> Entry<'a> {
    /// The language's primary subtag (`en` of `en-GB`): the language its words are read in.
    pub fn primary(&self) -> Option<&'a str> {
        self.lang.map(|l| l.split('-').next().unwrap_or(l))
    }

    /// The text, read for the names it holds.
    pub fn read(&self) -> crate::check::names::Text<'a> {
        crate::check::names::Text::new(&self.text.value, self.primary())
    }

    /// "the text of purpose `x` (`en`)", or "the name of controller `acme`".
    pub fn name(&self) -> String {
        match &self.lang {
            Some(l) => format!("{} (`{l}`)", self.what),
            None => self.what.clone(),
        }
    }
}

/// Every text entry of a register: its local texts (`texts`, the register's
/// [`crate::check::wording::register_texts`]) in each language, and the plain names of the
/// sources and recipients it defines.
pub fn register_entries<'a>(r: &'a Register, texts: &[NamedText<'a>]) -> Vec<Entry<'a>> {
    let mut out = Vec::new();
    for named in texts {
        for (lang, text) in &named.text.entries {
            out.push(Entry {
                what: named.what.clone(),
                lang: Some(lang.value.as_str()),
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
pub fn declaration_entries(module: &Module) -> Vec<Entry<'_>> {
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
            lang: Some(lang.value.as_str()),
            text: t,
        });
    }
}
