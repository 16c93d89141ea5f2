//! The command line: arguments, files, output, exit codes. The only module that does I/O.

mod files;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use regc::diagnostic::Severity;
use regc::diagnostic::human::{self, Style};
use regc::source::SourceMap;

/// Exit code when every file is clean.
const OK: u8 = 0;
/// Exit code when a file has an error.
const FINDINGS: u8 = 1;
/// Exit code for usage and I/O problems.
const TROUBLE: u8 = 2;

#[derive(Parser)]
#[command(
    name = "regc",
    version,
    about = "Compiles GDPR register descriptions (.reg files) into checked privacy notices",
    after_help = "Examples:\n  regc check examples/\n  regc check examples/pro-stories.reg\n\nExit codes: 0 clean, 1 errors found, 2 usage or I/O problem."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check .reg files and directories (searched recursively) and print every problem
    #[command(after_help = "Example:\n  regc check examples/")]
    Check {
        /// Files or directories
        #[arg(required = true)]
        paths: Vec<std::path::PathBuf>,
    },
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { TROUBLE } else { OK });
        }
    };
    match cli.command {
        Command::Check { paths } => check(&paths),
    }
}

fn check(paths: &[std::path::PathBuf]) -> ExitCode {
    let found = files::collect(paths);
    let mut stdout = std::io::stdout().lock();
    for problem in &found.problems {
        let _ = writeln!(stdout, "error: {problem}");
    }
    let mut sources = SourceMap::new();
    let mut early = Vec::new();
    for file in &found.files {
        let (id, diagnostic) = regc::add_file(&mut sources, &file.name, file.bytes.clone());
        early.push((id, diagnostic));
    }
    let results = regc::check(&sources);
    let style = terminal_style();
    let mut counts = Counts::default();
    for ((id, diagnostics), (_, utf8)) in results.into_iter().zip(early) {
        let all: Vec<_> = utf8.into_iter().chain(diagnostics).collect();
        counts.add_file(&all);
        for d in &all {
            let _ = write!(stdout, "{}", human::render(&sources, id, d, style));
        }
    }
    let _ = writeln!(stdout, "{}", counts.summary(found.files.len()));
    let code = if !found.problems.is_empty() {
        TROUBLE
    } else if counts.errors > 0 {
        FINDINGS
    } else {
        OK
    };
    ExitCode::from(code)
}

#[derive(Default)]
struct Counts {
    errors: usize,
    warnings: usize,
    files_with_findings: usize,
}

impl Counts {
    fn add_file(&mut self, diagnostics: &[regc::diagnostic::Diagnostic]) {
        let errors = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        let warnings = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count();
        self.errors += errors;
        self.warnings += warnings;
        if errors + warnings > 0 {
            self.files_with_findings += 1;
        }
    }

    fn summary(&self, files: usize) -> String {
        let files_word = plural(files, "file");
        if self.errors + self.warnings == 0 {
            return format!("{files_word} checked: no problems");
        }
        format!(
            "{}, {} in {} of {files_word}",
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
            self.files_with_findings
        )
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Colour only on a terminal, and never when `NO_COLOR` is set.
fn terminal_style() -> Style {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    if !no_color && std::io::stdout().is_terminal() {
        Style::Colour
    } else {
        Style::Plain
    }
}
