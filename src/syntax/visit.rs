//! One walk over a register's statements. The passes that read every text people see
//! (vague wording, placeholders, translations) and every `allow` go through it, so a new
//! statement joins them all by being added here once.

use super::ast::{Allow, AutomatedDecisions, LocalText, Register, Retention, RetentionRule};
use crate::source::Span;

/// What a pass wants from the walk; each method has an empty default.
pub trait Visitor<'a> {
    /// A text people read. `what` names it for messages ("the text of purpose `ads`"); it
    /// is a function so that passes that do not print it do not pay for it.
    fn text(&mut self, _what: &dyn Fn() -> String, _text: &'a LocalText) {}

    /// An `allow`, with the span of the block whose findings it may silence.
    fn allow(&mut self, _allow: &'a Allow, _scope: Span) {}
}

/// Visits a register's texts and `allow`s, each kind in the order the register states them.
pub fn walk_register<'a>(r: &'a Register, v: &mut dyn Visitor<'a>) {
    allows(v, &r.allows, r.span);
    optional(v, &|| "the title".into(), &r.title);
    optional(v, &|| "the register's interest".into(), &r.interest);
    for p in &r.purposes {
        let id = &p.id.value;
        allows(v, &p.allows, p.span);
        optional(v, &|| format!("the title of purpose `{id}`"), &p.title);
        optional(v, &|| format!("the text of purpose `{id}`"), &p.text);
        optional(
            v,
            &|| format!("the interest of purpose `{id}`"),
            &p.interest,
        );
        if let Some(q) = &p.requirement {
            optional(
                v,
                &|| format!("the consequence in purpose `{id}`"),
                &q.consequence,
            );
        }
        for x in &p.retention {
            retention(v, x, &format!(" of purpose `{id}`"));
        }
    }
    for d in &r.data_defs {
        let id = &d.id.value;
        optional(v, &|| format!("the title of data `{id}`"), &d.title);
        optional(v, &|| format!("the text of data `{id}`"), &d.text);
    }
    for s in &r.subject_defs {
        let id = &s.id.value;
        optional(v, &|| format!("the title of subject `{id}`"), &s.title);
    }
    for s in &r.source_defs {
        let id = &s.id.value;
        optional(v, &|| format!("the title of source `{id}`"), &s.title);
        optional(v, &|| format!("the text of source `{id}`"), &s.text);
    }
    for x in &r.recipient_defs {
        let id = &x.id.value;
        optional(v, &|| format!("the title of recipient `{id}`"), &x.title);
        optional(v, &|| format!("the text of recipient `{id}`"), &x.text);
    }
    for t in &r.transfers {
        let id = &t.id.value;
        optional(
            v,
            &|| format!("how to get a copy in transfer `{id}`"),
            &t.copy,
        );
        optional(v, &|| format!("the text of transfer `{id}`"), &t.text);
        allows(v, &t.allows, t.span);
    }
    for x in &r.retention {
        retention(v, x, "");
    }
    if let Some(AutomatedDecisions::Described {
        logic,
        significance,
        consequences,
        ..
    }) = r.automated_decisions.as_deref()
    {
        optional(v, &|| "the logic of automated decisions".into(), logic);
        optional(
            v,
            &|| "the significance of automated decisions".into(),
            significance,
        );
        optional(
            v,
            &|| "the consequences of automated decisions".into(),
            consequences,
        );
    }
    for (i, s) in r.security.iter().enumerate() {
        v.text(&|| format!("security measure {}", i + 1), s);
    }
    for x in &r.sections {
        let id = &x.id.value;
        optional(v, &|| format!("the title of section `{id}`"), &x.title);
        optional(v, &|| format!("the text of section `{id}`"), &x.text);
    }
    for n in &r.rights {
        let id = &n.right.value;
        optional(v, &|| format!("the note on right `{id}`"), &n.note);
        optional(
            v,
            &|| format!("the restriction of right `{id}`"),
            &n.restriction,
        );
    }
}

fn optional<'a>(v: &mut dyn Visitor<'a>, what: &dyn Fn() -> String, text: &'a Option<LocalText>) {
    if let Some(text) = text {
        v.text(what, text);
    }
}

fn allows<'a>(v: &mut dyn Visitor<'a>, allows: &'a [Allow], scope: Span) {
    for a in allows {
        v.allow(a, scope);
    }
}

fn retention<'a>(v: &mut dyn Visitor<'a>, x: &'a Retention, whose: &str) {
    if let RetentionRule::Criteria(c) = &x.rule {
        v.text(&|| format!("the retention criteria{whose}"), c);
    }
    optional(v, &|| format!("a retention text{whose}"), &x.text);
    allows(v, &x.allows, x.span);
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;
    use crate::source::SourceId;
    use crate::syntax::ast::Item;

    #[derive(Default)]
    struct Seen {
        texts: Vec<String>,
        allows: Vec<(String, Span)>,
    }

    impl<'a> Visitor<'a> for Seen {
        fn text(&mut self, what: &dyn Fn() -> String, _text: &'a LocalText) {
            self.texts.push(what());
        }
        fn allow(&mut self, allow: &'a Allow, scope: Span) {
            self.allows.push((allow.code.value.to_string(), scope));
        }
    }

    #[test]
    fn the_walk_reaches_texts_and_allows_in_every_block() {
        let text = "register r {\n  title en \"T\"\n  allow K001 because \"a\"\n  purpose p {\n    text en \"P\"\n    allow P004 because \"b\"\n    retention 1 years after last-contact {\n      text en \"R\"\n      allow K002 because \"c\"\n    }\n  }\n  transfer t {\n    copy en \"C\"\n    allow T004 because \"d\"\n  }\n  right access {\n    note en \"N\"\n  }\n}\n";
        let module = crate::syntax::parse_module(SourceId(0), text);
        assert!(module.diagnostics.is_empty(), "{:?}", module.diagnostics);
        let Some(Item::Register(r)) = module.value.items.first() else {
            panic!("no register");
        };
        let mut seen = Seen::default();
        walk_register(r, &mut seen);
        assert_eq!(
            seen.texts,
            [
                "the title",
                "the text of purpose `p`",
                "a retention text of purpose `p`",
                "how to get a copy in transfer `t`",
                "the note on right `access`",
            ]
        );
        let codes: Vec<&str> = seen.allows.iter().map(|(c, _)| c.as_str()).collect();
        assert_eq!(codes, ["K001", "P004", "K002", "T004"]);
        // Each allow covers its own block: the retention's lies inside the purpose's.
        let (purpose, retention) = (seen.allows[1].1, seen.allows[2].1);
        assert!(purpose.start < retention.start && retention.end < purpose.end);
        assert!(seen.allows[0].1.same_place(r.span));
    }
}
