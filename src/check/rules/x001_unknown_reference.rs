//! X001 unknown-reference. Reported by name resolution (`resolve::scope`), which comes
//! before the rules, so its declaration is in `diagnostic/codes.rs` with the stage codes.

use crate::check::{Rule, RuleInfo};
use crate::diagnostic::codes;

pub struct UnknownReference;

impl Rule for UnknownReference {
    fn info(&self) -> &'static RuleInfo {
        &codes::UNKNOWN_REFERENCE_RULE
    }
}
