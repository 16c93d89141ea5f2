//! A batch of rules (see `mod.rs`).

#[path = "c002_controller_contact_missing.rs"]
mod c002;
#[path = "c003_controller_address_missing.rs"]
mod c003;
#[path = "c004_business_id_missing.rs"]
mod c004;
#[path = "c005_representative_missing.rs"]
mod c005;
#[path = "c006_dpo_contact_missing.rs"]
mod c006;
#[path = "c007_joint_controller_essence_missing.rs"]
mod c007;
#[path = "d001_data_categories_missing.rs"]
mod d001;
#[path = "d002_source_missing.rs"]
mod d002;
#[path = "d003_subjects_missing.rs"]
mod d003;
#[path = "p001_purposes_missing.rs"]
mod p001;
#[path = "p003_legitimate_interest_missing.rs"]
mod p003;
#[path = "p004_legitimate_interest_vague.rs"]
mod p004;
#[path = "p005_special_category_condition_missing.rs"]
mod p005;
#[path = "p006_criminal_data_basis_missing.rs"]
mod p006;
#[path = "p007_requirement_missing.rs"]
mod p007;
#[path = "p008_consent_for_employees.rs"]
mod p008;
#[path = "p009_unknown_purpose_data.rs"]
mod p009;
#[path = "p010_unused_data.rs"]
mod p010;

use crate::check::Rule;

pub static RULES: &[&dyn Rule] = &[
    &c002::ControllerContactMissing,
    &c003::ControllerAddressMissing,
    &c004::BusinessIdMissing,
    &c005::RepresentativeMissing,
    &c006::DpoContactMissing,
    &c007::JointControllerEssenceMissing,
    &d001::DataCategoriesMissing,
    &d002::SourceMissing,
    &d003::SubjectsMissing,
    &p001::PurposesMissing,
    &p003::LegitimateInterestMissing,
    &p004::LegitimateInterestVague,
    &p005::SpecialCategoryConditionMissing,
    &p006::CriminalDataBasisMissing,
    &p007::RequirementMissing,
    &p008::ConsentForEmployees,
    &p009::UnknownPurposeData,
    &p010::UnusedData,
];
