//! The editor's questions, asked of small programs compiled in memory, and the tables
//! (`value_namespaces`, `schema::block_of`) checked against every example and the
//! standard library.

use super::complete::{CompletionKind, completions, value_namespaces};
use super::{Analysis, actions, hover};
use crate::compile::{Options, compile};
use crate::source::{SourceId, Span};
use crate::syntax::cst::Node;
use crate::syntax::schema::{self, BlockKind};
use crate::syntax::values::Date;
use crate::testing::{Memory, loaded};

const TODAY: Date = Date {
    year: 2026,
    month: 12,
    day: 6,
};

/// `roots` compiled together, with `imports` available to `use`.
fn analyse(roots: &[(&str, &str)], imports: &[(&str, &str)]) -> Analysis {
    let given = roots
        .iter()
        .map(|(name, text)| loaded(name, text))
        .collect();
    let mut files = Memory(
        imports
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect(),
    );
    let options = Options {
        references: true,
        ..Options::on(TODAY)
    };
    Analysis::new(compile(given, &mut files, &options), TODAY)
}

fn source(analysis: &Analysis, name: &str) -> SourceId {
    analysis.source_named(name).unwrap()
}

/// The offset of the `n`th (from 0) `needle` in `name`'s text, plus `into` bytes.
fn at(analysis: &Analysis, name: &str, needle: &str, n: usize, into: usize) -> (SourceId, usize) {
    let id = source(analysis, name);
    let text = analysis.text(id);
    let offset = text.match_indices(needle).nth(n).unwrap().0 + into;
    (id, offset)
}

fn text_at(analysis: &Analysis, span: Span) -> &str {
    &analysis.text(span.source)[span.range()]
}

const MAIN: &str = r#"use "shared.reg"

register customers {
  title en "Customers"
  controller acme
  purpose billing {
    text en "Invoices."
    basis contract
    data invoice-address
  }
  purpose news {
    text en "Newsletters to the Häkkinen family 😀."
    data invoice-address
  }
  data invoice-address
}
"#;

const SHARED: &str = r#"controller acme {
  name "Acme Oy"
}

data invoice-address {
  title en "Invoice address"
}
"#;

#[test]
fn a_name_leads_to_its_definition_in_an_import_and_in_the_standard_library() {
    let a = analyse(&[("main.reg", MAIN)], &[("shared.reg", SHARED)]);
    let (id, offset) = at(&a, "main.reg", "invoice-address", 0, 3);
    let def = a.definition(id, offset).unwrap();
    assert_eq!(
        a.compiled.program.sources.get(def.source).unwrap().name,
        "shared.reg"
    );
    assert_eq!(text_at(&a, def), "invoice-address");
    let (id, offset) = at(&a, "main.reg", "contract", 0, 0);
    let def = a.definition(id, offset).unwrap();
    assert!(crate::resolve::stdlib::is_stdlib(def.source));
    assert!(a.text(def.source)[def.range().start..].starts_with("contract {"));
}

#[test]
fn references_list_the_definition_then_every_use() {
    let a = analyse(
        &[("main.reg", MAIN), ("shared.reg", SHARED)],
        &[("shared.reg", SHARED)],
    );
    let (id, offset) = at(&a, "shared.reg", "invoice-address", 0, 0);
    let refs = a.references(id, offset);
    assert_eq!(refs.len(), 4, "the definition and three uses");
    assert_eq!(
        a.compiled.program.sources.get(refs[0].source).unwrap().name,
        "shared.reg"
    );
    assert!(refs.iter().all(|r| text_at(&a, *r) == "invoice-address"));
    // Asked from a use, the answer is the same.
    let (id, offset) = at(&a, "main.reg", "invoice-address", 2, 0);
    assert_eq!(a.references(id, offset).len(), 4);
}

#[test]
fn rename_rewrites_the_definition_and_every_use_or_says_why_not() {
    let a = analyse(
        &[("main.reg", MAIN), ("shared.reg", SHARED)],
        &[("shared.reg", SHARED)],
    );
    let (id, offset) = at(&a, "main.reg", "acme", 0, 1);
    let edits = a.rename(id, offset, "acme-group").unwrap();
    assert_eq!(edits.len(), 2);
    assert!(
        edits
            .iter()
            .all(|e| e.text == "acme-group" && text_at(&a, e.span) == "acme")
    );
    let err = a.rename(id, offset, "Acme Group").unwrap_err();
    assert!(err.contains("not a valid name"), "{err}");
    let (id, offset) = at(&a, "main.reg", "invoice-address", 0, 0);
    let err = a.rename(id, offset, "invoice-address").unwrap_err();
    assert!(err.contains("already exists"), "{err}");
    let (id, offset) = at(&a, "main.reg", "contract", 0, 0);
    let err = a.rename(id, offset, "agreement").unwrap_err();
    assert!(err.contains("standard library"), "{err}");
    // Onto a word of the language, or a standard-library name the files see.
    let (id, offset) = at(&a, "main.reg", "invoice-address", 0, 0);
    let err = a.rename(id, offset, "none").unwrap_err();
    assert!(err.contains("word of the language"), "{err}");
    let err = a.rename(id, offset, "email").unwrap_err();
    assert!(
        err.contains("a data category called `email` already exists"),
        "{err}"
    );
}

#[test]
fn completion_after_basis_offers_the_bases() {
    let text = MAIN.replace("basis contract", "basis ");
    let a = analyse(&[("main.reg", &text)], &[("shared.reg", SHARED)]);
    let (id, offset) = at(&a, "main.reg", "basis ", 0, 6);
    let offered: Vec<String> = completions(&a, id, offset)
        .into_iter()
        .map(|c| c.label)
        .collect();
    for basis in [
        "consent",
        "contract",
        "legal-obligation",
        "legitimate-interest",
        "public-task",
        "vital-interests",
    ] {
        assert!(offered.iter().any(|o| o == basis), "{basis} in {offered:?}");
    }
    assert!(
        !offered.iter().any(|o| o == "access"),
        "rights are not bases: {offered:?}"
    );
}

#[test]
fn completion_offers_a_blocks_keywords_and_the_users_names_first() {
    let text = MAIN.replace(
        "    data invoice-address\n  }\n  purpose news",
        "    data inv\n  }\n  purpose news",
    );
    let a = analyse(&[("main.reg", &text)], &[("shared.reg", SHARED)]);
    let (id, offset) = at(&a, "main.reg", "data inv\n", 0, 8);
    let offered = completions(&a, id, offset);
    let first = offered.first().unwrap();
    assert_eq!(first.label, "invoice-address");
    assert_eq!(first.kind, CompletionKind::Name);
    assert_eq!(text_at(&a, first.replaces), "inv");
    assert!(offered.iter().any(|c| c.kind == CompletionKind::StdName));
    // At the start of a line in a purpose: the purpose's statements.
    let (id, offset) = at(&a, "main.reg", "    text en \"Invoices", 0, 4);
    let keywords: Vec<String> = completions(&a, id, offset)
        .into_iter()
        .map(|c| c.label)
        .collect();
    assert!(keywords.contains(&"basis".to_string()) && keywords.contains(&"interest".to_string()));
    assert!(
        !keywords.contains(&"updated".to_string()),
        "a register's, not a purpose's"
    );
}

#[test]
fn hover_explains_a_fact_with_its_dates_and_a_diagnostic_with_its_rule() {
    let text = MAIN.replace(
        "controller acme\n",
        "controller acme\n  transfer us {\n    country US\n    mechanism privacy-shield\n  }\n",
    );
    let a = analyse(&[("main.reg", &text)], &[("shared.reg", SHARED)]);
    let (id, offset) = at(&a, "main.reg", "contract", 0, 2);
    let shown = hover::hover(&a, id, offset).unwrap().markdown;
    assert!(
        shown.starts_with("**legal basis** `contract` — contract"),
        "{shown}"
    );
    assert!(shown.contains("Art. 6(1)(b)"), "{shown}");
    assert!(shown.contains("standard library"), "{shown}");
    let (id, offset) = at(&a, "main.reg", "privacy-shield", 0, 2);
    let shown = hover::hover(&a, id, offset).unwrap().markdown;
    assert!(shown.contains("No longer in force"), "{shown}");
    // The purpose without a basis: P002, explained.
    let (id, offset) = at(&a, "main.reg", "news", 0, 1);
    let shown = hover::hover(&a, id, offset).unwrap().markdown;
    assert!(
        shown.starts_with("**P002** `basis-missing` — Art. 13(1)(c)"),
        "{shown}"
    );
    assert!(shown.contains("## Why"), "{shown}");
}

#[test]
fn actions_offer_the_did_you_mean_the_missing_statement_and_an_allow() {
    let text = MAIN.replace("basis contract", "basis contarct");
    let a = analyse(&[("main.reg", &text)], &[("shared.reg", SHARED)]);
    let (id, offset) = at(&a, "main.reg", "contarct", 0, 1);
    let found = actions::actions(&a, id, offset, offset);
    let fix = found.iter().find(|x| x.preferred).unwrap();
    assert_eq!(fix.title, "write `contract`");
    assert_eq!(text_at(&a, fix.edits[0].span), "contarct");

    let a = analyse(&[("main.reg", MAIN)], &[("shared.reg", SHARED)]);
    let (id, offset) = at(&a, "main.reg", "news", 0, 0);
    let found = actions::actions(&a, id, offset, offset);
    let titles: Vec<&str> = found.iter().map(|x| x.title.as_str()).collect();
    assert!(titles.contains(&"add `basis` to a `purpose`"), "{titles:?}");
    assert!(
        titles.contains(&"allow P002 in this purpose, with a reason"),
        "{titles:?}"
    );
    let add = found
        .iter()
        .find(|x| x.title.starts_with("add `basis`"))
        .unwrap();
    let mut fixed = a.text(id).to_string();
    let edit = &add.edits[0];
    fixed.replace_range(edit.span.range(), &edit.text);
    assert!(
        fixed.contains("    data invoice-address\n    basis \n  }\n  data"),
        "{fixed}"
    );
}

// The tables, against every file there is.

/// The examples and the standard library: (name, text).
fn corpus() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = crate::resolve::stdlib::MODULES
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    out.extend(
        crate::testing::reg_files("examples")
            .into_iter()
            .map(|(path, text)| (path.display().to_string(), text)),
    );
    assert!(out.len() > 8);
    out
}

#[test]
fn block_of_knows_every_block_the_corpus_opens() {
    fn walk(nodes: &[Node], block: BlockKind, seen: &mut usize) {
        for node in nodes {
            let Node::Statement(s) = node else { continue };
            let Some(body) = &s.block else { continue };
            if schema::entry(block, &s.keyword.text).is_some_and(|e| e.text) {
                continue;
            }
            let child = schema::block_of(block, &s.keyword.text)
                .unwrap_or_else(|| panic!("`{}` in {}", s.keyword.text, block.describe()));
            for inner in body.nodes.iter() {
                if let Node::Statement(i) = inner {
                    assert!(
                        schema::entry(child, &i.keyword.text).is_some(),
                        "`{}` in {}",
                        i.keyword.text,
                        child.describe()
                    );
                }
            }
            *seen += 1;
            walk(&body.nodes, child, seen);
        }
    }
    let mut seen = 0;
    for (_, text) in corpus() {
        walk(
            &crate::syntax::parse(SourceId(0), &text).value.nodes,
            BlockKind::Top,
            &mut seen,
        );
    }
    assert!(seen > 200, "{seen} blocks");
}

#[test]
fn value_namespaces_hold_every_name_the_resolver_looks_up() {
    let corpus = corpus();
    let roots: Vec<(&str, &str)> = corpus
        .iter()
        .filter(|(n, _)| n.ends_with(".reg"))
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let mut checked = 0;
    for root in &roots {
        let a = analyse(&[*root], &[]);
        for r in &a.compiled.references {
            let text = a.text(r.at.source);
            let cst = crate::syntax::parse(r.at.source, text).value;
            let (s, block) = hover::statement_at(&cst.nodes, BlockKind::Top, r.at.range().start)
                .unwrap_or_else(|| panic!("{} at {}", root.0, r.at.start));
            if s.keyword.span.same_place(r.at) {
                continue;
            }
            // `joint-controller other {`, `right access {`: the statement's own name.
            let ok = value_namespaces(block, &s.keyword.text).contains(&r.ns);
            assert!(
                ok,
                "{}: `{}` in {} names a {}",
                root.0,
                s.keyword.text,
                block.describe(),
                r.ns.noun()
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked} names");
}

#[test]
fn added_statements_follow_the_files_indentation_line_ends_and_language() {
    let text = "register r {\r\n\ttitle fi \"Asiakkaat\"\r\n\tlanguages fi\r\n\tpurpose p {\r\n\t\ttext fi \"Laskutus.\"\r\n\t\tbasis legitimate-interest\r\n\t} // p\r\n}\r\n";
    let a = analyse(&[("tabs.reg", text)], &[]);
    let (id, offset) = at(&a, "tabs.reg", "purpose p", 0, 8);
    let found = actions::actions(&a, id, offset, offset);
    let add = found
        .iter()
        .find(|x| x.title == "add `interest` to a `purpose`")
        .unwrap_or_else(|| panic!("{:?}", found.iter().map(|x| &x.title).collect::<Vec<_>>()));
    assert_eq!(add.edits[0].text, "\t\tinterest fi \"TODO\"\r\n");
    assert_eq!(&a.text(id)[add.edits[0].span.range().start..][..4], "\t} /");
    // A finding's `allow`; a name error gets none.
    assert!(found.iter().any(|x| x.title.starts_with("allow P003")));
    let broken = analyse(&[("b.reg", "register r {\n  basis contarct\n}\n")], &[]);
    let (id, offset) = at(&broken, "b.reg", "contarct", 0, 0);
    let found = actions::actions(&broken, id, offset, offset);
    assert!(
        found.iter().all(|x| !x.title.starts_with("allow")),
        "{:?}",
        found.iter().map(|x| &x.title).collect::<Vec<_>>()
    );
}

#[test]
fn an_error_in_an_import_is_shown_at_the_use_that_leads_to_it() {
    let broken = "person matti {\n  email \"not an address\"\n}\n";
    let middle = "use \"people.reg\"\n";
    let a = analyse(
        &[(
            "main.reg",
            "use \"middle.reg\"\n\nregister r {\n  title en \"R\"\n}\n",
        )],
        &[("middle.reg", middle), ("people.reg", broken)],
    );
    let id = source(&a, "main.reg");
    assert!(
        a.diagnostics(id).is_empty(),
        "the error is in people.reg: {:?}",
        a.diagnostics(id)
    );
    let found = a.import_errors(id);
    assert_eq!(found.len(), 1);
    let (used, count, first) = found[0];
    assert_eq!(text_at(&a, used), "\"middle.reg\"");
    assert_eq!(count, 1);
    assert_eq!(
        a.compiled
            .program
            .sources
            .get(first.primary.span.source)
            .unwrap()
            .name,
        "people.reg"
    );
}

#[test]
fn fixed_words_complete_and_each_is_one_the_language_takes() {
    let a = analyse(
        &[("r.reg", "register r {\n  recipients \n  allow \n}\n")],
        &[],
    );
    let (id, offset) = at(&a, "r.reg", "recipients ", 0, 11);
    let offered: Vec<String> = completions(&a, id, offset)
        .into_iter()
        .map(|c| c.label)
        .collect();
    assert_eq!(
        offered.first().map(String::as_str),
        Some("none"),
        "{offered:?}"
    );
    let (id, offset) = at(&a, "r.reg", "allow ", 0, 6);
    let offered: Vec<String> = completions(&a, id, offset)
        .into_iter()
        .map(|c| c.label)
        .collect();
    assert!(
        offered.contains(&"P002".to_string()) && offered.contains(&"T004".to_string()),
        "{offered:?}"
    );
    // Every fixed word of every statement lowers without an error where it stands.
    let wrap = |block: BlockKind, line: &str| match block {
        BlockKind::Top => format!("{line}\n"),
        BlockKind::Register => format!("register r {{\n  {line}\n}}\n"),
        BlockKind::Purpose => format!("register r {{\n  purpose p {{\n    {line}\n  }}\n}}\n"),
        BlockKind::Data => format!("data d {{\n  {line}\n}}\n"),
        BlockKind::Source => format!("source s {{\n  {line}\n}}\n"),
        BlockKind::Recipient => format!("recipient x {{\n  {line}\n}}\n"),
        BlockKind::Controller => format!("controller c {{\n  {line}\n}}\n"),
        other => panic!("no wrapper for {other:?}"),
    };
    let mut checked = 0;
    for entry in schema::SCHEMA {
        for word in crate::syntax::fixed_words(entry.block, entry.keyword) {
            let text = wrap(entry.block, &format!("{} {word}", entry.keyword));
            let parsed = crate::syntax::parse_module(SourceId(1), &text);
            let errors: Vec<_> = parsed.diagnostics.iter().filter(|d| d.is_error()).collect();
            assert!(errors.is_empty(), "{text}: {errors:?}");
            checked += 1;
        }
    }
    assert!(checked > 30, "{checked}");
}

#[test]
fn a_use_leads_to_the_file_it_imports() {
    let text = format!("use std::fi\n{MAIN}");
    let a = analyse(&[("main.reg", &text)], &[("shared.reg", SHARED)]);
    let (id, offset) = at(&a, "main.reg", "shared.reg", 0, 2);
    let target = a.definition(id, offset).unwrap();
    assert_eq!(
        a.compiled.program.sources.get(target.source).unwrap().name,
        "shared.reg"
    );
    assert_eq!(target.range(), 0..0);
    let (id, offset) = at(&a, "main.reg", "std::fi", 0, 5);
    let target = a.definition(id, offset).unwrap();
    assert_eq!(
        a.compiled.program.sources.get(target.source).unwrap().name,
        "std::fi"
    );
}

/// Every fix the diagnostics carry: its title, and the text its first edit replaces.
fn fixes(a: &Analysis) -> Vec<(String, String)> {
    a.compiled
        .all()
        .flat_map(|d| d.fixes.iter())
        .map(|f| (f.title.clone(), text_at(a, f.edits[0].span).to_string()))
        .collect()
}

#[test]
fn value_typos_have_fixes_too() {
    let text = "controller c {\n  name \"C\"\n  country EL\n}\n\nregister r {\n  title en \"R\"\n  controller c\n  retention 5 yeras after last-contact\n}\n";
    assert_fixes(
        text,
        &[("write `GR`", "EL"), ("write `5 years`", "5 yeras")],
    );
}

/// The file `text` offers each fix (its title, the text it replaces).
fn assert_fixes(text: &str, expected: &[(&str, &str)]) {
    let a = analyse(&[("f.reg", text)], &[]);
    let fixes = fixes(&a);
    for (title, old) in expected {
        assert!(
            fixes.contains(&(title.to_string(), old.to_string())),
            "{title} for {old}: {fixes:?}"
        );
    }
}

#[test]
fn a_mistyped_none_answer_has_a_fix() {
    let text = "register r {\n  title en \"R\"\n  recipients nonee\n  transfers non\n}\n";
    assert_fixes(text, &[("write `none`", "nonee"), ("write `none`", "non")]);
}

#[test]
fn a_definition_is_not_offered_inside_itself() {
    let text =
        "controller c {\n  name \"C\"\n  joint-controller \n}\n\ncontroller d {\n  name \"D\"\n}\n";
    let a = analyse(&[("j.reg", text)], &[]);
    let (id, offset) = at(&a, "j.reg", "joint-controller ", 0, 17);
    let offered: Vec<String> = completions(&a, id, offset)
        .into_iter()
        .map(|c| c.label)
        .collect();
    assert!(offered.iter().any(|o| o == "d"), "{offered:?}");
    assert!(!offered.iter().any(|o| o == "c"), "{offered:?}");
}
