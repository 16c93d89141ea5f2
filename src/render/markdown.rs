//! A notice as CommonMark, with YAML (Hugo, Jekyll) or TOML (Zola) front matter.

use super::escape::{markdown as esc, quoted, safe_href};
use super::notice::{Block, Document, Inline};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum FrontMatter {
    None,
    Yaml,
    Toml,
}

pub fn render(doc: &Document, front: FrontMatter) -> String {
    let mut out = front_matter(doc, front);
    let mut first = true;
    if doc.title_heading {
        out.push_str(&format!("# {}\n", esc(&doc.title)));
        first = false;
    }
    if let Some(banner) = &doc.draft {
        if !first {
            out.push('\n');
        }
        out.push_str(&format!("> {}\n", esc(banner)));
        first = false;
    }
    let mut previous = None;
    for block in &doc.blocks {
        if !first {
            out.push('\n');
        }
        first = false;
        previous = block_md(&mut out, block, previous);
    }
    out
}

/// A front-matter value: a string (always quoted, so no YAML 1.1 reader takes it for a
/// boolean, number or date) or a flag.
enum Value {
    Text(String),
    Flag(bool),
}

impl Value {
    fn written(&self) -> String {
        match self {
            Value::Text(s) => quoted(s),
            Value::Flag(b) => b.to_string(),
        }
    }
}

/// What site generators read: the title, the language, the register, dates from `updated`
/// (Hugo's `date` and `lastmod`, Zola's `date` and `updated`; a date known only to the
/// month gives none, as the day would be made up) and, for drafts, `draft` and `robots`.
fn front_matter(doc: &Document, front: FrontMatter) -> String {
    let full_date = doc
        .updated
        .as_ref()
        .filter(|u| crate::syntax::values::parse_date(u).is_ok());
    let text = |s: &str| Value::Text(s.to_string());
    let mut page: Vec<(&str, Value)> = vec![("title", text(&doc.title))];
    let mut extra: Vec<(&str, Value)> =
        vec![("lang", text(&doc.lang)), ("register", text(&doc.register))];
    match front {
        FrontMatter::None => return String::new(),
        FrontMatter::Yaml => {
            if let Some(u) = &doc.updated {
                extra.push(("updated", text(u)));
            }
            if let Some(d) = full_date {
                extra.push(("date", text(d)));
                extra.push(("lastmod", text(d)));
            }
        }
        FrontMatter::Toml => {
            if let Some(d) = full_date {
                page.push(("date", text(d)));
                page.push(("updated", text(d)));
            }
        }
    }
    if doc.draft.is_some() {
        page.push(("draft", Value::Flag(true)));
        extra.push(("robots", text("noindex")));
    }
    match front {
        FrontMatter::None => String::new(),
        FrontMatter::Yaml => {
            let body: String = page
                .iter()
                .chain(&extra)
                .map(|(k, v)| format!("{k}: {}\n", v.written()))
                .collect();
            format!("---\n{body}---\n\n")
        }
        // Zola reads its own keys at the top and anything else under `[extra]`.
        FrontMatter::Toml => {
            let top: String = page
                .iter()
                .map(|(k, v)| format!("{k} = {}\n", v.written()))
                .collect();
            let extra: String = extra
                .iter()
                .map(|(k, v)| format!("{k} = {}\n", v.written()))
                .collect();
            format!("+++\n{top}\n[extra]\n{extra}+++\n\n")
        }
    }
}

fn inlines(parts: &[Inline]) -> String {
    parts
        .iter()
        .map(|p| match p {
            Inline::Text(t) => esc(t),
            Inline::Link { text, href } => match safe_href(href) {
                Some(h) => format!("[{}](<{}>)", esc(text), h.replace('>', "%3E")),
                None => esc(text),
            },
        })
        .collect()
}

/// The bullet for a list that follows `previous` (the bullet the block before ended its
/// list with, if it did): CommonMark joins two lists with the same bullet into one, even
/// across a blank line, so a list right after another takes the other bullet.
fn bullet(previous: Option<char>) -> char {
    if previous == Some('-') { '*' } else { '-' }
}

/// Writes a block; returns the bullet of the list it ends with, if it ends with one.
fn block_md(out: &mut String, block: &Block, previous: Option<char>) -> Option<char> {
    match block {
        Block::Heading {
            level,
            anchor,
            text,
            ..
        } => {
            out.push_str(&format!(
                "{} {} {{#{anchor}}}\n",
                "#".repeat(usize::from(*level)),
                esc(text)
            ));
            None
        }
        Block::Paragraph(parts) => {
            out.push_str(&inlines(parts));
            out.push('\n');
            None
        }
        Block::UserText(text, _) => user_text(out, text, previous),
        Block::List(items) => {
            let b = bullet(previous);
            for item in items {
                out.push_str(&format!("{b} {}\n", inlines(item)));
            }
            Some(b)
        }
        Block::Fields(fields) => {
            let b = bullet(previous);
            for (label, value) in fields {
                out.push_str(&format!("{b} **{}:** {}\n", esc(label), inlines(value)));
            }
            Some(b)
        }
    }
}

/// Paragraphs at blank lines; lines starting with `- ` become list items. Returns the
/// bullet of the list the text ends with, if it ends with one.
pub fn user_text(out: &mut String, text: &str, mut previous: Option<char>) -> Option<char> {
    let mut first = true;
    for para in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        if !first {
            out.push('\n');
        }
        first = false;
        let mut prose = Vec::new();
        let mut list: Option<char> = None;
        for line in para.lines() {
            match line.trim_start().strip_prefix("- ") {
                Some(item) => {
                    if !prose.is_empty() {
                        out.push_str(&format!("{}\n\n", esc(&prose.join(" "))));
                        prose.clear();
                        previous = None;
                    }
                    let b = *list.get_or_insert_with(|| bullet(previous));
                    out.push_str(&format!("{b} {}\n", esc(item)));
                }
                None => {
                    if list.take().is_some() {
                        // A blank line ends the list; else the line would continue its
                        // last item.
                        out.push('\n');
                        previous = None;
                    }
                    prose.push(line.trim());
                }
            }
        }
        if !prose.is_empty() {
            out.push_str(&format!("{}\n", esc(&prose.join(" "))));
            previous = None;
        } else if let Some(b) = list {
            previous = Some(b);
        }
    }
    previous
}
