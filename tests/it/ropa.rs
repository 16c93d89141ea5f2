//! The Art. 30 record (`regc build --format ropa-csv|ropa-xlsx`), read back by independent
//! readers: Python's `csv` module, and `openpyxl` (an ignored test, run by `.ci/run`,
//! which installs it).

use std::path::Path;
use std::process::{Command, Output};

fn regc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_regc"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn build(format: &str, out: &Path) {
    let o = regc(&[
        "build",
        "--today",
        "2026-12-06",
        "--allow-incomplete",
        "--format",
        format,
        "examples",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

fn python(script: &str, arg: &Path) -> String {
    let o = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(arg)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn the_csv_record_reads_back_in_pythons_csv_module() {
    let dir = tempfile::tempdir().unwrap();
    build("ropa-csv", dir.path());
    let mut files: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    files.sort();
    assert_eq!(files, ["ropa.en.csv", "ropa.fi.csv", "ropa.sv.csv"]);
    let bytes = std::fs::read(dir.path().join("ropa.fi.csv")).unwrap();
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "a byte-order mark for Excel"
    );
    let read = python(
        r#"
import csv, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
assert all(len(r) == 10 for r in rows), [len(r) for r in rows]
print(len(rows))
print(rows[0][1])
print(rows[0][9])
names = [r[0] for r in rows[1:]]
print(names[0])
print(rows[1][1])
"#,
        &dir.path().join("ropa.fi.csv"),
    );
    let lines: Vec<&str> = read.lines().collect();
    assert!(
        lines[0].parse::<usize>().unwrap() > 10,
        "a row per purpose: {read}"
    );
    assert_eq!(
        lines[1],
        "Käsittelyn tarkoitus (30 artiklan 1 kohdan b alakohta)"
    );
    assert_eq!(
        lines[2],
        "Tekniset ja organisatoriset turvatoimet (30 artiklan 1 kohdan g alakohta)"
    );
    assert_eq!(lines[3], "Pro-Stories Oy:n asiakas- ja sidosryhmärekisteri");
    assert_eq!(lines[4], "Asiakassuhde ja asiakaspalvelu");
}

#[test]
fn the_xlsx_record_is_the_same_bytes_every_build() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    build("ropa-xlsx", a.path());
    build("ropa-xlsx", b.path());
    let first = std::fs::read(a.path().join("ropa.xlsx")).unwrap();
    assert!(first.starts_with(b"PK"), "a zip");
    assert_eq!(first, std::fs::read(b.path().join("ropa.xlsx")).unwrap());
}

#[test]
#[ignore = "needs Python's openpyxl; run by .ci/run"]
fn the_xlsx_record_reads_back_in_openpyxl() {
    let dir = tempfile::tempdir().unwrap();
    build("ropa-xlsx", dir.path());
    let read = python(
        r#"
import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
print(",".join(wb.sheetnames))
ws = wb["sv"]
print(ws.max_column)
print(ws.cell(1, 2).value)
print(ws.freeze_panes)
values = [ws.cell(r, c).value for r in range(2, ws.max_row + 1) for c in range(1, 11)]
assert all(isinstance(v, str) for v in values), "every cell a string"
print(ws.cell(2, 1).value)
"#,
        &dir.path().join("ropa.xlsx"),
    );
    let lines: Vec<&str> = read.lines().collect();
    assert_eq!(lines[0], "en,fi,sv");
    assert_eq!(lines[1], "10");
    assert_eq!(lines[2], "Ändamålen med behandlingen (artikel 30.1 b)");
    assert_eq!(lines[3], "A2");
    assert!(!lines[4].is_empty());
}
