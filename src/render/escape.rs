//! Text from `.reg` files is data. These turn it into Markdown and HTML that show it
//! literally: no tag, link, emphasis, entity or site-generator template can come through.

/// Bidirectional-override controls reorder what is displayed around them (the "Trojan
/// source" trick); they are shown as their code instead.
/// Copies `text` to `out`: runs of bytes that never need escaping (`plain`, ASCII only) as
/// they are, which is most of a text and was most of rendering a notice; every other
/// character through `marked`, with its byte offset.
fn escape_runs(
    text: &str,
    plain: impl Fn(u8) -> bool,
    out: &mut String,
    mut marked: impl FnMut(&mut String, usize, char),
) {
    let mut at = 0;
    while let Some(rest) = text.get(at..) {
        let run = rest.bytes().take_while(|b| plain(*b)).count();
        out.push_str(rest.get(..run).unwrap_or_default());
        at += run;
        let Some(c) = text.get(at..).and_then(|r| r.chars().next()) else {
            break;
        };
        marked(out, at, c);
        at += c.len_utf8();
    }
}

fn bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// Markdown text that reads back as the same text: escaped by context, so that the
/// Markdown stays readable (`Pro-Stories Oy:n`, not `Pro\-Stories Oy\:n`).
///
/// - Everywhere: the marks that open or close inline syntax (`\` `` ` `` `*` `_` `[` `]`
///   `~` `|` `$` `#` `^`) are backslash-escaped; `&` `<` `>` `{` `}` become numeric
///   references, so that neither entities, HTML nor Hugo/Jekyll/Zola template syntax
///   (`{{ }}`, `{% %}`) survive; a `:` that would open an emoji shortcode (`:smile:`) is
///   escaped; line breaks become spaces (a text of one paragraph stays one).
/// - At the start, where a block begins: leading spaces and tabs go (four would make a code
///   block), and a mark that would start a list, a heading, a thematic break or a
///   definition (`-` `+` `=` `:`, `1.` `1)`) is escaped.
///
/// `(`, `)` and `!` need no escape once `[` and `]` have one; `$` is escaped because
/// kramdown and pandoc read `$$…$$` as math.
pub fn markdown(text: &str) -> String {
    let text = text.trim_start();
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let ordered_marker = ordered_list_marker(text);
    let plain = |b: u8| b.is_ascii_alphanumeric() || b == b' ';
    escape_runs(text, plain, &mut out, |out, i, c| match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '{' => out.push_str("&#123;"),
        '}' => out.push_str("&#125;"),
        '\n' | '\r' => out.push(' '),
        c if bidi_control(c) => out.push_str(&format!("[U+{:04X}]", u32::from(c))),
        c if INLINE_MARKS.contains(c)
            || (i == 0 && BLOCK_MARKS.contains(c))
            || Some(i) == ordered_marker
            || (c == ':' && opens_shortcode(&text[i + 1..])) =>
        {
            out.push('\\');
            out.push(c);
        }
        c if c.is_control() && c != '\t' => out.push_str(&format!("[U+{:04X}]", u32::from(c))),
        c => out.push(c),
    });
    out
}

/// Marks that open or close inline syntax wherever they stand.
const INLINE_MARKS: &str = "\\`*_[]~|$#^";

/// Marks that start a block only at the start of a line.
const BLOCK_MARKS: &str = "-+=:";

/// The byte offset of the `.` or `)` in `2018. …` or `1) …`: up to nine digits so
/// followed start an ordered list.
fn ordered_list_marker(text: &str) -> Option<usize> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let after = text.as_bytes().get(digits)?;
    ((1..=9).contains(&digits) && matches!(after, b'.' | b')')).then_some(digits)
}

/// Whether the text after a `:` completes an emoji shortcode such as `:smile:` (Hugo with
/// `enableEmoji`, Jekyll with jemoji): a run of letters, digits, `_`, `+` or `-`, then `:`.
fn opens_shortcode(rest: &str) -> bool {
    let name = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'+' | b'-'))
        .count();
    name > 0 && rest.as_bytes().get(name) == Some(&b':')
}

/// HTML text and attribute values.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let plain = |b: u8| {
        (b.is_ascii_graphic() || b == b' ')
            && !matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'' | b'{' | b'}')
    };
    escape_runs(text, plain, &mut out, |out, _, c| match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        '{' => out.push_str("&#123;"),
        '}' => out.push_str("&#125;"),
        c if bidi_control(c) => out.push_str(&format!("[U+{:04X}]", u32::from(c))),
        c if c.is_control() && c != '\n' && c != '\t' => {
            out.push_str(&format!("[U+{:04X}]", u32::from(c)))
        }
        c => out.push(c),
    });
    out
}

/// A link target, only if it is `http(s)`, `mailto` or `tel`: anything else (`javascript:`,
/// `data:`) gives None and the link is shown as text.
pub fn safe_href(href: &str) -> Option<&str> {
    let lower = href.trim_start().to_ascii_lowercase();
    let allowed = ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .any(|p| lower.starts_with(p));
    let clean = !href
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>');
    (allowed && clean).then_some(href)
}

/// A string as a double-quoted scalar that YAML 1.1, YAML 1.2 and TOML all read back as the
/// same string. Both accept `\"`, `\\`, `\n`, `\t` and `\uXXXX`; every character either
/// one refuses raw is written as `\uXXXX`: C0 controls, DEL, C1 controls, U+FFFE and U+FFFF
/// (outside YAML's printable set), and the characters YAML 1.1 reads as line breaks inside a
/// quoted scalar (NEL, U+2028, U+2029). A quoted value is never read as a boolean, number,
/// date or null.
pub fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if needs_unicode_escape(c) => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn needs_unicode_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FFFE}' | '\u{FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_every_construct() {
        assert_eq!(
            markdown("*a* [b](c) <i> {{ x }} {% y %} # h, ok"),
            "\\*a\\* \\[b\\](c) &lt;i&gt; &#123;&#123; x &#125;&#125; &#123;% y %&#125; \\# h, ok"
        );
        assert_eq!(markdown("a\u{202E}b"), "a[U+202E]b");
        assert_eq!(markdown("    indented\n    twice"), "indented     twice");
        assert_eq!(markdown("\tx"), "x");
        assert_eq!(markdown("$$x^2$$ and $y$"), "\\$\\$x\\^2\\$\\$ and \\$y\\$");
    }

    #[test]
    fn markdown_escapes_only_where_a_mark_would_be_read() {
        assert_eq!(
            markdown("Pro-Stories Oy:n asiakas- ja"),
            "Pro-Stories Oy:n asiakas- ja"
        );
        assert_eq!(markdown("- not a list"), "\\- not a list");
        assert_eq!(markdown("+ = : 1"), "\\+ = : 1");
        assert_eq!(markdown("2018. vuonna"), "2018\\. vuonna");
        assert_eq!(markdown("1) first"), "1\\) first");
        assert_eq!(markdown("1234567890. x"), "1234567890. x");
        assert_eq!(markdown("klo 9.00. Ok"), "klo 9.00. Ok");
        assert_eq!(markdown("see :smile: now"), "see \\:smile: now");
        assert_eq!(markdown("ratio 3:2"), "ratio 3:2");
    }

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(
            html("<script>alert('x')</script> \"&\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;&amp;&quot;"
        );
    }

    #[test]
    fn only_web_mail_and_phone_links_pass() {
        assert_eq!(safe_href("https://a.fi"), Some("https://a.fi"));
        assert_eq!(safe_href("mailto:x@a.fi"), Some("mailto:x@a.fi"));
        assert_eq!(safe_href("javascript:alert(1)"), None);
        assert_eq!(safe_href(" JAVASCRIPT:alert(1)"), None);
        assert_eq!(safe_href("data:text/html,x"), None);
        assert_eq!(safe_href("https://a.fi\" onclick=\"x"), None);
    }

    #[test]
    fn front_matter_values_are_always_quoted() {
        assert_eq!(quoted("no"), "\"no\"");
        assert_eq!(quoted("a\"b\nc"), "\"a\\\"b\\nc\"");
        assert_eq!(
            quoted("a\u{7F}b\u{85}c\u{9F}d\u{2028}e\u{FFFF}"),
            "\"a\\u007Fb\\u0085c\\u009Fd\\u2028e\\uFFFF\""
        );
        assert_eq!(quoted("ä \u{1F600}"), "\"ä \u{1F600}\"");
    }
}
