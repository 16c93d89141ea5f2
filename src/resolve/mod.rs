//! Stage 2, resolve: modules + standard library → the resolved model of every register.
//!
//! `load` brings in the files a program imports and the standard library; `scope` answers
//! what a name means in a file; `build` replaces names by what they name; `derive` works
//! out what the register implies (articles, rights, authority, transfer status).

pub mod build;
pub mod derive;
pub mod load;
pub mod model;
pub mod scope;
pub mod stdlib;

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Outcome};
use crate::syntax::ast::Item;
use crate::syntax::values::Date;
use load::Program;
use scope::Scope;

pub struct Options {
    /// The date facts are judged on: today, or `--today` in tests.
    pub today: Date,
}

/// Resolves every register of every file given on the command line (not of files only
/// imported), in the order the files were given.
pub fn resolve(program: &Program, options: &Options) -> Outcome<Vec<model::RegisterDoc>> {
    // Files resolve independently, so they resolve in parallel; collecting keeps their order.
    let per_file: Vec<(Vec<model::RegisterDoc>, Vec<Diagnostic>)> = program
        .files
        .par_iter()
        .enumerate()
        .filter(|(_, file)| file.is_root)
        .map(|(index, file)| resolve_file(program, index, file, options))
        .collect();
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let mut docs = Vec::new();
    for (file_docs, file_diagnostics) in per_file {
        docs.extend(file_docs);
        diagnostics.extend(file_diagnostics);
    }
    diagnostics.sort_by_key(|d| (d.primary.span.source, d.primary.span.start, d.code));
    crate::diagnostic::dedup(&mut diagnostics);
    Outcome {
        value: docs,
        diagnostics,
    }
}

fn resolve_file(
    program: &Program,
    index: usize,
    file: &load::UserFile,
    options: &Options,
) -> (Vec<model::RegisterDoc>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut docs = Vec::new();
    let scope = Scope::of_file(program, index, &mut diagnostics);
    check_own_references(&scope, file, &mut diagnostics);
    let name = program.sources.get(file.id).map_or("", |s| s.name.as_str());
    for item in &file.module.items {
        if let Item::Register(register) = item {
            let builder = build::Builder {
                scope: &scope,
                register,
                today: options.today,
                diagnostics: &mut diagnostics,
            };
            docs.push(builder.register(name));
        }
    }
    (docs, diagnostics)
}

/// Names used outside registers (a controller's representative and authority, a joint
/// controller, a fact's `replaced-by`) must exist too.
fn check_own_references(scope: &Scope, file: &load::UserFile, diagnostics: &mut Vec<Diagnostic>) {
    use crate::syntax::ast::FactKind;
    use scope::Ns;
    for item in &file.module.items {
        match item {
            Item::Controller(c) => {
                if let Some(p) = &c.representative {
                    let _ = scope.lookup(&[Ns::Person], p, diagnostics);
                }
                if let Some(a) = &c.authority {
                    let _ = scope.lookup(&[Ns::Fact(FactKind::Authority)], a, diagnostics);
                }
                for j in &c.joint_controllers {
                    let _ = scope.lookup(&[Ns::Controller], &j.controller, diagnostics);
                }
            }
            Item::Fact(f) => {
                if let Some(next) = &f.replaced_by {
                    let _ = scope.lookup(&[Ns::Fact(f.kind)], next, diagnostics);
                }
                for right in &f.gives {
                    let _ = scope.lookup(&[Ns::Fact(FactKind::Right)], right, diagnostics);
                }
            }
            _ => {}
        }
    }
}
