//! Name resolution, imports, derived facts and JSON, through an in-memory project.

use regc::diagnostic::human::{Style, render};

use crate::common::Memory;
use regc::compile::Options;
use regc::resolve::load::LoadedFile;
use regc::resolve::model::{RegisterDoc, Stated, TransferStatus};
use regc::syntax::values::parse_date;

struct Run {
    docs: Vec<RegisterDoc>,
    rendered: String,
    codes: Vec<&'static str>,
}

fn run_on(files: &[(&str, &str)], root: &str, today: &str) -> Run {
    let mut memory = Memory(
        files
            .iter()
            .map(|(p, t)| (p.to_string(), t.to_string()))
            .collect(),
    );
    let text = memory.0.get(root).cloned().unwrap();
    let compiled = regc::compile(
        vec![LoadedFile {
            key: root.into(),
            name: root.into(),
            bytes: text.into_bytes(),
        }],
        &mut memory,
        &Options::on(parse_date(today).unwrap()),
    );
    let diagnostics = &compiled.diagnostics;
    let rendered = diagnostics
        .iter()
        .map(|d| {
            render(
                &compiled.program.sources,
                d.primary.span.source,
                d,
                Style::Plain,
            )
        })
        .collect();
    Run {
        rendered,
        codes: diagnostics.iter().map(|d| d.code.as_str()).collect(),
        docs: compiled.docs,
    }
}

fn run(text: &str, today: &str) -> Run {
    run_on(&[("main.reg", text)], "main.reg", today)
}

const CONTROLLER: &str = "controller acme {\n  name \"Acme Oy\"\n  country FI\n}\n";

fn register_with(body: &str) -> String {
    format!("{CONTROLLER}\nregister r {{\n  controller acme\n{body}\n}}\n")
}

#[test]
fn the_standard_library_has_no_diagnostics() {
    let r = run("register empty {\n}\n", "2026-11-23");
    assert_eq!(r.rendered, "");
}

#[test]
fn unknown_names_get_did_you_mean() {
    let r = run(
        &register_with("  purpose p {\n    basis contrat\n  }\n  contact nobody"),
        "2026-11-23",
    );
    assert_eq!(r.codes, ["X001", "X001"], "{}", r.rendered);
    assert!(
        r.rendered.contains("no legal basis is called `contrat`"),
        "{}",
        r.rendered
    );
    assert!(
        r.rendered.contains("did you mean `contract`?"),
        "{}",
        r.rendered
    );
    insta::assert_snapshot!(r.rendered);
}

#[test]
fn a_name_from_a_module_not_imported_says_which_use_is_missing() {
    let r = run(
        &register_with("  retention 6 years under fi-accounting-act"),
        "2026-11-23",
    );
    assert_eq!(r.codes, ["X001"]);
    assert!(r.rendered.contains("add `use std::fi`"), "{}", r.rendered);
    let fixed = run(
        &format!(
            "use std::fi\n{}",
            register_with("  retention 6 years under fi-accounting-act")
        ),
        "2026-11-23",
    );
    assert_eq!(fixed.rendered, "");
}

/// `customers` and `сustomers` (a Cyrillic `с`) read as one name: X002, naming the odd
/// letter. Plain ASCII names are never folded (`rn` is not `m`), and a name that only
/// uses another alphabet throughout is fine.
#[test]
fn names_that_only_look_the_same_are_duplicates() {
    let text = "data customers {\n  title en \"A\"\n}\ndata \u{441}ustomers {\n  title en \"B\"\n}\n\
                data modern {\n  title en \"C\"\n}\ndata rnodern {\n  title en \"D\"\n}\n\
                data \u{442}\u{435}\u{441}\u{442} {\n  title en \"E\"\n}\n";
    let r = run(text, "2026-11-23");
    assert_eq!(r.codes, ["X002"], "{}", r.rendered);
    assert!(
        r.rendered.contains("looks the same as `customers`") && r.rendered.contains("U+0441"),
        "{}",
        r.rendered
    );
}

#[test]
fn duplicate_definitions_point_at_both() {
    let r = run(&format!("{CONTROLLER}{CONTROLLER}"), "2026-11-23");
    assert_eq!(r.codes, ["X002"]);
    assert!(r.rendered.contains("first defined here") && r.rendered.contains("defined again here"));
    insta::assert_snapshot!(r.rendered);
}

#[test]
fn own_definitions_may_shadow_the_standard_library() {
    let r = run(
        "data name {\n  title en \"full name\"\n}\nregister r {\n  data name\n}\n",
        "2026-11-23",
    );
    assert_eq!(r.rendered, "");
    assert_eq!(
        r.docs[0].register.data[0].title.get("en").unwrap(),
        "full name"
    );
}

#[test]
fn imports_bring_in_definitions_relative_to_the_importer() {
    let files = [
        (
            "regs/main.reg",
            "use \"../shared/company.reg\"\nregister r {\n  controller acme\n}\n",
        ),
        ("shared/company.reg", CONTROLLER),
    ];
    let r = run_on(&files, "regs/main.reg", "2026-11-23");
    assert_eq!(r.rendered, "");
    assert_eq!(
        r.docs[0]
            .register
            .controller
            .as_ref()
            .unwrap()
            .name
            .as_deref(),
        Some("Acme Oy")
    );
}

#[test]
fn import_errors_missing_escaping_absolute_and_cycles() {
    let missing = run("use \"nope.reg\"\n", "2026-11-23");
    assert_eq!(missing.codes, ["import-not-found"]);
    let escape = run("use \"../secret.reg\"\n", "2026-11-23");
    assert_eq!(escape.codes, ["import-outside-project"]);
    let absolute = run("use \"/etc/passwd\"\n", "2026-11-23");
    assert_eq!(absolute.codes, ["import-outside-project"]);
    let cycle = run_on(
        &[
            ("a.reg", "use \"b.reg\"\nregister a {\n}\n"),
            ("b.reg", "use \"c.reg\"\n"),
            ("c.reg", "use \"a.reg\"\n"),
        ],
        "a.reg",
        "2026-11-23",
    );
    assert_eq!(cycle.codes, ["import-cycle"], "{}", cycle.rendered);
    assert!(
        cycle.rendered.contains("a.reg → b.reg → c.reg → a.reg"),
        "{}",
        cycle.rendered
    );
    insta::assert_snapshot!(format!(
        "{}{}{}{}",
        missing.rendered, escape.rendered, absolute.rendered, cycle.rendered
    ));
}

fn rights_of(bases: &str, extra: &str) -> Vec<(String, Option<String>)> {
    let r = run(
        &register_with(&format!("  purpose p {{\n    basis {bases}\n{extra}  }}")),
        "2026-11-23",
    );
    assert_eq!(r.rendered, "");
    r.docs[0]
        .register
        .rights
        .iter()
        .map(|x| (x.id.clone(), x.article.clone()))
        .collect()
}

fn ids(rights: &[(String, Option<String>)]) -> Vec<&str> {
    rights.iter().map(|(id, _)| id.as_str()).collect()
}

#[test]
fn rights_are_derived_from_every_basis_with_their_articles() {
    assert_eq!(
        ids(&rights_of("consent", "")),
        [
            "withdraw-consent",
            "access",
            "rectification",
            "erasure",
            "restriction",
            "portability",
            "complaint"
        ]
    );
    assert_eq!(
        ids(&rights_of("contract", "")),
        [
            "access",
            "rectification",
            "erasure",
            "restriction",
            "portability",
            "complaint"
        ]
    );
    assert_eq!(
        ids(&rights_of("legal-obligation", "")),
        ["access", "rectification", "restriction", "complaint"]
    );
    assert_eq!(
        ids(&rights_of("vital-interests", "")),
        [
            "access",
            "rectification",
            "erasure",
            "restriction",
            "complaint"
        ]
    );
    assert_eq!(
        ids(&rights_of("public-task", "")),
        [
            "access",
            "rectification",
            "restriction",
            "object",
            "complaint"
        ]
    );
    assert_eq!(
        ids(&rights_of("legitimate-interest", "")),
        [
            "access",
            "rectification",
            "erasure",
            "restriction",
            "object",
            "complaint"
        ]
    );
    let with_articles = rights_of("consent", "");
    let article = |id: &str| {
        with_articles
            .iter()
            .find(|(r, _)| r == id)
            .and_then(|(_, a)| a.clone())
    };
    assert_eq!(article("withdraw-consent").as_deref(), Some("7(3)"));
    assert_eq!(article("portability").as_deref(), Some("20"));
    assert_eq!(article("complaint").as_deref(), Some("77"));
}

#[test]
fn direct_marketing_gives_the_absolute_objection_whatever_the_basis() {
    let rights = rights_of("legal-obligation", "    direct-marketing\n");
    assert!(ids(&rights).contains(&"object-direct-marketing"));
    assert_eq!(
        rights
            .iter()
            .find(|(r, _)| r == "object-direct-marketing")
            .unwrap()
            .1
            .as_deref(),
        Some("21(2)")
    );
}

#[test]
fn a_register_without_any_basis_still_lists_the_rights_every_basis_gives() {
    let r = run(&register_with("  purpose p {\n  }"), "2026-11-23");
    let rights: Vec<&str> = r.docs[0]
        .register
        .rights
        .iter()
        .map(|x| x.id.as_str())
        .collect();
    assert_eq!(
        rights,
        ["access", "rectification", "restriction", "complaint"]
    );
}

#[test]
fn information_articles_follow_the_sources() {
    let of = |sources: &str| {
        let r = run(
            &register_with(&format!("  sources {sources}")),
            "2026-11-23",
        );
        r.docs[0].register.information_articles.clone()
    };
    assert_eq!(of("subject"), ["13"]);
    assert_eq!(of("public-registers"), ["14"]);
    assert_eq!(of("subject, customer-organisation"), ["13", "14"]);
}

fn authority_of(country: &str) -> Option<String> {
    let r = run(
        &format!("controller c {{\n  country {country}\n}}\nregister r {{\n  controller c\n}}\n"),
        "2026-11-23",
    );
    r.docs[0].register.authority.as_ref().map(|a| a.id.clone())
}

#[test]
fn the_authority_comes_from_the_controllers_country() {
    assert_eq!(
        authority_of("FI").as_deref(),
        Some("fi-tietosuojavaltuutettu")
    );
    assert_eq!(authority_of("SE").as_deref(), Some("se-imy"));
    assert_eq!(authority_of("AX").as_deref(), Some("ax-datainspektionen"));
    assert_eq!(authority_of("US"), None);
}

#[test]
fn a_former_authority_name_resolves_to_the_current_authority() {
    let r = run(
        "controller c {\n  country SE\n}\nregister r {\n  controller c\n  authority se-datainspektionen\n}\n",
        "2026-11-23",
    );
    let reg = &r.docs[0].register;
    assert_eq!(reg.authority.as_ref().unwrap().id, "se-imy");
    let named = reg.named_authority.as_ref().unwrap();
    assert_eq!(
        (named.id.as_str(), named.current),
        ("se-datainspektionen", false)
    );
}

fn transfer_status(country: &str, mechanism: &str, certified: &str, today: &str) -> TransferStatus {
    let text = register_with(&format!(
        "  recipient host {{\n    name \"Host\"\n    country {country}\n{certified}  }}\n  transfer t {{\n    country {country}\n    recipient host\n    mechanism {mechanism}\n  }}"
    ));
    let r = run(&text, today);
    assert_eq!(r.rendered, "");
    match &r.docs[0].register.transfers {
        Stated::Listed(t) => t[0].status,
        _ => panic!("no transfer"),
    }
}

#[test]
fn adequacy_is_judged_on_the_check_date() {
    assert_eq!(
        transfer_status("US", "privacy-shield", "", "2020-01-01"),
        TransferStatus::InForce
    );
    assert_eq!(
        transfer_status("US", "privacy-shield", "", "2021-01-01"),
        TransferStatus::Expired
    );
    assert_eq!(
        transfer_status("US", "adequacy", "", "2024-01-01"),
        TransferStatus::NeedsCertification
    );
    assert_eq!(
        transfer_status("US", "adequacy", "    certified eu-us-dpf\n", "2024-01-01"),
        TransferStatus::InForce
    );
    assert_eq!(
        transfer_status("US", "adequacy", "    certified eu-us-dpf\n", "2023-01-01"),
        TransferStatus::NotYetInForce
    );
    assert_eq!(
        transfer_status("GB", "adequacy", "", "2026-11-23"),
        TransferStatus::InForce
    );
    assert_eq!(
        transfer_status("BR", "adequacy", "", "2025-06-01"),
        TransferStatus::NotYetInForce
    );
    assert_eq!(
        transfer_status("BR", "adequacy", "", "2026-06-01"),
        TransferStatus::InForce
    );
    assert_eq!(
        transfer_status("IN", "adequacy", "", "2026-11-23"),
        TransferStatus::NoDecision
    );
    assert_eq!(
        transfer_status("US", "scc-2010", "", "2026-11-23"),
        TransferStatus::Expired
    );
    assert_eq!(
        transfer_status("US", "scc", "", "2026-11-23"),
        TransferStatus::InForce
    );
    assert_eq!(
        transfer_status("SE", "scc", "", "2026-11-23"),
        TransferStatus::NotATransfer
    );
}

#[test]
fn json_is_deterministic() {
    let text = register_with(
        "  purpose p {\n    basis consent\n  }\n  languages fi, en\n  title fi \"a\" en \"b\"",
    );
    let a = regc::render::json::register(&run(&text, "2026-11-23").docs[0]).unwrap();
    let b = regc::render::json::register(&run(&text, "2026-11-23").docs[0]).unwrap();
    assert_eq!(a, b);
    assert!(
        a.find("\"en\"").unwrap() < a.find("\"fi\"").unwrap(),
        "texts are sorted by language"
    );
}

/// Two files given together that define a register of one name: its JSON and notices
/// would collide, so `check` reports it as `build` would.
#[test]
fn a_register_name_used_in_two_files_given_together_is_a_duplicate() {
    let mut memory = Memory(
        [
            ("common.reg", "controller c {\n  name \"C\"\n}\n"),
            (
                "a.reg",
                "use \"common.reg\"\nregister customers {\n  controller c\n}\n",
            ),
            (
                "b.reg",
                "use \"common.reg\"\nregister customers {\n  controller c\n}\n",
            ),
        ]
        .iter()
        .map(|(p, t)| (p.to_string(), t.to_string()))
        .collect(),
    );
    let roots = ["a.reg", "b.reg"]
        .iter()
        .map(|name| LoadedFile {
            key: (*name).into(),
            name: (*name).into(),
            bytes: memory.0[*name].clone().into_bytes(),
        })
        .collect();
    let compiled = regc::compile(
        roots,
        &mut memory,
        &Options::on(parse_date("2026-11-23").unwrap()),
    );
    let duplicates: Vec<_> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "X002")
        .collect();
    assert_eq!(duplicates.len(), 1, "{duplicates:?}");
    let text = render(
        &compiled.program.sources,
        duplicates[0].primary.span.source,
        duplicates[0],
        Style::Plain,
    );
    assert!(
        text.contains("the register `customers` is defined twice"),
        "{text}"
    );
    assert!(text.contains("b.reg") && text.contains("a.reg"), "{text}");
}
