//! `regc.toml` end to end: the project root found from any file or folder inside it (as a
//! pre-commit hook passes files), include/exclude and `.gitignore`, rule selection and
//! severities, a pinned date, `[build]` settings, and a diagnostic with `file:line:col` and
//! a help line for every mistake in the file.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn regc_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_regc"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap()
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn example(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(name),
    )
    .unwrap()
}

/// A project as people keep one: a shared `common.reg` at the top, registers two folders
/// down importing it, a folder of drafts, and `regc.toml` at the top.
fn project(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    crate::common::shared_project(root);
    std::fs::create_dir_all(root.join("drafts")).unwrap();
    std::fs::write(root.join("drafts/studio-m.reg"), example("studio-m.reg")).unwrap();
    std::fs::write(root.join("regc.toml"), config).unwrap();
    dir
}

const PINNED: &str = "[check]\ntoday = \"2026-12-01\"\n";

#[test]
fn a_file_given_alone_finds_the_root_its_imports_need() {
    let dir = project(PINNED);
    // What a pre-commit hook runs: the staged file, by itself, from the repository's top.
    let alone = regc_in(dir.path(), &["check", "registers/shop/customers.reg"]);
    assert_eq!(alone.status.code(), Some(0), "{}", text(&alone));
    // From inside the folder too.
    let inside = regc_in(
        &dir.path().join("registers/shop"),
        &["check", "customers.reg"],
    );
    assert_eq!(inside.status.code(), Some(0), "{}", text(&inside));
    // Without the settings, the file's folder is the project and the import leaves it;
    // the help says how to fix that.
    let isolated = regc_in(
        dir.path(),
        &["check", "--no-config", "registers/shop/customers.reg"],
    );
    assert_eq!(isolated.status.code(), Some(1), "{}", text(&isolated));
    assert!(
        text(&isolated).contains("import-outside-project")
            && text(&isolated).contains("put a regc.toml in the top folder"),
        "{}",
        text(&isolated)
    );
}

#[test]
fn no_paths_checks_the_whole_project_from_any_folder_inside_it() {
    let dir = project(PINNED);
    let out = regc_in(&dir.path().join("registers/shop"), &["check"]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("in 1 of 3 files"), "{said}");
    // Files are named from where the user stands, not by absolute path.
    assert!(said.contains("../../drafts/studio-m.reg:"), "{said}");
}

#[test]
fn no_paths_and_no_project_is_a_usage_error_with_help() {
    let dir = tempfile::tempdir().unwrap();
    let out = regc_in(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        text(&out).contains("no files given, and no regc.toml") && text(&out).contains("help:"),
        "{}",
        text(&out)
    );
}

#[test]
fn exclude_holds_for_folders_and_for_files_named_one_by_one() {
    let dir = project(&format!("exclude = [\"drafts\"]\n{PINNED}"));
    let all = regc_in(dir.path(), &["check", "."]);
    assert_eq!(all.status.code(), Some(0), "{}", text(&all));
    assert!(
        text(&all).contains("2 files checked: no problems; 1 file excluded by regc.toml"),
        "{}",
        text(&all)
    );
    let named = regc_in(dir.path(), &["check", "drafts/studio-m.reg"]);
    assert_eq!(named.status.code(), Some(0), "{}", text(&named));
    assert!(
        text(&named).contains("0 files checked: no problems; 1 file excluded"),
        "{}",
        text(&named)
    );
}

#[test]
fn include_narrows_a_folders_search() {
    let dir = project(&format!("include = [\"registers/**/*.reg\"]\n{PINNED}"));
    let out = regc_in(dir.path(), &["check"]);
    // common.reg and the drafts are not searched; the import still reads common.reg.
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains("1 file checked"), "{}", text(&out));
}

#[test]
fn gitignored_files_are_not_searched_unless_the_project_says_so() {
    let dir = project(PINNED);
    let git = Command::new("git")
        .args(["init", "-q"])
        .current_dir(dir.path())
        .status()
        .unwrap();
    assert!(git.success());
    std::fs::write(dir.path().join(".gitignore"), "drafts/\n").unwrap();
    let out = regc_in(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains("2 files checked"), "{}", text(&out));
    std::fs::write(
        dir.path().join("regc.toml"),
        format!("respect-gitignore = false\n{PINNED}"),
    )
    .unwrap();
    let out = regc_in(dir.path(), &["check"]);
    assert!(text(&out).contains("of 3 files"), "{}", text(&out));
}

#[test]
fn select_ignore_and_severity_shape_the_findings() {
    let dir = project(&format!(
        "{PINNED}ignore = [\"V\", \"P007\"]\n[check.severity]\nT002 = \"warning\"\nA002 = \"off\"\nM001 = \"warning\"\n"
    ));
    let out = regc_in(dir.path(), &["check", "drafts/studio-m.reg"]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(0), "no error is left: {said}");
    assert!(said.contains("warning[T002]"), "{said}");
    assert!(said.contains("warning[M001]"), "{said}");
    for gone in ["[V001]", "[P007]", "[A002]"] {
        assert!(!said.contains(gone), "{gone} is ignored: {said}");
    }
    // `select` keeps only what it names.
    std::fs::write(
        dir.path().join("regc.toml"),
        format!("{PINNED}select = [\"A\"]\n"),
    )
    .unwrap();
    let out = regc_in(dir.path(), &["check", "drafts/studio-m.reg"]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("error[A002]"), "{said}");
    assert!(
        !said.contains("[T002]") && !said.contains("[V001]"),
        "{said}"
    );
}

#[test]
fn the_profile_and_deny_warnings_come_from_the_project() {
    let dir = project(&format!("{PINNED}profile = \"strict\"\n"));
    let out = regc_in(dir.path(), &["check", "drafts/studio-m.reg"]);
    assert!(text(&out).contains("error[V001]"), "{}", text(&out));
    let dir = project(&format!(
        "{PINNED}deny-warnings = true\nignore = [\"A\", \"M\", \"T002\"]\n"
    ));
    let out = regc_in(dir.path(), &["check", "drafts/studio-m.reg"]);
    assert_eq!(out.status.code(), Some(1), "warnings fail: {}", text(&out));
    assert!(!text(&out).contains("error["), "{}", text(&out));
}

#[test]
fn a_pinned_date_is_the_day_facts_are_judged_on() {
    // Datainspektionen became IMY on 2021-01-01: judged on a day before, it is current.
    let dir = project("[check]\ntoday = \"2020-06-01\"\n");
    let before = regc_in(
        dir.path(),
        &["check", "--format", "json", "drafts/studio-m.reg"],
    );
    assert!(!text(&before).contains("\"A002\""), "{}", text(&before));
    // `--today` wins over the file.
    let flag = regc_in(
        dir.path(),
        &["check", "--today", "2026-12-01", "drafts/studio-m.reg"],
    );
    assert!(text(&flag).contains("error[A002]"), "{}", text(&flag));
    // A build writes the pinned date, as it does a chosen one.
    let dir = project(PINNED);
    let site = dir.path().join("site");
    let built = regc_in(
        dir.path(),
        &[
            "build",
            "--format",
            "json",
            "--out",
            site.to_str().unwrap(),
            "registers",
        ],
    );
    assert_eq!(built.status.code(), Some(0), "{}", text(&built));
    let json = std::fs::read_to_string(site.join("customers-complete.json")).unwrap();
    assert!(json.contains("\"check_date\": \"2026-12-01\""), "{json}");
}

#[test]
fn build_takes_its_folder_layout_and_languages_from_the_project() {
    let dir = project(&format!(
        "exclude = [\"drafts\"]\n{PINNED}[build]\nout = \"public\"\nlayout = \"hugo\"\nlanguages = [\"fi\", \"en\"]\n"
    ));
    let out = regc_in(&dir.path().join("registers"), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let mut written: Vec<String> = walk(&dir.path().join("public"))
        .iter()
        .map(|p| {
            p.strip_prefix(dir.path().join("public"))
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    written.sort();
    assert_eq!(
        written,
        [
            ".regc-manifest",
            "content/privacy/customers-complete.en.md",
            "content/privacy/customers-complete.fi.md",
            "data/registers/customers-complete.json"
        ],
        "the out folder is read from regc.toml's folder, and sv is left out"
    );
    // A mistake in regc.toml is what a build reports, not the `out` it could not read.
    let dir = project("[build]\nout = \"public\"\nlanguages = [\"<b>\"]\n");
    let out = regc_in(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        text(&out).contains("regc writes no notices in `<b>`"),
        "{}",
        text(&out)
    );
    assert!(!text(&out).contains("no output folder"), "{}", text(&out));
    assert!(!dir.path().join("public").exists());
    // Without `out` anywhere, the build says where to give it.
    let dir = project(PINNED);
    let out = regc_in(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).contains("give `--out DIR`"), "{}", text(&out));
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else {
            found.push(path);
        }
    }
    found
}

#[test]
fn every_mistake_in_the_settings_is_placed_and_explained() {
    let cases = [
        (
            "[check]\nselct = [\"P\"]\n",
            "regc.toml:2:1: unknown field `selct`",
        ),
        (
            "[check]\nignore = [\"T040\"]\n",
            "regc.toml:2:11: `T040` names no rule",
        ),
        (
            "[check]\ntoday = \"2026-13-01\"\n",
            "regc.toml:2:9: `today = 2026-13-01`",
        ),
        (
            "[check]\nprofile = \"lenient\"\n",
            "regc.toml:2:11: unknown variant `lenient`",
        ),
        (
            "[build]\nlanguages = [\"de\"]\n",
            "regc.toml:2:14: regc writes no notices in `de`",
        ),
        (
            "[build]\nbase-iri = \"ftp://example.org/\"\n",
            "regc.toml:2:12: `ftp://example.org/` is not an `https://` (or `http://`) address",
        ),
        (
            "exclude = [\"[a\"]\n",
            "regc.toml:1:12: `[a` is not a glob pattern",
        ),
        (
            "root = \"nowhere\"\n",
            "regc.toml:1:8: `root = \"nowhere\"` is not a folder",
        ),
        ("[check\n", "regc.toml:1:7:"),
    ];
    for (config, expected) in cases {
        let dir = project(config);
        let out = regc_in(dir.path(), &["check", "registers"]);
        let said = text(&out);
        assert_eq!(out.status.code(), Some(2), "{config}: {said}");
        assert!(
            said.contains(expected),
            "{config}: expected {expected:?} in {said}"
        );
        assert!(
            said.contains("\n  help: "),
            "{config}: no help line in {said}"
        );
        assert!(said.contains("0 files checked"), "nothing is read: {said}");
    }
    // The nearest code is suggested for a near miss.
    let dir = project("[check]\nignore = [\"T040\"]\n");
    let said = text(&regc_in(dir.path(), &["check", "registers"]));
    assert!(said.contains("did you mean `T004`?"), "{said}");
}

#[test]
fn paths_of_two_projects_at_once_are_refused() {
    let one = project(PINNED);
    let two = project(PINNED);
    let out = regc_in(
        one.path(),
        &[
            "check",
            "registers",
            two.path().join("registers").to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        text(&out).contains("belong to two projects"),
        "{}",
        text(&out)
    );
    // A project's files and a file of no project: its imports could not be judged.
    let loose = tempfile::tempdir().unwrap();
    std::fs::write(loose.path().join("loose.reg"), example("studio-m.reg")).unwrap();
    let loose_file = loose.path().join("loose.reg");
    let loose_file = loose_file.to_str().unwrap();
    for order in [["registers", loose_file], [loose_file, "registers"]] {
        let out = regc_in(one.path(), &["check", order[0], order[1]]);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out));
        assert!(text(&out).contains("no regc.toml"), "{}", text(&out));
    }
}

/// Editors complete regc.toml from `docs/schema/regc.toml.schema.json`: it must be the
/// schema the binary prints, and it must accept every setting the docs show.
#[test]
fn the_settings_schema_is_current_and_accepts_the_documented_example() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let printed = regc_in(root, &["schema", "config"]);
    assert_eq!(printed.status.code(), Some(0));
    let path = root.join("docs/schema/regc.toml.schema.json");
    let printed = String::from_utf8(printed.stdout).unwrap();
    if std::env::var_os("REGC_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &printed).unwrap();
    }
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        printed,
        "docs/schema/regc.toml.schema.json is stale: run `REGC_UPDATE_DOCS=1 cargo test --test it config::`"
    );
    let schema: serde_json::Value = serde_json::from_str(&printed).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let docs = std::fs::read_to_string(root.join("docs/config.md")).unwrap();
    let example = docs
        .split("```toml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("docs/config.md shows a full regc.toml in its first toml block");
    let value: toml::Value = toml::from_str(example).unwrap();
    let json = serde_json::to_value(value).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    // And the binary accepts it too.
    let dir = project(example);
    std::fs::create_dir_all(dir.path().join("registers")).unwrap();
    let out = regc_in(dir.path(), &["check", "registers"]);
    assert_ne!(out.status.code(), Some(2), "{}", text(&out));
}

#[test]
fn patterns_are_read_as_people_write_them() {
    // `./registers/` and a folder name alone mean the folder; `.git` is never searched.
    let dir = project(&format!(
        "include = [\"./registers/\"]\nexclude = [\"registers/archive/\"]\n{PINNED}"
    ));
    std::fs::create_dir_all(dir.path().join("registers/archive")).unwrap();
    std::fs::write(
        dir.path().join("registers/archive/old.reg"),
        example("studio-m.reg"),
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join(".git/hooks")).unwrap();
    std::fs::write(dir.path().join(".git/hooks/x.reg"), "not a register").unwrap();
    let out = regc_in(dir.path(), &["check"]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(
        said.contains("1 file checked: no problems; 1 file excluded"),
        "{said}"
    );
    // Names are the same however the folder is given: `./x.reg` is `x.reg`.
    let dotted = regc_in(
        dir.path(),
        &["check", "--format", "concise", "--no-config", "./drafts"],
    );
    assert!(
        text(&dotted).starts_with("drafts/studio-m.reg:"),
        "{}",
        text(&dotted)
    );
}

#[test]
fn settings_people_get_slightly_wrong_are_read_or_explained() {
    // A TOML date needs no quotes.
    let dir = project("[check]\ntoday = 2020-06-01\n");
    let out = regc_in(dir.path(), &["check", "drafts/studio-m.reg"]);
    assert!(
        !text(&out).contains("[A002]"),
        "judged on 2020-06-01: {}",
        text(&out)
    );
    let cases = [
        ("today = \"2026-01-01\"\n", "this key belongs under [check]"),
        (
            "[check]\nexclude = [\"x\"]\n",
            "this key belongs at the top",
        ),
        (
            "[check]\nignore = [\"invalid-date\"]\n",
            "`invalid-date` is a value error, not a rule",
        ),
    ];
    for (config, expected) in cases {
        let dir = project(config);
        let out = regc_in(dir.path(), &["check", "registers"]);
        assert_eq!(out.status.code(), Some(2), "{config}");
        assert!(text(&out).contains(expected), "{config}: {}", text(&out));
    }
}

#[test]
fn build_out_of_the_project_is_for_the_whole_project() {
    let dir = project(&format!("{PINNED}[build]\nout = \"public\"\n"));
    let whole = regc_in(dir.path(), &["build", "registers"]);
    assert_eq!(whole.status.code(), Some(2), "{}", text(&whole));
    assert!(
        text(&whole).contains("only some registers were given"),
        "{}",
        text(&whole)
    );
    assert!(!dir.path().join("public").exists(), "nothing written");
    let partial = regc_in(
        dir.path(),
        &[
            "build",
            "registers",
            "--out",
            dir.path().join("one").to_str().unwrap(),
        ],
    );
    assert_eq!(partial.status.code(), Some(0), "{}", text(&partial));
}

#[test]
fn fmt_leaves_what_the_project_excludes() {
    let dir = project(&format!("exclude = [\"drafts\"]\n{PINNED}"));
    let messy = "controller c {\n        name \"C\"\n}\n";
    std::fs::write(dir.path().join("drafts/messy.reg"), messy).unwrap();
    let out = regc_in(dir.path(), &["fmt", "drafts/messy.reg"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("drafts/messy.reg")).unwrap(),
        messy
    );
}
