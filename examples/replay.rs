//! Runs files through the fuzzers' pipeline (`regc::fuzz::run`), to reproduce a crash the
//! fuzzer saved or to time the harness: `cargo run --release --example replay -- FILE...`
//! (`--times N` repeats each file; `--syntax` runs the text stages only, as the `syntax`
//! fuzz target does).

use std::time::Instant;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut times = 1usize;
    if let Some(at) = args.iter().position(|a| a == "--times") {
        times = args.get(at + 1).and_then(|n| n.parse().ok()).unwrap_or(1);
        args.drain(at..(at + 2).min(args.len()));
    }
    let syntax = args.iter().any(|a| a == "--syntax");
    args.retain(|a| a != "--syntax");
    let run = if syntax {
        regc::fuzz::run_syntax
    } else {
        regc::fuzz::run
    };
    regc::fuzz::warm_up();
    let mut failed = false;
    let mut runs = 0usize;
    let start = Instant::now();
    for path in &args {
        let Ok(bytes) = std::fs::read(path) else {
            eprintln!("{path}: cannot read");
            failed = true;
            continue;
        };
        for _ in 0..times {
            runs += 1;
            if let Err(broken) = run(&bytes) {
                eprintln!("{path}: {broken}");
                failed = true;
                break;
            }
        }
    }
    let elapsed = start.elapsed().as_secs_f64();
    eprintln!(
        "{runs} runs in {elapsed:.2} s ({:.0} µs a run)",
        elapsed * 1e6 / runs.max(1) as f64
    );
    std::process::exit(i32::from(failed));
}
