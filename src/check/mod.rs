//! Stage 3, check: the GDPR completeness rules. Each rule is one file in `rules/`, declared
//! with its code, name, severity, article, summary and explanation (`regc explain CODE`).
//!
//! Rules read a register twice over: the resolved model (what it means: derived articles,
//! rights, transfer status) and its AST (where each statement is, for the diagnostic).

pub mod docs;
pub mod entries;
pub mod hedge;
pub mod names;
pub mod placeholder;
pub mod rules;
pub mod selection;
mod suppress;
pub mod wording;

use crate::resolve::facts::Jurisdiction;

pub use crate::diagnostic::code::{Applies, RuleInfo};
use crate::diagnostic::{Code, Diagnostic, Kind, Label, Severity, Words};
use crate::resolve::load::Program;
use crate::resolve::model::{self, Profile, RegisterDoc};
use crate::resolve::scope::{Def, Ns, Scope};
use crate::source::Span;
use crate::syntax::ast;
use crate::syntax::values::{Country, Date};
use compact_str::CompactString;
use std::cell::OnceCell;
use std::collections::HashSet;
use std::sync::LazyLock;

/// What a rule found: where, what, and how to fix it.
pub struct Finding {
    pub span: Span,
    pub message: String,
    pub label: Words,
    pub help: Option<Words>,
    pub secondary: Vec<Label>,
}

impl Finding {
    pub fn new(span: Span, message: impl Into<String>, label: impl Into<Words>) -> Finding {
        Finding {
            span,
            message: message.into(),
            label: label.into(),
            help: None,
            secondary: Vec::new(),
        }
    }

    pub fn help(mut self, help: impl Into<Words>) -> Finding {
        self.help = Some(help.into());
        self
    }

    pub fn also(mut self, span: Span, label: impl Into<Words>) -> Finding {
        self.secondary.push(Label {
            span,
            message: label.into(),
        });
        self
    }
}

pub trait Rule: Sync {
    fn info(&self) -> &'static RuleInfo;

    /// Findings in one register.
    fn check_register(&self, _cx: &RegisterCx, _out: &mut Vec<Finding>) {}

    /// Findings across every register and file checked together.
    fn check_program(&self, _cx: &ProgramCx, _out: &mut Vec<Finding>) {}
}

/// One register as the rules see it.
pub struct RegisterCx<'a> {
    pub doc: &'a RegisterDoc,
    pub ast: &'a ast::Register,
    pub controller: Option<&'a ast::Controller>,
    pub scope: &'a Scope<'a>,
    pub today: Date,
    pub profiles: Vec<Profile>,
    /// Every text of the register with what it is called, named once for the rules that
    /// read them all.
    named_texts: OnceCell<Vec<wording::NamedText<'a>>>,
    /// The same texts entry by entry (one per language).
    entries: OnceCell<Vec<entries::Entry<'a>>>,
    /// The same texts read for names, once for the two rules that look for names in them.
    texts: OnceCell<Vec<names::Text<'a>>>,
}

impl<'a> RegisterCx<'a> {
    /// Every text of the register with what it is called (see
    /// [`wording::register_texts`]): named once for every rule that reads them.
    pub fn named_texts(&self) -> &[wording::NamedText<'a>] {
        self.named_texts
            .get_or_init(|| wording::register_texts(self.ast))
    }

    /// Every text entry of the register (see [`entries::register_entries`]).
    pub fn entries(&self) -> &[entries::Entry<'a>] {
        self.entries
            .get_or_init(|| entries::register_entries(self.ast, self.named_texts()))
    }

    /// Every text entry read for the names it holds, in the order of [`Self::entries`]:
    /// O006 and T007 both look for names in every text, and each text's words and stems
    /// are worked out once for both.
    pub fn texts(&self) -> &[names::Text<'a>] {
        self.texts
            .get_or_init(|| self.entries().iter().map(entries::Entry::read).collect())
    }

    pub fn art14(&self) -> bool {
        self.doc
            .register
            .information_articles
            .iter()
            .any(|a| a == "14")
    }

    pub fn art13(&self) -> bool {
        self.doc
            .register
            .information_articles
            .iter()
            .any(|a| a == "13")
    }

    pub fn ropa(&self) -> bool {
        self.profiles.contains(&Profile::Ropa)
    }

    pub fn notice(&self) -> bool {
        self.profiles.iter().any(|p| *p != Profile::Ropa)
    }

    /// The people the register tells readers to contact about it.
    pub fn contacts(&self) -> impl Iterator<Item = &'a model::Person> {
        self.doc.register.contacts.iter()
    }

    /// Each purpose as written, with what it resolved to.
    pub fn purposes(&self) -> impl Iterator<Item = (&'a ast::Purpose, &'a model::Purpose)> {
        // `resolve` builds one model purpose per written purpose, in order.
        self.ast.purposes.iter().zip(&self.doc.register.purposes)
    }

    /// Each transfer as written, with what it resolved to; none when the register says
    /// `transfers none` (or states no transfer).
    pub fn transfers(&self) -> impl Iterator<Item = (&'a ast::Transfer, &'a model::Transfer)> {
        let listed: &'a [model::Transfer] = self.doc.register.transfers.items();
        // `resolve` builds one model transfer per written transfer, in order.
        self.ast.transfers.iter().zip(listed)
    }

    /// The law the register's controller answers to, by its country
    /// ([`crate::resolve::facts::jurisdiction`]): the EU's GDPR unless it is in the UK or
    /// Switzerland.
    pub fn jurisdiction(&self) -> crate::resolve::facts::Jurisdiction {
        crate::resolve::facts::jurisdiction(
            self.controller
                .and_then(|c| c.country.as_ref())
                .map(|c| c.value),
        )
    }

    /// The register's `rights` statement and the ids of every right the notice names (the
    /// list and the `right` blocks), when it says which it names.
    pub fn stated_rights(&self) -> Option<(&'a ast::StatedRights, &'a [String])> {
        let statement = self.ast.stated_rights.as_ref()?;
        let ids = self.doc.register.stated_rights.as_deref()?;
        Some((statement, ids))
    }

    /// Where to point a finding about the register as a whole: its name.
    pub fn at(&self) -> Span {
        self.ast.id.span
    }

    /// The person a register names, if it resolves.
    pub fn person(&self, name: &Option<ast::Name>) -> Option<&ast::Person> {
        match self.scope.get(Ns::Person, &name.as_ref()?.value)? {
            Def::Person(p) => Some(p),
            _ => None,
        }
    }
}

/// Everything checked together, for rules across registers.
pub struct ProgramCx<'a> {
    pub program: &'a Program,
    pub registers: &'a [Across],
    /// The people, controllers and recipients the registers name (X003).
    pub named: &'a Named,
    /// The names the first register's file sees: the facts O006 looks for in the files'
    /// other declarations.
    pub first_scope: Option<&'a Scope<'a>>,
    pub today: Date,
}

/// A register as the rules across registers read it: what they compare, taken from its
/// tree and its file's names while both are at hand. A check drops each file's registers
/// once they are checked (and its model, unless the caller keeps it), so by the time the
/// rules across registers run, this is what is left of it.
pub struct Across {
    /// The register's name as written.
    pub name: ast::Name,
    /// Where its file is in `Program::files`.
    pub file: usize,
    /// The controller's name as written.
    pub controller: Option<ast::Name>,
    /// The country of the controller it names, when the name resolves and states one.
    pub country: Option<Country>,
    /// The retention periods it gives each data category (X004).
    pub periods: rules::Periods,
}

/// The people, controllers and recipients registers name, each once: kept as a set, not
/// per register, since most registers name the same few.
pub type Named = HashSet<(Ns, CompactString)>;

/// Adds the people, controllers and recipients `register` names to `named`.
pub fn note_names(register: &ast::Register, named: &mut Named) {
    rules::names_in_register(register, |ns, name| {
        named.insert((ns, name.value.clone()));
    });
}

#[derive(Clone, Debug)]
pub struct Options {
    pub today: Date,
    /// Overrides the profiles registers declare.
    pub profile: Option<Profile>,
    /// Reports this rule's findings alone (a rule's own tests), instead of every rule's.
    pub only: Option<&'static str>,
    /// The project's rule selection and severities (`regc.toml`).
    pub selection: selection::Selection,
    /// Keeps where each name is used and what it names ([`crate::Compiled::references`]),
    /// for an editor's navigation; off for the command line, which has no use for it.
    pub references: bool,
    /// Keeps every register's model ([`crate::Compiled::docs`]): a build renders them. A
    /// check reads only the findings, and its models are dropped as soon as each register
    /// is checked, so that no more than a few are in memory at once.
    pub docs: bool,
}

impl Options {
    /// Every rule, each register under its own profiles, judged on `today`.
    pub fn on(today: Date) -> Options {
        Options {
            today,
            profile: None,
            only: None,
            selection: selection::Selection::default(),
            references: false,
            docs: true,
        }
    }
}

/// Runs every rule on one register, its `allow`s applied.
pub fn check_register(
    doc: &RegisterDoc,
    ast: &ast::Register,
    scope: &Scope,
    options: &Options,
) -> Vec<Diagnostic> {
    let cx = register_cx(doc, ast, scope, options);
    let mut found = Vec::new();
    for rule in rules::all() {
        let mut out = Vec::new();
        rule.check_register(&cx, &mut out);
        found.extend(
            out.into_iter()
                .filter_map(|f| diagnostic(*rule, f, &cx.profiles, cx.jurisdiction())),
        );
    }
    suppress::apply(&cx, found)
}

/// Runs the rules across registers and files, adds their findings to the registers' own
/// (`findings`, from [`check_register`]), and keeps those the options select.
pub fn check_program(
    program: &Program,
    registers: &[Across],
    named: &Named,
    first_scope: Option<&Scope>,
    options: &Options,
    findings: &mut Vec<Diagnostic>,
) {
    let program_cx = ProgramCx {
        program,
        registers,
        named,
        first_scope,
        today: options.today,
    };
    let profiles = options
        .profile
        .map_or_else(|| vec![Profile::Notice], |p| vec![p]);
    for rule in rules::all() {
        let mut out = Vec::new();
        rule.check_program(&program_cx, &mut out);
        findings.extend(
            out.into_iter()
                .filter_map(|f| diagnostic(*rule, f, &profiles, Jurisdiction::Eu)),
        );
    }
    // Every rule runs even for one rule's findings: `allow`s are judged against them all.
    if let Some(only) = options.only {
        findings.retain(|d| d.code == only);
    }
    // After the `allow`s: one for a rule the project ignores is still judged, so an
    // `allow` never goes stale unnoticed when the project's selection changes back.
    options.selection.apply(findings);
}

impl Across {
    /// `ast`, the register `file` (an index into `Program::files`) defines, read in
    /// `scope`, its file's names.
    pub fn new(ast: &ast::Register, file: usize, scope: &Scope) -> Across {
        Across {
            name: ast.id.clone(),
            file,
            controller: ast.controller.clone(),
            country: controller_of(ast, scope)
                .and_then(|c| c.country.as_ref())
                .map(|c| c.value),
            periods: rules::periods(ast),
        }
    }
}

/// The controller a register names, when the name resolves.
fn controller_of<'a>(ast: &ast::Register, scope: &Scope<'a>) -> Option<&'a ast::Controller> {
    ast.controller
        .as_ref()
        .and_then(|n| match scope.get(Ns::Controller, &n.value) {
            Some(Def::Controller(c)) => Some(c),
            _ => None,
        })
}

fn register_cx<'a>(
    doc: &'a RegisterDoc,
    ast: &'a ast::Register,
    scope: &'a Scope<'a>,
    options: &Options,
) -> RegisterCx<'a> {
    let controller = controller_of(ast, scope);
    let profiles = match options.profile {
        Some(p) => vec![p],
        None if doc.register.profiles.is_empty() => vec![Profile::Notice],
        None => doc.register.profiles.clone(),
    };
    RegisterCx {
        doc,
        ast,
        controller,
        scope,
        today: options.today,
        profiles,
        named_texts: OnceCell::new(),
        entries: OnceCell::new(),
        texts: OnceCell::new(),
    }
}

/// The severity a rule has under a set of profiles, or None when it does not apply.
pub fn severity_under(info: &RuleInfo, profiles: &[Profile]) -> Option<Severity> {
    let ropa = profiles.contains(&Profile::Ropa);
    let notice = profiles.iter().any(|p| *p != Profile::Ropa);
    let applies = match info.applies {
        Applies::Always => true,
        Applies::NoticeOnly => notice,
        Applies::RopaOnly => ropa,
    };
    if !applies {
        return None;
    }
    let mut severity = info.severity;
    if ropa && let Some(s) = info.ropa_severity {
        severity = severity.max(s);
    }
    if profiles.contains(&Profile::Strict) && severity == Severity::Warning {
        severity = Severity::Error;
    }
    Some(severity)
}

/// A finding as a diagnostic, its note naming the law of the register's controller: the
/// UK GDPR's articles carry the GDPR's numbers, so only the name changes.
fn diagnostic(
    rule: &dyn Rule,
    f: Finding,
    profiles: &[Profile],
    jurisdiction: Jurisdiction,
) -> Option<Diagnostic> {
    let info = rule.info();
    let severity = severity_under(info, profiles)?;
    let mut d = Diagnostic::error(Code::Rule(info), f.span, f.message).with_label(f.label);
    d.severity = severity;
    d.secondary = f.secondary;
    d.help = f.help;
    let law = match jurisdiction {
        Jurisdiction::Uk => "UK GDPR",
        Jurisdiction::Eu | Jurisdiction::Ch => "GDPR",
    };
    if !info.articles.is_empty() {
        d.notes.push(article_note(info, law));
    }
    Some(d)
}

/// "GDPR Art. 13(1)(c): …": the same words for every finding of a rule under one law, so
/// written once for each rule and law, not once per finding.
fn article_note(info: &'static RuleInfo, law: &'static str) -> Words {
    static NOTES: LazyLock<foldhash::HashMap<(&'static str, &'static str), String>> =
        LazyLock::new(|| {
            rules::all()
                .iter()
                .map(|rule| rule.info())
                .flat_map(|info| ["GDPR", "UK GDPR"].map(|law| (info, law)))
                .map(|(info, law)| ((info.code, law), written_note(info, law)))
                .collect()
        });
    match NOTES.get(&(info.code, law)) {
        Some(note) => Words::Borrowed(note),
        None => Words::Owned(written_note(info, law)),
    }
}

fn written_note(info: &RuleInfo, law: &str) -> String {
    format!("{law} Art. {}: {}", info.articles, info.summary)
}

/// Every code regc reports: the stages' codes (syntax, values, imports, limits), then the
/// rules in code order.
pub fn all_codes() -> Vec<Code> {
    let mut all: Vec<Code> = crate::diagnostic::codes::ALL.to_vec();
    all.extend(rules::all().iter().map(|r| Code::Rule(r.info())));
    all
}

/// The code called `name`: a stage code (`invalid-date`), a rule code in any case (`p002`)
/// or a rule's name (`basis-missing`).
pub fn find_code(name: &str) -> Option<Code> {
    all_codes().into_iter().find(|c| {
        c.as_str().eq_ignore_ascii_case(name) || (c.kind() == Kind::Rule && c.title() == name)
    })
}

/// The rule with `code`, if there is one.
pub fn rule(code: &str) -> Option<&'static dyn Rule> {
    rules::all().iter().copied().find(|r| r.info().code == code)
}

#[cfg(test)]
mod note_tests {
    use super::*;

    #[test]
    fn every_rule_cites_its_article_in_words_written_once() {
        for rule in rules::all()
            .iter()
            .filter(|r| !r.info().articles.is_empty())
        {
            let info = rule.info();
            for law in ["GDPR", "UK GDPR"] {
                let note = article_note(info, law);
                assert!(matches!(note, Words::Borrowed(_)), "{}", info.code);
                let expected = format!("{law} Art. {}: {}", info.articles, info.summary);
                assert_eq!(note, expected);
            }
        }
    }
}
