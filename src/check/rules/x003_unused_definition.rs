//! X003 unused-definition.

use std::collections::HashSet;

use crate::check::{Applies, Finding, ProgramCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::resolve::scope::Ns;
use crate::syntax::ast::{Item, Module, Name, Register};

pub struct UnusedDefinition;

static INFO: RuleInfo = RuleInfo {
    code: "X003",
    name: "unused-definition",
    severity: Severity::Warning,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "",
    summary: "a person, recipient or controller is defined but never referenced",
    explanation: r#"## What it checks

A `person`, `recipient` or `controller` declared at the top level of a checked file that
nothing refers to: no register names it (`controller`, `contact`, `dpo`, `recipients`, a
transfer's `recipient`) and no controller names it (`representative`,
`joint-controller`). References from every file checked together and every file they
import count. (A `recipient` defined inside a register is a recipient of that register,
and so always used. Files checked without any register, such as a shared `common.reg` on
its own, are a library for other files and are not reported.)

## Why

An unused definition is usually a mistake: a contact person who should have been named
with `contact`, a processor left out of `recipients`, so that the notice does not say what
the author meant. Otherwise it is clutter to remove.

## Example

```reg
person taru {
  name "Taru Uhrman"
  email "taru@example.com"
}

register customers {
  title en "Customer register"
}
```

## Fix

Refer to it where it belongs, or remove it:

```reg
person taru {
  name "Taru Uhrman"
  email "taru@example.com"
}

register customers {
  title en "Customer register"
  contact taru
}
```
"#,
};

/// The names a module refers to, by namespace.
fn references<'a>(module: &'a Module, out: &mut HashSet<(Ns, &'a str)>) {
    for item in &module.items {
        match item {
            Item::Register(r) => names_in_register(r, |ns, n| {
                out.insert((ns, n.value.as_str()));
            }),
            Item::Controller(c) => {
                if let Some(n) = &c.representative {
                    out.insert((Ns::Person, n.value.as_str()));
                }
                for j in &c.joint_controllers {
                    out.insert((Ns::Controller, j.controller.value.as_str()));
                }
            }
            _ => {}
        }
    }
}

/// The people, controllers and recipients a register names.
pub fn names_in_register<'a>(r: &'a Register, mut add: impl FnMut(Ns, &'a Name)) {
    if let Some(n) = &r.controller {
        add(Ns::Controller, n);
    }
    for n in &r.contacts {
        add(Ns::Person, n);
    }
    if let Some(n) = &r.dpo {
        add(Ns::Person, n);
    }
    for n in r.transfers.iter().flat_map(|t| &t.recipients) {
        add(Ns::Recipient, n);
    }
    for n in &r.recipients {
        add(Ns::Recipient, n);
    }
    // A purpose that names a recipient refers to it too.
    for n in r.purposes.iter().flat_map(|p| &p.recipients) {
        add(Ns::Recipient, n);
    }
}

impl Rule for UnusedDefinition {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_program(&self, cx: &ProgramCx, out: &mut Vec<Finding>) {
        // A set of files without any register is a library of definitions: those who
        // use it are not being checked.
        // The registers checked are summed up in `cx.registers` and `cx.named` (a check
        // drops their trees); those of files only imported are still in their files.
        let has_register = !cx.registers.is_empty()
            || cx.program.files.iter().any(|f| {
                f.module
                    .items
                    .iter()
                    .any(|i| matches!(i, Item::Register(_)))
            });
        if !has_register {
            return;
        }
        let mut used = HashSet::new();
        for file in &cx.program.files {
            references(&file.module, &mut used);
        }
        used.extend(cx.named.iter().map(|(ns, name)| (*ns, name.as_str())));
        for file in cx.program.files.iter().filter(|f| f.is_root) {
            for item in &file.module.items {
                let (ns, id, help) = match item {
                    Item::Person(p) => (
                        Ns::Person,
                        &p.id,
                        format!(
                            "name the person in a register (`contact {0}` or `dpo {0}`) or as a controller's `representative {0}`, or remove it",
                            p.id.value
                        ),
                    ),
                    Item::Recipient(x) => (
                        Ns::Recipient,
                        &x.id,
                        format!(
                            "list it in a register with `recipients {0}` (or as a transfer's `recipient {0}`), or remove it",
                            x.id.value
                        ),
                    ),
                    Item::Controller(c) => (
                        Ns::Controller,
                        &c.id,
                        format!(
                            "name it in a register with `controller {0}` (or as another controller's `joint-controller {0}`), or remove it",
                            c.id.value
                        ),
                    ),
                    _ => continue,
                };
                if used.contains(&(ns, id.value.as_str())) {
                    continue;
                }
                out.push(
                    Finding::new(
                        id.span,
                        format!(
                            "the {} `{}` is defined but never referenced",
                            ns.noun(),
                            id.value
                        ),
                        "never referenced",
                    )
                    .help(help),
                );
            }
        }
    }
}
