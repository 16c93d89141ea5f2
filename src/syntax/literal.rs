//! Reading the contents of texts: escapes in `"..."`, indentation in `"""` blocks.

/// Resolves `\"` and `\\`. On an unknown escape, returns the byte offset of its backslash.
pub fn unescape(raw: &str) -> Result<String, (usize, char)> {
    // Most texts hold no backslash: one search, one copy.
    if memchr::memchr(b'\\', raw.as_bytes()).is_none() {
        return Ok(raw.to_string());
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.char_indices();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some((_, '"')) => out.push('"'),
            Some((_, '\\')) => out.push('\\'),
            Some((_, other)) => return Err((i, other)),
            None => return Err((i, '\\')),
        }
    }
    Ok(out)
}

/// The text of a `"""` block: the indentation common to its non-blank lines is removed,
/// trailing spaces and surrounding blank lines are dropped, line ends become `\n`.
pub fn dedent(raw: &str) -> String {
    let lines: Vec<&str> = raw
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l).trim_end())
        .collect();
    let prefix = common_indent(&lines);
    let body: Vec<&str> = lines
        .iter()
        .map(|l| l.get(prefix.len()..).unwrap_or(""))
        .collect();
    let first = body.iter().position(|l| !l.is_empty());
    let last = body.iter().rposition(|l| !l.is_empty());
    match (first, last) {
        (Some(a), Some(b)) => body[a..=b].join("\n"),
        _ => String::new(),
    }
}

fn common_indent<'a>(lines: &[&'a str]) -> &'a str {
    let mut prefix: Option<&str> = None;
    for line in lines.iter().filter(|l| !l.is_empty()) {
        let indent = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
        prefix = Some(match prefix {
            None => indent,
            Some(p) => common_prefix(p, indent),
        });
    }
    prefix.unwrap_or("")
}

fn common_prefix<'a>(a: &'a str, b: &str) -> &'a str {
    let n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    &a[..n]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescape_resolves_quotes_and_backslashes() {
        assert_eq!(unescape(r#"a \"b\" \\ c"#), Ok(r#"a "b" \ c"#.to_string()));
    }

    #[test]
    fn unescape_reports_unknown_escape_position() {
        assert_eq!(unescape(r"ab\qc"), Err((2, 'q')));
    }

    #[test]
    fn dedent_removes_common_indentation_and_edge_blank_lines() {
        let raw = "\n    first\n      - item\n\n    second  \n";
        assert_eq!(dedent(raw), "first\n  - item\n\nsecond");
    }

    #[test]
    fn dedent_handles_crlf_and_tabs() {
        assert_eq!(dedent("\tone\r\n\ttwo\r\n"), "one\ntwo");
    }
}
