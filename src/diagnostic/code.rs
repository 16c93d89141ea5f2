//! What a diagnostic's code is: a name (`invalid-date`, `P002`), a kind, a summary and an
//! explanation. Every code is declared once, as data: the stages' codes in `codes.rs`, each
//! rule's in its own file. Everything that prints a code (the terminal, SARIF, `regc
//! explain`, the docs) reads it from here, so none of them looks a code up by its name.

use super::Severity;

/// Which stage reports a code, and so what kind of mistake it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// The text cannot be read as `.reg` statements.
    Syntax,
    /// A statement's value is not of its type (a date, a country, an e-mail address…).
    Value,
    /// An import cannot be followed.
    Import,
    /// An input passes one of regc's limits.
    Limit,
    /// A completeness or consistency rule (`regc explain --list`).
    Rule,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Syntax => "syntax",
            Kind::Value => "value",
            Kind::Import => "import",
            Kind::Limit => "limit",
            Kind::Rule => "rule",
        }
    }
}

/// The declaration of a code the stages before the rules report.
pub struct CodeInfo {
    pub name: &'static str,
    pub kind: Kind,
    /// What is wrong, as one lower-case phrase.
    pub summary: &'static str,
    /// Markdown: what it means, a failing example, the fix.
    pub explanation: &'static str,
}

/// Which profiles a rule belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applies {
    /// The notice and the record of processing both need it.
    Always,
    /// Only what a notice to data subjects must say (rights, complaint, …).
    NoticeOnly,
    /// Only the Art. 30 record.
    RopaOnly,
}

/// The declaration of a rule: everything `regc explain` and `docs/rules/` say about it.
pub struct RuleInfo {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// The severity under the `ropa` profile, where it differs.
    pub ropa_severity: Option<Severity>,
    pub applies: Applies,
    /// GDPR articles (or guidelines) the rule enforces, e.g. `13(1)(c)`; empty for none.
    pub articles: &'static str,
    pub summary: &'static str,
    /// Markdown: what it checks, why, a failing example, the fix.
    pub explanation: &'static str,
}

/// A diagnostic's code. Codes compare, order and hash by name.
#[derive(Clone, Copy)]
pub enum Code {
    Stage(&'static CodeInfo),
    Rule(&'static RuleInfo),
}

impl Code {
    /// `invalid-date`, `P002`.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Stage(c) => c.name,
            Code::Rule(r) => r.code,
        }
    }

    /// A rule's name (`basis-missing`); a stage code is its own name.
    pub fn title(self) -> &'static str {
        match self {
            Code::Stage(c) => c.name,
            Code::Rule(r) => r.name,
        }
    }

    pub fn kind(self) -> Kind {
        match self {
            Code::Stage(c) => c.kind,
            Code::Rule(_) => Kind::Rule,
        }
    }

    pub fn summary(self) -> &'static str {
        match self {
            Code::Stage(c) => c.summary,
            Code::Rule(r) => r.summary,
        }
    }

    /// The GDPR articles a rule enforces; empty for none (every stage code).
    pub fn articles(self) -> &'static str {
        match self {
            Code::Stage(_) => "",
            Code::Rule(r) => r.articles,
        }
    }

    /// The severity the code has by default.
    pub fn severity(self) -> Severity {
        match self {
            Code::Stage(_) => Severity::Error,
            Code::Rule(r) => r.severity,
        }
    }

    pub fn rule(self) -> Option<&'static RuleInfo> {
        match self {
            Code::Rule(r) => Some(r),
            Code::Stage(_) => None,
        }
    }

    /// Where the code's page is in the repository.
    pub fn doc_path(self) -> String {
        match self {
            Code::Stage(_) => "docs/language.md".to_string(),
            Code::Rule(r) => format!("docs/rules/{}.md", r.code),
        }
    }

    /// The page's address on the web: the repository named in the package metadata, at
    /// the tag of this version (a release is tagged `v<version>`, docs/releasing.md), so
    /// that a report links the explanation of the regc that wrote it.
    pub fn doc_url(self) -> String {
        format!(
            "{}/blob/v{}/{}",
            env!("CARGO_PKG_REPOSITORY").trim_end_matches('/'),
            env!("CARGO_PKG_VERSION"),
            self.doc_path()
        )
    }

    /// What `regc explain CODE` prints: the page of `docs/rules/` for a rule, the same shape
    /// for a stage code.
    pub fn page(self) -> String {
        match self {
            Code::Stage(c) => format!(
                "# {name}\n\n{summary}.\n\n| severity | kind |\n|---|---|\n| error | {kind} |\n\n{explanation}",
                name = c.name,
                summary = capitalise(c.summary),
                kind = c.kind.as_str(),
                explanation = c.explanation.trim_start(),
            ),
            Code::Rule(info) => format!(
                "# {code} {name}\n\n{summary}.\n\n| severity | article | profiles |\n|---|---|---|\n| {severity} | {article} | {profiles} |\n\n{explanation}",
                code = info.code,
                name = info.name,
                summary = capitalise(info.summary),
                severity = info.severity_text(),
                article = info.article_text(),
                profiles = info.profiles_text(),
                explanation = info.explanation.trim_start(),
            ),
        }
    }
}

impl RuleInfo {
    /// `error`, or `warning (ropa: error)` where the `ropa` profile raises it.
    pub fn severity_text(&self) -> String {
        let base = self.severity.as_str();
        match self.ropa_severity {
            Some(s) if s != self.severity => format!("{base} (ropa: {})", s.as_str()),
            _ => base.to_string(),
        }
    }

    pub fn profiles_text(&self) -> &'static str {
        match self.applies {
            Applies::Always => "notice, ropa",
            Applies::NoticeOnly => "notice",
            Applies::RopaOnly => "ropa",
        }
    }

    /// The articles, or a dash for none.
    pub fn article_text(&self) -> &'static str {
        if self.articles.is_empty() {
            "—"
        } else {
            self.articles
        }
    }
}

pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl PartialEq for Code {
    fn eq(&self, other: &Code) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Code {}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Code) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Code {
    fn cmp(&self, other: &Code) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::hash::Hash for Code {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl std::fmt::Debug for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
