//! G001 right-note-inapplicable.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::resolve::scope::{Def, Ns};
use crate::syntax::ast::FactKind;

pub struct RightNoteInapplicable;

static INFO: RuleInfo = RuleInfo {
    code: "G001",
    name: "right-note-inapplicable",
    severity: Severity::Warning,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "15-22",
    summary: "a note on a right the legal bases do not give",
    explanation: r#"## What it checks

A `right X { … }` block on a right that the register's legal bases and conditions do not
give, such as a note on portability when every purpose rests on legitimate interests. It
is quiet while a purpose has no basis (P002 reports that: the missing basis may be the one
that gives the right), and a note on `object` is right for direct marketing (Art. 21(2)).

## Why

Articles 15 to 22 give each right only under some bases: portability (Art. 20) only for
consent and contract, objection (Art. 21) only for public task and legitimate interests.
regc derives the rights from the bases; a note on another right is either left over from
an old text or a sign that a basis is wrong. The notice still publishes the note (offering
more than the law requires is allowed), so nothing the controller wrote is lost.

## Example

```reg
register customers {
  purpose marketing {
    text en "Offers by e-mail."
    basis legitimate-interest
    interest en "Telling existing customers about products like the ones they bought."
  }
  right portability {
    note en "Ask us for your data in a machine-readable format."
  }
}
```

## Fix

Remove the note, or correct the basis if the right does apply:

```reg
register customers {
  purpose marketing {
    text en "Offers by e-mail."
    basis legitimate-interest
    interest en "Telling existing customers about products like the ones they bought."
  }
  right object {
    note en "Write to privacy@example.com to object."
  }
}
```
"#,
};

impl Rule for RightNoteInapplicable {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        // Without a basis on every purpose the rights cannot be known: P001 and P002 say so,
        // and a note here may be exactly right for the basis that is missing.
        let purposes = &cx.ast.purposes;
        if purposes.is_empty() || purposes.iter().any(|p| p.bases.is_empty()) {
            return;
        }
        let derived = |id: &str| {
            cx.doc
                .register
                .rights
                .iter()
                .any(|r| r.id == id && r.derived)
        };
        for note in &cx.ast.rights {
            let id = &note.right.value;
            // A right that does not exist is X001's. Objecting to direct marketing is an
            // objection under Art. 21(2): a note on `object` is right where it is derived.
            if cx.scope.get(Ns::Fact(FactKind::Right), id).is_none()
                || derived(id)
                || (id == "object" && derived("object-direct-marketing"))
            {
                continue;
            }
            let mut givers: Vec<String> = [FactKind::Basis, FactKind::Condition]
                .into_iter()
                .flat_map(|k| cx.scope.all(Ns::Fact(k)))
                .filter_map(|d| match d {
                    Def::Fact(f) if f.gives.iter().any(|g| g.value == *id) => {
                        Some(format!("`{} {}`", f.kind.keyword(), f.id.value))
                    }
                    _ => None,
                })
                .collect();
            // Namespaces are hash maps: sort, so the message is the same on every run.
            givers.sort();
            let help = if givers.is_empty() {
                format!("remove the `right {id}` block: no basis of this register gives it")
            } else {
                let mut givers = givers;
                givers.sort();
                format!(
                    "remove the `right {id}` block; `{id}` comes only with {}",
                    givers.join(", ")
                )
            };
            out.push(
                Finding::new(
                    note.right.span,
                    format!(
                        "a note on right `{id}`, which the legal bases of this register do not give"
                    ),
                    "this right does not apply",
                )
                .help(help),
            );
        }
    }
}
