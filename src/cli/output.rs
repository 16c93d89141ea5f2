//! Replacing one file (`fmt`) without ever leaving it half-written: the new content goes to
//! a temporary file in the same folder, which is renamed over the old one. Builds publish
//! a whole folder at once instead (`publish`).
//!
//! The file keeps its mode; a read-only file or another user's is left alone unless forced
//! (a rename would quietly make it writable, or the runner's); a file with several hard
//! links is rewritten in place, so that every link sees the change. The temporary files
//! are named `.<file>.regc-fmt-…`: one a killed run left behind is removed by the next run
//! in that folder ([`sweep`]).

use std::fs;
use std::io::Write;
use std::path::Path;

/// What marks regc's temporary files: `.<file>` + this + random letters.
const TEMP_MARK: &str = ".regc-fmt-";

/// Replaces the file at `path` (through a symbolic link, if it is one: the link stays).
pub fn replace(path: &Path, bytes: &[u8], force: bool) -> Result<(), String> {
    let real = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let path = real.as_path();
    let shown = super::shown(path);
    let meta = fs::metadata(path).map_err(|e| format!("cannot read `{shown}`: {e}"))?;
    if !force {
        refuse_to_take_over(path, &meta)?;
    }
    if links(&meta) > 1 {
        return rewrite_in_place(path, bytes);
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut temp = temp_beside(dir, path)
        .map_err(|e| format!("cannot write in `{}`: {e}", super::shown(dir)))?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| format!("cannot write `{shown}`: {e}"))?;
    keep_owner(temp.as_file(), &meta);
    temp.persist(path)
        .map_err(|e| format!("cannot write `{shown}`: {e}"))?;
    Ok(())
}

/// Writes a report to `path`, new or replaced, through a temporary file beside it: a
/// reader (a CI step uploading it) never sees half a report, and a failed run leaves the
/// last one whole. A link is written through (its target replaced, the link kept); a
/// device or pipe (`-o /dev/stdout`) is written to directly; a file that was just
/// checked (`inputs`, as named) is refused, so a report never overwrites a register.
pub fn write_report(path: &Path, bytes: &[u8], inputs: &[String]) -> Result<(), String> {
    // A device or a pipe, perhaps through links (`/dev/stdout` → `/proc/self/fd/1` → a
    // pipe): written to as it is, never replaced by a file.
    if fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        return fs::OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|mut f| f.write_all(bytes))
            .map_err(|e| format!("cannot write `{}`: {e}", super::shown(path)));
    }
    let real = fs::canonicalize(path).ok().or_else(|| link_target(path));
    if let Some(real) = &real
        && inputs
            .iter()
            .any(|input| fs::canonicalize(input).is_ok_and(|i| &i == real))
    {
        return Err(format!(
            "`{}` is one of the files checked; the report would overwrite it\n  help: give the report another name, e.g. `regc.sarif`",
            super::shown(path)
        ));
    }
    let path = real.as_deref().unwrap_or(path);
    let shown = super::shown(path);
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir).map_err(|e| {
        format!(
            "cannot create the folder `{}`: {e}\n  help: give a report path in a folder you can write to",
            super::shown(dir)
        )
    })?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".regc-report-");
    // A report is read by others (a CI step, a web server): the mode a new file gets,
    // not a temporary file's owner-only one.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o644));
    }
    let mut temp = builder.tempfile_in(dir).map_err(|e| {
        format!(
            "cannot write in `{}`: {}\n  help: give a report path in a folder you can write to",
            super::shown(dir),
            std::io::Error::from(e.kind())
        )
    })?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| format!("cannot write `{shown}`: {e}"))?;
    temp.persist(path)
        .map_err(|e| format!("cannot write `{shown}`: {}", e.error))?;
    Ok(())
}

/// Where a link that points at nothing yet would lead: the report is written there and
/// the link kept.
fn link_target(path: &Path) -> Option<std::path::PathBuf> {
    let target = fs::read_link(path).ok()?;
    Some(match path.parent() {
        Some(dir) if target.is_relative() => dir.join(target),
        _ => target,
    })
}

/// A read-only file, or (on Unix) one that belongs to another user: replacing it would
/// make it writable, or the runner's.
fn refuse_to_take_over(path: &Path, meta: &fs::Metadata) -> Result<(), String> {
    let shown = super::shown(path);
    if meta.permissions().readonly() {
        return Err(format!(
            "`{shown}` is read-only; not formatted\n  help: make it writable, or pass `--force`"
        ));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.uid() != rustix::process::geteuid().as_raw() {
            return Err(format!(
                "`{shown}` belongs to another user; not formatted\n  help: format it as its owner, or pass `--force`"
            ));
        }
    }
    Ok(())
}

#[cfg(unix)]
fn links(meta: &fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    meta.nlink()
}

#[cfg(not(unix))]
fn links(_meta: &fs::Metadata) -> u64 {
    1
}

/// A file with several hard links: a rename would leave the other links with the old text,
/// so the content is written into the file itself.
fn rewrite_in_place(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let shown = super::shown(path);
    let mut file = fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(path)
        .map_err(|e| format!("cannot write `{shown}`: {e}"))?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| format!("cannot write `{shown}`: {e}"))
}

/// When run by a user who may (root, with `--force`), the new file keeps the old one's owner.
#[cfg(unix)]
fn keep_owner(file: &fs::File, meta: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
}

#[cfg(not(unix))]
fn keep_owner(_file: &fs::File, _meta: &fs::Metadata) {}

/// A temporary file in `dir` that will replace `target`, with the mode of `target` (a
/// temporary file's own 0600 would change the mode of every file `fmt` touches).
fn temp_beside(dir: &Path, target: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let name = target
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let prefix = format!(".{name}{TEMP_MARK}");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix);
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

/// Removes the temporary files an interrupted `fmt` left in `dir`. Returns how many.
pub fn sweep(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let ours = name
            .to_str()
            .is_some_and(|n| n.starts_with('.') && n.contains(TEMP_MARK));
        let file = entry.file_type().is_ok_and(|t| t.is_file());
        if ours && file && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}
