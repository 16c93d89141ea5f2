//! The rules, one file each, named `<code>_<name>.rs`. They are grouped in batches only so
//! that the registry stays a list of lists; the batch says nothing about the rule.

mod batch_a;
mod batch_b;
mod batch_c;
mod batch_core;

use super::Rule;

/// Every rule, in code order.
pub fn all() -> Vec<&'static dyn Rule> {
    // Sorted once per process: `info()` builds each rule's texts, and `check` asks per run.
    static SORTED: std::sync::OnceLock<Vec<&'static dyn Rule>> = std::sync::OnceLock::new();
    SORTED
        .get_or_init(|| {
            let mut rules: Vec<&'static dyn Rule> = batch_core::RULES
                .iter()
                .chain(batch_a::RULES)
                .chain(batch_b::RULES)
                .chain(batch_c::RULES)
                .copied()
                .collect();
            rules.sort_by_cached_key(|r| r.info().code);
            rules
        })
        .clone()
}
