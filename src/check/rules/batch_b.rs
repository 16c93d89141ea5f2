//! A batch of rules (see `mod.rs`): recipients, transfers, retention, authority, automated
//! decisions and rights.

#[path = "a001_authority_unknown.rs"]
mod a001;
#[path = "a002_authority_outdated.rs"]
mod a002;
#[path = "g001_right_note_inapplicable.rs"]
mod g001;
#[path = "g002_right_restricted_without_law.rs"]
mod g002;
#[path = "k001_retention_missing.rs"]
mod k001;
#[path = "k002_retention_vague.rs"]
mod k002;
#[path = "k003_retention_per_purpose.rs"]
mod k003;
#[path = "m001_adm_undeclared.rs"]
mod m001;
#[path = "m002_adm_details_missing.rs"]
mod m002;
#[path = "m003_adm_special_category.rs"]
mod m003;
#[path = "r001_recipients_missing.rs"]
mod r001;
#[path = "r002_recipient_vague.rs"]
mod r002;
#[path = "r003_processor_abroad_without_transfer.rs"]
mod r003;
#[path = "t001_transfers_missing.rs"]
mod t001;
#[path = "t002_transfer_mechanism_missing.rs"]
mod t002;
#[path = "t003_adequacy_not_valid.rs"]
mod t003;
#[path = "t004_transfer_copy_missing.rs"]
mod t004;
#[path = "t005_transfer_country_vague.rs"]
mod t005;
#[path = "t006_us_adequacy_needs_dpf.rs"]
mod t006;

use crate::check::Rule;

pub static RULES: &[&dyn Rule] = &[
    &a001::AuthorityUnknown,
    &a002::AuthorityOutdated,
    &g001::RightNoteInapplicable,
    &g002::RightRestrictedWithoutLaw,
    &k001::RetentionMissing,
    &k002::RetentionVague,
    &k003::RetentionPerPurpose,
    &m001::AdmUndeclared,
    &m002::AdmDetailsMissing,
    &m003::AdmSpecialCategory,
    &r001::RecipientsMissing,
    &r002::RecipientVague,
    &r003::ProcessorAbroadWithoutTransfer,
    &t001::TransfersMissing,
    &t002::TransferMechanismMissing,
    &t003::AdequacyNotValid,
    &t004::TransferCopyMissing,
    &t005::TransferCountryVague,
    &t006::UsAdequacyNeedsDpf,
];
