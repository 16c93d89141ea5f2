//! T007 provider-transfer-unstated: a text names a well-known provider outside the EEA
//! (`std::providers`), and no transfer covers it.

use crate::check::entries::Entry;
use crate::check::names::{NameList, Text, known_providers};
use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::resolve::facts;
use crate::resolve::model::Stated;
use crate::resolve::scope::{Def, Ns};
use crate::syntax::ast::Recipient;
use crate::syntax::values::Country;

pub struct ProviderTransferUnstated;

static INFO: RuleInfo = RuleInfo {
    code: "T007",
    name: "provider-transfer-unstated",
    severity: Severity::Warning,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "13(1)(f)",
    summary: "a text names a provider outside the EEA, but no transfer there is stated",
    explanation: r#"## What it checks

Every text of a register, and the names and texts of its recipients, for a well-known
service provider located outside the EEA (Google and YouTube, Microsoft, Meta with
Facebook, Instagram and WhatsApp, Mailchimp, Cloudflare, Zoom, Slack, GitHub, Amazon Web
Services, Dropbox, Apple, HubSpot, Stripe, …; the list is `stdlib/providers.reg`, each
provider with its country, its product names and its EU-US Data Privacy Framework
certification). When the register says `transfers none`, or none of its `transfer`s
covers that provider (by its country, its recipient, or its text), regc warns that a
transfer to that country is likely unstated.

A recipient that names the provider and states its own `country` is taken at its word
(R003 checks one abroad); a provider named as a recipient directly (`recipients google`
with `use std::providers`) is R003's. A register that says nothing about transfers gets
T001 instead. A recipient with no country and no known provider stays silent: where it
is is unknown.

## Why

Article 13(1)(f) requires the notice to say "that the controller intends to transfer
personal data to a third country" and on which safeguard. A notice that embeds YouTube
videos, sends its newsletter with Mailchimp or measures visits with Google Analytics
while saying that no data leaves the EEA is most likely wrong: these providers process
data in the United States.

## Example

```reg
register visitors {
  purpose statistics {
    text en "We measure visits with Google Analytics."
    basis consent
  }
  transfers none
}
```

## Fix

Describe the transfer and its safeguard; for a provider certified under the EU-US Data
Privacy Framework, the adequacy decision with `certified eu-us-dpf` on the recipient:

```reg
register visitors {
  purpose statistics {
    text en "We measure visits with Google Analytics."
    basis consent
  }
  recipient analytics {
    name "Google LLC"
    role processor
    country US
    certified eu-us-dpf
  }
  transfer analytics-us {
    country US
    recipient analytics
    mechanism adequacy
  }
}
```
"#,
};

/// The known providers' names, as one list read once per language, and which entries are
/// whose.
struct ProviderNames {
    list: NameList,
    /// Per provider (in `known_providers` order), its entries in `list`.
    of: Vec<std::ops::Range<usize>>,
}

impl ProviderNames {
    fn new(providers: &[&'static Recipient]) -> ProviderNames {
        let mut names = Vec::new();
        let mut of = Vec::new();
        for p in providers {
            let start = names.len();
            names.extend(p.known_as.iter().map(|a| {
                (
                    a.lang.as_ref().map(|l| l.value.primary()),
                    a.name.value.as_str(),
                )
            }));
            names.extend(p.name.iter().map(|n| (None, n.value.as_str())));
            of.push(start..names.len());
        }
        ProviderNames {
            list: NameList::new(names),
            of,
        }
    }

    /// Per provider, whether one of `texts` names it: a provider none names has no
    /// finding, and most registers name none or one of the hundred.
    fn named_in(&self, texts: &[&Text]) -> Vec<bool> {
        let mut named = vec![false; self.of.len()];
        for entry in texts.iter().flat_map(|t| t.found_entries(&self.list)) {
            // `of` holds consecutive ranges in entry order.
            let k = self.of.partition_point(|r| r.end <= entry);
            if let Some(slot) = named.get_mut(k) {
                *slot = true;
            }
        }
        named
    }

    /// The words of `text` that name provider `k`: the longest (`Google Analytics` rather
    /// than `Google`).
    fn in_text(&self, k: usize, text: &Text) -> Option<String> {
        text.find_longest_listed(&self.list, self.of.get(k)?.clone())
    }
}

/// A recipient with its name, title and text read once for every provider looked for.
struct ReadRecipient<'a> {
    recipient: &'a Recipient,
    texts: Vec<Text<'a>>,
}

impl<'a> ReadRecipient<'a> {
    fn new(recipient: &'a Recipient) -> ReadRecipient<'a> {
        let mut texts: Vec<Text> = recipient
            .name
            .iter()
            .map(|n| Text::new(&n.value, None))
            .collect();
        for t in recipient.title.iter().chain(&recipient.text) {
            for (l, text) in &t.entries {
                texts.push(Text::new(&text.value, Some(l.value.primary())));
            }
        }
        ReadRecipient { recipient, texts }
    }

    fn names(&self, names: &ProviderNames, k: usize) -> bool {
        self.texts.iter().any(|t| names.in_text(k, t).is_some())
    }
}

impl Rule for ProviderTransferUnstated {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let none = match &cx.doc.register.transfers {
            Stated::NotStated => return,
            Stated::None => true,
            Stated::Listed(_) => false,
        };
        // The register's recipients: defined in it, or named from the top level.
        let mut recipients: Vec<&Recipient> = cx.ast.recipient_defs.iter().collect();
        // The register's own texts, then those of the recipients it names from the top level.
        let mut named: Vec<Entry> = Vec::new();
        for n in &cx.ast.recipients {
            if let Some(Def::Recipient(x)) = cx.scope.get(Ns::Recipient, &n.value) {
                recipients.push(x);
                let what = format!("recipient `{}`", x.id.value);
                if let Some(name) = &x.name {
                    named.push(Entry {
                        what: format!("the name of {what}"),
                        lang: None,
                        text: name,
                    });
                }
                for (label, t) in [("title", &x.title), ("text", &x.text)] {
                    for (l, text) in t.iter().flat_map(|t| &t.entries) {
                        named.push(Entry {
                            what: format!("the {label} of {what}"),
                            lang: Some(l.value.as_str()),
                            text,
                        });
                    }
                }
            }
        }
        let entries: Vec<&Entry> = cx.entries().iter().chain(&named).collect();
        // Each text is read once for every provider looked for in it (the register's own
        // once for O006 too).
        let named_texts: Vec<Text> = named.iter().map(Entry::read).collect();
        let texts: Vec<&Text> = cx.texts().iter().chain(&named_texts).collect();
        let providers = known_providers();
        // The standard library's providers are the same for every register: their names
        // are read (split, stemmed, indexed) once per thread.
        thread_local! {
            static NAMES: std::cell::OnceCell<std::rc::Rc<ProviderNames>> =
                const { std::cell::OnceCell::new() };
        }
        let names = NAMES.with(|n| {
            std::rc::Rc::clone(n.get_or_init(|| std::rc::Rc::new(ProviderNames::new(&providers))))
        });
        let named = names.named_in(&texts);
        // Most registers name no provider: their recipients and transfers are not read.
        if !named.contains(&true) {
            return;
        }
        let recipients: Vec<ReadRecipient> =
            recipients.into_iter().map(ReadRecipient::new).collect();
        // Per transfer, its texts and copies.
        let transfer_texts: Vec<Vec<Text>> = cx
            .ast
            .transfers
            .iter()
            .map(|t| {
                t.text
                    .iter()
                    .chain(&t.copy)
                    .flat_map(|x| &x.entries)
                    .map(|(l, text)| Text::new(&text.value, Some(l.value.primary())))
                    .collect()
            })
            .collect();
        for (k, p) in providers.iter().copied().enumerate() {
            if !named.get(k).copied().unwrap_or(false) {
                continue;
            }
            let abroad: Vec<Country> = p
                .countries
                .iter()
                .map(|c| c.value)
                .filter(|c| !facts::in_eea(cx.scope, *c))
                .collect();
            let Some(country) = abroad.first().copied() else {
                continue;
            };
            // Named as a recipient itself, or by a recipient that says where it is.
            if recipients.iter().any(|x| {
                std::ptr::eq(x.recipient, p)
                    || (!x.recipient.countries.is_empty() && x.names(&names, k))
            }) {
                continue;
            }
            let Some((entry, words)) = entries
                .iter()
                .zip(&texts)
                .find_map(|(e, text)| names.in_text(k, text).map(|w| (e, w)))
            else {
                continue;
            };
            let covered = cx
                .ast
                .transfers
                .iter()
                .zip(&transfer_texts)
                .any(|(t, texts)| {
                    t.countries
                        .iter()
                        .any(|c| abroad.contains(&c.value) || c.value == Country::OutsideEea)
                        || t.recipients.iter().any(|r| {
                            recipients
                                .iter()
                                .any(|x| x.recipient.id.value == r.value && x.names(&names, k))
                        })
                        || texts.iter().any(|text| names.in_text(k, text).is_some())
                });
            if covered {
                continue;
            }
            let provider = p
                .name
                .as_ref()
                .map_or(p.id.value.as_str(), |n| n.value.as_str());
            let but = if none {
                "but the register says `transfers none`".to_string()
            } else {
                format!("but no transfer covers `{country}`")
            };
            let mechanism = if p.certified.iter().any(|c| c.value == "eu-us-dpf") {
                format!(
                    "`mechanism adequacy` and `certified eu-us-dpf` on the recipient ({provider} is certified under the EU-US Data Privacy Framework)"
                )
            } else {
                "`mechanism scc` and a `copy` text, or the safeguard that applies".to_string()
            };
            out.push(
                Finding::new(
                    entry.text.span,
                    format!(
                        "{} names `{words}`, a service of {provider} in `{country}`, outside the EEA, {but}",
                        entry.name()
                    ),
                    format!("likely a transfer to `{country}`"),
                )
                .help(format!(
                    "if personal data reaches {provider}, state the transfer: `transfer {id}-transfer {{ country {country}  recipient …  mechanism … }}` (one statement a line) with {mechanism}; if none does, say so with `allow T007 because \"…\"`",
                    id = p.id.value
                )),
            );
        }
    }
}
