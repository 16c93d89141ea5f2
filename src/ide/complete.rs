//! Completion: the keywords a block may hold, and the names of the kind a statement
//! expects (`basis |` offers the legal bases in scope).

use super::Analysis;
use super::context::{self, Context};
use crate::resolve::facts;
use crate::resolve::scope::{Def, Ns};
use crate::source::{SourceId, Span};
use crate::syntax::ast::{FactKind, Item};
use crate::syntax::schema::{self, BlockKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompletionKind {
    Keyword,
    /// A name of the user's files.
    Name,
    /// A name of the standard library.
    StdName,
}

#[derive(Clone, Debug)]
pub struct Completion {
    pub label: String,
    pub kind: CompletionKind,
    /// One line: the statement's example, or what the name is.
    pub detail: String,
    /// Markdown: what the keyword or the name means.
    pub documentation: String,
    /// A fact no longer (or not yet) in force on the day checked.
    pub deprecated: bool,
    /// What the completion replaces: the part of the word already typed.
    pub replaces: Span,
}

/// The kinds of name a statement's values are, by block and keyword; empty where its
/// values are not names (texts, dates, fixed words). A test keeps it in step with what
/// the resolver looks up.
pub fn value_namespaces(block: BlockKind, keyword: &str) -> &'static [Ns] {
    use BlockKind as B;
    use FactKind as F;
    match (block, keyword) {
        (B::Register, "controller") => &[Ns::Controller],
        (B::Controller, "joint-controller") => &[Ns::Controller],
        (B::Register, "contact" | "dpo") | (B::Controller, "representative") => &[Ns::Person],
        (B::Register | B::Purpose, "basis") => &[Ns::Fact(F::Basis)],
        (B::Purpose, "condition") => &[Ns::Fact(F::Condition)],
        (B::Register | B::Purpose | B::Retention, "data") => &[Ns::Data],
        (B::Register, "subjects") => &[Ns::Subject],
        (B::Register, "sources") => &[Ns::Source],
        (B::Register | B::Purpose, "recipients") | (B::Transfer, "recipient") => &[Ns::Recipient],
        (B::Register, "rights" | "right") | (B::Fact(F::Basis | F::Condition), "gives") => {
            &[Ns::Fact(F::Right)]
        }
        (B::Register, "cites") | (B::Right, "law") => &[Ns::Fact(F::Law)],
        (B::Register | B::Controller, "authority") => &[Ns::Fact(F::Authority)],
        (B::Transfer, "mechanism") => &[Ns::Fact(F::Mechanism), Ns::Fact(F::Adequacy)],
        (B::Register | B::Purpose, "retention") => &[Ns::Fact(F::Event), Ns::Fact(F::Law)],
        (B::Fact(F::Law), "replaced-by") => &[Ns::Fact(F::Law)],
        (B::Fact(F::Authority), "replaced-by") => &[Ns::Fact(F::Authority)],
        (B::Fact(F::Mechanism), "replaced-by") => &[Ns::Fact(F::Mechanism)],
        (B::Fact(F::Body), "replaced-by") => &[Ns::Fact(F::Body)],
        _ => &[],
    }
}

/// What may be written at `offset` in `source`.
pub fn completions(analysis: &Analysis, source: SourceId, offset: usize) -> Vec<Completion> {
    let text = analysis.text(source);
    let cx = context::at(source, text, offset);
    if cx.quiet {
        return Vec::new();
    }
    match &cx.keyword {
        None => keywords(&cx),
        Some(keyword) => {
            let mut out = words(&cx, keyword);
            out.extend(names(analysis, source, offset, &cx, keyword));
            out
        }
    }
}

fn keywords(cx: &Context) -> Vec<Completion> {
    let mut seen = std::collections::HashSet::new();
    schema::keywords_of(cx.block)
        .filter(|e| seen.insert(e.keyword))
        .map(|e| Completion {
            label: e.keyword.to_string(),
            kind: CompletionKind::Keyword,
            detail: e.example.to_string(),
            documentation: super::hover::keyword_doc(cx.block, e.keyword),
            deprecated: false,
            replaces: cx.word,
        })
        .collect()
}

/// The fixed words a statement takes (`role processor`, `recipients none`), and for
/// `allow` the rules' codes.
fn words(cx: &Context, keyword: &str) -> Vec<Completion> {
    let mut out: Vec<Completion> = crate::syntax::fixed_words(cx.block, keyword)
        .into_iter()
        .map(|word| Completion {
            label: word.to_string(),
            kind: CompletionKind::Keyword,
            detail: format!("{keyword} {word}"),
            documentation: super::hover::keyword_doc(cx.block, keyword),
            deprecated: false,
            replaces: cx.word,
        })
        .collect();
    let first_value = cx.previous.as_deref() == Some(keyword);
    if keyword == "allow" && first_value {
        out.extend(
            crate::check::all_codes()
                .into_iter()
                .filter(|c| c.rule().is_some())
                .map(|code| Completion {
                    label: code.as_str().to_string(),
                    kind: CompletionKind::Keyword,
                    detail: format!("{} — {}", code.title(), code.summary()),
                    documentation: super::hover::diagnostic_doc_of(code),
                    deprecated: false,
                    replaces: cx.word,
                }),
        );
    }
    out
}

fn names(
    analysis: &Analysis,
    source: SourceId,
    offset: usize,
    cx: &Context,
    keyword: &str,
) -> Vec<Completion> {
    let mut namespaces = value_namespaces(cx.block, keyword);
    // `retention 2 years after |` wants an event, `… under |` a law; before either, a
    // number.
    if namespaces.contains(&Ns::Fact(FactKind::Event)) {
        namespaces = match cx.previous.as_deref() {
            Some("after" | "until") => &[Ns::Fact(FactKind::Event)],
            Some("under") => &[Ns::Fact(FactKind::Law)],
            _ => &[],
        };
    }
    if namespaces.is_empty() {
        return Vec::new();
    }
    let Some((scope, module)) = analysis.scope_of(source) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for ns in namespaces {
        let mut defs: Vec<Def> = scope.all(*ns).collect();
        // The register's own categories, where the cursor is in one.
        let register = module.items.iter().find_map(|item| match item {
            Item::Register(r) if r.span.touches(offset) => Some(r),
            _ => None,
        });
        if let Some(r) = register {
            defs.extend(super::own_defs(r).filter(|d| d.ns() == *ns));
        }
        // A definition does not name itself: `joint-controller |` inside `controller c`
        // is another controller.
        let own = |def: &Def| def.span().source == source && def.span().touches(offset);
        for def in defs.into_iter().filter(|d| !own(d)) {
            let std = crate::resolve::stdlib::is_stdlib(def.id().span.source);
            out.push(Completion {
                label: def.id().value.to_string(),
                kind: if std {
                    CompletionKind::StdName
                } else {
                    CompletionKind::Name
                },
                detail: super::hover::one_line(def),
                documentation: super::hover::def_doc(analysis, def),
                deprecated: match def {
                    Def::Fact(f) => !facts::in_force(f, analysis.today),
                    _ => false,
                },
                replaces: cx.word,
            });
        }
    }
    // The user's names first, then the standard library's; each alphabetically.
    out.sort_by(|a, b| {
        (a.kind != CompletionKind::Name, &a.label).cmp(&(b.kind != CompletionKind::Name, &b.label))
    });
    out.dedup_by(|a, b| a.label == b.label);
    out
}
