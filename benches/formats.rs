//! Time of every `check --format` on 10,000 and 100,000 findings, to show it grows
//! linearly: `cargo bench --bench formats`. Half the findings repeat one message on
//! identical lines (the case that made fingerprints quadratic), half are all different.
//! Timed with `std::time::Instant`, best of three runs.

use std::time::Instant;

use regc::diagnostic::Diagnostic;
use regc::diagnostic::codes;
use regc::diagnostic::formats::{Format, render};
use regc::source::{SourceMap, Span};

fn findings(n: usize) -> (SourceMap, Vec<Diagnostic>) {
    let mut text = String::from("register r {\n");
    for i in 0..n {
        if i % 2 == 0 {
            text.push_str("  foo bar\n");
        } else {
            text.push_str(&format!("  foo{i} bar\n"));
        }
    }
    text.push_str("}\n");
    let mut sources = SourceMap::new();
    let id = sources.add("many.reg", text.as_str());
    let mut diagnostics = Vec::with_capacity(n);
    let mut offset = "register r {\n".len();
    for (i, line) in text.lines().skip(1).take(n).enumerate() {
        let word = line.trim_start().split(' ').next().unwrap_or("");
        let start = offset + 2;
        diagnostics.push(
            Diagnostic::error(
                codes::UNKNOWN_KEYWORD,
                Span::new(id, start, start + word.len()),
                format!("`{word}` is not a statement of a `register`"),
            )
            .with_help(if i % 2 == 0 {
                "did you mean `for`?"
            } else {
                "remove it"
            }),
        );
        offset += line.len() + 1;
    }
    (sources, diagnostics)
}

fn main() {
    let formats = [
        ("json", Format::Json),
        ("sarif", Format::Sarif),
        ("github", Format::Github),
        ("gitlab", Format::Gitlab),
        ("junit", Format::Junit),
    ];
    let files = vec!["many.reg".to_string()];
    println!("format   10,000 findings   100,000 findings   ratio (10 = linear)");
    for (name, format) in formats {
        let mut times = Vec::new();
        for n in [10_000, 100_000] {
            let (sources, diagnostics) = findings(n);
            let mut best = f64::MAX;
            let mut bytes = 0;
            for _ in 0..3 {
                let start = Instant::now();
                bytes = render(format, &sources, &diagnostics, &files).len();
                best = best.min(start.elapsed().as_secs_f64());
            }
            assert!(bytes > n, "{name}: {bytes} bytes for {n} findings");
            times.push(best);
        }
        println!(
            "{name:<8} {:>12.1} ms   {:>13.1} ms   {:>6.1}",
            times[0] * 1e3,
            times[1] * 1e3,
            times[1] / times[0]
        );
    }
}
