//! V001 vague-wording.

use crate::check::wording::{Vague, vague_phrases};
use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::resolve::scope::{Def, Ns};
use crate::syntax::ast::{LocalText, Retention, RetentionRule};

pub struct VagueWording;

static INFO: RuleInfo = RuleInfo {
    code: "V001",
    name: "vague-wording",
    severity: Severity::Warning,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "12(1), WP260",
    summary: "information must be given in clear and plain language, without hedging",
    explanation: r#"## What it checks

Hedging words in the texts of purposes (`text`, `interest`), recipients (`title`, `text`)
and retention (`text`, `criteria`): in English "may", "might", "some", "often",
"possible"; in Finnish "saattaa", "voi", "joitakin"; in Swedish "kan", "vissa",
"eventuellt", and the like. One finding per text and language, listing the words found.

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
        let mut texts: Vec<(String, &LocalText)> = Vec::new();
        for p in &cx.ast.purposes {
            let id = &p.id.value;
            push(&mut texts, format!("the text of purpose `{id}`"), &p.text);
            push(
                &mut texts,
                format!("the interest of purpose `{id}`"),
                &p.interest,
            );
            for x in &p.retention {
                retention(&mut texts, x, &format!(" of purpose `{id}`"));
            }
        }
        let named =
            cx.ast
                .recipients
                .iter()
                .filter_map(|n| match cx.scope.get(Ns::Recipient, &n.value) {
                    Some(Def::Recipient(x)) => Some(x),
                    _ => None,
                });
        for x in cx.ast.recipient_defs.iter().chain(named) {
            let id = &x.id.value;
            push(
                &mut texts,
                format!("the title of recipient `{id}`"),
                &x.title,
            );
            push(&mut texts, format!("the text of recipient `{id}`"), &x.text);
        }
        for x in &cx.ast.retention {
            retention(&mut texts, x, "");
        }
        for (what, text) in texts {
            for (lang, t) in &text.entries {
                let phrases = vague_phrases(&t.value, lang.value.primary(), Vague::Hedge);
                if phrases.is_empty() {
                    continue;
                }
                let list: Vec<String> = phrases.iter().map(|p| format!("`{p}`")).collect();
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

fn push<'a>(out: &mut Vec<(String, &'a LocalText)>, what: String, text: &'a Option<LocalText>) {
    if let Some(t) = text {
        out.push((what, t));
    }
}

fn retention<'a>(out: &mut Vec<(String, &'a LocalText)>, x: &'a Retention, whose: &str) {
    if let RetentionRule::Criteria(c) = &x.rule {
        out.push((format!("the retention criteria{whose}"), c));
    }
    push(out, format!("a retention text{whose}"), &x.text);
}
