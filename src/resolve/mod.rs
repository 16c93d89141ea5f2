//! Stage 2, resolve: modules + standard library → the resolved model of every register.
//!
//! `load` brings in the files a program imports and the standard library; `scope` answers
//! what a name means in a file; `build` replaces names by what they name; `derive` works
//! out what the register implies (articles, rights, authority, transfer status); `facts`
//! answers what several stages ask of the standard library (in force, replaced by, EEA).

pub mod derive;
pub mod facts;
pub mod load;
pub mod model;
pub mod scope;
pub mod stdlib;
pub mod to_model;

use std::collections::HashMap;

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Outcome};
use crate::syntax::ast::{self, Item};
use crate::syntax::values::Date;
use load::Program;
use scope::Scope;

pub struct Options {
    /// Keeps every use of a name with what it names (`Scope::references`).
    pub references: bool,
}

/// A file given on the command line, resolved: the names it sees and its registers.
pub struct ResolvedFile<'p> {
    /// Where the file is in `Program::files`.
    pub index: usize,
    /// The file's name, as a register's `source` in the JSON.
    pub name: &'p str,
    pub scope: Scope<'p>,
    /// The file's registers, in order; [`model`] gives each its meaning.
    pub registers: Vec<&'p ast::Register>,
    /// Names the file uses that name nothing, or name twice, outside its registers' models.
    pub diagnostics: Vec<Diagnostic>,
}

/// Every root file, resolved, in the order the files were given.
pub struct Resolved<'p> {
    pub files: Vec<ResolvedFile<'p>>,
    /// Registers of one name in two files given together.
    pub across: Vec<Diagnostic>,
}

impl<'p> Resolved<'p> {
    /// Every register, in file order.
    pub fn registers(&self) -> impl Iterator<Item = (&ResolvedFile<'p>, &'p ast::Register)> {
        self.files
            .iter()
            .flat_map(|f| f.registers.iter().map(move |r| (f, *r)))
    }
}

/// Resolves the names of every file given on the command line (not of files only
/// imported), in the order the files were given. Each register's model is built apart, by
/// [`model`], so that a caller that needs only what the rules find can drop each model
/// once its register is checked.
pub fn resolve<'p>(program: &'p Program, options: &Options) -> Resolved<'p> {
    let roots: Vec<usize> = (0..program.files.len())
        .filter(|&i| program.files.get(i).is_some_and(|f| f.is_root))
        .collect();
    let files = resolve_files(program, &roots, options);
    let mut across = Vec::new();
    let registers = files
        .iter()
        .flat_map(|f| f.registers.iter().map(|r| (f.index, &r.id)));
    check_register_names_across_files(program, registers, &mut across);
    Resolved { files, across }
}

/// Resolves the names of `files` (indices into `program.files`, files given), in their
/// order.
pub fn resolve_files<'p>(
    program: &'p Program,
    files: &[usize],
    options: &Options,
) -> Vec<ResolvedFile<'p>> {
    // Files resolve independently, so they resolve in parallel; collecting keeps their order.
    files
        .par_iter()
        .filter_map(|&index| Some((index, program.files.get(index)?)))
        .map(|(index, file)| resolve_file(program, index, file, options))
        .collect()
}

/// One register's meaning: every name replaced by what it names, and what follows from it.
pub fn model(
    file: &ResolvedFile,
    register: &ast::Register,
    today: Date,
) -> Outcome<model::RegisterDoc> {
    let mut diagnostics = Vec::new();
    let builder = to_model::ModelBuilder {
        scope: &file.scope,
        register,
        today,
        diagnostics: &mut diagnostics,
    };
    Outcome {
        value: builder.register(file.name),
        diagnostics,
    }
}

fn resolve_file<'p>(
    program: &'p Program,
    index: usize,
    file: &'p load::UserFile,
    options: &Options,
) -> ResolvedFile<'p> {
    let mut diagnostics = Vec::new();
    let mut scope = Scope::of_file(program, index, &mut diagnostics);
    if options.references {
        scope.keep_references();
    }
    check_own_references(&scope, file, &mut diagnostics);
    let name = program.sources.get(file.id).map_or("", |s| s.name.as_str());
    let registers = file
        .module
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Register(register) => Some(&**register),
            _ => None,
        })
        .collect();
    ResolvedFile {
        index,
        name,
        scope,
        registers,
        diagnostics,
    }
}

/// Two files given together may not both define a register of one name: the name is the
/// register's identity in the JSON and names its published files. (Within a file and its
/// imports, the scope already reports it.)
pub fn check_register_names_across_files<'a>(
    program: &Program,
    registers: impl Iterator<Item = (usize, &'a ast::Name)>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut first: HashMap<&str, (usize, &ast::Name)> = HashMap::new();
    for (file, id) in registers {
        match first.get(id.value.as_str()) {
            Some((other, first_id)) if !imports_either(program, *other, file) => {
                diagnostics.push(scope::duplicate(scope::Ns::Register, first_id, id));
            }
            Some(_) => {}
            None => {
                first.insert(&id.value, (file, id));
            }
        }
    }
}

fn imports_either(program: &Program, a: usize, b: usize) -> bool {
    let imports = |from: usize, to: usize| {
        program
            .files
            .get(from)
            .is_some_and(|f| f.imports.iter().any(|(i, _)| *i == to))
    };
    imports(a, b) || imports(b, a)
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
