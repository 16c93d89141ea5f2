//! The text-facing stages alone (`regc::fuzz::run_syntax`): parse, lower, diagnostics and
//! the formatter, many times faster than the whole pipeline.

fn main() {
    regc::fuzz::warm_up();
    afl::fuzz!(|data: &[u8]| {
        if let Err(broken) = regc::fuzz::run_syntax(data) {
            panic!("invariant broken: {broken}");
        }
    });
}
