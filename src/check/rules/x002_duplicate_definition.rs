//! X002 duplicate-definition. Reported by name resolution, which comes before the rules, so
//! its declaration is in `diagnostic/codes.rs` with the stage codes.

use crate::check::{Rule, RuleInfo};
use crate::diagnostic::codes;

pub struct DuplicateDefinition;

impl Rule for DuplicateDefinition {
    fn info(&self) -> &'static RuleInfo {
        &codes::DUPLICATE_DEFINITION_RULE
    }
}
