//! End-to-end: every limit on hostile input, through the binary. Each input gets a clear
//! diagnostic (file:line:col, a help line) and exit 1 or 2, never a crash or a hang.
//! The file-size limit, imports leaving the project and symlink loops in a directory walk
//! are tested in `cli.rs` (`files_over_the_size_limit_…`, `imports_cannot_leave_…`,
//! `a_symlink_loop_does_not_hang`).

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Output};

fn regc(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_regc"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The run ended by itself with exit 1 (findings), not a signal or a panic (101).
fn assert_reported(out: &Output) {
    assert_eq!(
        out.status.code(),
        Some(1),
        "stdout:\n{}\nstderr:\n{}",
        stdout(out),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn blocks_nested_too_deep_are_one_error_even_a_hundred_thousand_deep() {
    // Also blocks a look at comments and texts alone would miss: `a//b` is a word, and a
    // line's first `"""` an empty text and a quote.
    for (lines, before) in [
        ("register r {\n", ""),
        ("register a//b {\n", ""),
        ("register r {\n", "\"\"\"\n"),
    ] {
        let line = 33 + before.lines().count();
        blocks_nested_too_deep(&format!("{before}{}", lines.repeat(100_000)), line);
    }
}

fn blocks_nested_too_deep(deep: &str, line: usize) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("deep.reg"), deep).unwrap();
    let out = regc(dir.path(), &["check", "deep.reg"]);
    assert_reported(&out);
    let text = stdout(&out);
    assert!(
        text.contains("error[nesting-too-deep]: blocks are nested more than 32 deep"),
        "{text}"
    );
    assert!(
        text.contains(&format!("deep.reg:{line}:")),
        "points at the 33rd block: {text}"
    );
    assert!(text.contains("help:"), "{text}");
}

#[test]
fn a_text_over_64_kib_is_refused_and_one_at_the_limit_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let register = |len: usize| format!("register r {{\n  title en \"{}\"\n}}\n", "a".repeat(len));
    std::fs::write(dir.path().join("long.reg"), register(64 * 1024 + 1)).unwrap();
    std::fs::write(dir.path().join("fits.reg"), register(64 * 1024)).unwrap();
    let out = regc(dir.path(), &["check", "long.reg"]);
    assert_reported(&out);
    let text = stdout(&out);
    assert!(
        text.contains("error[text-too-long]: this text is 65537 bytes long; the limit is 65536"),
        "{text}"
    );
    assert!(text.contains("long.reg:2:12"), "{text}");
    let fits = regc(dir.path(), &["check", "fits.reg"]);
    assert!(
        !stdout(&fits).contains("text-too-long"),
        "{}",
        stdout(&fits)
    );
}

#[test]
fn a_chain_of_imports_stops_at_32_and_a_cycle_is_named() {
    let dir = tempfile::tempdir().unwrap();
    // 0.reg imports 1.reg imports 2.reg … 99.reg: files 0..=32 are read, 33 is not.
    for i in 0..100 {
        std::fs::write(
            dir.path().join(format!("{i}.reg")),
            format!("use \"{}.reg\"\ncontroller c{i} {{\n}}\n", i + 1),
        )
        .unwrap();
    }
    let out = regc(dir.path(), &["check", "0.reg"]);
    assert_reported(&out);
    let text = stdout(&out);
    assert!(
        text.contains("error[import-too-deep]: `33.reg` would be more than 32 imports away"),
        "{text}"
    );
    assert!(
        text.contains("32.reg:1:5"),
        "at the `use` in 32.reg: {text}"
    );
    assert!(
        !text.contains("import-not-found"),
        "34.reg was never read: {text}"
    );

    std::fs::write(dir.path().join("a.reg"), "use \"b.reg\"\n").unwrap();
    std::fs::write(dir.path().join("b.reg"), "use \"a.reg\"\n").unwrap();
    let cycle = regc(dir.path(), &["check", "a.reg"]);
    assert_reported(&cycle);
    assert!(
        stdout(&cycle).contains("error[import-cycle]: import cycle: a.reg → b.reg → a.reg"),
        "{}",
        stdout(&cycle)
    );
}

#[test]
fn thousands_of_files_are_checked_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let regs = dir.path().join("regs");
    for group in 0..30 {
        let sub = regs.join(format!("g{group:02}"));
        std::fs::create_dir_all(&sub).unwrap();
        for i in 0..100 {
            std::fs::write(
                sub.join(format!("f{i:03}.reg")),
                format!("controller c{group}x{i} {{\n  name \"C\"\n}}\n"),
            )
            .unwrap();
        }
    }
    // A bad line in the last file and in the first: the output follows the paths' order,
    // not which thread finished first.
    std::fs::write(regs.join("g29/f099.reg"), "controller c {\n  name = 1\n}\n").unwrap();
    std::fs::write(regs.join("g00/f000.reg"), "controller c {\n  name = 1\n}\n").unwrap();
    let out = regc(dir.path(), &["check", "regs"]);
    assert_reported(&out);
    let text = stdout(&out);
    assert!(
        text.contains("2 errors, 0 warnings in 2 of 3000 files"),
        "{text}"
    );
    let first = text
        .find("g00/f000.reg:2:8")
        .expect("the first file's error");
    let last = text
        .find("g29/f099.reg:2:8")
        .expect("the last file's error");
    assert!(first < last, "{text}");
    let again = regc(dir.path(), &["-j", "1", "check", "regs"]);
    assert_eq!(stdout(&again), text, "one thread prints the same as two");
}

#[test]
fn pathological_shapes_finish_with_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let mut long_list = String::from("register r {\n  data ");
    for i in 0..50_000 {
        let _ = write!(long_list, "d{i}, ");
    }
    long_list.push_str("last\n}\n");
    let shapes = [
        ("one-long-line.reg", "x".repeat(4_000_000)),
        ("quotes.reg", "\"".repeat(1_000_000)),
        ("braces.reg", "}\n".repeat(200_000)),
        ("opens.reg", "{".repeat(200_000)),
        ("long-list.reg", long_list),
        (
            "unclosed-block-text.reg",
            format!(
                "register r {{\n  title en \"\"\"\n{}",
                "line\n".repeat(100_000)
            ),
        ),
    ];
    for (name, text) in &shapes {
        std::fs::write(dir.path().join(name), text).unwrap();
        let out = regc(dir.path(), &["check", name]);
        assert_reported(&out);
        assert!(
            stdout(&out).contains(&format!("{name}:")),
            "{name}: {}",
            stdout(&out)
        );
    }
}

#[test]
fn imports_obey_the_file_size_limit_too() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("main.reg"), "use \"big.reg\"\n").unwrap();
    let big = format!("controller c {{\n  name \"{}\"\n}}\n", "x".repeat(5000));
    std::fs::write(dir.path().join("big.reg"), big).unwrap();
    let out = regc(dir.path(), &["check", "--max-file-size", "300", "main.reg"]);
    assert_reported(&out);
    let text = stdout(&out);
    assert!(text.contains("error[import-too-large]"), "{text}");
    assert!(text.contains("main.reg:1:5"), "{text}");
    assert!(text.contains("--max-file-size"), "{text}");
}

#[cfg(unix)]
#[test]
fn a_named_pipe_in_a_folder_is_skipped_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.reg"),
        "controller c {\n  name \"C\"\n}\n",
    )
    .unwrap();
    let made = Command::new("mkfifo")
        .arg(dir.path().join("pipe.reg"))
        .status()
        .unwrap();
    assert!(made.success());
    let out = regc(dir.path(), &["check", "."]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("pipe.reg` is not a regular file"),
        "{}",
        stdout(&out)
    );
    // Named on the command line, it is refused too rather than waited on.
    let out = regc(dir.path(), &["check", "pipe.reg", "a.reg"]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(
        stdout(&out)
            .contains("`pipe.reg` is not a regular file (a pipe, a socket or a device); not read"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_root_that_is_not_a_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.reg"),
        "controller c {\n  name \"C\"\n}\n",
    )
    .unwrap();
    for root in ["missing", "a.reg"] {
        let out = regc(dir.path(), &["check", "--root", root, "a.reg"]);
        assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
        assert!(
            stdout(&out).contains(&format!("`--root {root}` is not a folder")),
            "{}",
            stdout(&out)
        );
    }
}

#[test]
fn terminal_escapes_in_a_file_do_not_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("esc.reg"),
        "controller c {\n  name \"\u{1b}]0;pwned\u{7}\u{1b}[2J\" \u{1b}[31m\n}\n",
    )
    .unwrap();
    let out = regc(dir.path(), &["check", "esc.reg"]);
    assert_reported(&out);
    let text = stdout(&out);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text:?}"
    );
    assert!(
        text.contains("\\u{1b}"),
        "the message names the character: {text}"
    );
    assert!(text.contains("esc.reg:2:"), "{text}");
}

/// A NUL byte in a text is refused like every invisible control character.
#[test]
fn a_nul_byte_in_a_text_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("nul.reg"),
        "controller c {\n  name \"C\0Oy\"\n}\n",
    )
    .unwrap();
    let out = regc(dir.path(), &["check", "nul.reg"]);
    assert_reported(&out);
    let text = stdout(&out);
    assert!(text.contains("error[control-character]"), "{text}");
    assert!(
        text.contains("U+0000") && text.contains("nul.reg:2:8"),
        "{text}"
    );
}

/// Old Mac line endings (a carriage return alone) and a mix of endings are line breaks,
/// as in every editor: lines and columns are right.
#[test]
fn carriage_returns_alone_end_lines() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("cr.reg"),
        "register r {\r  titel en \"T\"\r}\r",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("mixed.reg"),
        "register r {\r\n  title en \"T\"\n\r  titel en \"T\"\r}\n",
    )
    .unwrap();
    for (file, place) in [("cr.reg", "cr.reg:2:3"), ("mixed.reg", "mixed.reg:4:3")] {
        let out = regc(dir.path(), &["check", file]);
        assert_reported(&out);
        let text = stdout(&out);
        assert!(text.contains("unknown keyword `titel`"), "{text}");
        assert!(text.contains(place), "{place}: {text}");
    }
}

/// A file name is data too: escapes in it are written out, in diagnostics, in the list of
/// problems and in what `fmt` and `build` say.
#[cfg(unix)]
#[test]
fn terminal_escapes_in_a_file_name_do_not_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let name = "bad\u{1b}]0;pwned\u{7}\nname.reg";
    std::fs::write(dir.path().join(name), "register r {\n  titel en \"T\"\n}\n").unwrap();
    for args in [&["check", "."][..], &["fmt", "--check", "."]] {
        let out = regc(dir.path(), args);
        let text = stdout(&out);
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{args:?}: {text:?}"
        );
        assert!(text.contains("bad\\u{1b}]0;pwned"), "{args:?}: {text}");
    }
}

/// However much is wrong, the human report stays readable: at most `--max-diagnostics`
/// drawn per file (and four times that in all), then how many more; a megabyte-long
/// token is quoted by its start. Machine formats list every finding.
#[test]
fn output_is_bounded_however_much_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let mut many = String::from("register r {\n");
    for _ in 0..2_000 {
        many.push_str("  foo bar\n");
    }
    many.push_str("}\n");
    std::fs::write(dir.path().join("many.reg"), &many).unwrap();
    for i in 0..5 {
        std::fs::write(dir.path().join(format!("more{i}.reg")), &many).unwrap();
    }
    let token = "a".repeat(1_000_000);
    std::fs::write(
        dir.path().join("token.reg"),
        format!("register r {{\n  languages {token}\n  controller {token}\n}}\n"),
    )
    .unwrap();

    let one = regc(dir.path(), &["check", "many.reg"]);
    assert_reported(&one);
    let text = stdout(&one);
    assert_eq!(text.matches("error[unknown-keyword]").count(), 50);
    assert!(
        text.contains("… and 1950 more in many.reg (`--max-diagnostics 0` draws every one)"),
        "{}",
        &text[text.len().saturating_sub(400)..]
    );
    assert!(text.ends_with("2000 errors, 0 warnings in 1 of 1 file\n"));

    let all = regc(dir.path(), &["check", "--max-diagnostics", "10", "."]);
    let text = stdout(&all);
    assert_eq!(
        text.matches("error[").count(),
        40,
        "four times the cap in all"
    );
    assert!(text.contains("more in 3 other files"), "{text}");

    let every = regc(dir.path(), &["check", "--max-diagnostics", "0", "many.reg"]);
    assert_eq!(
        stdout(&every).matches("error[unknown-keyword]").count(),
        2_000
    );
    let json = regc(dir.path(), &["check", "--format", "json", "many.reg"]);
    assert_eq!(
        stdout(&json)
            .matches("\"code\": \"unknown-keyword\"")
            .count(),
        2_000
    );

    let token = regc(dir.path(), &["check", "token.reg"]);
    assert_reported(&token);
    assert!(
        stdout(&token).len() < 20_000,
        "{} bytes for two bad tokens",
        stdout(&token).len()
    );
    let json = regc(dir.path(), &["check", "--format", "json", "token.reg"]);
    assert!(
        stdout(&json).len() < 20_000,
        "{} bytes",
        stdout(&json).len()
    );
}

#[cfg(unix)]
#[test]
fn written_files_keep_their_mode_and_new_ones_are_readable() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let dir = tempfile::tempdir().unwrap();
    // What any new file gets here (0666 less the umask).
    std::fs::write(dir.path().join("probe"), "").unwrap();
    let usual = mode(&dir.path().join("probe"));

    let messy = dir.path().join("messy.reg");
    std::fs::write(&messy, "controller   c {\n  name \"C\"\n}\n").unwrap();
    std::fs::set_permissions(&messy, std::fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::symlink(&messy, dir.path().join("link.reg")).unwrap();
    let out = regc(dir.path(), &["fmt", "link.reg"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        std::fs::symlink_metadata(dir.path().join("link.reg"))
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    assert_eq!(
        std::fs::read_to_string(&messy).unwrap(),
        "controller c {\n  name \"C\"\n}\n"
    );
    assert_eq!(mode(&messy), 0o640, "fmt keeps the mode");

    std::fs::write(
        dir.path().join("r.reg"),
        "register r {\n  title en \"R\"\n  languages en\n}\n",
    )
    .unwrap();
    let site = dir.path().join("site");
    let out = regc(
        dir.path(),
        &["build", "--allow-incomplete", "r.reg", "--out", "site"],
    );
    assert_ne!(out.status.code(), Some(2), "{}", stdout(&out));
    let mut files = Vec::new();
    let mut dirs = vec![site];
    while let Some(d) = dirs.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                files.push(path);
            }
        }
    }
    assert!(files.len() >= 3, "{files:?}");
    for file in files {
        assert_eq!(mode(&file), usual, "{}", file.display());
    }
}

#[test]
fn fmt_check_of_standard_input_prints_nothing_and_says_by_its_exit_code() {
    use std::io::Write;
    let run = |input: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_regc"))
            .args(["fmt", "--check", "-"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let clean = run("controller c {\n  name \"C\"\n}\n");
    assert_eq!(clean.status.code(), Some(0));
    assert!(clean.stdout.is_empty());
    let messy = run("controller   c {\r\n  name \"C\"\r\n}\r\n");
    assert_eq!(messy.status.code(), Some(1));
    assert!(messy.stdout.is_empty());
}
