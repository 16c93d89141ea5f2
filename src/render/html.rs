//! A notice as HTML: a standalone page (readable on a phone, no script, no external
//! resource) or a fragment to embed. Everything is generated from escaped text.

use super::escape::{html as esc, safe_href};
use super::notice::{Block, Document, Inline};

const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:0 auto;padding:1rem;color:#1a1a1a}\
h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.25rem;margin-top:2rem}h3{font-size:1.05rem}\
dl{display:grid;grid-template-columns:minmax(7rem,15rem) 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}\
a{color:#0b57d0;overflow-wrap:anywhere}.regc-draft{border:2px solid #8a5300;background:#fff4e0;padding:.5rem .75rem}@media(max-width:30rem){dl{grid-template-columns:1fr}dd{margin-bottom:.5rem}}\
@media print{body{max-width:none;padding:0;font-size:11pt;color:#000}a{color:#000}h2,h3{break-after:avoid}dt,dd,li,p{break-inside:avoid}.regc-draft{background:none;border-color:#000}}";

pub fn page(doc: &Document) -> String {
    let robots = if doc.draft.is_some() {
        "<meta name=\"robots\" content=\"noindex\">\n"
    } else {
        ""
    };
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n{robots}<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        lang = esc(&doc.lang),
        title = esc(&doc.title),
        body = fragment(doc),
    )
}

pub fn fragment(doc: &Document) -> String {
    let mut out = format!(
        "<article class=\"regc-notice\" lang=\"{}\">\n",
        esc(&doc.lang)
    );
    if doc.title_heading {
        out.push_str(&format!("<h1>{}</h1>\n", esc(&doc.title)));
    }
    if let Some(banner) = &doc.draft {
        out.push_str(&format!(
            "<p class=\"regc-draft\" role=\"note\"><strong>{}</strong></p>\n",
            esc(banner)
        ));
    }
    for block in &doc.blocks {
        block_html(&mut out, block);
    }
    out.push_str("</article>\n");
    out
}

fn inlines(parts: &[Inline]) -> String {
    parts
        .iter()
        .map(|p| match p {
            Inline::Text(t) => esc(t),
            Inline::Link { text, href } => match safe_href(href) {
                Some(h) => format!("<a href=\"{}\">{}</a>", esc(h), esc(text)),
                None => esc(text),
            },
        })
        .collect()
}

fn block_html(out: &mut String, block: &Block) {
    match block {
        Block::Heading {
            level,
            anchor,
            text,
            lang,
        } => {
            let lang = lang
                .as_ref()
                .map(|l| format!(" lang=\"{}\"", esc(l)))
                .unwrap_or_default();
            out.push_str(&format!(
                "<h{level} id=\"{}\"{lang}>{}</h{level}>\n",
                esc(anchor),
                esc(text)
            ));
        }
        Block::Paragraph(parts) => out.push_str(&format!("<p>{}</p>\n", inlines(parts))),
        Block::UserText(text, lang) => user_text(out, text, lang.as_deref()),
        Block::List(items) => {
            out.push_str("<ul>\n");
            for item in items {
                out.push_str(&format!("<li>{}</li>\n", inlines(item)));
            }
            out.push_str("</ul>\n");
        }
        Block::Fields(fields) => {
            out.push_str("<dl>\n");
            for (label, value) in fields {
                out.push_str(&format!(
                    "<dt>{}</dt><dd>{}</dd>\n",
                    esc(label),
                    inlines(value)
                ));
            }
            out.push_str("</dl>\n");
        }
    }
}

/// Paragraphs and lists of a text; each carries `lang` when the text is in another
/// language than the page (WCAG 3.1.2, language of parts).
fn user_text(out: &mut String, text: &str, lang: Option<&str>) {
    let attr = lang
        .map(|l| format!(" lang=\"{}\"", esc(l)))
        .unwrap_or_default();
    for para in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let mut prose: Vec<&str> = Vec::new();
        let mut items: Vec<&str> = Vec::new();
        let flush_items = |out: &mut String, items: &mut Vec<&str>| {
            if !items.is_empty() {
                out.push_str(&format!("<ul{attr}>\n"));
                for i in items.drain(..) {
                    out.push_str(&format!("<li>{}</li>\n", esc(i)));
                }
                out.push_str("</ul>\n");
            }
        };
        for line in para.lines() {
            match line.trim_start().strip_prefix("- ") {
                Some(item) => {
                    if !prose.is_empty() {
                        out.push_str(&format!("<p{attr}>{}</p>\n", esc(&prose.join(" "))));
                        prose.clear();
                    }
                    items.push(item);
                }
                None => {
                    flush_items(out, &mut items);
                    prose.push(line.trim());
                }
            }
        }
        flush_items(out, &mut items);
        if !prose.is_empty() {
            out.push_str(&format!("<p{attr}>{}</p>\n", esc(&prose.join(" "))));
        }
    }
}
