//! X004 inconsistent-retention.

use std::collections::BTreeMap;

use compact_str::CompactString;

use crate::check::{Applies, Finding, ProgramCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::source::Span;
use crate::syntax::ast::{Register, Retention, RetentionRule};
use crate::syntax::values::{Duration, DurationUnit};

pub struct InconsistentRetention;

static INFO: RuleInfo = RuleInfo {
    code: "X004",
    name: "inconsistent-retention",
    severity: Severity::Info,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "",
    summary: "the same data category is kept for different periods in different registers",
    explanation: r#"## What it checks

A data category that two registers of the same controller, checked together, keep for
different periods (registers of different controllers are not compared): a
`retention` block whose `data` list names it, or a purpose's retention, which covers the
purpose's `data`. `12 months` and `1 year` count as the same period; free-text
`criteria` are not compared.

## Why

When the customer register deletes e-mail addresses after two years and the newsletter
register keeps them for five, one of the two notices is probably wrong, or the data is
really kept for the longer period in both. Either way people get two answers to one
question. The difference may be right (different uses, different laws): then this is
only a prompt to check.

## Example

```reg
register customers {
  data email
  retention 2 years after last-contact {
    data email
  }
}

register newsletter {
  data email
  retention 5 years after last-contact {
    data email
  }
}
```

## Fix

Keep the category for the same period in both registers (or give each its own category
when the uses really differ):

```reg
register customers {
  data email
  retention 2 years after last-contact {
    data email
  }
}

register newsletter {
  data email
  retention 2 years after last-contact {
    data email
  }
}
```
"#,
};

/// A retention period as compared: the period in one unit, the event, the law.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    /// `at least` or `at most`; none for an exact period.
    bound: Option<&'static str>,
    amount: u64,
    days: bool,
    after: Option<String>,
    under: Option<String>,
    until: Option<String>,
}

pub struct Seen {
    key: Key,
    shown: String,
    span: Span,
}

fn key_of(x: &Retention) -> Option<(Key, String)> {
    match &x.rule {
        RetentionRule::Period {
            bound,
            duration,
            after,
            under,
        } => {
            let (amount, days) = normalise(duration.value);
            let after = after.as_ref().map(|n| n.value.to_string());
            let under = under.as_ref().map(|n| n.value.to_string());
            let bound = bound.as_ref().map(|b| b.value.words());
            let mut shown = duration.value.to_string();
            if let Some(b) = bound {
                shown = format!("{b} {shown}");
            }
            if let Some(a) = &after {
                shown.push_str(&format!(" after {a}"));
            }
            if let Some(u) = &under {
                shown.push_str(&format!(" under {u}"));
            }
            Some((
                Key {
                    bound,
                    amount,
                    days,
                    after,
                    under,
                    until: None,
                },
                shown,
            ))
        }
        RetentionRule::Until(event) => Some((
            Key {
                bound: None,
                amount: 0,
                days: false,
                after: None,
                under: None,
                until: Some(event.value.to_string()),
            },
            format!("until {}", event.value),
        )),
        RetentionRule::Criteria(_) | RetentionRule::NotKept => None,
    }
}

/// Months for years and months; minutes for the fixed lengths (weeks, days, hours,
/// minutes), so `24 hours` is `1 day`. The flag tells the two scales apart.
fn normalise(d: Duration) -> (u64, bool) {
    let amount = u64::from(d.amount);
    match d.unit {
        DurationUnit::Years => (amount * 12, false),
        DurationUnit::Months => (amount, false),
        DurationUnit::Weeks => (amount * 7 * 24 * 60, true),
        DurationUnit::Days => (amount * 24 * 60, true),
        DurationUnit::Hours => (amount * 60, true),
        DurationUnit::Minutes => (amount, true),
    }
}

/// The data a retention block names, each with where it is named.
fn explicit(x: &Retention) -> Vec<(&str, Span)> {
    x.data.iter().map(|n| (n.value.as_str(), n.span)).collect()
}

/// Each data category a register names in a retention, with the periods it gives it.
pub type Periods = BTreeMap<CompactString, Vec<Seen>>;

/// The periods a register gives each data category it names in a retention.
pub fn periods(r: &Register) -> Periods {
    let mut collected: Vec<(&Retention, Vec<(&str, Span)>)> = Vec::new();
    for x in r.retention.iter().filter(|x| !x.data.is_empty()) {
        collected.push((x, explicit(x)));
    }
    for p in &r.purposes {
        for x in &p.retention {
            let data = if x.data.is_empty() {
                p.data.iter().map(|n| (n.value.as_str(), x.span)).collect()
            } else {
                explicit(x)
            };
            collected.push((x, data));
        }
    }
    let mut out = Periods::new();
    for (x, data) in collected {
        let Some((key, shown)) = key_of(x) else {
            continue;
        };
        for (id, span) in data {
            out.entry(CompactString::from(id)).or_default().push(Seen {
                key: key.clone(),
                shown: shown.clone(),
                span,
            });
        }
    }
    out
}

impl Rule for InconsistentRetention {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_program(&self, cx: &ProgramCx, out: &mut Vec<Finding>) {
        // Only one controller's registers answer to the same people for the same data:
        // another controller's periods are its own.
        let all: Vec<(&str, Option<&str>, &Periods)> = cx
            .registers
            .iter()
            .map(|r| {
                let controller = r.controller.as_ref().map(|c| c.value.as_str());
                (r.name.value.as_str(), controller, &r.periods)
            })
            .collect();
        for (j, (later, controller, later_periods)) in all.iter().enumerate() {
            for (data, seen) in *later_periods {
                let earlier = all.iter().take(j).find_map(|(name, other, periods)| {
                    if other != controller {
                        return None;
                    }
                    let before = periods.get(data)?;
                    let here = seen
                        .iter()
                        .find(|s| !before.iter().any(|b| b.key == s.key))?;
                    let there = before
                        .iter()
                        .find(|b| !seen.iter().any(|s| s.key == b.key))?;
                    Some((name, here, there))
                });
                let Some((name, here, there)) = earlier else {
                    continue;
                };
                out.push(
                    Finding::new(
                        here.span,
                        format!(
                            "data `{data}` is kept `{}` in register `{later}` but `{}` in register `{name}`",
                            here.shown, there.shown
                        ),
                        format!("`{}` here", here.shown),
                    )
                    .also(there.span, format!("`{}` in register `{name}`", there.shown))
                    .help(format!(
                        "give `{data}` the same period in both registers, e.g. `retention {}` with `data {data}`, or use a separate data category where the uses differ",
                        there.shown
                    )),
                );
            }
        }
    }
}
