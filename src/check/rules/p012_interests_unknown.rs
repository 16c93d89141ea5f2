//! P012 interests-unknown.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::resolve::model;
use crate::syntax::ast;

pub struct InterestsUnknown;

static INFO: RuleInfo = RuleInfo {
    code: "P012",
    name: "interests-unknown",
    severity: Severity::Warning,
    ropa_severity: None,
    applies: Applies::NoticeOnly,
    articles: "13(1)(d), 21(1)",
    summary: "with no valid legal basis anywhere, people cannot tell whether legitimate interests are relied on",
    explanation: r#"## What it checks

A register in which no purpose rests on a legal basis people can rely on: every purpose
either has no `basis`, or rests only on consent that is not valid consent (taken from using
the site, from accepting the notice, from a box ticked in advance, or bundled with the
terms, see P011). A register without any `purpose` counts too.

P002 and P011 say, purpose by purpose, that the basis is missing or invalid. This rule says
what that costs the reader once, for the whole notice.

In a register where other purposes do state a basis, a `direct-marketing` purpose with no
valid basis is reported on its own: direct marketing without consent can only rest on
legitimate interests (Recital 47), so its interest is owed.

## Why

Article 13(1)(d) requires, "where the processing is based on point (f) of Article 6(1), the
legitimate interests pursued by the controller or by a third party". Processing that goes on
without consent still needs a basis, and for most private controllers that basis is
legitimate interests. When the notice states no valid basis at all, nobody can tell whether
it relies on legitimate interests, which interests those are, or whether they may object
under Article 21(1), which only applies to Art. 6(1)(e) and (f). Recital 47 names direct
marketing as processing that may rest on legitimate interests; people may object to it at
any time (Art. 21(2)).

## Example

```reg
register members {
  purpose membership {
    text en "Keeping the member list and sending the club newsletter."
  }
}
```

## Fix

Give each purpose the basis it really rests on; where that is legitimate interests, say
which:

```reg
register members {
  purpose membership {
    text en "Keeping the member list and sending the club newsletter."
    basis legitimate-interest
    interest en "Running the club's activities for its members."
  }
}
```
"#,
};

impl Rule for InterestsUnknown {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        if cx
            .purposes()
            .any(|(p, resolved)| has_valid_basis(p, resolved))
            || !cx.ast.bases.is_empty()
        {
            direct_marketing_without_basis(cx, out);
            return;
        }
        let mut purposes = cx.ast.purposes.iter();
        let (span, message) = match purposes.next() {
            None => (
                cx.ast.id.span,
                format!("register `{}` states no legal basis at all, so nobody can tell whether it relies on legitimate interests", cx.ast.id.value),
            ),
            Some(first) => (
                first.id.span,
                "no purpose states a valid legal basis, so nobody can tell whether the register relies on legitimate interests".to_string(),
            ),
        };
        let mut finding = Finding::new(span, message, "no valid basis")
            .help("give each purpose the basis it rests on; where that is `legitimate-interest`, add `interest en \"…\"` naming the interest");
        for p in purposes {
            finding = finding.also(p.id.span, "no valid basis either");
        }
        out.push(finding);
    }
}

/// Direct marketing with no valid basis: without consent it can only rest on legitimate
/// interests (Recital 47), so the notice owes the interest and the right to object to it.
fn direct_marketing_without_basis(cx: &RegisterCx, out: &mut Vec<Finding>) {
    for (p, resolved) in cx.purposes() {
        let Some(marked) = p.direct_marketing else {
            continue;
        };
        if has_valid_basis(p, resolved) {
            continue;
        }
        out.push(
            Finding::new(
                p.id.span,
                format!(
                    "purpose `{}` is direct marketing with no valid legal basis: without consent it rests on legitimate interests, and the notice names none",
                    p.id.value
                ),
                "which basis, and whose interest?",
            )
            .also(marked, "direct marketing (Recital 47)")
            .help("add `basis consent` with how it is asked (`consent opt-in`), or `basis legitimate-interest` with `interest en \"…\"`"),
        );
    }
}

/// A basis people can rely on: any basis but consent obtained in a way that is not consent.
fn has_valid_basis(p: &ast::Purpose, resolved: &model::Purpose) -> bool {
    let invalid_consent = p.consent.as_ref().is_some_and(|m| !m.value.is_valid());
    resolved
        .bases
        .iter()
        .any(|b| !(invalid_consent && is_consent(b)))
}

fn is_consent(basis: &model::Reference) -> bool {
    basis.id == "consent" || basis.article.as_deref() == Some("6(1)(a)")
}
