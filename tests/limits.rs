//! End-to-end: every limit on hostile input, through the binary. Each input gets a clear
//! diagnostic (file:line:col, a help line) and exit 1 or 2, never a crash or a hang.
//! The file-size limit, imports leaving the project and symlink loops in a directory walk
//! are tested in `cli.rs` (`files_over_the_size_limit_…`, `imports_cannot_leave_…`,
//! `a_symlink_loop_does_not_hang`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

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
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("deep.reg"),
        "register r {\n".repeat(100_000),
    )
    .unwrap();
    let out = regc(dir.path(), &["check", "deep.reg"]);
    assert_reported(&out);
    let text = stdout(&out);
    assert!(
        text.contains("error[nesting-too-deep]: blocks are nested more than 32 deep"),
        "{text}"
    );
    assert!(
        text.contains("deep.reg:33:"),
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
