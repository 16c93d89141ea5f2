//! Publishing a build as one transaction: the whole new output folder is staged beside the
//! old one and switched in with a single rename, so a reader (a web server, a site
//! generator, a crash) sees the old folder or the new one, never a mix.
//!
//! The steps, in order:
//! 1. lock the folder that holds `--out` (a second build waits);
//! 2. remove what a killed build left beside `--out` (`.<out>.regc-*`);
//! 3. stage: `.<out>.regc-stage` gets the files of `--out` regc did not write (hard links,
//!    so nothing is copied), the new outputs, and the manifest `.regc-manifest`, the list of
//!    what regc wrote; outputs a register no longer writes are left out;
//! 4. flush the staged files to disk;
//! 5. exchange the staged folder with `--out` (`renameat2(RENAME_EXCHANGE)` on Linux) and
//!    flush the parent;
//! 6. delete the old folder, now at the staging name.
//!
//! A build that changes nothing skips 3–6, so a no-op build leaves every inode alone.
//!
//! Outputs are never all held at once: they are rendered register by register (in
//! parallel), compared or written, and dropped. When `--out` already exists a build renders
//! twice, once to compare and once to write, only if something changed.

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use regc::render::layout::Planned;

/// The list of files regc wrote into `--out`, one relative path per line, sorted.
pub const MANIFEST: &str = ".regc-manifest";

/// What a build changed.
pub struct Published {
    /// Outputs written or rewritten.
    pub changed: usize,
    /// Outputs of registers no longer built, removed.
    pub removed: usize,
}

/// What a build writes: every path (sorted, each once), and the files of each of its
/// `units` (a register), rendered on demand.
pub struct Outputs<'a> {
    pub paths: &'a [String],
    pub units: usize,
    pub render: &'a (dyn Fn(usize) -> Result<Vec<Planned>, String> + Sync),
}

impl Outputs<'_> {
    /// Renders every unit in parallel and hands each file to `each`, which returns what is
    /// kept of it; the content itself is dropped as soon as `each` returns.
    fn each_file<T: Send>(
        &self,
        each: impl Fn(Planned) -> Result<T, String> + Sync,
    ) -> Result<Vec<T>, String> {
        let per_unit: Vec<Result<Vec<T>, String>> = (0..self.units)
            .into_par_iter()
            .map(|unit| (self.render)(unit)?.into_iter().map(&each).collect())
            .collect();
        let mut all = Vec::new();
        for kept in per_unit {
            all.extend(kept?);
        }
        Ok(all)
    }
}

/// How the planned outputs differ from what is in `--out`.
pub struct Difference {
    /// Planned files whose content differs from the file at their path (or that are new),
    /// in path order.
    pub changed: Vec<String>,
    /// Files an earlier build wrote that no register writes any more.
    pub removed: Vec<String>,
    /// Planned files whose content is already in place.
    unchanged: HashSet<String>,
    /// The manifest would change.
    manifest_changes: bool,
    /// What the manifest in the folder lists: the files regc wrote last time.
    old_manifest: Vec<String>,
}

impl Difference {
    fn is_nothing(&self) -> bool {
        self.changed.is_empty() && self.removed.is_empty() && !self.manifest_changes
    }
}

/// Compares the plan with the folder as it is. Nothing is rendered when the folder does not
/// exist: every output is new.
pub fn difference(out: &Path, outputs: &Outputs) -> Result<Difference, String> {
    let unchanged: HashSet<String> = if out.is_dir() {
        outputs
            .each_file(|p| {
                let same =
                    fs::read(out.join(&p.path)).ok().as_deref() == Some(p.content.as_slice());
                Ok(same.then_some(p.path))
            })?
            .into_iter()
            .flatten()
            .collect()
    } else {
        HashSet::new()
    };
    let changed = outputs
        .paths
        .iter()
        .filter(|path| !unchanged.contains(*path))
        .cloned()
        .collect();
    let new: BTreeSet<&str> = outputs.paths.iter().map(String::as_str).collect();
    let old_manifest = read_manifest(out);
    let removed = old_manifest
        .iter()
        .filter(|path| !new.contains(path.as_str()))
        .filter(|path| is_inside(path) && out.join(path).is_file())
        .cloned()
        .collect();
    let manifest_changes =
        fs::read(out.join(MANIFEST)).ok().as_deref() != Some(manifest(outputs.paths).as_bytes());
    Ok(Difference {
        changed,
        removed,
        unchanged,
        manifest_changes,
        old_manifest,
    })
}

/// Replaces `out` with the planned outputs plus every file in it regc did not write.
pub fn publish(out: &Path, outputs: &Outputs) -> Result<Published, String> {
    let mut target = Target::resolve(out)?;
    let _lock = Lock::take(&target.parent)?;
    // Known only under the lock: a build that held it may just have created the folder.
    target.exists = target.path.is_dir();
    sweep(&target);
    let difference = difference(&target.path, outputs)?;
    let published = Published {
        changed: difference.changed.len(),
        removed: difference.removed.len(),
    };
    if difference.is_nothing() {
        return Ok(published);
    }
    let stage = target.beside("stage");
    let staged = stage_tree(&target, outputs, &difference, &stage)
        .and_then(|()| flush(&stage))
        .and_then(|()| switch(&target, &stage));
    match staged {
        Ok(old) => {
            // The new folder is in place; a failure to delete the old one only leaves a
            // folder that the next build removes.
            let _ = fs::remove_dir_all(old);
            Ok(published)
        }
        Err(e) => {
            let _ = fs::remove_dir_all(&stage);
            Err(format!("{e}; nothing was changed"))
        }
    }
}

/// `--out`, resolved: its real parent folder and its name there.
struct Target {
    parent: PathBuf,
    name: String,
    path: PathBuf,
    exists: bool,
}

impl Target {
    fn resolve(out: &Path) -> Result<Target, String> {
        let shown = out.display();
        let exists = match fs::metadata(out) {
            Ok(meta) if meta.is_dir() => true,
            Ok(_) => return Err(format!("`{shown}` is not a folder; `--out` needs a folder")),
            Err(_) => false,
        };
        let real = if exists {
            fs::canonicalize(out).map_err(|e| format!("cannot read `{shown}`: {e}"))?
        } else {
            let parent = match out.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            };
            fs::create_dir_all(&parent)
                .map_err(|e| format!("cannot create `{}`: {e}", parent.display()))?;
            let parent = fs::canonicalize(&parent)
                .map_err(|e| format!("cannot read `{}`: {e}", parent.display()))?;
            match out.file_name() {
                Some(name) => parent.join(name),
                None => return Err(format!("`{shown}` does not name a folder")),
            }
        };
        let (Some(parent), Some(name)) = (real.parent(), real.file_name()) else {
            return Err(format!(
                "`{shown}` is the root of the file system; `--out` needs a folder of its own"
            ));
        };
        let Some(name) = name.to_str() else {
            return Err(format!("the name of `{shown}` is not valid UTF-8"));
        };
        if let Ok(cwd) = std::env::current_dir().and_then(fs::canonicalize)
            && cwd.starts_with(&real)
        {
            return Err(format!(
                "`{shown}` holds the current folder; a build replaces `--out` as a whole, which \
                 would leave this shell in a deleted folder\n  help: run regc from outside it, \
                 e.g. `cd ..` and `--out {name}`"
            ));
        }
        Ok(Target {
            parent: parent.to_path_buf(),
            name: name.to_string(),
            path: real.clone(),
            exists,
        })
    }

    /// A path beside `--out` that only regc uses: `.<name>.regc-<what>`.
    fn beside(&self, what: &str) -> PathBuf {
        self.parent.join(format!(".{}.regc-{what}", self.name))
    }
}

/// Removes what a killed build left beside `--out`. Called under the lock, so nothing
/// there belongs to a build still running.
fn sweep(target: &Target) {
    let prefix = format!(".{}.regc-", target.name);
    let Ok(entries) = fs::read_dir(&target.parent) else {
        return;
    };
    for entry in entries.flatten() {
        if entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with(&prefix))
        {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// An advisory lock on the folder that holds `--out`, held until dropped. It is the parent
/// that is locked because `--out` itself is replaced by each build.
struct Lock {
    #[cfg(unix)]
    _dir: fs::File,
}

impl Lock {
    #[cfg(unix)]
    fn take(parent: &Path) -> Result<Lock, String> {
        use rustix::fs::{FlockOperation, flock};
        let dir = fs::File::open(parent)
            .map_err(|e| format!("cannot open `{}`: {e}", parent.display()))?;
        if flock(&dir, FlockOperation::NonBlockingLockExclusive).is_err() {
            say!(
                "another build is writing into `{}`; waiting for it to finish",
                parent.display()
            );
            flock(&dir, FlockOperation::LockExclusive)
                .map_err(|e| format!("cannot lock `{}`: {e}", parent.display()))?;
        }
        Ok(Lock { _dir: dir })
    }

    #[cfg(not(unix))]
    fn take(_parent: &Path) -> Result<Lock, String> {
        Ok(Lock {})
    }
}

/// Builds the new folder at `stage`: the old folder's own files, then the outputs.
fn stage_tree(
    target: &Target,
    outputs: &Outputs,
    difference: &Difference,
    stage: &Path,
) -> Result<(), String> {
    fs::create_dir(stage).map_err(|e| format!("cannot create `{}`: {e}", stage.display()))?;
    let mut emptied = Vec::new();
    if target.exists {
        copy_permissions(&target.path, stage)?;
        let ours: BTreeSet<PathBuf> = difference
            .old_manifest
            .iter()
            .cloned()
            .chain(outputs.paths.iter().cloned())
            .chain([MANIFEST.to_string()])
            .map(PathBuf::from)
            .collect();
        carry_over(&target.path, stage, &ours, &mut emptied)?;
    }
    make_folders(&target.path, stage, outputs.paths)?;
    outputs.each_file(|p| {
        let same = difference.unchanged.contains(&p.path);
        place(&target.path, stage, &p, same, target.exists)
    })?;
    fs::write(stage.join(MANIFEST), manifest(outputs.paths))
        .map_err(|e| format!("cannot write `{}`: {e}", stage.join(MANIFEST).display()))?;
    prune(stage, emptied);
    Ok(())
}

/// Links every file of `old` that regc did not write into `new`, folder by folder. Folders
/// that held files are noted, so that those left empty by removed outputs can go.
fn carry_over(
    old: &Path,
    new: &Path,
    ours: &BTreeSet<PathBuf>,
    emptied: &mut Vec<PathBuf>,
) -> Result<(), String> {
    let mut folders = vec![PathBuf::new()];
    while let Some(rel) = folders.pop() {
        let entries = fs::read_dir(old.join(&rel))
            .map_err(|e| format!("cannot read `{}`: {e}", old.join(&rel).display()))?;
        let mut any = false;
        for entry in entries {
            any = true;
            let entry =
                entry.map_err(|e| format!("cannot read `{}`: {e}", old.join(&rel).display()))?;
            let rel = rel.join(entry.file_name());
            let (from, to) = (old.join(&rel), new.join(&rel));
            let kind = entry
                .file_type()
                .map_err(|e| format!("cannot read `{}`: {e}", from.display()))?;
            if kind.is_dir() {
                fs::create_dir(&to)
                    .map_err(|e| format!("cannot create `{}`: {e}", to.display()))?;
                copy_permissions(&from, &to)?;
                folders.push(rel);
            } else if ours.contains(&rel) {
                continue;
            } else if kind.is_symlink() {
                let link = fs::read_link(&from)
                    .map_err(|e| format!("cannot read `{}`: {e}", from.display()))?;
                symlink(&link, &to)
                    .map_err(|e| format!("cannot create `{}`: {e}", to.display()))?;
            } else if kind.is_file() {
                link_or_copy(&from, &to)?;
            } else {
                return Err(format!(
                    "`{}` is neither a file, a folder nor a link (a FIFO, a socket or a device), \
                     so it cannot be kept in the new build\n  help: move it out of the output folder",
                    from.display()
                ));
            }
        }
        if any && !rel.as_os_str().is_empty() {
            emptied.push(rel);
        }
    }
    Ok(())
}

/// Creates every folder the outputs go in, each once and parents first, before the files
/// are written in parallel: a `create_dir_all` per file was most of a build's system time.
fn make_folders(old: &Path, stage: &Path, paths: &[String]) -> Result<(), String> {
    // Kept as bytes, which compare with one `memcmp` (a `Path` compares component by
    // component: most of a 1,000-register build's serial time). A folder is a prefix of
    // the folders inside it, so in byte order too it comes before them.
    let mut folders: BTreeSet<&std::ffi::OsStr> = BTreeSet::new();
    for path in paths {
        if !is_inside(path) {
            return Err(format!("`{path}` would be written outside `--out`"));
        }
        let mut parent = Path::new(path).parent();
        while let Some(folder) = parent.filter(|f| !f.as_os_str().is_empty()) {
            if !folders.insert(folder.as_os_str()) {
                break;
            }
            parent = folder.parent();
        }
    }
    for folder in folders {
        let to = stage.join(folder);
        match fs::create_dir(&to) {
            Ok(()) => {}
            // Carried over from the old folder, as a folder.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && to.is_dir() => {}
            Err(e) => {
                return Err(format!(
                    "cannot create `{}`: {e}",
                    old.join(folder).display()
                ));
            }
        }
    }
    Ok(())
}

/// Puts one output in the staged folder: a link to the old file when its content is
/// already right (its date and inode stay), else a new file with the old file's mode.
fn place(
    old: &Path,
    stage: &Path,
    p: &Planned,
    unchanged: bool,
    old_exists: bool,
) -> Result<(), String> {
    if !is_inside(&p.path) {
        return Err(format!("`{}` would be written outside `--out`", p.path));
    }
    let (from, to) = (old.join(&p.path), stage.join(&p.path));
    if unchanged && fs::hard_link(&from, &to).is_ok() {
        return Ok(());
    }
    let mut file = fs::File::create_new(&to).map_err(|e| {
        if to.is_dir() {
            format!(
                "`{}` is a folder, so the file cannot be written",
                from.display()
            )
        } else {
            format!("cannot write `{}`: {e}", from.display())
        }
    })?;
    file.write_all(&p.content)
        .map_err(|e| format!("cannot write `{}`: {e}", from.display()))?;
    if old_exists && let Ok(meta) = fs::metadata(&from) {
        let _ = file.set_permissions(meta.permissions());
    }
    Ok(())
}

/// Removes the folders that held files before and hold nothing now: outputs of registers
/// no longer built leave no empty folders behind. Deepest first, so a parent left empty by
/// its children's removal goes too.
fn prune(stage: &Path, mut emptied: Vec<PathBuf>) {
    emptied.sort_by_key(|rel| std::cmp::Reverse(rel.components().count()));
    for rel in emptied {
        // `remove_dir` refuses a folder that still holds anything, which is the test.
        let _ = fs::remove_dir(stage.join(rel));
    }
}

fn link_or_copy(from: &Path, to: &Path) -> Result<(), String> {
    if fs::hard_link(from, to).is_ok() {
        return Ok(());
    }
    fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("cannot keep `{}` in the new build: {e}", from.display()))
}

fn copy_permissions(from: &Path, to: &Path) -> Result<(), String> {
    let meta = fs::metadata(from).map_err(|e| format!("cannot read `{}`: {e}", from.display()))?;
    fs::set_permissions(to, meta.permissions())
        .map_err(|e| format!("cannot set the permissions of `{}`: {e}", to.display()))
}

#[cfg(unix)]
fn symlink(link: &Path, at: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(link, at)
}

#[cfg(not(unix))]
fn symlink(_link: &Path, at: &Path) -> std::io::Result<()> {
    Err(std::io::Error::other(format!(
        "links are not kept on this system: {}",
        at.display()
    )))
}

/// Makes the staged folder durable before it is switched in: after a power cut the folder
/// is the old one or the complete new one, not a new one with empty files.
#[cfg(target_os = "linux")]
fn flush(stage: &Path) -> Result<(), String> {
    let dir =
        fs::File::open(stage).map_err(|e| format!("cannot open `{}`: {e}", stage.display()))?;
    rustix::fs::syncfs(&dir).map_err(|e| format!("cannot flush `{}` to disk: {e}", stage.display()))
}

#[cfg(not(target_os = "linux"))]
fn flush(stage: &Path) -> Result<(), String> {
    let mut folders = vec![stage.to_path_buf()];
    while let Some(dir) = folders.pop() {
        for entry in
            fs::read_dir(&dir).map_err(|e| format!("cannot read `{}`: {e}", dir.display()))?
        {
            let path = entry
                .map_err(|e| format!("cannot read `{}`: {e}", dir.display()))?
                .path();
            if path.is_dir() {
                folders.push(path);
            } else if let Ok(file) = fs::File::open(&path) {
                file.sync_all()
                    .map_err(|e| format!("cannot flush `{}`: {e}", path.display()))?;
            }
        }
        sync_dir(&dir);
    }
    Ok(())
}

/// Switches the staged folder in; returns where the old folder now is.
fn switch(target: &Target, stage: &Path) -> Result<PathBuf, String> {
    let swapped = exchange(target, stage);
    let old = match swapped {
        Some(Ok(())) => stage.to_path_buf(),
        Some(Err(e)) => return Err(format!("cannot replace `{}`: {e}", target.path.display())),
        None => rename_in_two_steps(target, stage)?,
    };
    sync_dir(&target.parent);
    Ok(old)
}

/// One atomic step: `renameat2` exchanges the two folders (or moves the staged folder to a
/// name nothing holds). None where the system or file system cannot do it.
#[cfg(target_os = "linux")]
fn exchange(target: &Target, stage: &Path) -> Option<std::io::Result<()>> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    use rustix::io::Errno;
    let flags = if target.exists {
        RenameFlags::EXCHANGE
    } else {
        RenameFlags::NOREPLACE
    };
    match renameat_with(CWD, stage, CWD, &target.path, flags) {
        Ok(()) => Some(Ok(())),
        Err(Errno::INVAL | Errno::NOSYS | Errno::OPNOTSUPP) => None,
        Err(e) => Some(Err(e.into())),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_target: &Target, _stage: &Path) -> Option<std::io::Result<()>> {
    None
}

/// Where no exchange exists: move the old folder aside, then the new one in. For the
/// moment between the two renames `--out` does not exist (it is never a mix).
fn rename_in_two_steps(target: &Target, stage: &Path) -> Result<PathBuf, String> {
    let old = target.beside("old");
    let fail = |e: std::io::Error| format!("cannot replace `{}`: {e}", target.path.display());
    if target.exists {
        fs::rename(&target.path, &old).map_err(fail)?;
    }
    if let Err(e) = fs::rename(stage, &target.path) {
        if target.exists {
            let _ = fs::rename(&old, &target.path);
        }
        return Err(fail(e));
    }
    Ok(old)
}

fn sync_dir(dir: &Path) {
    if let Ok(file) = fs::File::open(dir) {
        let _ = file.sync_all();
    }
}

/// The manifest of a plan: every output path, sorted, one per line.
fn manifest(paths: &[String]) -> String {
    let mut paths: Vec<&str> = paths.iter().map(String::as_str).collect();
    paths.sort_unstable();
    let mut text = String::from(
        "# written by regc build; regc removes these files when no register writes them\n",
    );
    for path in paths {
        text.push_str(path);
        text.push('\n');
    }
    text
}

fn read_manifest(out: &Path) -> Vec<String> {
    fs::read_to_string(out.join(MANIFEST))
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// A relative path that stays inside the folder: a manifest edited by hand cannot make a
/// build remove or write files elsewhere.
fn is_inside(path: &str) -> bool {
    Path::new(path)
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
}
