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

use crate::check::Rule;

pub static RULES: &[&dyn Rule] = &[
    &c002::ControllerContactMissing,
    &c003::ControllerAddressMissing,
    &c004::BusinessIdMissing,
    &c005::RepresentativeMissing,
    &c006::DpoContactMissing,
    &c007::JointControllerEssenceMissing,
];
