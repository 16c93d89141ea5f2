//! `regc fmt`: files in place (only when they change, through a temporary file), `--check`,
//! and `-` for editors.

use std::io::{Read, Write};

use rayon::prelude::*;
use std::path::{Path, PathBuf};

use regc::diagnostic::human::{Style, render, visible, visible_name};
use regc::formatter::{FmtError, format};
use regc::source::SourceMap;

use super::{FINDINGS, OK, TROUBLE, files, output};

pub fn run(paths: &[PathBuf], check: bool, force: bool) -> u8 {
    if paths.len() == 1 && paths.first().is_some_and(|p| p.as_os_str() == "-") {
        return stdin_to_stdout(check);
    }
    let mut stdout = std::io::stdout().lock();
    // The project's include/exclude hold for formatting too: a hook passing an excluded
    // file must leave it alone, as `regc check` does.
    let filter = match super::config::discover(paths).and_then(|found| match found {
        Some(file) => super::config::load(&file).map(|p| files::Filter::of(&p)),
        None => Ok(files::Filter::standard()),
    }) {
        Ok(filter) => filter,
        Err(problem) => {
            let _ = writeln!(stdout, "error: {}", visible(&problem));
            return TROUBLE;
        }
    };
    let found = files::collect_up_to(paths, &filter, files::DEFAULT_MAX_FILE_SIZE);
    if !check {
        sweep_folders_of(&found.files);
    }
    let walked: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.is_dir())
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    for problem in &found.problems {
        let _ = writeln!(stdout, "error: {}", visible(problem));
    }
    let mut code = if found.problems.is_empty() {
        OK
    } else {
        TROUBLE
    };
    let mut changed = 0;
    let stop = Interrupt::watch();
    // Formatting is independent per file: done in parallel, then written in path order, so
    // what is printed and written never depends on thread timing.
    let prepared: Vec<Prepared> = found
        .files
        .par_iter()
        .map(|file| prepare(file, paths, &walked, &stop))
        .collect();
    for (file, prepared) in found.files.iter().zip(prepared) {
        if stop.requested() {
            let _ = writeln!(
                stdout,
                "interrupted: the files not yet formatted are unchanged"
            );
            return INTERRUPTED;
        }
        let (text, result) = match prepared {
            Prepared::LinkOut(outside) => {
                let _ = writeln!(
                    stdout,
                    "note: `{}` is a link to `{}`, outside the folders given; not formatted",
                    visible_name(&file.name),
                    super::shown(&outside)
                );
                continue;
            }
            Prepared::NotUtf8 => {
                let _ = writeln!(
                    stdout,
                    "error: `{}` is not valid UTF-8; not formatted",
                    visible_name(&file.name)
                );
                code = code.max(FINDINGS);
                continue;
            }
            // Only when interrupted, which the next turn of the loop reports.
            Prepared::Skipped => continue,
            Prepared::Read { text, result } => (text, result),
        };
        match result {
            Ok(formatted) if formatted == text => {}
            Ok(formatted) => {
                changed += 1;
                if check {
                    let _ = writeln!(stdout, "would reformat {}", visible_name(&file.name));
                    code = code.max(FINDINGS);
                } else if let Err(e) = output::replace(
                    std::path::Path::new(&file.name),
                    formatted.as_bytes(),
                    force,
                ) {
                    let _ = writeln!(stdout, "error: {e}");
                    code = TROUBLE;
                } else {
                    if !super::quiet() {
                        let _ = writeln!(stdout, "formatted {}", visible_name(&file.name));
                    }
                }
            }
            Err(e) => {
                report(&mut stdout, &file.name, &text, e);
                code = code.max(FINDINGS);
            }
        }
    }
    if check && changed == 0 && code == OK {
        let _ = writeln!(
            stdout,
            "{} already formatted",
            super::plural(found.files.len(), "file")
        );
    }
    code
}

/// Exit code after SIGINT or SIGTERM, as a shell reports a process stopped by Ctrl-C.
const INTERRUPTED: u8 = 130;

/// One file, read and formatted, waiting to be written.
enum Prepared {
    /// A link found in a folder that leads outside the paths given.
    LinkOut(PathBuf),
    NotUtf8,
    /// Not read: the run was interrupted first.
    Skipped,
    Read {
        text: String,
        result: Result<String, regc::formatter::FmtError>,
    },
}

fn prepare(
    file: &files::File,
    paths: &[PathBuf],
    walked: &[PathBuf],
    stop: &Interrupt,
) -> Prepared {
    if stop.requested() {
        return Prepared::Skipped;
    }
    if let Some(outside) = link_out_of(&file.name, paths, walked) {
        return Prepared::LinkOut(outside);
    }
    match std::str::from_utf8(&file.bytes) {
        Ok(text) => Prepared::Read {
            result: format(text),
            text: text.to_string(),
        },
        Err(_) => Prepared::NotUtf8,
    }
}

/// Ctrl-C or a `kill` while formatting: the file being written is finished (or its
/// temporary file removed), then the run stops. Without this, the default action would end
/// the process between writing a temporary file and renaming it, leaving the file behind.
struct Interrupt(std::sync::Arc<std::sync::atomic::AtomicBool>);

impl Interrupt {
    fn watch() -> Interrupt {
        let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        #[cfg(unix)]
        for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
            // If a handler cannot be installed, the default action stays: the next run
            // sweeps what an interrupted one left.
            let _ = signal_hook::flag::register(signal, std::sync::Arc::clone(&flag));
        }
        Interrupt(flag)
    }

    fn requested(&self) -> bool {
        self.0.load(std::sync::atomic::Ordering::Relaxed)
    }
}

/// Removes what an interrupted run left beside the files about to be formatted.
fn sweep_folders_of(found: &[files::File]) {
    let mut folders: Vec<&Path> = found
        .iter()
        .map(|f| match Path::new(&f.name).parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        })
        .collect();
    folders.sort();
    folders.dedup();
    for folder in folders {
        output::sweep(folder);
    }
}

/// A file found by walking a folder that is a symbolic link to a file outside every
/// folder given: formatting would change a file nobody asked about. Files named on the
/// command line are formatted wherever their links lead.
fn link_out_of(name: &str, given: &[PathBuf], walked: &[PathBuf]) -> Option<PathBuf> {
    let path = Path::new(name);
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link || given.iter().any(|g| g.as_path() == path) {
        return None;
    }
    let target = std::fs::canonicalize(path).ok()?;
    (!walked.iter().any(|w| target.starts_with(w))).then_some(target)
}

fn report(out: &mut impl Write, name: &str, text: &str, error: FmtError) {
    let shown = visible_name(name);
    match error {
        FmtError::Invalid(diagnostics) => {
            let mut sources = SourceMap::new();
            let id = sources.add(name, text);
            for d in diagnostics.iter().filter(|d| d.is_error()) {
                let _ = write!(out, "{}", render(&sources, id, d, Style::Plain));
            }
            let _ = writeln!(out, "error: `{shown}` has errors and was not formatted");
        }
        FmtError::Unsound(why) => {
            let _ = writeln!(
                out,
                "error: internal error formatting `{shown}`: {why}\n  the file was left untouched; please report this file to the regc developers"
            );
        }
    }
}

/// `regc fmt -`: standard input formatted to standard output, for editors. With
/// `--check`, nothing is printed: the exit code says whether the input would change.
fn stdin_to_stdout(check: bool) -> u8 {
    let mut bytes = Vec::new();
    let limit = files::DEFAULT_MAX_FILE_SIZE;
    let read = std::io::stdin()
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes);
    if let Err(e) = read {
        say!("error: cannot read standard input: {e}");
        return TROUBLE;
    }
    if bytes.len() as u64 > limit {
        say!("error: standard input is larger than {limit} bytes; nothing was formatted");
        return TROUBLE;
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let line = 1 + e
                .as_bytes()
                .iter()
                .take(at)
                .filter(|b| **b == b'\n')
                .count();
            say!(
                "error: standard input is not valid UTF-8 (the first bad byte is on line {line})\n  help: save the file as UTF-8"
            );
            // An editor's buffer must not be lost: the bytes go back unchanged.
            if !check {
                let _ = std::io::stdout().lock().write_all(e.as_bytes());
            }
            return FINDINGS;
        }
    };
    match format(&text) {
        Ok(formatted) if check => {
            if formatted == text {
                OK
            } else {
                say!("would reformat <stdin>");
                FINDINGS
            }
        }
        Ok(formatted) => {
            let _ = std::io::stdout().lock().write_all(formatted.as_bytes());
            OK
        }
        Err(e) => {
            // The input goes back unchanged so an editor never loses a word.
            if !check {
                let _ = std::io::stdout().lock().write_all(text.as_bytes());
            }
            report(&mut std::io::stderr().lock(), "<stdin>", &text, e);
            FINDINGS
        }
    }
}
