//! The exports, read back by independent readers: the Art. 30 record (`regc build --format
//! ropa-csv|ropa-xlsx`) by Python's `csv` module and `openpyxl`, the DPV JSON-LD by
//! `rdflib` with SPARQL, TILT by the `jsonschema` crate and Python's `jsonschema` against
//! TILT's own schema (the Python readers but `csv` in ignored tests, run by `.ci/run`,
//! which installs them).

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
    // Registers in the order of their files: examples/complete/lukupiiri.reg first.
    assert_eq!(lines[3], "Lukupiiri Oy:n lukupiirien asiakasrekisteri");
    assert_eq!(lines[4], "Lukupiirien järjestäminen");
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

/// The DPV export, parsed by rdflib and asked in SPARQL.
#[test]
#[ignore = "needs Python's rdflib; run by .ci/run"]
fn the_dpv_export_parses_in_rdflib_and_answers_sparql() {
    let dir = tempfile::tempdir().unwrap();
    build("dpv", dir.path());
    let read = python(
        r#"
import rdflib, sys, pathlib
g = rdflib.Graph()
for f in sorted(pathlib.Path(sys.argv[1]).glob("*.dpv.jsonld")):
    g.parse(f, format="json-ld")
P = "PREFIX dpv: <https://w3id.org/dpv#> PREFIX eu-gdpr: <https://w3id.org/dpv/legal/eu/gdpr#> PREFIX loc: <https://w3id.org/dpv/loc#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
def ask(q):
    return sorted(str(x) for row in g.query(P + q) for x in row)
# Purposes of Pro-Stories' customer register, each with its legal basis.
print(ask("SELECT ?b WHERE { <urn:regc:register:customers> dpv:hasProcess ?p . ?p dpv:hasPurpose ?x ; dpv:hasLegalBasis ?b }"))
# The controller's name.
print(ask("SELECT ?n WHERE { <urn:regc:register:customers> dpv:hasDataController ?c . ?c dpv:hasName ?n }"))
# Transfers to the US and their safeguards, across every register.
print(ask("SELECT ?b WHERE { ?r dpv:hasProcess ?t . ?t dpv:hasProcessing dpv:CrossBorderTransfer ; dpv:hasThirdCountry loc:US ; dpv:hasLegalBasis ?b }"))
# Storage periods in ISO 8601.
print(ask("SELECT ?v WHERE { <urn:regc:register:customers> dpv:hasStorageCondition ?s . ?s dpv:hasDuration ?d . ?d rdf:value ?v }"))
# Rights, as the GDPR extension's concepts.
print(ask("SELECT ?x WHERE { <urn:regc:register:customers> dpv:hasRight ?x }"))
# The authority to complain to, its name in English.
print(ask('SELECT ?n WHERE { <urn:regc:register:customers> dpv:hasAuthority ?a . ?a a dpv:DataProtectionAuthority ; dpv:hasName ?n FILTER(lang(?n) = "en") }'))
# The data protection officer's country.
print(ask("SELECT ?c WHERE { <urn:regc:register:reading-circles> dpv:hasDataProtectionOfficer ?d . ?d dpv:hasCountry ?c }"))
"#,
        dir.path(),
    );
    let lines: Vec<&str> = read.lines().collect();
    let gdpr = "https://w3id.org/dpv/legal/eu/gdpr#";
    assert!(lines[0].contains(&format!("{gdpr}A6-1-b")), "{read}");
    assert_eq!(lines[1], "['Pro-Stories Oy']");
    assert_eq!(lines[2], format!("['{gdpr}A46-2-c', '{gdpr}A49-1-a']"));
    assert_eq!(lines[3], "['P5Y']");
    assert!(
        lines[4].contains(&format!("{gdpr}A15")) && lines[4].contains(&format!("{gdpr}A77")),
        "{read}"
    );
    assert_eq!(
        lines[5], "['Office of the Data Protection Ombudsman']",
        "{read}"
    );
    assert_eq!(lines[6], "['https://w3id.org/dpv/loc#FI']", "{read}");
}

/// The TILT documents of `examples/complete/` (`reading-circles` states all TILT requires;
/// `customers-complete` names no DPO and is not written), and what regc said.
fn tilt_build(out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "build",
        "--today",
        "2026-12-06",
        "--format",
        "tilt",
        "examples/complete",
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend(extra);
    regc(&args)
}

/// A build of one register, written as `text` in a project of its own: the output folder
/// and what regc said.
fn build_register(text: &str, format: &str, extra: &[&str]) -> (tempfile::TempDir, Output) {
    let project = tempfile::tempdir().unwrap();
    std::fs::write(project.path().join("shop.reg"), text).unwrap();
    let out = tempfile::tempdir().unwrap();
    let said = Command::new(env!("CARGO_BIN_EXE_regc"))
        .args(["build", "--today", "2026-12-06", "--format", format])
        .args(extra)
        .arg("--out")
        .arg(out.path())
        .arg(project.path())
        .output()
        .unwrap();
    (out, said)
}

/// A JSON file, parsed.
fn read_json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn tilt_schema() -> serde_json::Value {
    read_json(&Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schema/tilt/tilt-schema.json"))
}

#[test]
fn the_tilt_export_is_valid_tilt_and_says_what_the_register_states() {
    let dir = tempfile::tempdir().unwrap();
    let out = tilt_build(dir.path(), &[]);
    // A register left out fails the build, as an incomplete notice does.
    assert_eq!(out.status.code(), Some(1));
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&tilt_schema())
        .unwrap();
    for lang in ["fi", "en"] {
        let path = dir.path().join(format!("reading-circles.tilt.{lang}.json"));
        let text = std::fs::read_to_string(&path).unwrap();
        let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&doc)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{lang}: {errors:#?}");
        assert_eq!(doc["meta"]["language"], lang);
        assert_eq!(doc["meta"]["modified"], "2026-11-15");
        assert_eq!(doc["meta"]["version"], 20261115);
        assert_eq!(doc["dataProtectionOfficer"]["name"], "Aino Esimerkki");
        assert_eq!(doc["dataProtectionOfficer"]["country"], "FI");
        assert_eq!(
            doc["controller"]["representative"]["name"],
            "Helmi Esimerkki"
        );
        // The hash is the SHA-256 of the document written with an empty one.
        let hash = doc["meta"]["_hash"].as_str().unwrap().to_string();
        let unsealed = text.replace(&hash, "");
        use sha2::Digest;
        let digest: String = sha2::Sha256::digest(unsealed.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(hash, digest);
    }
    let en = read_json(&dir.path().join("reading-circles.tilt.en.json"));
    let billing = en["dataDisclosed"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["_id"] == "billing")
        .unwrap();
    // Billing serves invoicing alone: its basis, its law's period, and a statutory duty.
    assert_eq!(billing["legalBases"][0]["reference"], "GDPR-6-1-c");
    assert_eq!(billing["legalBases"].as_array().unwrap().len(), 1);
    assert_eq!(billing["storage"][0]["temporal"][0]["ttl"], "P6Y");
    assert_eq!(billing["nonDisclosure"]["legalRequirement"], true);
    assert_eq!(
        billing["recipients"][0]["name"],
        "Tilitoimisto Esimerkki Oy"
    );
    assert_eq!(en["sources"][0]["sources"][0]["url"], "https://www.ytj.fi");
    assert_eq!(en["sources"][0]["sources"][0]["publiclyAvailable"], true);
    assert_eq!(en["thirdCountryTransfers"], serde_json::json!([]));
    assert_eq!(en["rightToDataPortability"]["available"], true);
    assert_eq!(en["rightToWithdrawConsent"]["available"], false);
    assert_eq!(
        en["rightToComplain"]["supervisoryAuthority"]["country"],
        "FI"
    );
}

#[test]
fn a_register_that_does_not_state_what_tilt_requires_is_not_written_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let out = tilt_build(dir.path(), &[]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("not written as TILT: register `customers-complete` (examples/complete/pro-stories.reg:29:1) does not state what TILT requires:"),
        "{said}"
    );
    assert!(
        said.contains("  - the data protection officer (`dpo`)"),
        "{said}"
    );
    assert!(
        said.contains("  - where source `customer-organisation` is found (`website`)"),
        "{said}"
    );
    assert!(!dir.path().join("customers-complete.tilt.fi.json").exists());
    // With --allow-incomplete the others are written and the build passes.
    let again = tempfile::tempdir().unwrap();
    let out = tilt_build(again.path(), &["--allow-incomplete"]);
    assert_eq!(out.status.code(), Some(0));
    for lang in ["fi", "en"] {
        let name = format!("reading-circles.tilt.{lang}.json");
        assert_eq!(
            std::fs::read(dir.path().join(&name)).unwrap(),
            std::fs::read(again.path().join(&name)).unwrap(),
            "two builds, the same bytes"
        );
    }
}

#[test]
#[ignore = "needs Python's jsonschema; run by .ci/run"]
fn the_tilt_export_passes_pythons_jsonschema() {
    let dir = tempfile::tempdir().unwrap();
    tilt_build(dir.path(), &[]);
    // And the register of many shapes, with its address and path outside ASCII.
    let (more, o) = build_register(TILT_VARIETY, "tilt", &[]);
    assert_eq!(o.status.code(), Some(0));
    std::fs::copy(
        more.path().join("asiakkaat-ä.tilt.en.json"),
        dir.path().join("asiakkaat-ä.tilt.en.json"),
    )
    .unwrap();
    let said = python(
        r#"
import json, pathlib, sys
from jsonschema import Draft7Validator, FormatChecker
import rfc3987  # without it, the format checker skips uri-reference
schema = json.load(open("docs/schema/tilt/tilt-schema.json"))
validator = Draft7Validator(schema, format_checker=FormatChecker())
files = sorted(pathlib.Path(sys.argv[1]).glob("*.tilt.*.json"))
for f in files:
    errors = [e.message for e in validator.iter_errors(json.load(open(f)))]
    assert not errors, (f.name, errors)
print(len(files))
"#,
        dir.path(),
    );
    assert_eq!(said.trim(), "3");
}

/// A register that states all TILT requires, in the shapes the first export got wrong:
/// optional data, a minimum period, recipients named per purpose (one defined at the top
/// level), a transfer to a country and to unnamed ones, a source's address outside ASCII, a
/// register id with `ä`, a purpose without a title, a note on a right.
const TILT_VARIETY: &str = r#"
controller shop {
  name "Kauppa Oy"
  address "Katu 1, 00100 Helsinki"
  country FI
  email "info@kauppa.example"
}

person dpo {
  name "Aino Esimerkki"
  address "Katu 1, 00100 Helsinki"
  country FI
  email "dpo@kauppa.example"
}

recipient tax {
  name "Verohallinto"
  title en "Tax administration"
  role authority
  country FI
}

source city {
  title en "The city's register"
  name "Hämeenlinnan kaupunki"
  kind public
  website "https://www.hämeenlinna.fi"
}

data phone-extra {
  title en "Second phone number"
  optional
}

register asiakkaat-ä {
  title en "Customers"
  languages en
  updated 2024-05
  controller shop
  contact dpo
  dpo dpo

  purpose orders {
    title en "Orders"
    text en "Delivering orders."
    basis contract
    requirement contract-prerequisite {
      consequence en "Without them we cannot deliver."
    }
    data name, email, phone-extra
    recipients mailer
    retention at least 13 months
  }

  purpose books {
    text en "Keeping the accounts as the law requires, and reporting to the tax administration when asked."
    basis legal-obligation
    requirement statutory {
      consequence en "Without them we cannot keep the accounts."
    }
    data name, billing
    recipients tax
    retention 6 years after end-of-financial-year
  }

  data name, email, phone-extra, billing
  subjects customers
  sources subject, city

  recipient mailer {
    name "Mailer Inc."
    title en "E-mail service"
    role processor
    country US
  }
  recipient printer {
    name "Paino Oy"
    title en "Printing house"
    role processor
    country FI
  }
  recipients mailer, printer

  transfer mail-us {
    country US, outside-eea
    recipient mailer
    mechanism scc
    copy en "Ask us for a copy of the clauses."
  }
  automated-decisions none

  right access {
    note en "Once a year free of charge."
  }

  security en "Access is limited to the staff who need it."
}
"#;

#[test]
fn tilt_says_only_what_the_register_says_in_every_shape() {
    let (out_dir, o) = build_register(TILT_VARIETY, "tilt", &[]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    let text = std::fs::read_to_string(out_dir.path().join("asiakkaat-ä.tilt.en.json")).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&tilt_schema())
        .unwrap();
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(doc["meta"]["url"], "asiakkaat-%C3%A4/en/index.html");
    // A month sorts below every day of a later month.
    assert_eq!(doc["meta"]["version"], 20240500);
    let data = |id: &str| -> serde_json::Value {
        doc["dataDisclosed"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["_id"] == id)
            .unwrap()
            .clone()
    };
    let names = |d: &serde_json::Value| -> Vec<String> {
        d["recipients"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["name"].as_str().unwrap().to_string())
            .collect()
    };
    // Each purpose's own recipients: the mailer for orders, the tax administration (a
    // top-level recipient) for the books; the printer serves no purpose named.
    assert_eq!(names(&data("email")), ["Mailer Inc."]);
    assert_eq!(names(&data("billing")), ["Verohallinto"]);
    assert_eq!(names(&data("name")), ["Mailer Inc.", "Verohallinto"]);
    // Optional data is required by nothing.
    let optional = data("phone-extra");
    assert_eq!(optional["nonDisclosure"]["obligationToProvide"], false);
    assert_eq!(optional["nonDisclosure"]["contractualRegulation"], false);
    assert_eq!(data("email")["nonDisclosure"]["obligationToProvide"], true);
    // `at least 13 months` is no lifetime: no ttl, said in words.
    let kept = &data("email")["storage"][0];
    assert!(kept.get("temporal").is_none(), "{kept}");
    assert!(
        kept["description"].as_str().unwrap().contains("13"),
        "{kept}"
    );
    // The purpose without a title is headed as in the notice, not by its id.
    let books = &data("billing")["purposes"][0]["purpose"];
    assert_ne!(books, "books");
    // The transfer goes to the US and to countries not named.
    let transfers = doc["thirdCountryTransfers"].as_array().unwrap();
    assert_eq!(transfers.len(), 2, "{transfers:#?}");
    assert_eq!(transfers[0]["country"], "US");
    assert!(transfers[1].get("country").is_none());
    assert_eq!(
        transfers[0]["standardDataProtectionClause"]["available"],
        true
    );
    let source = &doc["sources"][0]["sources"][0];
    assert_eq!(source["url"], "https://www.h%C3%A4meenlinna.fi");
    assert!(
        source["description"]
            .as_str()
            .unwrap()
            .contains("Hämeenlinnan kaupunki")
    );
    assert!(
        doc["rightToInformation"]["description"]
            .as_str()
            .unwrap()
            .contains("Once a year free of charge.")
    );
}

#[test]
fn tilt_refuses_a_region_for_a_country_a_missing_source_list_and_a_register_with_errors() {
    let variants = [
        (
            TILT_VARIETY.replace(
                "  country FI\n  email \"dpo@",
                "  country EEA\n  email \"dpo@",
            ),
            "the country of the data protection officer `dpo`, a country code (`country`)",
        ),
        (
            TILT_VARIETY.replace("  sources subject, city\n", ""),
            "where the data comes from (`sources`)",
        ),
        (
            TILT_VARIETY.replace(
                "    mechanism scc\n    copy en \"Ask us for a copy of the clauses.\"\n",
                "    mechanism scc\n",
            ),
            "not written as TILT, which has no drafts",
        ),
    ];
    for (text, said) in variants {
        let (out_dir, o) = build_register(&text, "tilt", &["--allow-incomplete"]);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(stderr.contains(said), "{said}\n{stderr}");
        assert!(
            !out_dir.path().join("asiakkaat-ä.tilt.en.json").exists(),
            "{said}"
        );
    }
}

#[test]
fn dpv_says_automated_decisions_and_the_authority() {
    let text = TILT_VARIETY.replace(
        "  automated-decisions none\n",
        "  automated-decisions {\n    logic en \"A score from past orders.\"\n    significance en \"Decides whether invoicing is offered.\"\n    consequences en \"Without it, payment in advance.\"\n  }\n",
    );
    let (out_dir, o) = build_register(&text, "dpv", &[]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let doc = read_json(&out_dir.path().join("asiakkaat-ä.dpv.jsonld"));
    let adm = &doc["dpv:hasContext"];
    assert_eq!(adm["@type"], "dpv:AutomatedDecisionMaking");
    let said = adm["rdfs:comment"].to_string();
    assert!(said.contains("A score from past orders."), "{said}");
    assert!(said.contains("payment in advance"), "{said}");
    let authority = &doc["dpv:hasAuthority"];
    assert_eq!(authority["@type"], "dpv:DataProtectionAuthority");
    assert_eq!(authority["dpv:hasCountry"]["@id"], "loc:FI");
    assert_eq!(
        doc["dpv:hasDataProtectionOfficer"]["dpv:hasCountry"]["@id"],
        "loc:FI"
    );
}

#[test]
fn a_base_iri_names_the_dpv_and_tilt_nodes_and_a_bad_one_is_refused() {
    let run =
        |format: &str, base: &str| build_register(TILT_VARIETY, format, &["--base-iri", base]);
    let base = "https://example.org/privacy/";
    let (dpv, o) = run("dpv", base);
    assert_eq!(o.status.code(), Some(0));
    let doc = read_json(&dpv.path().join("asiakkaat-ä.dpv.jsonld"));
    assert_eq!(
        doc["@id"],
        "https://example.org/privacy/register/asiakkaat-%C3%A4"
    );
    assert_eq!(
        doc["dpv:hasDataController"]["@id"],
        "https://example.org/privacy/controller/shop"
    );
    let (tilt, o) = run("tilt", base);
    assert_eq!(o.status.code(), Some(0));
    let doc = read_json(&tilt.path().join("asiakkaat-ä.tilt.en.json"));
    assert_eq!(
        doc["meta"]["_id"],
        "https://example.org/privacy/register/asiakkaat-%C3%A4:en"
    );
    let (_, o) = run("dpv", "https://example.org/privacy");
    assert_eq!(o.status.code(), Some(2));
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(said.contains("must end in `/` or `#`"), "{said}");
}
