//! Imports read from the disk, confined to the project: the directory given on the command
//! line (or the folder of a file given), or `--root`.

use std::collections::HashMap;
use std::fs;
use std::path::{Component, Path, PathBuf};

use regc::resolve::load::{Files, ImportError, LoadedFile};

pub struct Disk {
    /// Canonical project roots; an import must stay inside the root of its importer.
    roots: Vec<PathBuf>,
    /// `--max-file-size`: imported files obey it as the files given do.
    limit: u64,
    /// The real path of each folder asked about, asked of the system once: every file of
    /// a folder importing `common.reg` would otherwise resolve the same folder again, a
    /// system call for each part of its path. A `Disk` lives for one compilation.
    folders: HashMap<PathBuf, PathBuf>,
    /// The files imported, by real path, read once however many files import them.
    read: HashMap<PathBuf, Vec<u8>>,
}

impl Disk {
    pub fn new(roots: &[PathBuf], limit: u64) -> Disk {
        Disk {
            limit,
            roots: roots
                .iter()
                .filter_map(|r| fs::canonicalize(r).ok())
                .collect(),
            folders: HashMap::new(),
            read: HashMap::new(),
        }
    }

    /// `fs::canonicalize(path)`, through the real path of its folder when `path` itself is
    /// not a symbolic link (then the two are the same).
    fn canonical(&mut self, path: &Path) -> std::io::Result<PathBuf> {
        let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
            return fs::canonicalize(path);
        };
        if fs::symlink_metadata(path)?.file_type().is_symlink() {
            return fs::canonicalize(path);
        }
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        if let Some(real) = self.folders.get(dir) {
            return Ok(real.join(name));
        }
        let real = fs::canonicalize(dir)?;
        let file = real.join(name);
        self.folders.insert(dir.to_path_buf(), real);
        Ok(file)
    }

    /// The key that identifies a file whatever path names it.
    pub fn key(path: &Path) -> String {
        fs::canonicalize(path)
            .unwrap_or_else(|_| path.to_path_buf())
            .display()
            .to_string()
    }

    fn root_of(&self, canonical: &Path) -> Option<&PathBuf> {
        self.roots
            .iter()
            .filter(|r| canonical.starts_with(r))
            .max_by_key(|r| r.as_os_str().len())
    }
}

impl Files for Disk {
    fn import(&mut self, from: &str, path: &str) -> Result<LoadedFile, ImportError> {
        let importer = Path::new(from);
        let joined = importer.parent().unwrap_or(Path::new("")).join(path);
        let target = match self.canonical(&joined) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(if escapes(&joined) {
                    ImportError::OutsideProject
                } else {
                    ImportError::NotFound
                });
            }
            Err(e) => return Err(ImportError::Unreadable(e.to_string())),
        };
        // A file read from standard input may not exist on disk yet (an editor's unsaved
        // buffer): its folder places it.
        let importer_canonical = self
            .canonical(importer)
            .or_else(|e| match (importer.parent(), importer.file_name()) {
                (Some(dir), Some(name)) => {
                    let dir = if dir.as_os_str().is_empty() {
                        Path::new(".")
                    } else {
                        dir
                    };
                    fs::canonicalize(dir).map(|d| d.join(name))
                }
                _ => Err(e),
            })
            .map_err(|e| ImportError::Unreadable(e.to_string()))?;
        let inside = self
            .root_of(&importer_canonical)
            .is_some_and(|root| target.starts_with(root));
        if !inside {
            return Err(ImportError::OutsideProject);
        }
        let name = normalize(&joined).display().to_string();
        if let Some(bytes) = self.read.get(&target) {
            return Ok(LoadedFile {
                key: target.display().to_string(),
                name,
                bytes: bytes.clone(),
            });
        }
        if !fs::metadata(&target).is_ok_and(|m| m.is_file()) {
            return Err(ImportError::Unreadable(
                "it is not a file (a folder, a pipe or a device)".into(),
            ));
        }
        let bytes = match super::files::read_bounded(&target, self.limit) {
            Ok(bytes) => bytes,
            Err(super::files::Unread::TooLarge(size)) => {
                return Err(ImportError::TooLarge(format!(
                    "it is {size}, more than the limit of {} bytes",
                    self.limit
                )));
            }
            Err(super::files::Unread::Io(e)) => {
                return Err(ImportError::Unreadable(e.to_string()));
            }
        };
        self.read.insert(target.clone(), bytes.clone());
        Ok(LoadedFile {
            key: target.display().to_string(),
            name,
            bytes,
        })
    }
}

/// `a/./b/../c` → `a/c`, without touching the disk, for names in diagnostics.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Whether a relative path climbs above its starting folder.
fn escapes(path: &Path) -> bool {
    normalize(path).components().next() == Some(Component::ParentDir)
}
