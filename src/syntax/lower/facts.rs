//! Reference facts (`basis`, `right`, `authority`, `law`, …): one shape, and the schema
//! decides which statements each kind may hold.

use super::args::{Args, typed_word};
use super::decls::definition;
use super::{Lowerer, fields};
use crate::syntax::ast::{Alias, Fact, FactKind, Name};
use crate::syntax::cst::{Block, Statement};
use crate::syntax::schema::BlockKind;
use crate::syntax::values::{
    parse_country, parse_date, parse_email, parse_language, parse_phone, parse_region, parse_url,
};

pub fn fact_kind(keyword: &str) -> Option<FactKind> {
    FactKind::ALL
        .iter()
        .find(|(w, _)| *w == keyword)
        .map(|(_, k)| *k)
}

pub fn fact(lx: &mut Lowerer, kind: FactKind, stmt: &Statement) -> Option<Fact> {
    let what = format!("a name for the {}", kind.keyword());
    let (id, body) = definition(lx, BlockKind::Top, stmt, &what)?;
    Some(fact_body(lx, kind, id, body, stmt))
}

fn empty(kind: FactKind, id: Name, stmt: &Statement) -> Fact {
    Fact {
        kind,
        id,
        article: None,
        title: None,
        text: None,
        gives: Vec::new(),
        countries: Vec::new(),
        region: None,
        granted_by: None,
        decision: None,
        number: None,
        valid_from: None,
        valid_until: None,
        replaced_by: None,
        needs: Vec::new(),
        scope: None,
        website: None,
        address: None,
        phone: None,
        email: None,
        after: None,
        until: None,
        known_as: Vec::new(),
        span: stmt.span,
    }
}

fn fact_body(lx: &mut Lowerer, kind: FactKind, id: Name, body: &Block, stmt: &Statement) -> Fact {
    let block = BlockKind::Fact(kind);
    let mut f = empty(kind, id, stmt);
    for (s, mut args) in fields(lx, block, Some(body)) {
        match s.keyword.text.as_str() {
            "article" => f.article = args.text(lx, "an article in quotes, e.g. \"6(1)(a)\""),
            "title" => f.title = args.local_text(lx),
            "text" => f.text = args.local_text(lx),
            "scope" => f.scope = args.local_text(lx),
            "address" => f.address = args.local_text(lx),
            "after" => f.after = args.local_text(lx),
            "until" => f.until = args.local_text(lx),
            "gives" => f.gives = args.name_list(lx, "the name of a right"),
            "needs" => f.needs = args.name_list(lx, "what it needs, e.g. `copy`"),
            "country" => {
                f.countries = args.list(lx, "a country code", |lx, w| {
                    typed_word(lx, w, parse_country)
                })
            }
            "region" => f.region = args.typed(lx, "a region code", parse_region),
            "granted-by" => f.granted_by = args.typed(lx, "a country code", parse_country),
            "decision" => f.decision = args.text(lx, "the decision's number in quotes"),
            "number" => f.number = args.text(lx, "the law's number in quotes"),
            "valid-from" => f.valid_from = args.typed(lx, "a date", parse_date),
            "valid-until" => f.valid_until = args.typed(lx, "a date", parse_date),
            "replaced-by" => f.replaced_by = args.name(lx, "the name of what replaced it"),
            "website" => f.website = args.typed_text(lx, "a web address in quotes", parse_url),
            "phone" => f.phone = args.typed_text(lx, "a phone number in quotes", parse_phone),
            "email" => f.email = args.typed_text(lx, "an e-mail address in quotes", parse_email),
            "known-as" => f.known_as.extend(known_as(lx, &mut args)),
            _ => {}
        }
        args.finish(lx);
    }
    f
}

/// `known-as fi "henkilötietolaki", sv "personuppgiftslagen", "PUL"`: names, each in
/// quotes and perhaps after its language, separated by commas.
pub fn known_as(lx: &mut Lowerer, args: &mut Args) -> Vec<Alias> {
    let mut out = Vec::new();
    loop {
        let lang = match args.peek_word() {
            Some(_) => match args.typed(lx, "a language", parse_language) {
                Some(lang) => Some(lang),
                None => {
                    args.skip_all();
                    return out;
                }
            },
            None => None,
        };
        let Some(name) = args.text(lx, "a name in quotes") else {
            args.skip_all();
            return out;
        };
        out.push(Alias { lang, name });
        if !args.peek_comma() {
            return out;
        }
        args.skip();
    }
}
