//! The `regc` command. All file access, printing and exit codes live in `cli`.

mod cli;

/// mimalloc rather than the system's allocator: with glibc's, a build of 10,000 registers
/// spent a fifth of its time searching free lists (`unlink_chunk`) in its large heap.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
