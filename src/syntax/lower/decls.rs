//! Top-level declarations: `use`, `controller`, `person`, and the shared categories.

use super::{Args, Lowerer, fields, fields_and_allows, statements};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::syntax::ast::{
    Controller, ControllerKind, DataCategory, DataKind, Item, JointController, Located, Name,
    Person, Recipient, RecipientRole, SourceDef, SourceKind, SubjectCategory, Use,
};
use crate::syntax::cst::{Block, Node, Statement, Word};
use crate::syntax::schema::{self, BlockKind};
use crate::syntax::values::{
    Country, parse_business_id, parse_country, parse_email, parse_phone, parse_region, parse_url,
};

pub fn top_level(lx: &mut Lowerer, nodes: &[Node]) -> Vec<Item> {
    let mut items = Vec::new();
    for stmt in statements(nodes) {
        let item = match stmt.keyword.text.as_str() {
            "use" => use_decl(lx, stmt).map(Item::Use),
            "controller" => controller(lx, stmt).map(|c| Item::Controller(Box::new(c))),
            "person" => person(lx, stmt).map(|p| Item::Person(Box::new(p))),
            "register" => super::register::register(lx, stmt).map(|r| Item::Register(Box::new(r))),
            "data" => definition(lx, BlockKind::Top, stmt, "a name for the data category")
                .map(|(id, b)| Item::Data(Box::new(data_category(lx, id, b, stmt)))),
            "subject" => definition(lx, BlockKind::Top, stmt, "a name for the subject category")
                .map(|(id, b)| Item::Subject(Box::new(subject_category(lx, id, b, stmt)))),
            "source" => definition(lx, BlockKind::Top, stmt, "a name for the source")
                .map(|(id, b)| Item::Source(Box::new(source_def(lx, id, b, stmt)))),
            "recipient" => definition(lx, BlockKind::Top, stmt, "a name for the recipient")
                .map(|(id, b)| Item::Recipient(Box::new(recipient(lx, id, b, stmt)))),
            keyword => match super::facts::fact_kind(keyword) {
                Some(kind) => super::facts::fact(lx, kind, stmt).map(|f| Item::Fact(Box::new(f))),
                None => {
                    lx.unknown_statement(BlockKind::Top, stmt);
                    lower_orphan_block(lx, stmt);
                    None
                }
            },
        };
        items.extend(item);
    }
    items
}

/// A statement that was not understood may still hold a block of good statements: check
/// them as what the keyword most likely meant, so their mistakes are reported too.
fn lower_orphan_block(lx: &mut Lowerer, stmt: &Statement) {
    let Some(block) = &stmt.block else { return };
    let guess = schema::suggest(BlockKind::Top, &stmt.keyword.text)
        .or_else(|| schema::suggest(BlockKind::Register, &stmt.keyword.text))
        .unwrap_or("");
    check_body_as(lx, guess, stmt, block);
}

/// Checks the statements of a block whose header could not be read, as a `keyword` block.
fn check_body_as(lx: &mut Lowerer, keyword: &str, stmt: &Statement, body: &Block) {
    let id = Located {
        value: compact_str::CompactString::default(),
        span: stmt.keyword.span,
    };
    match keyword {
        "controller" => drop(controller_body(lx, id, body, stmt)),
        "person" => drop(person_body(lx, id, body, stmt)),
        "register" => drop(super::register::register_body(lx, id, body, stmt)),
        "purpose" => drop(super::register::purpose_body(lx, id, body, stmt)),
        _ => {}
    }
}

/// `KEYWORD name {`: the defined name and the block, both required.
pub fn definition<'a>(
    lx: &mut Lowerer,
    block: BlockKind,
    stmt: &'a Statement,
    what: &str,
) -> Option<(Name, &'a Block)> {
    let name = match Args::new(lx, block, stmt) {
        Some(mut args) => {
            let name = args.defined_name(lx, what);
            args.finish(lx);
            name
        }
        None => None,
    };
    let Some(body) = &stmt.block else {
        if !stmt.broken {
            lx.report(missing_block(block, stmt));
        }
        return None;
    };
    match name {
        Some(name) => Some((name, body)),
        None => {
            check_body_as(lx, &stmt.keyword.text, stmt, body);
            None
        }
    }
}

fn missing_block(block: BlockKind, stmt: &Statement) -> Diagnostic {
    let keyword = &stmt.keyword.text;
    let mut d = Diagnostic::error(
        codes::MISSING_BLOCK,
        stmt.span,
        format!("`{keyword}` needs a block with its details"),
    )
    .with_label("expected `{` at the end of this line");
    let plural = match keyword.as_str() {
        "recipient" => Some("recipients"),
        "subject" => Some("subjects"),
        "source" => Some("sources"),
        _ => None,
    };
    d.help = Some(match plural {
        Some(p) if block == BlockKind::Register => format!(
            "to refer to {keyword}s defined elsewhere write `{p} NAME, …`; to define one, end the line with `{{` and give its details on the next lines"
        ),
        _ => format!(
            "end the line with `{{`, give the details on the next lines, and close with `}}`; e.g. `{}`",
            schema::example(block, keyword).unwrap_or(keyword)
        ),
    }
    .into());
    d
}

fn use_decl(lx: &mut Lowerer, stmt: &Statement) -> Option<Use> {
    let mut args = Args::new(lx, BlockKind::Top, stmt)?;
    args.no_block(lx);
    let result = if args.peek_is_text() {
        args.text(lx, "a file name").map(Use::File)
    } else {
        let word = args.word(lx, "a module or a file name in quotes")?;
        std_module(lx, word)
    };
    args.finish(lx);
    result
}

fn std_module(lx: &mut Lowerer, word: &Word) -> Option<Use> {
    let valid = word
        .text
        .strip_prefix("std::")
        .is_some_and(|rest| !rest.is_empty() && rest.split("::").all(super::args::is_valid_name));
    if valid && !schema::STD_MODULES.contains(&word.text.as_str()) {
        let known: Vec<String> = schema::STD_MODULES
            .iter()
            .map(|m| format!("`{m}`"))
            .collect();
        let d = Diagnostic::error(
            codes::UNKNOWN_MODULE,
            word.span,
            format!("the standard library has no module `{}`", word.text),
        );
        lx.report(
            match schema::closest(&word.text, schema::STD_MODULES.iter().copied()) {
                Some(s) => d
                    .with_label(format!("did you mean `{s}`?"))
                    .with_help(format!("the modules are {}", known.join(", ")))
                    .with_replacement(word.span, s),
                None => d
                    .with_label("unknown module")
                    .with_help(format!("the modules are {}", known.join(", "))),
            },
        );
        return None;
    }
    if valid {
        return Some(Use::Std(Located {
            value: word.text.as_str().into(),
            span: word.span,
        }));
    }
    lx.report(
        Diagnostic::error(
            codes::INVALID_NAME,
            word.span,
            format!(
                "`{}` is neither a standard-library module nor a file",
                word.text
            ),
        )
        .with_label("expected `std::…` or a file name in quotes")
        .with_help(
            "import the standard library with `use std::gdpr`, or a file with `use \"common.reg\"`",
        ),
    );
    None
}

fn controller(lx: &mut Lowerer, stmt: &Statement) -> Option<Controller> {
    let (id, body) = definition(lx, BlockKind::Top, stmt, "a name for the controller")?;
    Some(controller_body(lx, id, body, stmt))
}

fn controller_body(lx: &mut Lowerer, id: Name, body: &Block, stmt: &Statement) -> Controller {
    const B: BlockKind = BlockKind::Controller;
    let mut c = Controller {
        id,
        span: stmt.span,
        ..Controller::default()
    };
    for (s, mut args) in fields_and_allows(lx, B, Some(body), &mut c.allows) {
        let keyword = s.keyword.text.as_str();
        if keyword == "joint-controller" {
            c.joint_controllers.extend(joint_controller(lx, s));
            continue;
        }
        match keyword {
            "name" => c.name = args.text(lx, "the controller's name in quotes"),
            "kind" => c.kind = choice(lx, &mut args, "a kind of controller", ControllerKind::ALL),
            "business-id" => c.business_id = business_id(lx, &mut args),
            "address" => c.address = args.text(lx, "a postal address in quotes"),
            "country" => c.country = args.typed(lx, "a country code", parse_country),
            "region" => c.region = args.typed(lx, "a region code, e.g. `DE-BY`", parse_region),
            "email" => c.email = args.typed_text(lx, "an e-mail address in quotes", parse_email),
            "phone" => c.phone = args.typed_text(lx, "a phone number in quotes", parse_phone),
            "website" => c.website = args.typed_text(lx, "a web address in quotes", parse_url),
            "representative" => c.representative = args.name(lx, "the name of a `person`"),
            "authority" => c.authority = args.name(lx, "the name of a supervisory authority"),
            _ => {}
        }
        args.finish(lx);
    }
    region_of_country(lx, &c);
    c
}

/// A controller's `region` must lie in its `country`: `DE-BY` for `country DE`. (With no
/// country, A001 asks for one.)
fn region_of_country(lx: &mut Lowerer, c: &Controller) {
    let (Some(region), Some(country)) = (&c.region, &c.country) else {
        return;
    };
    if country.value == Country::Code(region.value.country) {
        return;
    }
    let d = Diagnostic::error(
        codes::INVALID_REGION,
        region.span,
        format!(
            "region `{}` is not in `{}`, the country of controller `{}`",
            region.value, country.value, c.id.value
        ),
    )
    .with_label(format!("a region of {}", region.value.country))
    .with_secondary(country.span, "the controller's country")
    .with_help(format!(
        "give a region of {0} (`{0}-…`), or correct the `country`",
        country.value
    ));
    lx.report(d);
}

fn business_id(
    lx: &mut Lowerer,
    args: &mut Args,
) -> Option<Located<crate::syntax::values::BusinessId>> {
    let country = args.typed(lx, "a country code", parse_country)?;
    let text = args.text(lx, "the identifier in quotes")?;
    let code = country.value.to_string();
    match parse_business_id(&code, &text.value) {
        Ok(value) => Some(Located {
            value,
            span: country.span.to(text.span),
        }),
        Err(e) => {
            lx.value_error(text.span, e);
            None
        }
    }
}

fn joint_controller(lx: &mut Lowerer, stmt: &Statement) -> Option<JointController> {
    const B: BlockKind = BlockKind::JointController;
    let mut args = Args::new(lx, BlockKind::Controller, stmt)?;
    let controller = args.name(lx, "the name of the other `controller`")?;
    args.finish(lx);
    let mut essence = None;
    for (_, mut a) in fields(lx, B, stmt.block.as_ref()) {
        essence = a.local_text(lx);
    }
    Some(JointController {
        controller,
        essence,
        span: stmt.span,
    })
}

fn person(lx: &mut Lowerer, stmt: &Statement) -> Option<Person> {
    let (id, body) = definition(lx, BlockKind::Top, stmt, "a name for the person")?;
    Some(person_body(lx, id, body, stmt))
}

fn person_body(lx: &mut Lowerer, id: Name, body: &Block, stmt: &Statement) -> Person {
    const B: BlockKind = BlockKind::Person;
    let mut p = Person {
        id,
        span: stmt.span,
        ..Person::default()
    };
    for (s, mut args) in fields(lx, B, Some(body)) {
        match s.keyword.text.as_str() {
            "name" => p.name = args.text(lx, "the person's name in quotes"),
            "role" => p.role = args.local_text(lx),
            "organisation" => p.organisation = args.text(lx, "an organisation in quotes"),
            "address" => p.address = args.text(lx, "a postal address in quotes"),
            "country" => p.country = args.typed(lx, "a country code", parse_country),
            "email" => p.email = args.typed_text(lx, "an e-mail address in quotes", parse_email),
            "phone" => p.phone = args.typed_text(lx, "a phone number in quotes", parse_phone),
            "website" => p.website = args.typed_text(lx, "a web address in quotes", parse_url),
            _ => {}
        }
        args.finish(lx);
    }
    p
}

/// Reads a keyword value from a closed set, e.g. `kind special`.
pub fn choice<T: Copy>(
    lx: &mut Lowerer,
    args: &mut Args,
    what: &str,
    options: &[(&'static str, T)],
) -> Option<Located<T>> {
    let word = args.word(lx, what)?;
    if let Some((_, value)) = options.iter().find(|(name, _)| *name == word.text) {
        return Some(Located {
            value: *value,
            span: word.span,
        });
    }
    let names: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
    let listed: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    let d = Diagnostic::error(
        codes::UNKNOWN_VALUE,
        word.span,
        format!("`{}` is not {what}", word.text),
    );
    lx.report(match schema::closest(&word.text, names.iter().copied()) {
        Some(s) => d
            .with_label(format!("did you mean `{s}`?"))
            .with_help(format!("use one of {}", listed.join(", ")))
            .with_replacement(word.span, s),
        None => d
            .with_label("unknown")
            .with_help(format!("use one of {}", listed.join(", "))),
    });
    None
}

/// The statements of a category block (`title`, `kind`, `name`, `text`), each once.
pub(super) const DATA_KINDS: &[(&str, DataKind)] = &[
    ("ordinary", DataKind::Ordinary),
    ("special", DataKind::Special),
    ("criminal", DataKind::Criminal),
    ("national-id", DataKind::NationalId),
];

pub fn data_category(lx: &mut Lowerer, id: Name, body: &Block, stmt: &Statement) -> DataCategory {
    let mut d = DataCategory {
        id,
        span: stmt.span,
        ..DataCategory::default()
    };
    for (s, mut args) in fields(lx, BlockKind::Data, Some(body)) {
        match s.keyword.text.as_str() {
            "title" => d.title = args.local_text(lx),
            "text" => d.text = args.local_text(lx),
            "kind" => d.kind = choice(lx, &mut args, "a kind of data", DATA_KINDS),
            "optional" => d.optional = Some(s.keyword.span),
            _ => {}
        }
        args.finish(lx);
    }
    d
}

pub fn subject_category(
    lx: &mut Lowerer,
    id: Name,
    body: &Block,
    stmt: &Statement,
) -> SubjectCategory {
    let mut d = SubjectCategory {
        id,
        span: stmt.span,
        ..SubjectCategory::default()
    };
    for (s, mut args) in fields(lx, BlockKind::Subject, Some(body)) {
        match s.keyword.text.as_str() {
            "title" => d.title = args.local_text(lx),
            "text" => d.text = args.local_text(lx),
            _ => {}
        }
        args.finish(lx);
    }
    d
}

pub(super) const SOURCE_KINDS: &[(&str, SourceKind)] = &[
    ("subject", SourceKind::Subject),
    ("third-party", SourceKind::ThirdParty),
    ("public", SourceKind::Public),
    ("own-systems", SourceKind::OwnSystems),
];

pub fn source_def(lx: &mut Lowerer, id: Name, body: &Block, stmt: &Statement) -> SourceDef {
    let mut d = SourceDef {
        id,
        span: stmt.span,
        ..SourceDef::default()
    };
    for (s, mut args) in fields(lx, BlockKind::Source, Some(body)) {
        match s.keyword.text.as_str() {
            "title" => d.title = args.local_text(lx),
            "text" => d.text = args.local_text(lx),
            "name" => d.name = args.text(lx, "the source's name in quotes"),
            "kind" => d.kinds = choices(lx, &mut args, "a kind of source", SOURCE_KINDS, &[]),
            "website" => d.website = args.typed_text(lx, "a web address in quotes", parse_url),
            _ => {}
        }
        args.finish(lx);
    }
    d
}

pub(super) const ROLES: &[(&str, RecipientRole)] = &[
    ("processor", RecipientRole::Processor),
    ("controller", RecipientRole::Controller),
    ("joint-controller", RecipientRole::JointController),
    ("authority", RecipientRole::Authority),
];

/// Words people write for a role that has another name here: `controller` is a recipient
/// that decides on its own purposes, that is, an independent controller.
const ROLE_SYNONYMS: &[(&str, &str, &str)] = &[
    (
        "independent-controller",
        "controller",
        "a recipient in the role `controller` decides on the purposes of its own processing: it is an independent controller",
    ),
    (
        "data-processor",
        "processor",
        "`processor` is the GDPR's word (Art. 4(8))",
    ),
    (
        "public-authority",
        "authority",
        "a public authority that receives data is `authority`",
    ),
];

/// `a, b`: one or more values of a closed set, each once. A word in `synonyms` is reported
/// with the value to write instead and why.
fn choices<T: Copy + PartialEq>(
    lx: &mut Lowerer,
    args: &mut Args,
    what: &str,
    options: &[(&'static str, T)],
    synonyms: &[(&str, &str, &'static str)],
) -> Vec<Located<T>> {
    let mut out: Vec<Located<T>> = Vec::new();
    loop {
        let synonym = args.peek_word().and_then(|w| {
            synonyms
                .iter()
                .find(|(s, _, _)| *s == w.text)
                .map(|s| (w, s))
        });
        if let Some((word, &(_, instead, why))) = synonym {
            lx.report(
                Diagnostic::error(
                    codes::UNKNOWN_VALUE,
                    word.span,
                    format!(
                        "`{}` is not {what}: here it is called `{instead}`",
                        word.text
                    ),
                )
                .with_label(format!("write `{instead}`"))
                .with_help(why),
            );
            args.skip();
        } else if let Some(value) = choice(lx, args, what, options)
            && !out.iter().any(|o| o.value == value.value)
        {
            out.push(value);
        }
        match args.peek_comma() {
            true => args.skip(),
            false => return out,
        }
    }
}

pub fn recipient(lx: &mut Lowerer, id: Name, body: &Block, stmt: &Statement) -> Recipient {
    let mut r = Recipient {
        id,
        span: stmt.span,
        ..Recipient::default()
    };
    for (s, mut args) in fields(lx, BlockKind::Recipient, Some(body)) {
        match s.keyword.text.as_str() {
            "name" => r.name = args.text(lx, "the recipient's name in quotes"),
            "title" => r.title = args.local_text(lx),
            "text" => r.text = args.local_text(lx),
            "role" => r.roles = choices(lx, &mut args, "a recipient role", ROLES, ROLE_SYNONYMS),
            "certified" => r.certified = args.name_list(lx, "a certification, e.g. `eu-us-dpf`"),
            "known-as" => r.known_as.extend(super::facts::known_as(lx, &mut args)),
            "country" => {
                r.countries = args.list(lx, "a country code", |lx, w| {
                    super::args::typed_word(lx, w, parse_country)
                })
            }
            _ => {}
        }
        args.finish(lx);
    }
    r
}
