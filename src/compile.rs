//! The driver: load → resolve → check → sort, in one place. The command line, the tests, the
//! fuzz harness (and an editor's language server) all compile through [`compile`], so they
//! see the same diagnostics in the same order.

use crate::check;
use crate::diagnostic::Diagnostic;
use crate::resolve::load::{Files, LoadedFile, Program};
use crate::resolve::model::RegisterDoc;
use crate::resolve::{self, ResolvedFile, load};
use crate::syntax::ast;
use rayon::prelude::*;

pub use crate::resolve::scope::Reference;

/// What to judge by: the day, the profile, one rule alone. The checker's own options.
pub use crate::check::Options;

/// Everything a compilation found.
pub struct Compiled {
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
pub fn compile(roots: Vec<LoadedFile>, files: &mut dyn Files, options: &Options) -> Compiled {
    let loaded = load::load(roots, files);
    let program = loaded.value;
    let mut diagnostics = loaded.diagnostics;
    let (docs, findings, references) = {
        let mut resolved = resolve::resolve(
            &program,
            &resolve::Options {
                references: options.references,
            },
        );
        // The rules run only where every file could be read: on top of syntax and name
        // errors they would mostly repeat them. A model's own errors are known once it is
        // built, so the findings are dropped below if any register had one.
        let names_read = !diagnostics
            .iter()
            .chain(resolved.files.iter().flat_map(|f| &f.diagnostics))
            .chain(&resolved.across)
            .any(Diagnostic::is_error);
        let registers: Vec<_> = resolved.registers().collect();
        // Each register is modelled and checked in one step, in parallel; collecting keeps
        // their order. A check keeps no model: each is dropped once its register is checked.
        let done: Vec<Checked> = registers
            .par_iter()
            .map(|(file, ast)| model_and_check(file, ast, names_read, options))
            .collect();
        drop(registers);
        let (stage, found, docs) = gather(&mut resolved, done);
        diagnostics.extend(stage);
        let mut findings = Vec::new();
        if !diagnostics.iter().any(Diagnostic::is_error) {
            let written: Vec<check::Written> = resolved
                .registers()
                .map(|(file, ast)| check::Written::new(ast, &file.scope))
                .collect();
            findings = found;
            check::check_program(&program, &written, options, &mut findings);
        }
        sort(&mut findings);
        let mut references: Vec<Reference> = resolved
            .files
            .iter()
            .flat_map(|f| f.scope.references())
            .collect();
        // Registers are modelled in parallel: their lookups are noted in any order.
        references.sort_by_key(|r| (r.at.source, r.at.start, r.at.end));
        (docs, findings, references)
    };
    sort(&mut diagnostics);
    Compiled {
        program,
        docs,
        diagnostics,
        findings,
        references,
    }
}

/// A register modelled and checked: its model's problems, the rules' findings (when
/// every name could be read), and the model itself when the caller keeps it.
struct Checked {
    /// Boxed: the results of every register are collected at once, most without a model.
    doc: Option<Box<RegisterDoc>>,
    diagnostics: Vec<Diagnostic>,
    findings: Vec<Diagnostic>,
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
    }
}

/// The registers' results in file order: the resolve stage's diagnostics (each file's
/// own, then its registers' models', then those across files; sorted, each once), the
/// rules' findings in each register, and the models kept.
fn gather(
    resolved: &mut resolve::Resolved,
    done: Vec<Checked>,
) -> (Vec<Diagnostic>, Vec<Diagnostic>, Vec<RegisterDoc>) {
    let (mut stage, mut docs) = (Vec::new(), Vec::new());
    // Room for every finding at once: grown by doubling, the list would hold up to twice
    // what it needs, and the old and the new list both at the moment it grows.
    let mut found = Vec::with_capacity(done.iter().map(|c| c.findings.len()).sum());
    let mut done = done.into_iter();
    for file in &mut resolved.files {
        stage.append(&mut file.diagnostics);
        for checked in done.by_ref().take(file.registers.len()) {
            stage.extend(checked.diagnostics);
            found.extend(checked.findings);
            docs.extend(checked.doc.map(|doc| *doc));
        }
    }
    stage.append(&mut resolved.across);
    sort(&mut stage);
    (stage, found, docs)
}

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
