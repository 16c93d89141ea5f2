//! Lays out the `regc` binary's code: the functions a check runs first and side by side,
//! in the order of `link/hot-functions.txt` (written by `scripts/hot-functions.sh`).
//!
//! Left to itself the linker scatters those functions through 6 MB of code, and the
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
use std::path::{Path, PathBuf};
use std::process::Command;

const ORDER: &str = "link/hot-functions.txt";

fn main() {
    println!("cargo:rerun-if-changed={ORDER}");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=REGC_NO_ORDER");
    let Some(manifest) = env::var_os("CARGO_MANIFEST_DIR") else {
        return;
    };
    let order = PathBuf::from(manifest).join(ORDER);
    if env::var_os("REGC_NO_ORDER").is_some() || !order.is_file() || !targets_linux() {
        return;
    }
    let args = [
        format!("-Wl,--symbol-ordering-file={}", order.display()),
        // The file names functions of one toolchain and one lock file; a name this build
        // lacks is skipped, not an error.
        "-Wl,--no-warn-symbol-ordering".to_string(),
    ];
    if linker_accepts(&args) {
        for arg in args {
            println!("cargo:rustc-link-arg-bin=regc={arg}");
        }
    }
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
