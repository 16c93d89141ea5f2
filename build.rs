//! Lays out the `regc` binary's code: the functions a check runs first and side by side,
//! in the order of `link/hot-functions.txt` (written by `scripts/hot-functions.sh`).
//!
//! Left to itself the linker scatters those functions through 6.7 MB of code, and the
//! kernel maps 64 KB around each one a run touches: a check of 1,000 registers held 5.3 MB
//! of the binary's code in memory, a third of its peak. Side by side they take 1.8 MB.
//! What runs is the same code, so no output changes (docs/performance.md, "The functions a
//! check runs, side by side").
//!
//! Only a linker that reads an ordering file (LLD, Rust's default on x86-64 Linux) is given
//! one: a one-line program is linked with the option first, and without it regc links as
//! before.

use std::env;
use std::ffi::OsString;
use std::path::Path;
use std::process::Command;

const ORDER: &str = "link/hot-functions.txt";

fn main() {
    println!("cargo:rerun-if-changed={ORDER}");
    println!("cargo:rerun-if-changed=build.rs");
    // The probe's answer holds for one linker: asked again when the environment names
    // another. (A linker changed in `.cargo/config.toml` is not seen: `cargo clean -p
    // regc-gdpr`, or REGC_NO_ORDER=1, then.)
    for name in ["REGC_NO_ORDER", "RUSTFLAGS", "CARGO_BUILD_RUSTFLAGS"] {
        println!("cargo:rerun-if-env-changed={name}");
    }
    if let Ok(target) = env::var("TARGET") {
        let target = target.to_uppercase().replace(['-', '.'], "_");
        println!("cargo:rerun-if-env-changed=CARGO_TARGET_{target}_RUSTFLAGS");
        println!("cargo:rerun-if-env-changed=CARGO_TARGET_{target}_LINKER");
    }
    if turned_off() || !targets_linux() {
        return;
    }
    let Some(manifest) = env::var_os("CARGO_MANIFEST_DIR") else {
        return;
    };
    let order = Path::new(&manifest).join(ORDER);
    // Cargo reads its instructions as UTF-8; a path that is not stays unordered.
    let Some(order) = order.to_str().filter(|_| order.is_file()) else {
        return;
    };
    // `-Xlinker`, not `-Wl,`: a comma in the path would split it.
    let args = [
        "-Xlinker".to_string(),
        format!("--symbol-ordering-file={order}"),
        // The file names functions of one toolchain and one lock file; a name this build
        // lacks is skipped, not an error.
        "-Xlinker".to_string(),
        "--no-warn-symbol-ordering".to_string(),
    ];
    if linker_accepts(&args) {
        for arg in args {
            println!("cargo:rustc-link-arg-bin=regc={arg}");
        }
    }
}

/// `REGC_NO_ORDER=1` builds without the order, to measure what it does.
fn turned_off() -> bool {
    env::var("REGC_NO_ORDER").is_ok_and(|v| !v.is_empty() && v != "0")
}

fn targets_linux() -> bool {
    env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux")
}

/// Whether the linker cargo will use for `regc` links a one-line program with `args`.
fn linker_accepts(args: &[String]) -> bool {
    let (Some(rustc), Some(out), Ok(target)) = (
        env::var_os("RUSTC"),
        env::var_os("OUT_DIR"),
        env::var("TARGET"),
    ) else {
        return false;
    };
    let out = Path::new(&out);
    let probe = out.join("order_probe.rs");
    if std::fs::write(&probe, "fn main() {}\n").is_err() {
        return false;
    }
    let mut command = Command::new(rustc);
    command
        .arg("--target")
        .arg(target)
        .arg("--crate-type=bin")
        .arg("-o")
        .arg(out.join("order_probe"))
        .arg(&probe);
    // The flags and the linker cargo gives the real build, so that the probe links the way
    // it will.
    if let Ok(flags) = env::var("CARGO_ENCODED_RUSTFLAGS") {
        command.args(flags.split('\x1f').filter(|f| !f.is_empty()));
    }
    if let Some(linker) = env::var_os("RUSTC_LINKER") {
        let mut arg = OsString::from("linker=");
        arg.push(linker);
        command.arg("-C").arg(arg);
    }
    for arg in args {
        command.arg("-C").arg(format!("link-arg={arg}"));
    }
    command
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}
