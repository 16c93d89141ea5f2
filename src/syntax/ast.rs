//! The syntax tree with meaning: each declaration a typed struct, each value checked.
//! Names are not resolved yet (that is `resolve`); order of statements is not kept
//! (that is the CST's job). Spans are kept for diagnostics and never affect equality.

use super::values::{
    BusinessId, Country, Date, Duration, Email, LanguageTag, Phone, Region, RuleCode, WebUrl,
};
use crate::source::{SourceId, Span};

/// A value with the place it was written.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Located<T> {
    pub value: T,
    pub span: Span,
}

/// An empty value at an empty place: what a declaration's fields start as before lowering
/// fills them in (`Register { id, span, ..Register::default() }`).
impl<T: Default> Default for Located<T> {
    fn default() -> Self {
        Located {
            value: T::default(),
            span: Span::default(),
        }
    }
}

/// `"value" @ 10..12`: compact, so syntax-tree snapshots stay readable.
impl<T: std::fmt::Debug> std::fmt::Debug for Located<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?} @ {:?}", self.value, self.span)
    }
}

/// A name: defined by a declaration or referring to one.
pub type Name = Located<compact_str::CompactString>;

/// A text in one language-neutral form (names, addresses).
pub type Text = Located<String>;

/// A text people read, given per language.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LocalText {
    pub entries: Vec<(Located<LanguageTag>, Text)>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Module {
    pub source: SourceId,
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Item {
    Use(Use),
    // Boxed: a file holds thousands of items, and each would otherwise take the size of
    // the largest declaration (a controller's 528 bytes) whatever it is.
    Controller(Box<Controller>),
    Person(Box<Person>),
    Register(Box<Register>),
    Data(Box<DataCategory>),
    Subject(Box<SubjectCategory>),
    Source(Box<SourceDef>),
    Recipient(Box<Recipient>),
    /// Reference facts: bases, rights, authorities, laws… (mostly the standard library's).
    Fact(Box<Fact>),
}

/// The kinds of reference fact. They share one shape; the schema says which statements
/// each kind may hold.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum FactKind {
    /// An Art. 6(1) legal basis.
    Basis,
    /// An Art. 9(2) condition or an Art. 10 authority.
    Condition,
    /// A data subject's right (Art. 7(3), 15–22, 77).
    Right,
    /// A supervisory authority.
    Authority,
    /// A Chapter V transfer mechanism.
    Mechanism,
    /// An Art. 45 adequacy decision.
    Adequacy,
    /// A law a notice may cite.
    Law,
    /// An event a retention period runs from or until.
    Event,
    /// A group of countries (`EU`, `EEA`).
    Group,
    /// Another body a notice may name (a regulator, a former public body), known so that
    /// an outdated name in a text can be reported.
    Body,
}

impl FactKind {
    pub const ALL: [(&'static str, FactKind); 10] = [
        ("basis", FactKind::Basis),
        ("condition", FactKind::Condition),
        ("right", FactKind::Right),
        ("authority", FactKind::Authority),
        ("mechanism", FactKind::Mechanism),
        ("adequacy", FactKind::Adequacy),
        ("law", FactKind::Law),
        ("event", FactKind::Event),
        ("group", FactKind::Group),
        ("body", FactKind::Body),
    ];

    pub fn keyword(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("fact", |(w, _)| w)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Fact {
    pub kind: FactKind,
    pub id: Name,
    pub article: Option<Text>,
    pub title: Option<LocalText>,
    pub text: Option<LocalText>,
    /// The rights a basis or condition gives.
    pub gives: Vec<Name>,
    pub countries: Vec<Located<Country>>,
    /// The region an authority is competent for (`DE-BY`); none for a national one.
    pub region: Option<Located<Region>>,
    /// The country whose law grants an adequacy decision or a transfer mechanism (`GB` for
    /// the UK's); none for the EU's.
    pub granted_by: Option<Located<Country>>,
    pub decision: Option<Text>,
    pub number: Option<Text>,
    /// First day in force.
    pub valid_from: Option<Located<Date>>,
    /// First day no longer in force (repealed, invalidated, renamed).
    pub valid_until: Option<Located<Date>>,
    pub replaced_by: Option<Name>,
    /// What a use of it needs: `copy` (of the safeguard), a certification such as `eu-us-dpf`.
    pub needs: Vec<Name>,
    pub scope: Option<LocalText>,
    pub website: Option<Located<WebUrl>>,
    pub address: Option<LocalText>,
    pub phone: Option<Located<Phone>>,
    pub email: Option<Located<Email>>,
    /// Event phrases: "after the last contact", "until consent is withdrawn".
    pub after: Option<LocalText>,
    pub until: Option<LocalText>,
    /// Other names people write for it (`known-as fi "henkilötietolaki", "PUL"`).
    pub known_as: Vec<Alias>,
    pub span: Span,
}

/// One name people write for a fact or a recipient: in one language (matched by word
/// stem in texts of that language) or in none (matched in every text; a name without
/// lower-case letters, such as `PUL` or `95/46/EC`, only as written, word for word).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Alias {
    pub lang: Option<Located<LanguageTag>>,
    pub name: Text,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Use {
    /// `use std::gdpr`
    Std(Name),
    /// `use "common.reg"`
    File(Text),
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Allow {
    pub code: Located<RuleCode>,
    pub reason: Text,
    pub span: Span,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Controller {
    pub id: Name,
    /// `kind person`: who the controller is; an organisation when not said.
    pub kind: Option<Located<ControllerKind>>,
    pub name: Option<Text>,
    pub business_id: Option<Located<BusinessId>>,
    pub address: Option<Text>,
    pub country: Option<Located<Country>>,
    /// The ISO 3166-2 subdivision (`DE-BY`), where the competent authority depends on it.
    pub region: Option<Located<Region>>,
    pub email: Option<Located<Email>>,
    pub phone: Option<Located<Phone>>,
    pub website: Option<Located<WebUrl>>,
    pub representative: Option<Name>,
    pub joint_controllers: Vec<JointController>,
    pub authority: Option<Name>,
    pub allows: Vec<Allow>,
    pub span: Span,
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum ControllerKind {
    /// A company, association or foundation: a legal person.
    Organisation,
    /// A private person (no business identifier to expect).
    Person,
    /// Several people acting together without a legal person of their own.
    Persons,
    /// A public authority or body (Art. 37(1)(a): must designate a DPO).
    PublicAuthority,
}

impl ControllerKind {
    pub const ALL: &'static [(&'static str, ControllerKind)] = &[
        ("organisation", ControllerKind::Organisation),
        ("person", ControllerKind::Person),
        ("persons", ControllerKind::Persons),
        ("public-authority", ControllerKind::PublicAuthority),
    ];

    pub fn keyword(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("organisation", |(w, _)| w)
    }

    /// Whether the controller is one or more natural persons.
    pub fn is_natural(self) -> bool {
        matches!(self, ControllerKind::Person | ControllerKind::Persons)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct JointController {
    pub controller: Name,
    pub essence: Option<LocalText>,
    pub span: Span,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Person {
    pub id: Name,
    pub name: Option<Text>,
    pub role: Option<LocalText>,
    pub organisation: Option<Text>,
    pub address: Option<Text>,
    /// Where the person is established: a DPO's or an Art. 27 representative's country.
    pub country: Option<Located<Country>>,
    pub email: Option<Located<Email>>,
    pub phone: Option<Located<Phone>>,
    pub website: Option<Located<WebUrl>>,
    pub span: Span,
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Profile {
    Notice,
    Ropa,
    Strict,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Register {
    pub id: Name,
    pub title: Option<LocalText>,
    pub languages: Vec<Located<LanguageTag>>,
    pub updated: Option<Located<Date>>,
    /// `updated 2022-04`: only the month is known; `updated` holds its first day.
    pub updated_month_only: bool,
    pub controller: Option<Name>,
    /// `contact taru, pekka`: the people to contact, each a `person` with its role.
    pub contacts: Vec<Name>,
    pub dpo: Option<Name>,
    pub profiles: Vec<Located<Profile>>,
    pub purposes: Vec<Purpose>,
    /// Whether providing the data is required, said once for every purpose.
    pub requirement: Option<Requirement>,
    /// `basis a, b`: legal bases the notice gives for the whole register, not per purpose.
    /// One covers every purpose without a basis of its own; several cover none of them.
    pub bases: Vec<Name>,
    /// `interest en "…"`: the legitimate interest said once for every purpose that rests on
    /// legitimate interests and names none of its own.
    pub interest: Option<LocalText>,
    /// `data a, b`: categories used, by name.
    pub data: Vec<Name>,
    /// `data x { ... }`: categories defined here (and so used).
    pub data_defs: Vec<DataCategory>,
    pub subjects: Vec<Name>,
    pub subject_defs: Vec<SubjectCategory>,
    pub sources: Vec<Name>,
    pub source_defs: Vec<SourceDef>,
    /// `recipients none`
    pub recipients_none: Option<Span>,
    pub recipients: Vec<Name>,
    pub recipient_defs: Vec<Recipient>,
    /// `transfers none`
    pub transfers_none: Option<Span>,
    pub transfers: Vec<Transfer>,
    pub retention: Vec<Retention>,
    /// Boxed: described decisions take three texts (136 bytes) that most registers do not
    /// have, and without them a register fits a smaller allocation.
    pub automated_decisions: Option<Box<AutomatedDecisions>>,
    pub security: Vec<LocalText>,
    pub rights: Vec<RightNote>,
    /// `rights access, erasure, complaint` or `rights none`: the rights the notice itself
    /// tells people about, compared with those its bases give.
    pub stated_rights: Option<StatedRights>,
    pub cites: Vec<Name>,
    pub authority: Option<Name>,
    /// `commitments no-sale, no-profiling`: what the controller promises not to do.
    pub commitments: Vec<Located<Commitment>>,
    /// `section cookies { … }`: general texts with a heading of their own.
    pub sections: Vec<Section>,
    pub allows: Vec<Allow>,
    pub span: Span,
}

/// A promise a notice makes about what is not done with the data. Each is a fixed sentence
/// in every language, so that it can be translated and, later, checked against the rest of
/// the register. Promises the language already states as answers are not here:
/// `automated-decisions none`, `transfers none`, `recipients none`.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Commitment {
    /// The data is not sold (or rented).
    NoSale,
    /// The data is not disclosed to others for their marketing.
    NoMarketingDisclosure,
    /// The data is not used for direct marketing.
    NoDirectMarketing,
    /// The data is not used or disclosed for market or opinion research.
    NoMarketResearch,
    /// The data is not used for profiling (Art. 4(4)).
    NoProfiling,
    /// No special categories of data (Art. 9) are processed.
    NoSpecialCategories,
    /// The data is disclosed to no one but the recipients the register names.
    NoOtherRecipients,
}

impl Commitment {
    pub const ALL: &'static [(&'static str, Commitment)] = &[
        ("no-sale", Commitment::NoSale),
        ("no-marketing-disclosure", Commitment::NoMarketingDisclosure),
        ("no-direct-marketing", Commitment::NoDirectMarketing),
        ("no-market-research", Commitment::NoMarketResearch),
        ("no-profiling", Commitment::NoProfiling),
        ("no-special-categories", Commitment::NoSpecialCategories),
        ("no-other-recipients", Commitment::NoOtherRecipients),
    ];

    pub fn keyword(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, c)| *c == self)
            .map_or("no-sale", |(w, _)| w)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Purpose {
    pub id: Name,
    /// A short name, the purpose's heading in the notice.
    pub title: Option<LocalText>,
    pub text: Option<LocalText>,
    pub bases: Vec<Name>,
    pub interest: Option<LocalText>,
    pub conditions: Vec<Name>,
    pub requirement: Option<Requirement>,
    /// `consent checkbox`: how the consent this purpose rests on is obtained.
    pub consent: Option<Located<ConsentMethod>>,
    pub direct_marketing: Option<Span>,
    pub data: Vec<Name>,
    /// The register's recipients that receive data for this purpose.
    pub recipients: Vec<Name>,
    pub retention: Vec<Retention>,
    pub allows: Vec<Allow>,
    pub span: Span,
}

/// How consent is obtained. The last four are not the clear affirmative act Art. 4(11)
/// asks for, or not freely given (Art. 7(2), 7(4)).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum ConsentMethod {
    /// A separate, active yes: a reply, a signature, a button only for consent.
    OptIn,
    /// An unticked box the person ticks on a form.
    Checkbox,
    /// Registering or signing up for something the consent is about.
    Registration,
    /// A box ticked in advance.
    PreTicked,
    /// Using the site or the service.
    SiteUse,
    /// Accepting the privacy policy or the notice.
    PolicyAcceptance,
    /// Agreeing to the terms of service, with consent in the same yes.
    Bundled,
}

impl ConsentMethod {
    pub const ALL: &'static [(&'static str, ConsentMethod)] = &[
        ("opt-in", ConsentMethod::OptIn),
        ("checkbox", ConsentMethod::Checkbox),
        ("registration", ConsentMethod::Registration),
        ("pre-ticked", ConsentMethod::PreTicked),
        ("site-use", ConsentMethod::SiteUse),
        ("policy-acceptance", ConsentMethod::PolicyAcceptance),
        ("bundled", ConsentMethod::Bundled),
    ];

    pub fn keyword(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, m)| *m == self)
            .map_or("opt-in", |(w, _)| w)
    }

    /// Whether it can be valid consent at all.
    pub fn is_valid(self) -> bool {
        matches!(
            self,
            ConsentMethod::OptIn | ConsentMethod::Checkbox | ConsentMethod::Registration
        )
    }
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum RequirementKind {
    Statutory,
    Contractual,
    ContractPrerequisite,
    Voluntary,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Requirement {
    pub kind: Located<RequirementKind>,
    pub consequence: Option<LocalText>,
    pub span: Span,
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum DataKind {
    Ordinary,
    Special,
    Criminal,
    /// A national identification number (Art. 87).
    NationalId,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DataCategory {
    pub id: Name,
    pub title: Option<LocalText>,
    pub kind: Option<Located<DataKind>>,
    pub text: Option<LocalText>,
    /// `optional`: people may leave it out.
    pub optional: Option<Span>,
    pub span: Span,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SubjectCategory {
    pub id: Name,
    pub title: Option<LocalText>,
    pub text: Option<LocalText>,
    pub span: Span,
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum SourceKind {
    Subject,
    ThirdParty,
    Public,
    /// The controller's own systems: logs and records of the person's use of a service.
    OwnSystems,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SourceDef {
    pub id: Name,
    pub title: Option<LocalText>,
    /// `kind subject, third-party`: every kind the source is; none when not said.
    pub kinds: Vec<Located<SourceKind>>,
    pub name: Option<Text>,
    pub text: Option<LocalText>,
    /// Where the source can be found, e.g. a public register's address (Art. 14(2)(f)).
    pub website: Option<Located<WebUrl>>,
    pub span: Span,
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum RecipientRole {
    Processor,
    Controller,
    JointController,
    Authority,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Recipient {
    pub id: Name,
    pub name: Option<Text>,
    pub title: Option<LocalText>,
    /// `role processor, controller`: the roles it may act in; none when not said.
    pub roles: Vec<Located<RecipientRole>>,
    pub countries: Vec<Located<Country>>,
    /// Certifications the recipient holds, e.g. `eu-us-dpf`.
    pub certified: Vec<Name>,
    pub text: Option<LocalText>,
    /// Other names people write for it: product names, former names.
    pub known_as: Vec<Alias>,
    pub span: Span,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Transfer {
    pub id: Name,
    pub countries: Vec<Located<Country>>,
    /// `recipient a, b`: who receives the data in this transfer.
    pub recipients: Vec<Name>,
    pub mechanism: Option<Name>,
    pub copy: Option<LocalText>,
    pub text: Option<LocalText>,
    pub allows: Vec<Allow>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RetentionRule {
    /// `5 years after last-contact`, `6 years under fi-accounting-act`, or both; `at least
    /// 6 years …` or `at most 2 years …` when the period is a bound.
    Period {
        /// `at least` or `at most`; none for an exact period.
        bound: Option<Located<RetentionBound>>,
        duration: Located<Duration>,
        after: Option<Name>,
        under: Option<Name>,
    },
    /// `until consent-withdrawn`
    Until(Name),
    /// `criteria fi "..."`: free text, reported as vague by the checker.
    Criteria(LocalText),
    /// `none`: the controller keeps none of the data; it passes straight on (to the
    /// recipient that keeps it, named in the text).
    NotKept,
}

/// A period that is a bound rather than the period itself: "at least 6 years" (a minimum a
/// law sets, with no end said) or "at most 2 years" (deleted by then at the latest).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum RetentionBound {
    AtLeast,
    AtMost,
}

impl RetentionBound {
    pub const ALL: &'static [(&'static str, RetentionBound)] = &[
        ("least", RetentionBound::AtLeast),
        ("most", RetentionBound::AtMost),
    ];

    /// As written: `at least`, `at most`.
    pub fn words(self) -> &'static str {
        match self {
            RetentionBound::AtLeast => "at least",
            RetentionBound::AtMost => "at most",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Retention {
    pub rule: RetentionRule,
    pub data: Vec<Name>,
    pub text: Option<LocalText>,
    pub allows: Vec<Allow>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum AutomatedDecisions {
    None(Span),
    Described {
        logic: Option<LocalText>,
        significance: Option<LocalText>,
        consequences: Option<LocalText>,
        span: Span,
    },
}

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StatedRights {
    /// `rights none`: the notice names no right at all.
    pub none: Option<Span>,
    pub rights: Vec<Name>,
    pub span: Span,
}

/// A general text with its own heading, for what a notice says that has no statement of
/// its own (cookies, how changes to the notice are announced).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Section {
    pub id: Name,
    pub title: Option<LocalText>,
    pub text: Option<LocalText>,
    pub span: Span,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RightNote {
    pub right: Name,
    pub note: Option<LocalText>,
    pub restriction: Option<LocalText>,
    pub law: Option<Name>,
    pub span: Span,
}
