//! Text from `.reg` files is data. These turn it into Markdown and HTML that show it
//! literally: no tag, link, emphasis, entity or site-generator template can come through.

/// Bidirectional-override controls reorder what is displayed around them (the "Trojan
/// source" trick); they are shown as their code instead.
fn bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// Inline Markdown text: every mark that could start Markdown syntax is backslash-escaped
/// (CommonMark lets any ASCII punctuation be), `&` `<` `{` `}` become numeric references so that neither entities, HTML
/// nor Hugo/Jekyll/Zola template syntax (`{{ }}`, `{% %}`) survive, and line breaks become
/// spaces (a text of one paragraph stays one). Leading spaces and tabs go (four of them
/// would make a code block), and `$` is escaped (kramdown and pandoc read `$$…$$` as math).
pub fn markdown(text: &str) -> String {
    let text = text.trim_start();
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '{' => out.push_str("&#123;"),
            '}' => out.push_str("&#125;"),
            '\n' | '\r' => out.push(' '),
            c if bidi_control(c) => out.push_str(&format!("[U+{:04X}]", u32::from(c))),
            c if MARKDOWN_SPECIAL.contains(c) => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() && c != '\t' => out.push_str(&format!("[U+{:04X}]", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

/// The ASCII marks that can start or end a Markdown construct (emphasis, links, images,
/// code, headings, lists, tables, HTML, escapes); commas, colons and the like cannot, and
/// stay unescaped so the Markdown remains readable.
const MARKDOWN_SPECIAL: &str = "\\`*_[]()#+-.!|~\"'=:$";

/// HTML text and attribute values.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
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
        }
    }
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

/// A string as a double-quoted YAML/TOML scalar: JSON's escaping is valid in both, and a
/// quoted value is never read as a boolean, number, date or null by a YAML 1.1 reader.
pub fn quoted(value: &str) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "\"\"".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_every_construct() {
        assert_eq!(
            markdown("*a* [b](c) <i> {{ x }} {% y %} # h, ok"),
            "\\*a\\* \\[b\\]\\(c\\) &lt;i&gt; &#123;&#123; x &#125;&#125; &#123;% y %&#125; \\# h, ok"
        );
        assert_eq!(markdown("a\u{202E}b"), "a[U+202E]b");
        assert_eq!(markdown("    indented\n    twice"), "indented     twice");
        assert_eq!(markdown("\tx"), "x");
        assert_eq!(markdown("$$x^2$$ and $y$"), "\\$\\$x^2\\$\\$ and \\$y\\$");
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
    }
}
