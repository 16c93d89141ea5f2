//! Loading a program: the files given, the files they import (through [`Files`], so the
//! library itself does no I/O), and the standard library; import cycles are reported with
//! their chain.

use crate::diagnostic::codes;
use std::collections::{HashMap, VecDeque};

use rayon::prelude::*;

use super::stdlib::{self, StdModule};
use crate::diagnostic::{Diagnostic, Outcome};
use crate::source::{SourceId, SourceMap, Span};
use crate::syntax::ast::{Item, Module, Use};
use crate::syntax::parse_module;

/// Where imported files come from. The command line reads the disk, confined to the
/// project; tests use a map.
pub trait Files {
    /// Reads `path`, written in the file called `from`, relative to that file.
    fn import(&mut self, from: &str, path: &str) -> Result<LoadedFile, ImportError>;
}

pub struct LoadedFile {
    /// Identifies the file whatever path led to it (a canonical path), so that a file
    /// imported twice is loaded once.
    pub key: String,
    /// The name shown in diagnostics.
    pub name: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug)]
pub enum ImportError {
    NotFound,
    /// The path leads outside the project (by `..`, an absolute path or a symbolic link).
    OutsideProject,
    Unreadable(String),
    /// Larger than the command line allows (`--max-file-size`); says how large.
    TooLarge(String),
}

pub struct UserFile {
    pub id: SourceId,
    pub key: String,
    pub module: Module,
    /// Given on the command line (its registers are resolved), not only imported.
    pub is_root: bool,
    /// The files it imports: indices into [`Program::files`], with the `use` that says so.
    pub imports: Vec<(usize, Span)>,
    /// The standard-library modules it imports besides the prelude.
    pub std_imports: Vec<&'static str>,
}

pub struct Program {
    pub sources: SourceMap,
    pub std: &'static [StdModule],
    pub files: Vec<UserFile>,
}

/// Loads `roots` and everything they import.
pub fn load(roots: Vec<LoadedFile>, files: &mut dyn Files) -> Outcome<Program> {
    let mut loading = Loading::new(roots);
    let given = loading.given.clone();
    loading.parse(&given);
    for &root in &given {
        loading.follow_root(root, files);
    }
    loading.finish(files)
}

/// A program loaded in steps, so that a check can drop each batch of the files given once
/// its registers are checked ([`crate::compile`]): the texts of the files given first, then
/// those files parsed a batch at a time, each with the files it imports itself (which its
/// names need), then, in [`Loading::finish`], whatever those import in turn. Files get
/// their places (and the diagnostics their order) exactly as if every file given had been
/// parsed before any import was followed: the files given first, then the imports breadth
/// first, so each file is reached by its shortest chain of imports.
pub struct Loading {
    loader: Loader,
    /// The files given, in order, each once: indices into [`Program::files`].
    pub given: Vec<usize>,
    /// Imports of the files given, to follow in [`Loading::finish`], with their depth.
    queue: VecDeque<(usize, usize)>,
    /// Where each file given stands (files only imported are parsed when loaded).
    state: Vec<Parsed>,
}

#[derive(Clone, Copy, PartialEq)]
enum Parsed {
    Not,
    Whole,
    /// Parsed, and imported by some file: its registers are names the importer sees, so
    /// they are never dropped.
    Imported,
    WithoutRegisters,
}

impl Loading {
    /// Takes the texts of the files given, parsing nothing yet.
    pub fn new(roots: Vec<LoadedFile>) -> Loading {
        let mut loader = Loader {
            program: Program {
                sources: stdlib::sources(),
                std: &[],
                files: Vec::new(),
            },
            by_key: HashMap::new(),
            diagnostics: Vec::new(),
        };
        let mut given: Vec<usize> = roots
            .into_iter()
            .map(|f| loader.register(f, true))
            .collect();
        // A file given twice is one file.
        given.sort_unstable();
        given.dedup();
        let known = loader.program.files.len();
        Loading {
            loader,
            given,
            queue: VecDeque::new(),
            state: vec![Parsed::Not; known],
        }
    }

    /// The program so far: every file given, parsed or not, and those imported so far.
    pub fn program(&self) -> &Program {
        &self.loader.program
    }

    /// The diagnostics so far: the texts', the parses' and the imports'.
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.loader.diagnostics.iter()
    }

    /// Parses the files of `batch` not parsed yet, in parallel (they are independent).
    pub fn parse(&mut self, batch: &[usize]) {
        let unparsed: Vec<usize> = batch
            .iter()
            .copied()
            .filter(|&i| self.state_of(i) == Parsed::Not)
            .collect();
        let program = &self.loader.program;
        let parsed: Vec<(usize, Outcome<Module>)> = unparsed
            .par_iter()
            .filter_map(|&i| Some((i, program.parse(i)?)))
            .collect();
        for (i, outcome) in parsed {
            self.loader.diagnostics.extend(outcome.diagnostics);
            self.set_module(i, outcome.value);
        }
    }

    /// The standard library (read on first use), asked for once the first files given
    /// are parsed.
    pub fn with_std(&mut self) {
        if self.loader.program.std.is_empty() {
            let (std, diagnostics) = stdlib::parsed();
            self.loader.program.std = std;
            // Before the files' own: as when the whole program was loaded at once.
            let files = std::mem::replace(&mut self.loader.diagnostics, diagnostics);
            self.loader.diagnostics.extend(files);
        }
    }

    /// Loads the files `root` (a file given) imports itself, so that its names can be
    /// resolved, and queues what those import. A file given that is imported is parsed
    /// now if its turn has not come; one whose registers were dropped is parsed again.
    pub fn follow_root(&mut self, root: usize, files: &mut dyn Files) {
        let fresh = self.loader.follow_imports(root, 0, files);
        self.queue.extend(fresh.into_iter().map(|i| (i, 1)));
        let targets: Vec<usize> = self
            .loader
            .program
            .files
            .get(root)
            .map(|f| f.imports.iter().map(|(i, _)| *i).collect())
            .unwrap_or_default();
        for target in targets {
            match self.state_of(target) {
                Parsed::Whole | Parsed::Imported => {}
                Parsed::Not => self.parse(&[target]),
                // Parsed before, with its diagnostics: they are not repeated.
                Parsed::WithoutRegisters => {
                    if let Some(outcome) = self.loader.program.parse(target) {
                        self.set_module(target, outcome.value);
                    }
                }
            }
            if let Some(state) = self.state.get_mut(target) {
                *state = Parsed::Imported;
            }
        }
    }

    /// Drops the registers of `file` (a file given, checked), unless a file imports it;
    /// its other declarations stay, for the rules across files.
    pub fn drop_registers(&mut self, file: usize) {
        if self.state_of(file) != Parsed::Whole {
            return;
        }
        if let Some(f) = self.loader.program.files.get_mut(file) {
            f.module
                .items
                .retain(|item| !matches!(item, Item::Register(_)));
            f.module.items.shrink_to_fit();
        }
        if let Some(state) = self.state.get_mut(file) {
            *state = Parsed::WithoutRegisters;
        }
    }

    /// Follows the remaining imports, breadth first, and reports import cycles.
    pub fn finish(mut self, files: &mut dyn Files) -> Outcome<Program> {
        self.with_std();
        while let Some((index, depth)) = self.queue.pop_front() {
            let fresh = self.loader.follow_imports(index, depth, files);
            self.queue.extend(fresh.into_iter().map(|i| (i, depth + 1)));
        }
        let mut diagnostics = self.loader.diagnostics;
        diagnostics.extend(cycles(&self.loader.program.files));
        Outcome {
            value: self.loader.program,
            diagnostics,
        }
    }

    fn state_of(&self, file: usize) -> Parsed {
        // Files imported after the files given were parsed when they were loaded.
        self.state.get(file).copied().unwrap_or(Parsed::Whole)
    }

    fn set_module(&mut self, file: usize, module: Module) {
        if let Some(f) = self.loader.program.files.get_mut(file) {
            f.module = module;
        }
        if let Some(state) = self.state.get_mut(file) {
            *state = Parsed::Whole;
        }
    }
}

impl Program {
    /// Parses `program.files[index]` from its text.
    fn parse(&self, index: usize) -> Option<Outcome<Module>> {
        let id = self.files.get(index)?.id;
        let text = self.sources.get(id).map_or("", |s| s.text.as_str());
        Some(parse_module(id, text))
    }
}

struct Loader {
    program: Program,
    by_key: HashMap<String, usize>,
    diagnostics: Vec<Diagnostic>,
}

impl Loader {
    /// One imported file, parsed now.
    fn add(&mut self, file: LoadedFile, is_root: bool) -> usize {
        let known = self.program.files.len();
        let index = self.register(file, is_root);
        if index >= known
            && let Some(parsed) = self.program.parse(index)
        {
            self.diagnostics.extend(parsed.diagnostics);
            if let Some(f) = self.program.files.get_mut(index) {
                f.module = parsed.value;
            }
        }
        index
    }

    /// Adds a file's text (once per key) with an empty module, to be parsed by the caller.
    fn register(&mut self, file: LoadedFile, is_root: bool) -> usize {
        if let Some(&index) = self.by_key.get(&file.key) {
            if let Some(f) = self.program.files.get_mut(index) {
                f.is_root |= is_root;
            }
            return index;
        }
        let (id, utf8) = crate::add_file(&mut self.program.sources, &file.name, file.bytes);
        self.diagnostics.extend(utf8);
        let index = self.program.files.len();
        self.by_key.insert(file.key.clone(), index);
        self.program.files.push(UserFile {
            id,
            key: file.key,
            module: Module {
                source: id,
                items: Vec::new(),
            },
            is_root,
            imports: Vec::new(),
            std_imports: Vec::new(),
        });
        index
    }

    /// Loads the files `index` (reached through `depth` imports) imports; returns the ones
    /// loaded for the first time.
    fn follow_imports(&mut self, index: usize, depth: usize, files: &mut dyn Files) -> Vec<usize> {
        let Some(file) = self.program.files.get(index) else {
            return Vec::new();
        };
        let from = self
            .program
            .sources
            .get(file.id)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        let uses: Vec<Use> = file
            .module
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Use(u) => Some(u.clone()),
                _ => None,
            })
            .collect();
        let mut fresh = Vec::new();
        for u in uses {
            match u {
                Use::Std(name) => {
                    let module = stdlib::MODULES.iter().find(|(m, _)| *m == name.value);
                    if let (Some((m, _)), Some(f)) = (module, self.program.files.get_mut(index)) {
                        f.std_imports.push(m);
                    }
                }
                Use::File(path) if depth >= MAX_IMPORT_DEPTH => {
                    self.diagnostics
                        .push(import_too_deep(path.span, &path.value));
                }
                Use::File(path) => {
                    let known = self.program.files.len();
                    if let Some(target) = self.import(&from, &path.value, path.span, files) {
                        if target >= known {
                            fresh.push(target);
                        }
                        // The same file imported twice (perhaps by another path) is
                        // one import, not two copies of its definitions.
                        if let Some(f) = self.program.files.get_mut(index)
                            && !f.imports.iter().any(|(known, _)| *known == target)
                        {
                            f.imports.push((target, path.span));
                        }
                    }
                }
            }
        }
        fresh
    }

    fn import(
        &mut self,
        from: &str,
        path: &str,
        span: Span,
        files: &mut dyn Files,
    ) -> Option<usize> {
        if is_absolute(path) {
            self.diagnostics
                .push(outside_project(span, path, "an absolute path").with_help(
                    "write the path relative to the importing file, e.g. `use \"../common.reg\"`; copy shared definitions into the project if they live elsewhere",
                ));
            return None;
        }
        match files.import(from, path) {
            Ok(file) => Some(self.add(file, false)),
            Err(ImportError::OutsideProject) => {
                self.diagnostics
                    .push(outside_project(span, path, "a path outside the project"));
                None
            }
            Err(ImportError::NotFound) => {
                self.diagnostics.push(
                    Diagnostic::error(
                        codes::IMPORT_NOT_FOUND,
                        span,
                        format!("there is no file `{path}` to import"),
                    )
                    .with_label("not found")
                    .with_help(
                        "imports are relative to the importing file; check the name and the folder",
                    ),
                );
                None
            }
            Err(ImportError::TooLarge(why)) => {
                self.diagnostics.push(
                    Diagnostic::error(
                        codes::IMPORT_TOO_LARGE,
                        span,
                        format!("`{path}` is not read: {why}"),
                    )
                    .with_label("too large to import")
                    .with_help("split the file, or raise the limit with `--max-file-size BYTES`"),
                );
                None
            }
            Err(ImportError::Unreadable(why)) => {
                self.diagnostics.push(
                    Diagnostic::error(
                        codes::IMPORT_NOT_FOUND,
                        span,
                        format!("`{path}` cannot be read: {why}"),
                    )
                    .with_label("unreadable")
                    .with_help("import a `.reg` file by its path relative to this file; if it is one, check that it can be read (its permissions, a link that leads nowhere)"),
                );
                None
            }
        }
    }
}

/// The longest chain of file imports. Imports are not passed on (a file sees only what it
/// imports itself), so real projects need two or three; the limit stops a generated chain
/// of thousands from being read at all.
pub const MAX_IMPORT_DEPTH: usize = 32;

fn import_too_deep(span: Span, path: &str) -> Diagnostic {
    Diagnostic::error(
        codes::IMPORT_TOO_DEEP,
        span,
        format!("`{path}` would be more than {MAX_IMPORT_DEPTH} imports away from the files given; it is not read"),
    )
    .with_label("one import too many")
    .with_help("imports are not passed on, so no file needs a long chain of them: import the shared file directly from each file that uses it")
}

fn is_absolute(path: &str) -> bool {
    let bytes = path.as_bytes();
    path.starts_with('/')
        || path.starts_with('\\')
        || (bytes.get(1) == Some(&b':') && bytes.first().is_some_and(u8::is_ascii_alphabetic))
}

fn outside_project(span: Span, path: &str, what: &str) -> Diagnostic {
    Diagnostic::error(codes::IMPORT_OUTSIDE_PROJECT, span, format!("`{path}` is {what}"))
        .with_label("imports stay inside the project")
        .with_help("the project is the folder holding regc.toml (else the folder checked): put a regc.toml in the top folder your registers share, or give `--root DIR`; copy shared definitions into the project if they live elsewhere")
}

/// Reports every import cycle once, at the `use` that closes it, with its chain. A
/// depth-first search with its own stack: a long chain of imports cannot exhaust the
/// thread's.
fn cycles(files: &[UserFile]) -> Vec<Diagnostic> {
    let mut state = vec![Visit::New; files.len()];
    let mut found = Vec::new();
    for start in 0..files.len() {
        if state.get(start) != Some(&Visit::New) {
            continue;
        }
        set(&mut state, start, Visit::Open);
        // The open files, each with the position of the next import to follow.
        let mut path: Vec<(usize, usize)> = vec![(start, 0)];
        while let Some(&(at, next)) = path.last() {
            let import = files.get(at).and_then(|f| f.imports.get(next)).copied();
            let Some((target, span)) = import else {
                set(&mut state, at, Visit::Done);
                path.pop();
                continue;
            };
            if let Some(top) = path.last_mut() {
                top.1 += 1;
            }
            match state.get(target) {
                Some(Visit::Open) => {
                    let stack: Vec<usize> = path.iter().map(|&(i, _)| i).collect();
                    found.push(cycle_diagnostic(files, &stack, span, target));
                }
                Some(Visit::New) => {
                    set(&mut state, target, Visit::Open);
                    path.push((target, 0));
                }
                _ => {}
            }
        }
    }
    found
}

#[derive(Clone, Copy, PartialEq)]
enum Visit {
    New,
    Open,
    Done,
}

fn set(state: &mut [Visit], at: usize, to: Visit) {
    if let Some(s) = state.get_mut(at) {
        *s = to;
    }
}

fn cycle_diagnostic(files: &[UserFile], stack: &[usize], span: Span, back_to: usize) -> Diagnostic {
    let start = stack.iter().position(|&i| i == back_to).unwrap_or(0);
    let name = |i: usize| {
        files.get(i).map_or(String::from("?"), |f| {
            f.key.rsplit('/').next().unwrap_or("?").to_string()
        })
    };
    let mut chain: Vec<String> = stack
        .get(start..)
        .unwrap_or(&[])
        .iter()
        .map(|&i| name(i))
        .collect();
    chain.push(name(back_to));
    Diagnostic::error(codes::IMPORT_CYCLE, span, format!("import cycle: {}", chain.join(" → ")))
        .with_label("this import closes the cycle")
        .with_help("move what the files share into a third file that both import, and remove one of these imports")
}
