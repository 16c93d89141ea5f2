//! The standard library: `.reg` source compiled into the binary, parsed like user files.

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
