//! End-to-end: the `regc` binary on good and bad input, its output and exit codes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::{Command, Output};

fn regc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_regc"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn check_of_the_examples_exits_0() {
    let out = regc(&["check", "examples/"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(stdout(&out), "5 files checked: no problems\n");
}

#[test]
fn check_of_a_bad_file_exits_1_and_points_at_the_spot() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.reg");
    std::fs::write(
        &file,
        "register r {\n  languages fi\n  updated 2018-02-30\n}\n",
    )
    .unwrap();
    let out = regc(&["check", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("error[invalid-date]"), "{text}");
    assert!(text.contains("bad.reg:3:11"), "{text}");
    assert!(text.contains("help:"), "{text}");
    assert!(
        text.ends_with("1 error, 0 warnings in 1 of 1 file\n"),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'), "colour despite NO_COLOR: {text}");
}

#[test]
fn a_directory_is_searched_recursively_in_sorted_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("b/c")).unwrap();
    std::fs::write(
        dir.path().join("b/c/z.reg"),
        "register z {\n  updated 2018-02-30\n}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("a.reg"),
        "register a {\n  languages FI\n}\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a register").unwrap();
    let out = regc(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let a = text.find("a.reg:2:13").expect("a.reg reported");
    let z = text.find("z.reg:2:11").expect("z.reg reported");
    assert!(a < z, "a.reg should come first:\n{text}");
    assert!(
        text.ends_with("2 errors, 0 warnings in 2 of 2 files\n"),
        "{text}"
    );
}

#[test]
fn a_missing_path_exits_2() {
    let out = regc(&["check", "no/such/file.reg"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).contains("cannot read `no/such/file.reg`: no such file or directory"));
}

#[test]
fn a_directory_without_reg_files_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("readme.txt"), "x").unwrap();
    let out = regc(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stdout(&out).contains("holds no .reg files"),
        "{}",
        stdout(&out)
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_does_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    std::fs::write(dir.path().join("a.reg"), "register a {\n}\n").unwrap();
    let out = regc(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn usage_errors_exit_2_and_help_shows_an_example() {
    assert_eq!(regc(&["check"]).status.code(), Some(2));
    assert_eq!(regc(&["frobnicate"]).status.code(), Some(2));
    let help = regc(&["check", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("regc check examples/"));
}

#[test]
fn non_utf8_and_empty_files_are_errors_not_crashes() {
    for case in ["076-empty.reg", "077-invalid-utf8.reg"] {
        let path = format!("tests/cases/syntax/err/{case}");
        let out = regc(&["check", &path]);
        assert_eq!(out.status.code(), Some(1), "{case}: {}", stdout(&out));
        assert!(
            stdout(&out).contains(&format!("{path}:")),
            "{case}: {}",
            stdout(&out)
        );
    }
}

/// A sample of truncations through the real binary: exit 0 or 1, never a panic (101), and
/// every error names `file:line:col`.
#[test]
fn truncated_examples_never_crash_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut runs = 0;
    for entry in std::fs::read_dir(examples).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for cut in (0..text.len())
            .step_by(397)
            .filter(|&i| text.is_char_boundary(i))
        {
            let file = dir.path().join("cut.reg");
            std::fs::write(&file, &text[..cut]).unwrap();
            let out = regc(&["check", file.to_str().unwrap()]);
            let code = out.status.code();
            assert!(
                code == Some(0) || code == Some(1),
                "cut at {cut}: exit {code:?}\n{}",
                stdout(&out)
            );
            if code == Some(1) {
                assert!(
                    stdout(&out).contains("cut.reg:"),
                    "cut at {cut}: no location\n{}",
                    stdout(&out)
                );
            }
            runs += 1;
        }
    }
    assert!(runs > 50);
}
