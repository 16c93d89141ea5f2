//! Which statements may stand in which block, with an example of each. The lowering
//! dispatches on keywords itself; this table is what it consults to say "did you mean" and
//! "`updated` belongs in a `register`", and what the tests check it against.

use foldhash::HashMap;
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockKind {
    Top,
    Controller,
    JointController,
    Person,
    Register,
    Purpose,
    Requirement,
    Data,
    Subject,
    Source,
    Recipient,
    Transfer,
    Retention,
    AutomatedDecisions,
    Right,
    Section,
    Fact(FactKind),
}

impl BlockKind {
    /// Where a statement stands, for messages: "in a `register`", "at the top level".
    pub fn place(self) -> String {
        match self {
            BlockKind::Top => "at the top level of a file".to_string(),
            other => format!("in {}", other.describe()),
        }
    }

    /// How the block is named in messages.
    pub fn describe(self) -> &'static str {
        match self {
            BlockKind::Top => "the top level of a file",
            BlockKind::Controller => "a `controller`",
            BlockKind::JointController => "a `joint-controller`",
            BlockKind::Person => "a `person`",
            BlockKind::Register => "a `register`",
            BlockKind::Purpose => "a `purpose`",
            BlockKind::Requirement => "a `requirement`",
            BlockKind::Data => "a `data` category",
            BlockKind::Subject => "a `subject` category",
            BlockKind::Source => "a `source`",
            BlockKind::Recipient => "a `recipient`",
            BlockKind::Transfer => "a `transfer`",
            BlockKind::Retention => "a `retention`",
            BlockKind::AutomatedDecisions => "`automated-decisions`",
            BlockKind::Right => "a `right`",
            BlockKind::Section => "a `section`",
            BlockKind::Fact(kind) => match kind {
                FactKind::Basis => "a `basis`",
                FactKind::Condition => "a `condition`",
                FactKind::Right => "a `right` definition",
                FactKind::Authority => "an `authority`",
                FactKind::Mechanism => "a `mechanism`",
                FactKind::Adequacy => "an `adequacy` decision",
                FactKind::Law => "a `law`",
                FactKind::Event => "an `event`",
                FactKind::Group => "a `group`",
                FactKind::Body => "a `body`",
            },
        }
    }
}

/// One statement a block may hold: everything the lowering needs to know about its shape
/// besides its values. A new statement is an entry here and an arm where its block is
/// lowered (`syntax/lower/`).
pub struct Entry {
    pub block: BlockKind,
    pub keyword: &'static str,
    pub example: &'static str,
    /// May stand in its block more than once (`purpose`, `allow`); otherwise a second one
    /// is `duplicate-statement`.
    pub repeatable: bool,
    /// Its value is a text that may give its languages in a block (`title { fi "…" }`).
    pub text: bool,
}

impl Entry {
    /// Marks a statement that may be given more than once in its block.
    const fn many(self) -> Entry {
        Entry {
            repeatable: true,
            ..self
        }
    }

    /// Whether a block may follow the statement: a definition (its example ends in `{`) or
    /// a text in several languages.
    pub fn takes_block(&self) -> bool {
        self.text || self.example.ends_with('{')
    }
}

const fn e(block: BlockKind, keyword: &'static str, example: &'static str) -> Entry {
    Entry {
        block,
        keyword,
        example,
        repeatable: false,
        text: is_text_example(example.as_bytes()),
    }
}

/// Whether an example has the shape of a text in a language: `keyword xx "…"`.
const fn is_text_example(example: &[u8]) -> bool {
    let mut i = 0;
    while i < example.len() && example[i] != b' ' {
        i += 1;
    }
    i + 4 < example.len()
        && example[i + 1].is_ascii_lowercase()
        && example[i + 2].is_ascii_lowercase()
        && example[i + 3] == b' '
        && example[i + 4] == b'"'
}

use super::ast::FactKind;
use BlockKind as B;
use FactKind as F;

const fn f(kind: FactKind, keyword: &'static str, example: &'static str) -> Entry {
    e(B::Fact(kind), keyword, example)
}

pub const SCHEMA: &[Entry] = &[
    e(B::Top, "use", "use std::gdpr"),
    e(B::Top, "controller", "controller pro-stories {"),
    e(B::Top, "person", "person taru {"),
    e(B::Top, "register", "register customers {"),
    e(B::Top, "data", "data feedback {"),
    e(B::Top, "subject", "subject members {"),
    e(B::Top, "source", "source partner-lists {"),
    e(B::Top, "recipient", "recipient mailer {"),
    e(B::Top, "basis", "basis consent {"),
    e(B::Top, "condition", "condition explicit-consent {"),
    e(B::Top, "right", "right access {"),
    e(B::Top, "authority", "authority fi-tietosuojavaltuutettu {"),
    e(B::Top, "mechanism", "mechanism scc {"),
    e(B::Top, "adequacy", "adequacy gb {"),
    e(B::Top, "law", "law fi-accounting-act {"),
    e(B::Top, "event", "event last-contact {"),
    e(B::Top, "group", "group eea {"),
    e(B::Controller, "kind", "kind organisation"),
    e(B::Top, "body", "body fi-traficom {"),
    e(B::Controller, "name", "name \"Pro-Stories Oy\""),
    e(B::Controller, "business-id", "business-id FI \"2298585-9\""),
    e(
        B::Controller,
        "address",
        "address \"Eino Leinon tie 9 M, 04310 Tuusula\"",
    ),
    e(B::Controller, "country", "country FI"),
    e(B::Controller, "region", "region DE-BY"),
    e(B::Controller, "email", "email \"info@pro-stories.fi\""),
    e(B::Controller, "phone", "phone \"+358 40 4510757\""),
    e(
        B::Controller,
        "website",
        "website \"https://www.pro-stories.fi\"",
    ),
    e(B::Controller, "representative", "representative eu-rep"),
    e(
        B::Controller,
        "joint-controller",
        "joint-controller partner-oy {",
    )
    .many(),
    e(
        B::Controller,
        "authority",
        "authority fi-tietosuojavaltuutettu",
    ),
    e(
        B::Controller,
        "allow",
        "allow C003 because \"the office has no postal address\"",
    )
    .many(),
    e(B::JointController, "essence", "essence en \"...\""),
    e(B::Person, "name", "name \"Taru Uhrman\""),
    e(B::Person, "role", "role fi \"Asiakkuuspäällikkö\""),
    e(B::Person, "organisation", "organisation \"Pro-Stories Oy\""),
    e(
        B::Person,
        "address",
        "address \"Eino Leinon tie 9 M, 04310 Tuusula\"",
    ),
    e(B::Person, "country", "country FI"),
    e(B::Person, "email", "email \"taru.uhrman@pro-stories.fi\""),
    e(B::Person, "phone", "phone \"+358 40 4510757\""),
    e(
        B::Person,
        "website",
        "website \"https://www.pro-stories.fi\"",
    ),
    e(B::Register, "title", "title fi \"Asiakasrekisteri\""),
    e(B::Register, "languages", "languages fi, en"),
    e(B::Register, "updated", "updated 2018-04-06"),
    e(B::Register, "controller", "controller pro-stories"),
    e(B::Register, "contact", "contact taru"),
    e(B::Register, "dpo", "dpo taru"),
    e(B::Register, "profile", "profile notice"),
    e(B::Register, "purpose", "purpose marketing {").many(),
    e(B::Register, "requirement", "requirement voluntary"),
    e(B::Register, "basis", "basis legitimate-interest"),
    e(B::Register, "interest", "interest en \"...\""),
    e(B::Register, "data", "data name, email").many(),
    e(B::Register, "subjects", "subjects customers").many(),
    e(B::Register, "subject", "subject members {").many(),
    e(B::Register, "sources", "sources subject, public-sources").many(),
    e(B::Register, "source", "source partner-lists {").many(),
    e(B::Register, "recipients", "recipients none").many(),
    e(B::Register, "recipient", "recipient mailer {").many(),
    e(B::Register, "transfers", "transfers none"),
    e(B::Register, "transfer", "transfer us-hosting {").many(),
    e(
        B::Register,
        "retention",
        "retention 5 years after last-contact",
    )
    .many(),
    e(
        B::Register,
        "automated-decisions",
        "automated-decisions none",
    ),
    e(B::Register, "security", "security fi \"...\"").many(),
    e(B::Register, "right", "right access {").many(),
    e(
        B::Register,
        "rights",
        "rights access, rectification, erasure, complaint",
    ),
    e(B::Register, "cites", "cites fi-data-protection-act").many(),
    e(
        B::Register,
        "commitments",
        "commitments no-sale, no-profiling",
    ),
    e(B::Register, "authority", "authority se-imy"),
    e(B::Register, "section", "section cookies {").many(),
    e(
        B::Register,
        "allow",
        "allow K002 because \"the period follows each contract\"",
    )
    .many(),
    e(B::Purpose, "title", "title en \"Customer service\""),
    e(B::Purpose, "text", "text fi \"...\""),
    e(B::Purpose, "basis", "basis contract"),
    e(B::Purpose, "interest", "interest en \"...\""),
    e(B::Purpose, "condition", "condition explicit-consent"),
    e(B::Purpose, "requirement", "requirement contractual"),
    e(B::Purpose, "consent", "consent checkbox"),
    e(B::Purpose, "direct-marketing", "direct-marketing"),
    e(B::Purpose, "data", "data name, email").many(),
    e(B::Purpose, "recipients", "recipients mailer, accountant").many(),
    e(
        B::Purpose,
        "retention",
        "retention 2 years after end-of-contract",
    )
    .many(),
    e(
        B::Purpose,
        "allow",
        "allow P004 because \"the interest is stated in the contract\"",
    )
    .many(),
    e(B::Requirement, "consequence", "consequence en \"...\""),
    e(B::Data, "title", "title fi \"Asiakaspalaute\""),
    e(B::Data, "kind", "kind special"),
    e(B::Data, "text", "text en \"...\""),
    e(B::Data, "optional", "optional"),
    e(B::Subject, "title", "title en \"Newsletter subscribers\""),
    e(B::Subject, "text", "text en \"...\""),
    e(B::Source, "title", "title fi \"...\""),
    e(B::Source, "kind", "kind third-party"),
    e(B::Source, "name", "name \"Asiakastieto Oy\""),
    e(B::Source, "text", "text en \"...\""),
    e(B::Source, "website", "website \"https://www.ytj.fi\""),
    e(B::Recipient, "name", "name \"Example Mail Inc.\""),
    e(B::Recipient, "title", "title en \"Subcontractors\""),
    e(B::Recipient, "role", "role processor"),
    e(B::Recipient, "country", "country US"),
    e(B::Recipient, "certified", "certified eu-us-dpf"),
    e(B::Recipient, "text", "text en \"...\""),
    e(
        B::Recipient,
        "known-as",
        "known-as \"Gmail\", \"Google Workspace\"",
    )
    .many(),
    e(B::Transfer, "country", "country US"),
    e(B::Transfer, "recipient", "recipient mailer"),
    e(B::Transfer, "mechanism", "mechanism scc"),
    e(B::Transfer, "copy", "copy en \"...\""),
    e(B::Transfer, "text", "text en \"...\""),
    e(
        B::Transfer,
        "allow",
        "allow T004 because \"the clauses are linked in the text\"",
    )
    .many(),
    e(B::Retention, "data", "data name, email"),
    e(B::Retention, "text", "text fi \"...\""),
    e(
        B::Retention,
        "allow",
        "allow K002 because \"the law sets the period\"",
    )
    .many(),
    e(B::AutomatedDecisions, "logic", "logic en \"...\""),
    e(
        B::AutomatedDecisions,
        "significance",
        "significance en \"...\"",
    ),
    e(
        B::AutomatedDecisions,
        "consequences",
        "consequences en \"...\"",
    ),
    e(B::Section, "title", "title fi \"Evästeet\""),
    e(B::Section, "text", "text fi \"...\""),
    e(B::Right, "note", "note fi \"...\""),
    e(B::Right, "restriction", "restriction fi \"...\""),
    e(B::Right, "law", "law fi-accounting-act"),
    f(F::Basis, "article", "article \"6(1)(a)\""),
    f(F::Basis, "title", "title en \"consent\""),
    f(F::Basis, "text", "text en \"...\""),
    f(F::Basis, "gives", "gives access, erasure"),
    f(F::Condition, "article", "article \"9(2)(a)\""),
    f(F::Condition, "title", "title en \"explicit consent\""),
    f(F::Condition, "text", "text en \"...\""),
    f(F::Condition, "gives", "gives withdraw-consent"),
    f(F::Right, "article", "article \"15\""),
    f(
        F::Right,
        "title",
        "title en \"Right of access by the data subject\"",
    ),
    f(F::Right, "text", "text en \"...\""),
    f(F::Authority, "country", "country FI"),
    f(F::Authority, "region", "region DE-BY"),
    f(
        F::Authority,
        "title",
        "title fi \"Tietosuojavaltuutetun toimisto\"",
    ),
    f(F::Authority, "website", "website \"https://tietosuoja.fi\""),
    f(
        F::Authority,
        "address",
        "address fi \"PL 800, 00531 Helsinki\"",
    ),
    f(F::Authority, "phone", "phone \"+358 29 566 6700\""),
    f(F::Authority, "email", "email \"tietosuoja@om.fi\""),
    f(F::Authority, "valid-from", "valid-from 2021-01-01"),
    f(F::Authority, "valid-until", "valid-until 2021-01-01"),
    f(F::Authority, "replaced-by", "replaced-by se-imy"),
    f(F::Authority, "text", "text en \"...\""),
    f(F::Authority, "known-as", "known-as sv \"Datainspektionen\"").many(),
    f(F::Mechanism, "article", "article \"46(2)(c)\""),
    f(
        F::Mechanism,
        "title",
        "title en \"standard data protection clauses\"",
    ),
    f(F::Mechanism, "text", "text en \"...\""),
    f(F::Mechanism, "decision", "decision \"(EU) 2021/914\""),
    f(F::Mechanism, "valid-from", "valid-from 2021-06-27"),
    f(F::Mechanism, "valid-until", "valid-until 2022-12-27"),
    f(F::Mechanism, "replaced-by", "replaced-by scc"),
    f(F::Mechanism, "needs", "needs copy"),
    f(F::Mechanism, "granted-by", "granted-by GB"),
    f(F::Mechanism, "known-as", "known-as \"2010/87/EU\"").many(),
    f(F::Adequacy, "country", "country GB"),
    f(F::Adequacy, "title", "title en \"United Kingdom\""),
    f(F::Adequacy, "decision", "decision \"(EU) 2021/1772\""),
    f(F::Adequacy, "valid-from", "valid-from 2021-06-28"),
    f(F::Adequacy, "valid-until", "valid-until 2031-12-27"),
    f(F::Adequacy, "needs", "needs eu-us-dpf"),
    f(F::Adequacy, "granted-by", "granted-by GB"),
    f(
        F::Adequacy,
        "scope",
        "scope en \"commercial organisations under PIPEDA\"",
    ),
    f(F::Adequacy, "text", "text en \"...\""),
    f(F::Adequacy, "known-as", "known-as \"Privacy Shield\"").many(),
    f(F::Law, "country", "country FI"),
    f(F::Law, "number", "number \"1336/1997\""),
    f(F::Law, "title", "title fi \"kirjanpitolaki\""),
    f(F::Law, "valid-from", "valid-from 2019-01-01"),
    f(F::Law, "valid-until", "valid-until 2019-01-01"),
    f(F::Law, "replaced-by", "replaced-by fi-data-protection-act"),
    f(F::Law, "text", "text en \"...\""),
    f(
        F::Law,
        "known-as",
        "known-as fi \"henkilötietolaki\", \"523/1999\"",
    )
    .many(),
    f(F::Event, "title", "title en \"the last contact\""),
    f(F::Event, "after", "after en \"after the last contact\""),
    f(F::Event, "until", "until en \"until consent is withdrawn\""),
    f(F::Group, "title", "title en \"European Economic Area\""),
    f(F::Group, "country", "country AT, BE, BG"),
    f(F::Body, "country", "country FI"),
    f(
        F::Body,
        "title",
        "title fi \"Liikenne- ja viestintävirasto Traficom\"",
    ),
    f(F::Body, "website", "website \"https://traficom.fi\""),
    f(F::Body, "valid-from", "valid-from 2019-01-01"),
    f(F::Body, "valid-until", "valid-until 2019-01-01"),
    f(F::Body, "replaced-by", "replaced-by fi-traficom"),
    f(F::Body, "text", "text en \"...\""),
    f(F::Body, "known-as", "known-as fi \"Viestintävirasto\"").many(),
];

/// The block a statement opens: `purpose marketing {` in a `register` opens a `purpose`.
/// None for a statement that takes no block, or whose block is a text in languages.
pub fn block_of(parent: BlockKind, keyword: &str) -> Option<BlockKind> {
    use BlockKind as B;
    let child = match (parent, keyword) {
        (B::Top, "controller") => B::Controller,
        (B::Top, "person") => B::Person,
        (B::Top, "register") => B::Register,
        (B::Top | B::Register, "data") => B::Data,
        (B::Top | B::Register, "subject") => B::Subject,
        (B::Top | B::Register, "source") => B::Source,
        (B::Top | B::Register, "recipient") => B::Recipient,
        (B::Top, fact) => B::Fact(
            FactKind::ALL
                .iter()
                .find(|(word, _)| *word == fact)
                .map(|(_, kind)| *kind)?,
        ),
        (B::Controller, "joint-controller") => B::JointController,
        (B::Register, "purpose") => B::Purpose,
        (B::Register | B::Purpose, "requirement") => B::Requirement,
        (B::Register | B::Purpose, "retention") => B::Retention,
        (B::Register, "transfer") => B::Transfer,
        (B::Register, "automated-decisions") => B::AutomatedDecisions,
        (B::Register, "right") => B::Right,
        (B::Register, "section") => B::Section,
        _ => return None,
    };
    Some(child)
}

/// The statements a block may hold.
pub fn keywords_of(block: BlockKind) -> impl Iterator<Item = &'static Entry> {
    SCHEMA.iter().filter(move |e| e.block == block)
}

/// The entry for `keyword` in `block`, if it may stand there (the first, as in
/// [`SCHEMA`]'s order).
pub fn entry(block: BlockKind, keyword: &str) -> Option<&'static Entry> {
    // Every statement of every file is looked up here: by block, then by keyword, with a
    // fast hash (SipHash, the standard one, was 3 % of a check's instructions).
    type Index = HashMap<BlockKind, HashMap<&'static str, &'static Entry>>;
    static INDEX: OnceLock<Index> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index = Index::default();
        for e in SCHEMA {
            index
                .entry(e.block)
                .or_default()
                .entry(e.keyword)
                .or_insert(e);
        }
        index
    });
    index.get(&block)?.get(keyword).copied()
}

/// The example for `keyword` in `block`, e.g. `updated 2018-04-06`.
pub fn example(block: BlockKind, keyword: &str) -> Option<&'static str> {
    keywords_of(block)
        .find(|e| e.keyword == keyword)
        .map(|e| e.example)
}

/// The blocks where `keyword` may stand.
pub fn blocks_with(keyword: &str) -> Vec<BlockKind> {
    SCHEMA
        .iter()
        .filter(|e| e.keyword == keyword)
        .map(|e| e.block)
        .collect()
}

/// The closest keyword of `block` to a misspelt one, if close enough to be a likely typo.
pub fn suggest(block: BlockKind, typo: &str) -> Option<&'static str> {
    closest(typo, keywords_of(block).map(|e| e.keyword))
}

/// The candidate nearest to `typo` by edit distance, when it is near enough to be a typo.
pub fn closest<'a>(typo: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let typo = typo.to_lowercase();
    let length = typo.chars().count();
    let limit = (length / 3).clamp(1, 3);
    candidates
        // Words whose lengths differ by more than the limit are further apart than it:
        // skipping them keeps a 4 MB token from costing seconds of edit distances.
        .filter(|c| c.chars().count().abs_diff(length) <= limit)
        .map(|c| (strsim::damerau_levenshtein(&typo, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, c)| (*d, *c))
        .map(|(_, c)| c)
}

/// The standard-library modules `use std::…` may name.
pub const STD_MODULES: &[&str] = &[
    "std::gdpr",
    "std::fi",
    "std::se",
    "std::uk",
    "std::providers",
];
