//! End-to-end: `regc fmt` in place, `--check`, `-`, and files it must not touch.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn regc(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_regc"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const MESSY: &str = "register   r {\n\n\n\ttitle en \"R\"   // note\n}\n";
const TIDY: &str = "register r {\n  title en \"R\" // note\n}\n";

#[test]
fn check_lists_files_that_would_change_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let messy = dir.path().join("messy.reg");
    let tidy = dir.path().join("tidy.reg");
    std::fs::write(&messy, MESSY).unwrap();
    std::fs::write(&tidy, TIDY).unwrap();
    let out = regc(&["fmt", "--check", dir.path().to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("would reformat"), "{}", stdout(&out));
    assert!(stdout(&out).contains("messy.reg") && !stdout(&out).contains("tidy.reg"));
    assert_eq!(std::fs::read_to_string(&messy).unwrap(), MESSY);

    let clean = regc(&["fmt", "--check", tidy.to_str().unwrap()], None);
    assert_eq!(clean.status.code(), Some(0), "{}", stdout(&clean));
}

#[test]
fn fmt_rewrites_in_place_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("messy.reg");
    std::fs::write(&file, MESSY).unwrap();
    assert_eq!(
        regc(&["fmt", file.to_str().unwrap()], None).status.code(),
        Some(0)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), TIDY);
    let again = regc(&["fmt", file.to_str().unwrap()], None);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(stdout(&again), "", "nothing to do the second time");
}

#[test]
fn dash_formats_stdin_to_stdout() {
    let out = regc(&["fmt", "-"], Some(MESSY));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), TIDY);
}

#[test]
fn a_file_with_errors_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.reg");
    let broken = "register r {\n   updated 2018-02-30\n";
    std::fs::write(&file, broken).unwrap();
    let out = regc(&["fmt", file.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("was not formatted"),
        "{}",
        stdout(&out)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), broken);
    let piped = regc(&["fmt", "-"], Some(broken));
    assert_eq!(piped.status.code(), Some(1));
    assert_eq!(
        stdout(&piped),
        broken,
        "an editor gets its text back unchanged"
    );
}

#[test]
fn the_examples_are_formatted() {
    let out = regc(&["fmt", "--check", "examples/"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}
