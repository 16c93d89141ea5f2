//! O006 outdated-name: a text names a repealed law, a renamed or merged body, or an
//! invalid transfer framework, by one of the names its fact is `known-as`.

use crate::check::entries::{Entry, declaration_entries};
use crate::check::names::{NameList, Text, named_facts};
use crate::check::{Applies, Finding, ProgramCx, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::resolve::facts::in_force;
use crate::syntax::ast::{Fact, FactKind};
use crate::syntax::values::{Country, Date};

pub struct OutdatedName;

static INFO: RuleInfo = RuleInfo {
    code: "O006",
    name: "outdated-name",
    severity: Severity::Warning,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "12(1)",
    summary: "a text names a repealed law, a former authority or an invalid framework",
    explanation: r#"## What it checks

Every text of a register (titles, texts, notes, criteria, interests, recipient and
transfer texts, security measures, in every language) and the names, roles and addresses
the checked files declare, for a name of something no longer in force on the check date:
a repealed law (the Finnish henkilötietolaki 523/1999, the Swedish personuppgiftslagen or
PUL 1998:204, Directive 95/46/EC, the UK Data Protection Act 1998), a renamed or merged
body (Datainspektionen, now IMY; Viestintävirasto, now Traficom; a Swedish landsting, now
a region) or an invalid transfer framework (Privacy Shield, Safe Harbor, the old standard
contractual clauses 2001/497/EC, 2004/915/EC, 2010/87/EU).

The names come from the standard library: each `law`, `authority`, `mechanism`,
`adequacy` and `body` lists the names people write with `known-as`. A name in a language
is found in texts of that language by its word stem, so every inflection counts
(`henkilötietolain`, `henkilötietolakia`); a name without lower-case letters (`PUL`,
`95/46/EY`) only as written. A national fact is looked for only when the controller is
in its country or gives none, so Åland's Datainspektionen is not Sweden's. A text that
also names what replaced it ("IMY, formerly Datainspektionen") is not reported.

## Why

Article 12(1) requires the information to be "concise, transparent, intelligible". A
notice that says data is processed under an act repealed years ago, or that complaints
go to an authority that no longer exists under that name, misinforms the reader, and
shows that nobody has read the text since. `cites` and `mechanism` are checked by O001
and O002; this rule reads the words that are published.

## Example

```reg
use std::fi

register members {
  title fi "Jäsenrekisteri henkilötietolain mukaisesti"
}
```

## Fix

Name what is in force now (regc says what replaced it), or drop the reference:

```reg
use std::fi

register members {
  title fi "Jäsenrekisteri"
  cites fi-data-protection-act
}
```
"#,
};

/// The fact's English title (or its first), with its number or decision.
fn describe(f: &Fact) -> String {
    let title = f
        .title
        .as_ref()
        .and_then(|t| {
            t.entries
                .iter()
                .find(|(l, _)| l.value.primary() == "en")
                .or_else(|| t.entries.first())
        })
        .map(|(_, t)| t.value.clone())
        .unwrap_or_else(|| f.id.value.to_string());
    match f.number.as_ref().or(f.decision.as_ref()) {
        Some(n) if !title.contains(&n.value) => format!("{title} ({})", n.value),
        _ => title,
    }
}

fn ended(f: &Fact, until: Date) -> String {
    match f.kind {
        FactKind::Law => format!("repealed on {until}"),
        FactKind::Adequacy => format!("invalid since {until}"),
        FactKind::Mechanism => format!("no longer valid since {until}"),
        _ => format!("no longer exists under this name since {until}"),
    }
}

/// Whether a national fact concerns a controller in `country` (any, when unknown).
fn concerns(f: &Fact, country: Option<Country>) -> bool {
    match country {
        Some(c) if !f.countries.is_empty() => f.countries.iter().any(|x| x.value == c),
        _ => true,
    }
}

/// `texts` are `entries` read for names ([`Entry::read`]), one for one.
fn check(
    entries: &[Entry],
    texts: &[Text],
    facts: &[&Fact],
    country: Option<Country>,
    today: Date,
    out: &mut Vec<Finding>,
) {
    let outdated: Vec<&Fact> = facts
        .iter()
        .copied()
        .filter(|f| !f.known_as.is_empty() && !in_force(f, today) && concerns(f, country))
        .collect();
    // The outdated names, read once per language for all the register's texts.
    let mut listed = Vec::new();
    let mut of = Vec::new();
    for f in &outdated {
        let start = listed.len();
        listed.extend(f.known_as.iter().map(|a| {
            (
                a.lang.as_ref().map(|l| l.value.primary()),
                a.name.value.as_str(),
            )
        }));
        of.push(start..listed.len());
    }
    let list = NameList::kept(listed);
    for (entry, text) in entries.iter().zip(texts) {
        // Most texts name nothing outdated: one reading, and no fact is looked at.
        let found = text.found_in(&list);
        if found.is_empty() {
            continue;
        }
        let names = |f: &Fact| f.known_as.iter().find_map(|a| text.find(a));
        let mut seen: Vec<String> = Vec::new();
        for (f, among) in outdated.iter().zip(&of) {
            // The first of the fact's names found, as `find_first_listed` picks it.
            let Some(words) = found
                .iter()
                .find(|(i, _)| among.contains(i))
                .map(|(_, words)| words.clone())
            else {
                continue;
            };
            if seen.contains(&words) {
                continue;
            }
            seen.push(words.clone());
            let next = f.replaced_by.as_ref().and_then(|n| {
                facts
                    .iter()
                    .find(|x| x.kind == f.kind && x.id.value == n.value)
            });
            // "IMY, formerly Datainspektionen": the text names the current one too.
            if next.is_some_and(|n| names(n).is_some()) {
                continue;
            }
            let Some(until) = &f.valid_until else {
                continue;
            };
            let mut help = f
                .text
                .as_ref()
                .and_then(|t| t.entries.iter().find(|(l, _)| l.value.primary() == "en"))
                .map(|(_, t)| format!("{} ", t.value))
                .unwrap_or_default();
            help.push_str(&match next {
                Some(n) => format!(
                    "Name what replaced it, {} (`{}`), or remove the reference.",
                    describe(n),
                    n.id.value
                ),
                None => "Name what applies now, or remove the reference.".to_string(),
            });
            out.push(
                Finding::new(
                    entry.text.span,
                    format!(
                        "{} names `{words}`: the {}, {}",
                        entry.name(),
                        describe(f),
                        ended(f, until.value)
                    ),
                    format!("`{words}` is outdated"),
                )
                .help(help),
            );
        }
    }
}

impl Rule for OutdatedName {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let country = cx
            .controller
            .and_then(|c| c.country.as_ref())
            .map(|c| c.value);
        let facts = named_facts(cx.scope);
        check(cx.entries(), cx.texts(), &facts, country, cx.today, out);
    }

    fn check_program(&self, cx: &ProgramCx, out: &mut Vec<Finding>) {
        let Some(first_scope) = cx.first_scope else {
            return;
        };
        // A file's own declarations: the controller's country when every register agrees.
        let mut countries: Vec<Country> = cx.registers.iter().filter_map(|r| r.country).collect();
        countries.dedup();
        let country = match countries.as_slice() {
            [one] => Some(*one),
            _ => None,
        };
        let facts = named_facts(first_scope);
        for file in cx.program.files.iter().filter(|f| f.is_root) {
            let entries = declaration_entries(&file.module);
            let texts: Vec<Text> = entries.iter().map(Entry::read).collect();
            check(&entries, &texts, &facts, country, cx.today, out);
        }
    }
}
