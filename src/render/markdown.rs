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
    out.push_str(&format!("# {}\n", esc(&doc.title)));
    for block in &doc.blocks {
        out.push('\n');
        block_md(&mut out, block);
    }
    out
}

fn front_matter(doc: &Document, front: FrontMatter) -> String {
    let mut fields = vec![
        ("title", doc.title.clone()),
        ("lang", doc.lang.clone()),
        ("register", doc.register.clone()),
    ];
    if let Some(u) = &doc.updated {
        fields.push(("updated", u.clone()));
    }
    match front {
        FrontMatter::None => String::new(),
        FrontMatter::Yaml => {
            let body: String = fields
                .iter()
                .map(|(k, v)| format!("{k}: {}\n", quoted(v)))
                .collect();
            format!("---\n{body}---\n\n")
        }
        FrontMatter::Toml => {
            let body: String = fields
                .iter()
                .map(|(k, v)| format!("{k} = {}\n", quoted(v)))
                .collect();
            format!("+++\n{body}+++\n\n")
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

fn block_md(out: &mut String, block: &Block) {
    match block {
        Block::Heading {
            level,
            anchor,
            text,
        } => {
            out.push_str(&format!(
                "{} {} {{#{anchor}}}\n",
                "#".repeat(usize::from(*level)),
                esc(text)
            ));
        }
        Block::Paragraph(parts) => {
            out.push_str(&inlines(parts));
            out.push('\n');
        }
        Block::UserText(text) => user_text(out, text),
        Block::List(items) => {
            for item in items {
                out.push_str(&format!("- {}\n", inlines(item)));
            }
        }
        Block::Fields(fields) => {
            for (label, value) in fields {
                out.push_str(&format!("- **{}:** {}\n", esc(label), inlines(value)));
            }
        }
    }
}

/// Paragraphs at blank lines; lines starting with `- ` become list items.
pub fn user_text(out: &mut String, text: &str) {
    let mut first = true;
    for para in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        if !first {
            out.push('\n');
        }
        first = false;
        let mut prose = Vec::new();
        for line in para.lines() {
            match line.trim_start().strip_prefix("- ") {
                Some(item) => {
                    if !prose.is_empty() {
                        out.push_str(&format!("{}\n\n", esc(&prose.join(" "))));
                        prose.clear();
                    }
                    out.push_str(&format!("- {}\n", esc(item)));
                }
                None => prose.push(line.trim()),
            }
        }
        if !prose.is_empty() {
            out.push_str(&format!("{}\n", esc(&prose.join(" "))));
        }
    }
}
