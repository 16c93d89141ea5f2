//! End-to-end: `regc build` of notices — layouts, determinism across machines' settings,
//! `--check`, drafts (`--allow-incomplete`), and a failed build that leaves the previous output intact.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

fn regc(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_regc"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(
                    p.strip_prefix(dir)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/"),
                    std::fs::read(&p).unwrap(),
                );
            }
        }
    }
    out
}

fn build(out: &Path, extra: &[&str], env: &[(&str, &str)]) -> Output {
    let mut args = vec![
        "build",
        "--allow-incomplete",
        "--today",
        "2026-11-23",
        "examples/",
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend(extra);
    regc(&args, env)
}

#[test]
fn the_flat_layout_writes_html_markdown_and_json_per_register_and_language() {
    let dir = tempfile::tempdir().unwrap();
    let out = build(dir.path(), &[], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let files: Vec<String> = tree(dir.path()).into_keys().collect();
    for expected in [
        "customers/fi/index.html",
        "customers/fi/index.md",
        "customers.json",
        "studio-m-customers/sv/index.html",
        "ptstudio-users/en/index.html",
    ] {
        assert!(
            files.contains(&expected.to_string()),
            "{expected} missing from {files:?}"
        );
    }
    let fi = std::fs::read_to_string(dir.path().join("customers/fi/index.html")).unwrap();
    assert!(fi.starts_with("<!doctype html>\n<html lang=\"fi\">"));
    assert!(fi.contains("Tietosuojavaltuutetun toimisto"));
    let sv = std::fs::read_to_string(dir.path().join("studio-m-customers/sv/index.html")).unwrap();
    assert!(
        sv.contains("Integritetsskyddsmyndigheten"),
        "the current name of the Swedish authority"
    );
    assert!(!sv.contains(">Datainspektionen<"));
}

#[test]
fn site_generator_layouts_put_files_where_they_expect_them() {
    for (layout, md, json, front) in [
        (
            "hugo",
            "content/privacy/customers.fi.md",
            "data/registers/customers.json",
            "---\n",
        ),
        (
            "zola",
            "content/privacy/customers.fi.md",
            "data/registers/customers.json",
            "+++\n",
        ),
        (
            "jekyll",
            "privacy/customers/fi.md",
            "_data/registers/customers.json",
            "---\n",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let out = build(dir.path(), &["--layout", layout], &[]);
        assert_eq!(out.status.code(), Some(0), "{layout}: {}", stdout(&out));
        let files = tree(dir.path());
        assert!(
            files.contains_key(json),
            "{layout}: {json} in {:?}",
            files.keys().collect::<Vec<_>>()
        );
        let text = String::from_utf8(files.get(md).cloned().unwrap_or_default()).unwrap();
        assert!(
            text.starts_with(front),
            "{layout}: {md} starts with its front matter"
        );
        assert!(
            !files.keys().any(|k| k.ends_with(".html")),
            "{layout}: the site generator renders the HTML"
        );
    }
}

#[test]
fn builds_are_byte_identical_whatever_the_locale_and_time_zone() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    assert_eq!(
        build(a.path(), &[], &[("LANG", "C"), ("TZ", "UTC")])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        build(
            b.path(),
            &[],
            &[
                ("LANG", "fi_FI.UTF-8"),
                ("LC_ALL", "sv_SE.UTF-8"),
                ("TZ", "Pacific/Kiritimati")
            ]
        )
        .status
        .code(),
        Some(0)
    );
    assert_eq!(tree(a.path()), tree(b.path()));
}

/// However the folder is spelled and wherever regc runs, the output is the same: a
/// register's `source` is its path inside the project.
#[test]
fn builds_do_not_depend_on_how_paths_are_spelled_or_where_regc_runs() {
    let dir = tempfile::tempdir().unwrap();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let spellings: [(&Path, String); 3] = [
        (
            Path::new(env!("CARGO_MANIFEST_DIR")),
            "examples".to_string(),
        ),
        (
            Path::new(env!("CARGO_MANIFEST_DIR")),
            "./examples//".to_string(),
        ),
        (dir.path(), examples.display().to_string()),
    ];
    let mut trees = Vec::new();
    for (i, (cwd, path)) in spellings.iter().enumerate() {
        let out = dir.path().join(format!("out{i}"));
        let run = Command::new(env!("CARGO_BIN_EXE_regc"))
            .args([
                "build",
                "--allow-incomplete",
                "--today",
                "2026-11-23",
                path,
                "--out",
            ])
            .arg(&out)
            .current_dir(cwd)
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(0), "{}", stdout(&run));
        trees.push(tree(&out));
    }
    assert_eq!(trees[0], trees[1]);
    assert_eq!(trees[0], trees[2]);
    let json = String::from_utf8(trees[0]["customers.json"].clone()).unwrap();
    assert!(json.contains("\"source\": \"pro-stories.reg\""), "{json}");
    let nested = String::from_utf8(trees[0]["customers-complete.json"].clone()).unwrap();
    assert!(nested.contains("\"source\": \"complete/pro-stories.reg\""));
}

#[test]
fn check_reports_stale_notices_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(build(dir.path(), &[], &[]).status.code(), Some(0));
    let fresh = build(dir.path(), &["--check"], &[]);
    assert_eq!(fresh.status.code(), Some(0), "{}", stdout(&fresh));
    let page = dir.path().join("customers/fi/index.html");
    std::fs::write(&page, "edited by hand").unwrap();
    let stale = build(dir.path(), &["--check"], &[]);
    assert_eq!(stale.status.code(), Some(1));
    assert!(
        stdout(&stale).contains("notices are stale"),
        "{}",
        stdout(&stale)
    );
    assert!(stdout(&stale).contains("customers/fi/index.html"));
    assert_eq!(std::fs::read_to_string(&page).unwrap(), "edited by hand");
}

#[test]
fn a_failed_build_leaves_the_previous_tree_intact() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(build(dir.path(), &[], &[]).status.code(), Some(0));
    let before = tree(dir.path());
    // Change an input so every notice would change, and block one output path with a
    // folder: the build must fail before it replaces anything.
    let blocked = dir.path().join("verkkopalvelu/fi/index.html");
    std::fs::remove_file(&blocked).unwrap();
    std::fs::create_dir(&blocked).unwrap();
    let mut expected = before.clone();
    expected.remove("verkkopalvelu/fi/index.html");
    let out = regc(
        &[
            "build",
            "--allow-incomplete",
            "--today",
            "2027-01-01",
            "examples/",
            "--out",
            dir.path().to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("nothing was changed"),
        "{}",
        stdout(&out)
    );
    assert_eq!(tree(dir.path()), expected, "no file was replaced");
    let name = dir
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let beside = dir.path().parent().unwrap();
    let left: Vec<_> = std::fs::read_dir(beside)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&format!(".{name}.regc-")))
        .collect();
    assert!(
        left.is_empty(),
        "a failed build leaves no folders: {left:?}"
    );
}

/// By default a register with errors is not published: the build names it, where it is
/// and each error, writes the others, and exits 1.
#[test]
fn registers_with_errors_are_not_published_and_are_named_with_their_errors() {
    let dir = tempfile::tempdir().unwrap();
    let out = regc(
        &[
            "build",
            "--today",
            "2026-11-23",
            "examples/",
            "--out",
            dir.path().to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains(
            "not published: register `verkkopalvelu` (examples/verkkopalvelu.reg:9:1) has 3 errors:"
        ),
        "{said}"
    );
    assert!(
        said.contains("  examples/verkkopalvelu.reg:9:10: error[C001] register `verkkopalvelu` names no controller"),
        "{said}"
    );
    assert!(said.contains("6 registers not published"), "{said}");
    assert!(said.contains("--allow-incomplete"), "{said}");
    let files = tree(dir.path());
    assert!(!files.contains_key("verkkopalvelu.json"));
    assert!(!files.contains_key("verkkopalvelu/fi/index.html"));
    assert!(files.contains_key("customers-complete/en/index.html"));
    assert!(
        stdout(&out).contains("wrote 2 registers"),
        "{}",
        stdout(&out)
    );
}

/// `--allow-incomplete` publishes them as drafts: a banner on the page, `noindex` for
/// search engines, `draft` for site generators; exit 0.
#[test]
fn allow_incomplete_publishes_drafts_marked_as_such() {
    let flat = tempfile::tempdir().unwrap();
    let out = build(flat.path(), &[], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("6 registers published as drafts"));
    let files = tree(flat.path());
    let draft = String::from_utf8(files["verkkopalvelu/fi/index.html"].clone()).unwrap();
    assert!(
        draft.contains("<meta name=\"robots\" content=\"noindex\">"),
        "{draft}"
    );
    assert!(
        draft.contains("<p class=\"regc-draft\" role=\"note\"><strong>Luonnos:"),
        "{draft}"
    );
    let md = String::from_utf8(files["verkkopalvelu/fi/index.md"].clone()).unwrap();
    assert!(md.contains("\n> Luonnos:"), "{md}");
    let complete = String::from_utf8(files["customers-complete/en/index.html"].clone()).unwrap();
    assert!(!complete.contains("name=\"robots\"") && !complete.contains("<p class=\"regc-draft\""));

    let hugo = tempfile::tempdir().unwrap();
    let out = build(hugo.path(), &["--layout", "hugo"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let files = tree(hugo.path());
    let md = String::from_utf8(files["content/privacy/verkkopalvelu.fi.md"].clone()).unwrap();
    assert!(
        md.contains("\ndraft: true\n") && md.contains("\nrobots: \"noindex\"\n"),
        "{md}"
    );
    let md = String::from_utf8(files["content/privacy/customers-complete.en.md"].clone()).unwrap();
    assert!(!md.contains("draft:"), "{md}");
}

/// A build of many registers under a low limit on open files: each staged file is closed
/// once written, so the number of files a build may write does not depend on that limit.
#[cfg(unix)]
#[test]
fn a_build_of_many_files_stays_within_a_low_open_files_limit() {
    let dir = tempfile::tempdir().unwrap();
    let regs = dir.path().join("regs");
    std::fs::create_dir_all(&regs).unwrap();
    let mut text = String::from(
        "controller c {\n  name \"C Oy\"\n  country FI\n  email \"info@c.example\"\n}\n",
    );
    for i in 0..300 {
        text.push_str(&format!(
            "register r{i} {{\n  title en \"Register {i}\"\n  languages en\n  controller c\n}}\n"
        ));
    }
    std::fs::write(regs.join("all.reg"), text).unwrap();
    let out = dir.path().join("site");
    // 300 registers write 900 files (and the manifest); 64 descriptors are far fewer.
    let script = format!(
        "ulimit -n 64 && exec '{}' build --allow-incomplete --today 2026-11-23 regs --out site",
        env!("CARGO_BIN_EXE_regc")
    );
    let run = Command::new("sh")
        .arg("-c")
        .arg(&script)
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(
        run.status.code(),
        Some(0),
        "stdout:\n{}\nstderr:\n{}",
        stdout(&run),
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(tree(&out).len(), 901);
}

/// A folder of `n` small registers in one file; `version` changes every title, so two
/// versions differ in every output. Registers `skip..` are left out.
fn corpus(dir: &Path, n: usize, version: &str, skip: usize) {
    std::fs::create_dir_all(dir).unwrap();
    let mut text = String::from(
        "controller c {\n  name \"C Oy\"\n  country FI\n  email \"info@c.example\"\n}\n",
    );
    for i in (0..n).filter(|i| *i < skip || *i % 7 != 0) {
        text.push_str(&format!(
            "register r{i} {{\n  title en \"Register {i} {version}\"\n  languages en, fi\n  controller c\n}}\n"
        ));
    }
    std::fs::write(dir.join("all.reg"), text).unwrap();
}

fn build_into(regs: &Path, out: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_regc"));
    cmd.args(["build", "--allow-incomplete", "--today", "2026-11-23"])
        .arg(regs)
        .arg("--out")
        .arg(out)
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    cmd
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".regc-") && n != ".regc-manifest")
        .collect()
}

#[test]
fn a_build_keeps_files_it_did_not_write_and_removes_outputs_of_removed_registers() {
    let dir = tempfile::tempdir().unwrap();
    let (regs, out) = (dir.path().join("regs"), dir.path().join("site"));
    corpus(&regs, 20, "one", 20);
    assert!(build_into(&regs, &out).output().unwrap().status.success());
    std::fs::write(out.join("index.html"), "the site's own page").unwrap();
    std::fs::create_dir_all(out.join("assets/empty")).unwrap();
    std::fs::write(out.join("r1/own.txt"), "kept beside a notice").unwrap();
    // Registers 0, 7 and 14 go away.
    corpus(&regs, 20, "one", 0);
    let run = build_into(&regs, &out).output().unwrap();
    assert!(run.status.success(), "{}", stdout(&run));
    assert!(
        stdout(&run).contains("(0 files changed; removed 15 files of registers no longer built)"),
        "{}",
        stdout(&run)
    );
    let files = tree(&out);
    assert_eq!(files["index.html"], b"the site's own page");
    assert_eq!(files["r1/own.txt"], b"kept beside a notice");
    assert!(
        out.join("assets/empty").is_dir(),
        "an empty folder of the site's stays"
    );
    assert!(files.contains_key("r1/en/index.html"));
    for gone in ["r0", "r7", "r14"] {
        assert!(
            !out.join(gone).exists(),
            "{gone}/ and its folders are removed"
        );
        assert!(!files.contains_key(&format!("{gone}.json")));
    }
    let manifest = std::str::from_utf8(&files[".regc-manifest"]).unwrap();
    assert!(manifest.contains("\nr1.json\n") && !manifest.contains("\nr7.json\n"));
    assert!(!manifest.contains("index.html\nindex.html"), "{manifest}");
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
    // `--check` sees a removal to come as a stale file.
    corpus(&regs, 20, "one", 20);
    let check = build_into(&regs, &out).arg("--check").output().unwrap();
    assert_eq!(check.status.code(), Some(1), "{}", stdout(&check));
    corpus(&regs, 20, "one", 0);
    std::fs::write(out.join("r7.json"), "{}").unwrap();
    std::fs::write(out.join(".regc-manifest"), "r7.json\n../outside\n").unwrap();
    std::fs::write(dir.path().join("outside"), "not regc's").unwrap();
    let check = build_into(&regs, &out).arg("--check").output().unwrap();
    assert!(
        stdout(&check).contains("r7.json (no register writes it any more)"),
        "{}",
        stdout(&check)
    );
    assert!(build_into(&regs, &out).output().unwrap().status.success());
    assert!(!out.join("r7.json").exists());
    assert_eq!(
        std::fs::read(dir.path().join("outside")).unwrap(),
        b"not regc's",
        "a manifest cannot make a build touch files outside `--out`"
    );
}

#[test]
fn a_build_into_the_current_folder_is_refused_with_a_way_out() {
    let dir = tempfile::tempdir().unwrap();
    corpus(&dir.path().join("regs"), 2, "one", 2);
    let run = Command::new(env!("CARGO_BIN_EXE_regc"))
        .args(["build", "--allow-incomplete", "regs", "--out", "."])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(
        stdout(&run).contains("holds the current folder"),
        "{}",
        stdout(&run)
    );
    assert!(stdout(&run).contains("help: run regc from outside it"));
}

/// Two builds into one folder at once: the second waits for the first, and the folder
/// ends as one build left it, never a mix of both.
#[cfg(unix)]
#[test]
fn two_builds_into_one_folder_take_turns() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, out) = (
        dir.path().join("a"),
        dir.path().join("b"),
        dir.path().join("site"),
    );
    corpus(&a, 300, "a", 300);
    corpus(&b, 300, "b", 0);
    let states: Vec<_> = [&a, &b]
        .iter()
        .map(|regs| {
            let alone = dir.path().join("alone");
            assert!(build_into(regs, &alone).output().unwrap().status.success());
            let state = tree(&alone);
            std::fs::remove_dir_all(&alone).unwrap();
            state
        })
        .collect();
    for _ in 0..3 {
        let first = build_into(&a, &out).spawn().unwrap();
        let second = build_into(&b, &out).spawn().unwrap();
        for child in [first, second] {
            let run = child.wait_with_output().unwrap();
            assert!(run.status.success(), "{}", stdout(&run));
        }
        let now = tree(&out);
        assert!(
            now == states[0] || now == states[1],
            "the folder is a mix of two builds"
        );
    }
}

/// The crash test: builds killed (SIGKILL) at random moments leave the folder in the old
/// state or the new one, never a mix, and no temporary file inside it; the next build
/// removes what a killed one left beside it. `REGC_KILLS` (default 10) and
/// `REGC_KILL_REGISTERS` (default 200) scale it; `docs/testing.md` has the long run.
#[cfg(unix)]
#[test]
fn builds_killed_at_random_moments_leave_the_old_or_the_new_folder() {
    let env = |name: &str, default: usize| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let (kills, registers) = (env("REGC_KILLS", 10), env("REGC_KILL_REGISTERS", 200));
    let dir = tempfile::tempdir().unwrap();
    let (old, new, out) = (
        dir.path().join("old"),
        dir.path().join("new"),
        dir.path().join("site"),
    );
    corpus(&old, registers, "old", registers);
    corpus(&new, registers, "new", 0);
    let reference = |regs: &Path| {
        let alone = dir.path().join("alone");
        assert!(build_into(regs, &alone).output().unwrap().status.success());
        let state = tree(&alone);
        std::fs::remove_dir_all(&alone).unwrap();
        state
    };
    let (old_state, new_state) = (reference(&old), reference(&new));
    let started = std::time::Instant::now();
    assert!(build_into(&old, &out).output().unwrap().status.success());
    assert!(build_into(&new, &out).output().unwrap().status.success());
    let duration = started.elapsed().as_micros() as u64;
    // xorshift: the same kill times on every run.
    let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
    let (mut saw_old, mut saw_new) = (0, 0);
    for kill in 0..kills {
        if tree(&out) != old_state {
            assert!(build_into(&old, &out).output().unwrap().status.success());
        }
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = seed % duration.max(1);
        let mut child = build_into(&new, &out).spawn().unwrap();
        std::thread::sleep(std::time::Duration::from_micros(delay));
        let _ = child.kill();
        let _ = child.wait();
        let now = tree(&out);
        if now == old_state {
            saw_old += 1;
        } else if now == new_state {
            saw_new += 1;
        } else {
            panic!("kill {kill} after {delay} µs left a mix of the old and the new folder");
        }
        assert!(leftovers(&out).is_empty(), "{:?}", leftovers(&out));
    }
    assert!(build_into(&new, &out).output().unwrap().status.success());
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
    eprintln!("{kills} kills: {saw_old} left the old folder, {saw_new} the new one; 0 mixed");
}

/// Unmounts the file system of a test when dropped, even if the test fails.
struct Mounted(std::path::PathBuf);

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// A disk that fills up during a build: the build fails with a message, the previous output
/// is untouched and nothing is left beside it. Needs a small tmpfs, so it runs where the
/// tests may mount one (as root, as in CI) and says it skipped otherwise.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_fails_the_build_and_leaves_the_old_output_alone() {
    let dir = tempfile::tempdir().unwrap();
    let disk = dir.path().join("disk");
    std::fs::create_dir(&disk).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=200k", "tmpfs"])
        .arg(&disk)
        .output();
    if !mounted.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: cannot mount a tmpfs here");
        return;
    }
    let _unmount = Mounted(disk.clone());
    let (small, big, out) = (
        dir.path().join("small"),
        dir.path().join("big"),
        disk.join("site"),
    );
    corpus(&small, 3, "small", 3);
    corpus(&big, 400, "big", 400);
    assert!(build_into(&small, &out).output().unwrap().status.success());
    let before = tree(&out);
    let run = build_into(&big, &out).output().unwrap();
    assert_eq!(run.status.code(), Some(2), "{}", stdout(&run));
    assert!(
        stdout(&run).contains("nothing was changed"),
        "{}",
        stdout(&run)
    );
    assert!(
        stdout(&run).contains("No space left on device"),
        "{}",
        stdout(&run)
    );
    assert_eq!(tree(&out), before);
    let names: Vec<String> = std::fs::read_dir(&disk)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["site"], "nothing is left beside the output");
}

/// Without a chosen date the files carry none: a build today and one on any later day give
/// the same bytes (unless a fact changes state between them, which the notice must say).
#[test]
fn outputs_carry_a_date_only_when_one_was_chosen() {
    let without_date = |files: BTreeMap<String, Vec<u8>>| -> BTreeMap<String, String> {
        files
            .into_iter()
            .map(|(path, bytes)| {
                let text = String::from_utf8(bytes).unwrap();
                let kept: Vec<&str> = text
                    .lines()
                    .filter(|l| !l.trim_start().starts_with("\"check_date\""))
                    .collect();
                (path, kept.join("\n"))
            })
            .collect()
    };
    let days: Vec<BTreeMap<String, Vec<u8>>> = ["2026-11-23", "2026-12-24"]
        .iter()
        .map(|day| {
            let dir = tempfile::tempdir().unwrap();
            let out = regc(
                &[
                    "build",
                    "--allow-incomplete",
                    "--today",
                    day,
                    "examples/",
                    "--out",
                ]
                .into_iter()
                .chain([dir.path().to_str().unwrap()])
                .collect::<Vec<_>>(),
                &[],
            );
            assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
            tree(dir.path())
        })
        .collect();
    let json = String::from_utf8(days[1]["customers.json"].clone()).unwrap();
    assert!(json.contains("\"check_date\": \"2026-12-24\""), "{json}");
    assert_eq!(without_date(days[0].clone()), without_date(days[1].clone()));

    let clock = tempfile::tempdir().unwrap();
    let run = regc(
        &[
            "build",
            "--allow-incomplete",
            "examples/",
            "--out",
            clock.path().to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(run.status.code(), Some(0), "{}", stdout(&run));
    let clock = tree(clock.path());
    for (path, bytes) in &clock {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains("check_date"),
            "{path} carries the clock's date"
        );
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        .to_string();
    let epoch = tempfile::tempdir().unwrap();
    let run = regc(
        &[
            "build",
            "--allow-incomplete",
            "examples/",
            "--out",
            epoch.path().to_str().unwrap(),
        ],
        &[("SOURCE_DATE_EPOCH", &now)],
    );
    assert_eq!(run.status.code(), Some(0), "{}", stdout(&run));
    let epoch = tree(epoch.path());
    let json = String::from_utf8(epoch["customers.json"].clone()).unwrap();
    assert!(
        json.contains("\"check_date\""),
        "SOURCE_DATE_EPOCH is a chosen date"
    );
    assert_eq!(without_date(clock), without_date(epoch));
}

#[test]
fn a_malformed_source_date_epoch_is_refused_with_help() {
    let dir = tempfile::tempdir().unwrap();
    let run = regc(
        &["build", "examples/", "--out", dir.path().to_str().unwrap()],
        &[("SOURCE_DATE_EPOCH", "yesterday")],
    );
    assert_eq!(run.status.code(), Some(2), "{}", stdout(&run));
    let said = format!("{}{}", stdout(&run), String::from_utf8_lossy(&run.stderr));
    assert!(said.contains("SOURCE_DATE_EPOCH is `yesterday`"), "{said}");
    assert!(said.contains("help:"), "{said}");
    assert!(!dir.path().join("customers.json").exists());
}
