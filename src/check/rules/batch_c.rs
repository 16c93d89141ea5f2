//! A batch of rules (see `mod.rs`).

#[path = "l001_translation_missing.rs"]
mod l001;
#[path = "l002_language_unsupported.rs"]
mod l002;
#[path = "l003_placeholder_text.rs"]
mod l003;
#[path = "l004_markup_in_text.rs"]
mod l004;
#[path = "o001_repealed_law.rs"]
mod o001;
#[path = "o002_invalid_transfer_framework.rs"]
mod o002;
#[path = "o003_outdated_scc.rs"]
mod o003;
#[path = "o004_updated_in_future.rs"]
mod o004;
#[path = "o005_review_overdue.rs"]
mod o005;
#[path = "s001_security_missing.rs"]
mod s001;
#[path = "v001_vague_wording.rs"]
mod v001;
#[path = "x003_unused_definition.rs"]
mod x003;
#[path = "x004_inconsistent_retention.rs"]
mod x004;

use crate::check::Rule;

pub static RULES: &[&dyn Rule] = &[
    &l001::TranslationMissing,
    &l002::LanguageUnsupported,
    &l003::PlaceholderText,
    &l004::MarkupInText,
    &o001::RepealedLaw,
    &o002::InvalidTransferFramework,
    &o003::OutdatedScc,
    &o004::UpdatedInFuture,
    &o005::ReviewOverdue,
    &s001::SecurityMissing,
    &v001::VagueWording,
    &x003::UnusedDefinition,
    &x004::InconsistentRetention,
];
