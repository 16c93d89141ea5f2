//! Writing outputs without ever leaving a half-written file: each goes to a temporary file
//! in the same folder and is renamed over the old one.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use tempfile::TempPath;

/// Replaces the file at `path` (through a symbolic link, if it is one: the link stays).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let real = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let path = real.as_path();
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut temp =
        temp_beside(dir, path).map_err(|e| format!("cannot write in `{}`: {e}", dir.display()))?;
    temp.write_all(bytes)
        .map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
    temp.persist(path)
        .map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
    Ok(())
}

/// Writes every planned file under `dir`, all or nothing as far as the file system allows:
/// first each new content goes to a temporary file beside its target (and any problem —
/// a full disk, a folder where a file should be — stops the build with nothing changed),
/// then the temporary files are renamed over their targets. Files whose content is already
/// right are not touched. Returns how many files changed.
///
/// A staged file is closed as soon as it is written and kept only by its path (which still
/// removes it if the build fails): holding thousands of them open until the renames ran
/// into the per-process limit on open files (1,024 by default) at about 500 registers.
pub fn write_all(dir: &Path, planned: &[regc::render::layout::Planned]) -> Result<usize, String> {
    // Staged in parallel (a thousand registers are tens of megabytes); the results keep
    // the plan's order, so the error reported is the first in it, whatever the timing.
    let results: Vec<Result<Option<(TempPath, PathBuf)>, String>> =
        planned.par_iter().map(|p| stage(dir, p)).collect();
    let mut staged = Vec::new();
    for result in results {
        staged.extend(result?);
    }
    let changed = staged.len();
    for (temp, target) in staged {
        temp.persist(&target)
            .map_err(|e| format!("cannot write `{}`: {e}", target.display()))?;
    }
    Ok(changed)
}

/// Writes `p` to a temporary file beside its target; None if the target already holds it.
fn stage(
    dir: &Path,
    p: &regc::render::layout::Planned,
) -> Result<Option<(TempPath, PathBuf)>, String> {
    let target = dir.join(&p.path);
    if fs::read(&target).ok().as_deref() == Some(p.content.as_bytes()) {
        return Ok(None);
    }
    if target.is_dir() {
        return Err(format!(
            "`{}` is a folder, so the file cannot be written; nothing was changed",
            target.display()
        ));
    }
    let parent = target.parent().unwrap_or(dir);
    fs::create_dir_all(parent).map_err(|e| {
        format!(
            "cannot create `{}`: {e}; nothing was changed",
            parent.display()
        )
    })?;
    let mut temp = temp_beside(parent, &target).map_err(|e| {
        format!(
            "cannot write in `{}`: {e}; nothing was changed",
            parent.display()
        )
    })?;
    temp.write_all(p.content.as_bytes()).map_err(|e| {
        format!(
            "cannot write `{}`: {e}; nothing was changed",
            target.display()
        )
    })?;
    Ok(Some((temp.into_temp_path(), target)))
}

/// A temporary file in `dir` that will replace `target`. It gets the mode of `target` if
/// that exists, else the mode any new file gets (0666 less the umask): a temporary file's
/// own 0600 would make published notices unreadable to a web server and would change the
/// mode of every file `fmt` touches.
fn temp_beside(dir: &Path, target: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let temp = builder.tempfile_in(dir)?;
    if let Ok(meta) = fs::metadata(target) {
        temp.as_file().set_permissions(meta.permissions())?;
    }
    Ok(temp)
}
