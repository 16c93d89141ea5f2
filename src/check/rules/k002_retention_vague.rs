//! K002 retention-vague.

use crate::check::wording::{RetentionReading, read_event, read_retention, stem, words};
use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::resolve::scope::{Def, Ns};
use crate::syntax::ast::{Fact, FactKind, LocalText, Name, RetentionBound, RetentionRule};

pub struct RetentionVague;

static INFO: RuleInfo = RuleInfo {
    code: "K002",
    name: "retention-vague",
    severity: Severity::Warning,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "13(2)(a), WP260",
    summary: "retention must be a period or an event, not free text such as \"as long as necessary\"",
    explanation: r#"## What it checks

A `retention criteria …` that gives no period and no event, such as "as long as
necessary", "niin pitkään kuin laki velvoittaa" or "så länge det behövs". Criteria are not
vague when they give a period (a number and a unit of time in any inflection: "10
minuuttia", "7 timmar", "14 days"), a determinable event ("kunnes jäsen eroaa", "when the
member leaves", "efter att räkenskapsåret avslutats") or say the data is not kept ("ei
säilytetä", "is not stored"); each sentence that says data is kept must give its own
period or event. A phrase WP260 calls unclear, "at least …" or a need that ends ("when no
longer needed") stays vague whatever else the text says.

A period given only as a minimum (`retention at least 7 hours`) is vague too, unless a law
(`under …`) or a legal duty named in its `text` sets that minimum: "at least" says when the
data may go, not when it will.

The phrases of a user's own `event` that a retention runs from or until are read the same
way: "for the duration of your involvement" is no event; "the member leaves the club" is.

## Why

Article 13(2)(a) requires "the period for which the personal data will be stored, or if
that is not possible, the criteria used to determine that period". The Article 29 Working
Party's transparency guidelines (WP260 rev.01) say it is not sufficient to state generally
that data will be kept as long as necessary for the legitimate purposes: the period
should be given so that people can tell, for each category of data, how long it is kept.

## Example

```reg
register customers {
  retention criteria en "We keep the data as long as necessary."
}
```

## Fix

Give a period from an event, a period a law sets, or the event that ends it:

```reg
register customers {
  retention 2 years after end-of-customer-relationship
}
```

If the criteria really are the best that can be said, keep them and give the reason:
`allow K002 because "…"`.
"#,
};

impl Rule for RetentionVague {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let r = cx.ast;
        let all = r
            .retention
            .iter()
            .chain(r.purposes.iter().flat_map(|p| p.retention.iter()));
        let mut events_seen: Vec<&str> = Vec::new();
        for x in all {
            let event = match &x.rule {
                RetentionRule::Criteria(criteria) => {
                    if !follows_a_kept_category(cx, criteria) {
                        criteria_finding(criteria, out);
                    }
                    continue;
                }
                RetentionRule::Period {
                    bound: Some(bound),
                    under: None,
                    after,
                    ..
                } if bound.value == RetentionBound::AtLeast
                    && !x.text.as_ref().is_some_and(names_a_duty) =>
                {
                    out.push(minimum_only_finding(bound.span));
                    after.as_ref()
                }
                RetentionRule::Period { after, .. } => after.as_ref(),
                RetentionRule::Until(name) => Some(name),
                RetentionRule::NotKept => None,
            };
            let Some(name) = event else { continue };
            let ns = Ns::Fact(FactKind::Event);
            if cx.scope.is_std(ns, &name.value) || events_seen.contains(&name.value.as_str()) {
                continue;
            }
            if let Some(Def::Fact(fact)) = cx.scope.get(ns, &name.value) {
                events_seen.push(&name.value);
                event_finding(fact, name, out);
            }
        }
    }
}

/// `at least …` with no law and no legal duty behind it: a minimum says when the data may
/// go, not when it will, so the period is open.
fn minimum_only_finding(bound: crate::source::Span) -> Finding {
    Finding::new(
        bound,
        "the retention gives only a minimum, so nobody can tell when the data is deleted",
        "at least, and at most?",
    )
    .help("give the end as well: an exact period (`retention 7 days after …`), an upper bound (`retention at most 30 days …`), or the law that sets the minimum (`under …`)")
}

/// Whether a text grounds a period in a legal duty ("kirjanpitovelvoitteen vuoksi", "as the
/// law requires", "enligt bokföringslagen"): a statutory minimum is a criterion people can
/// check. Long stems are found inside compounds, short ones only at the start of a word.
fn names_a_duty(text: &LocalText) -> bool {
    const INSIDE: &[&str] = &[
        "velvoit",
        "lakisäät",
        "skyldighet",
        "bokför",
        "författning",
        "rättslig",
        "kirjanpito",
        "lagstift",
        "statut",
        "legislat",
        "obligation",
    ];
    const START: &[&str] = &[
        "law", "legal", "act", "laki", "lain", "lais", "lag", "lagen",
    ];
    text.entries.iter().any(|(_, t)| {
        words(&t.value)
            .iter()
            .any(|w| INSIDE.iter().any(|s| w.contains(s)) || START.iter().any(|s| w.starts_with(s)))
    })
}

/// Words that say one thing is kept as long as another: "kept with the logs", "lokien
/// mukana", "lika länge som fakturorna".
const FOLLOWS: &[(&str, &[&str])] = &[
    ("en", &["with", "alongside", "as", "same"]),
    (
        "fi",
        &["mukana", "kanssa", "kuin", "samoin", "samaan", "yhdessä"],
    ),
    ("sv", &["med", "som", "samma", "tillsammans"]),
];

/// Words too general to name a data category: "the data", "tiedot", "uppgifterna".
const GENERAL: &[&str] = &[
    "data",
    "information",
    "detail",
    "tieto",
    "tiedo",
    "tied",
    "uppgift",
    "personuppgift",
];

/// Whether criteria keep their data as long as another data category of the register that
/// has a period or an event of its own ("IP addresses are kept with the access logs"), so
/// the period is that category's. Words are compared by stem, and Finnish and Swedish
/// compounds end in their head word: "lokien" names "tarkastusloki".
fn follows_a_kept_category(cx: &RegisterCx, criteria: &LocalText) -> bool {
    let kept: Vec<&str> = cx
        .ast
        .retention
        .iter()
        .chain(cx.ast.purposes.iter().flat_map(|p| p.retention.iter()))
        .filter(|x| !matches!(x.rule, RetentionRule::Criteria(_)))
        .flat_map(|x| x.data.iter().map(|n| n.value.as_str()))
        .collect();
    criteria.entries.iter().any(|(lang, text)| {
        let lang = lang.value.primary();
        let Some((_, markers)) = FOLLOWS.iter().find(|(l, _)| *l == lang) else {
            return false;
        };
        let said = words(&text.value);
        if !said.iter().any(|w| markers.contains(&w.as_str())) {
            return false;
        }
        let named: Vec<String> = said
            .iter()
            .map(|w| stem(w, lang).into_owned())
            .filter(|s| s.chars().count() >= 3 && !GENERAL.contains(&s.as_str()))
            .collect();
        cx.doc
            .register
            .data
            .iter()
            .filter(|d| kept.contains(&d.id.as_str()))
            .any(|d| {
                let title = d.title.get(lang).map_or("", String::as_str);
                words(&format!("{} {title}", d.id.replace('-', " ")))
                    .iter()
                    .any(|w| {
                        let head = stem(w, lang);
                        named
                            .iter()
                            .any(|s| w.ends_with(s.as_str()) || head.ends_with(s.as_str()))
                    })
            })
    })
}

/// A `retention criteria …` that gives no period, no event and does not say the data is
/// not kept.
fn criteria_finding(criteria: &LocalText, out: &mut Vec<Finding>) {
    let mut label = None;
    for (lang, text) in &criteria.entries {
        match read_retention(&text.value, lang.value.primary()) {
            RetentionReading::Vague(Some(phrase)) => {
                label = Some(format!("\"{phrase}\" is what WP260 calls unclear"));
                break;
            }
            RetentionReading::Vague(None) => {}
            _ => return,
        }
    }
    let quoted = criteria
        .entries
        .first()
        .map_or_else(String::new, |(_, t)| format!(" \"{}\"", shorten(&t.value)));
    let message = format!("retention criteria{quoted} give no period or event");
    out.push(
        Finding::new(criteria.span, message, label.unwrap_or_else(|| "no period or event".to_string()))
            .help("state a period from an event, e.g. `retention 2 years after end-of-customer-relationship`, or `retention until consent-withdrawn`; keep the original wording as `text en \"…\"` in its block"),
    );
}

/// A user's `event` whose phrases describe a state that lasts or a need that ends instead of
/// something that happens: judged as criteria are.
fn event_finding(fact: &Fact, used: &Name, out: &mut Vec<Finding>) {
    let texts = [&fact.title, &fact.after, &fact.until];
    for text in texts.into_iter().flatten() {
        for (lang, t) in &text.entries {
            if let RetentionReading::Vague(Some(phrase)) =
                read_event(&t.value, lang.value.primary())
            {
                out.push(
                    Finding::new(
                        used.span,
                        format!(
                            "event `{}`, which a retention runs from or until, is no event: \"{}\"",
                            used.value,
                            shorten(&t.value)
                        ),
                        format!("\"{phrase}\" lasts; it does not happen"),
                    )
                    .help("name something that happens on a day people can tell, e.g. `after en \"after the member leaves the club\"`"),
                );
                return;
            }
        }
    }
}

/// At most 60 characters of a text, on one line.
fn shorten(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= 60 {
        return line;
    }
    let cut: String = line.chars().take(59).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use crate::check::wording::stem;

    #[test]
    fn an_inflected_head_word_shares_the_stem_of_its_compound() {
        for (word, compound, lang) in [
            ("lokien", "tarkastusloki", "fi"),
            ("pääsylokien", "pääsyloki", "fi"),
            ("loggarna", "åtkomstloggar", "sv"),
            ("logs", "access-log", "en"),
        ] {
            let s = stem(word, lang);
            assert!(
                stem(compound, lang).ends_with(s.as_ref()),
                "{word} → {s}, {compound} → {}",
                stem(compound, lang)
            );
        }
    }
}
