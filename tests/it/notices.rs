//! Notices: snapshots of every example in every declared language, hostile texts that must
//! stay inert in Markdown (checked through pulldown-cmark) and HTML, front matter a YAML 1.1
//! reader reads back as strings, and a real browser in which no payload may run.
//!
//! The YAML and browser tests need Python's PyYAML and Debian's Chromium; they are
//! `#[ignore]`d so that `cargo test` runs anywhere, and `.ci/run` installs both and runs them.

use crate::common;

use std::path::{Path, PathBuf};

use regc::render::l10n::Catalog;
use regc::render::markdown::FrontMatter;
use regc::render::{html, markdown, notice};
use regc::resolve::model::RegisterDoc;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn docs(path: &Path) -> Vec<RegisterDoc> {
    let name = common::display_name(path);
    let text = std::fs::read_to_string(path).unwrap();
    let full = common::run_full(&[(&name, &text)], &[&name], "2026-11-23", None);
    let broken: Vec<_> = full
        .diagnostics
        .iter()
        .filter(|d| {
            d.code.kind() != regc::diagnostic::Kind::Rule || d.code.as_str().starts_with('X')
        })
        .collect();
    assert!(broken.is_empty(), "{}", full.rendered());
    full.docs
}

fn outlines(path: &Path) -> Vec<notice::Document> {
    docs(path)
        .iter()
        .flat_map(|doc| {
            doc.register
                .languages
                .iter()
                .filter_map(|l| {
                    let country = doc
                        .register
                        .controller
                        .as_ref()
                        .and_then(|c| c.country.as_deref());
                    Catalog::for_register(l, country)
                })
                .map(|cat| notice::build(doc, &cat))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn every_example_renders_in_every_declared_language() {
    insta::glob!("../../examples", "**/*.reg", |path| {
        let outlines = outlines(path);
        assert!(!outlines.is_empty(), "{} has no notice", path.display());
        let mut snapshot = String::new();
        for o in &outlines {
            snapshot.push_str(&format!(
                "===== {} ({}) Markdown =====\n",
                o.register, o.lang
            ));
            snapshot.push_str(&markdown::render(o, FrontMatter::Yaml));
            snapshot.push_str(&format!("===== {} ({}) HTML =====\n", o.register, o.lang));
            snapshot.push_str(&html::fragment(o));
        }
        insta::assert_snapshot!(snapshot);
    });
}

fn injection() -> Vec<notice::Document> {
    outlines(&root().join("tests/cases/render/injection.reg"))
}

/// Elements no payload may produce (an attribute such as `onerror` can only come with one).
const FORBIDDEN: &[&str] = &[
    "<script",
    "<img",
    "<iframe",
    "<style",
    "<b>",
    "<a href=\"javascript",
    "<a href=\"data:",
];

fn assert_inert(rendered_html: &str, what: &str) {
    let lower = rendered_html.to_lowercase();
    for bad in FORBIDDEN {
        assert!(
            !lower.contains(bad),
            "{what}: `{bad}` came through:\n{rendered_html}"
        );
    }
    assert!(
        !rendered_html.contains('\u{202E}'),
        "{what}: a bidi override came through"
    );
}

#[test]
fn markdown_shows_hostile_texts_only_as_text() {
    for o in injection() {
        let md = markdown::render(&o, FrontMatter::Yaml);
        assert!(
            !md.contains("{{") && !md.contains("{%"),
            "template syntax reached the Markdown:\n{md}"
        );
        let body = md.splitn(3, "---\n").nth(2).unwrap();
        let mut rendered = String::new();
        let parser = pulldown_cmark::Parser::new_ext(
            body,
            pulldown_cmark::Options::ENABLE_HEADING_ATTRIBUTES,
        );
        pulldown_cmark::html::push_html(&mut rendered, parser);
        assert_inert(&rendered, "Markdown");
        // The payload is still there, as text the reader can see.
        assert!(
            rendered.contains("&lt;script&gt;document.title='pwned-name'&lt;/script&gt;")
                || rendered
                    .contains("&lt;script&gt;document.title=&#39;pwned-name&#39;&lt;/script&gt;"),
            "{rendered}"
        );
        assert!(
            rendered.contains("&#123;&#123; .Site.Title &#125;&#125;")
                || rendered.contains("{{ .Site.Title }}"),
            "{rendered}"
        );
        // Leading spaces do not make a code block; `$$` stays text for kramdown and pandoc.
        assert!(!rendered.contains("<pre>"), "{rendered}");
        assert!(md.contains("\\$\\$x\\^2\\$\\$"), "{md}");
        assert!(rendered.contains(">four leading spaces"), "{rendered}");
    }
}

#[test]
fn html_shows_hostile_texts_only_as_text() {
    for o in injection() {
        let page = html::page(&o);
        let without_own_style = page.replacen("<style>body{font", "<own-style>", 1);
        assert_inert(&without_own_style, "HTML");
        assert!(
            page.contains("&lt;script&gt;document.title=&#39;pwned-name&#39;&lt;/script&gt;"),
            "{page}"
        );
        assert_eq!(
            page.matches("<style>").count(),
            1,
            "only the page's own style element"
        );
    }
}

/// Titles no front matter may break: quotes, backslashes, line breaks, YAML and TOML
/// syntax, DEL and C1 controls, the characters YAML 1.1 reads as line breaks, and
/// non-characters.
fn hostile_titles() -> Vec<notice::Document> {
    const TITLES: &[&str] = &[
        "a\u{7F}b",
        "c1 \u{80}\u{85}\u{9F} end",
        "line\u{2028}sep\u{2029}para",
        "nonchar \u{FFFE}\u{FFFF}",
        "quote \" back \\ tab\t nl\n",
        "key: value # not a comment",
        "[table]\n+++\n---",
        "no",
    ];
    let mut out = Vec::new();
    for (i, title) in TITLES.iter().enumerate() {
        let mut o = injection().remove(0);
        o.title = (*title).to_string();
        o.register = format!("hostile-{i}");
        o.updated = Some("2018-04-06".to_string());
        if i % 2 == 0 {
            o.draft = Some("draft".to_string());
        }
        out.push(o);
    }
    out
}

/// TOML front matter read back by a TOML reader gives the same title, language and
/// register; drafts carry `draft = true` and `robots` under `[extra]` (Zola's layout).
#[test]
fn toml_front_matter_reads_back_as_written() {
    let mut outlines = injection();
    outlines.extend(hostile_titles());
    for o in outlines {
        let md = markdown::render(&o, FrontMatter::Toml);
        let front = md.split("+++\n").nth(1).unwrap();
        let read: toml::Table = front
            .parse()
            .unwrap_or_else(|e| panic!("TOML reader refused it: {e}\n{front}"));
        assert_eq!(read["title"].as_str(), Some(o.title.as_str()), "{front}");
        let extra = read["extra"].as_table().unwrap();
        assert_eq!(extra["lang"].as_str(), Some(o.lang.as_str()));
        assert_eq!(extra["register"].as_str(), Some(o.register.as_str()));
        assert_eq!(
            read.get("draft").and_then(|d| d.as_bool()),
            o.draft.as_ref().map(|_| true)
        );
        if o.updated.is_some() {
            assert_eq!(read["date"].as_str(), Some("2018-04-06"));
        }
    }
}

fn write_temp(name: &str, content: &str) -> PathBuf {
    let dir = root().join("target/notice-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

/// A YAML 1.1 reader (PyYAML) reads every front-matter value back as the same string:
/// `no`, `on`, `2018-04-06`, `~` and friends must not turn into booleans, dates or nulls,
/// and no control character makes the document invalid. Python's `tomllib` (TOML 1.0)
/// reads the TOML front matter back the same way.
#[test]
#[ignore = "needs python3 with PyYAML; .ci/run installs it and runs this"]
fn front_matter_reads_back_in_yaml_1_1_and_toml_1_0() {
    let mut outlines = injection();
    outlines.extend(hostile_titles());
    outlines.extend(outlines_of_all_examples());
    for o in outlines {
        let md = markdown::render(&o, FrontMatter::Yaml);
        let front = md.split("---\n").nth(1).unwrap();
        let file = write_temp(&format!("{}-{}.yaml", o.register, o.lang), front);
        let script = "import sys, yaml, json\nd = yaml.safe_load(open(sys.argv[1], encoding='utf-8'))\nassert all(isinstance(v, str) for k, v in d.items() if k != 'draft'), d\nassert d.get('draft', True) is True, d\nprint(json.dumps(d, sort_keys=True))";
        let read = python(script, &file, front);
        assert_eq!(read["title"], serde_json::json!(o.title));
        assert_eq!(read["lang"], serde_json::json!(o.lang));
        assert_eq!(
            read.get("draft"),
            o.draft.as_ref().map(|_| &serde_json::Value::Bool(true))
        );

        let md = markdown::render(&o, FrontMatter::Toml);
        let front = md.split("+++\n").nth(1).unwrap();
        let file = write_temp(&format!("{}-{}.toml", o.register, o.lang), front);
        let script = "import sys, tomllib, json\nd = tomllib.load(open(sys.argv[1], 'rb'))\nprint(json.dumps(d, sort_keys=True))";
        let read = python(script, &file, front);
        assert_eq!(read["title"], serde_json::json!(o.title));
        assert_eq!(read["extra"]["register"], serde_json::json!(o.register));
    }
}

fn python(script: &str, file: &Path, front: &str) -> serde_json::Value {
    let out = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(file)
        .output()
        .expect("python3 is needed");
    assert!(
        out.status.success(),
        "Python could not read it back:\n{front}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn outlines_of_all_examples() -> Vec<notice::Document> {
    let mut all = Vec::new();
    for entry in std::fs::read_dir(root().join("examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "reg") {
            all.extend(outlines(&path));
        }
    }
    all
}

fn chromium() -> String {
    for candidate in ["chromium", "chromium-browser", "google-chrome"] {
        if std::process::Command::new(candidate)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
        {
            return candidate.to_string();
        }
    }
    panic!("no Chromium found: install Debian's `chromium` package (.ci/run does)");
}

fn headless(browser: &str, extra: &[&str], page: &Path) -> std::process::Output {
    let profile = tempfile::tempdir().unwrap();
    std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap()
}

/// Every generated page in headless Chromium: the payloads all try to change
/// `document.title`; the title after loading must be the page's own. A screenshot of one
/// notice is saved as `target/notice-screenshot.png`.
#[test]
#[ignore = "needs Debian's chromium; .ci/run installs it and runs this"]
fn no_payload_runs_in_a_real_browser() {
    let browser = chromium();
    let mut pages = injection();
    pages.extend(outlines_of_all_examples());
    for (i, o) in pages.iter().enumerate() {
        let page = html::page(o);
        let file = write_temp(&format!("page-{i}-{}.html", o.lang), &page);
        let out = headless(
            &browser,
            &["--virtual-time-budget=2000", "--dump-dom"],
            &file,
        );
        let dom = String::from_utf8_lossy(&out.stdout);
        assert!(
            dom.contains("<title>"),
            "Chromium printed no DOM for {}: {}",
            o.register,
            String::from_utf8_lossy(&out.stderr)
        );
        let title = dom
            .split("<title>")
            .nth(1)
            .and_then(|t| t.split("</title>").next())
            .unwrap_or("");
        let prefix = o.title.split(':').next().unwrap_or("");
        assert!(
            !title.starts_with("pwned") && title.starts_with(prefix),
            "a payload ran in {} ({}): the title is now {title:?}",
            o.register,
            o.lang
        );
    }
    let studio = pages
        .iter()
        .find(|o| o.register == "studio-m-customers")
        .unwrap();
    let file = write_temp("screenshot.html", &html::page(studio));
    let shot = root().join("target/notice-screenshot.png");
    let out = headless(
        &browser,
        &[
            "--window-size=412,1400",
            "--hide-scrollbars",
            &format!("--screenshot={}", shot.display()),
        ],
        &file,
    );
    assert!(
        shot.exists(),
        "no screenshot: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The variables a Fluent message uses, in its value and its attributes, read from the
/// source by Fluent's own parser.
fn variables(source: &str, key: &str) -> std::collections::BTreeSet<String> {
    use fluent_syntax::ast::{
        CallArguments, Entry, Expression, InlineExpression, Pattern, PatternElement,
    };
    type Names = std::collections::BTreeSet<String>;

    fn in_pattern(pattern: &Pattern<&str>, out: &mut Names) {
        for element in &pattern.elements {
            if let PatternElement::Placeable { expression } = element {
                in_expression(expression, out);
            }
        }
    }
    fn in_expression(expression: &Expression<&str>, out: &mut Names) {
        match expression {
            Expression::Select { selector, variants } => {
                in_inline(selector, out);
                for variant in variants {
                    in_pattern(&variant.value, out);
                }
            }
            Expression::Inline(inline) => in_inline(inline, out),
        }
    }
    fn in_inline(inline: &InlineExpression<&str>, out: &mut Names) {
        match inline {
            InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            InlineExpression::FunctionReference { arguments, .. }
            | InlineExpression::TermReference {
                arguments: Some(arguments),
                ..
            } => in_arguments(arguments, out),
            InlineExpression::Placeable { expression } => in_expression(expression, out),
            _ => {}
        }
    }
    fn in_arguments(arguments: &CallArguments<&str>, out: &mut Names) {
        for positional in &arguments.positional {
            in_inline(positional, out);
        }
        for named in &arguments.named {
            in_inline(&named.value, out);
        }
    }

    let resource = match fluent_syntax::parser::parse(source) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("the catalogue does not parse: {errors:?}"),
    };
    let mut names = Names::new();
    for entry in &resource.body {
        let Entry::Message(message) = entry else {
            continue;
        };
        if message.id.name == key {
            if let Some(value) = &message.value {
                in_pattern(value, &mut names);
            }
            for attribute in &message.attributes {
                in_pattern(&attribute.value, &mut names);
            }
        }
    }
    names
}

/// Every catalogue has the same keys with the same variables, and every notice of every
/// example renders in every language with no key left untranslated and no variable left
/// unfilled (Fluent writes a missing one as `{$name}`; regc writes a missing key as itself).
#[test]
fn every_locale_has_every_key_and_every_variable_is_supplied() {
    let locales = regc::render::l10n::LOCALES;
    let (_, reference) = locales[0];
    let keys = regc::render::l10n::message_ids(reference);
    assert!(keys.len() > 50, "{} keys", keys.len());
    assert_eq!(
        variables(reference, "notice-intro").len(),
        2,
        "the variable reader works"
    );
    for (lang, source) in locales {
        assert_eq!(
            regc::render::l10n::message_ids(source),
            keys,
            "{lang} has other keys than en"
        );
        for key in &keys {
            assert_eq!(
                variables(source, key),
                variables(reference, key),
                "{lang}: `{key}` uses other variables than en"
            );
        }
    }
    for path in [
        "examples/complete/pro-stories.reg",
        "examples/studio-m.reg",
        "examples/ptstudio.reg",
        "tests/cases/render/injection.reg",
    ] {
        for doc in docs(&root().join(path)) {
            for (lang, _) in locales {
                let outline = notice::build(&doc, &Catalog::new(lang).unwrap());
                let md = markdown::render(&outline, FrontMatter::None);
                assert!(
                    !md.contains("{$") && !md.contains("{ $"),
                    "{path} ({lang}): an unfilled variable:\n{md}"
                );
                for key in &keys {
                    assert!(
                        !md.contains(key.as_str()),
                        "{path} ({lang}): `{key}` untranslated"
                    );
                }
            }
        }
    }
}

/// Statements whose words are internal by design, with the reason (docs/language.md says
/// the same). Reference facts (`law`, `authority`, `event`, …) are the standard library's
/// vocabulary: their texts reach a notice where a register uses them, and the examples'
/// snapshots show that.
const INTERNAL: &[(&str, &[&str], &str)] = &[
    (
        "allow",
        &["JSON"],
        "a suppression's reason is for reviewers: it is in the JSON (`suppressions`), not in the notice",
    ),
    (
        "known-as",
        &[],
        "the names people write for a recipient or a fact are what regc looks for in texts, not something to publish",
    ),
];

/// Every statement the schema accepts that carries people's words, in
/// `tests/cases/render/every-statement.reg` with a marker `Mark<Block><keyword>`: each marker
/// reaches the JSON, and the Markdown and HTML notice unless it is internal by design.
#[test]
fn nothing_accepted_is_lost() {
    let path = root().join("tests/cases/render/every-statement.reg");
    let source = std::fs::read_to_string(&path).unwrap();
    let docs = docs(&path);
    let json: String = docs
        .iter()
        .map(|d| regc::render::json::register(d).unwrap())
        .collect();
    let outlines = outlines(&path);
    let markdown: String = outlines
        .iter()
        .map(|o| markdown::render(o, FrontMatter::Yaml))
        .collect();
    let html: String = outlines.iter().map(html::fragment).collect();
    let mut lost = Vec::new();
    for entry in regc::syntax::schema::SCHEMA {
        let words = entry.text || entry.example.contains('"');
        let typed = ["email", "phone", "website", "business-id"].contains(&entry.keyword);
        if !words || typed || matches!(entry.block, regc::syntax::schema::BlockKind::Fact(_)) {
            continue;
        }
        let marker = format!(
            "Mark{}{}",
            format!("{:?}", entry.block).replace(['(', ')'], ""),
            entry.keyword.replace('-', "")
        );
        assert!(
            source.contains(&marker),
            "the fixture has no `{marker}` for `{}` in {}",
            entry.keyword,
            entry.block.describe()
        );
        let internal = INTERNAL.iter().find(|(k, _, _)| *k == entry.keyword);
        for (output, text) in [("JSON", &json), ("Markdown", &markdown), ("HTML", &html)] {
            if internal.is_some_and(|(_, shown_in, _)| !shown_in.contains(&output)) {
                continue;
            }
            if !text.contains(&marker) {
                lost.push(format!("{marker} is missing from the {output}"));
            }
        }
    }
    assert!(lost.is_empty(), "accepted and lost:\n{}", lost.join("\n"));
}

/// The complaint section follows the controller's jurisdiction and region: the ICO for a
/// club in England, BayLDA in Bavaria, the Berlin commissioner in Berlin, and for a German
/// controller with no region the sentence that the state's authority is competent.
#[test]
fn the_authority_follows_the_controllers_country_and_region() {
    let expect: &[(&str, &str, &str)] = &[
        (
            "jurisdiction-uk.reg",
            "Information Commissioner",
            "Wilmslow",
        ),
        ("jurisdiction-de-by.reg", "BayLDA", "Ansbach"),
        ("jurisdiction-de-be.reg", "Berlin Commissioner", "Moabit"),
        ("jurisdiction-de.reg", "federal state", "federal state"),
    ];
    for (file, name, detail) in expect {
        let path = root().join("tests/cases/render").join(file);
        let outlines = outlines(&path);
        let markdown: String = outlines
            .iter()
            .map(|o| markdown::render(o, FrontMatter::None))
            .collect();
        assert!(markdown.contains(name), "{file}: no {name}:\n{markdown}");
        assert!(
            markdown.contains(detail),
            "{file}: no {detail}:\n{markdown}"
        );
        assert!(
            !markdown.contains("Federal Commissioner"),
            "{file}: names the BfDI"
        );
        let complaint = markdown
            .split("\n## ")
            .find(|s| s.starts_with("Right to lodge a complaint"))
            .unwrap_or_default();
        insta::assert_snapshot!(file.trim_end_matches(".reg"), complaint);
    }
}

/// The language items real notices needed (periods in hours and minutes, bounds,
/// commitments, sections, several contacts, recipients, roles and kinds of source), as the
/// notice shows them in Finnish, Swedish and English.
#[test]
fn language_items_render_in_every_language() {
    let path = root().join("tests/cases/render/language-items.reg");
    let json: serde_json::Value =
        serde_json::from_str(&regc::render::json::register(&docs(&path)[0]).unwrap()).unwrap();
    let register = &json["register"];
    // A period for some categories names them in the JSON, and a category named only there
    // is still one the register keeps, so the notice can name it by its title.
    assert!(
        register["retention"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["data"] == serde_json::json!(["ip-address", "email"]))
    );
    assert!(
        register["data"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["id"] == "email")
    );
    assert_eq!(register["commitments"][0], "no-sale");
    assert_eq!(register["commitments"].as_array().unwrap().len(), 7);
    assert_eq!(register["sections"][0]["title"]["fi"], "Evästeet");
    // Plurals: two contacts, a recipient in two roles, a transfer to two recipients by id
    // and name, a source of two kinds.
    assert_eq!(register["contacts"].as_array().unwrap().len(), 2);
    let items = |list: &str| register[list]["items"].as_array().unwrap().clone();
    assert_eq!(
        items("recipients")[0]["roles"],
        serde_json::json!(["processor", "controller"])
    );
    let to = &items("transfers")[0]["recipients"];
    assert_eq!(to[0]["id"], "operator");
    assert_eq!(to[1]["name"], "Example Monitoring Inc.");
    let source = register["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "network-logs")
        .unwrap();
    assert_eq!(
        source["kinds"],
        serde_json::json!(["subject", "own-systems"])
    );
    let mut snapshot = String::new();
    for o in outlines(&path) {
        snapshot.push_str(&format!("===== {} Markdown =====\n", o.lang));
        snapshot.push_str(&markdown::render(&o, FrontMatter::None));
        snapshot.push_str(&format!("===== {} HTML =====\n", o.lang));
        snapshot.push_str(&html::fragment(&o));
    }
    insta::assert_snapshot!(snapshot);
}

/// Every extension a site generator may turn on: what the escaping must hold against.
fn all_extensions() -> pulldown_cmark::Options {
    use pulldown_cmark::Options as O;
    O::ENABLE_TABLES
        | O::ENABLE_FOOTNOTES
        | O::ENABLE_STRIKETHROUGH
        | O::ENABLE_TASKLISTS
        | O::ENABLE_HEADING_ATTRIBUTES
        | O::ENABLE_MATH
        | O::ENABLE_GFM
        | O::ENABLE_DEFINITION_LIST
        | O::ENABLE_SUPERSCRIPT
        | O::ENABLE_SUBSCRIPT
        | O::ENABLE_WIKILINKS
}

/// The text a reader sees in some Markdown, and every construct it was read as.
fn read_markdown(md: &str) -> (String, Vec<String>) {
    use pulldown_cmark::{Event, Tag};
    let mut text = String::new();
    let mut constructs = Vec::new();
    for event in pulldown_cmark::Parser::new_ext(md, all_extensions()) {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Start(Tag::Paragraph | Tag::Item | Tag::List(None) | Tag::Strong) => {}
            Event::End(_) => text.push(' '),
            Event::Start(tag) => constructs.push(format!("{tag:?}")),
            other => constructs.push(format!("{other:?}")),
        }
    }
    (text, constructs)
}

fn normalized(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

    /// Escaped text, as a paragraph, a list item and a labelled field, reads back through
    /// pulldown-cmark (every extension on) as the same text and as nothing else.
    #[test]
    fn escaped_markdown_reads_back_as_the_same_text(
        s in "[-+=:.)(!#*_^%`\\[\\]\\\\|~$&<>{}\"' a-z0-9äö\n]{0,24}"
    ) {
        let escaped = regc::render::escape::markdown(&s);
        for md in [
            format!("{escaped}\n"),
            format!("- {escaped}\n- next\n"),
            format!("- **Label:** {escaped}\n"),
        ] {
            let (text, constructs) = read_markdown(&md);
            proptest::prop_assert!(constructs.is_empty(), "{s:?} → {md:?} → {constructs:?}");
            proptest::prop_assert!(
                normalized(&text).contains(&normalized(&s)),
                "{s:?} → {md:?} read back as {text:?}"
            );
        }
    }
}

/// Every text of every example notice reaches the reader unchanged: the Markdown, read
/// back by pulldown-cmark, shows each text the outline holds, word for word.
#[test]
fn example_notices_read_back_word_for_word() {
    let mut all = outlines_of_all_examples();
    all.extend(outlines(&root().join("examples/complete/pro-stories.reg")));
    for o in all {
        let md = markdown::render(&o, FrontMatter::None);
        let (shown, _) = read_markdown(&md);
        let shown = normalized(&shown);
        let mut texts: Vec<String> = vec![o.title.clone()];
        for block in &o.blocks {
            match block {
                notice::Block::Heading { text, .. } => texts.push(text.clone()),
                notice::Block::Paragraph(parts) => texts.extend(inline_texts(parts)),
                notice::Block::List(items) => {
                    items.iter().for_each(|i| texts.extend(inline_texts(i)))
                }
                notice::Block::Fields(fields) => {
                    for (label, value) in fields {
                        texts.push(label.clone());
                        texts.extend(inline_texts(value));
                    }
                }
                notice::Block::UserText(t, _) => texts.extend(
                    t.lines()
                        .map(|l| l.trim_start().strip_prefix("- ").unwrap_or(l).to_string()),
                ),
            }
        }
        for t in texts {
            assert!(
                shown.contains(&normalized(&t)),
                "{} ({}): {t:?} does not read back from\n{md}",
                o.register,
                o.lang
            );
        }
    }
}

fn inline_texts(parts: &[notice::Inline]) -> Vec<String> {
    parts
        .iter()
        .map(|p| match p {
            notice::Inline::Text(t) => t.clone(),
            notice::Inline::Link { text, .. } => text.clone(),
        })
        .collect()
}

/// Every country `country` accepts has a name in every notice language (from the CLDR),
/// and so do the places that are not one country.
#[test]
fn every_country_has_a_name_in_every_language() {
    for (lang, _) in regc::render::l10n::LOCALES {
        let cat = Catalog::new(lang).unwrap();
        for (code, _) in regc::syntax::values::COUNTRIES {
            let name = cat.country(code);
            assert!(
                name != code && !name.is_empty(),
                "{lang}: {code} has no name"
            );
        }
        for code in ["EU", "EEA", "outside-eea"] {
            assert_ne!(cat.country(code), code, "{lang}: {code} has no name");
        }
    }
    let fi = Catalog::new("fi").unwrap();
    assert_eq!(fi.country("SE"), "Ruotsi");
    assert_eq!(Catalog::new("sv").unwrap().country("FI"), "Finland");
}

/// What a published notice must never show: the file's internal ids, a country code where
/// a name belongs, a doubled full stop; and, for a register without errors (the ones a
/// default build publishes), no "not stated" gap at all.
#[test]
fn published_notices_show_no_ids_codes_doubled_stops_or_gaps() {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "reg"))
        .collect();
    paths.push(root().join("examples/complete/pro-stories.reg"));
    for path in paths {
        let name = common::display_name(&path);
        let source = std::fs::read_to_string(&path).unwrap();
        let full = common::run_full(&[(&name, &source)], &[&name], "2026-11-23", None);
        for doc in &full.docs {
            let complete = !full.diagnostics.iter().any(|d| {
                d.is_error()
                    && doc.register.span.start <= d.primary.span.start
                    && d.primary.span.end <= doc.register.span.end
                    && d.primary.span.source == doc.register.span.source
            });
            let ids = internal_ids(doc);
            for lang in &doc.register.languages {
                let cat = Catalog::new(lang).unwrap();
                let outline = notice::build(doc, &cat);
                let md = markdown::render(&outline, FrontMatter::None);
                let (shown, _) = read_markdown(&md);
                let place = format!("{name} `{}` ({lang})", doc.register.id);
                if doc.register.title.get(lang).is_none() && doc.register.title.get("en").is_none()
                {
                    assert_eq!(
                        outline.title,
                        cat.get("notice-title"),
                        "{place}: the id as a title"
                    );
                }
                for token in shown.split_whitespace() {
                    let word = token.trim_matches(|c: char| "()[],.:;‘’”\"".contains(c));
                    assert!(
                        !ids.contains(&word.to_string()),
                        "{place}: the internal id `{word}` is shown:\n{md}"
                    );
                }
                assert!(
                    !shown.replace("...", "").contains(".."),
                    "{place}: a doubled full stop:\n{md}"
                );
                for block in &outline.blocks {
                    if let notice::Block::Fields(fields) = block {
                        for (label, value) in fields {
                            let value = inline_texts(value).join("");
                            let codes = value.split(", ").all(|c| {
                                c.len() == 2 && c.chars().all(|ch| ch.is_ascii_uppercase())
                            });
                            assert!(!codes, "{place}: `{label}` shows a code: {value}");
                        }
                    }
                }
                if complete {
                    for gap in cat
                        .keys()
                        .iter()
                        .filter(|k| k.starts_with("gap-") || *k == "not-stated")
                    {
                        let said = cat.get(gap);
                        assert!(!shown.contains(&said), "{place}: says `{said}`:\n{md}");
                    }
                }
            }
        }
    }
}

/// The ids a register's file names things by, where they cannot be ordinary words.
fn internal_ids(doc: &RegisterDoc) -> Vec<String> {
    let r = &doc.register;
    let mut ids = vec![r.id.clone()];
    ids.extend(r.purposes.iter().map(|p| p.id.clone()));
    ids.extend(r.data.iter().map(|d| d.id.clone()));
    ids.extend(r.subjects.iter().map(|s| s.id.clone()));
    ids.extend(r.sources.iter().map(|s| s.id.clone()));
    if let regc::resolve::model::Stated::Listed(list) = &r.recipients {
        ids.extend(list.iter().map(|x| x.id.clone()));
    }
    if let regc::resolve::model::Stated::Listed(list) = &r.transfers {
        ids.extend(list.iter().map(|x| x.id.clone()));
    }
    ids.extend(r.controller.iter().map(|c| c.id.clone()));
    ids.retain(|id| id.contains('-'));
    ids
}

/// Region tags: Swedish in Sweden and in Finland are worded differently; a tag without a
/// region follows the controller's country; a text in `sv` serves `sv-FI`, `en` serves
/// `en-GB`.
#[test]
fn region_tags_take_their_country_s_wording() {
    let source = "controller c {\n  name \"C Ab\"\n  country FI\n  business-id FI \"2298585-9\"\n}\nregister r {\n  title sv \"Kundregister\" en \"Customers\"\n  languages sv-FI, sv-SE, en-GB, sv\n  controller c\n}\n";
    let full = common::run_full(&[("r.reg", source)], &["r.reg"], "2026-11-23", None);
    let doc = &full.docs[0];
    let notice = |tag: &str| {
        let cat = Catalog::for_register(tag, Some("FI")).unwrap();
        let o = notice::build(doc, &cat);
        (o.lang.clone(), markdown::render(&o, FrontMatter::None))
    };
    let (lang, fi) = notice("sv-FI");
    assert_eq!(lang, "sv-FI");
    assert!(
        fi.starts_with("# Dataskyddsbeskrivning: Kundregister"),
        "{fi}"
    );
    assert!(fi.contains("**FO-nummer:** 2298585-9"), "{fi}");
    let (_, se) = notice("sv-SE");
    assert!(se.starts_with("# Integritetspolicy: Kundregister"), "{se}");
    assert!(se.contains("I denna integritetspolicy"), "{se}");
    let (lang, gb) = notice("en-GB");
    assert_eq!(lang, "en-GB");
    assert!(gb.starts_with("# Privacy notice: Customers"), "{gb}");
    let (lang, plain) = notice("sv");
    assert_eq!(lang, "sv");
    assert!(
        plain.contains("**FO-nummer:**"),
        "a Finnish controller's `sv` is sv-FI:\n{plain}"
    );
    let swedish = Catalog::for_register("sv", Some("SE")).unwrap();
    assert_eq!(swedish.get("notice-title"), "Integritetspolicy");
    assert_eq!(swedish.tag, "sv");
    assert!(
        !full.diagnostics.iter().any(|d| d.code.as_str() == "L001"),
        "sv and en texts serve sv-FI, sv-SE and en-GB"
    );
}

/// A regional catalogue only rewords its language's messages: every key it has exists in
/// the language's catalogue, with the same variables.
#[test]
fn regional_catalogues_only_reword_existing_messages() {
    for (tag, source) in regc::render::l10n::REGIONAL {
        let primary = tag.split('-').next().unwrap();
        let (_, base) = regc::render::l10n::LOCALES
            .iter()
            .find(|(code, _)| *code == primary)
            .unwrap();
        let base_keys = regc::render::l10n::message_ids(base);
        let keys = regc::render::l10n::message_ids(source);
        assert!(!keys.is_empty(), "{tag}: empty");
        for key in keys {
            assert!(
                base_keys.contains(&key),
                "{tag}: `{key}` is not in {primary}"
            );
            assert_eq!(
                variables(source, &key),
                variables(base, &key),
                "{tag}: `{key}` uses other variables than {primary}"
            );
        }
        assert!(Catalog::new(tag).is_some(), "{tag} does not load");
    }
}

/// A text shown in another language than the notice's (its translation is missing) says
/// so with `lang`, so that a screen reader reads it in the right voice (WCAG 3.1.2).
#[test]
fn a_text_in_another_language_carries_its_lang() {
    let source = "controller c {\n  name \"C Oy\"\n  country FI\n}\nregister r {\n  title fi \"Asiakkaat\" en \"Customers\"\n  languages fi, en\n  controller c\n  purpose p {\n    text en \"We send the newsletter. It comes once a month.\"\n    basis consent\n  }\n  purpose q {\n    title en \"Statistics\"\n    basis consent\n  }\n}\n";
    let full = common::run_full(&[("r.reg", source)], &["r.reg"], "2026-11-23", None);
    let doc = &full.docs[0];
    let fi = notice::build(doc, &Catalog::new("fi").unwrap());
    let page = html::page(&fi);
    assert!(page.contains("<html lang=\"fi\">"), "{page}");
    assert!(
        page.contains("<p lang=\"en\">We send the newsletter. It comes once a month.</p>"),
        "{page}"
    );
    assert!(
        page.contains("<h3 id=\"purpose-q\" lang=\"en\">Statistics</h3>"),
        "{page}"
    );
    let en = notice::build(doc, &Catalog::new("en").unwrap());
    assert!(
        !html::page(&en).contains(" lang=\"en\">We"),
        "its own language needs no mark"
    );
}

/// axe-core, run in the system Chromium on every example notice (complete and draft, in
/// each of its languages), finds no WCAG 2.1 A/AA or best-practice violation, and each
/// page prints to a PDF.
#[test]
#[ignore = "needs Node.js with tests/a11y's packages and Chromium; .ci/run installs them and runs this"]
fn every_example_notice_passes_axe_core() {
    let dir = root().join("target/notice-tests/a11y");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut all = outlines_of_all_examples();
    all.extend(outlines(&root().join("examples/complete/pro-stories.reg")));
    let mut files = Vec::new();
    for (i, mut o) in all.into_iter().enumerate() {
        if i % 3 == 0 {
            o.mark_draft(&Catalog::new(&o.lang).unwrap());
        }
        let file = dir.join(format!("{}-{}.html", o.register, o.lang));
        std::fs::write(&file, html::page(&o)).unwrap();
        files.push(file);
    }
    let out = std::process::Command::new("node")
        .arg(root().join("tests/a11y/axe.mjs"))
        .args(&files)
        .output()
        .expect("node is needed");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{said}");
    assert_eq!(
        said.matches(": 0 violations").count(),
        files.len(),
        "{said}"
    );
}

/// A standalone page has its content in `<main>` (one landmark, as axe-core asks) and a
/// print stylesheet (black text, no page break right after a heading) for "Print to PDF".
#[test]
fn pages_have_a_main_landmark_and_a_print_stylesheet() {
    for o in outlines(&root().join("examples/complete/pro-stories.reg")) {
        let page = html::page(&o);
        assert_eq!(page.matches("<main>").count(), 1, "{page}");
        assert!(page.contains("@media print{body{"), "{page}");
        assert!(page.contains("h2,h3{break-after:avoid}"), "{page}");
        assert!(
            !html::fragment(&o).contains("<main>"),
            "a fragment goes into the site's own main"
        );
    }
}

/// What the issue "Notices people can trust" found wrong, each checked where it showed:
/// the summary lists every storage period; each purpose has its own heading with its data;
/// fields carry their own labels (never a section's heading); rights speak to the reader,
/// withdrawal keeps earlier processing lawful and says how, the two rights to object are
/// told apart, a restriction that names no law is not "restricted by law"; countries are
/// named, not coded.
#[test]
fn notices_say_what_the_law_asks_in_the_readers_words() {
    let source = r#"controller c {
  name "Kahvila Oy"
  country FI
  email "info@kahvila.example"
}
person dpo {
  name "Dana Officer"
  organisation "Tietosuojapalvelut Oy"
  email "dpo@kahvila.example"
}
register r {
  title en "Customers" fi "Asiakkaat" sv "Kunder"
  languages en, fi, sv
  controller c
  dpo dpo
  purpose news {
    title en "Newsletter" fi "Uutiskirje" sv "Nyhetsbrev"
    text en "We send a monthly newsletter." fi "Lähetämme uutiskirjeen." sv "Vi skickar ett nyhetsbrev."
    basis consent
    direct-marketing
    data email
    recipients host
    retention until consent-withdrawn
  }
  purpose stats {
    text en "Counting visits. We count them weekly." fi "Käyntien laskeminen. Laskemme ne viikoittain." sv "Räkna besök. Vi räknar dem varje vecka."
    basis legitimate-interest
    interest en "Knowing our visitors." fi "Kävijöiden tunteminen." sv "Att känna våra besökare."
    data ip-address
    retention 3 months after collection
  }
  right erasure {
    restriction en "Receipts are kept until the period ends." fi "Kuitit säilytetään kauden loppuun." sv "Kvitton sparas perioden ut."
  }
  recipient host {
    name "Host Inc."
    role processor
    country US
  }
  transfer host {
    country US
    recipient host
    mechanism adequacy
  }
  automated-decisions none
}
"#;
    let full = common::run_full(&[("r.reg", source)], &["r.reg"], "2026-11-23", None);
    let doc = &full.docs[0];
    let render = |lang: &str| {
        let cat = Catalog::new(lang).unwrap();
        markdown::render(&notice::build(doc, &cat), FrontMatter::None)
    };
    let en = render("en");
    let summary = en.split("\n## ").nth(1).unwrap();
    assert!(
        summary.contains("Storage periods: until you withdraw your consent")
            || summary.contains("Storage periods: until consent"),
        "{summary}"
    );
    assert!(
        summary.contains("3 months"),
        "every period in the summary:\n{summary}"
    );
    assert!(summary.contains("United States"), "{summary}");
    assert!(en.contains("### Newsletter {#purpose-news}"), "{en}");
    assert!(en.contains("### Purpose 2 {#purpose-stats}"), "{en}");
    assert!(en.contains("- **Personal data:** Email address"), "{en}");
    let newsletter = en
        .split("### ")
        .find(|s| s.starts_with("Newsletter"))
        .unwrap();
    assert!(
        newsletter.contains("- **Recipients:** Host Inc."),
        "{newsletter}"
    );
    assert!(en.contains("- **Name:** Dana Officer"), "{en}");
    assert!(
        en.contains("- **Organisation:** Tietosuojapalvelut Oy"),
        "{en}"
    );
    assert!(
        !en.contains("**Controller:**"),
        "no field is labelled with the section's heading"
    );
    assert!(en.contains("- **Supervisory authority:** Office of the Data Protection Ombudsman"));
    assert!(en.contains("- **Country:** Finland"), "{en}");
    assert!(en.contains("### Host Inc. {#recipient-host}"), "{en}");
    assert!(en.contains("- **Countries:** United States"), "{en}");
    assert!(en.contains(
        "does not affect the lawfulness of processing based on consent before its withdrawal"
    ));
    assert!(
        en.contains("To withdraw your consent, contact Kahvila Oy (info@kahvila.example)."),
        "{en}"
    );
    assert!(en.contains("### Right to object (Art. 21(1) GDPR)"), "{en}");
    assert!(
        en.contains("### Right to object to direct marketing (Art. 21(2) GDPR)"),
        "{en}"
    );
    assert!(en.contains("- **Restriction:** Receipts are kept"), "{en}");
    assert!(!en.contains("Restriction by law"), "no law is named:\n{en}");
    for (lang, third_person) in [
        ("en", "The data subject"),
        ("fi", "Rekisteröity voi"),
        ("sv", "Den registrerade kan"),
    ] {
        let text = render(lang);
        assert!(
            !text.contains(third_person),
            "{lang}: the reader in the third person:\n{text}"
        );
        let titles: Vec<&str> = text.lines().filter(|l| l.starts_with("### ")).collect();
        let mut unique = titles.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(
            titles.len(),
            unique.len(),
            "{lang}: a heading twice: {titles:?}"
        );
    }
    assert!(render("fi").contains("- **Maa:** Suomi"));
    assert!(render("sv").contains("USA"));
}

/// Lists stay apart in Markdown: a text ending in a list, then a purpose's fields, then a
/// list of data are three lists to a CommonMark reader, not one (the same bullet would
/// join them even across a blank line), and a line after a list item is not read as part
/// of it.
#[test]
fn markdown_lists_that_follow_each_other_stay_apart() {
    use pulldown_cmark::{Event, Tag};
    let mut o = injection().remove(0);
    o.blocks = vec![
        notice::Block::UserText(
            "Intro:\n- one\n- two\nAfter the list.\n\n- three".into(),
            None,
        ),
        notice::Block::Fields(vec![(
            "Legal basis".into(),
            vec![notice::Inline::Text("consent".into())],
        )]),
        notice::Block::List(vec![vec![notice::Inline::Text("Name".into())]]),
    ];
    let md = markdown::render(&o, FrontMatter::None);
    let mut lists = 0;
    let mut items_text = Vec::new();
    let mut in_item = false;
    for event in pulldown_cmark::Parser::new_ext(&md, all_extensions()) {
        match event {
            Event::Start(Tag::List(_)) => lists += 1,
            Event::Start(Tag::Item) => {
                in_item = true;
                items_text.push(String::new());
            }
            Event::End(pulldown_cmark::TagEnd::Item) => in_item = false,
            Event::Text(t) if in_item => items_text.last_mut().unwrap().push_str(&t),
            _ => {}
        }
    }
    assert_eq!(lists, 4, "{md}");
    assert!(
        items_text.iter().all(|t| !t.contains("After the list")),
        "{md}\n{items_text:?}"
    );
}
