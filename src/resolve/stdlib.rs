//! The standard library: `.reg` source compiled into the binary, and shipped parsed.
//!
//! Parsing the 43 KB of `stdlib/*.reg` was most of a small check's time, on every run. So
//! the syntax trees are shipped too, serialised in `stdlib/parsed.postcard` with the hash of
//! the sources they were parsed from. When the sources no longer hash the same (a
//! `.reg` file edited and the trees not regenerated), regc parses the sources as before:
//! the shipped trees can make regc slower, never wrong. A test keeps the file current; it
//! is regenerated with `REGC_UPDATE_STDLIB=1 cargo test --lib shipped_parse`.

use crate::diagnostic::Diagnostic;
use std::sync::OnceLock;

use crate::source::{SourceId, SourceMap};
use crate::syntax::ast::Module;

/// `(module name, source)`. `std::gdpr` is the prelude, visible in every file.
pub const MODULES: &[(&str, &str)] = &[
    ("std::gdpr", include_str!("../../stdlib/gdpr.reg")),
    ("std::fi", include_str!("../../stdlib/fi.reg")),
    ("std::se", include_str!("../../stdlib/se.reg")),
    ("std::uk", include_str!("../../stdlib/uk.reg")),
    ("std::providers", include_str!("../../stdlib/providers.reg")),
];

pub const PRELUDE: &str = "std::gdpr";

/// The modules' syntax trees as [`shipped`] reads them: the hash of [`MODULES`] they were
/// parsed from, then the trees in module order (postcard).
const SHIPPED: &[u8] = include_bytes!("../../stdlib/parsed.postcard");

/// One parsed standard-library module.
pub struct StdModule {
    pub name: &'static str,
    pub module: Module,
}

/// The parsed modules and their diagnostics, made once per process: a program that loads
/// many file sets (the fuzzer, the language server of the future, tests) parses them once.
type Parsed = (Vec<StdModule>, Vec<Diagnostic>);

static PARSED: OnceLock<Parsed> = OnceLock::new();

/// A source map holding the standard library's texts (ids `0..MODULES.len()`, so the
/// cached spans are right in every program). User files are added after them.
pub fn sources() -> SourceMap {
    let mut sources = SourceMap::new();
    for (name, text) in MODULES {
        sources.add(*name, *text);
    }
    sources
}

/// The parsed modules, parsed on first use. The diagnostics are empty unless the standard
/// library itself is broken (a test keeps it clean).
pub fn parsed() -> (&'static [StdModule], Vec<Diagnostic>) {
    let (modules, diagnostics) = PARSED.get_or_init(parse_all);
    (modules, diagnostics.clone())
}

/// Parses the standard library now, if no one has; [`parsed`] then finds it done (or
/// waits for the thread doing it).
pub fn warm_up() {
    PARSED.get_or_init(parse_all);
}

/// Whether `source` is a standard-library module: [`load`] always adds them first.
pub fn is_stdlib(source: SourceId) -> bool {
    (source.0 as usize) < MODULES.len()
}

fn parse_all() -> Parsed {
    match decode(SHIPPED) {
        Some(modules) => (modules, Vec::new()),
        None => parse_sources(),
    }
}

/// FNV-1a over every module's name and text: the key that says the shipped trees are the
/// sources' trees. Computed when regc is compiled: hashing the 43 KB a byte at a time was a
/// tenth of a small check's instructions.
const SOURCES_HASH: u64 = sources_hash();

const fn sources_hash() -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut m = 0;
    while m < MODULES.len() {
        let (name, text) = MODULES[m];
        hash = fnv_with_end(hash, name.as_bytes());
        hash = fnv_with_end(hash, text.as_bytes());
        m += 1;
    }
    hash
}

/// FNV-1a over `bytes` and then a 0 byte, from `hash`.
const fn fnv_with_end(mut hash: u64, bytes: &[u8]) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        hash = (hash ^ bytes[i] as u64).wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    hash.wrapping_mul(0x0100_0000_01b3)
}

/// The shipped trees in `bytes`, if they are the trees of these sources.
fn decode(bytes: &[u8]) -> Option<Vec<StdModule>> {
    let (hash, trees): (u64, Vec<Module>) = postcard::from_bytes(bytes).ok()?;
    if hash != SOURCES_HASH || trees.len() != MODULES.len() {
        return None;
    }
    Some(
        MODULES
            .iter()
            .zip(trees)
            .map(|((name, _), module)| StdModule { name, module })
            .collect(),
    )
}

/// What `stdlib/parsed.postcard` holds for the current sources; `None` if they do not parse
/// cleanly (a broken standard library is never shipped as trees). Only the test that keeps
/// the file current (and writes it) calls this.
#[cfg(test)]
fn serialize_parsed() -> Option<Vec<u8>> {
    let (modules, diagnostics) = parse_sources();
    if !diagnostics.is_empty() {
        return None;
    }
    let trees: Vec<&Module> = modules.iter().map(|m| &m.module).collect();
    postcard::to_allocvec(&(SOURCES_HASH, trees)).ok()
}

fn parse_sources() -> Parsed {
    let mut modules = Vec::new();
    let mut diagnostics = Vec::new();
    for (index, (name, text)) in MODULES.iter().enumerate() {
        let id = SourceId(u32::try_from(index).unwrap_or(u32::MAX));
        let parsed = crate::syntax::parse_module(id, text);
        diagnostics.extend(parsed.diagnostics);
        modules.push(StdModule {
            name,
            module: parsed.value,
        });
    }
    (modules, diagnostics)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    /// The shipped trees are byte for byte what parsing the sources gives now (spans
    /// included, which `Module`'s equality ignores).
    #[test]
    fn shipped_parse_is_current() {
        let current = serialize_parsed().expect("the standard library parses cleanly");
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/stdlib/parsed.postcard");
        if std::env::var_os("REGC_UPDATE_STDLIB").is_some() {
            std::fs::write(path, &current).unwrap();
            return;
        }
        assert!(
            SHIPPED == current.as_slice(),
            "stdlib/parsed.postcard is not the parse of stdlib/*.reg; \
             run `REGC_UPDATE_STDLIB=1 cargo test --lib shipped_parse` and commit the file"
        );
        let read = decode(SHIPPED).expect("the shipped trees are read back");
        let parsed = parse_sources().0;
        assert_eq!(read.len(), parsed.len());
        for (a, b) in read.iter().zip(&parsed) {
            assert_eq!(a.name, b.name);
            assert!(a.module == b.module, "{} differs", a.name);
        }
    }

    #[test]
    fn trees_of_other_sources_or_garbage_are_not_used() {
        let (hash, trees): (u64, Vec<Module>) = postcard::from_bytes(SHIPPED).unwrap();
        // The same trees under another hash, as after an edit of a `.reg` file.
        let stale = postcard::to_allocvec(&(hash ^ 1, &trees)).unwrap();
        assert!(decode(&stale).is_none());
        let short = postcard::to_allocvec(&(hash, &trees[1..])).unwrap();
        assert!(decode(&short).is_none());
        assert!(decode(b"not postcard").is_none());
        assert!(decode(&[]).is_none());
        // With the trees unusable the sources are parsed, and all is there.
        assert_eq!(parse_all().0.len(), MODULES.len());
    }
}
