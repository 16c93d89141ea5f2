//! A deterministic generator of realistic `.reg` corpora for benchmarks and load tests:
//! `cargo run --release --example synth -- --registers 1000 --out /tmp/corpus [--seed 7]
//! [--per-file 10] [--gaps 20]`. Registers come ten to a file (`--per-file`), import a shared
//! `common.reg` (controller, contact, processors), and carry several purposes, bases, data
//! categories, transfers, retention rules and multi-line texts in fi, sv and en. `--gaps`
//! is the percentage of registers with a gap for the checker to find.

use std::fmt::Write as _;
use std::path::PathBuf;

/// xorshift64*: small, seeded, the same sequence on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const BASES: &[&str] = &[
    "consent",
    "contract",
    "legal-obligation",
    "legitimate-interest",
];
const DATA: &[&str] = &[
    "name",
    "email",
    "phone",
    "address",
    "organisation",
    "job-title",
    "ip-address",
    "billing",
    "usage-data",
    "customer-feedback",
];
const COUNTRIES: &[&str] = &["US", "GB", "CH", "JP", "IN", "CA"];
const MECHANISMS: &[&str] = &["scc", "adequacy", "bcr"];
const ADEQUATE: &[&str] = &["GB", "CH", "JP", "CA"];
const FI: &[&str] = &[
    "Asiakassuhteen hoitaminen ja kehittäminen.",
    "Laskutus ja perintä.",
    "Uutiskirjeiden lähettäminen.",
    "Asiakaspalautteen kerääminen.",
];
const SV: &[&str] = &[
    "Hantering av kundrelationen.",
    "Fakturering och indrivning.",
    "Utskick av nyhetsbrev.",
    "Insamling av kundåterkoppling.",
];
const EN: &[&str] = &[
    "Managing the customer relationship.",
    "Invoicing and collection.",
    "Sending newsletters.",
    "Collecting customer feedback.",
];

fn common() -> String {
    "controller acme {\n  name \"Acme Oy\"\n  business-id FI \"2298585-9\"\n  address \"Eino Leinon tie 9 M, 04310 Tuusula\"\n  country FI\n  email \"privacy@acme.fi\"\n  phone \"+358 40 4510757\"\n}\n\nperson dpo {\n  name \"Data Protection Officer\"\n  email \"dpo@acme.fi\"\n}\n\nrecipient mailer {\n  name \"Example Mail Inc.\"\n  role processor\n  country US\n  certified eu-us-dpf\n}\n\nrecipient hosting {\n  name \"Example Hosting Ltd\"\n  role processor\n  country IE\n}\n".to_string()
}

fn register(rng: &mut Rng, n: usize, gaps: usize) -> String {
    let mut r = String::new();
    let gap = rng.chance(gaps);
    let _ = writeln!(r, "register r{n} {{");
    let _ = writeln!(
        r,
        "  title fi \"Rekisteri {n}\" sv \"Register {n}\" en \"Register {n}\""
    );
    r.push_str("  languages fi, sv, en\n  updated 2026-06-01\n  controller acme\n  dpo dpo\n  profile notice\n");
    let purposes = 2 + rng.below(4);
    let mut used = Vec::new();
    for p in 0..purposes {
        let i = rng.below(FI.len());
        let _ = writeln!(
            r,
            "\n  purpose p{p} {{\n    text {{\n      fi \"{}\"\n      sv \"{}\"\n      en \"{}\"\n    }}",
            FI[i], SV[i], EN[i]
        );
        let basis = rng.pick(BASES);
        if !(gap && p == 0) {
            let _ = writeln!(r, "    basis {basis}");
        }
        if basis == "legitimate-interest" {
            r.push_str("    interest fi \"Asiakkaiden palveleminen.\" sv \"Att betjäna kunderna.\" en \"Serving our customers.\"\n");
        }
        let d1 = rng.pick(DATA);
        let d2 = rng.pick(DATA);
        if d1 == d2 {
            let _ = writeln!(r, "    data {d1}");
        } else {
            let _ = writeln!(r, "    data {d1}, {d2}");
        }
        used.extend([d1, d2]);
        r.push_str("    requirement voluntary\n  }\n");
    }
    used.sort_unstable();
    used.dedup();
    let _ = writeln!(r, "\n  data {}", used.join(", "));
    r.push_str("  subjects customers\n  sources subject, customer-organisation\n  recipients mailer, hosting\n");
    let mechanism = rng.pick(MECHANISMS);
    // Adequacy only where a decision exists; the other mechanisms go anywhere.
    let country = if mechanism == "adequacy" {
        rng.pick(ADEQUATE)
    } else {
        rng.pick(COUNTRIES)
    };
    let _ = writeln!(
        r,
        "\n  transfer t{n} {{\n    country {country}\n    recipient mailer\n    mechanism {mechanism}"
    );
    r.push_str("    copy fi \"Pyydä kopio: dpo@acme.fi\" sv \"Begär en kopia: dpo@acme.fi\" en \"Ask for a copy: dpo@acme.fi\"\n  }\n");
    let years = 1 + rng.below(9);
    let _ = writeln!(r, "\n  retention {years} years after last-contact {{");
    r.push_str("    text {\n      fi \"\"\"\n        Tietoja säilytetään asiakassuhteen ajan.\n\n        - laskutustiedot kirjanpitolain mukaan\n        - muut tiedot poistetaan\n        \"\"\"\n      sv \"Uppgifterna sparas under kundrelationen.\"\n      en \"Data is kept for the customer relationship.\"\n    }\n  }\n");
    r.push_str("  automated-decisions none\n");
    r.push_str(
        "  security fi \"Pääsynhallinta.\" sv \"Åtkomstkontroll.\" en \"Access control.\"\n}\n",
    );
    r
}

fn main() {
    let mut registers = 100usize;
    let mut out = PathBuf::from("corpus");
    let mut seed = 7u64;
    let mut per_file = 10usize;
    let mut gaps = 20usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().unwrap_or_default();
        match arg.as_str() {
            "--registers" => registers = value.parse().unwrap_or(registers),
            "--out" => out = PathBuf::from(value),
            "--seed" => seed = value.parse().unwrap_or(seed),
            "--per-file" => per_file = value.parse().unwrap_or(per_file).max(1),
            "--gaps" => gaps = value.parse().unwrap_or(gaps),
            other => {
                eprintln!(
                    "unknown option {other}; use --registers N --out DIR [--seed S] [--per-file K] [--gaps PERCENT]"
                );
                std::process::exit(2);
            }
        }
    }
    let mut rng = Rng(seed.max(1));
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("cannot create {}: {e}", out.display());
        std::process::exit(2);
    }
    let write = |name: &str, text: &str| {
        if let Err(e) = std::fs::write(out.join(name), text) {
            eprintln!("cannot write {name}: {e}");
            std::process::exit(2);
        }
    };
    write("common.reg", &common());
    let mut bytes = 0;
    for file in 0..registers.div_ceil(per_file) {
        let mut text = String::from("use std::fi\nuse \"common.reg\"\n\n");
        for n in file * per_file..((file + 1) * per_file).min(registers) {
            text.push_str(&register(&mut rng, n, gaps));
            text.push('\n');
        }
        bytes += text.len();
        write(&format!("registers-{file:05}.reg"), &text);
    }
    eprintln!(
        "wrote {registers} registers ({} KB) to {}",
        bytes / 1024,
        out.display()
    );
}
