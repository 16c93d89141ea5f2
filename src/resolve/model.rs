//! The resolved model: what a register means, every name replaced by what it names, every
//! derived fact (articles, rights, authority, transfer status) worked out. These types are
//! also the JSON output; the JSON Schema is generated from them (`regc schema`).
//!
//! Spans are kept for diagnostics and never serialized.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

pub use super::facts::Jurisdiction;
use crate::source::Span;

/// The version of the JSON format; bumped on any incompatible change.
pub const FORMAT: &str = "regc.register/3";

/// A text per language: BCP 47 tag → text, in tag order. Empty when the register gives
/// none. In JSON an object, exactly as a `BTreeMap` would be; in memory a shared sorted
/// list, because a register holds hundreds of these with two or three entries each (a map
/// node costs over half a kilobyte), and the standard library's texts (rights, bases,
/// authorities) are the same in every register, so they are shared, not copied.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Texts(std::sync::Arc<[(String, String)]>);

impl Texts {
    pub fn get(&self, lang: &str) -> Option<&String> {
        self.0
            .binary_search_by(|(tag, _)| tag.as_str().cmp(lang))
            .ok()
            .and_then(|i| self.0.get(i))
            .map(|(_, text)| text)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &String)> {
        self.0.iter().map(|(tag, text)| (tag, text))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(tag, _)| tag)
    }

    pub fn values(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(_, text)| text)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn contains_key(&self, lang: &str) -> bool {
        self.get(lang).is_some()
    }
}

/// Like collecting into a map: sorted by tag, and a tag given twice keeps its last text.
impl FromIterator<(String, String)> for Texts {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(iter: I) -> Texts {
        let mut entries: Vec<(String, String)> = iter.into_iter().collect();
        // Stable, so among equal tags the last given stays last and survives the dedup.
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        entries.reverse();
        entries.dedup_by(|later, earlier| later.0 == earlier.0);
        entries.reverse();
        Texts(entries.into())
    }
}

impl<'a> IntoIterator for &'a Texts {
    type Item = (&'a String, &'a String);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, String)>,
        fn(&'a (String, String)) -> (&'a String, &'a String),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(tag, text)| (tag, text))
    }
}

impl Serialize for Texts {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

/// The same schema as the map it stands for.
impl JsonSchema for Texts {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        <BTreeMap<String, String>>::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        <BTreeMap<String, String>>::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <BTreeMap<String, String>>::json_schema(generator)
    }
}

/// One JSON document: one register.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterDoc {
    /// Always `regc.register/2`.
    pub format: String,
    /// The `.reg` file the register is written in: from `regc build`, its path inside the
    /// project (relative to `--root`, with `/`).
    pub source: String,
    /// The date facts were judged on (adequacy decisions, laws in force), when it was
    /// chosen (`--today`, `SOURCE_DATE_EPOCH`). Absent when regc judged on the clock's
    /// today, so that outputs do not change from one day to the next.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_date: Option<String>,
    pub register: Register,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Register {
    pub id: String,
    pub title: Texts,
    /// Languages the notice is published in.
    pub languages: Vec<String>,
    /// When the description was last updated (ISO 8601: a day, or `YYYY-MM` when only the
    /// month is known).
    pub updated: Option<String>,
    pub profiles: Vec<Profile>,
    pub controller: Option<Controller>,
    /// The people to contact, in the order the register names them.
    pub contacts: Vec<Person>,
    pub dpo: Option<Person>,
    /// Which of GDPR Art. 13 (data from the subject) and Art. 14 (data from elsewhere) apply.
    pub information_articles: Vec<String>,
    pub purposes: Vec<Purpose>,
    /// Legal bases the notice gives for the whole register without saying which purpose
    /// each covers. A single one is also each purpose's basis when it has none of its own.
    pub bases: Vec<Reference>,
    /// The legitimate interest said once for the whole register.
    pub interest: Texts,
    /// Whether providing the data is required, said once for the whole register (a
    /// purpose's own `requirement` is in the purpose).
    pub requirement: Option<Requirement>,
    /// Every data category the register uses: listed, defined in it, or kept for a
    /// period of its own (named in a `retention` block's `data`).
    pub data: Vec<DataCategory>,
    pub subjects: Vec<Category>,
    pub sources: Vec<Source>,
    pub recipients: Stated<Recipient>,
    pub transfers: Stated<Transfer>,
    pub retention: Vec<Retention>,
    pub automated_decisions: AutomatedDecisions,
    pub security: Vec<Texts>,
    /// The rights the legal bases give (derived, never typed in), and any other right the
    /// register states or writes a note on.
    pub rights: Vec<Right>,
    /// The rights the notice itself names (`rights …` and every `right` block), when the
    /// register says which it names; `null` when it does not say.
    pub stated_rights: Option<Vec<String>>,
    /// Where a data subject can complain: the authority the controller names, or the one of
    /// its country; always the current one.
    pub authority: Option<Authority>,
    /// The authority the register itself names, as named (possibly by a former name).
    pub named_authority: Option<Authority>,
    /// When no authority is named and the competent one depends on the controller's region,
    /// which it does not give: the country (`DE`) whose regional authority is competent.
    pub authority_by_region: Option<String>,
    pub cites: Vec<Law>,
    /// What the controller promises not to do, as the register lists it.
    pub commitments: Vec<Commitment>,
    /// General texts with a heading of their own, in the order written.
    pub sections: Vec<Section>,
    pub suppressions: Vec<Suppression>,
    #[serde(skip)]
    pub span: Span,
}

/// A general text with a heading of its own (`section`).
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    /// The heading.
    pub title: Texts,
    pub text: Texts,
}

/// A promise about what is not done with the data (`commitments`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Commitment {
    /// Not sold or rented.
    NoSale,
    /// Not disclosed to others for their marketing.
    NoMarketingDisclosure,
    /// Not used for direct marketing.
    NoDirectMarketing,
    /// Not used or disclosed for market or opinion research.
    NoMarketResearch,
    /// Not used for profiling.
    NoProfiling,
    /// No special categories of personal data are processed.
    NoSpecialCategories,
    /// Disclosed to no one but the recipients listed.
    NoOtherRecipients,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Profile {
    Notice,
    Ropa,
    Strict,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BusinessId {
    pub country: String,
    pub id: String,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Controller {
    pub id: String,
    /// `organisation`, `person`, `persons` or `public-authority`; `null` when not said.
    pub kind: Option<String>,
    pub name: Option<String>,
    pub business_id: Option<BusinessId>,
    pub address: Option<String>,
    pub country: Option<String>,
    /// The region (ISO 3166-2, e.g. `DE-BY`), where supervision depends on it.
    pub region: Option<String>,
    /// The law the controller answers to, by its country: `uk` (UK GDPR) for GB, `ch`
    /// (Swiss FADP) for CH, else `eu` (GDPR).
    pub jurisdiction: Jurisdiction,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
    /// The representative (GDPR or UK GDPR Art. 27).
    pub representative: Option<Person>,
    /// Joint controllers (Art. 26) and the essence of the arrangement.
    pub joint_controllers: Vec<JointController>,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JointController {
    pub id: String,
    pub name: Option<String>,
    pub essence: Texts,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: String,
    pub name: Option<String>,
    pub role: Texts,
    pub organisation: Option<String>,
    pub address: Option<String>,
    /// ISO 3166-1 code of where the person is established.
    pub country: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Purpose {
    pub id: String,
    /// A short name: the purpose's heading in the notice.
    pub title: Texts,
    pub text: Texts,
    /// Art. 6(1) bases.
    pub bases: Vec<Reference>,
    /// The legitimate interest, for Art. 6(1)(f).
    pub interest: Texts,
    /// Art. 9(2) conditions or Art. 10 authorities.
    pub conditions: Vec<Reference>,
    pub requirement: Option<Requirement>,
    /// How consent is obtained: `opt-in`, `checkbox`, `registration`, `pre-ticked`,
    /// `site-use`, `policy-acceptance`, `bundled`.
    pub consent: Option<String>,
    pub direct_marketing: bool,
    /// Ids of the data categories this purpose uses.
    pub data: Vec<String>,
    /// The recipients that receive data for this purpose (also listed in `recipients`).
    pub recipients: Vec<RecipientRef>,
    pub retention: Vec<Retention>,
    #[serde(skip)]
    pub span: Span,
}

/// A standard-library fact referred to by name: a basis, condition, mechanism, right.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub id: String,
    pub article: Option<String>,
    pub title: Texts,
}

impl Reference {
    /// Whether this basis is Art. 6(1)(f), legitimate interests.
    pub fn is_legitimate_interest(&self) -> bool {
        self.id == "legitimate-interest" || self.article.as_deref() == Some("6(1)(f)")
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RequirementKind {
    Statutory,
    Contractual,
    ContractPrerequisite,
    Voluntary,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    pub kind: RequirementKind,
    /// What follows if the data is not given.
    pub consequence: Texts,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DataKind {
    Ordinary,
    /// Special categories, Art. 9.
    Special,
    /// Criminal convictions and offences, Art. 10.
    Criminal,
    /// A national identification number, Art. 87: national law sets the conditions.
    NationalId,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataCategory {
    pub id: String,
    pub title: Texts,
    pub kind: DataKind,
    pub text: Texts,
    /// People may leave it out.
    pub optional: bool,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub title: Texts,
    pub text: Texts,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    Subject,
    ThirdParty,
    Public,
    /// The controller's own systems (logs, records of the person's use of a service):
    /// observed from the person, so Art. 13 applies.
    OwnSystems,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: Texts,
    /// Every kind the source is; empty when the register does not say (then Art. 14 is
    /// assumed).
    pub kinds: Vec<SourceKind>,
    pub name: Option<String>,
    pub text: Texts,
    /// Where the source can be found.
    pub website: Option<String>,
}

/// An answer that may be missing: `not-stated` (the register is silent), `none` (it says
/// there are none), or `listed`.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(tag = "status", content = "items", rename_all = "kebab-case")]
pub enum Stated<T> {
    NotStated,
    None,
    Listed(Vec<T>),
}

impl<T> Stated<T> {
    /// The items listed; none when the register says there are none or is silent.
    pub fn items(&self) -> &[T] {
        match self {
            Stated::Listed(items) => items,
            Stated::None | Stated::NotStated => &[],
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RecipientRole {
    Processor,
    Controller,
    JointController,
    Authority,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    pub id: String,
    pub name: Option<String>,
    pub title: Texts,
    /// The roles it may act in (`processor` and `controller`: either, depending on the
    /// processing); empty when not said.
    pub roles: Vec<RecipientRole>,
    pub countries: Vec<String>,
    pub certified: Vec<String>,
    pub text: Texts,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Transfer {
    pub id: String,
    /// ISO 3166-1 codes, `EU`, `EEA`, or `outside-eea` where no country is named.
    pub countries: Vec<String>,
    /// False when every destination is inside the EEA: then it is no Chapter V transfer.
    pub chapter_v: bool,
    /// The recipients of the transfer, by id and by the name the notice shows.
    pub recipients: Vec<RecipientRef>,
    pub mechanism: Option<Mechanism>,
    /// Whether the mechanism holds on the check date.
    pub status: TransferStatus,
    /// How to obtain a copy of the safeguard.
    pub copy: Texts,
    pub text: Texts,
    #[serde(skip)]
    pub span: Span,
}

/// A recipient named elsewhere (in a transfer): its id, and its name and title for the
/// notice.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecipientRef {
    pub id: String,
    pub name: Option<String>,
    pub title: Texts,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Mechanism {
    pub id: String,
    pub article: Option<String>,
    pub title: Texts,
    /// The Commission decision, when the mechanism is one (an adequacy decision, the SCCs).
    pub decision: Option<String>,
    /// The adequacy decision found for the destination, for `adequacy`.
    pub adequacy_decision: Option<AdequacyDecision>,
    /// What using it needs: `copy` of the safeguard, a certification.
    pub needs: Vec<String>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AdequacyDecision {
    pub id: String,
    pub country: Option<String>,
    pub decision: Option<String>,
    pub valid_from: Option<String>,
    pub valid_until: Option<String>,
    pub scope: Texts,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TransferStatus {
    /// Inside the EEA: not a transfer under Chapter V.
    NotATransfer,
    /// No mechanism given.
    NotStated,
    /// The mechanism holds on the check date.
    InForce,
    /// Adequacy relied on, but no decision covers the destination on the check date.
    NoDecision,
    /// The mechanism or decision ended before the check date.
    Expired,
    /// The mechanism or decision starts after the check date.
    NotYetInForce,
    /// The decision covers only certified recipients, and the recipient is not said to be.
    NeedsCertification,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DurationUnit {
    Minutes,
    Hours,
    Days,
    Weeks,
    Months,
    Years,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Duration {
    pub amount: u32,
    pub unit: DurationUnit,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub title: Texts,
    /// The phrase after a period: "after the last contact".
    pub after: Texts,
    /// The phrase for `until`: "until consent is withdrawn".
    pub until: Texts,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum RetentionRule {
    Period {
        duration: Duration,
        /// Whether the period is the period itself or a bound on it: `exact`, `at-least`
        /// (a minimum, often a law's; the end is not said) or `at-most` (deleted by then).
        bound: RetentionBound,
        after: Option<Event>,
        under: Option<Law>,
    },
    Until {
        event: Event,
    },
    /// Free-text criteria with no period: reported as vague by `regc check`.
    Criteria {
        criteria: Texts,
    },
    /// The controller keeps none of the data: it passes straight on.
    NotKept,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RetentionBound {
    Exact,
    AtLeast,
    AtMost,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Retention {
    pub rule: RetentionRule,
    /// Ids of the data categories the period covers; empty means all.
    pub data: Vec<String>,
    pub text: Texts,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum AutomatedDecisions {
    NotStated,
    None,
    Described {
        logic: Texts,
        significance: Texts,
        consequences: Texts,
    },
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Right {
    pub id: String,
    pub article: Option<String>,
    pub title: Texts,
    pub text: Texts,
    /// What gives the right: basis or condition ids, `direct-marketing`, `automated-decisions`.
    pub because: Vec<String>,
    /// Whether the register's bases give it (or every basis does); false for a right the
    /// register only states or writes a note on.
    pub derived: bool,
    /// Whether the notice itself names it (see `stated_rights`).
    pub stated: bool,
    pub note: Texts,
    pub restriction: Option<RightRestriction>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RightRestriction {
    pub text: Texts,
    pub law: Option<Law>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    pub id: String,
    pub country: Option<String>,
    pub title: Texts,
    pub website: Option<String>,
    pub address: Texts,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// False for a former name (e.g. Datainspektionen, renamed IMY in 2021).
    pub current: bool,
    pub replaced_by: Option<String>,
    /// The region (ISO 3166-2) it is competent for, e.g. `DE-BY`; none for a national one.
    pub region: Option<String>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Law {
    pub id: String,
    pub country: Option<String>,
    pub number: Option<String>,
    pub title: Texts,
    /// Whether the law is in force on the check date.
    pub in_force: bool,
    pub replaced_by: Option<String>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Suppression {
    pub code: String,
    pub reason: String,
    /// Where it stands: `register`, `purpose marketing`, `transfer us-hosting`, …
    pub scope: String,
}

#[cfg(test)]
mod texts_tests {
    use super::*;

    #[test]
    fn texts_sort_by_tag_keep_the_last_text_of_a_tag_and_serialize_as_an_object() {
        let texts: Texts = [("sv", "b"), ("en", "a"), ("fi", "x"), ("en", "c")]
            .into_iter()
            .map(|(l, t)| (l.to_string(), t.to_string()))
            .collect();
        assert_eq!(texts.keys().collect::<Vec<_>>(), ["en", "fi", "sv"]);
        assert_eq!(texts.get("en").map(String::as_str), Some("c"));
        assert_eq!(texts.get("de"), None);
        assert_eq!(
            serde_json::to_string(&texts).ok().as_deref(),
            Some(r#"{"en":"c","fi":"x","sv":"b"}"#)
        );
    }
}
