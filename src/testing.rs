//! What the unit tests share: the project's own `.reg` files as a corpus.

use std::path::{Path, PathBuf};

/// Every `.reg` file under `dir` (a folder of the crate), in its subfolders too, sorted by
/// path: its path and its text (invalid UTF-8 replaced, as a test of bytes wants it read).
pub fn reg_files(dir: &str) -> Vec<(PathBuf, String)> {
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)];
    let mut files = Vec::new();
    while let Some(dir) = dirs.pop() {
        let entries = std::fs::read_dir(&dir).into_iter().flatten().flatten();
        for path in entries.map(|entry| entry.path()) {
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "reg") {
                let bytes = std::fs::read(&path).unwrap_or_default();
                files.push((path, String::from_utf8_lossy(&bytes).into_owned()));
            }
        }
    }
    files.sort();
    files
}

/// Files in memory by path: what a test's `use` can import.
pub struct Memory(pub std::collections::HashMap<String, String>);

impl crate::resolve::load::Files for Memory {
    fn import(
        &mut self,
        _from: &str,
        path: &str,
    ) -> Result<crate::resolve::load::LoadedFile, crate::resolve::load::ImportError> {
        let text = self
            .0
            .get(path)
            .ok_or(crate::resolve::load::ImportError::NotFound)?;
        Ok(loaded(path, text))
    }
}

/// A file named `name` holding `text`, as the files given are loaded.
pub fn loaded(name: &str, text: &str) -> crate::resolve::load::LoadedFile {
    crate::resolve::load::LoadedFile {
        key: name.to_string(),
        name: name.to_string(),
        bytes: text.as_bytes().to_vec(),
    }
}
