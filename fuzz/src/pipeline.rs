//! Every input goes through the whole pipeline (`regc::fuzz::run`): a panic or a broken
//! invariant is a crash for AFL++ to keep.

fn main() {
    regc::fuzz::warm_up();
    afl::fuzz!(|data: &[u8]| {
        if let Err(broken) = regc::fuzz::run(data) {
            panic!("invariant broken: {broken}");
        }
    });
}
