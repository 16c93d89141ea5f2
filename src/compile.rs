//! The driver: load → resolve → check → sort, in one place. The command line, the tests, the
//! fuzz harness (and an editor's language server) all compile through [`compile`], so they
//! see the same diagnostics in the same order.

use crate::check;
use crate::diagnostic::Diagnostic;
use crate::resolve::load::{Files, LoadedFile, Program};
use crate::resolve::model::RegisterDoc;
use crate::resolve::{self, load};

pub use crate::resolve::scope::Reference;

/// What to judge by: the day, the profile, one rule alone. The checker's own options.
pub use crate::check::Options;

/// Everything a compilation found.
pub struct Compiled {
    pub program: Program,
    /// Every register of the files given, in their order.
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
        let resolved = resolve::resolve(
            &program,
            &resolve::Options {
                today: options.today,
                references: options.references,
            },
        );
        diagnostics.extend(resolved.diagnostics);
        let readable = !diagnostics.iter().any(Diagnostic::is_error);
        let mut findings = if readable {
            check::check(&program, &resolved.value, options)
        } else {
            Vec::new()
        };
        sort(&mut findings);
        let references = resolved
            .value
            .files
            .iter()
            .flat_map(|f| f.scope.references())
            .collect();
        (resolved.value.into_docs(), findings, references)
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
