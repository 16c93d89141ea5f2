//! Names: what a file can refer to, and the errors for names that refer to nothing
//! (X001) or are defined twice (X002).

use crate::diagnostic::codes;
use foldhash::HashMap;
use std::sync::Mutex;

use super::load::Program;
use crate::diagnostic::Diagnostic;
use crate::source::Span;
use crate::syntax::ast::{
    Controller, DataCategory, Fact, FactKind, Item, Module, Name, Person, Recipient, Register,
    SourceDef, SubjectCategory,
};
use crate::syntax::schema;

/// A namespace: names of different kinds never clash.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ns {
    Controller,
    Person,
    Register,
    Data,
    Subject,
    Source,
    Recipient,
    Fact(FactKind),
}

impl Ns {
    /// The thing named, for messages: "controller", "legal basis".
    pub fn noun(self) -> &'static str {
        match self {
            Ns::Controller => "controller",
            Ns::Person => "person",
            Ns::Register => "register",
            Ns::Data => "data category",
            Ns::Subject => "subject category",
            Ns::Source => "source",
            Ns::Recipient => "recipient",
            Ns::Fact(kind) => match kind {
                FactKind::Basis => "legal basis",
                FactKind::Condition => "Art. 9(2) condition",
                FactKind::Right => "right",
                FactKind::Authority => "supervisory authority",
                FactKind::Mechanism => "transfer mechanism",
                FactKind::Adequacy => "adequacy decision",
                FactKind::Law => "law",
                FactKind::Event => "event",
                FactKind::Group => "country group",
                FactKind::Body => "body",
            },
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub enum Def<'a> {
    Controller(&'a Controller),
    Person(&'a Person),
    Register(&'a Register),
    Data(&'a DataCategory),
    Subject(&'a SubjectCategory),
    Source(&'a SourceDef),
    Recipient(&'a Recipient),
    Fact(&'a Fact),
}

impl<'a> Def<'a> {
    pub fn of(item: &'a Item) -> Option<Def<'a>> {
        Some(match item {
            Item::Use(_) => return None,
            Item::Controller(c) => Def::Controller(c),
            Item::Person(p) => Def::Person(p),
            Item::Register(r) => Def::Register(r),
            Item::Data(d) => Def::Data(d),
            Item::Subject(s) => Def::Subject(s),
            Item::Source(s) => Def::Source(s),
            Item::Recipient(r) => Def::Recipient(r),
            Item::Fact(f) => Def::Fact(f),
        })
    }

    pub fn id(self) -> &'a Name {
        match self {
            Def::Controller(c) => &c.id,
            Def::Person(p) => &p.id,
            Def::Register(r) => &r.id,
            Def::Data(d) => &d.id,
            Def::Subject(s) => &s.id,
            Def::Source(s) => &s.id,
            Def::Recipient(r) => &r.id,
            Def::Fact(f) => &f.id,
        }
    }

    /// The whole definition, its block included.
    pub fn span(self) -> Span {
        match self {
            Def::Controller(c) => c.span,
            Def::Person(p) => p.span,
            Def::Register(r) => r.span,
            Def::Data(d) => d.span,
            Def::Subject(s) => s.span,
            Def::Source(s) => s.span,
            Def::Recipient(r) => r.span,
            Def::Fact(f) => f.span,
        }
    }

    pub fn ns(self) -> Ns {
        match self {
            Def::Controller(_) => Ns::Controller,
            Def::Person(_) => Ns::Person,
            Def::Register(_) => Ns::Register,
            Def::Data(_) => Ns::Data,
            Def::Subject(_) => Ns::Subject,
            Def::Source(_) => Ns::Source,
            Def::Recipient(_) => Ns::Recipient,
            Def::Fact(f) => Ns::Fact(f.kind),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Origin {
    Std,
    Imported,
    Own,
}

/// Everything one file can refer to: the prelude, the standard-library modules and files
/// it imports, and its own declarations, which shadow the standard library's.
/// (Its tables hash with foldhash: every name of every register is looked up here, and
/// the standard library's SipHash was 2 % of a check.)
pub struct Scope<'a> {
    names: HashMap<(Ns, &'a str), (Def<'a>, Origin)>,
    /// The user's names by their look (Unicode TR 39 skeleton), where one is not plain
    /// ASCII: `customers` and `сustomers` (a Cyrillic `с`) are two names that read as one.
    looks: HashMap<(Ns, String), &'a Name>,
    /// The same definitions grouped by namespace, so that listing one (every right, every
    /// authority) does not walk the names of a file with thousands of registers.
    by_ns: HashMap<Ns, Vec<Def<'a>>>,
    /// Names defined in standard-library modules the file does not import.
    elsewhere: HashMap<(Ns, &'a str), &'static str>,
    /// Every name looked up, when asked for ([`Scope::keep_references`]). A mutex, as
    /// lookups go through a shared scope; only an editor's compilation keeps them.
    kept: Option<Mutex<Vec<Reference>>>,
}

/// A use of a name: where it is written and what it names (nothing, when it names
/// nothing: X001 reports it).
#[derive(Clone, Copy, Debug)]
pub struct Reference {
    pub at: Span,
    /// The namespace it was found in, or the first one asked when none had it.
    pub ns: Ns,
    /// Where the name it refers to is defined: the defining name's span.
    pub target: Option<Span>,
}

impl<'a> Scope<'a> {
    /// The scope of `program.files[index]`; reports names it defines twice.
    pub fn of_file(
        program: &'a Program,
        index: usize,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Scope<'a> {
        let mut scope = Scope {
            names: HashMap::default(),
            looks: HashMap::default(),
            by_ns: HashMap::default(),
            elsewhere: HashMap::default(),
            kept: None,
        };
        let Some(file) = program.files.get(index) else {
            return scope;
        };
        for std in program.std {
            let imported =
                std.name == super::stdlib::PRELUDE || file.std_imports.contains(&std.name);
            if imported {
                scope.add_module(&std.module, Origin::Std, diagnostics);
            } else {
                for def in std.module.items.iter().filter_map(Def::of) {
                    scope
                        .elsewhere
                        .insert((def.ns(), def.id().value.as_str()), std.name);
                }
            }
        }
        for (import, _) in &file.imports {
            if let Some(imported) = program.files.get(*import) {
                scope.add_module(&imported.module, Origin::Imported, diagnostics);
            }
        }
        scope.add_module(&file.module, Origin::Own, diagnostics);
        for (def, _) in scope.names.values() {
            scope.by_ns.entry(def.ns()).or_default().push(*def);
        }
        scope
    }

    fn add_module(
        &mut self,
        module: &'a Module,
        origin: Origin,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        for def in module.items.iter().filter_map(Def::of) {
            self.add(def, origin, diagnostics);
        }
    }

    fn add(&mut self, def: Def<'a>, origin: Origin, diagnostics: &mut Vec<Diagnostic>) {
        if origin != Origin::Std {
            self.compare_looks(def, diagnostics);
        }
        let key = (def.ns(), def.id().value.as_str());
        if let Some((first, first_origin)) = self.names.get(&key)
            && *first_origin != Origin::Std
        {
            diagnostics.push(duplicate(def.ns(), first.id(), def.id()));
            return;
        }
        self.names.insert(key, (def, origin));
    }

    /// Reports a name that looks like another of its kind without being it. Only names
    /// with a letter outside ASCII are compared: in plain ASCII, TR 39 also folds `rn` into
    /// `m` and `1` into `l`, which in lower-case names are different on purpose.
    fn compare_looks(&mut self, def: Def<'a>, diagnostics: &mut Vec<Diagnostic>) {
        use unicode_security::confusable_detection::skeleton;
        let id = def.id();
        let skeleton: String = skeleton(&id.value).collect();
        let key = (def.ns(), skeleton);
        match self.looks.get(&key) {
            Some(first) if first.value != id.value => {
                if first.value.is_ascii() && id.value.is_ascii() {
                    return;
                }
                diagnostics.push(look_alike(def.ns(), first, id));
            }
            Some(_) => {}
            None => {
                self.looks.insert(key, id);
            }
        }
    }

    /// From now on, keeps every name looked up and what it named.
    pub fn keep_references(&mut self) {
        self.kept = Some(Mutex::new(Vec::new()));
    }

    /// The names looked up since [`Scope::keep_references`], in lookup order (registers are
    /// modelled in parallel, so the driver sorts them by place).
    pub fn references(&self) -> Vec<Reference> {
        self.kept
            .as_ref()
            .and_then(|kept| kept.lock().ok().map(|k| k.clone()))
            .unwrap_or_default()
    }

    /// Notes that `name` was read as `def` (or as nothing, in `ns`), when references are kept.
    pub fn note(&self, name: &Name, ns: Ns, def: Option<Def<'_>>) {
        if let Some(kept) = &self.kept
            && let Ok(mut kept) = kept.lock()
        {
            kept.push(Reference {
                at: name.span,
                ns: def.map_or(ns, Def::ns),
                target: def.map(|d| d.id().span),
            });
        }
    }

    pub fn get(&self, ns: Ns, name: &str) -> Option<Def<'a>> {
        self.names.get(&(ns, name)).map(|(d, _)| *d)
    }

    /// Whether `name` comes from the standard library (not declared or imported by the user).
    pub fn is_std(&self, ns: Ns, name: &str) -> bool {
        self.names
            .get(&(ns, name))
            .is_some_and(|(_, origin)| *origin == Origin::Std)
    }

    /// Every definition of a namespace, in no particular order.
    pub fn all(&self, ns: Ns) -> impl Iterator<Item = Def<'a>> + '_ {
        self.by_ns.get(&ns).into_iter().flatten().copied()
    }

    /// Looks `name` up in the first namespace that has it; reports X001 when none does.
    pub fn lookup(
        &self,
        namespaces: &[Ns],
        name: &Name,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<Def<'a>> {
        let found = namespaces.iter().find_map(|ns| self.get(*ns, &name.value));
        if let Some(first) = namespaces.first() {
            self.note(name, *first, found);
        }
        if found.is_some() {
            return found;
        }
        diagnostics.push(self.unknown(namespaces, name));
        None
    }

    fn unknown(&self, namespaces: &[Ns], name: &Name) -> Diagnostic {
        let noun = namespaces.first().map_or("name", |ns| ns.noun());
        let d = Diagnostic::error(
            codes::UNKNOWN_REFERENCE,
            name.span,
            format!("no {noun} is called `{}`", name.value),
        );
        if let Some(module) = namespaces
            .iter()
            .find_map(|ns| self.elsewhere.get(&(*ns, name.value.as_str())))
        {
            return d
                .with_label(format!("defined in `{module}`"))
                .with_help(format!("add `use {module}` at the top of the file"));
        }
        let candidates: Vec<&str> = namespaces
            .iter()
            .flat_map(|ns| {
                self.names
                    .keys()
                    .filter(move |(n, _)| n == ns)
                    .map(|(_, id)| *id)
            })
            .collect();
        // `recipients none` and `rights none` are answers, not names: `recipients nonee` is
        // that answer mistyped.
        let answers: &[&str] = if namespaces
            .iter()
            .any(|ns| matches!(ns, Ns::Recipient | Ns::Fact(FactKind::Right)))
        {
            &["none"]
        } else {
            &[]
        };
        let near = candidates.iter().chain(answers).copied();
        match schema::closest(&name.value, near) {
            Some(s) => d
                .with_label(format!("did you mean `{s}`?"))
                .with_help(format!(
                    "write `{s}`, or define a {noun} called `{}`",
                    name.value
                ))
                .with_replacement(name.span, s),
            None => d
                .with_label(format!("unknown {noun}"))
                .with_help(known_help(noun, &candidates)),
        }
    }
}

fn known_help(noun: &str, candidates: &[&str]) -> String {
    let mut sorted: Vec<&str> = candidates.to_vec();
    sorted.sort_unstable();
    if sorted.is_empty() {
        return format!(
            "define the {noun} first, e.g. with a block `NAME {{ … }}` in this file or one it imports"
        );
    }
    let shown: Vec<String> = sorted.iter().take(12).map(|c| format!("`{c}`")).collect();
    let more = if sorted.len() > 12 { ", …" } else { "" };
    format!("known: {}{more}", shown.join(", "))
}

fn look_alike(ns: Ns, first: &Name, again: &Name) -> Diagnostic {
    let odd: Vec<String> = again
        .value
        .chars()
        .chain(first.value.chars())
        .filter(|c| !c.is_ascii())
        .map(|c| format!("`{c}` (U+{:04X})", u32::from(c)))
        .collect();
    Diagnostic::error(
        codes::DUPLICATE_DEFINITION,
        again.span,
        format!(
            "the {} `{}` looks the same as `{}` but is another name",
            ns.noun(),
            again.value,
            first.value
        ),
    )
    .with_label("looks like the first")
    .with_secondary(first.span, "first defined here")
    .with_note(format!("letters from another alphabet: {}", odd.join(", ")))
    .with_help(
        "write both names in one alphabet, or rename one of them so that they read differently",
    )
}

pub(super) fn duplicate(ns: Ns, first: &Name, again: &Name) -> Diagnostic {
    Diagnostic::error(
        codes::DUPLICATE_DEFINITION,
        again.span,
        format!("the {} `{}` is defined twice", ns.noun(), again.value),
    )
    .with_label("defined again here")
    .with_secondary(first.span, "first defined here")
    .with_help("rename one of them, or remove the copy")
}
