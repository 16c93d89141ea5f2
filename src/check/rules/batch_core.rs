//! The rules written with the framework (see `mod.rs`).

#[path = "c001_controller_missing.rs"]
mod c001;
#[path = "p002_basis_missing.rs"]
mod p002;
#[path = "x001_unknown_reference.rs"]
mod x001;
#[path = "x002_duplicate_definition.rs"]
mod x002;
#[path = "x005_unused_suppression.rs"]
mod x005;
#[path = "x006_unknown_rule_code.rs"]
mod x006;

use crate::check::Rule;

pub static RULES: &[&dyn Rule] = &[
    &c001::ControllerMissing,
    &p002::BasisMissing,
    &x001::UnknownReference,
    &x002::DuplicateDefinition,
    &x005::UnusedSuppression,
    &x006::UnknownRuleCode,
];
