//! The standard library: `.reg` source compiled into the binary, parsed like user files.

use crate::diagnostic::Diagnostic;
use crate::source::{SourceId, SourceMap};
use crate::syntax::ast::Module;

/// `(module name, source)`. `std::gdpr` is the prelude, visible in every file.
pub const MODULES: &[(&str, &str)] = &[
    ("std::gdpr", include_str!("../../stdlib/gdpr.reg")),
    ("std::fi", include_str!("../../stdlib/fi.reg")),
    ("std::se", include_str!("../../stdlib/se.reg")),
];

pub const PRELUDE: &str = "std::gdpr";

/// One parsed standard-library module.
pub struct StdModule {
    pub name: &'static str,
    pub module: Module,
}

/// Parses every module into `sources`. The diagnostics are empty unless the standard
/// library itself is broken (a test keeps it clean).
pub fn load(sources: &mut SourceMap) -> (Vec<StdModule>, Vec<Diagnostic>) {
    let mut modules = Vec::new();
    let mut diagnostics = Vec::new();
    for (name, text) in MODULES {
        let id: SourceId = sources.add(*name, *text);
        let parsed = crate::syntax::parse_module(id, text);
        diagnostics.extend(parsed.diagnostics);
        modules.push(StdModule {
            name,
            module: parsed.value,
        });
    }
    (modules, diagnostics)
}
