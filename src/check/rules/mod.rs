//! The rules, one file each, named `<code>_<name>.rs`; `all` lists them. A new rule is a
//! new file, a `mod` line and an entry in `RULES` (see `tests/README.md`).

mod a001_authority_unknown;
mod a002_authority_outdated;
mod a003_complaint_not_stated;
mod a004_authority_region_missing;
mod c001_controller_missing;
mod c002_controller_contact_missing;
mod c003_controller_address_missing;
mod c004_business_id_missing;
mod c005_representative_missing;
mod c006_dpo_contact_missing;
mod c007_joint_controller_essence_missing;
mod c008_dpo_missing;
mod c009_name_missing;
mod d001_data_categories_missing;
mod d002_source_missing;
mod d003_subjects_missing;
mod g001_right_note_inapplicable;
mod g002_right_restricted_without_law;
mod g003_rights_not_stated;
mod g004_withdrawal_not_stated;
mod k001_retention_missing;
mod k002_retention_vague;
mod k003_retention_per_purpose;
mod l001_translation_missing;
mod l002_language_unsupported;
mod l003_placeholder_text;
mod l004_markup_in_text;
mod m001_adm_undeclared;
mod m002_adm_details_missing;
mod m003_adm_special_category;
mod o001_repealed_law;
mod o002_invalid_transfer_framework;
mod o003_outdated_scc;
mod o004_updated_in_future;
mod o005_review_overdue;
mod o006_outdated_name;
mod p001_purposes_missing;
mod p002_basis_missing;
mod p003_legitimate_interest_missing;
mod p004_legitimate_interest_vague;
mod p005_special_category_condition_missing;
mod p006_criminal_data_basis_missing;
mod p007_requirement_missing;
mod p008_consent_for_employees;
mod p009_unknown_purpose_data;
mod p010_unused_data;
mod p011_consent_not_valid;
mod p012_interests_unknown;
mod r001_recipients_missing;
mod r002_recipient_vague;
mod r003_processor_abroad_without_transfer;
mod s001_security_missing;
mod t001_transfers_missing;
mod t002_transfer_mechanism_missing;
mod t003_adequacy_not_valid;
mod t004_transfer_copy_missing;
mod t005_transfer_country_vague;
mod t006_us_adequacy_needs_dpf;
mod t007_provider_transfer_unstated;
mod v001_vague_wording;
mod x001_unknown_reference;
mod x002_duplicate_definition;
mod x003_unused_definition;
mod x004_inconsistent_retention;
mod x005_unused_suppression;
mod x006_unknown_rule_code;

use super::Rule;

// What the rules across registers keep of each register (`check::Across`).
pub(super) use x003_unused_definition::names_in_register;
pub(super) use x004_inconsistent_retention::{Periods, periods};

/// Every rule, in code order (a unit test keeps it so).
static RULES: &[&dyn Rule] = &[
    &a001_authority_unknown::AuthorityUnknown,
    &a002_authority_outdated::AuthorityOutdated,
    &a003_complaint_not_stated::ComplaintNotStated,
    &a004_authority_region_missing::AuthorityRegionMissing,
    &c001_controller_missing::ControllerMissing,
    &c002_controller_contact_missing::ControllerContactMissing,
    &c003_controller_address_missing::ControllerAddressMissing,
    &c004_business_id_missing::BusinessIdMissing,
    &c005_representative_missing::RepresentativeMissing,
    &c006_dpo_contact_missing::DpoContactMissing,
    &c007_joint_controller_essence_missing::JointControllerEssenceMissing,
    &c008_dpo_missing::DpoMissing,
    &c009_name_missing::NameMissing,
    &d001_data_categories_missing::DataCategoriesMissing,
    &d002_source_missing::SourceMissing,
    &d003_subjects_missing::SubjectsMissing,
    &g001_right_note_inapplicable::RightNoteInapplicable,
    &g002_right_restricted_without_law::RightRestrictedWithoutLaw,
    &g003_rights_not_stated::RightsNotStated,
    &g004_withdrawal_not_stated::WithdrawalNotStated,
    &k001_retention_missing::RetentionMissing,
    &k002_retention_vague::RetentionVague,
    &k003_retention_per_purpose::RetentionPerPurpose,
    &l001_translation_missing::TranslationMissing,
    &l002_language_unsupported::LanguageUnsupported,
    &l003_placeholder_text::PlaceholderText,
    &l004_markup_in_text::MarkupInText,
    &m001_adm_undeclared::AdmUndeclared,
    &m002_adm_details_missing::AdmDetailsMissing,
    &m003_adm_special_category::AdmSpecialCategory,
    &o001_repealed_law::RepealedLaw,
    &o002_invalid_transfer_framework::InvalidTransferFramework,
    &o003_outdated_scc::OutdatedScc,
    &o004_updated_in_future::UpdatedInFuture,
    &o005_review_overdue::ReviewOverdue,
    &o006_outdated_name::OutdatedName,
    &p001_purposes_missing::PurposesMissing,
    &p002_basis_missing::BasisMissing,
    &p003_legitimate_interest_missing::LegitimateInterestMissing,
    &p004_legitimate_interest_vague::LegitimateInterestVague,
    &p005_special_category_condition_missing::SpecialCategoryConditionMissing,
    &p006_criminal_data_basis_missing::CriminalDataBasisMissing,
    &p007_requirement_missing::RequirementMissing,
    &p008_consent_for_employees::ConsentForEmployees,
    &p009_unknown_purpose_data::UnknownPurposeData,
    &p010_unused_data::UnusedData,
    &p011_consent_not_valid::ConsentNotValid,
    &p012_interests_unknown::InterestsUnknown,
    &r001_recipients_missing::RecipientsMissing,
    &r002_recipient_vague::RecipientVague,
    &r003_processor_abroad_without_transfer::ProcessorAbroadWithoutTransfer,
    &s001_security_missing::SecurityMissing,
    &t001_transfers_missing::TransfersMissing,
    &t002_transfer_mechanism_missing::TransferMechanismMissing,
    &t003_adequacy_not_valid::AdequacyNotValid,
    &t004_transfer_copy_missing::TransferCopyMissing,
    &t005_transfer_country_vague::TransferCountryVague,
    &t006_us_adequacy_needs_dpf::UsAdequacyNeedsDpf,
    &t007_provider_transfer_unstated::ProviderTransferUnstated,
    &v001_vague_wording::VagueWording,
    &x001_unknown_reference::UnknownReference,
    &x002_duplicate_definition::DuplicateDefinition,
    &x003_unused_definition::UnusedDefinition,
    &x004_inconsistent_retention::InconsistentRetention,
    &x005_unused_suppression::UnusedSuppression,
    &x006_unknown_rule_code::UnknownRuleCode,
];

/// Every rule, in code order.
pub fn all() -> &'static [&'static dyn Rule] {
    RULES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rules_are_listed_once_in_code_order_and_named_after_their_files() {
        let codes: Vec<&str> = RULES.iter().map(|r| r.info().code).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(
            codes, sorted,
            "RULES must list each rule once, in code order"
        );
    }
}
