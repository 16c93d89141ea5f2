//! The notice texts: Fluent catalogues per language (`stdlib/locales/<lang>/notice.ftl`,
//! compiled in), and dates written the way each language writes them.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use fluent_syntax::ast::Entry;

use crate::syntax::values::{Date, month_name};

/// Every language a notice can be written in, with its catalogue. Adding a language is
/// adding its folder under `stdlib/locales/`, a line here, and its date format below.
pub const LOCALES: &[(&str, &str)] = &[
    ("en", include_str!("../../stdlib/locales/en/notice.ftl")),
    ("fi", include_str!("../../stdlib/locales/fi/notice.ftl")),
    ("sv", include_str!("../../stdlib/locales/sv/notice.ftl")),
];

/// Where a language is worded differently in one country: only the messages that differ
/// (Swedish in Sweden says "integritetspolicy", in Finland "dataskyddsbeskrivning", as
/// `sv` does). A tag with another region, `sv-FI` or `en-GB`, takes its language's
/// catalogue.
pub const REGIONAL: &[(&str, &str)] = &[(
    "sv-SE",
    include_str!("../../stdlib/locales/sv-SE/notice.ftl"),
)];

/// Country names per language, `country-FI = Suomi`: generated from the Unicode CLDR by
/// `scripts/countries-from-cldr.py`, never typed by hand.
pub const COUNTRY_NAMES: &[(&str, &str)] = &[
    ("en", include_str!("../../stdlib/locales/en/countries.ftl")),
    ("fi", include_str!("../../stdlib/locales/fi/countries.ftl")),
    ("sv", include_str!("../../stdlib/locales/sv/countries.ftl")),
];

pub struct Catalog {
    /// The language: which catalogue, and how dates are written.
    pub lang: &'static str,
    /// The tag the notice is published under (`sv`, `sv-FI`, `en-GB`): its `lang` attribute,
    /// and the first choice among a text's versions.
    pub tag: String,
    bundle: std::rc::Rc<FluentBundle<FluentResource>>,
}

/// The bundle of a tag's catalogue (its language's messages and country names, with the
/// regional wording over them), made once per thread: parsing the catalogues was a third of
/// rendering a notice when every notice made its own.
type Bundle = std::rc::Rc<FluentBundle<FluentResource>>;

/// A tag's catalogue, or `None` for a language without one, and the language it is in.
type Made = Option<(&'static str, Bundle)>;

fn bundle_of(tag: &str) -> Option<(&'static str, Bundle)> {
    thread_local! {
        static BUNDLES: std::cell::RefCell<Vec<(String, Made)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    let key = tag.to_ascii_lowercase();
    BUNDLES.with(|made| {
        if let Some((_, bundle)) = made.borrow().iter().find(|(k, _)| *k == key) {
            return bundle.clone();
        }
        let bundle = make_bundle(tag).map(|(code, b)| (code, std::rc::Rc::new(b)));
        made.borrow_mut().push((key, bundle.clone()));
        bundle
    })
}

fn make_bundle(tag: &str) -> Option<(&'static str, FluentBundle<FluentResource>)> {
    let primary = tag.split('-').next()?.to_ascii_lowercase();
    let (code, source) = LOCALES.iter().find(|(code, _)| *code == primary)?;
    let id: unic_langid::LanguageIdentifier = code.parse().ok()?;
    let mut bundle = FluentBundle::new(vec![id]);
    // Isolation marks (U+2068/U+2069) would end up in Markdown and HTML as stray bytes.
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new((*source).to_string()).ok()?;
    bundle.add_resource(resource).ok()?;
    let (_, countries) = COUNTRY_NAMES.iter().find(|(c, _)| c == code)?;
    let resource = FluentResource::try_new((*countries).to_string()).ok()?;
    bundle.add_resource(resource).ok()?;
    if let Some((_, regional)) = REGIONAL.iter().find(|(t, _)| t.eq_ignore_ascii_case(tag)) {
        let resource = FluentResource::try_new((*regional).to_string()).ok()?;
        bundle.add_resource_overriding(resource);
    }
    Some((code, bundle))
}

impl Catalog {
    /// The catalogue of a language tag (`fi`, `sv-FI`), or None for a language without one.
    pub fn new(tag: &str) -> Option<Catalog> {
        let (lang, bundle) = bundle_of(tag)?;
        Some(Catalog {
            lang,
            tag: tag.to_string(),
            bundle,
        })
    }

    /// The catalogue for a register's notice in `tag`. A tag without a region takes the
    /// wording of the controller's country where the language has one there: `sv` for a
    /// controller in Sweden reads as `sv-SE`, in Finland as `sv-FI`. The tag stays as
    /// declared.
    pub fn for_register(tag: &str, controller_country: Option<&str>) -> Option<Catalog> {
        if !tag.contains('-')
            && let Some(country) = controller_country
        {
            let regional = format!("{tag}-{country}");
            if REGIONAL
                .iter()
                .any(|(t, _)| t.eq_ignore_ascii_case(&regional))
            {
                let mut catalog = Catalog::new(&regional)?;
                catalog.tag = tag.to_string();
                return Some(catalog);
            }
        }
        Catalog::new(tag)
    }

    /// Whether the catalogue has the message `key`.
    pub fn has(&self, key: &str) -> bool {
        self.bundle.has_message(key)
    }

    /// The message `key` with no variables.
    pub fn get(&self, key: &str) -> String {
        self.fmt(key, &[])
    }

    /// A country by its code (`FI`, or `EU`, `EEA`, `outside-eea`) as this language names
    /// it; a code without a name stays a code (a test keeps every code named).
    pub fn country(&self, code: &str) -> String {
        let key = format!("country-{code}");
        if self.bundle.has_message(&key) {
            self.get(&key)
        } else {
            code.to_string()
        }
    }

    /// The message `key` with its variables. A missing key gives the key itself; a test
    /// keeps every key present in every catalogue. A text that ends a sentence itself
    /// ("… is outside the EU/EEA.") loses its full stop where the message puts one right
    /// after it, so that no sentence ends in "..".
    pub fn fmt(&self, key: &str, args: &[(&str, FluentValue)]) -> String {
        let Some(pattern) = self.bundle.get_message(key).and_then(|m| m.value()) else {
            return key.to_string();
        };
        let stopped = variables_before_a_full_stop(pattern);
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                FluentValue::String(s) if stopped.contains(name) && ends_a_sentence(s) => {
                    fluent_args.set(*name, s[..s.len() - 1].to_string());
                }
                _ => fluent_args.set(*name, value.clone()),
            }
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    /// Every message id of the catalogue.
    pub fn keys(&self) -> Vec<String> {
        let Some((_, source)) = LOCALES.iter().find(|(code, _)| *code == self.lang) else {
            return Vec::new();
        };
        message_ids(source)
    }

    /// A date as the language writes it: `6 April 2018`, `6.4.2018`, `2018-04-06`.
    pub fn date(&self, date: &Date) -> String {
        match self.lang {
            "fi" => format!("{}.{}.{}", date.day, date.month, date.year),
            "en" => format!("{} {} {}", date.day, month_name(date.month), date.year),
            _ => date.to_string(),
        }
    }

    /// A month and its year, for a date known only to the month.
    pub fn month(&self, date: &Date) -> String {
        match self.lang {
            "fi" => format!("{}/{}", date.month, date.year),
            "en" => format!("{} {}", month_name(date.month), date.year),
            _ => format!("{:04}-{:02}", date.year, date.month),
        }
    }

    /// `a, b and c`.
    pub fn list(&self, items: &[String]) -> String {
        self.joined(items, "list-and")
    }

    /// `a, b or c`: alternatives, any of which may hold.
    pub fn list_or(&self, items: &[String]) -> String {
        self.joined(items, "list-or")
    }

    fn joined(&self, items: &[String], word: &str) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} {} {last}", init.join(", "), self.get(word)),
        }
    }
}

/// The variables a pattern follows directly with a full stop: `{ $x }.`.
fn variables_before_a_full_stop<'a>(
    pattern: &'a fluent_syntax::ast::Pattern<&'a str>,
) -> Vec<&'a str> {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    pattern
        .elements
        .windows(2)
        .filter_map(|pair| match pair {
            [
                PatternElement::Placeable {
                    expression: Expression::Inline(InlineExpression::VariableReference { id }),
                },
                PatternElement::TextElement { value },
            ] if value.starts_with('.') => Some(id.name),
            _ => None,
        })
        .collect()
}

/// Ends with one full stop (not an ellipsis).
fn ends_a_sentence(s: &str) -> bool {
    s.ends_with('.') && !s.ends_with("..")
}

/// The message ids defined in a Fluent source, in order (terms, `-x`, excluded). Entries
/// the parser cannot read are skipped; [`Catalog::new`] refuses such a source.
pub fn message_ids(source: &str) -> Vec<String> {
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(partial, _)| partial);
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(message) => Some(message.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// Whether a notice can be written in a language tag: its language has a catalogue.
pub fn supported(tag: &str) -> bool {
    let primary = tag.split('-').next().unwrap_or_default();
    LOCALES
        .iter()
        .any(|(code, _)| code.eq_ignore_ascii_case(primary))
}
