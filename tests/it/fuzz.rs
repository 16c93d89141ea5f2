//! The fuzzers' harness (`regc::fuzz`) in the test suite: every crash the coverage-guided
//! fuzzer ever found (`tests/fuzz-regressions/`) and the examples and cases run clean, and
//! a short mutation-based property run feeds mangled examples through the whole pipeline
//! and through the text stages. The long runs: `bash fuzz/run.sh syntax|pipeline` (AFL++)
//! and `PROPTEST_CASES=100000 cargo test --release --test it fuzz::` (see docs/testing.md).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use proptest::prelude::*;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn files_under(dir: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root().join(dir)];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Inputs to mutate: the examples and every test case, as the fuzzer's seeds are.
fn seeds() -> &'static [Vec<u8>] {
    static SEEDS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let mut files = files_under("examples");
        files.extend(files_under("tests/cases"));
        files
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "reg"))
            .map(|p| std::fs::read(p).unwrap())
            .filter(|bytes| bytes.len() <= 16 * 1024)
            .collect()
    })
}

#[test]
fn every_saved_crash_and_every_seed_runs_clean() {
    let mut files = files_under("tests/fuzz-regressions");
    files.retain(|p| p.file_name().is_some_and(|n| n != "README.md"));
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        if let Err(broken) = regc::fuzz::run(&bytes) {
            panic!("{}: {broken}", path.display());
        }
    }
    let mut registers = 0;
    for seed in seeds() {
        registers += regc::fuzz::run(seed).unwrap().registers;
    }
    assert!(registers > 50, "the seeds hold registers ({registers})");
}

/// Words the language is made of, for insertions that reach past the lexer.
const TOKENS: &[&str] = &[
    "register r {\n",
    "purpose p {\n",
    "controller c {\n",
    "}\n",
    "{",
    "\"\"\"\n",
    "\"",
    "// c\n",
    ", ",
    ",\n",
    "\n",
    "  ",
    "\t",
    "\\",
    "use \"other.reg\"\n",
    "use \"main.reg\"\n",
    "use \"../x.reg\"\n",
    "use std::fi\n",
    "basis consent\n",
    "retention 6 months after contract-end\n",
    "transfer t {\n  country US\n  mechanism scc\n}\n",
    "allow V001 because \"x\"\n",
    "title en \"<script>alert(1)</script>\"\n",
    "text fi \"{{ x }} ]( ** \"\n",
    "\u{202e}",
    "\u{feff}",
    "é",
    "\0",
    "\r\n",
    "\r",
    "\u{a0}",
    "x\u{301}",
    "²",
    "2018-02-30",
    "FI",
    "+358 40 123 4567",
];

#[derive(Clone, Debug)]
enum Edit {
    Delete { at: usize, len: usize },
    Insert { at: usize, token: usize },
    Byte { at: usize, byte: u8 },
    DuplicateLine { at: usize },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 1..64usize).prop_map(|(at, len)| Edit::Delete { at, len }),
        (any::<usize>(), 0..TOKENS.len()).prop_map(|(at, token)| Edit::Insert { at, token }),
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Edit::Byte { at, byte }),
        any::<usize>().prop_map(|at| Edit::DuplicateLine { at }),
    ]
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        let n = bytes.len() + 1;
        match *e {
            Edit::Delete { at, len } => {
                let start = at % n;
                let end = (start + len).min(bytes.len());
                bytes.drain(start.min(end)..end);
            }
            Edit::Insert { at, token } => {
                let at = at % n;
                bytes.splice(at..at, TOKENS[token].bytes());
            }
            Edit::Byte { at, byte } => {
                let at = at % n;
                bytes.insert(at, byte);
            }
            Edit::DuplicateLine { at } => {
                let at = at % n;
                let start = bytes[..at]
                    .iter()
                    .rposition(|b| *b == b'\n')
                    .map_or(0, |i| i + 1);
                let end = bytes[at..]
                    .iter()
                    .position(|b| *b == b'\n')
                    .map_or(bytes.len(), |i| at + i + 1);
                let line = bytes[start..end].to_vec();
                bytes.splice(start..start, line);
            }
        }
    }
    bytes
}

fn mutated() -> impl Strategy<Value = Vec<u8>> {
    (
        any::<prop::sample::Index>(),
        prop::collection::vec(edit(), 1..12),
    )
        .prop_map(|(seed, edits)| apply(seed.get(seeds()).clone(), &edits))
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(300),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn mangled_inputs_never_break_the_pipeline(input in mutated()) {
        if let Err(broken) = regc::fuzz::run(&input) {
            prop_assert!(false, "{broken}");
        }
    }

    #[test]
    fn mangled_inputs_never_break_the_text_stages(input in mutated()) {
        if let Err(broken) = regc::fuzz::run_syntax(&input) {
            prop_assert!(false, "{broken}");
        }
    }
}
