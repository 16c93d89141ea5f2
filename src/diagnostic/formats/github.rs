//! GitHub Actions workflow commands, one line per diagnostic.

use std::fmt::Write as _;

use super::{place, with_help};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceMap;

/// GitHub Actions workflow commands, one line per diagnostic:
/// `::error file=F,line=L,col=C,endLine=…,endColumn=…,title=CODE::MESSAGE`. Warnings are
/// `::warning`, infos `::notice`.
pub fn github(sources: &SourceMap, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let at = place(sources, d.primary.span);
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            github_property(&at.file.replace('\\', "/")),
            at.line,
            at.column,
            at.end_line,
            at.end_column,
            github_property(d.code.as_str()),
            github_data(&with_help(d)),
        );
    }
    out
}

/// A workflow command's message: `%`, CR and LF escaped.
pub fn github_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// A workflow command's property value: as data, and `:` and `,` too.
pub fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;
    use crate::diagnostic::formats::tests::one;

    #[test]
    fn github_escapes_data_and_properties() {
        assert_eq!(github_data("50% a,b: c\r\nd"), "50%25 a,b: c%0D%0Ad");
        assert_eq!(github_property("50% a,b: c\nd"), "50%25 a%2Cb%3A c%0Ad");
        let (sources, ds) = one(
            "register r {\n  x y\n}\n",
            "x y",
            "100% sure, really: no\nsecond line",
        );
        let mut sources2 = SourceMap::new();
        let text = sources.get(ds[0].primary.span.source).unwrap().text.clone();
        let id = sources2.add("odd,name:1.reg", text);
        let mut d = ds[0].clone();
        d.primary.span.source = id;
        let out = github(&sources2, &[d]);
        assert_eq!(
            out,
            "::error file=odd%2Cname%3A1.reg,line=2,col=3,endLine=2,endColumn=6,title=C001::100%25 sure, really: no%0Asecond line\n"
        );
    }
}
