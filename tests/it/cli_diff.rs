//! `regc diff` through the binary: two folders, a git revision against the working tree,
//! the three formats, `--fail-on`, and versions that cannot be compared.

use std::path::Path;
use std::process::{Command, Output};

fn regc(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_regc"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const COMMON: &str = "controller acme {\n  name \"Acme Oy\"\n  country FI\n}\n";

const CUSTOMERS: &str = r#"use "common.reg"

register customers {
  title en "Customers"
  controller acme
  purpose billing {
    text en "Invoices."
    basis contract
    data name
  }
  data name
  recipients none
  transfers none
  retention 2 years after last-contact
}
"#;

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::create_dir_all(dir.join(name).parent().unwrap()).unwrap();
    std::fs::write(dir.join(name), text).unwrap();
}

#[test]
fn two_folders_compared_with_each_change_classified() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "old/common.reg", COMMON);
    write(dir.path(), "old/customers.reg", CUSTOMERS);
    write(dir.path(), "new/common.reg", COMMON);
    let changed = CUSTOMERS
        .replace("basis contract", "basis consent")
        .replace("retention 2 years", "retention 1 year");
    write(dir.path(), "new/customers.reg", &changed);
    let out = regc(dir.path(), &["diff", "old", "new"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("register `customers`\n  material   the legal basis of purpose `billing` changed: contract → consent (Art. 13(1)(c)) [basis-changed]\n"), "{text}");
    assert!(text.contains("  editorial  the retention for the data shortened: 2 years after last-contact → 1 year after last-contact (Art. 13(2)(a)) [retention-shortened]\n"), "{text}");
    assert!(text.ends_with("1 material change, 1 editorial change: tell the people concerned before the changes apply (Art. 13(3), 14(4); WP260 rev.01 para. 29)\n"), "{text}");

    let out = regc(
        dir.path(),
        &[
            "diff",
            "old",
            "new",
            "--fail-on",
            "material",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["format"], "regc-diff/1");
    assert_eq!(json["material"], 1);
    assert_eq!(json["editorial"], 1);

    let out = regc(
        dir.path(),
        &[
            "diff",
            "new",
            "new",
            "--fail-on",
            "any",
            "--format",
            "markdown",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        "## What changed\n\nNo change was found that people must be told of.\n"
    );
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", stderr(&out));
}

/// A git repository whose first commit holds the customers register and its import.
fn first_commit() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q"]);
    write(root, "registers/common.reg", COMMON);
    write(root, "registers/customers.reg", CUSTOMERS);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "first"]);
    dir
}

#[test]
fn a_git_revision_against_the_working_tree() {
    let dir = first_commit();
    let root = dir.path();
    // A second commit adds a recipient; the working tree then renames the purpose.
    let with_recipient = CUSTOMERS.replace(
        "  recipients none\n",
        "  recipients accountant\n  recipient accountant {\n    name \"Tili Oy\"\n  }\n",
    );
    write(root, "registers/customers.reg", &with_recipient);
    git(root, &["commit", "-q", "-am", "second"]);
    write(
        root,
        "registers/customers.reg",
        &with_recipient.replace("purpose billing", "purpose invoicing"),
    );

    let out = regc(root, &["diff", "--git", "HEAD~1", "--fail-on", "material"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let text = stdout(&out);
    assert!(
        text.contains("material   recipient `accountant` added (Art. 13(1)(e)) [recipient-added]"),
        "{text}"
    );
    assert!(text.contains("editorial  purpose `billing` renamed `invoicing`, its content the same [purpose-renamed]"), "{text}");

    // From a subfolder, with the path given: the same registers.
    let out = regc(&root.join("registers"), &["diff", "--git", "HEAD", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("[purpose-renamed]"));
    assert!(
        !stdout(&out).contains("[recipient-added]"),
        "HEAD has the recipient"
    );

    let out = regc(root, &["diff", "--git", "no-such-rev"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("`no-such-rev` is not a revision of this repository"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_version_that_does_not_compile_is_not_compared() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "old/common.reg", COMMON);
    write(dir.path(), "old/customers.reg", CUSTOMERS);
    write(dir.path(), "new/common.reg", COMMON);
    write(
        dir.path(),
        "new/customers.reg",
        &CUSTOMERS.replace("basis contract", "basis contarct"),
    );
    let out = regc(dir.path(), &["diff", "old", "new"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("does not compile, so it cannot be compared"),
        "{err}"
    );
    assert!(
        err.contains("customers.reg:8:11: error[X001] no legal basis is called `contarct`"),
        "{err}"
    );
    let out = regc(dir.path(), &["diff", "old"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("give two versions"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_examples_against_themselves_have_no_changes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = regc(root, &["diff", "examples", "examples", "--fail-on", "any"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert_eq!(stdout(&out), "no changes\n");
}

#[test]
fn deleted_files_are_removed_registers_and_overlapping_paths_count_once() {
    let dir = first_commit();
    let root = dir.path();
    let changed = CUSTOMERS.replace("basis contract", "basis consent");
    write(root, "registers/customers.reg", &changed);
    let out = regc(
        root,
        &["diff", "--git", "HEAD", ".", "registers/customers.reg"],
    );
    let text = stdout(&out);
    assert_eq!(text.matches("[basis-changed]").count(), 1, "{text}");
    std::fs::remove_file(root.join("registers/customers.reg")).unwrap();
    let out = regc(root, &["diff", "--git", "HEAD", "registers/customers.reg"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("[register-removed]"),
        "{}",
        stdout(&out)
    );
}
