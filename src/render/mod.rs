//! Stage 4, render: the resolved model as files people and programs read.
//!
//! `notice` lays a register out as a document in one language (texts from `l10n`);
//! `markdown` and `html` write it, escaping every text from the `.reg` file (`escape`);
//! `json` writes the model itself; `layout` decides where each file goes for a site
//! generator.

pub mod dpv;
pub mod escape;
pub mod html;
pub mod iri;
pub mod json;
pub mod l10n;
pub mod layout;
pub mod markdown;
pub mod notice;
pub mod ropa;
pub mod tilt;
