//! Reading the files given a batch at a time finds what reading them all at once finds.

use std::collections::HashMap;

use super::{BATCH_BYTES, compile_in_batches};
use crate::compile::Options;
use crate::syntax::values::Date;
use crate::testing::{Memory, loaded};

const TODAY: Date = Date {
    year: 2026,
    month: 11,
    day: 23,
};

fn register(id: &str, controller: &str, years: u32) -> String {
    format!(
        r#"register {id} {{
  title en "Register {id}"
  languages en
  updated 2026-06-01
  controller {controller}
  purpose p0 {{
    text en "Sending newsletters."
    basis consent
    data email
  }}
  data email
  subjects customers
  retention {years} years after last-contact {{
    data email
  }}
}}
"#
    )
}

/// Files that import each other every way a batch can meet: `a` imports `lib`, a file
/// given last (parsed early, for `a`); `e` imports `c`, given before it (its registers
/// dropped by then, so parsed again); `extra`, imported only, imports `deep`, which `lib`
/// imports too (so `deep` is one import away, not two); X003 and X004 find something
/// across files. The examples are given between them.
fn project() -> (Vec<(String, String)>, HashMap<String, String>) {
    let lib = r#"use "deep.reg"

controller acme {
  name "Acme Oy"
  business-id FI "2298585-9"
  address "Eino Leinon tie 9 M, 04310 Tuusula"
  country FI
  email "privacy@acme.fi"
}

recipient unused-mailer {
  name "Example Mail Inc."
  role processor
  country IE
}
"#;
    let deep = "person helper {\n  name \"Helper\"\n  email \"helper@acme.fi\"\n}\n";
    let extra = "use \"deep.reg\"\n\nperson other {\n  name \"Other\"\n}\n";
    // Each file's imports and declarations, then its register (name, controller, years).
    let given = [
        (
            "a.reg",
            "use std::fi\nuse \"lib.reg\"\nuse \"extra.reg\"\n",
            "ra",
            "acme",
            2,
        ),
        (
            "b.reg",
            "use \"d.reg\"\n\ncontroller bee {\n  name \"Bee Ab\"\n  country SE\n}\n",
            "rb",
            "bee",
            3,
        ),
        (
            "c.reg",
            "use \"lib.reg\"\n\nperson lonely {\n  name \"Nobody\"\n}\n",
            "rc",
            "acme",
            2,
        ),
        (
            "d.reg",
            "controller dee {\n  name \"Dee Oy\"\n}\n",
            "rd",
            "dee",
            1,
        ),
        ("e.reg", "use \"c.reg\"\nuse \"lib.reg\"\n", "re", "acme", 5),
    ];
    let mut roots: Vec<(String, String)> = given
        .iter()
        .map(|(name, head, id, controller, years)| {
            let text = format!("{head}\n{}", register(id, controller, *years));
            (name.to_string(), text)
        })
        .collect();
    for (path, text) in crate::testing::reg_files("examples") {
        if path.parent().and_then(|p| p.file_name()) == Some("examples".as_ref()) {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            roots.push((name.into_owned(), text));
        }
    }
    roots.push(("lib.reg".to_string(), lib.to_string()));
    let mut files: HashMap<String, String> = roots.iter().cloned().collect();
    files.insert("deep.reg".to_string(), deep.to_string());
    files.insert("extra.reg".to_string(), extra.to_string());
    (roots, files)
}

/// Every diagnostic and finding, the files' names and the models, as text; and the codes
/// of the findings, and whether a file could not be read.
fn compiled(options: &Options, batch_bytes: usize) -> (Vec<String>, Vec<&'static str>, bool) {
    let (roots, files) = project();
    let roots = roots.iter().map(|(n, t)| loaded(n, t)).collect();
    let compiled = compile_in_batches(roots, &mut Memory(files), options, batch_bytes);
    let mut seen: Vec<String> = compiled.all().map(|d| format!("{d:?}")).collect();
    seen.extend(compiled.program.sources.iter().map(|(_, s)| s.name.clone()));
    seen.extend(
        compiled
            .docs
            .iter()
            .map(|d| serde_json::to_string(d).unwrap_or_default()),
    );
    let codes = compiled.findings.iter().map(|d| d.code.as_str()).collect();
    (seen, codes, compiled.unreadable())
}

#[test]
fn batches_find_what_reading_every_file_at_once_finds() {
    for docs in [false, true] {
        // An editor keeps every tree: the files are read in one batch.
        let whole = Options {
            references: true,
            docs,
            ..Options::on(TODAY)
        };
        let (expected, codes, unreadable) = compiled(&whole, BATCH_BYTES);
        assert!(!unreadable, "the project does not read: {expected:#?}");
        for code in ["X003", "X004", "T001", "V001"] {
            assert!(codes.contains(&code), "the project finds no {code}");
        }
        let batched = Options {
            docs,
            ..Options::on(TODAY)
        };
        for batch_bytes in [1, 2_000, BATCH_BYTES] {
            let (seen, _, _) = compiled(&batched, batch_bytes);
            assert_eq!(
                seen, expected,
                "batches of {batch_bytes} bytes, docs {docs}"
            );
        }
    }
}

/// A file given that imports an earlier one sees its registers (a second register of
/// the same name is a duplicate), though that file's registers were dropped with its
/// batch: it is parsed again.
#[test]
fn a_file_imported_after_its_batch_is_read_whole() {
    let files: HashMap<String, String> = [
        ("c.reg", register("rc", "acme", 2)),
        (
            "e.reg",
            format!(
                "use \"c.reg\"\n\ncontroller acme {{\n  name \"Acme\"\n}}\n\n{}",
                register("rc", "acme", 5)
            ),
        ),
    ]
    .into_iter()
    .map(|(n, t)| (n.to_string(), t))
    .collect();
    let options = Options::on(TODAY);
    let duplicates = |batch_bytes: usize| -> Vec<String> {
        let roots = ["c.reg", "e.reg"]
            .iter()
            .map(|n| loaded(n, &files[*n]))
            .collect();
        let compiled = compile_in_batches(roots, &mut Memory(files.clone()), &options, batch_bytes);
        compiled
            .diagnostics
            .iter()
            .filter(|d| d.message.contains("`rc`"))
            .map(|d| format!("{d:?}"))
            .collect()
    };
    let whole = duplicates(BATCH_BYTES);
    assert_eq!(whole.len(), 1, "{whole:#?}");
    assert_eq!(duplicates(1), whole);
}
