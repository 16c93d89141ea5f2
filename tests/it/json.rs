//! JSON output: every example validates against the schema with an independent validator
//! (the `jsonschema` crate), the committed schema is current, and output is stable.

use std::path::Path;

use regc::compile::Options;
use regc::resolve::load::{Files, ImportError, LoadedFile};
use regc::resolve::model::RegisterDoc;
use regc::syntax::values::parse_date;

struct NoImports;

impl Files for NoImports {
    fn import(&mut self, _: &str, _: &str) -> Result<LoadedFile, ImportError> {
        Err(ImportError::NotFound)
    }
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The registers of one example, judged on the date of this project's reference run.
fn docs_of(path: &Path) -> Vec<RegisterDoc> {
    let name = path
        .strip_prefix(root())
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/");
    let bytes = std::fs::read(path).unwrap();
    let compiled = regc::compile(
        vec![LoadedFile {
            key: name.clone(),
            name,
            bytes,
        }],
        &mut NoImports,
        &Options::on(parse_date("2026-11-23").unwrap()),
    );
    assert!(
        compiled.diagnostics.is_empty(),
        "{:?}",
        compiled.diagnostics
    );
    compiled.docs
}

fn schema() -> serde_json::Value {
    serde_json::from_str(&regc::render::json::schema().unwrap()).unwrap()
}

#[test]
fn the_committed_schema_is_current() {
    let committed =
        std::fs::read_to_string(root().join("docs/schema/register.schema.json")).unwrap();
    assert!(
        committed == regc::render::json::schema().unwrap(),
        "docs/schema/register.schema.json is stale: run `cargo run -- schema > docs/schema/register.schema.json`"
    );
}

#[test]
fn every_example_validates_against_the_schema() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    insta::glob!("../../examples", "*.reg", |path| {
        let docs = docs_of(path);
        assert!(!docs.is_empty());
        let mut snapshot = String::new();
        for doc in &docs {
            let text = regc::render::json::register(doc).unwrap();
            let value: serde_json::Value = serde_json::from_str(&text).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&value)
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
            snapshot.push_str(&text);
        }
        insta::assert_snapshot!(snapshot);
    });
}

#[test]
fn the_validator_rejects_what_the_schema_forbids() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let doc = &docs_of(&root().join("examples/pro-stories.reg"))[0];
    let mut value: serde_json::Value =
        serde_json::from_str(&regc::render::json::register(doc).unwrap()).unwrap();
    value["register"]["surprise"] = serde_json::json!(1);
    value["register"]["transfers"]["status"] = serde_json::json!("perhaps");
    assert!(validator.iter_errors(&value).count() >= 2);
}
