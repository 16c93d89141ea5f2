//! JSON: one document per register, and the JSON Schema generated from the same types.

use crate::resolve::model::RegisterDoc;

/// The register as pretty-printed JSON with a final newline. Keys come in the order of the
/// model's fields and texts sorted by language, so the output is byte-identical every run.
pub fn register(doc: &RegisterDoc) -> Result<String, String> {
    serde_json::to_string_pretty(doc)
        .map(|mut s| {
            s.push('\n');
            s
        })
        .map_err(|e| e.to_string())
}

/// The JSON Schema (draft 2020-12) every register document validates against.
pub fn schema() -> Result<String, String> {
    let schema = schemars::schema_for!(RegisterDoc);
    serde_json::to_string_pretty(&schema)
        .map(|mut s| {
            s.push('\n');
            s
        })
        .map_err(|e| e.to_string())
}
