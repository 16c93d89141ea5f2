//! Every integration test, in one binary: fourteen test crates each linking the whole of
//! regc took most of a fresh `cargo test`; one crate links it once (`docs/testing.md`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

mod cases;
mod cli;
mod cli_build;
mod cli_conventions;
mod cli_diff;
mod cli_fmt;
mod config;
mod docs;
mod exports;
mod fmt;
mod formats;
mod fuzz;
mod json;
mod limits;
mod lsp;
mod notices;
mod packaging;
mod resolve;
mod robustness;

mod rules;
