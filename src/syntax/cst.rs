//! The concrete syntax tree: every statement, value, comment and blank line of a file, in
//! the user's order. The formatter prints it; the lowering reads meaning out of it.
//!
//! Architecture Invariant: a CST holds only well-formed pieces. Malformed input becomes a
//! diagnostic in `parser.rs`, never a node here, and a statement that held one is marked
//! `broken` so that later stages do not pile further errors onto it.

use crate::source::Span;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cst {
    pub nodes: Vec<Node>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    Blank(Span),
    Comment(Comment),
    Statement(Statement),
}

/// A `// ...` comment, with the slashes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    pub text: String,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    pub keyword: Word,
    pub values: Vec<Value>,
    pub block: Option<Block>,
    /// The comment ending the statement's line (or its closing `}` line for a block).
    pub comment: Option<Comment>,
    /// A piece of the statement was malformed and already reported.
    pub broken: bool,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Word(Word),
    Text(Text),
    Comma(Comma),
}

impl Value {
    pub fn span(&self) -> Span {
        match self {
            Value::Word(w) => w.span,
            Value::Text(t) => t.span,
            Value::Comma(c) => c.span,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Inline up to 24 bytes: a keyword or name needs no allocation of its own.
    pub text: compact_str::CompactString,
    pub span: Span,
}

/// A text with escapes resolved and, for a `"""` block, its common indentation removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    pub value: String,
    pub multiline: bool,
    pub span: Span,
}

/// A list separator. `line_break` is true when the list goes on on the next line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comma {
    pub comment: Option<Comment>,
    pub line_break: bool,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// A comment after the opening `{`.
    pub open_comment: Option<Comment>,
    pub nodes: Vec<Node>,
    pub span: Span,
}

impl Cst {
    /// Every comment, in source order: the formatter must print exactly these.
    pub fn comments(&self) -> Vec<&Comment> {
        let mut out = Vec::new();
        collect_comments(&self.nodes, &mut out);
        out
    }
}

fn collect_comments<'a>(nodes: &'a [Node], out: &mut Vec<&'a Comment>) {
    for node in nodes {
        match node {
            Node::Blank(_) => {}
            Node::Comment(c) => out.push(c),
            Node::Statement(s) => {
                for value in &s.values {
                    if let Value::Comma(Comma {
                        comment: Some(c), ..
                    }) = value
                    {
                        out.push(c);
                    }
                }
                if let Some(block) = &s.block {
                    out.extend(block.open_comment.iter());
                    collect_comments(&block.nodes, out);
                }
                out.extend(s.comment.iter());
            }
        }
    }
}
