//! `allow CODE because "reason"`: silences findings of CODE inside the block the `allow`
//! stands in. An allow that silences nothing is itself reported (X005), and so is one
//! naming a code no rule has (X006).

use super::{Finding, RegisterCx, diagnostic};
use crate::diagnostic::Diagnostic;
use crate::source::Span;
use crate::syntax::ast::Allow;
use crate::syntax::visit::{Visitor, walk_register};

/// Every allow of a register, and of its controller, with the span it covers.
fn allows<'a>(cx: &RegisterCx<'a>) -> Vec<(&'a Allow, Span)> {
    struct Allows<'a>(Vec<(&'a Allow, Span)>);
    impl<'a> Visitor<'a> for Allows<'a> {
        fn allow(&mut self, allow: &'a Allow, scope: Span) {
            self.0.push((allow, scope));
        }
    }
    let mut found = Allows(Vec::new());
    walk_register(cx.ast, &mut found);
    let mut out = found.0;
    if let Some(c) = cx.controller {
        out.extend(c.allows.iter().map(|a| (a, c.span)));
    }
    out
}

fn covers(scope: Span, span: Span) -> bool {
    scope.source == span.source && scope.start <= span.start && span.end <= scope.end
}

/// The findings no allow silences, plus X005/X006 for allows that are wrong.
pub fn apply(cx: &RegisterCx, found: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let allows = allows(cx);
    let mut used = vec![false; allows.len()];
    let mut kept = Vec::new();
    for d in found {
        let silenced = allows.iter().position(|(a, scope)| {
            d.code == a.code.value.as_str() && covers(*scope, d.primary.span)
        });
        match silenced {
            Some(i) => {
                if let Some(u) = used.get_mut(i) {
                    *u = true;
                }
            }
            None => kept.push(d),
        }
    }
    for ((allow, _), used) in allows.iter().zip(used) {
        let code = allow.code.value.as_str();
        let report = if super::rule(code).is_none() {
            super::rule("X006").map(|r| (r, unknown(allow)))
        } else if !used {
            super::rule("X005").map(|r| (r, unused(allow)))
        } else {
            None
        };
        kept.extend(
            report.and_then(|(rule, f)| diagnostic(rule, f, &cx.profiles, cx.jurisdiction())),
        );
    }
    kept
}

fn unknown(allow: &Allow) -> Finding {
    Finding::new(
        allow.code.span,
        format!("no rule has the code `{}`", allow.code.value),
        "unknown code",
    )
    .help("`regc explain --list` lists the rule codes; check the spelling")
}

fn unused(allow: &Allow) -> Finding {
    Finding::new(
        allow.span,
        format!("`allow {}` silences nothing here", allow.code.value),
        "no such finding in this block",
    )
    .help("remove the `allow`, or move it into the block where the finding is")
}
