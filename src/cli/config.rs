//! `regc.toml`: a project's settings, found by walking up from the paths given (or named
//! with `--config`). Its folder is the project root: imports stay inside it, and a hook
//! that passes files one by one finds the same root as `regc check .` (docs/config.md).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use regc::check::selection::{Level, Selection};
use regc::diagnostic::human;
use regc::syntax::values::{Date, parse_date};

use super::build::{Format, LayoutArg};
use super::{ProfileArg, shown};

pub const FILE_NAME: &str = "regc.toml";

/// regc's project settings. Every key is optional; command-line flags win over them.
/// See docs/config.md.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(title = "regc.toml")]
pub struct Config {
    /// The project folder, relative to this file: imports must stay inside it, and outputs
    /// name registers by their path inside it [default: the folder holding regc.toml]
    #[schemars(with = "Option<String>")]
    pub root: Option<Spanned<String>>,
    /// Glob patterns, relative to the root, of the files a folder's search reads
    /// [default: ["**/*.reg"]]
    #[schemars(with = "Option<Vec<String>>")]
    pub include: Option<Vec<Spanned<String>>>,
    /// Glob patterns, relative to the root, of files and folders never read, even when a
    /// file is named on the command line (as a pre-commit hook does)
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub exclude: Vec<Spanned<String>>,
    /// Leave out what `.gitignore`, `.ignore` and `.git/info/exclude` leave out when
    /// searching a folder [default: true]
    pub respect_gitignore: Option<bool>,
    /// `regc check` (and the checks `regc build` runs first)
    #[serde(default)]
    pub check: CheckSection,
    /// `regc build`
    #[serde(default)]
    pub build: BuildSection,
}

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CheckSection {
    /// Judge registers as a notice, an Art. 30 record (`ropa`), or strictly (`strict`:
    /// warnings are errors) [default: the profiles each register declares]
    pub profile: Option<ProfileArg>,
    /// Judge dated facts (adequacy decisions, laws, authorities) on this day, YYYY-MM-DD,
    /// so that a check gives the same answer every day until the date is moved
    /// [default: SOURCE_DATE_EPOCH, else today]
    #[schemars(with = "Option<String>", regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub today: Option<Spanned<toml::Value>>,
    /// Rule codes or prefixes to run (`P`, `T004`, `ALL`) [default: every rule]
    #[schemars(with = "Option<Vec<String>>")]
    pub select: Option<Vec<Spanned<String>>>,
    /// Rule codes or prefixes not to run; the longer of a matching `select` and `ignore`
    /// wins, and `ignore` wins a tie
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub ignore: Vec<Spanned<String>>,
    /// A rule code or prefix and the severity to give it: `error`, `warning` or `off`
    #[serde(default)]
    pub severity: BTreeMap<String, LevelName>,
    /// Fail (exit 1) on warnings too [default: false]
    pub deny_warnings: Option<bool>,
}

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BuildSection {
    /// The folder to write into, relative to this file
    pub out: Option<String>,
    /// What to write [default: all]
    pub format: Option<Format>,
    /// Where files go: plain folders, or a site generator's content layout [default: flat]
    pub layout: Option<LayoutArg>,
    /// The notice languages to publish, of those each register declares
    /// [default: every declared language]
    #[schemars(with = "Option<Vec<String>>")]
    pub languages: Option<Vec<Spanned<String>>>,
    /// Publish registers with completeness errors as drafts [default: false]
    pub allow_incomplete: Option<bool>,
    /// HTML without <html>, <head> and styles [default: false]
    pub fragment: Option<bool>,
    /// Leave the page's H1 to the site's theme [default: false]
    pub no_h1: Option<bool>,
    /// Where the DPV and TILT exports name their nodes: an `https://` address ending in
    /// `/` or `#`, under which `register/<id>` names a register [default: `urn:regc:` names,
    /// unique only within the project]
    #[schemars(with = "Option<String>")]
    pub base_iri: Option<Spanned<String>>,
}

#[derive(Clone, Copy, Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum LevelName {
    Error,
    Warning,
    Off,
}

/// A project: its settings, where they were read from, and its root.
pub struct Project {
    pub config: Config,
    /// The `regc.toml` read, if any.
    pub file: Option<PathBuf>,
    /// The folder imports must stay in; `None` without a `regc.toml` (then each folder
    /// given, or a file's folder, is a root, as before configuration existed).
    pub root: Option<PathBuf>,
    pub selection: Selection,
    pub today: Option<Date>,
}

impl Project {
    /// No `regc.toml`: every setting at its default.
    pub fn none() -> Project {
        Project {
            config: Config::default(),
            file: None,
            root: None,
            selection: Selection::default(),
            today: None,
        }
    }

    /// The folder that holds `regc.toml`, against which its relative paths are read.
    pub fn dir(&self) -> Option<&Path> {
        self.file.as_deref().and_then(Path::parent)
    }
}

/// The `regc.toml` above `path`: in its folder (or the folder itself) or any folder above.
pub fn find_from(path: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(path).ok()?;
    let start = if absolute.is_dir() {
        absolute.as_path()
    } else {
        absolute.parent()?
    };
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// The project the paths belong to. Paths of two projects at once, or of a project and
/// of no project, are refused: each has its own root and rules.
pub fn discover(paths: &[PathBuf]) -> Result<Option<PathBuf>, String> {
    let found: Vec<Option<PathBuf>> = paths.iter().map(|p| find_from(p)).collect();
    let Some(first) = found.first() else {
        return Ok(None);
    };
    let named = |f: &Option<PathBuf>| match f {
        Some(file) => format!("`{}`", shown(file)),
        None => format!("no {FILE_NAME}"),
    };
    match found.iter().find(|f| *f != first) {
        None => Ok(first.clone()),
        Some(other) => Err(format!(
            "the paths belong to two projects, {} and {}\n  help: run regc once per project, from inside it (each project's imports stay inside its own root)",
            named(first),
            named(other)
        )),
    }
}

/// Reads and checks a `regc.toml`. Every mistake is reported as `file:line:col: message`
/// with a help line.
pub fn load(file: &Path) -> Result<Project, String> {
    let name = named_from_here(file);
    let bytes = super::files::read_bounded(file, 1024 * 1024).map_err(|e| match e {
        super::files::Unread::TooLarge(size) => format!(
            "`{}` is {size}, more than a settings file can be\n  help: keep regc.toml to settings",
            name
        ),
        super::files::Unread::Io(e) => format!(
            "cannot read `{}`: {e}\n  help: give the path of a regc.toml with `--config`, or leave it out to find one",
            name
        ),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let (line, col) = line_col(
            &String::from_utf8_lossy(e.as_bytes()),
            e.utf8_error().valid_up_to(),
        );
        format!(
            "{}:{line}:{col}: not UTF-8 text\n  help: save regc.toml as UTF-8",
            name
        )
    })?;
    let config: Config = toml::from_str(&text).map_err(|e| {
        let (line, col) = e.span().map_or((1, 1), |s| line_col(&text, s.start));
        let help = match misplaced(e.message()) {
            Some(table) => {
                format!("this key belongs {table}; docs/config.md shows where each goes")
            }
            None => {
                "docs/config.md lists every setting; `regc schema config` prints them for editors"
                    .to_string()
            }
        };
        format!(
            "{}:{line}:{col}: {}\n  help: {help}",
            name,
            human::visible(e.message().trim_end())
        )
    })?;
    let at = |offset: usize| {
        let (line, col) = line_col(&text, offset);
        format!("{}:{line}:{col}", name)
    };
    let dir = file.parent().unwrap_or(Path::new("."));
    let root = match &config.root {
        None => dir.to_path_buf(),
        Some(root) => {
            let path = dir.join(root.get_ref());
            if !path.is_dir() {
                return Err(format!(
                    "{}: `root = \"{}\"` is not a folder\n  help: give the project folder, relative to regc.toml",
                    at(root.span().start),
                    human::visible(root.get_ref())
                ));
            }
            path
        }
    };
    let today = match &config.check.today {
        None => None,
        Some(day) => {
            // A quoted date, or TOML's own (`today = 2026-12-01`), which people write too.
            let text = match day.get_ref() {
                toml::Value::String(text) => text.clone(),
                other => other.to_string(),
            };
            Some(parse_date(&text).map_err(|e| {
                format!(
                    "{}: `today = {}`: {}\n  help: {}",
                    at(day.span().start),
                    human::visible(&text),
                    e.message,
                    e.help
                        .unwrap_or_else(|| "write the date as YYYY-MM-DD".to_string())
                )
            })?)
        }
    };
    let selection = selection(&config, &text, &at)?;
    for pattern in config.include.iter().flatten().chain(&config.exclude) {
        if let Err(e) = globset::Glob::new(super::files::normal_pattern(pattern.get_ref())) {
            return Err(format!(
                "{}: `{}` is not a glob pattern: {}\n  help: use `*` for any name, `**` for any folders, e.g. `registers/**/*.reg`",
                at(pattern.span().start),
                human::visible(pattern.get_ref()),
                e.kind()
            ));
        }
    }
    if let Some(base) = &config.build.base_iri
        && let Err(problem) = regc::render::iri::check_base(base.get_ref())
    {
        return Err(format!(
            "{}: {problem}\n  help: e.g. `base-iri = \"https://example.org/privacy/\"`",
            at(base.span().start)
        ));
    }
    for lang in config.build.languages.iter().flatten() {
        if !regc::render::l10n::supported(lang.get_ref()) {
            return Err(format!(
                "{}: regc writes no notices in `{}`\n  help: use one of {}",
                at(lang.span().start),
                human::visible(lang.get_ref()),
                regc::render::l10n::LOCALES
                    .iter()
                    .map(|(code, _)| *code)
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    Ok(Project {
        config,
        file: Some(file.to_path_buf()),
        root: Some(root),
        selection,
        today,
    })
}

fn selection(
    config: &Config,
    text: &str,
    at: &dyn Fn(usize) -> String,
) -> Result<Selection, String> {
    let strings = |list: &[Spanned<String>]| -> Vec<String> {
        list.iter().map(|s| s.get_ref().clone()).collect()
    };
    let levels = config
        .check
        .severity
        .iter()
        .map(|(code, level)| {
            let level = match level {
                LevelName::Error => Level::Error,
                LevelName::Warning => Level::Warning,
                LevelName::Off => Level::Off,
            };
            (code.clone(), level)
        })
        .collect();
    Selection::new(
        config.check.select.as_deref().map(strings),
        strings(&config.check.ignore),
        levels,
    )
    .map_err(|unknown| {
        let first = &unknown[0];
        // The selector's place: the first quoted occurrence in the file.
        let offset = text
            .to_ascii_uppercase()
            .find(&format!("\"{}\"", first.selector.to_ascii_uppercase()))
            .or_else(|| text.to_ascii_uppercase().find(&first.selector.to_ascii_uppercase()))
            .unwrap_or(0);
        let stage = regc::check::find_code(&first.selector)
            .filter(|code| code.kind() != regc::diagnostic::Kind::Rule);
        if let Some(code) = stage {
            return format!(
                "{}: `{}` is a {} error, not a rule\n  help: syntax, value and import errors cannot be silenced: nothing can be built past them; fix the file instead",
                at(offset),
                code.as_str(),
                code.kind().as_str()
            );
        }
        let help = match first.did_you_mean {
            Some(code) => format!("did you mean `{code}`? `regc explain --list` lists every rule"),
            None => "give a rule code (`T004`), a prefix of codes (`T`) or `ALL`; `regc explain --list` lists every rule".to_string(),
        };
        format!(
            "{}: `{}` names no rule\n  help: {help}",
            at(offset),
            human::visible(&first.selector)
        )
    })
}

/// The settings file as the user would type it from here: `regc.toml`, `../../regc.toml`.
fn named_from_here(file: &Path) -> String {
    let (Some(dir), Some(name)) = (file.parent(), file.file_name()) else {
        return shown(file);
    };
    let near = super::from_here(dir).join(name);
    shown(near.strip_prefix(".").unwrap_or(&near))
}

/// Where an unknown key belongs, when it is a key of another table.
fn misplaced(message: &str) -> Option<&'static str> {
    let key = message.strip_prefix("unknown field `")?.split('`').next()?;
    const TOP: &[&str] = &["root", "include", "exclude", "respect-gitignore"];
    const CHECK: &[&str] = &[
        "profile",
        "today",
        "select",
        "ignore",
        "severity",
        "deny-warnings",
    ];
    const BUILD: &[&str] = &[
        "out",
        "format",
        "layout",
        "languages",
        "allow-incomplete",
        "fragment",
        "no-h1",
        "base-iri",
    ];
    if TOP.contains(&key) {
        Some("at the top, before any [table]")
    } else if CHECK.contains(&key) {
        Some("under [check]")
    } else if BUILD.contains(&key) {
        Some("under [build]")
    } else {
        None
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut i = offset.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The JSON Schema of `regc.toml`, for editors (taplo, VS Code's Even Better TOML).
pub fn schema() -> Result<String, String> {
    let mut schema = schemars::schema_for!(Config).to_value();
    without_null(&mut schema);
    serde_json::to_string_pretty(&schema)
        .map(|mut s| {
            s.push('\n');
            s
        })
        .map_err(|e| e.to_string())
}

/// TOML has no null: an optional key is one left out, so `"null"` is taken out of every
/// type, lest an editor suggest it.
fn without_null(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    map.insert("type".to_string(), only);
                }
            }
            for key in ["anyOf", "oneOf"] {
                if let Some(Value::Array(options)) = map.get_mut(key) {
                    options.retain(|o| o.get("type").is_none_or(|t| t != "null"));
                    if options.len() == 1 {
                        let only = options.remove(0);
                        map.remove(key);
                        if let Value::Object(inner) = only {
                            map.extend(inner);
                        }
                    }
                }
            }
            map.values_mut().for_each(without_null);
        }
        Value::Array(items) => items.iter_mut().for_each(without_null),
        _ => {}
    }
}
