//! Throughput of each stage on a corpus, in MB/s: `cargo bench --bench throughput -- DIR`
//! (DIR from `cargo run --release --example synth -- --registers 1000 --out DIR`; run with
//! `RAYON_NUM_THREADS=1` for one thread). `bench/run.sh` runs it with the whole-command
//! figures. Timed with `std::time::Instant`, best of five runs per stage.

use std::path::{Path, PathBuf};
use std::time::Instant;

use regc::resolve::load::{Files, ImportError, LoadedFile, load};
use regc::source::SourceId;

/// Imports resolved against the importing file's folder, as on the command line.
struct Dir;

impl Files for Dir {
    fn import(&mut self, from: &str, path: &str) -> Result<LoadedFile, ImportError> {
        let target = Path::new(from).parent().unwrap_or(Path::new("")).join(path);
        let bytes = std::fs::read(&target).map_err(|_| ImportError::NotFound)?;
        let name = target.display().to_string();
        Ok(LoadedFile {
            key: name.clone(),
            name,
            bytes,
        })
    }
}

fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::MAX;
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        let out = f();
        best = best.min(start.elapsed().as_secs_f64());
        last = Some(out);
    }
    match last {
        Some(out) => (best, out),
        None => (best, f()),
    }
}

fn main() {
    let Some(dir) = std::env::args().skip(1).find(|a| !a.starts_with('-')) else {
        eprintln!("usage: cargo bench --bench throughput -- CORPUS_DIR");
        std::process::exit(2);
    };
    let dir = PathBuf::from(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "reg"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let texts: Vec<(String, String)> = files
        .iter()
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(p).unwrap_or_default(),
            )
        })
        .collect();
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let mb = bytes as f64 / 1e6;
    let today =
        regc::syntax::values::parse_date("2026-11-23").unwrap_or(regc::syntax::values::Date {
            year: 2026,
            month: 11,
            day: 23,
        });
    println!("corpus: {} files, {:.2} MB", texts.len(), mb);

    let (t, _) = best(5, || {
        texts
            .iter()
            .map(|(_, t)| regc::syntax::parse(SourceId(0), t).value.nodes.len())
            .sum::<usize>()
    });
    println!("parse (CST)            {:>8.1} MB/s  {:>8.3} s", mb / t, t);
    let (t, _) = best(5, || {
        texts
            .iter()
            .map(|(_, t)| regc::syntax::parse_module(SourceId(0), t).value.items.len())
            .sum::<usize>()
    });
    println!("parse + lower (AST)    {:>8.1} MB/s  {:>8.3} s", mb / t, t);

    let roots = || {
        texts
            .iter()
            .map(|(n, t)| LoadedFile {
                key: n.clone(),
                name: n.clone(),
                bytes: t.clone().into_bytes(),
            })
            .collect::<Vec<_>>()
    };
    let (t, program) = best(5, || load(roots(), &mut Dir).value);
    println!("load (parse + imports) {:>8.1} MB/s  {:>8.3} s", mb / t, t);
    let options = regc::resolve::Options { references: false };
    let (t, resolved) = best(5, || regc::resolve::resolve(&program, &options));
    println!("resolve names          {:>8.1} MB/s  {:>8.3} s", mb / t, t);
    let (t, docs) = best(5, || {
        resolved
            .registers()
            .map(|(file, ast)| regc::resolve::model(file, ast, today).value)
            .collect::<Vec<_>>()
    });
    println!(
        "models                 {:>8.1} MB/s  {:>8.3} s  ({} registers)",
        mb / t,
        t,
        docs.len()
    );
    let check_options = regc::check::Options::on(today);
    let (t, findings) = best(5, || {
        let mut findings: Vec<_> = resolved
            .registers()
            .zip(&docs)
            .flat_map(|((file, ast), doc)| {
                regc::check::check_register(doc, ast, &file.scope, &check_options)
            })
            .collect();
        let across: Vec<_> = resolved
            .registers()
            .map(|(file, ast)| regc::check::Across::new(ast, file.index, &file.scope))
            .collect();
        let mut named = regc::check::Named::new();
        for (_, ast) in resolved.registers() {
            regc::check::note_names(ast, &mut named);
        }
        let first_scope = resolved.registers().next().map(|(file, _)| &file.scope);
        regc::check::check_program(
            &program,
            &across,
            &named,
            first_scope,
            &check_options,
            &mut findings,
        );
        findings
    });
    println!(
        "check                  {:>8.1} MB/s  {:>8.3} s  ({} findings)",
        mb / t,
        t,
        findings.len()
    );
    let (t, out) = best(5, || {
        let mut out = 0usize;
        for doc in &docs {
            out += regc::render::json::register(doc)
                .map(|s| s.len())
                .unwrap_or(0);
            for lang in &doc.register.languages {
                if let Some(cat) = regc::render::l10n::Catalog::new(lang) {
                    let outline = regc::render::notice::build(doc, &cat);
                    out += regc::render::markdown::render(
                        &outline,
                        regc::render::markdown::FrontMatter::Yaml,
                    )
                    .len();
                    out += regc::render::html::page(&outline).len();
                }
            }
        }
        out
    });
    println!(
        "render (JSON, MD, HTML){:>8.1} MB/s  {:>8.3} s  ({:.1} MB written)",
        mb / t,
        t,
        out as f64 / 1e6
    );
}
