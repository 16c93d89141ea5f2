//! End-to-end: the `regc` binary on good and bad input, its output and exit codes.

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
fn check_of_the_examples_reports_the_seeds_gaps_and_exits_1() {
    let out = regc(&["check", "--today", "2026-11-23", "examples/"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(
        text.contains("error[C001]: register `verkkopalvelu` names no controller"),
        "{text}"
    );
    assert!(
        text.contains("error[P002]: purpose `b2b-marketing` has no legal basis"),
        "{text}"
    );
    assert!(
        text.lines().last().unwrap_or("").ends_with("of 7 files"),
        "{text}"
    );
}

#[test]
fn the_main_job_builds_the_examples_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let out = regc(&[
        "build",
        "--allow-incomplete",
        "--format",
        "json",
        "examples/",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("6 registers published as drafts"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
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
fn files_read_on_several_threads_are_reported_in_the_search_order() {
    // `-j 4` starts the threads before the files are read, so each file is read on any of
    // them; the files that could not be read, and the findings in the others, still come in
    // the search's order.
    let dir = tempfile::tempdir().unwrap();
    let too_large = |i: usize| i % 7 == 3;
    for i in 0..40 {
        let text = if too_large(i) {
            format!(
                "register r{i:02} {{\n}}\n{}",
                "# a comment to pad it out\n".repeat(10)
            )
        } else {
            format!("register r{i:02} {{\n  updated 2018-02-30\n}}\n")
        };
        std::fs::write(dir.path().join(format!("f{i:02}.reg")), text).unwrap();
    }
    let out = regc(&[
        "-j",
        "4",
        "check",
        "--max-file-size",
        "200",
        dir.path().to_str().unwrap(),
    ]);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    // The number of the file each wanted line names (`…/f03.reg…`), in the report's order.
    let order = |wanted: &dyn Fn(&str) -> bool| -> Vec<String> {
        lines
            .iter()
            .filter(|l| wanted(l))
            .filter_map(|l| l.rsplit('/').next()?.strip_prefix('f'))
            .map(|rest| rest.chars().take(2).collect())
            .collect()
    };
    let refused = order(&|l: &str| l.contains("more than the limit"));
    let found = order(&|l: &str| l.contains("╭─["));
    let expected = |pick: bool| -> Vec<String> {
        (0..40)
            .filter(|&i| too_large(i) == pick)
            .map(|i| format!("{i:02}"))
            .collect()
    };
    assert_eq!(refused, expected(true), "{text}");
    assert_eq!(found, expected(false), "{text}");
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
    std::fs::write(dir.path().join("a.reg"), "controller c {\n}\n").unwrap();
    let out = regc(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(
        stdout(&out),
        "1 file checked: no problems\n",
        "the link is not followed"
    );
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
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "reg") {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
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

#[test]
fn build_writes_one_json_per_register_byte_identical_every_run() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    for dir in [&a, &b] {
        let out = regc(&[
            "build",
            "--allow-incomplete",
            "--format",
            "json",
            "--today",
            "2026-11-23",
            "examples/",
            "--out",
            dir.path().to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
        assert_eq!(
            stdout(&out),
            format!(
                "wrote 8 registers to {} (8 files changed)\n",
                dir.path().display()
            )
        );
    }
    let mut names: Vec<String> = std::fs::read_dir(a.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            ".regc-manifest",
            "customers-complete.json",
            "customers.json",
            "marketing.json",
            "ptstudio-users.json",
            "reading-circles.json",
            "softpix-customers.json",
            "studio-m-customers.json",
            "verkkopalvelu.json"
        ]
    );
    for name in &names {
        assert_eq!(
            std::fs::read(a.path().join(name)).unwrap(),
            std::fs::read(b.path().join(name)).unwrap(),
            "{name}"
        );
    }
    let imy = std::fs::read_to_string(a.path().join("studio-m-customers.json")).unwrap();
    assert!(
        imy.contains("\"id\": \"se-imy\""),
        "seed 004 complains to IMY"
    );
}

#[test]
fn a_failed_build_writes_nothing_and_keeps_earlier_output() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    std::fs::write(out_dir.join("r.json"), "earlier").unwrap();
    let file = dir.path().join("r.reg");
    std::fs::write(&file, "register r {\n  condition explicit-consent\n}\n").unwrap();
    let out = regc(&[
        "build",
        "--format",
        "json",
        file.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("nothing written"), "{}", stdout(&out));
    assert_eq!(
        std::fs::read_to_string(out_dir.join("r.json")).unwrap(),
        "earlier"
    );
}

#[test]
fn schema_prints_the_committed_schema() {
    let out = regc(&["schema"]);
    assert_eq!(out.status.code(), Some(0));
    let committed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schema/register.schema.json"),
    )
    .unwrap();
    assert_eq!(stdout(&out), committed);
}

#[test]
fn imports_cannot_leave_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("project");
    std::fs::create_dir(&project).unwrap();
    std::fs::write(dir.path().join("secret.reg"), "controller secret {\n}\n").unwrap();
    std::fs::write(project.join("up.reg"), "use \"../secret.reg\"\n").unwrap();
    std::fs::write(
        project.join("abs.reg"),
        format!("use \"{}\"\n", dir.path().join("secret.reg").display()),
    )
    .unwrap();
    std::fs::write(
        project.join("ok.reg"),
        "use \"shared/company.reg\"\nregister r {\n  controller acme\n}\n",
    )
    .unwrap();
    std::fs::create_dir(project.join("shared")).unwrap();
    std::fs::write(
        project.join("shared/company.reg"),
        "controller acme {\n  country FI\n}\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.path().join("secret.reg"), project.join("link.reg"))
            .unwrap();
        std::fs::write(project.join("via-link.reg"), "use \"link.reg\"\n").unwrap();
    }
    for (file, escapes) in [
        ("up.reg", true),
        ("abs.reg", true),
        ("via-link.reg", true),
        ("ok.reg", false),
    ] {
        if !cfg!(unix) && file == "via-link.reg" {
            continue;
        }
        let out = regc(&["check", project.join(file).to_str().unwrap()]);
        // The registers are minimal, so completeness findings make every run exit 1;
        // what matters is which ones are refused as imports.
        assert_eq!(out.status.code(), Some(1), "{file}: {}", stdout(&out));
        assert_eq!(
            stdout(&out).contains("error[import-"),
            escapes,
            "{file}: {}",
            stdout(&out)
        );
        assert!(
            !stdout(&out).contains("error[X001]"),
            "{file}: the import brought `acme` in: {}",
            stdout(&out)
        );
        if escapes {
            assert!(
                stdout(&out).contains("error[import-outside-project]"),
                "{file}: {}",
                stdout(&out)
            );
        }
    }
}

#[test]
fn today_must_be_a_real_date() {
    let out = Command::new(env!("CARGO_BIN_EXE_regc"))
        .args(["check", "--today", "2021-02-30", "examples/"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("February 2021 has 28 days"));
}

#[test]
fn check_format_github_prints_one_annotation_per_diagnostic_and_keeps_the_exit_code() {
    let human = regc(&["check", "--today", "2026-11-23", "examples/"]);
    let json = regc(&[
        "check",
        "--today",
        "2026-11-23",
        "--format",
        "json",
        "examples/",
    ]);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let count = report["diagnostics"].as_array().unwrap().len();
    assert!(count >= 10, "the seeds have many gaps");
    let out = regc(&[
        "check",
        "--today",
        "2026-11-23",
        "--format",
        "github",
        "examples/",
    ]);
    assert_eq!(out.status.code(), human.status.code());
    let text = stdout(&out);
    assert_eq!(text.lines().count(), count, "{text}");
    for line in text.lines() {
        let kind_ok = [
            "::error file=examples/",
            "::warning file=examples/",
            "::notice file=examples/",
        ]
        .iter()
        .any(|k| line.starts_with(k));
        assert!(kind_ok, "{line}");
        assert!(
            line.contains(",line=") && line.contains(",title="),
            "{line}"
        );
    }
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn machine_formats_print_only_the_report() {
    for format in ["json", "sarif", "gitlab"] {
        let out = regc(&[
            "check",
            "--today",
            "2026-11-23",
            "--format",
            format,
            "examples/",
        ]);
        assert_eq!(out.status.code(), Some(1), "{format}");
        let value: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{format}: {e}\n{}", stdout(&out)));
        assert!(!value.is_null());
    }
    let out = regc(&[
        "check",
        "--format",
        "junit",
        "examples/complete/pro-stories.reg",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(text.starts_with("<?xml"), "{text}");
    assert!(text.contains("name=\"no problems\""), "{text}");
    let missing = regc(&["check", "--format", "json", "no/such/dir"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read"));
}

#[test]
fn deny_warnings_fails_on_a_rule_warning() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("complete.reg");
    // The complete example with one vague legitimate interest: a warning (P004), no error.
    let text = std::fs::read_to_string("examples/complete/pro-stories.reg").unwrap().replacen(
        "fi \"Pro-Stories Oy kehittää koulutuksiaan osallistujien antaman palautteen perusteella.\"",
        "fi \"Liiketoiminnan kehittäminen.\"",
        1,
    );
    std::fs::write(&file, text).unwrap();
    let path = file.to_str().unwrap();
    let plain = regc(&["check", "--today", "2026-11-23", "--format", "github", path]);
    assert_eq!(plain.status.code(), Some(0), "{}", stdout(&plain));
    assert!(
        stdout(&plain).starts_with("::warning "),
        "{}",
        stdout(&plain)
    );
    let denied = regc(&["check", "--today", "2026-11-23", "--deny-warnings", path]);
    assert_eq!(denied.status.code(), Some(1), "{}", stdout(&denied));
}

#[test]
fn files_over_the_size_limit_are_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.reg");
    std::fs::write(&file, "register r {\n}\n").unwrap();
    let out = regc(&["check", "--max-file-size", "5", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    assert!(
        text.contains("is 15 bytes, more than the limit of 5 bytes"),
        "{text}"
    );
    assert!(text.contains("--max-file-size"), "{text}");
    let allowed = regc(&["check", "--max-file-size", "15", file.to_str().unwrap()]);
    assert_ne!(allowed.status.code(), Some(2), "{}", stdout(&allowed));
}
