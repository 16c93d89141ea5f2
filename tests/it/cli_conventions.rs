//! The command-line conventions of ruff, biome and typos, through the binary: `--color`
//! with NO_COLOR and CLICOLOR_FORCE, `-q`, `check -` with `--stdin-filename`, `--format
//! concise`, `--output-file`, shell completions and the man page.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn regc(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_regc"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    for (key, value) in env {
        cmd.env(key, value);
    }
    cmd.output().unwrap()
}

fn regc_stdin(dir: &Path, args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_regc"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

const STUDIO: &str = "examples/studio-m.reg";
const ESC: &str = "\u{1b}[";

#[test]
fn colour_follows_the_flag_then_no_color_then_clicolor_force() {
    let check = ["check", "--today", "2026-12-01", STUDIO];
    let with = |extra: &[&str], env: &[(&str, &str)]| {
        let args: Vec<&str> = extra.iter().chain(check.iter()).copied().collect();
        stdout(&regc(&args, env)).contains(ESC)
    };
    // Piped output is plain unless asked for.
    assert!(!with(&[], &[]));
    assert!(with(&["--color", "always"], &[]));
    assert!(
        with(&["--color", "always"], &[("NO_COLOR", "1")]),
        "the flag wins"
    );
    assert!(!with(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]));
    assert!(with(&[], &[("CLICOLOR_FORCE", "1")]));
    assert!(!with(&[], &[("CLICOLOR_FORCE", "0")]), "0 does not force");
    assert!(
        !with(&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]),
        "NO_COLOR wins over CLICOLOR_FORCE"
    );
}

#[test]
fn quiet_prints_the_findings_and_nothing_else() {
    let clean = regc(
        &["check", "-q", "--today", "2026-12-01", "examples/complete"],
        &[],
    );
    assert_eq!(clean.status.code(), Some(0));
    assert_eq!(stdout(&clean), "", "nothing to say about a clean file");
    let found = regc(&["-q", "check", "--today", "2026-12-01", STUDIO], &[]);
    assert_eq!(found.status.code(), Some(1));
    let text = stdout(&found);
    assert!(text.contains("error[A002]"), "{text}");
    assert!(!text.contains("errors,"), "no summary line: {text}");
    let dir = tempfile::tempdir().unwrap();
    let built = regc(
        &[
            "build",
            "-q",
            "--today",
            "2026-12-01",
            "examples/complete",
            "--out",
            dir.path().to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(built.status.code(), Some(0));
    assert_eq!(stdout(&built), "", "no `wrote …` line");
}

#[test]
fn concise_is_one_quick_fix_line_per_finding() {
    let json = regc(
        &[
            "check",
            "--format",
            "json",
            "--today",
            "2026-12-01",
            "examples/",
        ],
        &[],
    );
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let count = value["diagnostics"].as_array().unwrap().len();
    let out = regc(
        &[
            "check",
            "--format",
            "concise",
            "--today",
            "2026-12-01",
            "examples/",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), count, "{text}");
    for line in &lines {
        // file:line:col: severity[CODE] message — what `%f:%l:%c: %m` reads.
        let mut parts = line.splitn(4, ':');
        let file = parts.next().unwrap();
        let row: usize = parts.next().unwrap().parse().unwrap();
        let col: usize = parts.next().unwrap().parse().unwrap();
        let rest = parts.next().unwrap();
        assert!(file.ends_with(".reg") && row >= 1 && col >= 1, "{line}");
        let (severity, after) = rest.trim_start().split_once('[').unwrap();
        assert!(["error", "warning", "info"].contains(&severity), "{line}");
        let (code, message) = after.split_once("] ").unwrap();
        assert!(regc::check::find_code(code).is_some(), "{line}");
        assert!(!message.is_empty(), "{line}");
    }
    assert!(
        lines.contains(
            &"examples/studio-m.reg:117:13: error[A002] authority `se-datainspektionen` (Datainspektionen) is not in force since 2021-01-01"
        ),
        "{text}"
    );
}

#[test]
fn the_report_goes_to_a_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("reports/regc.sarif");
    std::fs::create_dir_all(report.parent().unwrap()).unwrap();
    std::fs::write(&report, "old").unwrap();
    let out = regc(
        &[
            "check",
            "--format",
            "sarif",
            "--today",
            "2026-12-01",
            "--output-file",
            report.to_str().unwrap(),
            "examples/",
        ],
        &[],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "the exit code still says what was found"
    );
    assert_eq!(stdout(&out), "");
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(written["version"], "2.1.0");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&report).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "a report others can read");
    }
    let leftovers: Vec<_> = std::fs::read_dir(report.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left: {leftovers:?}");
    // A folder that does not exist yet is made; one that cannot be (under a file) is an
    // error with the path and a help line.
    let nested = dir.path().join("new/folder/regc.txt");
    let out = regc(
        &["check", "-o", nested.to_str().unwrap(), "examples/complete"],
        &[],
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(nested.is_file());
    let under_a_file = report.join("r.txt");
    let out = regc(
        &[
            "check",
            "-o",
            under_a_file.to_str().unwrap(),
            "examples/complete",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("regc.sarif") && err.contains("help:"), "{err}");
}

#[test]
fn standard_input_is_checked_under_the_name_given() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read(root.join(STUDIO)).unwrap();
    let out = regc_stdin(
        root,
        &[
            "check",
            "--format",
            "concise",
            "--today",
            "2026-12-01",
            "--stdin-filename",
            STUDIO,
            "-",
        ],
        &text,
    );
    assert_eq!(out.status.code(), Some(1));
    let from_stdin = stdout(&out);
    let from_disk = stdout(&regc(
        &[
            "check",
            "--format",
            "concise",
            "--today",
            "2026-12-01",
            STUDIO,
        ],
        &[],
    ));
    assert_eq!(from_stdin, from_disk);
    let unnamed = regc_stdin(root, &["check", "-"], &text);
    assert!(
        stdout(&unnamed).contains("<stdin>:"),
        "{}",
        stdout(&unnamed)
    );
}

/// An editor's unsaved buffer: its imports are found beside the name it will have, and
/// the project's regc.toml is found from that name.
#[test]
fn standard_input_finds_its_imports_and_its_project() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("registers")).unwrap();
    std::fs::write(root.join("regc.toml"), "[check]\nselect = [\"X\"]\n").unwrap();
    std::fs::write(
        root.join("shared.reg"),
        "controller acme {\n  name \"Acme Oy\"\n}\n",
    )
    .unwrap();
    let buffer = "use \"../shared.reg\"\n\nregister r {\n  controller acme\n  contact nobody\n}\n";
    let out = regc_stdin(
        root,
        &[
            "check",
            "--format",
            "concise",
            "--stdin-filename",
            "registers/new.reg",
            "-",
        ],
        buffer.as_bytes(),
    );
    let text = stdout(&out);
    assert!(
        text.contains("registers/new.reg:5:11: error[X001] no person is called `nobody`"),
        "{text}"
    );
    assert!(!text.contains("import"), "the import resolves: {text}");
    assert!(!text.contains("`acme`"), "acme is known: {text}");
    for line in text.lines() {
        assert!(line.starts_with("registers/new.reg:"), "{text}");
        assert!(
            line.contains("[X0"),
            "only the X rules regc.toml selects: {text}"
        );
    }
}

#[test]
fn completions_for_every_shell_name_the_commands() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = regc(&["completions", shell], &[]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = stdout(&out);
        for word in ["check", "build", "fmt", "explain", "--format"] {
            assert!(script.contains(word), "{shell} lacks {word}");
        }
    }
    // The bash script is valid bash.
    let script = stdout(&regc(&["completions", "bash"], &[]));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("regc.bash");
    std::fs::write(&path, script).unwrap();
    let syntax = Command::new("bash").arg("-n").arg(&path).status().unwrap();
    assert!(syntax.success());
}

#[test]
fn the_man_page_is_roff_with_every_command() {
    let out = regc(&["man"], &[]);
    assert_eq!(out.status.code(), Some(0));
    let page = stdout(&out);
    assert!(page.contains(".TH regc 1"), "{page}");
    assert!(page.contains(".SH NAME"), "{page}");
    for command in ["check", "build", "fmt", "explain", "schema", "completions"] {
        assert!(
            page.contains(&format!("regc\\-{command}")) || page.contains(command),
            "{command}"
        );
    }
}

/// A reader that goes away (`regc check … 2>&1 | head -1`) ends the run quietly: no panic,
/// whatever regc still had to say on stdout or stderr.
#[cfg(unix)]
#[test]
fn a_closed_pipe_is_no_panic() {
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' check --max-diagnostics 0 --today 2026-12-01 examples/ 2>&1 | head -c 1 >/dev/null; echo \"${{PIPESTATUS:-}}\"",
            env!("CARGO_BIN_EXE_regc")
        ))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    let mut direct = Command::new(env!("CARGO_BIN_EXE_regc"))
        .args([
            "check",
            "--max-diagnostics",
            "0",
            "--today",
            "2026-12-01",
            "examples/",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Both ends closed before regc writes a byte.
    drop(direct.stdout.take());
    drop(direct.stderr.take());
    let status = direct.wait().unwrap();
    assert_ne!(status.code(), Some(101), "a panic exits 101");
}

/// `-o` writes through a link (even one whose target does not exist yet), into a device
/// as it is, and never over a file it checked.
#[cfg(unix)]
#[test]
fn the_report_file_follows_links_and_spares_the_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("report.txt");
    std::os::unix::fs::symlink("real/report.txt", &link).unwrap();
    let out = regc(
        &[
            "check",
            "--format",
            "concise",
            "--today",
            "2026-12-01",
            "-o",
            link.to_str().unwrap(),
            STUDIO,
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let written = std::fs::read_to_string(dir.path().join("real/report.txt")).unwrap();
    assert!(written.contains("error[A002]"), "{written}");
    let input = dir.path().join("register.reg");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(STUDIO), &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let out = regc(
        &[
            "check",
            "--format",
            "json",
            "-o",
            input.to_str().unwrap(),
            input.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("one of the files checked"));
    assert_eq!(
        std::fs::read(&input).unwrap(),
        before,
        "the register is untouched"
    );
    let devnull = regc(&["check", "-o", "/dev/null", "examples/complete"], &[]);
    assert_eq!(devnull.status.code(), Some(0));
    {
        use std::os::unix::fs::FileTypeExt;
        assert!(
            std::fs::metadata("/dev/null")
                .unwrap()
                .file_type()
                .is_char_device()
        );
    }
}

#[test]
fn standard_input_is_the_only_path_and_its_name_needs_it() {
    let both = regc(&["check", "-", "examples/complete"], &[]);
    assert_eq!(both.status.code(), Some(2));
    assert!(
        stdout(&both).contains("must be the only path"),
        "{}",
        stdout(&both)
    );
    let name_alone = regc(
        &["check", "--stdin-filename", "x.reg", "examples/complete"],
        &[],
    );
    assert_eq!(name_alone.status.code(), Some(2));
    assert!(
        stdout(&name_alone).contains("no `-` was given"),
        "{}",
        stdout(&name_alone)
    );
}

#[test]
fn a_missing_root_stops_the_run() {
    let out = regc(&["check", "--root", "nowhere", "examples/complete"], &[]);
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    assert!(text.contains("`--root nowhere` is not a folder"), "{text}");
    assert!(
        !text.contains("import-outside-project"),
        "nothing was judged: {text}"
    );
}

#[test]
fn every_command_has_a_man_page() {
    for command in ["check", "build", "fmt", "explain", "schema"] {
        let out = regc(&["man", command], &[]);
        assert_eq!(out.status.code(), Some(0), "{command}");
        assert!(
            stdout(&out).contains(&format!(".TH regc-{command} 1")),
            "{command}"
        );
    }
    let check = stdout(&regc(&["man", "check"], &[]));
    assert!(
        check.contains("stdin\\-filename") && check.contains("output\\-file"),
        "{check}"
    );
    assert_eq!(regc(&["man", "nope"], &[]).status.code(), Some(2));
}
