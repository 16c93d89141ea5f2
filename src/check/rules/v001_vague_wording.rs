//! V001 vague-wording.

use crate::check::hedge::hedges;
use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::resolve::scope::{Def, Ns};
use crate::syntax::ast::LocalText;

pub struct VagueWording;

/// The names `wording::register_texts` gives the texts V001 reads.
const SAYS_WHAT_IS_DONE: &[&str] = &[
    "the text of purpose",
    "the interest of purpose",
    "the title of recipient",
    "the text of recipient",
    "the retention criteria",
    "a retention text",
    "the text of transfer",
    "how to get a copy in transfer",
    "the note on right",
    "the restriction of right",
];

static INFO: RuleInfo = RuleInfo {
    code: "V001",
    name: "vague-wording",
    severity: Severity::Warning,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "12(1), WP260",
    summary: "information must be given in clear and plain language, without hedging",
    explanation: r#"## What it checks

Hedging words in the texts that say what is done with the data: purposes (`text`,
`interest`), recipients (`title`, `text`), retention (`text`, `criteria`), transfers
(`text`, `copy`) and the notes on rights: in English "may", "might", "some", "often",
"possible"; in Finnish "voida", "saattaa", "joitakin", "mahdollisesti"; in Swedish "kan",
"kan komma att", "vissa", "eventuellt". One finding per text and language, listing the words.

A word is a hedge only when it qualifies what the controller does, read from its clause:

- the subject: "we", "vi", "voimme", a passive ("voidaan", "may be disclosed") or a third
  party hedge; the reader ("you", "du", "voit"), a data subject ("members", "jäsen") or the
  reader's own thing ("your browser can be set") make it a permission or an ability;
- "only" (a limit), consent or request (the person's choice) and a negation ("kan inte")
  make it no hedge; so does a relative clause with an active verb ("uppgifter som kan
  identifiera dig": what something is able to do);
- "some", "vissa", "joitakin" hedge only when they leave the data open ("some of your
  data"), not in "in some cases"; "kan komma att" and "might" always hedge.

Finnish verbs are read by person ending, other words by Snowball stem.

## Why

Article 12(1) requires information "in a concise, transparent, intelligible and easily
accessible form, using clear and plain language". The Article 29 Working Party's
transparency guidelines (WP260 rev.01, paragraph 13) name qualifiers such as "may",
"might", "some", "often" and "possible" as language to avoid: they leave the reader unable
to tell what is actually done with their data.

## Example

```reg
register customers {
  purpose analytics {
    text en "We may use some of your data to improve the site."
    basis consent
  }
}
```

## Fix

Say what is done:

```reg
register customers {
  purpose analytics {
    text en "We count page views per product to decide which products to show first."
    basis consent
  }
}
```
"#,
};

impl Rule for VagueWording {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        // The texts that say what is done with the data: purposes, recipients, retention,
        // transfers and the notes on rights (not titles of data or the register, which name).
        let mut texts: Vec<(String, &LocalText)> = cx
            .named_texts()
            .iter()
            .filter(|t| SAYS_WHAT_IS_DONE.iter().any(|p| t.what.starts_with(p)))
            .map(|t| (t.what.clone(), t.text))
            .collect();
        // Recipients declared outside the register and named in `recipients …`.
        let named =
            cx.ast
                .recipients
                .iter()
                .filter_map(|n| match cx.scope.get(Ns::Recipient, &n.value) {
                    Some(Def::Recipient(x)) => Some(x),
                    _ => None,
                });
        for x in named {
            let id = &x.id.value;
            for (what, text) in [("title", &x.title), ("text", &x.text)] {
                if let Some(t) = text {
                    texts.push((format!("the {what} of recipient `{id}`"), t));
                }
            }
        }
        for (what, text) in texts {
            for (lang, t) in &text.entries {
                let words = hedges(&t.value, lang.value.primary());
                if words.is_empty() {
                    continue;
                }
                let list: Vec<String> = words.iter().map(|p| format!("`{p}`")).collect();
                out.push(
                    Finding::new(
                        t.span,
                        format!(
                            "{what} (`{}`) hedges with {}",
                            lang.value,
                            list.join(", ")
                        ),
                        "vague wording",
                    )
                    .help("say what is actually done, to which data, and when: e.g. `text en \"We send the invoice address to our accounting firm.\"` instead of \"we may share some data\""),
                );
            }
        }
    }
}
