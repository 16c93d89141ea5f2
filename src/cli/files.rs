//! Finding and reading the files a command was given.

use std::fs;
use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

pub struct File {
    /// The path as shown in diagnostics.
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The largest file read unless `--max-file-size` says otherwise: far above any real
/// register description, low enough that a stray dump cannot exhaust memory.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 256 * 1024 * 1024;

#[derive(Default)]
pub struct Found {
    pub files: Vec<File>,
    /// Paths that could not be read, as one-line messages.
    pub problems: Vec<String>,
    /// Files larger than this many bytes are refused.
    limit: u64,
    /// Files left out by `regc.toml`'s `exclude`.
    pub excluded: usize,
}

/// Which files a search reads: `regc.toml`'s `include` and `exclude`, and `.gitignore`.
pub struct Filter {
    /// The project root, canonical: globs are matched against paths inside it.
    root: Option<PathBuf>,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
    gitignore: bool,
}

impl Filter {
    /// Without a `regc.toml`: every `.reg` file a folder holds that git does not ignore.
    pub fn standard() -> Filter {
        Filter {
            root: None,
            include: None,
            exclude: None,
            gitignore: true,
        }
    }

    /// The project's patterns; `config::load` has checked that each is a valid glob.
    pub fn of(project: &super::config::Project) -> Filter {
        let config = &project.config;
        let set = |patterns: &mut dyn Iterator<Item = &str>| {
            let mut builder = GlobSetBuilder::new();
            for pattern in patterns {
                let pattern = normal_pattern(pattern);
                if let Ok(glob) = GlobBuilder::new(pattern).literal_separator(true).build() {
                    builder.add(glob);
                }
            }
            builder.build().ok()
        };
        Filter {
            root: project
                .root
                .as_deref()
                .and_then(|r| fs::canonicalize(r).ok()),
            include: config
                .include
                .as_ref()
                .and_then(|list| set(&mut list.iter().map(|p| p.get_ref().as_str()))),
            exclude: match config.exclude.is_empty() {
                true => None,
                false => set(&mut config.exclude.iter().map(|p| p.get_ref().as_str())),
            },
            gitignore: config.respect_gitignore.unwrap_or(true),
        }
    }

    /// The path from the root, with `/`, if `canonical` is inside it.
    fn inside(&self, canonical: &Path) -> Option<String> {
        let rest = canonical.strip_prefix(self.root.as_ref()?).ok()?;
        let parts: Vec<String> = rest
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        Some(parts.join("/"))
    }

    /// Whether `exclude` matches the path, or a folder it is in.
    pub(crate) fn excluded(&self, canonical: &Path) -> bool {
        let (Some(exclude), Some(inside)) = (&self.exclude, self.inside(canonical)) else {
            return false;
        };
        self_or_folder_matches(exclude, &inside)
    }

    /// Whether a folder's search takes this file: `include` (the file, or a folder it is
    /// in for a `.reg` file), else the `.reg` extension.
    pub(crate) fn included(&self, path: &Path, canonical: &Path) -> bool {
        let is_reg = path.extension().is_some_and(|e| e == "reg");
        match (&self.include, self.inside(canonical)) {
            (Some(include), Some(inside)) => {
                include.is_match(&inside) || (is_reg && self_or_folder_matches(include, &inside))
            }
            _ => is_reg,
        }
    }
}

/// A pattern as people write it: `./registers/` means `registers`.
pub fn normal_pattern(pattern: &str) -> &str {
    let pattern = pattern.trim();
    let pattern = pattern.strip_prefix("./").unwrap_or(pattern);
    match pattern.strip_suffix('/') {
        Some(folder) if !folder.is_empty() => folder,
        _ => pattern,
    }
}

/// Whether `set` matches `inside` (a path from the root) or one of the folders it is in.
fn self_or_folder_matches(set: &GlobSet, inside: &str) -> bool {
    let mut prefix = String::new();
    inside.split('/').any(|part| {
        if !prefix.is_empty() {
            prefix.push('/');
        }
        prefix.push_str(part);
        set.is_match(&prefix)
    })
}

/// Directories are searched for `*.reg` files recursively, in sorted order, through a
/// project's `filter`; files given by name are read whatever their extension. Symbolic
/// links to directories are not followed, so a link loop cannot make the search endless.
/// Files larger than `limit` bytes are refused.
pub fn collect_up_to(paths: &[PathBuf], filter: &Filter, limit: u64) -> Found {
    let mut found = Found {
        limit,
        ..Found::default()
    };
    for path in paths {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let before = found.files.len() + found.problems.len() + found.excluded;
                walk(path, filter, &mut found);
                if found.files.len() + found.problems.len() + found.excluded == before {
                    let help = match filter.include {
                        Some(_) => "regc.toml's `include` matches none of its files: patterns are paths from the project root, e.g. `registers/**/*.reg`",
                        None => "give a directory with .reg files in it, or a .reg file",
                    };
                    found.problems.push(format!(
                        "`{}` holds no .reg files\n  help: {help}",
                        super::shown(path)
                    ));
                }
            }
            Ok(meta) if meta.is_file() => {
                // A hook names every changed file: `exclude` must hold for those too.
                if fs::canonicalize(path).is_ok_and(|c| filter.excluded(&c)) {
                    found.excluded += 1;
                } else {
                    read(path, &mut found);
                }
            }
            // Reading a named pipe waits for a writer, a device may never end.
            Ok(_) => found.problems.push(format!(
                "`{}` is not a regular file (a pipe, a socket or a device); not read\n  help: give .reg files or folders",
                super::shown(path)
            )),
            Err(e) => found.problems.push(format!(
                "cannot read `{}`: {}\n  help: check the path; regc check takes .reg files and directories",
                super::shown(path),
                plain_io_error(&e)
            )),
        }
    }
    found
}

/// The file on standard input, named `name` (or `<stdin>`), refused past `limit` bytes.
/// A name the project excludes is not checked, as a file of that name would not be.
pub fn from_stdin(name: Option<&Path>, filter: &Filter, limit: u64) -> Found {
    use std::io::Read;
    let mut found = Found {
        limit,
        ..Found::default()
    };
    if let Some(name) = name
        && filter.excluded(&absolute_inside(name))
    {
        found.excluded += 1;
        return found;
    }
    let mut bytes = Vec::new();
    let read = std::io::stdin()
        .lock()
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes);
    match read {
        Err(e) => found
            .problems
            .push(format!("cannot read standard input: {}", plain_io_error(&e))),
        Ok(_) if bytes.len() as u64 > limit => found.problems.push(format!(
            "standard input is larger than {limit} bytes\n  help: raise the limit with `--max-file-size BYTES`"
        )),
        Ok(_) => found.files.push(File {
            name: name.map_or_else(|| "<stdin>".to_string(), |n| n.display().to_string()),
            bytes,
        }),
    }
    found
}

/// A path made absolute through its folder's real path, for a file that may not exist.
fn absolute_inside(path: &Path) -> PathBuf {
    if let Ok(real) = fs::canonicalize(path) {
        return real;
    }
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    match (fs::canonicalize(dir), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => path.to_path_buf(),
    }
}

fn walk(dir: &Path, filter: &Filter, found: &mut Found) {
    // Globs are matched on canonical paths; the folder is resolved once, not every entry.
    let canonical_dir = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let canonical = |path: &Path| match path.strip_prefix(dir) {
        Ok(rest) => canonical_dir.join(rest),
        Err(_) => path.to_path_buf(),
    };
    let walker = ignore::WalkBuilder::new(dir)
        .standard_filters(false)
        .git_ignore(filter.gitignore)
        .git_global(filter.gitignore)
        .git_exclude(filter.gitignore)
        .ignore(filter.gitignore)
        .parents(filter.gitignore)
        .follow_links(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        // Git's own folder holds no registers, only look-alikes (hook samples).
        .filter_entry(|entry| entry.file_name() != ".git")
        .build();
    let mut excluded = 0;
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                found
                    .problems
                    .push(format!("cannot read: {}", walk_error(&e)));
                continue;
            }
        };
        let path = entry.path();
        let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
        if is_dir {
            continue;
        }
        let real = canonical(path);
        if !filter.included(path, &real) {
            continue;
        }
        if filter.excluded(&real) {
            excluded += 1;
            continue;
        }
        // A named pipe or a device called `x.reg` would block the walk or never end;
        // links are followed only to regular files.
        if fs::metadata(path).is_ok_and(|m| m.is_file()) {
            read(path, found);
        } else {
            found.problems.push(format!(
                "`{}` is not a regular file (a pipe, a device, or a broken link); skipped\n  help: remove it, or give regular .reg files",
                super::shown(path)
            ));
        }
    }
    found.excluded += excluded;
}

/// An error of the folder walk, as one line naming the path.
fn walk_error(e: &ignore::Error) -> String {
    match e {
        ignore::Error::WithPath { path, err } => format!(
            "`{}`: {}",
            super::shown(path),
            match err.as_ref() {
                ignore::Error::Io(io) => plain_io_error(io),
                other => other.to_string(),
            }
        ),
        ignore::Error::WithDepth { err, .. } => walk_error(err),
        ignore::Error::Io(io) => plain_io_error(io),
        other => other.to_string(),
    }
}

fn read(path: &Path, found: &mut Found) {
    match read_bounded(path, found.limit) {
        Ok(bytes) => found.files.push(File {
            // `./a.reg` and `a.reg` are one file: one name, so one fingerprint in reports.
            name: path
                .strip_prefix(".")
                .unwrap_or(path)
                .display()
                .to_string(),
            bytes,
        }),
        Err(Unread::TooLarge(size)) => found.problems.push(format!(
            "`{}` is {size}, more than the limit of {} bytes\n  help: split the file, or raise the limit with `--max-file-size BYTES`",
            super::shown(path),
            found.limit
        )),
        Err(Unread::Io(e)) => found.problems.push(format!(
            "cannot read `{}`: {}",
            super::shown(path),
            plain_io_error(&e)
        )),
    }
}

/// Why a file was not read.
pub enum Unread {
    /// "N bytes", or "larger than N bytes" for a stream that kept going.
    TooLarge(String),
    Io(std::io::Error),
}

/// Reads at most `limit` bytes: a file that says it is larger, or a stream (a pipe,
/// `/dev/zero`, a file still growing) that goes on past the limit, is refused without
/// reading more than one byte over it.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, Unread> {
    use std::io::Read;
    let size = fs::metadata(path).map_or(0, |meta| meta.len());
    if size > limit {
        return Err(Unread::TooLarge(format!("{size} bytes")));
    }
    let file = fs::File::open(path).map_err(Unread::Io)?;
    // The size the file has now: read into a buffer that grows by doubling, a file took up
    // to twice its size, and the files are kept to the end of the run.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(Unread::Io)?;
    if bytes.len() as u64 > limit {
        return Err(Unread::TooLarge(format!("larger than {limit} bytes")));
    }
    Ok(bytes)
}

fn plain_io_error(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// The project a path belongs to: the directory itself, or a file's folder.
pub fn project_root(path: &Path) -> PathBuf {
    if path.is_dir() {
        path.to_path_buf()
    } else {
        match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        }
    }
}
