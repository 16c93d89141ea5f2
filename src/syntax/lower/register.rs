//! `register` and everything inside it.

use super::decls::{choice, data_category, definition, recipient, source_def, subject_category};
use super::{Args, Lowerer, allow, fields, fields_and_allows, fitted, statements_in};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::syntax::ast::{
    AutomatedDecisions, Commitment, ConsentMethod, Located, Name, Profile, Purpose, Register,
    Requirement, RequirementKind, Retention, RetentionBound, RetentionRule, RightNote, Section,
    StatedRights, Transfer,
};
use crate::syntax::cst::{Block, Statement, Word};
use crate::syntax::schema::BlockKind;
use crate::syntax::values::{parse_country, parse_date, parse_duration, parse_language};

pub fn register(lx: &mut Lowerer, stmt: &Statement) -> Option<Register> {
    let (id, body) = definition(lx, BlockKind::Top, stmt, "a name for the register")?;
    Some(register_body(lx, id, body, stmt))
}

/// A register's name becomes file names (`<name>.json`, `<name>.fi.md`), and file systems
/// refuse a name longer than 255 bytes; this leaves room for the longest suffix.
pub const MAX_REGISTER_NAME_BYTES: usize = 200;

pub fn register_body(lx: &mut Lowerer, id: Name, body: &Block, stmt: &Statement) -> Register {
    const B: BlockKind = BlockKind::Register;
    if id.value.len() > MAX_REGISTER_NAME_BYTES {
        lx.report(
            Diagnostic::error(
                codes::INVALID_NAME,
                id.span,
                format!(
                    "the register's name is {} bytes long; it names the register's files, which may be at most {MAX_REGISTER_NAME_BYTES}",
                    id.value.len()
                ),
            )
            .with_label("too long for a file name")
            .with_help(format!(
                "shorten the name to at most {MAX_REGISTER_NAME_BYTES} bytes; the title is what readers see"
            )),
        );
    }
    let mut r = Register {
        id,
        span: stmt.span,
        ..Register::default()
    };
    for s in statements_in(lx, B, Some(body)) {
        register_statement(lx, &mut r, s);
    }
    check_none_contradictions(lx, &r);
    check_commitment_contradictions(lx, &r);
    fit_register(r)
}

/// The lists a register's statements are pushed onto, each cut to its length (see
/// [`fitted`]).
fn fit_register(r: Register) -> Register {
    Register {
        purposes: fitted(r.purposes),
        data_defs: fitted(r.data_defs),
        subject_defs: fitted(r.subject_defs),
        source_defs: fitted(r.source_defs),
        recipient_defs: fitted(r.recipient_defs),
        transfers: fitted(r.transfers),
        retention: fitted(r.retention),
        rights: fitted(r.rights),
        sections: fitted(r.sections),
        allows: fitted(r.allows),
        security: fitted(r.security),
        ..r
    }
}

pub(super) const PROFILES: &[(&str, Profile)] = &[
    ("notice", Profile::Notice),
    ("ropa", Profile::Ropa),
    ("strict", Profile::Strict),
];

fn register_statement(lx: &mut Lowerer, r: &mut Register, s: &Statement) {
    const B: BlockKind = BlockKind::Register;
    match s.keyword.text.as_str() {
        "purpose" => {
            if let Some((id, body)) = definition(lx, B, s, "a name for the purpose") {
                r.purposes.push(purpose_body(lx, id, body, s));
            }
            return;
        }
        "data" if s.block.is_some() => {
            if let Some((id, body)) = definition(lx, B, s, "a name for the data category") {
                r.data_defs.push(data_category(lx, id, body, s));
            }
            return;
        }
        "subject" => {
            if let Some((id, body)) = definition(lx, B, s, "a name for the subject category") {
                r.subject_defs.push(subject_category(lx, id, body, s));
            }
            return;
        }
        "source" => {
            if let Some((id, body)) = definition(lx, B, s, "a name for the source") {
                r.source_defs.push(source_def(lx, id, body, s));
            }
            return;
        }
        "recipient" => {
            if let Some((id, body)) = definition(lx, B, s, "a name for the recipient") {
                r.recipient_defs.push(recipient(lx, id, body, s));
            }
            return;
        }
        "transfer" => {
            r.transfers.extend(transfer(lx, s));
            return;
        }
        "retention" => {
            r.retention.extend(retention(lx, B, s));
            return;
        }
        "automated-decisions" => {
            r.automated_decisions = automated_decisions(lx, s).map(Box::new);
            return;
        }
        "right" => {
            r.rights.extend(right(lx, s));
            return;
        }
        "section" => {
            r.sections.extend(section(lx, s));
            return;
        }
        "allow" => {
            r.allows.extend(allow(lx, B, s));
            return;
        }
        "requirement" => {
            r.requirement = requirement(lx, B, s);
            return;
        }
        _ => {}
    }
    let Some(mut args) = Args::new(lx, B, s) else {
        return;
    };
    args.block_per_schema(lx);
    match s.keyword.text.as_str() {
        "title" => r.title = args.local_text(lx),
        "security" => r.security.extend(args.local_text(lx)),
        "languages" => {
            r.languages = args.list(lx, "a language tag", |lx, w| {
                super::args::typed_word(lx, w, parse_language)
            })
        }
        "updated" => {
            let month = args.typed(lx, "a date", parse_date_or_month);
            r.updated_month_only = month.as_ref().is_some_and(|m| m.value.1);
            r.updated = month.map(|m| Located {
                value: m.value.0,
                span: m.span,
            });
        }
        "basis" => r.bases.extend(args.name_list(lx, "a legal basis")),
        "interest" => r.interest = args.local_text(lx),
        "controller" => r.controller = args.name(lx, "the name of a `controller`"),
        "contact" => r.contacts = args.name_list(lx, "the name of a `person`"),
        "dpo" => r.dpo = args.name(lx, "the name of a `person`"),
        "authority" => r.authority = args.name(lx, "the name of a supervisory authority"),
        "profile" => r.profiles = profile_list(lx, &mut args),
        "data" => r
            .data
            .extend(args.name_list(lx, "the name of a data category")),
        "subjects" => r
            .subjects
            .extend(args.name_list(lx, "the name of a subject category")),
        "sources" => r.sources.extend(args.name_list(lx, "the name of a source")),
        "cites" => r.cites.extend(args.name_list(lx, "the name of a law")),
        "recipients" => none_or_list(lx, &mut args, &mut r.recipients_none, &mut r.recipients),
        "transfers" => transfers_none(lx, &mut args, &mut r.transfers_none),
        "rights" => r.stated_rights = Some(stated_rights(lx, &mut args, s)),
        "commitments" => r.commitments = commitments(lx, &mut args),
        _ => {}
    }
    args.finish(lx);
}

/// `2022-04-06`, or `2022-04` when a notice gives only the month: the first day of the
/// month, and whether only the month was given.
fn parse_date_or_month(
    s: &str,
) -> Result<(crate::syntax::values::Date, bool), crate::syntax::values::ValueError> {
    let is_month = s.len() == 7 && s.as_bytes().get(4) == Some(&b'-');
    match is_month {
        // The message speaks of the month as written, not of a day the reader never wrote.
        true => parse_date(&format!("{s}-01"))
            .map(|d| (d, true))
            .map_err(|mut e| {
                e.message = format!("`{s}` is not a month: months run from 01 to 12");
                e.help = Some("write the month as `2022-04`, or the day as `2022-04-06`".into());
                e
            }),
        false => parse_date(s).map(|d| (d, false)),
    }
}

fn profile_list(lx: &mut Lowerer, args: &mut Args) -> Vec<Located<Profile>> {
    let mut out = Vec::new();
    loop {
        out.extend(choice(lx, args, "a profile", PROFILES));
        match args.peek_comma() {
            true => args.skip(),
            false => return out,
        }
    }
}

/// `recipients none` or `recipients a, b`.
fn none_or_list(
    lx: &mut Lowerer,
    args: &mut Args,
    none: &mut Option<crate::source::Span>,
    list: &mut Vec<Name>,
) {
    match args.peek_word() {
        Some(w) if w.text == "none" => {
            *none = Some(w.span);
            args.skip();
        }
        _ => list.extend(args.name_list(lx, "`none` or the name of a recipient")),
    }
}

/// `commitments no-sale, no-profiling`. A promise the language states elsewhere, as an
/// answer the rules read, is pointed there.
fn commitments(lx: &mut Lowerer, args: &mut Args) -> Vec<Located<Commitment>> {
    const ELSEWHERE: &[(&str, &str)] = &[
        ("no-automated-decisions", "automated-decisions none"),
        ("no-transfers", "transfers none"),
        ("no-transfers-outside-eea", "transfers none"),
        ("no-recipients", "recipients none"),
        ("no-disclosure", "recipients none"),
    ];
    let mut out = Vec::new();
    loop {
        let elsewhere = args.peek_word().and_then(|w| {
            ELSEWHERE
                .iter()
                .find(|(k, _)| *k == w.text)
                .map(|e| (w, e.1))
        });
        match elsewhere {
            Some((word, statement)) => {
                lx.report(
                    Diagnostic::error(
                        codes::UNKNOWN_VALUE,
                        word.span,
                        format!(
                            "`{}` is not a commitment: it is said with `{statement}`",
                            word.text
                        ),
                    )
                    .with_label(format!("write `{statement}` instead"))
                    .with_help(format!(
                        "remove `{}` from `commitments` and write `{statement}` in the register",
                        word.text
                    )),
                );
                args.skip();
            }
            None => out.extend(choice(lx, args, "a commitment", Commitment::ALL)),
        }
        match args.peek_comma() {
            true => args.skip(),
            false => return out,
        }
    }
}

/// `rights none` or `rights access, erasure`.
fn stated_rights(lx: &mut Lowerer, args: &mut Args, s: &Statement) -> StatedRights {
    let mut stated = StatedRights {
        span: s.span,
        ..StatedRights::default()
    };
    match args.peek_word() {
        Some(w) if w.text == "none" => {
            stated.none = Some(w.span);
            args.skip();
        }
        _ => stated.rights = args.name_list(lx, "`none` or the name of a right"),
    }
    stated
}

fn transfers_none(lx: &mut Lowerer, args: &mut Args, none: &mut Option<crate::source::Span>) {
    match args.peek_word() {
        Some(w) if w.text == "none" => {
            *none = Some(w.span);
            args.skip();
        }
        word => {
            let span = args.peek_span();
            let typo = word.filter(|w| {
                crate::syntax::schema::closest(&w.text, ["none"].into_iter()).is_some()
            });
            let d = Diagnostic::error(
                codes::UNEXPECTED_VALUE,
                span,
                "`transfers` takes only `none`",
            );
            let d = match typo {
                Some(w) => d
                    .with_label("did you mean `none`?")
                    .with_help("write `transfers none` when no data leaves the EEA")
                    .with_replacement(w.span, "none"),
                None => d
                    .with_label("expected `none`")
                    .with_help("describe each transfer in its own block: `transfer us-hosting {` with `country`, `mechanism` and `recipient`"),
            };
            lx.report(d);
            args.skip_all();
        }
    }
}

/// A commitment the register itself breaks: no direct marketing, and a purpose that is
/// direct marketing; no special categories, and a special category defined here.
fn check_commitment_contradictions(lx: &mut Lowerer, r: &Register) {
    let promised = |c: Commitment| r.commitments.iter().find(|x| x.value == c);
    let marketing = r.purposes.iter().filter_map(|p| p.direct_marketing);
    let special = r.data_defs.iter().filter_map(|d| {
        d.kind
            .as_ref()
            .filter(|k| k.value == crate::syntax::ast::DataKind::Special)
            .map(|k| k.span)
    });
    let broken = [
        (
            Commitment::NoDirectMarketing,
            marketing.collect::<Vec<_>>(),
            "a purpose is `direct-marketing`",
            "remove `no-direct-marketing`, or the purpose's `direct-marketing`",
        ),
        (
            Commitment::NoSpecialCategories,
            special.collect(),
            "a data category is `kind special`",
            "remove `no-special-categories`, or correct the data category's `kind`",
        ),
    ];
    for (commitment, spans, what, help) in broken {
        let (Some(promise), Some(first)) = (promised(commitment), spans.first()) else {
            continue;
        };
        lx.report(
            Diagnostic::error(
                codes::CONTRADICTION,
                *first,
                format!(
                    "the register commits to `{}` but {what}",
                    commitment.keyword()
                ),
            )
            .with_label("breaks the commitment")
            .with_secondary(promise.span, "promised here")
            .with_help(help),
        );
    }
}

/// Saying `none` and then naming some is a contradiction the reader must resolve.
fn check_none_contradictions(lx: &mut Lowerer, r: &Register) {
    let recipient_spans = r
        .recipients
        .iter()
        .map(|n| n.span)
        .chain(r.recipient_defs.iter().map(|d| d.id.span));
    let transfer_spans = r.transfers.iter().map(|t| t.id.span);
    for (none, mut others, what) in [
        (
            r.recipients_none,
            recipient_spans.collect::<Vec<_>>().into_iter(),
            "recipients",
        ),
        (
            r.transfers_none,
            transfer_spans.collect::<Vec<_>>().into_iter(),
            "transfers",
        ),
    ] {
        if let (Some(none), Some(first)) = (none, others.next()) {
            lx.report(
                Diagnostic::error(
                    codes::CONTRADICTION,
                    first,
                    format!("the register says `{what} none` and also names {what}"),
                )
                .with_label(format!("one of the {what}"))
                .with_secondary(none, "said to be none here")
                .with_help(format!("remove `{what} none`, or remove the {what} named")),
            );
        }
    }
}

pub(super) const REQUIREMENTS: &[(&str, RequirementKind)] = &[
    ("statutory", RequirementKind::Statutory),
    ("contractual", RequirementKind::Contractual),
    (
        "contract-prerequisite",
        RequirementKind::ContractPrerequisite,
    ),
    ("voluntary", RequirementKind::Voluntary),
];

pub fn purpose_body(lx: &mut Lowerer, id: Name, body: &Block, stmt: &Statement) -> Purpose {
    const B: BlockKind = BlockKind::Purpose;
    let mut p = Purpose {
        id,
        span: stmt.span,
        ..Purpose::default()
    };
    for s in statements_in(lx, B, Some(body)) {
        match s.keyword.text.as_str() {
            "retention" => p.retention.extend(retention(lx, B, s)),
            "allow" => p.allows.extend(allow(lx, B, s)),
            "requirement" => p.requirement = requirement(lx, B, s),
            _ => purpose_statement(lx, &mut p, s),
        }
    }
    Purpose {
        retention: fitted(p.retention),
        allows: fitted(p.allows),
        ..p
    }
}

fn purpose_statement(lx: &mut Lowerer, p: &mut Purpose, s: &Statement) {
    let Some(mut args) = Args::new(lx, BlockKind::Purpose, s) else {
        return;
    };
    let keyword = s.keyword.text.as_str();
    args.block_per_schema(lx);
    match keyword {
        "title" => p.title = args.local_text(lx),
        "text" => p.text = args.local_text(lx),
        "interest" => p.interest = args.local_text(lx),
        "basis" => p.bases = args.name_list(lx, "a legal basis"),
        "condition" => p.conditions = args.name_list(lx, "an Art. 9(2) condition"),
        "direct-marketing" => p.direct_marketing = Some(s.keyword.span),
        "consent" => {
            p.consent = choice(
                lx,
                &mut args,
                "a way of obtaining consent",
                ConsentMethod::ALL,
            )
        }
        "data" => p
            .data
            .extend(args.name_list(lx, "the name of a data category")),
        "recipients" => p
            .recipients
            .extend(args.name_list(lx, "the name of a recipient")),
        _ => {}
    }
    args.finish(lx);
}

fn requirement(lx: &mut Lowerer, within: BlockKind, stmt: &Statement) -> Option<Requirement> {
    const B: BlockKind = BlockKind::Requirement;
    let mut args = Args::new(lx, within, stmt)?;
    let kind = choice(lx, &mut args, "a kind of requirement", REQUIREMENTS);
    args.finish(lx);
    let mut consequence = None;
    for (_, mut a) in fields(lx, B, stmt.block.as_ref()) {
        consequence = a.local_text(lx);
    }
    Some(Requirement {
        kind: kind?,
        consequence,
        span: stmt.span,
    })
}

fn retention(lx: &mut Lowerer, block: BlockKind, stmt: &Statement) -> Option<Retention> {
    let mut args = Args::new(lx, block, stmt)?;
    let rule = retention_rule(lx, &mut args);
    if rule.is_none() {
        // The rule's own error says what is wrong; the words after it would only echo it.
        args.skip_all();
    }
    args.finish(lx);
    let mut r = Retention {
        rule: rule?,
        data: Vec::new(),
        text: None,
        allows: Vec::new(),
        span: stmt.span,
    };
    retention_block(lx, &mut r, stmt);
    Some(r)
}

fn retention_rule(lx: &mut Lowerer, args: &mut Args) -> Option<RetentionRule> {
    let first = args.word(
        lx,
        "a period such as `5 years`, `until …`, `criteria` or `none`",
    )?;
    match first.text.as_str() {
        "until" => Some(RetentionRule::Until(
            args.name(lx, "the event that ends it")?,
        )),
        "criteria" => Some(RetentionRule::Criteria(args.local_text(lx)?)),
        "none" => Some(RetentionRule::NotKept),
        "at" => {
            let bound = retention_bound(lx, args, first)?;
            let amount = args.word(lx, "a period such as `6 years`")?;
            period(lx, args, Some(bound), amount)
        }
        _ => period(lx, args, None, first),
    }
}

/// `least` or `most` after `at`.
fn retention_bound(
    lx: &mut Lowerer,
    args: &mut Args,
    at: &Word,
) -> Option<Located<RetentionBound>> {
    let word = args.word(lx, "`least` or `most`")?;
    if let Some((_, bound)) = RetentionBound::ALL.iter().find(|(w, _)| *w == word.text) {
        return Some(Located {
            value: *bound,
            span: at.span.to(word.span),
        });
    }
    let d = Diagnostic::error(
        codes::UNKNOWN_VALUE,
        word.span,
        format!(
            "`at {}` is not a bound: write `at least` or `at most`",
            word.text
        ),
    );
    let words = RetentionBound::ALL.iter().map(|(w, _)| *w);
    lx.report(match crate::syntax::schema::closest(&word.text, words) {
        Some(s) => d
            .with_label(format!("did you mean `{s}`?"))
            .with_replacement(word.span, s),
        None => d.with_label("expected `least` or `most`"),
    }
    .with_help("write `retention at least 6 years after end-of-financial-year` or `retention at most 2 years after last-contact`"));
    None
}

/// `5 years`, then `after EVENT` and/or `under LAW`.
fn period(
    lx: &mut Lowerer,
    args: &mut Args,
    bound: Option<Located<RetentionBound>>,
    amount: &Word,
) -> Option<RetentionRule> {
    let unit = args.word(lx, "a unit such as `years`")?;
    let span = amount.span.to(unit.span);
    let duration = match parse_duration(&amount.text, &unit.text) {
        Ok(value) => Located { value, span },
        Err(e) => {
            lx.value_error(span, e);
            return None;
        }
    };
    let (after, under) = period_anchors(lx, args)?;
    Some(RetentionRule::Period {
        bound,
        duration,
        after,
        under,
    })
}

/// `after EVENT` and/or `under LAW`, in that order.
fn period_anchors(lx: &mut Lowerer, args: &mut Args) -> Option<(Option<Name>, Option<Name>)> {
    let mut after = None;
    let mut under = None;
    if args.peek_word().is_some_and(|w| w.text == "after") {
        args.skip();
        after = Some(args.name(lx, "the event the period runs from")?);
    }
    if args.peek_word().is_some_and(|w| w.text == "under") {
        args.skip();
        under = Some(args.name(lx, "the law that sets the period")?);
    }
    if let Some(w) = args
        .peek_word()
        .filter(|w| w.text != "after" && w.text != "under")
    {
        lx.report(
            Diagnostic::error(
                codes::UNEXPECTED_VALUE,
                w.span,
                format!("expected `after` or `under` here, not `{}`", w.text),
            )
            .with_label("not understood")
            .with_help("write `5 years after last-contact` or `6 years under fi-accounting-act`"),
        );
        args.skip_all();
        return None;
    }
    Some((after, under))
}

fn retention_block(lx: &mut Lowerer, r: &mut Retention, stmt: &Statement) {
    const B: BlockKind = BlockKind::Retention;
    for (s, mut args) in fields_and_allows(lx, B, stmt.block.as_ref(), &mut r.allows) {
        match s.keyword.text.as_str() {
            "data" => r.data = args.name_list(lx, "the name of a data category"),
            "text" => r.text = args.local_text(lx),
            _ => {}
        }
        args.finish(lx);
    }
}

fn transfer(lx: &mut Lowerer, stmt: &Statement) -> Option<Transfer> {
    const B: BlockKind = BlockKind::Transfer;
    let (id, body) = definition(lx, BlockKind::Register, stmt, "a name for the transfer")?;
    let mut t = Transfer {
        id,
        span: stmt.span,
        ..Transfer::default()
    };
    for (s, mut args) in fields_and_allows(lx, B, Some(body), &mut t.allows) {
        match s.keyword.text.as_str() {
            "country" => {
                t.countries = args.list(lx, "a country code", |lx, w| {
                    super::args::typed_word(lx, w, parse_country)
                })
            }
            "recipient" => t.recipients = args.name_list(lx, "the name of a `recipient`"),
            "mechanism" => t.mechanism = args.name(lx, "a transfer mechanism such as `scc`"),
            "copy" => t.copy = args.local_text(lx),
            "text" => t.text = args.local_text(lx),
            _ => {}
        }
        args.finish(lx);
    }
    Some(t)
}

fn automated_decisions(lx: &mut Lowerer, stmt: &Statement) -> Option<AutomatedDecisions> {
    const B: BlockKind = BlockKind::AutomatedDecisions;
    let mut args = Args::new(lx, BlockKind::Register, stmt)?;
    if stmt.block.is_none() {
        let word = args.word(lx, "`none`, or a block describing the decisions")?;
        if word.text != "none" {
            lx.report(
                Diagnostic::error(
                    codes::UNKNOWN_VALUE,
                    word.span,
                    format!("`automated-decisions` takes `none` or a block, not `{}`", word.text),
                )
                .with_label("expected `none`")
                .with_help("write `automated-decisions none`, or open a block with `logic`, `significance` and `consequences`"),
            );
            return None;
        }
        args.finish(lx);
        return Some(AutomatedDecisions::None(word.span));
    }
    args.finish(lx);
    let (mut logic, mut significance, mut consequences) = (None, None, None);
    for (s, mut a) in fields(lx, B, stmt.block.as_ref()) {
        let slot = match s.keyword.text.as_str() {
            "logic" => &mut logic,
            "significance" => &mut significance,
            _ => &mut consequences,
        };
        *slot = a.local_text(lx);
    }
    Some(AutomatedDecisions::Described {
        logic,
        significance,
        consequences,
        span: stmt.span,
    })
}

fn section(lx: &mut Lowerer, stmt: &Statement) -> Option<Section> {
    let (id, body) = definition(lx, BlockKind::Register, stmt, "a name for the section")?;
    let mut x = Section {
        id,
        span: stmt.span,
        ..Section::default()
    };
    for (s, mut args) in fields(lx, BlockKind::Section, Some(body)) {
        match s.keyword.text.as_str() {
            "title" => x.title = args.local_text(lx),
            "text" => x.text = args.local_text(lx),
            _ => {}
        }
        args.finish(lx);
    }
    Some(x)
}

fn right(lx: &mut Lowerer, stmt: &Statement) -> Option<RightNote> {
    const B: BlockKind = BlockKind::Right;
    let (right, body) = definition(lx, BlockKind::Register, stmt, "the name of a right")?;
    let mut r = RightNote {
        right,
        span: stmt.span,
        ..RightNote::default()
    };
    for (s, mut args) in fields(lx, B, Some(body)) {
        match s.keyword.text.as_str() {
            "note" => r.note = args.local_text(lx),
            "restriction" => r.restriction = args.local_text(lx),
            "law" => r.law = args.name(lx, "the name of a law"),
            _ => {}
        }
        args.finish(lx);
    }
    Some(r)
}
