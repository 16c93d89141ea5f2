//! The driver: load → resolve → check → sort, in one place. The command line, the tests, the
//! fuzz harness (and an editor's language server) all compile through [`compile`], so they
//! see the same diagnostics in the same order.

use crate::check;
use crate::diagnostic::Diagnostic;
use crate::resolve::load::{Files, LoadedFile, Program};
use crate::resolve::model::RegisterDoc;
use crate::resolve::scope::Scope;
use crate::resolve::{self, ResolvedFile, load};
use crate::syntax::ast;
use rayon::prelude::*;

pub use crate::resolve::scope::Reference;

/// What to judge by: the day, the profile, one rule alone. The checker's own options.
pub use crate::check::Options;

/// Everything a compilation found.
pub struct Compiled {
    /// Every file's text and declarations. The registers of the files given are there only
    /// when [`Options::references`] keeps every tree (else each batch's are dropped once
    /// checked), and in files that others import.
    pub program: Program,
    /// Every register of the files given, in their order; none when [`Options::docs`] is
    /// off (a check).
    pub docs: Vec<RegisterDoc>,
    /// Syntax, value, import and name problems, sorted: these stop a build.
    pub diagnostics: Vec<Diagnostic>,
    /// The rules' completeness findings, sorted. The rules run only where every file could
    /// be read: on top of syntax and name errors they would mostly repeat them.
    pub findings: Vec<Diagnostic>,
    /// Every use of a name in the files given, with what it names: kept only when
    /// [`Options::references`] asks (an editor's "go to definition").
    pub references: Vec<Reference>,
}

/// Compiles `roots` (the files given) and whatever they import through `files`.
///
/// The files given are read a batch at a time: parsed, resolved, each register modelled
/// and checked, and then (unless [`Options::references`] keeps every tree for an editor)
/// the batch's registers dropped, so that memory holds a batch of syntax trees, not every
/// file's. What the rules across registers need of each is kept ([`check::Across`]); the
/// files' other declarations stay. The result is the same as reading every file first.
pub fn compile(roots: Vec<LoadedFile>, files: &mut dyn Files, options: &Options) -> Compiled {
    compile_in_batches(roots, files, options, BATCH_BYTES)
}

/// [`compile`], with batches of about `batch_bytes` of text.
fn compile_in_batches(
    roots: Vec<LoadedFile>,
    files: &mut dyn Files,
    options: &Options,
    batch_bytes: usize,
) -> Compiled {
    let mut loading = load::Loading::new(roots);
    let keep_trees = options.references;
    let resolve_options = resolve::Options {
        references: options.references,
    };
    let mut run = Run::default();
    let given = loading.given.clone();
    for batch in batches(loading.program(), &given, keep_trees, batch_bytes) {
        loading.parse(&batch);
        loading.with_std();
        for &file in &batch {
            loading.follow_root(file, files);
        }
        // No rule runs once a file could not be read; a later one is found only later,
        // and then the findings are dropped below.
        let names_read = !run.failed && !loading.diagnostics().any(Diagnostic::is_error);
        run.check(
            loading.program(),
            &batch,
            names_read,
            &resolve_options,
            options,
        );
        if !keep_trees {
            for &file in &batch {
                loading.drop_registers(file);
            }
        }
    }
    let loaded = loading.finish(files);
    let program = loaded.value;
    let mut diagnostics = loaded.diagnostics;
    let mut across_files = Vec::new();
    resolve::check_register_names_across_files(
        &program,
        run.across.iter().map(|r| (r.file, &r.name)),
        &mut across_files,
    );
    run.stage.append(&mut across_files);
    sort(&mut run.stage);
    diagnostics.append(&mut run.stage);
    let mut findings = Vec::new();
    if !diagnostics.iter().any(Diagnostic::is_error) {
        findings = run.found;
        // The names the first register's file sees, for the facts the rules across files
        // look for: built again, the file's own scope being gone with its batch.
        let first_scope = run
            .across
            .first()
            .map(|r| Scope::of_file(&program, r.file, &mut Vec::new()));
        check::check_program(
            &program,
            &run.across,
            &run.named,
            first_scope.as_ref(),
            options,
            &mut findings,
        );
    }
    sort(&mut findings);
    // Registers are modelled in parallel: their lookups are noted in any order.
    run.references
        .sort_by_key(|r| (r.at.source, r.at.start, r.at.end));
    sort(&mut diagnostics);
    Compiled {
        program,
        docs: run.docs,
        diagnostics,
        findings,
        references: run.references,
    }
}

/// The files given, in batches of about `batch_bytes` of text (at least a file each), or
/// all at once when every tree is kept anyway.
fn batches(
    program: &Program,
    given: &[usize],
    keep_trees: bool,
    batch_bytes: usize,
) -> Vec<Vec<usize>> {
    if keep_trees {
        return vec![given.to_vec()];
    }
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut bytes = 0;
    for &file in given {
        let size = program
            .files
            .get(file)
            .and_then(|f| program.sources.get(f.id))
            .map_or(0, |s| s.text.len());
        match out.last_mut() {
            Some(batch) if bytes + size <= batch_bytes => batch.push(file),
            _ => {
                out.push(vec![file]);
                bytes = 0;
            }
        }
        bytes += size;
    }
    out
}

/// How much text a batch holds: memory holds a few times this in syntax trees. Smaller
/// batches save little more memory and cost time: every batch waits for its slowest file
/// and register, and the threads for the next (at 32 KB, a check of 1,000 registers took
/// 1.3 times as long; at 256 KB, no longer than reading every file at once).
const BATCH_BYTES: usize = 256 * 1024;

/// What the batches have found so far, in file order.
#[derive(Default)]
struct Run {
    /// The resolve stage's diagnostics: each file's own, then its registers' models'.
    stage: Vec<Diagnostic>,
    /// The rules' findings in each register.
    found: Vec<Diagnostic>,
    docs: Vec<RegisterDoc>,
    across: Vec<check::Across>,
    named: check::Named,
    references: Vec<Reference>,
    /// Whether a file could not be read: no rule runs after that.
    failed: bool,
}

impl Run {
    /// Resolves `batch` (files given), then models and checks each of its registers.
    fn check(
        &mut self,
        program: &Program,
        batch: &[usize],
        names_read: bool,
        resolve_options: &resolve::Options,
        options: &Options,
    ) {
        let mut resolved = resolve::resolve_files(program, batch, resolve_options);
        let names_read = names_read
            && !resolved
                .iter()
                .flat_map(|f| &f.diagnostics)
                .any(Diagnostic::is_error);
        self.failed |= !names_read;
        let registers: Vec<(&ResolvedFile, &ast::Register)> = resolved
            .iter()
            .flat_map(|f| f.registers.iter().map(move |r| (f, *r)))
            .collect();
        // Each register is modelled and checked in one step, in parallel; collecting keeps
        // their order. A check keeps no model: each is dropped once its register is checked.
        let done: Vec<Checked> = registers
            .par_iter()
            .map(|(file, ast)| model_and_check(file, ast, names_read, options))
            .collect();
        for (_, ast) in &registers {
            check::note_names(ast, &mut self.named);
        }
        drop(registers);
        self.gather(&mut resolved, done);
        self.references
            .extend(resolved.iter().flat_map(|f| f.scope.references()));
    }

    /// The registers' results in file order.
    fn gather(&mut self, resolved: &mut [ResolvedFile], done: Vec<Checked>) {
        // Room for every finding at once: grown by doubling, the list would hold up to
        // twice what it needs, and the old and the new list both at the moment it grows.
        self.found
            .reserve_exact(done.iter().map(|c| c.findings.len()).sum());
        self.across.reserve_exact(done.len());
        let mut done = done.into_iter();
        for file in resolved {
            self.stage.append(&mut file.diagnostics);
            for checked in done.by_ref().take(file.registers.len()) {
                self.stage.extend(checked.diagnostics);
                self.found.extend(checked.findings);
                self.docs.extend(checked.doc.map(|doc| *doc));
                self.across.push(checked.across);
            }
        }
    }
}

/// A register modelled and checked: its model's problems, the rules' findings (when
/// every name could be read), and the model itself when the caller keeps it.
struct Checked {
    /// Boxed: the results of every register are collected at once, most without a model.
    doc: Option<Box<RegisterDoc>>,
    diagnostics: Vec<Diagnostic>,
    findings: Vec<Diagnostic>,
    across: check::Across,
}

fn model_and_check(
    file: &ResolvedFile,
    ast: &ast::Register,
    names_read: bool,
    options: &Options,
) -> Checked {
    let model = resolve::model(file, ast, options.today);
    let readable = names_read && !model.diagnostics.iter().any(Diagnostic::is_error);
    let mut findings = if readable {
        check::check_register(&model.value, ast, &file.scope, options)
    } else {
        Vec::new()
    };
    // Held until every register is checked: a register has a finding or two, and the
    // list grew to room for four.
    findings.shrink_to_fit();
    Checked {
        doc: options.docs.then(|| Box::new(model.value)),
        diagnostics: model.diagnostics,
        findings,
        across: check::Across::new(ast, file.index, &file.scope),
    }
}

#[cfg(test)]
mod tests;

/// By file and position, each diagnostic once.
fn sort(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by_key(|d| (d.primary.span.source, d.primary.span.start, d.code));
    crate::diagnostic::dedup(diagnostics);
}

impl Compiled {
    /// Every diagnostic and finding, by file and position.
    pub fn all(&self) -> impl Iterator<Item = &Diagnostic> {
        let mut all: Vec<&Diagnostic> = self.diagnostics.iter().chain(&self.findings).collect();
        all.sort_by_key(|d| (d.primary.span.source, d.primary.span.start, d.code));
        all.into_iter()
    }

    /// Every diagnostic and finding in no particular order, for questions such as "is any
    /// an error?" that need no sorting.
    pub fn unordered(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().chain(&self.findings)
    }

    /// Whether a syntax, value, import or name error keeps the registers from being built.
    pub fn unreadable(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Whether a rule reported an error inside `doc`'s register.
    pub fn has_errors(&self, doc: &RegisterDoc) -> bool {
        self.errors_in(doc).next().is_some()
    }

    /// The errors rules reported inside `doc`'s register, in order.
    pub fn errors_in<'a>(&'a self, doc: &RegisterDoc) -> impl Iterator<Item = &'a Diagnostic> {
        let span = doc.register.span;
        // The findings are sorted by file and start: the register's are one run, found by
        // binary search (a build asks this of every register).
        let first = self.findings.partition_point(|d| {
            (d.primary.span.source, d.primary.span.start) < (span.source, span.start)
        });
        self.findings
            .get(first..)
            .unwrap_or_default()
            .iter()
            .take_while(move |d| {
                d.primary.span.source == span.source && d.primary.span.start <= span.end
            })
            .filter(move |d| d.is_error() && d.primary.span.end <= span.end)
    }
}
