//! `regc build`: notices (Markdown and HTML per declared language) and JSON, laid out for a
//! site generator, published as one transaction (`publish`); `--check` for CI.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::ValueEnum;

use regc::diagnostic::human::{visible, visible_name};
use regc::render::layout::{Layout, Planned};
use regc::render::{html, json, l10n::Catalog, markdown, notice};
use regc::resolve::model::RegisterDoc;

use super::{
    Common, FINDINGS, OK, Run, TROUBLE, compile, exit_code, plural, publish, report, shown,
};

#[derive(clap::Args)]
pub struct BuildArgs {
    /// The folder to write into [default: regc.toml's `[build] out`]
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// What to write [default: all]
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Where files go: plain folders, or the content layout of a site generator [default: flat]
    #[arg(long, value_enum)]
    layout: Option<LayoutArg>,
    /// HTML without <html>, <head> and styles, to embed in a page
    #[arg(long)]
    fragment: bool,
    /// Leave the page's H1 to the site's theme, which prints the front matter's `title`
    #[arg(long)]
    no_h1: bool,
    /// Also publish registers with completeness errors, as drafts: marked as such on the
    /// page, `noindex`, and `draft` in the front matter [default: they are not published,
    /// and the build exits 1]
    #[arg(long)]
    allow_incomplete: bool,
    /// The default since drafts became opt-in: kept so that older scripts still run
    #[arg(long, hide = true)]
    strict: bool,
    /// Write nothing; list the files whose content would change and exit 1 if any would
    #[arg(long)]
    check: bool,
    /// Name the DPV and TILT exports' nodes under this address (`https://…/`), not as
    /// `urn:regc:` names
    #[arg(long, value_name = "IRI")]
    base_iri: Option<String>,
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, ValueEnum, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// Notices (Markdown and HTML) and JSON
    All,
    /// Notices only
    Notices,
    /// JSON only: `<register>.json`
    Json,
    /// The Art. 30 record of processing activities: `ropa.<lang>.csv` per language
    RopaCsv,
    /// The Art. 30 record as one workbook, a sheet per language: `ropa.xlsx`
    RopaXlsx,
    /// Each register in the W3C Data Privacy Vocabulary, as JSON-LD: `<register>.dpv.jsonld`
    Dpv,
    /// Each register as a TILT document per language: `<register>.tilt.<lang>.json`; a
    /// register that does not state what TILT requires is not written
    Tilt,
}

#[derive(Clone, Copy, Debug, ValueEnum, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum LayoutArg {
    Flat,
    Hugo,
    Zola,
    Jekyll,
}

impl LayoutArg {
    fn layout(self) -> Layout {
        match self {
            LayoutArg::Flat => Layout::Flat,
            LayoutArg::Hugo => Layout::Hugo,
            LayoutArg::Zola => Layout::Zola,
            LayoutArg::Jekyll => Layout::Jekyll,
        }
    }
}

/// What a build does: its flags, then `regc.toml`'s `[build]`, then the defaults.
struct Settings {
    out: PathBuf,
    format: Format,
    layout: LayoutArg,
    fragment: bool,
    no_h1: bool,
    drafts: bool,
    check: bool,
    /// The languages to publish, of those a register declares; `None` is all of them.
    languages: Option<Vec<String>>,
    /// How the DPV and TILT exports name their nodes.
    names: regc::render::iri::Names,
}

impl Settings {
    fn of(
        args: &BuildArgs,
        project: &super::config::Project,
        paths_given: &[PathBuf],
    ) -> Result<Settings, String> {
        let build = &project.config.build;
        let dir = project
            .dir()
            .map_or_else(|| PathBuf::from("."), super::from_here);
        let out = match (&args.out, &build.out) {
            (Some(out), _) => out.clone(),
            // A build replaces its folder whole: from some of the project's registers, it
            // would take down the notices of all the others.
            (None, Some(_)) if !paths_given.is_empty() => {
                return Err(
                    "regc.toml's `[build] out` holds the whole project's notices, and only some registers were given\n  help: run `regc build` without paths to build the project, or give `--out DIR` for a build of these alone"
                        .to_string(),
                );
            }
            (None, Some(out)) if dir == Path::new(".") => PathBuf::from(out),
            (None, Some(out)) => dir.join(out),
            (None, None) => {
                return Err(
                    "no output folder: give `--out DIR`\n  help: or set `out` under `[build]` in regc.toml (docs/config.md)"
                        .to_string(),
                );
            }
        };
        let base = args
            .base_iri
            .clone()
            .or_else(|| build.base_iri.as_ref().map(|b| b.get_ref().clone()));
        if let Some(base) = &base {
            regc::render::iri::check_base(base).map_err(|problem| {
                format!(
                    "--base-iri: {problem}\n  help: e.g. `--base-iri https://example.org/privacy/`"
                )
            })?;
        }
        Ok(Settings {
            names: regc::render::iri::Names::new(base.as_deref()),
            out,
            format: args.format.or(build.format).unwrap_or(Format::All),
            layout: args.layout.or(build.layout).unwrap_or(LayoutArg::Flat),
            fragment: args.fragment || build.fragment == Some(true),
            no_h1: args.no_h1 || build.no_h1 == Some(true),
            drafts: (args.allow_incomplete || build.allow_incomplete == Some(true)) && !args.strict,
            check: args.check,
            languages: build
                .languages
                .as_ref()
                .map(|list| list.iter().map(|l| l.get_ref().clone()).collect()),
        })
    }
}

pub fn run(common: &Common, args: &BuildArgs) -> u8 {
    let run = compile(common, super::Job::Build);
    let code = match Settings::of(args, &run.project, &common.paths) {
        Ok(settings) => build(&run, &settings),
        // A broken regc.toml (or unreadable paths) comes first: without it, the settings
        // would only look incomplete.
        Err(_) if !run.problems.is_empty() => {
            let mut stdout = std::io::stdout().lock();
            report(&mut stdout, &run);
            let _ = writeln!(stdout, "nothing written: fix the errors above first");
            exit_code(&run)
        }
        Err(problem) => {
            let _ = writeln!(std::io::stdout().lock(), "error: {problem}");
            TROUBLE
        }
    };
    // The process ends next; the OS frees the model faster than dropping it would.
    std::mem::forget(run);
    code
}

fn build(run: &Run, args: &Settings) -> u8 {
    let mut stdout = std::io::stdout().lock();
    let compiled = &run.compiled;
    if !run.problems.is_empty() || compiled.unreadable() {
        report(&mut stdout, run);
        let _ = writeln!(stdout, "nothing written: fix the errors above first");
        return exit_code(run);
    }
    let incomplete: Vec<&RegisterDoc> = compiled
        .docs
        .iter()
        .filter(|d| compiled.has_errors(d))
        .collect();
    // The record of processing activities covers every activity, complete or not (its
    // gaps say "Not stated"); it is one file (per language) for every register: one unit
    // of output, where notices are one unit per register.
    let record = matches!(args.format, Format::RopaCsv | Format::RopaXlsx);
    // TILT has no drafts: a document is `active` or `inactive`, so a register with errors
    // is not written as one even with --allow-incomplete.
    let drafts = args.drafts && args.format != Format::Tilt;
    let mut docs: Vec<Publish> = compiled
        .docs
        .iter()
        .filter_map(|doc| match compiled.has_errors(doc) {
            false => Some(Publish { doc, draft: false }),
            true if drafts || record => Some(Publish { doc, draft: true }),
            true => None,
        })
        .collect();
    if !record {
        say_what_is_incomplete(run, &incomplete, drafts, args.format == Format::Tilt);
    }
    let mut untold = 0;
    if args.format == Format::Tilt {
        let before = docs.len();
        docs.retain(|p| tilt_can_tell(run, p.doc));
        untold = before - docs.len();
        if untold > 0 {
            let _ = writeln!(
                std::io::stderr().lock(),
                "{} not written as TILT: state what each lacks, or publish it in the other formats (docs/interop.md#tilt)",
                plural(untold, "register")
            );
        }
    }
    let paths = if record {
        record_files(&docs, args, false).map(|files| files.into_iter().map(|p| p.path).collect())
    } else {
        plan(&docs, args)
    };
    let paths = match paths {
        Ok(p) => p,
        Err(e) => {
            let _ = writeln!(stdout, "error: {e}");
            return TROUBLE;
        }
    };
    let render = |unit: usize| match docs.get(unit) {
        _ if record => record_files(&docs, args, true),
        Some(publish) => render(publish, args),
        None => Ok(Vec::new()),
    };
    let outputs = publish::Outputs {
        paths: &paths,
        units: if record { 1 } else { docs.len() },
        render: &render,
    };
    let code = if args.check {
        check(&mut stdout, &args.out, &outputs)
    } else {
        write(&mut stdout, &args.out, &outputs, docs.len())
    };
    if (incomplete.is_empty() && untold == 0) || args.drafts || record {
        code
    } else {
        code.max(FINDINGS)
    }
}

/// Whether a register states everything TILT requires; if not, says on standard error
/// what it lacks. regc never fills a required field with a fact the register does not
/// state.
fn tilt_can_tell(run: &Run, doc: &RegisterDoc) -> bool {
    let unstated = regc::render::tilt::unstated(doc);
    if unstated.is_empty() {
        return true;
    }
    let at = place(&run.compiled.program.sources, doc.register.span);
    let mut err = std::io::BufWriter::new(std::io::stderr().lock());
    let _ = writeln!(
        err,
        "not written as TILT: register `{}` ({at}) does not state what TILT requires:",
        visible(&doc.register.id)
    );
    for what in unstated {
        let _ = writeln!(err, "  - {what}");
    }
    false
}

/// The record of processing activities (Art. 30): a CSV per language, or one workbook with
/// a sheet per language; in every language a register declares (and the project
/// publishes), English when none is.
fn record_files(
    docs: &[Publish],
    args: &Settings,
    with_content: bool,
) -> Result<Vec<Planned>, String> {
    let mut langs: Vec<&str> = docs
        .iter()
        .flat_map(|p| languages(p.doc, args.languages.as_deref()))
        .collect();
    langs.sort_unstable();
    langs.dedup();
    if langs.is_empty() {
        langs.push("en");
    }
    let registers: Vec<&RegisterDoc> = docs.iter().map(|p| p.doc).collect();
    let tables = || -> Vec<regc::render::ropa::Table> {
        langs
            .iter()
            .filter_map(|l| Catalog::new(l))
            .map(|cat| regc::render::ropa::table(&registers, &cat))
            .collect()
    };
    if args.format == Format::RopaXlsx {
        let content = if with_content {
            regc::render::ropa::xlsx(&tables(), newest_update(&registers))?
        } else {
            Vec::new()
        };
        return Ok(vec![Planned {
            path: "ropa.xlsx".to_string(),
            content,
        }]);
    }
    let made = if with_content { tables() } else { Vec::new() };
    Ok(langs
        .iter()
        .map(|lang| Planned {
            path: format!("ropa.{lang}.csv"),
            content: made
                .iter()
                .find(|t| t.lang == *lang)
                .map(|t| regc::render::ropa::csv(t).into_bytes())
                .unwrap_or_default(),
        })
        .collect())
}

/// The newest `updated` of the registers, as the workbook's date: the same registers give
/// the same bytes. 1980-01-01 (the zip format's first day) when none says.
fn newest_update(docs: &[&RegisterDoc]) -> (u16, u8, u8) {
    docs.iter()
        .filter_map(|d| d.register.updated.as_deref())
        .filter_map(|u| {
            let mut parts = u.split('-').map(|p| p.parse::<u16>().ok());
            let year = parts.next()??;
            let month = parts.next().flatten().unwrap_or(1);
            let day = parts.next().flatten().unwrap_or(1);
            Some((year, u8::try_from(month).ok()?, u8::try_from(day).ok()?))
        })
        .max()
        .unwrap_or((1980, 1, 1))
}

/// `file:line:col`, as editors and terminals link it.
fn place(sources: &regc::source::SourceMap, span: regc::source::Span) -> String {
    let name = sources
        .get(span.source)
        .map_or_else(String::new, |s| visible_name(&s.name));
    let (line, column) = sources.line_col(span.source, span.start as usize);
    format!("{name}:{line}:{column}")
}

/// A register to publish, and whether as a draft.
struct Publish<'a> {
    doc: &'a RegisterDoc,
    draft: bool,
}

/// Each register left out (or published as a draft), where it is and the errors that are
/// why: a build never drops a notice without saying so.
fn say_what_is_incomplete(run: &Run, incomplete: &[&RegisterDoc], drafts: bool, tilt: bool) {
    if incomplete.is_empty() {
        return;
    }
    let sources = &run.compiled.program.sources;
    // Standard error is unbuffered: unbuffered, each line would be several writes, and a
    // thousand registers' lines thousands of system calls while the build waits.
    let mut err = std::io::BufWriter::new(std::io::stderr().lock());
    for doc in incomplete {
        let errors: Vec<&regc::diagnostic::Diagnostic> = run.compiled.errors_in(doc).collect();
        let at = place(sources, doc.register.span);
        let what = if drafts {
            "published as a draft"
        } else {
            "not published"
        };
        let _ = writeln!(
            err,
            "{what}: register `{}` ({at}) has {}:",
            visible(&doc.register.id),
            plural(errors.len(), "error")
        );
        for d in errors {
            let _ = writeln!(
                err,
                "  {}: error[{}] {}",
                place(sources, d.primary.span),
                d.code.as_str(),
                visible(&d.message)
            );
        }
    }
    let registers = plural(incomplete.len(), "register");
    if drafts {
        let _ = writeln!(
            err,
            "{registers} published as {}: marked on the page, `noindex`, and `draft` in the front matter",
            if incomplete.len() == 1 {
                "a draft"
            } else {
                "drafts"
            }
        );
    } else if tilt {
        let _ = writeln!(
            err,
            "{registers} not written as TILT, which has no drafts: fix the errors above (`regc check` explains each)"
        );
    } else {
        let _ = writeln!(
            err,
            "{registers} not published: fix the errors above (`regc check` explains each), or build with `--allow-incomplete` to publish drafts"
        );
    }
}

/// The notice languages of a register: those it declares that have a catalogue (and that
/// the project publishes).
fn languages<'a>(doc: &'a RegisterDoc, wanted: Option<&[String]>) -> Vec<&'a str> {
    doc.register
        .languages
        .iter()
        .map(String::as_str)
        .filter(|l| regc::render::l10n::supported(l))
        .filter(|l| wanted.is_none_or(|w| w.iter().any(|x| covers(x, l))))
        .collect()
}

/// Whether a language the project publishes covers a declared one: `sv` covers `sv` and
/// `sv-FI`; `sv-FI` covers only itself.
fn covers(wanted: &str, declared: &str) -> bool {
    match wanted.split_once('-') {
        Some(_) => wanted.eq_ignore_ascii_case(declared),
        None => declared
            .split('-')
            .next()
            .is_some_and(|primary| primary.eq_ignore_ascii_case(wanted)),
    }
}

/// Every path of the build, sorted; two registers writing one path is an error. Nothing is
/// rendered yet: the outputs are rendered register by register as they are written.
fn plan(docs: &[Publish], args: &Settings) -> Result<Vec<String>, String> {
    let mut files: BTreeMap<String, &str> = BTreeMap::new();
    for publish in docs {
        for p in files_of(publish, args, false)? {
            if let Some(other) = files.get(&p.path) {
                return Err(format!(
                    "`{other}` and `{}` would both write {}\n  help: give the registers different names",
                    publish.doc.source, p.path
                ));
            }
            files.insert(p.path, &publish.doc.source);
        }
    }
    Ok(files.into_keys().collect())
}

/// The files of one register: its JSON and its notices.
fn render(publish: &Publish, args: &Settings) -> Result<Vec<Planned>, String> {
    files_of(publish, args, true)
}

/// The files of one register, with their content or (for the plan) only their paths: one
/// function for both, so the plan holds exactly the paths a render writes.
fn files_of(
    publish: &Publish,
    args: &Settings,
    with_content: bool,
) -> Result<Vec<Planned>, String> {
    let doc = publish.doc;
    let layout = args.layout.layout();
    let id = &doc.register.id;
    let mut out = Vec::new();
    if args.format == Format::Tilt {
        for lang in languages(doc, args.languages.as_deref()) {
            let notice = layout
                .html_path(id, lang)
                .unwrap_or_else(|| layout.markdown_path(id, lang));
            let content = match Catalog::new(lang) {
                Some(cat) if with_content => {
                    regc::render::tilt::document(doc, &cat, &notice, &args.names).map_err(
                        |lacks| {
                            format!(
                                "register `{id}` cannot be written as TILT: it lacks {}",
                                lacks.join("; ")
                            )
                        },
                    )?
                }
                _ => String::new(),
            };
            out.push(Planned {
                path: format!("{id}.tilt.{lang}.json"),
                content: content.into_bytes(),
            });
        }
        return Ok(out);
    }
    if args.format == Format::Dpv {
        out.push(Planned {
            path: format!("{id}.dpv.jsonld"),
            content: if with_content {
                regc::render::dpv::register(doc, &args.names)?.into_bytes()
            } else {
                Vec::new()
            },
        });
        return Ok(out);
    }
    if args.format != Format::Notices {
        let path = if args.format == Format::Json {
            format!("{id}.json")
        } else {
            layout.json_path(id)
        };
        out.push(Planned {
            path,
            content: if with_content {
                json::register(doc)?.into_bytes()
            } else {
                Vec::new()
            },
        });
    }
    if args.format == Format::Json {
        return Ok(out);
    }
    for lang in languages(doc, args.languages.as_deref()) {
        let country = doc
            .register
            .controller
            .as_ref()
            .and_then(|c| c.country.as_deref());
        let Some(catalog) = Catalog::for_register(lang, country) else {
            continue;
        };
        if !with_content {
            out.push(Planned {
                path: layout.markdown_path(id, lang),
                content: Vec::new(),
            });
            if let Some(path) = layout.html_path(id, lang) {
                out.push(Planned {
                    path,
                    content: Vec::new(),
                });
            }
            continue;
        }
        let mut outline = notice::build(doc, &catalog);
        if publish.draft {
            outline.mark_draft(&catalog);
        }
        outline.title_heading = !args.no_h1;
        out.push(Planned {
            path: layout.markdown_path(id, lang),
            content: markdown::render(&outline, layout.front_matter()).into_bytes(),
        });
        if let Some(path) = layout.html_path(id, lang) {
            let page = if args.fragment {
                html::fragment(&outline)
            } else {
                html::page(&outline)
            };
            out.push(Planned {
                path,
                content: page.into_bytes(),
            });
        }
    }
    Ok(out)
}

fn check(out: &mut impl Write, dir: &Path, outputs: &publish::Outputs) -> u8 {
    let difference = match publish::difference(dir, outputs) {
        Ok(d) => d,
        Err(e) => {
            let _ = writeln!(out, "error: {}", visible(&e));
            return TROUBLE;
        }
    };
    for path in &difference.changed {
        let _ = writeln!(out, "stale: {}", shown(&dir.join(path)));
    }
    for path in &difference.removed {
        let _ = writeln!(
            out,
            "stale: {} (no register writes it any more)",
            shown(&dir.join(path))
        );
    }
    let stale = difference.changed.len() + difference.removed.len();
    if stale == 0 {
        if !super::quiet() {
            let _ = writeln!(out, "{} up to date", plural(outputs.paths.len(), "file"));
        }
        OK
    } else {
        let _ = writeln!(
            out,
            "notices are stale: {} would change; run `regc build` and commit the result",
            plural(stale, "file")
        );
        FINDINGS
    }
}

fn write(out: &mut impl Write, dir: &Path, outputs: &publish::Outputs, registers: usize) -> u8 {
    match publish::publish(dir, outputs) {
        Ok(published) => {
            let removed = if published.removed == 0 {
                String::new()
            } else {
                format!(
                    "; removed {} of registers no longer built",
                    plural(published.removed, "file")
                )
            };
            if super::quiet() {
                return OK;
            }
            let _ = writeln!(
                out,
                "wrote {} to {} ({} changed{removed})",
                plural(registers, "register"),
                shown(dir),
                plural(published.changed, "file")
            );
            OK
        }
        Err(e) => {
            let _ = writeln!(out, "error: {}", visible(&e));
            TROUBLE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regc::resolve::load::LoadedFile;

    /// The registers of `text`, compiled alone (so that two files can hold one name).
    fn docs_of(name: &str, text: &str) -> Vec<RegisterDoc> {
        let options = regc::compile::Options {
            docs: true,
            ..regc::compile::Options::on(regc::syntax::values::Date::new(2026, 11, 23).unwrap())
        };
        let roots = vec![LoadedFile {
            key: name.to_string(),
            name: name.to_string(),
            bytes: text.as_bytes().to_vec(),
        }];
        // The registers import nothing: the command line's own files, with no project root.
        let mut disk = super::super::disk::Disk::new(&[], u64::MAX);
        regc::compile(roots, &mut disk, &options).docs
    }

    fn settings() -> Settings {
        Settings {
            out: PathBuf::from("out"),
            format: Format::All,
            layout: LayoutArg::Flat,
            fragment: false,
            no_h1: false,
            drafts: false,
            check: false,
            languages: None,
            names: regc::render::iri::Names::default(),
        }
    }

    const REGISTER: &str = "register NAME {\n  title en \"A\"\n  languages en\n}\n";

    #[test]
    fn the_plan_lists_every_path_once_in_order() {
        let a = docs_of("a.reg", &REGISTER.replace("NAME", "a"));
        let b = docs_of("b.reg", &REGISTER.replace("NAME", "b"));
        let docs: Vec<Publish> = a
            .iter()
            .chain(&b)
            .map(|doc| Publish { doc, draft: false })
            .collect();
        let paths = plan(&docs, &settings()).unwrap();
        assert_eq!(
            paths,
            [
                "a.json",
                "a/en/index.html",
                "a/en/index.md",
                "b.json",
                "b/en/index.html",
                "b/en/index.md"
            ]
        );
    }

    #[test]
    fn a_path_two_registers_write_names_the_first_clash_in_register_order() {
        let first = docs_of("first.reg", &REGISTER.replace("NAME", "z"));
        let b = docs_of("b.reg", &REGISTER.replace("NAME", "b"));
        let second = docs_of("second.reg", &REGISTER.replace("NAME", "z"));
        let b_again = docs_of("b-again.reg", &REGISTER.replace("NAME", "b"));
        // `b` clashes first in path order; `z` first in register order, which is the
        // order a reader follows.
        let docs: Vec<Publish> = [&first, &b, &second, &b_again]
            .into_iter()
            .flatten()
            .map(|doc| Publish { doc, draft: false })
            .collect();
        let error = plan(&docs, &settings()).unwrap_err();
        assert_eq!(
            error,
            "`first.reg` and `second.reg` would both write z.json\n  help: give the registers different names"
        );
    }
}
