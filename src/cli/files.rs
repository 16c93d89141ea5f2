//! Finding and reading the files a command was given.

use std::fs;
use std::path::{Path, PathBuf};

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
}

/// Directories are searched for `*.reg` files recursively, in sorted order; files given by
/// name are read whatever their extension. Symbolic links to directories are not followed,
/// so a link loop cannot make the search endless.
pub fn collect(paths: &[PathBuf]) -> Found {
    collect_up_to(paths, DEFAULT_MAX_FILE_SIZE)
}

/// [`collect`], refusing files larger than `limit` bytes.
pub fn collect_up_to(paths: &[PathBuf], limit: u64) -> Found {
    let mut found = Found {
        limit,
        ..Found::default()
    };
    for path in paths {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let before = found.files.len() + found.problems.len();
                walk(path, &mut found);
                if found.files.len() + found.problems.len() == before {
                    found.problems.push(format!(
                        "`{}` holds no .reg files\n  help: give a directory with .reg files in it, or a .reg file",
                        super::shown(path)
                    ));
                }
            }
            Ok(meta) if meta.is_file() => read(path, &mut found),
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

fn walk(dir: &Path, found: &mut Found) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            found.problems.push(format!(
                "cannot read `{}`: {}",
                super::shown(dir),
                plain_io_error(&e)
            ));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let Ok(meta) = fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            walk(&path, found);
        } else if path.extension().is_some_and(|e| e == "reg") {
            // A named pipe or a device called `x.reg` would block the walk or never end;
            // links are followed only to regular files.
            if fs::metadata(&path).is_ok_and(|m| m.is_file()) {
                read(&path, found);
            } else {
                found.problems.push(format!(
                    "`{}` is not a regular file (a pipe, a device, or a broken link); skipped\n  help: remove it, or give regular .reg files",
                    super::shown(&path)
                ));
            }
        }
    }
}

fn read(path: &Path, found: &mut Found) {
    match read_bounded(path, found.limit) {
        Ok(bytes) => found.files.push(File {
            name: path.display().to_string(),
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
    if let Ok(meta) = fs::metadata(path)
        && meta.len() > limit
    {
        return Err(Unread::TooLarge(format!("{} bytes", meta.len())));
    }
    let file = fs::File::open(path).map_err(Unread::Io)?;
    let mut bytes = Vec::new();
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
