//! One line per diagnostic, `file:line:col: severity[CODE] message`: the shape compilers
//! print and editors' quick-fix lists read (Vim's and Emacs' default `%f:%l:%c: %m`).

use std::fmt::Write as _;

use super::place;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::human::{visible, visible_name};
use crate::source::SourceMap;

/// One line per diagnostic. File names and messages have control characters (a line
/// break in a quoted text) written out, so that one diagnostic is always one line.
pub fn concise(sources: &SourceMap, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let at = place(sources, d.primary.span);
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            visible_name(&at.file),
            at.line,
            at.column,
            d.severity.as_str(),
            d.code.as_str(),
            one_line(&d.message)
        );
    }
    out
}

/// `visible`, with line breaks and tabs written out too.
fn one_line(text: &str) -> String {
    visible(text)
        .replace('\n', "\\u{a}")
        .replace('\r', "\\u{d}")
        .replace('\t', "\\u{9}")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::diagnostic::codes;
    use crate::source::Span;

    #[test]
    fn one_line_each_with_the_place_and_no_raw_line_break() {
        let mut sources = SourceMap::default();
        let id = sources.add("a b.reg".to_string(), "x\nregister r {\n}\n".to_string());
        let d = Diagnostic::error(codes::INVALID_DATE, Span::new(id, 2, 10), "bad\ndate");
        assert_eq!(
            concise(&sources, &[d]),
            "a b.reg:2:1: error[invalid-date] bad\\u{a}date\n"
        );
    }
}
