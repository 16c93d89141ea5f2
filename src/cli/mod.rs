//! The command line: arguments, files, output, exit codes. The only module that does I/O.

/// `eprintln!` that cannot panic: with stderr closed (`regc … 2>&1 | head -1`), a message
/// that cannot be written is dropped instead of crashing the run.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

mod build;
mod config;
mod diff;
mod disk;
mod files;
mod format;
mod lsp;
mod output;
mod publish;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use regc::diagnostic::formats;
use regc::diagnostic::human::{self, Style};
use regc::diagnostic::{Diagnostic, Severity};
use regc::resolve::load::LoadedFile;
use regc::resolve::model::Profile;
use regc::syntax::values::{Date, parse_date};

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
    after_help = "Examples:\n  regc check examples/\n  regc build --format json examples/ --out site/\n  regc schema > register.schema.json\n\nExit codes: 0 clean, 1 errors found, 2 usage or I/O problem."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Threads to use, at most 256 [default: one per core]
    #[arg(
        short = 'j',
        long = "jobs",
        global = true,
        env = "REGC_JOBS",
        value_name = "N"
    )]
    jobs: Option<usize>,
    /// When to colour the output: `auto` colours a terminal unless NO_COLOR is set (or
    /// CLICOLOR_FORCE asks for colour anyway)
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto, value_name = "WHEN")]
    color: ColorArg,
    /// Print the diagnostics and errors only: no summary, no "wrote …" lines
    #[arg(short = 'q', long, global = true)]
    quiet: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

/// The options every command shares, set once before the command runs.
#[derive(Clone, Copy)]
struct Ui {
    color: ColorArg,
    quiet: bool,
}

static UI: std::sync::OnceLock<Ui> = std::sync::OnceLock::new();

/// `-q`: leave out summaries and progress lines.
pub(crate) fn quiet() -> bool {
    UI.get().is_some_and(|ui| ui.quiet)
}

#[derive(clap::Args)]
pub(crate) struct Common {
    /// Files or directories (searched recursively for .reg files), or `-` for standard
    /// input [default: the project root, when a regc.toml is found from the current folder]
    paths: Vec<PathBuf>,
    /// The name of the file read from standard input (`-`): shown in diagnostics, and where
    /// its imports and regc.toml are looked for
    #[arg(long, value_name = "PATH")]
    stdin_filename: Option<PathBuf>,
    /// The settings file to use [default: the regc.toml in the paths' folder or above]
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Read no regc.toml: every setting at its default
    #[arg(long)]
    no_config: bool,
    /// Judge dated facts (adequacy decisions, laws, authorities) on this date instead of today
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_today)]
    today: Option<Date>,
    /// The project folder imports must stay in [default: regc.toml's folder, else each
    /// directory given, or a file's folder]
    #[arg(long, value_name = "DIR")]
    root: Option<PathBuf>,
    /// Judge registers as a notice (default), an Art. 30 record (`ropa`), or strictly
    /// (`strict`: warnings are errors) [default: the profiles each register declares]
    #[arg(long, value_enum)]
    profile: Option<ProfileArg>,
    /// Refuse files larger than this many bytes
    #[arg(long, value_name = "BYTES", default_value_t = files::DEFAULT_MAX_FILE_SIZE)]
    max_file_size: u64,
    /// Draw at most N diagnostics of one file and 4×N in all, then say how many more
    /// (0 draws every one; `--format` reports always list every one)
    #[arg(long, value_name = "N", default_value_t = 50)]
    max_diagnostics: usize,
}

#[derive(Clone, Copy, Debug, ValueEnum, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ProfileArg {
    Notice,
    Ropa,
    Strict,
}

impl ProfileArg {
    fn profile(self) -> Profile {
        match self {
            ProfileArg::Notice => Profile::Notice,
            ProfileArg::Ropa => Profile::Ropa,
            ProfileArg::Strict => Profile::Strict,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Check .reg files and print every problem
    #[command(
        after_help = "Example:\n  regc check examples/\n  regc check --today 2021-01-01 examples/studio-m.reg"
    )]
    Check {
        #[command(flatten)]
        common: Common,
        /// Fail (exit 1) on warnings too
        #[arg(long)]
        deny_warnings: bool,
        /// How to print the diagnostics: for people, or for CI tools (on stdout, nothing else)
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// Write the report to this file (replaced whole, never half-written) instead of
        /// standard output
        #[arg(long, short = 'o', value_name = "FILE")]
        output_file: Option<PathBuf>,
    },
    /// Write the registers as files: one JSON document per register
    #[command(after_help = "Example:\n  regc build --format json examples/ --out out/")]
    Build {
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        options: build::BuildArgs,
    },
    /// Print a JSON Schema: of the documents `build --format json` writes, or of regc.toml
    #[command(
        after_help = "Examples:\n  regc schema > register.schema.json\n  regc schema config > regc.toml.schema.json"
    )]
    Schema {
        /// Which schema
        #[arg(value_enum, default_value_t = SchemaOf::Register)]
        of: SchemaOf,
    },
    /// Format .reg files in the one canonical layout (docs/formatting.md)
    #[command(
        after_help = "Examples:\n  regc fmt examples/\n  regc fmt --check examples/\n  regc fmt - < messy.reg > tidy.reg"
    )]
    Fmt {
        /// Files or directories, or `-` to format standard input to standard output
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Change nothing; list the files that would change and exit 1 if any would
        #[arg(long)]
        check: bool,
        /// Also format read-only files and files of other users (keeping their mode and,
        /// where allowed, their owner)
        #[arg(long)]
        force: bool,
    },
    /// Compare two versions of the registers: each change material (people must be told)
    /// or editorial, with its article (docs/diff.md)
    #[command(
        after_help = "Examples:\n  regc diff old/ registers/\n  regc diff --git HEAD~1\n  regc diff --git main --fail-on material registers/\n  regc diff --git v1.0 --format markdown > what-changed.md"
    )]
    Diff {
        #[command(flatten)]
        args: diff::DiffArgs,
    },
    /// Run the language server: diagnostics, completion, hover, go to definition, rename,
    /// formatting in an editor, over standard input and output (docs/editors.md)
    #[command(
        after_help = "Editors start it themselves; see docs/editors.md for VS Code, Neovim, Helix and Zed."
    )]
    Lsp,
    /// Print a completion script for a shell
    #[command(
        after_help = "Examples:\n  regc completions bash > ~/.local/share/bash-completion/completions/regc\n  regc completions zsh > ~/.zfunc/_regc\n  regc completions fish > ~/.config/fish/completions/regc.fish"
    )]
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): regc(1), or a command's, e.g. regc-check(1)
    #[command(
        after_help = "Examples:\n  regc man > regc.1 && man -l regc.1\n  regc man check > regc-check.1"
    )]
    Man {
        /// The command whose page to print [default: regc's own]
        command: Option<String>,
    },
    /// Explain a code: what it checks, why, an example and the fix
    #[command(
        after_help = "Example:\n  regc explain T004\n  regc explain invalid-date\n  regc explain --list"
    )]
    Explain {
        /// A rule code (`T004`), a rule's name (`basis-missing`) or a diagnostic code (`invalid-date`)
        #[arg(required_unless_present = "list")]
        code: Option<String>,
        /// List every code
        #[arg(long)]
        list: bool,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    /// Source snippets with labels and help, and a summary line
    Human,
    /// regc's own JSON: `{"version": 1, "diagnostics": [...], "summary": {...}}`
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers
    Sarif,
    /// GitHub Actions workflow commands: inline annotations on pull requests
    Github,
    /// A GitLab Code Quality report
    Gitlab,
    /// One line per diagnostic, `file:line:col: error[CODE] message`, for editors'
    /// quick-fix lists
    Concise,
    /// JUnit XML: one test suite per file, one test case per diagnostic
    Junit,
}

impl CheckFormat {
    fn machine(self) -> Option<formats::Format> {
        match self {
            CheckFormat::Human => None,
            CheckFormat::Json => Some(formats::Format::Json),
            CheckFormat::Sarif => Some(formats::Format::Sarif),
            CheckFormat::Github => Some(formats::Format::Github),
            CheckFormat::Gitlab => Some(formats::Format::Gitlab),
            CheckFormat::Junit => Some(formats::Format::Junit),
            CheckFormat::Concise => Some(formats::Format::Concise),
        }
    }
}

pub(crate) fn parse_today(s: &str) -> Result<Date, String> {
    parse_date(s).map_err(|e| match e.help {
        Some(help) => format!("{}; {help}", e.message),
        None => e.message,
    })
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { TROUBLE } else { OK });
        }
    };
    // More threads than this only cost memory and start-up time (`-j 100000` would try
    // to start a hundred thousand).
    const MAX_JOBS: usize = 256;
    if let Some(jobs) = cli.jobs.filter(|n| *n > 0).map(|n| n.min(MAX_JOBS)) {
        // Only fails if a pool already exists, which cannot happen this early.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .use_current_thread()
            .build_global();
    }
    let _ = UI.set(Ui {
        color: cli.color,
        quiet: cli.quiet,
    });
    ExitCode::from(match cli.command {
        Command::Check {
            common,
            deny_warnings,
            format,
            output_file,
        } => check(&common, deny_warnings, format, output_file.as_deref()),
        Command::Completions { shell } => completions(shell),
        Command::Lsp => lsp::run(),
        Command::Diff { args } => diff::run(&args),
        Command::Man { command } => man(command.as_deref()),
        Command::Build { common, options } => build::run(&common, &options),
        Command::Schema { of } => schema(of),
        Command::Fmt {
            paths,
            check,
            force,
        } => format::run(&paths, check, force),
        Command::Explain { code, list } => explain(code.as_deref(), list),
    })
}

/// What a run found: the compilation, and what the command line itself ran into.
pub(crate) struct Run {
    compiled: regc::Compiled,
    files: usize,
    /// The names of the files read, as their sources are named.
    names: Vec<String>,
    /// Files that could not be read: these make the exit code 2.
    problems: Vec<String>,
    /// Files left out by regc.toml's `exclude`.
    excluded: usize,
    /// `--max-diagnostics`.
    max_diagnostics: usize,
    /// The `regc.toml` the run followed, if any.
    project: config::Project,
}

/// What a run compiles for.
#[derive(Clone, Copy)]
pub(crate) enum Job {
    /// Only the findings are read: each register's model is dropped once it is checked.
    Check,
    /// The models are rendered too, and kept.
    Build,
}

impl Job {
    /// Below this many bytes read, a run stays on the main thread: starting the workers
    /// costs more than they save. A seed's check is a few milliseconds; a build's
    /// rendering is several times the work of its check, so it takes about one seed.
    fn small(self) -> usize {
        match self {
            Job::Check => 256 * 1024,
            Job::Build => 16 * 1024,
        }
    }
}

/// Keeps a small run on the main thread, unless `-j` already chose the threads. Called
/// before anything runs in parallel, which is what would start the pool. The main thread
/// is one of the pool's threads either way: it works while it waits for the others, and a
/// compilation's short parallel steps (a batch of files at a time) are not each handed
/// over to a sleeping thread and waited for.
fn one_thread_for_a_small_input(files: &[files::File], small: usize) {
    let bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
    let mut pool = rayon::ThreadPoolBuilder::new().use_current_thread();
    if bytes < small {
        pool = pool.num_threads(1);
    }
    // Fails, harmlessly, when `-j` already built the pool.
    let _ = pool.build_global();
}

/// Reads and compiles the files of a run; a small input runs on one thread.
pub(crate) fn compile(common: &Common, job: Job) -> Run {
    let (project, paths) = match project_and_paths(common) {
        Ok(found) => found,
        Err(problem) => return unread(common, problem),
    };
    let filter = match project.file {
        Some(_) => files::Filter::of(&project),
        None => files::Filter::standard(),
    };
    let stdin = is_stdin(&paths);
    let mut found = if stdin {
        files::from_stdin(
            common.stdin_filename.as_deref(),
            &filter,
            common.max_file_size,
        )
    } else {
        files::collect_up_to(&paths, &filter, common.max_file_size)
    };
    one_thread_for_a_small_input(&found.files, job.small());
    let day = match judgement_day(
        common.today.or(project.today),
        std::env::var_os("SOURCE_DATE_EPOCH"),
    ) {
        Ok(day) => day,
        Err(problem) => {
            // Judged on an unknown day, every finding would be in doubt: read nothing.
            found.files.clear();
            found.problems = vec![problem];
            Day::Clock(today())
        }
    };
    if let Some(root) = &common.root
        && !root.is_dir()
    {
        // Judged against a root that is not there, every import would look outside it.
        found.files.clear();
        found.problems.push(format!(
            "`--root {}` is not a folder\n  help: give the project folder that imports must stay in",
            shown(root)
        ));
    }
    let roots: Vec<PathBuf> = match common.root.as_ref().or(project.root.as_ref()) {
        Some(root) => vec![root.clone()],
        None if stdin => vec![
            common
                .stdin_filename
                .as_deref()
                .map_or_else(|| PathBuf::from("."), files::project_root),
        ],
        None => paths.iter().map(|p| files::project_root(p)).collect(),
    };
    let count = found.files.len();
    let names: Vec<String> = found.files.iter().map(|f| f.name.clone()).collect();
    let loaded = found
        .files
        .into_iter()
        .map(|f| LoadedFile {
            key: disk::Disk::key(std::path::Path::new(&f.name)),
            name: f.name,
            bytes: f.bytes,
        })
        .collect();
    let mut disk = disk::Disk::new(&roots, common.max_file_size);
    let options = regc::compile::Options {
        profile: common
            .profile
            .or(project.config.check.profile)
            .map(ProfileArg::profile),
        selection: project.selection.clone(),
        docs: matches!(job, Job::Build),
        ..regc::compile::Options::on(day.date())
    };
    let mut compiled = regc::compile(loaded, &mut disk, &options);
    name_sources_inside_the_project(&mut compiled, &roots);
    if let Day::Clock(_) = day {
        // Outputs depend on the inputs and a chosen date only: a build today and one
        // tomorrow give the same bytes unless a fact changed state in between.
        for doc in &mut compiled.docs {
            doc.check_date = None;
        }
    }
    Run {
        compiled,
        files: count,
        names,
        problems: found.problems,
        excluded: found.excluded,
        max_diagnostics: common.max_diagnostics,
        project,
    }
}

/// Whether the paths are `-` alone: the file comes on standard input.
fn is_stdin(paths: &[PathBuf]) -> bool {
    matches!(paths, [one] if one.as_os_str() == "-")
}

/// A run that stops before reading anything, on a problem with the settings or paths.
fn unread(common: &Common, problem: String) -> Run {
    Run {
        compiled: regc::compile(
            Vec::new(),
            &mut disk::Disk::new(&[], 0),
            &regc::compile::Options::on(today()),
        ),
        files: 0,
        names: Vec::new(),
        problems: vec![problem],
        excluded: 0,
        max_diagnostics: common.max_diagnostics,
        project: config::Project::none(),
    }
}

/// The project's settings, and the paths to read: those given, or the project root.
fn project_and_paths(common: &Common) -> Result<(config::Project, Vec<PathBuf>), String> {
    let dashes = common.paths.iter().filter(|p| p.as_os_str() == "-").count();
    if dashes > 0 && common.paths.len() > 1 {
        return Err(
            "`-` (standard input) must be the only path\n  help: check standard input and files in two runs"
                .to_string(),
        );
    }
    if dashes == 0 && common.stdin_filename.is_some() {
        return Err(
            "`--stdin-filename` names standard input, but no `-` was given\n  help: add `-` as the path, e.g. `regc check - --stdin-filename registers/new.reg < buffer`"
                .to_string(),
        );
    }
    let file = if common.no_config {
        None
    } else if let Some(file) = &common.config {
        Some(file.clone())
    } else if is_stdin(&common.paths) {
        // The buffer's own name places it in its project, as a file on disk would be.
        let named = common.stdin_filename.as_deref();
        config::find_from(named.unwrap_or(std::path::Path::new(".")))
    } else if common.paths.is_empty() {
        config::find_from(std::path::Path::new("."))
    } else {
        config::discover(&common.paths)?
    };
    let project = match file {
        Some(file) => config::load(&file)?,
        None => config::Project::none(),
    };
    if !common.paths.is_empty() {
        return Ok((project, common.paths.clone()));
    }
    match &project.root {
        Some(root) => {
            let root = from_here(root);
            Ok((project, vec![root]))
        }
        None => Err(format!(
            "no files given, and no {} in this folder or above\n  help: give .reg files or folders, e.g. `regc check registers/`, or create a {} at the project's top folder (docs/config.md)",
            config::FILE_NAME,
            config::FILE_NAME
        )),
    }
}

/// `dir` as a path from the current folder (`..`, `../..`) when it holds it, so that
/// diagnostics name files as the user sees them rather than by absolute path.
pub(crate) fn from_here(dir: &std::path::Path) -> PathBuf {
    let here = std::env::current_dir().and_then(std::fs::canonicalize);
    let there = std::fs::canonicalize(dir);
    match (here, there) {
        (Ok(here), Ok(there)) => match here.strip_prefix(&there) {
            Ok(below) if below.as_os_str().is_empty() => PathBuf::from("."),
            Ok(below) => below.components().map(|_| "..").collect(),
            Err(_) => dir.to_path_buf(),
        },
        _ => dir.to_path_buf(),
    }
}

/// A register's `source` (in the JSON) is its file's path inside the project, with `/`:
/// the same whether the folder was given as `examples`, `./examples/` or an absolute path,
/// and from whatever folder regc runs. The deepest project folder holding the file wins.
fn name_sources_inside_the_project(compiled: &mut regc::Compiled, roots: &[PathBuf]) {
    let roots: Vec<PathBuf> = roots
        .iter()
        .filter_map(|r| std::fs::canonicalize(r).ok())
        .collect();
    let mut known: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for doc in &mut compiled.docs {
        if let Some(inside) = known.get(&doc.source) {
            doc.source = inside.clone();
            continue;
        }
        let Some(inside) = path_inside(&doc.source, &roots) else {
            continue;
        };
        known.insert(doc.source.clone(), inside.clone());
        doc.source = inside;
    }
}

fn path_inside(name: &str, roots: &[PathBuf]) -> Option<String> {
    let real = std::fs::canonicalize(name).ok()?;
    let root = roots
        .iter()
        .filter(|r| real.starts_with(r))
        .max_by_key(|r| r.components().count())?;
    let parts: Vec<String> = real
        .strip_prefix(root)
        .ok()?
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Some(parts.join("/"))
}

/// The day dated facts are judged on, and whether someone chose it.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Day {
    /// `--today`, or `SOURCE_DATE_EPOCH` (the reproducible-builds convention).
    Chosen(Date),
    /// The system clock's today: used, but not written into outputs.
    Clock(Date),
}

impl Day {
    fn date(self) -> Date {
        match self {
            Day::Chosen(d) | Day::Clock(d) => d,
        }
    }
}

fn judgement_day(
    flag: Option<Date>,
    source_date_epoch: Option<std::ffi::OsString>,
) -> Result<Day, String> {
    if let Some(date) = flag {
        return Ok(Day::Chosen(date));
    }
    let Some(raw) = source_date_epoch else {
        return Ok(Day::Clock(today()));
    };
    raw.to_str()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .and_then(date_of)
        .map(Day::Chosen)
        .ok_or_else(|| {
            format!(
                "SOURCE_DATE_EPOCH is `{}`, not a number of seconds since 1970-01-01 that gives a date\n  help: set it to a Unix time such as 1767225600, or unset it; `--today YYYY-MM-DD` also sets the date",
                human::visible(&raw.to_string_lossy())
            )
        })
}

/// Today by the system clock, in UTC.
pub(crate) fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    date_of(secs).unwrap_or(Date {
        year: 1970,
        month: 1,
        day: 1,
    })
}

/// The UTC day of a Unix time.
fn date_of(secs: u64) -> Option<Date> {
    Date::from_days(i64::try_from(secs / 86_400).ok()?)
}

fn check(
    common: &Common,
    deny_warnings: bool,
    format: CheckFormat,
    output_file: Option<&std::path::Path>,
) -> u8 {
    let run = compile(common, Job::Check);
    let deny_warnings = deny_warnings || run.project.config.check.deny_warnings == Some(true);
    let mut text = Vec::new();
    match format.machine() {
        None => {
            let style = match output_file {
                Some(_) => Style::Plain,
                None => terminal_style(),
            };
            report_styled(&mut text, &run, style);
        }
        Some(machine) => {
            // The report alone goes to stdout (or the file), so that a CI tool can read
            // it; problems reading the files go to stderr.
            for problem in &run.problems {
                say!("error: {}", human::visible(problem));
            }
            let all: Vec<Diagnostic> = run.compiled.all().cloned().collect();
            let fails = match deny_warnings {
                true => Severity::Warning,
                false => Severity::Error,
            };
            let rendered = formats::render_failing_at(
                machine,
                &run.compiled.program.sources,
                &all,
                &run.names,
                fails,
            );
            text.extend_from_slice(rendered.as_bytes());
        }
    }
    let written = match output_file {
        // A reader that went away (`| head`) is not a problem of the check.
        None => match std::io::stdout().lock().write_all(&text) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.to_string()),
            _ => Ok(()),
        },
        Some(path) => output::write_report(path, &text, &run.names),
    };
    if let Err(e) = written {
        say!("error: {}", human::visible(&e));
        return TROUBLE;
    }
    let warned = run
        .compiled
        .unordered()
        .any(|d| d.severity == Severity::Warning);
    let code = match exit_code(&run) {
        OK if deny_warnings && warned => FINDINGS,
        code => code,
    };
    // The process ends here and the OS takes the memory back at once; freeing a large
    // program's model piece by piece took a tenth of a big check's time.
    std::mem::forget(run);
    code
}

fn explain(code: Option<&str>, list: bool) -> u8 {
    let mut stdout = std::io::stdout().lock();
    if list {
        for code in regc::check::all_codes() {
            // A rule's name, or a stage code's kind: the code is its name already.
            let what = match code.rule() {
                Some(rule) => rule.name.to_string(),
                None => format!("({} error)", code.kind().as_str()),
            };
            let _ = writeln!(
                stdout,
                "{:<22} {what:<36} {}",
                code.as_str(),
                code.summary()
            );
        }
        return OK;
    }
    let wanted = code.unwrap_or("");
    match regc::check::find_code(wanted) {
        Some(code) => {
            let _ = write!(stdout, "{}", code.page());
            OK
        }
        None => {
            let _ = writeln!(
                stdout,
                "error: no code is called `{wanted}`\n  help: `regc explain --list` lists every code"
            );
            TROUBLE
        }
    }
}

pub(crate) fn report(out: &mut impl Write, run: &Run) {
    report_styled(out, run, terminal_style());
}

/// A part of the human report, in order: a diagnostic to draw, or a line of text.
enum Piece<'d> {
    Draw(&'d Diagnostic),
    Line(String),
}

fn report_styled(out: &mut impl Write, run: &Run, style: Style) {
    use rayon::prelude::*;
    for problem in &run.problems {
        let _ = writeln!(out, "error: {}", human::visible(problem));
    }
    let compiled = &run.compiled;
    // Sorted once: drawing and the summary read the same list.
    let all: Vec<&Diagnostic> = compiled.all().collect();
    let sources = &compiled.program.sources;
    let (per_file, total) = match run.max_diagnostics {
        0 => (usize::MAX, usize::MAX),
        n => (n, n.saturating_mul(4)),
    };
    let (mut drawn, mut hidden_files, mut hidden) = (0, 0, 0);
    let mut pieces: Vec<Piece> = Vec::new();
    // Diagnostics come sorted by file: each file's are drawn up to the caps, so that one
    // broken file cannot bury the others or print megabytes.
    for file in all.chunk_by(|a, b| a.primary.span.source == b.primary.span.source) {
        let room = total.saturating_sub(drawn).min(per_file);
        if room == 0 {
            hidden_files += 1;
            hidden += file.len();
            continue;
        }
        pieces.extend(file.iter().take(room).map(|d| Piece::Draw(d)));
        drawn += room.min(file.len());
        if file.len() > room {
            let name = file
                .first()
                .and_then(|d| sources.get(d.primary.span.source))
                .map_or_else(String::new, |s| human::visible_name(&s.name));
            pieces.push(Piece::Line(format!(
                "… and {} more in {name} (`--max-diagnostics 0` draws every one)\n",
                file.len() - room
            )));
        }
    }
    // Drawing is most of a report's time and each diagnostic is drawn alone: in parallel,
    // a few hundred at a time (with `--max-diagnostics 0` there may be any number),
    // written in order.
    for chunk in pieces.chunks(256) {
        let texts: Vec<String> = chunk
            .par_iter()
            .map(|piece| match piece {
                Piece::Draw(d) => human::render(sources, d.primary.span.source, d, style),
                Piece::Line(line) => line.clone(),
            })
            .collect();
        for text in texts {
            let _ = write!(out, "{text}");
        }
    }
    if hidden_files > 0 {
        let _ = writeln!(
            out,
            "… and {hidden} more in {} (`--max-diagnostics 0` draws every one)",
            plural(hidden_files, "other file")
        );
    }
    if !quiet() {
        let _ = writeln!(
            out,
            "{}",
            summary(&all, run.files, run.problems.len(), run.excluded)
        );
    }
}

pub(crate) fn exit_code(run: &Run) -> u8 {
    if !run.problems.is_empty() {
        TROUBLE
    } else if run.compiled.unordered().any(Diagnostic::is_error) {
        FINDINGS
    } else {
        OK
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum SchemaOf {
    /// The JSON documents of `regc build --format json`
    Register,
    /// regc.toml, for editors that complete TOML from a schema (taplo, VS Code)
    Config,
}

fn schema(of: SchemaOf) -> u8 {
    let schema = match of {
        SchemaOf::Register => regc::render::json::schema(),
        SchemaOf::Config => config::schema(),
    };
    match schema {
        Ok(text) => {
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            OK
        }
        Err(e) => {
            say!("error: {e}");
            TROUBLE
        }
    }
}

fn summary(diagnostics: &[&Diagnostic], files: usize, problems: usize, excluded: usize) -> String {
    let summary = counts(diagnostics, files, problems);
    match excluded {
        0 => summary,
        n => format!("{summary}; {} excluded by regc.toml", plural(n, "file")),
    }
}

fn counts(diagnostics: &[&Diagnostic], files: usize, problems: usize) -> String {
    let count = |s| diagnostics.iter().filter(|d| d.severity == s).count();
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let mut with_findings: Vec<_> = diagnostics.iter().map(|d| d.primary.span.source).collect();
    with_findings.dedup();
    let files_word = plural(files, "file");
    if errors + warnings == 0 && problems > 0 {
        return format!(
            "{files_word} checked; {} above",
            plural(problems, "problem")
        );
    }
    if errors + warnings == 0 {
        return format!("{files_word} checked: no problems");
    }
    format!(
        "{}, {} in {} of {files_word}",
        plural(errors, "error"),
        plural(warnings, "warning"),
        with_findings.len()
    )
}

/// A path as printed: control characters in a file name must not reach the terminal.
pub(crate) fn shown(path: &std::path::Path) -> String {
    human::visible_name(&path.display().to_string())
}

pub(crate) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// `--color`; by default colour only on a terminal, never when `NO_COLOR` is set, and
/// anywhere when `CLICOLOR_FORCE` is (the conventions of no-color.org and
/// bixense.com/clicolors).
fn terminal_style() -> Style {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
    let colour = match UI.get().map_or(ColorArg::Auto, |ui| ui.color) {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto if set("NO_COLOR") => false,
        ColorArg::Auto => set("CLICOLOR_FORCE") || std::io::stdout().is_terminal(),
    };
    if colour { Style::Colour } else { Style::Plain }
}

fn completions(shell: clap_complete::Shell) -> u8 {
    use clap::CommandFactory;
    let mut command = Cli::command();
    clap_complete::generate(shell, &mut command, "regc", &mut std::io::stdout().lock());
    OK
}

fn man(command: Option<&str>) -> u8 {
    use clap::CommandFactory;
    let mut cli = Cli::command();
    cli.build();
    let man = match command {
        None => clap_mangen::Man::new(cli),
        Some(name) => match cli.find_subcommand(name) {
            // Titled `regc-check`, as the top page's SEE ALSO names it.
            Some(sub) => clap_mangen::Man::new(sub.clone()).title(format!("regc-{name}")),
            None => {
                say!(
                    "error: regc has no command `{}`\n  help: `regc --help` lists the commands",
                    human::visible(name)
                );
                return TROUBLE;
            }
        },
    };
    let mut page = Vec::new();
    let rendered = man.render(&mut page);
    match rendered.and_then(|()| std::io::stdout().lock().write_all(&page)) {
        Ok(()) => OK,
        Err(e) => {
            say!("error: {e}");
            TROUBLE
        }
    }
}
