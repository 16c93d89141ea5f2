//! Where each output file goes, for the static-site generators regc feeds.

use super::markdown::FrontMatter;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// `<register>/<lang>/index.html` and `index.md`, `<register>.json`: any web server.
    Flat,
    /// `content/privacy/<register>.<lang>.md` (YAML front matter), `data/registers/<register>.json`.
    Hugo,
    /// `content/privacy/<register>.<lang>.md` (TOML front matter), `data/registers/<register>.json`.
    Zola,
    /// `privacy/<register>/<lang>.md` (YAML front matter), `_data/registers/<register>.json`.
    Jekyll,
}

/// One file to write: a path relative to the output folder, and its content.
pub struct Planned {
    pub path: String,
    /// Bytes: text for notices and JSON, a zip for an XLSX workbook.
    pub content: Vec<u8>,
}

impl Layout {
    pub fn front_matter(self) -> FrontMatter {
        match self {
            Layout::Flat => FrontMatter::None,
            Layout::Hugo | Layout::Jekyll => FrontMatter::Yaml,
            Layout::Zola => FrontMatter::Toml,
        }
    }

    pub fn markdown_path(self, register: &str, lang: &str) -> String {
        match self {
            Layout::Flat => format!("{register}/{lang}/index.md"),
            Layout::Hugo | Layout::Zola => format!("content/privacy/{register}.{lang}.md"),
            Layout::Jekyll => format!("privacy/{register}/{lang}.md"),
        }
    }

    /// Site generators render the Markdown themselves; only the flat layout gets HTML.
    pub fn html_path(self, register: &str, lang: &str) -> Option<String> {
        (self == Layout::Flat).then(|| format!("{register}/{lang}/index.html"))
    }

    pub fn json_path(self, register: &str) -> String {
        match self {
            Layout::Flat => format!("{register}.json"),
            Layout::Hugo | Layout::Zola => format!("data/registers/{register}.json"),
            Layout::Jekyll => format!("_data/registers/{register}.json"),
        }
    }
}
