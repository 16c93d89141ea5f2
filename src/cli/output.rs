//! Replacing one file (`fmt`) without ever leaving it half-written: the new content goes to
//! a temporary file in the same folder, which is renamed over the old one. Builds publish
//! a whole folder at once instead (`publish`).

use std::fs;
use std::io::Write;
use std::path::Path;

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
