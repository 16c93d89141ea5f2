//! `regc diff OLD NEW` and `regc diff --git REV [PATH…]`: two versions of the registers
//! read and compiled, then compared (`regc::diff`). A version that does not compile is
//! reported and nothing is compared: a change cannot be judged against a broken register.

use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::process::Command;

use clap::ValueEnum;

use regc::diagnostic::human::visible;
use regc::resolve::load::{Files, ImportError, LoadedFile};
use regc::resolve::model::RegisterDoc;
use regc::syntax::values::Date;

use super::{FINDINGS, OK, TROUBLE, config, disk, files};

#[derive(clap::Args)]
pub struct DiffArgs {
    /// The old version: a .reg file or a folder (with `--git`: the paths to compare, as in
    /// the working tree) [default with `--git`: the current folder]
    paths: Vec<PathBuf>,
    /// Compare the registers as they were at this git revision (`HEAD~1`, a tag, a
    /// branch) with the working tree
    #[arg(long, value_name = "REV")]
    git: Option<String>,
    /// How to print the changes: for people, as JSON, or as a notice's "What changed"
    /// section (Markdown)
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    format: DiffFormat,
    /// Exit 1 when a change of this kind is found (for CI: hold a pull request until
    /// someone confirms that people are told)
    #[arg(long, value_enum, value_name = "KIND")]
    fail_on: Option<FailOn>,
    /// Judge dated facts on this date instead of today (as `regc check --today`)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::parse_today)]
    today: Option<Date>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum DiffFormat {
    Human,
    Json,
    Markdown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum FailOn {
    /// A change people must be told of
    Material,
    /// Any change, editorial too
    Any,
}

/// The largest file read, as `--max-file-size`'s default.
const LIMIT: u64 = files::DEFAULT_MAX_FILE_SIZE;

pub fn run(args: &DiffArgs) -> u8 {
    let today = args.today.unwrap_or_else(super::today);
    let sides = match &args.git {
        Some(rev) => git_sides(rev, &args.paths, today),
        None => match args.paths.as_slice() {
            [old, new] => disk_side(std::slice::from_ref(old), today, false)
                .and_then(|o| Ok((o, disk_side(std::slice::from_ref(new), today, false)?))),
            _ => Err("give two versions: `regc diff OLD NEW` (files or folders), or `regc diff --git REV [PATH…]`\n  help: e.g. `regc diff old/ registers/` or `regc diff --git HEAD~1`".to_string()),
        },
    };
    let (old, new) = match sides {
        Ok(sides) => sides,
        Err(problem) => {
            say!("error: {problem}");
            return TROUBLE;
        }
    };
    let changes = regc::diff::diff(&old, &new);
    let text = match args.format {
        DiffFormat::Human => Ok(regc::diff::render::human(&changes)),
        DiffFormat::Json => regc::diff::render::json(&changes),
        DiffFormat::Markdown => Ok(regc::diff::render::markdown(&changes)),
    };
    let text = match text {
        Ok(t) => t,
        Err(e) => {
            say!("error: {e}");
            return TROUBLE;
        }
    };
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    let material = changes
        .iter()
        .any(|c| c.materiality == regc::diff::Materiality::Material);
    match args.fail_on {
        Some(FailOn::Material) if material => FINDINGS,
        Some(FailOn::Any) if !changes.is_empty() => FINDINGS,
        _ => OK,
    }
}

/// The project the paths are in (its `regc.toml`, from the first path), for its root and
/// its `include`/`exclude`, as `regc check` reads them.
fn project_of(paths: &[PathBuf]) -> Result<config::Project, String> {
    let from = paths.first().map_or(Path::new("."), PathBuf::as_path);
    match config::find_from(from) {
        Some(file) => config::load(&file),
        None => Ok(config::Project::none()),
    }
}

fn filter_of(project: &config::Project) -> files::Filter {
    match project.file {
        Some(_) => files::Filter::of(project),
        None => files::Filter::standard(),
    }
}

/// The registers of files or folders on disk, each file once. With `gone_is_empty` (the
/// working tree against a revision), a path that is not there any more, or holds no
/// `.reg` file now, holds no registers: they were removed.
fn disk_side(
    paths: &[PathBuf],
    today: Date,
    gone_is_empty: bool,
) -> Result<Vec<RegisterDoc>, String> {
    let project = project_of(paths)?;
    let present: Vec<PathBuf> = paths
        .iter()
        .filter(|p| !gone_is_empty || p.exists())
        .cloned()
        .collect();
    if present.is_empty() {
        return Ok(Vec::new());
    }
    let found = files::collect_up_to(&present, &filter_of(&project), LIMIT);
    let problem = found
        .problems
        .iter()
        .find(|p| !(gone_is_empty && p.contains("holds no .reg files")));
    if let Some(problem) = problem {
        return Err(problem.clone());
    }
    let roots: Vec<PathBuf> = match &project.root {
        Some(root) => vec![root.clone()],
        None => present.iter().map(|p| files::project_root(p)).collect(),
    };
    let mut loaded: Vec<LoadedFile> = found
        .files
        .into_iter()
        .map(|f| LoadedFile {
            key: disk::Disk::key(Path::new(&f.name)),
            name: f.name,
            bytes: f.bytes,
        })
        .collect();
    // Paths that overlap (`.` and `./customers.reg`) name a file once.
    loaded.sort_by(|a, b| a.key.cmp(&b.key));
    loaded.dedup_by(|a, b| a.key == b.key);
    let what = present
        .iter()
        .map(|p| super::shown(p))
        .collect::<Vec<_>>()
        .join(", ");
    compiled(loaded, &mut disk::Disk::new(&roots, LIMIT), today, &what)
}

/// Compiles one version; a version with errors is refused with its first errors.
fn compiled(
    loaded: Vec<LoadedFile>,
    files: &mut dyn Files,
    today: Date,
    what: &str,
) -> Result<Vec<RegisterDoc>, String> {
    let compiled = regc::compile(loaded, files, &regc::compile::Options::on(today));
    if compiled.unreadable() {
        let sources = &compiled.program.sources;
        let errors: Vec<String> = compiled
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .take(5)
            .map(|d| {
                let name = sources
                    .get(d.primary.span.source)
                    .map_or("", |s| s.name.as_str());
                let (line, col) =
                    sources.line_col(d.primary.span.source, d.primary.span.start as usize);
                format!(
                    "  {}:{line}:{col}: error[{}] {}",
                    visible(name),
                    d.code.as_str(),
                    visible(&d.message)
                )
            })
            .collect();
        return Err(format!(
            "{what} does not compile, so it cannot be compared:\n{}\n  help: `regc check` shows every error; fix them, or compare other versions",
            errors.join("\n")
        ));
    }
    Ok(compiled.docs)
}

// A git revision.

/// The registers at `rev` and in the working tree, for `paths` (default: the current folder).
fn git_sides(
    rev: &str,
    paths: &[PathBuf],
    today: Date,
) -> Result<(Vec<RegisterDoc>, Vec<RegisterDoc>), String> {
    let paths: Vec<PathBuf> = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths.to_vec()
    };
    let top = git(&["rev-parse", "--show-toplevel"], None)?;
    let top = PathBuf::from(top.trim());
    // The revision must name a commit; asked once, so a typo gets one clear message.
    git(&["rev-parse", "--verify", "--quiet", &format!("{rev}^{{commit}}")], None)
        .map_err(|_| format!("`{rev}` is not a revision of this repository\n  help: give a commit, a branch or a tag, e.g. `--git HEAD~1` or `--git main`"))?;
    let project = project_of(&paths)?;
    let filter = filter_of(&project);
    let mut old_files = Vec::new();
    for path in &paths {
        let inside = inside_repo(&top, path)?;
        let listed = git(
            &["ls-tree", "-r", "--name-only", "-z", rev, "--", &inside],
            Some(&top),
        )?;
        // The project's `include` and `exclude` hold for the revision's files as for the
        // working tree's (matched where the file would be).
        let taken = |name: &&str| {
            let there = top.join(name);
            filter.included(&there, &there) && !filter.excluded(&there)
        };
        for name in listed.split('\0').filter(|n| !n.is_empty()).filter(taken) {
            old_files.push(LoadedFile {
                key: name.to_string(),
                name: format!("{rev}:{name}"),
                bytes: git_bytes(rev, name, &top)?,
            });
        }
    }
    old_files.sort_by(|a, b| a.key.cmp(&b.key));
    old_files.dedup_by(|a, b| a.key == b.key);
    let old = compiled(
        old_files,
        &mut GitFiles {
            rev: rev.to_string(),
            top: top.clone(),
        },
        today,
        &format!("`{rev}`"),
    )?;
    let new = disk_side(&paths, today, true)?;
    Ok((old, new))
}

/// `path` as git names it: from the repository's top folder, with `/`.
fn inside_repo(top: &Path, path: &Path) -> Result<String, String> {
    // A path deleted since the revision is still a path git knows: placed without the disk.
    let absolute = std::fs::canonicalize(path)
        .or_else(|_| {
            let parent = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            std::fs::canonicalize(parent).map(|d| d.join(path.file_name().unwrap_or_default()))
        })
        .map_err(|e| format!("cannot read `{}`: {e}", super::shown(path)))?;
    let top = std::fs::canonicalize(top).map_err(|e| e.to_string())?;
    let inside = absolute
        .strip_prefix(&top)
        .map_err(|_| format!("`{}` is outside the git repository", super::shown(path)))?;
    let parts: Vec<String> = inside
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Ok(if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    })
}

fn git(args: &[&str], dir: Option<&Path>) -> Result<String, String> {
    let mut command = Command::new("git");
    if let Some(dir) = dir {
        command.arg("-C").arg(dir);
    }
    let output = command.args(args).output().map_err(|e| {
        format!("cannot run git: {e}\n  help: `regc diff --git` needs git on the PATH")
    })?;
    if !output.status.success() {
        return Err(format!(
            "git {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

fn git_bytes(rev: &str, name: &str, top: &Path) -> Result<Vec<u8>, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(top)
        .args(["show", &format!("{rev}:{name}")])
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "cannot read `{name}` at `{rev}`: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    Ok(output.stdout)
}

/// Imports of a revision's files, read from the same revision, confined to the repository.
struct GitFiles {
    rev: String,
    top: PathBuf,
}

impl Files for GitFiles {
    fn import(&mut self, from: &str, path: &str) -> Result<LoadedFile, ImportError> {
        // `from` is `REV:dir/file.reg`; the import is relative to its folder.
        let from = from.strip_prefix(&format!("{}:", self.rev)).unwrap_or(from);
        let joined = Path::new(from).parent().unwrap_or(Path::new("")).join(path);
        let mut parts: Vec<String> = Vec::new();
        for component in joined.components() {
            match component {
                Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
                Component::CurDir => {}
                Component::ParentDir => {
                    if parts.pop().is_none() {
                        return Err(ImportError::OutsideProject);
                    }
                }
                Component::RootDir | Component::Prefix(_) => {
                    return Err(ImportError::OutsideProject);
                }
            }
        }
        let name = parts.join("/");
        match git_bytes(&self.rev, &name, &self.top) {
            Ok(bytes) if bytes.len() as u64 <= LIMIT => Ok(LoadedFile {
                key: name.clone(),
                name: format!("{}:{name}", self.rev),
                bytes,
            }),
            Ok(bytes) => Err(ImportError::TooLarge(format!("{} bytes", bytes.len()))),
            Err(_) => Err(ImportError::NotFound),
        }
    }
}
