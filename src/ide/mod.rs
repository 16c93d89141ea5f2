//! What an editor asks of a compilation: where a name is defined and used, what a word
//! means, what may be written at the cursor, the outline, the colours, the fixes. Pure
//! functions of a [`Compiled`] and its texts; `cli/lsp.rs` speaks the protocol.
//!
//! Offsets here are bytes into a source's text; `lines` converts them to the editor's
//! lines and UTF-16 columns.

pub mod actions;
pub mod complete;
mod context;
pub mod hover;
pub mod lines;
pub mod outline;
pub mod tokens;

#[cfg(test)]
mod tests;

use crate::compile::Compiled;
use crate::diagnostic::Diagnostic;
use crate::resolve::scope::{Def, Ns, Scope};
use crate::source::{SourceId, Span};
use crate::syntax::ast::{Item, Module, Name, Register};
use crate::syntax::values::Date;

/// A compilation kept for an editor's questions (compiled with
/// [`crate::compile::Options::references`] on).
pub struct Analysis {
    pub compiled: Compiled,
    /// The day facts are judged on (in force, replaced).
    pub today: Date,
    /// Each source's line index, made when first asked for: a file's thousands of
    /// diagnostics are converted with one index, not one each.
    lines: std::cell::RefCell<std::collections::HashMap<SourceId, std::rc::Rc<lines::LineIndex>>>,
}

/// A replacement of the text at `span`.
#[derive(Clone, Debug)]
pub struct Edit {
    pub span: Span,
    pub text: String,
}

/// A defined name: its namespace and where it is written in its definition.
#[derive(Clone, Copy, Debug)]
pub struct Defined<'a> {
    pub ns: Ns,
    pub name: &'a Name,
}

/// The name under the cursor: the definition it is or names, and the word itself.
#[derive(Clone, Copy, Debug)]
pub struct Symbol {
    pub ns: Ns,
    pub definition: Span,
    pub word: Span,
}

impl Analysis {
    pub fn new(compiled: Compiled, today: Date) -> Analysis {
        Analysis {
            compiled,
            today,
            lines: Default::default(),
        }
    }

    /// The line and UTF-16 column of `offset` in `source`.
    pub fn position(&self, source: SourceId, offset: usize) -> lines::Position {
        self.line_index(source).position(self.text(source), offset)
    }

    /// The offset of a line and UTF-16 column in `source`.
    pub fn offset(&self, source: SourceId, position: lines::Position) -> usize {
        self.line_index(source).offset(self.text(source), position)
    }

    fn line_index(&self, source: SourceId) -> std::rc::Rc<lines::LineIndex> {
        let mut cache = self.lines.borrow_mut();
        let index = cache
            .entry(source)
            .or_insert_with(|| std::rc::Rc::new(lines::LineIndex::new(self.text(source))));
        std::rc::Rc::clone(index)
    }

    /// The text of `source`.
    pub fn text(&self, source: SourceId) -> &str {
        self.compiled
            .program
            .sources
            .get(source)
            .map_or("", |s| s.text.as_str())
    }

    /// The source named `name` (as the file was given), if it was compiled.
    pub fn source_named(&self, name: &str) -> Option<SourceId> {
        self.compiled
            .program
            .sources
            .iter()
            .find(|(_, s)| s.name == name)
            .map(|(id, _)| id)
    }

    /// Every diagnostic and finding whose main place is in `source`, in order.
    pub fn diagnostics(&self, source: SourceId) -> Vec<&Diagnostic> {
        self.compiled
            .all()
            .filter(|d| d.primary.span.source == source)
            .collect()
    }

    /// Errors in the files `source` imports (directly or through other imports), by the
    /// `use` that leads to them, with how many there are: the rules do not run while one is
    /// there, so the importing file must show it.
    pub fn import_errors(&self, source: SourceId) -> Vec<(Span, usize, &Diagnostic)> {
        let files = &self.compiled.program.files;
        let Some(file) = files.iter().find(|f| f.id == source) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (import, used) in &file.imports {
            // Every file reached through this import.
            let mut reached = vec![*import];
            let mut next = 0;
            while let Some(&i) = reached.get(next) {
                next += 1;
                for (j, _) in files.get(i).map_or(&[][..], |f| f.imports.as_slice()) {
                    if !reached.contains(j) {
                        reached.push(*j);
                    }
                }
            }
            let ids: Vec<SourceId> = reached
                .iter()
                .filter_map(|i| files.get(*i))
                .map(|f| f.id)
                .collect();
            let errors: Vec<&Diagnostic> = self
                .compiled
                .diagnostics
                .iter()
                .filter(|d| {
                    d.is_error()
                        && d.primary.span.source != source
                        && ids.contains(&d.primary.span.source)
                })
                .collect();
            if let Some(first) = errors.first() {
                out.push((*used, errors.len(), *first));
            }
        }
        out
    }

    /// The diagnostics whose main place touches `offset`.
    pub fn diagnostics_at(&self, source: SourceId, offset: usize) -> Vec<&Diagnostic> {
        self.compiled
            .all()
            .filter(|d| touches(d.primary.span, source, offset))
            .collect()
    }

    /// Every defined name of the program: the files' declarations, the names defined in
    /// registers (a register's own `data`, `recipient` …), the standard library's.
    pub fn definitions(&self) -> Vec<Defined<'_>> {
        let program = &self.compiled.program;
        let mut out = Vec::new();
        for module in program.std.iter().map(|m| &m.module) {
            defined_in(module, &mut out);
        }
        for file in &program.files {
            defined_in(&file.module, &mut out);
        }
        out
    }

    /// The name at `offset`: a use (resolved) or a definition.
    pub fn symbol_at(&self, source: SourceId, offset: usize) -> Option<Symbol> {
        let used = self
            .compiled
            .references
            .iter()
            .filter(|r| touches(r.at, source, offset))
            .find_map(|r| {
                Some(Symbol {
                    ns: r.ns,
                    definition: r.target?,
                    word: r.at,
                })
            });
        used.or_else(|| {
            self.definitions()
                .into_iter()
                .find(|d| touches(d.name.span, source, offset))
                .map(|d| Symbol {
                    ns: d.ns,
                    definition: d.name.span,
                    word: d.name.span,
                })
        })
    }

    /// Where the name at `offset` is defined; on a `use`, the start of the file it
    /// imports.
    pub fn definition(&self, source: SourceId, offset: usize) -> Option<Span> {
        self.import_at(source, offset)
            .or_else(|| self.symbol_at(source, offset).map(|s| s.definition))
    }

    /// The file a `use` at `offset` imports: its start.
    fn import_at(&self, source: SourceId, offset: usize) -> Option<Span> {
        let program = &self.compiled.program;
        let file = program.files.iter().find(|f| f.id == source)?;
        let imported = file
            .imports
            .iter()
            .find(|(_, used)| touches(*used, source, offset))
            .and_then(|(index, _)| program.files.get(*index))
            .map(|f| Span::new(f.id, 0, 0));
        imported.or_else(|| {
            file.module.items.iter().find_map(|item| match item {
                Item::Use(crate::syntax::ast::Use::Std(name))
                    if touches(name.span, source, offset) =>
                {
                    let index = crate::resolve::stdlib::MODULES
                        .iter()
                        .position(|(n, _)| *n == name.value)?;
                    Some(Span::new(SourceId(u32::try_from(index).ok()?), 0, 0))
                }
                _ => None,
            })
        })
    }

    /// The definition of the name at `offset` and every use of it, in source order
    /// (the definition first when it is in the files compiled).
    pub fn references(&self, source: SourceId, offset: usize) -> Vec<Span> {
        let Some(symbol) = self.symbol_at(source, offset) else {
            return Vec::new();
        };
        let mut spans = vec![symbol.definition];
        let mut uses: Vec<Span> = self
            .compiled
            .references
            .iter()
            .filter(|r| r.target.is_some_and(|t| t.same_place(symbol.definition)))
            .map(|r| r.at)
            .collect();
        uses.sort_by_key(|s| (s.source, s.start));
        uses.dedup_by(|a, b| a.same_place(*b));
        spans.extend(uses);
        spans
    }

    /// Edits that rename the name at `offset`, its definition and every use, to `new`;
    /// or why it cannot be renamed.
    pub fn rename(&self, source: SourceId, offset: usize, new: &str) -> Result<Vec<Edit>, String> {
        let symbol = self
            .symbol_at(source, offset)
            .ok_or("there is no defined name here to rename")?;
        if crate::resolve::stdlib::is_stdlib(symbol.definition.source) {
            return Err(format!(
                "this {} is defined in the standard library, which cannot be renamed; define your own under another name instead",
                symbol.ns.noun()
            ));
        }
        if !crate::syntax::is_valid_name(new) {
            return Err(format!(
                "`{new}` is not a valid name: names are lower-case letters, digits and `-`, starting with a letter"
            ));
        }
        if RESERVED.contains(&new) {
            return Err(format!(
                "`{new}` is a word of the language (`recipients none`, `retention … after`): a name cannot be it"
            ));
        }
        let taken = self
            .definitions()
            .into_iter()
            .any(|d| d.ns == symbol.ns && d.name.value == new && !is_std_name(d.name));
        // A standard-library name the files see (`name`, `email`, `consent`): renaming onto
        // it would make every use of it mean the renamed definition.
        let visible = self.compiled.program.files.iter().any(|f| {
            self.scope_of(f.id)
                .is_some_and(|(scope, _)| scope.get(symbol.ns, new).is_some())
        });
        if taken || visible {
            return Err(format!(
                "a {} called `{new}` already exists",
                symbol.ns.noun()
            ));
        }
        Ok(self
            .references(source, offset)
            .into_iter()
            .map(|span| Edit {
                span,
                text: new.to_string(),
            })
            .collect())
    }

    /// The scope of the compiled file `source`, and that file's module.
    pub(crate) fn scope_of(&self, source: SourceId) -> Option<(Scope<'_>, &Module)> {
        let program = &self.compiled.program;
        let index = program.files.iter().position(|f| f.id == source)?;
        let module = &program.files.get(index)?.module;
        Some((Scope::of_file(program, index, &mut Vec::new()), module))
    }
}

/// Words that mean something in a statement's values, which a name cannot be.
const RESERVED: &[&str] = &[
    "none", "because", "after", "until", "under", "at", "least", "most",
];

fn is_std_name(name: &Name) -> bool {
    crate::resolve::stdlib::is_stdlib(name.span.source)
}

/// Whether `span` is in `source` and holds `offset` (its end included: the cursor just
/// after a word is on it).
fn touches(span: Span, source: SourceId, offset: usize) -> bool {
    span.source == source && span.touches(offset)
}

fn defined_in<'a>(module: &'a Module, out: &mut Vec<Defined<'a>>) {
    out.extend(defs_of(module).map(|def| Defined {
        ns: def.ns(),
        name: def.id(),
    }));
}

/// A module's definitions: its declarations, each followed by what a register defines for
/// itself.
pub(crate) fn defs_of(module: &Module) -> impl Iterator<Item = Def<'_>> {
    module.items.iter().flat_map(|item| {
        let own = match item {
            Item::Register(r) => Some(own_defs(r)),
            _ => None,
        };
        Def::of(item).into_iter().chain(own.into_iter().flatten())
    })
}

/// The categories and recipients a register defines for itself (`data feedback { … }`
/// inside it), which only it sees.
pub(crate) fn own_defs(r: &Register) -> impl Iterator<Item = Def<'_>> {
    (r.data_defs.iter().map(Def::Data))
        .chain(r.subject_defs.iter().map(Def::Subject))
        .chain(r.source_defs.iter().map(Def::Source))
        .chain(r.recipient_defs.iter().map(Def::Recipient))
}
