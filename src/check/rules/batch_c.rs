//! A batch of rules (see `mod.rs`).

use crate::check::Rule;

pub static RULES: &[&dyn Rule] = &[];
