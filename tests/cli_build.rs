//! End-to-end: `regc build` of notices — layouts, determinism across machines' settings,
//! `--check`, `--strict`, and a failed build that leaves the previous output intact.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

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
}

#[test]
fn strict_builds_skip_registers_with_completeness_errors_and_fail() {
    let dir = tempfile::tempdir().unwrap();
    let out = build(dir.path(), &["--strict"], &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let files = tree(dir.path());
    assert!(
        !files.contains_key("verkkopalvelu.json"),
        "seed 003 has no controller: not published"
    );
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
    // 300 registers write 900 files; 64 descriptors are far fewer than that.
    let script = format!(
        "ulimit -n 64 && exec '{}' build --today 2026-11-23 regs --out site",
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
    assert_eq!(tree(&out).len(), 900);
}
