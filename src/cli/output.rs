//! Writing outputs without ever leaving a half-written file: each goes to a temporary file
//! in the same folder and is renamed over the old one.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::Path;

use regc::resolve::model::RegisterDoc;

/// Writes `<out>/<register>.json` for every register; returns how many were written.
pub fn write_json(out: &Path, docs: &[RegisterDoc]) -> Result<usize, String> {
    let mut planned: BTreeMap<String, (&str, String)> = BTreeMap::new();
    for doc in docs {
        let name = format!("{}.json", doc.register.id);
        if let Some((other, _)) = planned.get(&name) {
            return Err(format!(
                "two registers are called `{}` (in {} and {}), so both would be written to {name}\n  help: rename one of them",
                doc.register.id, other, doc.source
            ));
        }
        planned.insert(
            name,
            (doc.source.as_str(), regc::render::json::register(doc)?),
        );
    }
    fs::create_dir_all(out).map_err(|e| format!("cannot create `{}`: {e}", out.display()))?;
    for (name, (_, text)) in &planned {
        write_atomically(&out.join(name), text.as_bytes())?;
    }
    Ok(planned.len())
}

pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(dir)
        .map_err(|e| format!("cannot write in `{}`: {e}", dir.display()))?;
    temp.write_all(bytes)
        .map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
    temp.persist(path)
        .map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
    Ok(())
}
