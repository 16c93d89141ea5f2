//! Hover: what the word under the cursor means. A diagnostic's explanation (as `regc
//! explain` gives it), a name's definition (a standard-library fact with its dates and
//! whether it is in force), a keyword's place in the language (from `docs/language.md`).

use super::Analysis;
use crate::diagnostic::Diagnostic;
use crate::resolve::facts;
use crate::resolve::scope::Def;
use crate::source::{SourceId, Span};
use crate::syntax::ast::{Fact, LocalText};
use crate::syntax::cst::{Node, Statement};
use crate::syntax::schema::{self, BlockKind};

/// The language reference, for what each statement means.
const LANGUAGE: &str = include_str!("../../docs/language.md");

pub struct Hover {
    /// The word or statement the text is about.
    pub span: Span,
    pub markdown: String,
}

/// What the cursor at `offset` is on.
pub fn hover(analysis: &Analysis, source: SourceId, offset: usize) -> Option<Hover> {
    let diagnostics = analysis.diagnostics_at(source, offset);
    if let Some(first) = diagnostics.first() {
        let mut seen = Vec::new();
        let parts: Vec<String> = diagnostics
            .iter()
            .filter(|d| {
                let fresh = !seen.contains(&d.code);
                seen.push(d.code);
                fresh
            })
            .map(|d| diagnostic_doc(d))
            .chain(symbol_doc(analysis, source, offset))
            .collect();
        return Some(Hover {
            span: first.primary.span,
            markdown: parts.join("\n\n---\n\n"),
        });
    }
    if let Some(symbol) = analysis.symbol_at(source, offset) {
        return Some(Hover {
            span: symbol.word,
            markdown: symbol_doc(analysis, source, offset)?,
        });
    }
    keyword_at(analysis.text(source), source, offset)
}

/// What the name at `offset` names.
fn symbol_doc(analysis: &Analysis, source: SourceId, offset: usize) -> Option<String> {
    let symbol = analysis.symbol_at(source, offset)?;
    Some(def_doc(analysis, analysis.def_at(symbol.definition)?))
}

/// A diagnostic's code, summary and article, then the rule's explanation.
pub fn diagnostic_doc(d: &Diagnostic) -> String {
    diagnostic_doc_of(d.code)
}

/// A code's summary and article, then its explanation.
pub fn diagnostic_doc_of(code: crate::diagnostic::Code) -> String {
    let article = match code.articles() {
        "" => String::new(),
        a => format!(" — Art. {a}"),
    };
    format!(
        "**{}** `{}`{article}\n\n{}\n\n{}\n\n[{}]({})",
        code.as_str(),
        code.title(),
        code.summary(),
        code.page().trim(),
        code.doc_path(),
        code.doc_url()
    )
}

/// The keyword under the cursor, explained.
fn keyword_at(text: &str, source: SourceId, offset: usize) -> Option<Hover> {
    let cst = crate::syntax::parse(source, text).value;
    let (statement, block) = statement_at(&cst.nodes, BlockKind::Top, offset)?;
    let word = &statement.keyword;
    if !word.span.touches(offset) {
        return None;
    }
    schema::entry(block, &word.text)?;
    Some(Hover {
        span: word.span,
        markdown: keyword_doc(block, &word.text),
    })
}

/// The innermost statement holding `offset`, and the block it stands in.
pub(crate) fn statement_at(
    nodes: &[Node],
    block: BlockKind,
    offset: usize,
) -> Option<(&Statement, BlockKind)> {
    for node in nodes {
        let Node::Statement(s) = node else { continue };
        if !s.span.touches(offset) {
            continue;
        }
        let deeper = s.block.as_ref().and_then(|body| {
            let child = schema::block_of(block, &s.keyword.text)?;
            statement_at(&body.nodes, child, offset)
        });
        return deeper.or(Some((s, block)));
    }
    None
}

/// A statement's meaning in its block: the row of the language reference's table for it,
/// with its example.
pub fn keyword_doc(block: BlockKind, keyword: &str) -> String {
    let Some(entry) = schema::entry(block, keyword) else {
        return String::new();
    };
    let mut out = format!("**`{keyword}`** in {}", block.describe());
    if let Some((meaning, article)) = documented(block, keyword) {
        out.push_str(&format!("\n\n{meaning}"));
        if !article.is_empty() {
            out.push_str(&format!(" (Art. {article})"));
        }
    }
    out.push_str(&format!("\n\n```reg\n{}\n```", entry.example));
    if entry.repeatable {
        out.push_str("\n\nMay be given more than once.");
    }
    out
}

/// The heading word of the language reference's section on a block.
fn section_of(block: BlockKind) -> &'static str {
    match block {
        BlockKind::Top => "## Declarations",
        BlockKind::Controller | BlockKind::JointController => "### `controller`",
        BlockKind::Person => "### `person`",
        BlockKind::Register => "### `register`",
        BlockKind::Purpose | BlockKind::Requirement => "### `purpose`",
        BlockKind::Data | BlockKind::Subject | BlockKind::Source => "### `data`, `subject`",
        BlockKind::Recipient => "### `recipient`",
        BlockKind::Transfer => "### `transfer`",
        BlockKind::Retention => "### `retention`",
        BlockKind::AutomatedDecisions => "### `automated-decisions`",
        BlockKind::Right => "### `right`",
        BlockKind::Section => "### `section`",
        BlockKind::Fact(_) => "### Reference facts",
    }
}

/// The meaning and article the language reference gives `keyword` in `block`: its row in
/// the block's table; else, for a declaration, its own section's title and first
/// paragraph; else the first paragraph of the block's section that names it.
pub fn documented(block: BlockKind, keyword: &str) -> Option<(String, String)> {
    let section = section_text(section_of(block))?;
    let row = table_row(section, keyword);
    if row.is_some() {
        return row;
    }
    if block == BlockKind::Top
        && let Some(own) = own_section(keyword)
    {
        return first_paragraph(own).map(|p| (p, String::new()));
    }
    let named = section
        .split("\n\n")
        .filter(|p| !p.trim_start().starts_with("```") && !p.trim_start().starts_with('|'))
        .find(|p| p.contains(&format!("`{keyword}`")) || p.contains(&format!("`{keyword} ")))?;
    Some((joined_lines(named), String::new()))
}

/// The section of a declaration: the one whose heading names it first
/// ("### `register`: …"), else one whose heading names it among others
/// ("### Reference facts: `basis`, `condition`, …").
fn own_section(keyword: &str) -> Option<&'static str> {
    let named = format!("`{keyword}`");
    let heading = LANGUAGE
        .lines()
        .filter(|l| l.starts_with("### "))
        .find(|l| l.starts_with(&format!("### {named}")))
        .or_else(|| {
            LANGUAGE
                .lines()
                .filter(|l| l.starts_with("### "))
                .find(|l| l.contains(&named))
        })?;
    section_text(heading)
}

/// The text of the section whose heading starts with `heading`, to the next heading; its
/// heading line kept ("### `register`: one processing activity").
fn section_text(heading: &str) -> Option<&'static str> {
    let start = LANGUAGE.find(&format!("\n{heading}"))? + 1;
    let rest = LANGUAGE.get(start..)?;
    let body_start = rest.find('\n')?;
    let body = rest.get(body_start..)?;
    let end = body
        .find("\n## ")
        .unwrap_or(body.len())
        .min(body.find("\n### ").unwrap_or(body.len()));
    rest.get(..body_start + end)
}

/// A section's title after its colon, then its first paragraph of prose.
fn first_paragraph(section: &str) -> Option<String> {
    let title = section
        .lines()
        .next()?
        .split_once(": ")
        .map(|(_, t)| t.to_string());
    let prose = section
        .split("\n\n")
        .skip(1)
        .find(|p| {
            let p = p.trim_start();
            !p.starts_with("```") && !p.starts_with('|') && !p.starts_with('#') && !p.is_empty()
        })
        .map(joined_lines);
    match (title, prose) {
        (Some(t), Some(p)) => Some(format!("{}. {p}", crate::diagnostic::code::capitalise(&t))),
        (t, p) => t.or(p),
    }
}

/// A paragraph on one line.
fn joined_lines(paragraph: &str) -> String {
    paragraph.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The row of a section's table whose statement is `keyword`: its meaning and article.
fn table_row(section: &str, keyword: &str) -> Option<(String, String)> {
    section.lines().find_map(|line| {
        let cells: Vec<&str> = line.trim().strip_prefix('|')?.split(" | ").collect();
        let first = cells.first()?.trim();
        // `keyword`, `keyword VALUE …`, each form in backticks, perhaps qualified after.
        let names = first.split(" / ").any(|form| {
            let written = form.strip_prefix('`').and_then(|f| f.split('`').next());
            written.is_some_and(|w| w == keyword || w.starts_with(&format!("{keyword} ")))
        });
        if !names {
            return None;
        }
        let meaning = cells.get(1)?.trim().trim_end_matches('|').trim();
        // "(below)" points into the reference, not into a hover.
        let meaning = meaning.replace(" (below)", "").replace(" (above)", "");
        let article = cells
            .get(2)
            .map_or("", |a| a.trim().trim_end_matches('|').trim());
        Some((meaning, article.to_string()))
    })
}

impl Analysis {
    /// The definition whose name is written at `span`.
    pub fn def_at(&self, span: Span) -> Option<Def<'_>> {
        let program = &self.compiled.program;
        let modules = program
            .std
            .iter()
            .map(|m| &m.module)
            .chain(program.files.iter().map(|f| &f.module));
        modules
            .filter(|m| m.source == span.source)
            .flat_map(super::defs_of)
            .find(|d| d.id().span.same_place(span))
    }
}

/// One line saying what a definition is: "legal basis — consent (Art. 6(1)(a))".
pub fn one_line(def: Def) -> String {
    let noun = def.ns().noun();
    let title = title_of(def);
    match def {
        Def::Fact(Fact {
            article: Some(article),
            ..
        }) => format!("{noun} — {title} (Art. {})", article.value),
        _ if title.is_empty() => noun.to_string(),
        _ => format!("{noun} — {title}"),
    }
}

fn title_of(def: Def) -> String {
    let text = |t: &Option<LocalText>| t.as_ref().map(english_or_first);
    match def {
        Def::Fact(f) => text(&f.title),
        Def::Register(r) => text(&r.title),
        Def::Data(d) => text(&d.title),
        Def::Subject(s) => text(&s.title),
        Def::Source(s) => text(&s.title).or_else(|| s.name.as_ref().map(|n| n.value.clone())),
        Def::Recipient(r) => r
            .name
            .as_ref()
            .map(|n| n.value.clone())
            .or_else(|| text(&r.title)),
        Def::Controller(c) => c.name.as_ref().map(|n| n.value.clone()),
        Def::Person(p) => p.name.as_ref().map(|n| n.value.clone()),
    }
    .unwrap_or_default()
}

/// A text in English if given, else in its first language.
fn english_or_first(text: &LocalText) -> String {
    let english = text
        .entries
        .iter()
        .find(|(lang, _)| lang.value.primary() == "en");
    english
        .or(text.entries.first())
        .map(|(_, t)| t.value.clone())
        .unwrap_or_default()
}

/// What a definition is, in Markdown: for a fact, its article, dates and whether it is in
/// force on the day checked; where it is defined.
pub fn def_doc(analysis: &Analysis, def: Def) -> String {
    let mut out = format!("**{}** `{}`", def.ns().noun(), def.id().value);
    let title = title_of(def);
    if !title.is_empty() {
        out.push_str(&format!(" — {title}"));
    }
    if let Def::Fact(f) = def {
        fact_details(analysis, f, &mut out);
    }
    let source = def.id().span.source;
    if let Some(file) = analysis.compiled.program.sources.get(source) {
        let (line, _) = file.line_col(def.id().span.range().start);
        let place = if crate::resolve::stdlib::is_stdlib(source) {
            format!("the standard library, `{}`", file.name)
        } else {
            format!("`{}`, line {line}", file.name)
        };
        out.push_str(&format!("\n\nDefined in {place}."));
    }
    out
}

fn fact_details(analysis: &Analysis, f: &Fact, out: &mut String) {
    if let Some(article) = &f.article {
        out.push_str(&format!("\n\nArt. {}", article.value));
    }
    if let Some(decision) = &f.decision {
        out.push_str(&format!("\n\nDecision {}", decision.value));
    }
    if let Some(number) = &f.number {
        out.push_str(&format!("\n\nNumber {}", number.value));
    }
    let from = f.valid_from.as_ref().map(|d| d.value);
    let until = f.valid_until.as_ref().map(|d| d.value);
    let today = analysis.today;
    // `valid-until` is the first day no longer in force: the last day is the one before.
    let last_day = |u: crate::syntax::values::Date| {
        crate::syntax::values::Date::from_days(u.to_days() - 1).unwrap_or(u)
    };
    let status = if facts::in_force(f, today) {
        match until {
            Some(u) => format!("In force on {today}; its last day is {}.", last_day(u)),
            None => format!("In force on {today}."),
        }
    } else if let Some(u) = until.filter(|u| *u <= today) {
        format!("**No longer in force** since {u}.")
    } else {
        match from {
            Some(f) => format!("**Not yet in force** on {today}: from {f}."),
            None => format!("Not in force on {today}."),
        }
    };
    if from.is_some() || until.is_some() {
        out.push_str(&format!("\n\n{status}"));
    }
    if let Some(next) = &f.replaced_by {
        out.push_str(&format!("\n\nReplaced by `{}`.", next.value));
    }
    if let Some(text) = &f.text {
        out.push_str(&format!("\n\n{}", english_or_first(text)));
    }
    if !f.known_as.is_empty() {
        let names: Vec<String> = f
            .known_as
            .iter()
            .map(|a| format!("“{}”", a.name.value))
            .collect();
        out.push_str(&format!("\n\nAlso known as {}.", names.join(", ")));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_reference_documents_the_register_and_purpose_statements() {
        let missing: Vec<String> = [BlockKind::Register, BlockKind::Purpose]
            .into_iter()
            .flat_map(schema::keywords_of)
            .filter(|e| documented(e.block, e.keyword).is_none())
            .map(|e| format!("{} in {}", e.keyword, e.block.describe()))
            .collect();
        assert!(missing.is_empty(), "undocumented: {missing:?}");
    }

    #[test]
    fn every_statement_of_every_block_has_a_meaning() {
        let all: Vec<_> = schema::SCHEMA.iter().collect();
        let documented_ = all
            .iter()
            .filter(|e| documented(e.block, e.keyword).is_some())
            .count();
        assert_eq!(
            documented_,
            all.len(),
            "every statement has a meaning in docs/language.md"
        );
        for (block, keyword) in [
            (BlockKind::Transfer, "mechanism"),
            (BlockKind::Top, "register"),
            (BlockKind::Recipient, "role"),
        ] {
            assert!(documented(block, keyword).is_some(), "{keyword}");
        }
        let (meaning, _) = documented(BlockKind::Top, "register").unwrap();
        assert!(meaning.starts_with("One processing activity."), "{meaning}");
        let (meaning, _) = documented(BlockKind::Register, "purpose").unwrap();
        assert!(!meaning.contains("(below)"), "{meaning}");
    }

    #[test]
    fn a_keywords_doc_has_its_meaning_article_and_example() {
        let doc = keyword_doc(BlockKind::Purpose, "basis");
        assert!(doc.contains("the Art. 6(1) legal basis"), "{doc}");
        assert!(doc.contains("```reg\nbasis contract\n```"), "{doc}");
        let doc = keyword_doc(BlockKind::Register, "security");
        assert!(doc.contains("(Art. 30(1)(g), 32)"), "{doc}");
        assert!(doc.contains("more than once"), "{doc}");
    }

    #[test]
    fn a_keyword_is_found_under_the_cursor_in_its_block() {
        let text = "register r {\n  purpose p {\n    basis contract\n  }\n}\n";
        let at = text.find("basis").unwrap() + 2;
        let hover = keyword_at(text, SourceId(5), at).unwrap();
        assert!(
            hover.markdown.starts_with("**`basis`** in a `purpose`"),
            "{}",
            hover.markdown
        );
        assert_eq!(hover.span.len(), 5);
        assert!(keyword_at(text, SourceId(5), text.find("contract").unwrap() + 1).is_none());
    }
}
