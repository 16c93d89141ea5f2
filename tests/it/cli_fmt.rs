//! End-to-end: `regc fmt` in place, `--check`, `-`, and files it must not touch.

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

/// What an interrupted run left (`.<file>.regc-fmt-…`) is removed by the next run in that
/// folder; `--check` changes nothing, not even that.
#[test]
fn temporary_files_of_an_interrupted_run_are_removed_by_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.reg");
    std::fs::write(&file, TIDY).unwrap();
    let stale = dir.path().join(".a.reg.regc-fmt-Xy12ab");
    std::fs::write(&stale, "half").unwrap();
    let check = regc(&["fmt", "--check", dir.path().to_str().unwrap()], None);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    assert!(stale.exists(), "--check writes and removes nothing");
    let run = regc(&["fmt", dir.path().to_str().unwrap()], None);
    assert_eq!(run.status.code(), Some(0), "{}", stdout(&run));
    assert!(!stale.exists());
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "only a.reg is left");
}

/// A read-only file and another user's file are not replaced unless forced; with
/// `--force`, they keep their mode and owner.
#[cfg(unix)]
#[test]
fn read_only_files_and_other_users_files_need_force() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ro.reg");
    std::fs::write(&file, MESSY).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
    let run = regc(&["fmt", file.to_str().unwrap()], None);
    assert_eq!(run.status.code(), Some(2), "{}", stdout(&run));
    assert!(
        stdout(&run).contains("is read-only; not formatted"),
        "{}",
        stdout(&run)
    );
    assert!(stdout(&run).contains("help: make it writable, or pass `--force`"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), MESSY);
    let forced = regc(&["fmt", "--force", file.to_str().unwrap()], None);
    assert_eq!(forced.status.code(), Some(0), "{}", stdout(&forced));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), TIDY);
    assert_eq!(std::fs::metadata(&file).unwrap().mode() & 0o777, 0o444);

    // Another user's file: only root can make one here.
    let theirs = dir.path().join("theirs.reg");
    std::fs::write(&theirs, MESSY).unwrap();
    if std::os::unix::fs::chown(&theirs, Some(4321), Some(4321)).is_err() {
        return;
    }
    let run = regc(&["fmt", theirs.to_str().unwrap()], None);
    assert_eq!(run.status.code(), Some(2), "{}", stdout(&run));
    assert!(
        stdout(&run).contains("belongs to another user"),
        "{}",
        stdout(&run)
    );
    let forced = regc(&["fmt", "--force", theirs.to_str().unwrap()], None);
    assert_eq!(forced.status.code(), Some(0), "{}", stdout(&forced));
    let meta = std::fs::metadata(&theirs).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (4321, 4321), "the owner stays");
    assert_eq!(std::fs::read_to_string(&theirs).unwrap(), TIDY);
}

/// Hard links stay one file; a link found in a folder that leads out of it is not
/// followed (a file named on the command line is formatted wherever its link leads).
#[cfg(unix)]
#[test]
fn hard_links_stay_linked_and_links_out_of_the_folder_are_not_followed() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let inside = dir.path().join("regs");
    std::fs::create_dir(&inside).unwrap();
    let a = inside.join("a.reg");
    std::fs::write(&a, MESSY).unwrap();
    let b = dir.path().join("b.reg");
    std::fs::hard_link(&a, &b).unwrap();
    let outside = dir.path().join("outside.reg");
    std::fs::write(&outside, MESSY).unwrap();
    std::os::unix::fs::symlink(&outside, inside.join("link.reg")).unwrap();

    let run = regc(&["fmt", inside.to_str().unwrap()], None);
    assert_eq!(run.status.code(), Some(0), "{}", stdout(&run));
    assert!(
        stdout(&run).contains("link.reg` is a link to") && stdout(&run).contains("not formatted"),
        "{}",
        stdout(&run)
    );
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), MESSY);
    assert_eq!(
        std::fs::read_to_string(&b).unwrap(),
        TIDY,
        "the other link sees it"
    );
    assert_eq!(
        std::fs::metadata(&a).unwrap().ino(),
        std::fs::metadata(&b).unwrap().ino()
    );
    let named = regc(&["fmt", inside.join("link.reg").to_str().unwrap()], None);
    assert_eq!(named.status.code(), Some(0), "{}", stdout(&named));
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), TIDY);
    assert!(
        inside
            .join("link.reg")
            .symlink_metadata()
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

/// SIGTERM (or Ctrl-C) in the middle of a run: the file at hand is finished, the run stops
/// with 130, no temporary file is left, and every file is either old or new.
#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_no_temporary_file_and_no_half_file() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..3000 {
        std::fs::write(dir.path().join(format!("f{i:04}.reg")), MESSY).unwrap();
    }
    let child = Command::new(env!("CARGO_BIN_EXE_regc"))
        .args(["fmt", dir.path().to_str().unwrap()])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(150));
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let out = child.wait_with_output().unwrap();
    assert!(
        matches!(out.status.code(), Some(130 | 0)),
        "{:?}: {}",
        out.status,
        stdout(&out)
    );
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(!name.contains(".regc-fmt-"), "left behind: {name}");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text == MESSY || text == TIDY, "{name} is half written");
    }
}
