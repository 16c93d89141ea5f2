//! Text → CST. pest reads every line with a mistake in it and makes its diagnostics; the
//! clean lines, nearly all of a real file, are read by [`scan`](super::scan), which must
//! give the nodes pest would. pest types stop here: nothing outside `src/syntax` sees a
//! `Pair`.

use crate::diagnostic::codes;
use pest::Parser as _;
use pest::iterators::Pair;

use super::cst::{Block, Comma, Comment, Cst, Node, Statement, Text, Value, Word};
use super::literal::{dedent, unescape};
use super::{nesting, scan};
use crate::diagnostic::{Diagnostic, Outcome};
use crate::source::{SourceId, Span};

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/regc.pest"]
struct RegParser;

/// Blocks nest a few levels in real files; the limit keeps the recursive descent off the
/// end of the stack on hostile input.
pub const MAX_DEPTH: usize = 32;

/// Parses one source into its CST. Never fails: malformed pieces become diagnostics.
pub fn parse(source: SourceId, text: &str) -> Outcome<Cst> {
    read_whole(source, text, Reader::FastThenPest)
}

/// Parses with pest alone, as regc did before [`scan`](super::scan) read the clean lines:
/// the reference the fast reader is compared with.
pub fn parse_with_pest(source: SourceId, text: &str) -> Outcome<Cst> {
    read_whole(source, text, Reader::Pest)
}

fn read_whole(source: SourceId, text: &str, reader: Reader) -> Outcome<Cst> {
    let mut nodes = Vec::new();
    let read = parse_each_with(source, text, reader, |mut piece| nodes.append(&mut piece));
    if read.too_deep {
        nodes.clear();
    }
    Outcome {
        value: Cst { nodes },
        diagnostics: read.diagnostics,
    }
}

/// What reading a source a line at a time gives besides its nodes.
pub struct Read {
    pub diagnostics: Vec<Diagnostic>,
    /// Blocks nest past [`MAX_DEPTH`]: the one diagnostic says so, and the caller drops
    /// every node it was handed, as if none had been read.
    pub too_deep: bool,
}

/// Parses one source a top-level line (a statement with its whole block) at a time and
/// hands each piece's nodes to `each` as soon as it is read, so a caller that lowers and
/// drops them holds one declaration's tree at a time, not the whole file's.
pub fn parse_each(source: SourceId, text: &str, each: impl FnMut(Vec<Node>)) -> Read {
    parse_each_with(source, text, Reader::FastThenPest, each)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Reader {
    /// The fast reader for each clean line, pest for any other.
    FastThenPest,
    Pest,
}

fn parse_each_with(
    source: SourceId,
    text: &str,
    reader: Reader,
    mut each: impl FnMut(Vec<Node>),
) -> Read {
    let mut cx = Cx {
        source,
        offset: 0,
        diagnostics: Vec::new(),
        swallowed_rest: false,
    };
    // pest recurses once per block, so how deep they nest is known before pest reads a
    // line. The fast reader follows the same grammar and gives up past MAX_DEPTH, so a
    // text it reads whole nests no deeper, and pays nothing for the look.
    let mut nesting_checked = false;
    let mut pos = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
    while pos < text.len() {
        cx.offset = pos;
        let rest = text.get(pos..).unwrap_or("");
        if reader == Reader::FastThenPest
            && let Some((nodes, used)) = scan::top_line(source, pos, rest)
        {
            each(nodes);
            pos += used;
            continue;
        }
        if !nesting_checked {
            nesting_checked = true;
            if let Some(offset) = nesting::too_deep_at(text, MAX_DEPTH) {
                cx.offset = 0;
                return Read {
                    diagnostics: vec![nesting_too_deep(cx.span(offset, offset + 1))],
                    too_deep: true,
                };
            }
        }
        match cx.parse_line(rest) {
            Some((nodes, used)) if used > 0 => {
                each(nodes);
                pos += used;
            }
            Some(_) => {
                cx.diagnostics.push(unreadable(cx.span(0, 0)));
                break;
            }
            None => break,
        }
    }
    Read {
        diagnostics: cx.diagnostics,
        too_deep: false,
    }
}

struct Cx {
    source: SourceId,
    /// Where the text pest is reading starts in the source: spans are made absolute.
    offset: usize,
    diagnostics: Vec<Diagnostic>,
    /// An unclosed `"""` text ran to the end of the file, so the blocks around it could
    /// not close either; saying so again for each would only repeat the one mistake.
    swallowed_rest: bool,
}

impl Cx {
    /// A span from offsets in the text pest is reading (not yet absolute).
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.source, self.offset + start, self.offset + end)
    }

    fn span_of(&self, pair: &Pair<Rule>) -> Span {
        let s = pair.as_span();
        self.span(s.start(), s.end())
    }

    /// The nodes of the first top-level line of `rest`, and its length in bytes. None (after
    /// a diagnostic) if it cannot be read, which the grammar's fallbacks rule out.
    fn parse_line(&mut self, rest: &str) -> Option<(Vec<Node>, usize)> {
        match RegParser::parse(Rule::one_line, rest) {
            Ok(mut pairs) => {
                let line = pairs.next()?;
                let used = line.as_span().end();
                Some((self.nodes(line.into_inner()), used))
            }
            // The grammar has a fallback for every line, so this is a bug in it; report
            // it at the spot pest names rather than crash.
            Err(e) => {
                let offset = match e.location {
                    pest::error::InputLocation::Pos(p) => p,
                    pest::error::InputLocation::Span((s, _)) => s,
                };
                self.diagnostics.push(unreadable(self.span(offset, offset)));
                None
            }
        }
    }

    fn nodes<'a>(&mut self, pairs: impl Iterator<Item = Pair<'a, Rule>>) -> Vec<Node> {
        let mut nodes = Vec::new();
        for pair in pairs {
            match pair.as_rule() {
                Rule::blank => nodes.push(Node::Blank(self.span_of(&pair))),
                Rule::comment_line => nodes.extend(self.comment_in(pair).map(Node::Comment)),
                Rule::stray_close => self.stray_close(&pair),
                Rule::statement => nodes.extend(self.statement(pair).map(Node::Statement)),
                _ => {}
            }
        }
        nodes
    }

    /// A block's `}` line: the comment after it, and whether nothing else follows it.
    fn close(&mut self, pair: Pair<Rule>) -> (Option<Comment>, bool) {
        let mut comment = None;
        let mut clean = true;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::comment => comment = Some(self.comment(&part)),
                Rule::close_junk => {
                    clean = false;
                    self.diagnostics.push(
                        Diagnostic::error(
                            codes::SYNTAX_ERROR,
                            self.span_of(&part),
                            "a block's `}` stands on a line of its own",
                        )
                        .with_label("after the `}`")
                        .with_help("move this to a line of its own, or remove it; only a `// comment` may follow a `}`"),
                    );
                }
                _ => {}
            }
        }
        (comment, clean)
    }

    fn comment_in(&self, pair: Pair<Rule>) -> Option<Comment> {
        pair.into_inner()
            .find(|p| p.as_rule() == Rule::comment)
            .map(|p| self.comment(&p))
    }

    fn comment(&self, pair: &Pair<Rule>) -> Comment {
        Comment {
            text: pair.as_str().trim_end().to_string(),
            span: self.span_of(pair),
        }
    }

    fn stray_close(&mut self, pair: &Pair<Rule>) {
        let start =
            pair.as_span().start() + (pair.as_str().len() - pair.as_str().trim_start().len());
        self.diagnostics.push(
            Diagnostic::error(
                codes::UNMATCHED_BRACE,
                self.span(start, start + 1),
                "this `}` closes no block",
            )
            .with_label("no block is open here")
            .with_help(
                "remove it, or add the statement that opens the block, e.g. `register customers {`",
            ),
        );
    }

    fn statement(&mut self, pair: Pair<Rule>) -> Option<Statement> {
        let span = self.statement_span(&pair);
        let mut keyword = None;
        let mut broken = false;
        let mut values = Vec::new();
        let mut block = None;
        let mut comment = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::keyword => match self.keyword(part) {
                    Some(word) => keyword = Some(word),
                    None => broken = true,
                },
                Rule::word => values.push(Value::Word(self.word(&part))),
                Rule::text => match self.text(&part) {
                    Some(text) => values.push(Value::Text(text)),
                    None => broken = true,
                },
                Rule::text_block => match self.text_block(part) {
                    Some(text) => values.push(Value::Text(text)),
                    None => broken = true,
                },
                Rule::comma => values.push(Value::Comma(self.comma(part))),
                Rule::bad_text => {
                    self.bad_text(&part);
                    broken = true;
                }
                Rule::junk => {
                    self.junk(&part, false);
                    broken = true;
                }
                Rule::comment => comment = Some(self.comment(&part)),
                Rule::inline_block => {
                    self.inline_block(&part);
                    broken = true;
                }
                Rule::block => {
                    let (b, close_comment, ok) = self.block(part);
                    broken |= !ok;
                    comment = close_comment;
                    block = Some(b);
                }
                _ => {}
            }
        }
        let Some(keyword) = keyword else {
            if !broken {
                self.diagnostics.push(
                    Diagnostic::error(codes::SYNTAX_ERROR, span, "a block must follow a keyword on the same line")
                        .with_label("`{` at the start of a line")
                        .with_help("put `{` at the end of the line that names the block, e.g. `purpose marketing {`"),
                );
            }
            return None;
        };
        Some(Statement {
            keyword,
            values,
            block,
            comment,
            broken,
            span,
        })
    }

    /// The statement's own line (or lines, for a block header), without leading spaces.
    fn statement_span(&self, pair: &Pair<Rule>) -> Span {
        let s = pair.as_span();
        let text = pair.as_str();
        let lead = text.len() - text.trim_start_matches([' ', '\t']).len();
        let body = text.trim_end();
        self.span(s.start() + lead, s.start() + body.len().max(lead))
    }

    fn keyword(&mut self, pair: Pair<Rule>) -> Option<Word> {
        let inner = pair.into_inner().next()?;
        match inner.as_rule() {
            Rule::word => Some(self.word(&inner)),
            Rule::junk => {
                self.junk(&inner, true);
                None
            }
            Rule::bad_text => {
                self.bad_text(&inner);
                None
            }
            _ => {
                let what = if inner.as_rule() == Rule::comma {
                    "a `,`"
                } else {
                    "a text"
                };
                self.diagnostics.push(
                    Diagnostic::error(
                        codes::SYNTAX_ERROR,
                        self.span_of(&inner),
                        format!("a statement starts with a keyword, not with {what}"),
                    )
                    .with_label("expected a keyword here")
                    .with_help("start the line with the keyword the value belongs to, e.g. `text fi \"...\"`; a list goes on on the next line only after a `,` that ends the line"),
                );
                None
            }
        }
    }

    fn word(&self, pair: &Pair<Rule>) -> Word {
        Word {
            text: pair.as_str().into(),
            span: self.span_of(pair),
        }
    }

    fn text(&mut self, pair: &Pair<Rule>) -> Option<Text> {
        let span = self.span_of(pair);
        let raw = pair.as_str();
        let inner = raw.get(1..raw.len().saturating_sub(1)).unwrap_or("");
        match unescape(inner) {
            Ok(value) => Some(Text {
                value,
                multiline: false,
                span,
            }),
            Err((at, c)) => {
                let start = span.start as usize + 1 + at;
                self.diagnostics.push(
                    Diagnostic::error(
                        codes::INVALID_ESCAPE,
                        Span::new(self.source, start, start + 1 + c.len_utf8()),
                        format!("`\\{c}` is not an escape regc knows"),
                    )
                    .with_label("unknown escape")
                    .with_help("inside a text write `\\\"` for a quote and `\\\\` for a backslash; any other character stands for itself"),
                );
                None
            }
        }
    }

    fn text_block(&mut self, pair: Pair<Rule>) -> Option<Text> {
        let span = self.span_of(&pair);
        let mut value = String::new();
        let mut ok = true;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::tb_open_junk if !part.as_str().trim().is_empty() => {
                    self.diagnostics.push(
                        Diagnostic::error(
                            codes::TEXT_INDENTATION,
                            self.span_of(&part),
                            "a `\"\"\"` text starts on the line after its opening `\"\"\"`",
                        )
                        .with_label("text on the opening line")
                        .with_help("move this text to the next line, or use `\"...\"` for a text of one line"),
                    );
                    ok = false;
                }
                Rule::tb_lines => value = dedent(part.as_str()),
                _ => {}
            }
        }
        ok.then_some(Text {
            value,
            multiline: true,
            span,
        })
    }

    fn comma(&self, pair: Pair<Rule>) -> Comma {
        let span = self.span_of(&pair);
        let line_break = pair.as_str().contains('\n');
        let comment = pair
            .into_inner()
            .find(|p| p.as_rule() == Rule::comment)
            .map(|p| self.comment(&p));
        Comma {
            comment,
            line_break,
            span: Span {
                end: span.start + 1,
                ..span
            },
        }
    }

    fn bad_text(&mut self, pair: &Pair<Rule>) {
        let start = pair.as_span().start();
        let raw = pair.as_str();
        let diagnostic = if raw.starts_with("\"\"\"") && raw.contains('\n') {
            self.swallowed_rest = true;
            Diagnostic::error(
                codes::UNTERMINATED_TEXT,
                self.span(start, start + 3),
                "this `\"\"\"` text is never closed",
            )
            .with_label("opened here")
            .with_help("end the text with `\"\"\"` on a line of its own")
        } else if raw.starts_with("\"\"\"") {
            Diagnostic::error(codes::UNTERMINATED_TEXT, self.span(start, start + 3), "this `\"\"\"` text is never closed")
                .with_label("opened here")
                .with_help("a `\"\"\"` text starts on the next line and ends with `\"\"\"` on a line of its own")
        } else {
            let end = start + raw.trim_end().len().clamp(1, 80);
            let end = floor_char_boundary(raw, end - start) + start;
            Diagnostic::error(codes::UNTERMINATED_TEXT, self.span(start, end.max(start + 1)), "this text has no closing `\"`")
                .with_label("the text starts here and runs to the end of the line")
                .with_help("add `\"` where the text ends; a text in `\"...\"` ends on its own line, a longer one goes in a `\"\"\"` block")
        };
        self.diagnostics.push(diagnostic);
    }

    fn junk(&mut self, pair: &Pair<Rule>, at_start: bool) {
        let span = self.span_of(pair);
        let raw = pair.as_str();
        let first = raw.chars().next().unwrap_or(' ');
        let help = match first {
            ';' => "statements end at the end of their line; remove the `;`".to_string(),
            '=' | ':' => format!(
                "write the value right after the keyword, without `{first}`: `name \"Pro-Stories Oy\"`"
            ),
            '\'' | '‘' | '’' | '“' => {
                "texts are written in straight double quotes: `\"...\"`".to_string()
            }
            '}' => "a `}` stands on a line of its own".to_string(),
            _ if at_start => {
                "a statement starts with a keyword, e.g. `purpose`, `data` or `retention`"
                    .to_string()
            }
            _ => "names are letters, digits and `-`; anything else belongs in a text in `\"...\"`"
                .to_string(),
        };
        let shown: String = raw.chars().take(20).collect();
        self.diagnostics.push(
            Diagnostic::error(codes::SYNTAX_ERROR, span, format!("unexpected `{shown}`"))
                .with_label(if at_start {
                    "expected a keyword"
                } else {
                    "not a name, a text or a `,`"
                })
                .with_help(help),
        );
    }

    fn inline_block(&mut self, pair: &Pair<Rule>) {
        self.diagnostics.push(
            Diagnostic::error(
                codes::INLINE_BLOCK,
                self.span_of(pair).to(self.span_of(pair)),
                "the statements of a block go on lines of their own",
            )
            .with_label("block on one line")
            .with_help(
                "end the line after `{`, put each statement on its own line, and `}` on the last",
            ),
        );
    }

    /// Returns the block, the comment after its `}`, and whether it was well-formed.
    fn block(&mut self, pair: Pair<Rule>) -> (Block, Option<Comment>, bool) {
        let span = self.span_of(&pair);
        let open = Span::new(self.source, span.start as usize, span.start as usize + 1);
        let mut open_comment = None;
        let mut close_comment = None;
        let mut ok = true;
        let mut unclosed = false;
        let mut lines = Vec::new();
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::comment => open_comment = Some(self.comment(&part)),
                Rule::open_junk => {
                    ok = false;
                    self.diagnostics.push(
                        Diagnostic::error(
                            codes::INLINE_BLOCK,
                            self.span_of(&part),
                            "a block's statements start on the line after `{`",
                        )
                        .with_label("move this to the next line")
                        .with_help("end the line after `{` (a `// comment` may stand there)"),
                    );
                }
                Rule::close => {
                    let (comment, clean) = self.close(part);
                    close_comment = comment;
                    ok &= clean;
                }
                Rule::unclosed => unclosed = true,
                _ => lines.push(part),
            }
        }
        let nodes = self.nodes(lines.into_iter());
        // Checked after the block's own lines: an unclosed text among them explains this.
        if unclosed && !self.swallowed_rest {
            self.diagnostics.push(
                Diagnostic::error(codes::UNCLOSED_BLOCK, open, "this block is never closed")
                    .with_label("opened here")
                    .with_help("add `}` on a line of its own after the block's last statement"),
            );
        }
        ok &= !unclosed;
        (
            Block {
                open_comment,
                nodes,
                span,
            },
            close_comment,
            ok,
        )
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A line the grammar could not read, or read without moving on: a bug in the grammar,
/// reported at the spot rather than crashing or looping.
fn unreadable(span: Span) -> Diagnostic {
    Diagnostic::error(codes::SYNTAX_ERROR, span, "this line cannot be read").with_help(
        "please report this file to the regc developers: the parser should accept or explain any line",
    )
}

fn nesting_too_deep(span: Span) -> Diagnostic {
    Diagnostic::error(
        codes::NESTING_TOO_DEEP,
        span,
        format!("blocks are nested more than {MAX_DEPTH} deep"),
    )
    .with_label("this block is too deep")
    .with_help("a register needs at most four levels (register, purpose, requirement, text); close the blocks that were left open")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

    /// The grammar's `file` rule in one call, as the parser ran before it read a line at a
    /// time: the reference the line-at-a-time parse must match.
    fn parse_whole(source: SourceId, text: &str) -> Outcome<Cst> {
        let mut cx = Cx {
            source,
            offset: 0,
            diagnostics: Vec::new(),
            swallowed_rest: false,
        };
        let nodes = match RegParser::parse(Rule::file, text) {
            Ok(mut pairs) => cx.nodes(pairs.next().unwrap().into_inner()),
            Err(e) => panic!("the grammar rejected a file: {e}"),
        };
        Outcome {
            value: Cst { nodes },
            diagnostics: cx.diagnostics,
        }
    }

    fn corpus() -> Vec<String> {
        let mut texts: Vec<String> = ["examples", "stdlib", "tests/cases"]
            .into_iter()
            .flat_map(crate::testing::reg_files)
            .map(|(_, text)| text)
            .collect();
        texts.extend(
            [
                "\u{FEFF}register r {\n}\n",
                "register r {\n  title en \"\"\"\n  never closed\n",
                "}\n}\nregister r {\n",
                "data a,\n  b,\n\n  c\n",
                "  \n\t\n",
                "register r { title en \"x\" }\n// end",
                "x \"unterminated\n\"\"\"\n",
            ]
            .map(String::from),
        );
        texts
    }

    /// Spans compare equal whatever their position, so compare them by place too.
    fn places(cst: &Cst) -> String {
        format!("{:?}", cst.nodes)
    }

    #[test]
    fn a_line_at_a_time_gives_the_same_tree_and_diagnostics_as_the_whole_file() {
        let texts = corpus();
        assert!(texts.len() > 200, "{} files", texts.len());
        for text in &texts {
            if nesting::too_deep_at(text, MAX_DEPTH).is_some() {
                continue;
            }
            let whole = parse_whole(SourceId(0), text);
            let lines = parse(SourceId(0), text);
            assert_eq!(whole.value, lines.value, "{text}");
            assert_eq!(places(&whole.value), places(&lines.value), "{text}");
            let at = |o: &Outcome<Cst>| -> Vec<(u32, u32, &str)> {
                o.diagnostics
                    .iter()
                    .map(|d| (d.primary.span.start, d.primary.span.end, d.code.as_str()))
                    .collect()
            };
            assert_eq!(at(&whole), at(&lines), "{text}");
        }
    }

    /// The corpus, and its first 60 files cut at every line (texts that end inside
    /// blocks, texts and lists), and with one line break made `\r\n` at each.
    fn corpus_and_cuts() -> Vec<String> {
        let mut texts = corpus();
        for text in corpus().iter().take(60) {
            for (i, _) in text.match_indices('\n') {
                texts.push(text[..i].to_string());
                texts.push(format!("{}\r\n{}", &text[..i], &text[i + 1..]));
            }
        }
        texts
    }

    #[test]
    fn the_fast_reader_gives_what_pest_gives() {
        let texts = corpus_and_cuts();
        for text in &texts {
            same_reading(text);
        }
    }

    /// Both readings give the same nodes and diagnostics, places and messages included
    /// (the fuzz harness's check).
    fn same_reading(text: &str) {
        if let Err(differ) = crate::fuzz::same_reading_as_pest(text.as_bytes()) {
            panic!("{text:?}: {differ}");
        }
    }

    /// Edge cases of the grammar, each next to a clean line the fast reader takes.
    #[test]
    fn the_fast_reader_agrees_with_pest_at_the_grammar_edges() {
        let cases = [
            "data a,b , c\n",
            "data a, // why\n\n   \n  b\n",
            "r x {\n  d a, // c\n}\n",
            "r x {\n  d a,\n  }\n",
            "data a, // c",
            "title \"a\\\"b\\\\\"x\"y\n",
            "title \"a\\\n\"\n",
            "title \"a\\q\"\n",
            "title \"\"\n",
            "title \"\"\"\n  a\n   b\n  \"\"\" en\n",
            "title \"\"\"  \n  a\n\"\"\"",
            "title \"\"\" x\n  a\n\"\"\"\n",
            "title \"\"\"\n  a\n",
            "title \"\"\"\n  a\n  \"\"\"more\n",
            "data abc//not-a-comment x\n",
            "data a\"t\"b\n",
            "data a(b)\n",
            "data henkilötunnus, ääni²\n",
            "data \u{301}x\n",
            "data x\u{301}\n",
            "r x { // open\n} // close\n",
            "r x {\n} x\n",
            "r x { }\n",
            "r x { a }\n",
            "r x {\r\n  a b\r\n}\r\n",
            "r x {\r\n  a b\r}\r\n",
            "r x {\n  a b\n",
            "r x {",
            "r x {\n  {\n  }\n}\n",
            "  \n\t\n   ",
            "// a\r\r\n// b\r",
            "a \u{a0}b\n",
            "a b // c \u{a0}\n",
            "a b\r c\n",
            "}\n",
            "\"k\" v\n",
            ", v\n",
            "a,\n{\n}\n",
            "a \"x\" \"\"\"\n  y\n\"\"\" , z\n",
        ];
        for text in cases {
            same_reading(text);
        }
    }

    /// The fast reader must do the work, not hand every line to pest: on the shipped,
    /// clean examples it reads every top-level line itself.
    #[test]
    fn the_fast_reader_reads_every_line_of_a_clean_file() {
        let mut read = 0;
        for dir in ["examples/complete", "stdlib"] {
            for (path, text) in crate::testing::reg_files(dir) {
                let mut pos = usize::from(text.starts_with('\u{FEFF}')) * 3;
                while pos < text.len() {
                    let (_, used) = scan::top_line(SourceId(0), pos, &text[pos..])
                        .unwrap_or_else(|| panic!("{}: pest needed at byte {pos}", path.display()));
                    pos += used;
                    read += 1;
                }
            }
        }
        assert!(read > 100, "{read} lines");
    }

    /// How deep pest's own reading nests `block`s.
    fn pest_depth(text: &str) -> usize {
        fn walk(pair: Pair<Rule>, depth: usize) -> usize {
            let depth = depth + usize::from(pair.as_rule() == Rule::block);
            pair.into_inner()
                .map(|p| walk(p, depth))
                .max()
                .unwrap_or(depth)
                .max(depth)
        }
        RegParser::parse(Rule::file, text)
            .unwrap()
            .map(|p| walk(p, 0))
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn the_nesting_check_counts_the_blocks_pest_reads() {
        let mut texts = corpus_and_cuts();
        // Every text of up to four of these pieces, and longer ones drawn from them.
        let pieces = [
            "k", " ", "{", "}", "\n", "\"", "\"\"\"", "//", ",", "a//b", "\r", "x \"{\"",
        ];
        let mut strings = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = strings
                .iter()
                .flat_map(|s| pieces.iter().map(move |p| format!("{s}{p}")))
                .collect();
            texts.extend(longer.iter().cloned());
            strings = longer;
        }
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..(seed % 24) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            texts.push(text);
        }
        for text in &texts {
            assert_eq!(super::nesting::deepest(text), pest_depth(text), "{text:?}");
        }
    }

    /// Blocks hidden from a look at comments and texts alone: `a//b {` is a word and a
    /// block, and a `"""` that starts a line is an empty text and a quote.
    #[test]
    fn blocks_nested_past_the_limit_are_reported_however_they_are_written() {
        let quotes = "\"\"\"\n";
        for (before, line, after) in [
            ("", "k//x {\n", ""),
            ("", "k a//b {\n", ""),
            (quotes, "k {\n", quotes),
            // Text after the opening quotes and no closing line: the quotes' line alone
            // is an unclosed text.
            ("a \"\"\"x\n", "k {\n", ""),
            // Clean declarations first, read before the nesting is known: dropped too.
            (
                "register r {\n}\ncontroller c {\n  name \"C\"\n}\n",
                "k//x {\n",
                "",
            ),
        ] {
            let text = format!("{before}{}{after}", line.repeat(10_000));
            let parsed = parse(SourceId(0), &text);
            assert_eq!(
                parsed.diagnostics.first().map(|d| d.code.as_str()),
                Some(codes::NESTING_TOO_DEEP.as_str()),
                "{before:?} {line:?}"
            );
            assert_eq!(parsed.diagnostics.len(), 1, "{before:?} {line:?}");
            assert!(parsed.value.nodes.is_empty(), "{before:?} {line:?}");
            let module = crate::syntax::parse_module(SourceId(0), &text);
            assert!(module.value.items.is_empty(), "{before:?} {line:?}");
            assert_eq!(module.diagnostics.len(), 1, "{before:?} {line:?}");
        }
    }

    /// The formatter's single parse gives the tree and the AST of the two separate ones.
    #[test]
    fn one_parse_for_both_trees_gives_each_tree() {
        for text in &corpus() {
            let (module, cst) = crate::syntax::parse_module_and_cst(SourceId(0), text);
            let alone = crate::syntax::parse_module(SourceId(0), text);
            let tree = parse(SourceId(0), text);
            assert_eq!(places(&cst), places(&tree.value), "{text}");
            assert_eq!(
                format!("{:?}", module.value),
                format!("{:?}", alone.value),
                "{text}"
            );
            assert_eq!(module.diagnostics.len(), alone.diagnostics.len(), "{text}");
        }
    }
}
