//! The outline of a file: each block statement (a register, its purposes, recipients and
//! transfers, a controller, a fact) with the blocks inside it.

use crate::source::{SourceId, Span};
use crate::syntax::cst::{Node, Value};
use crate::syntax::schema::{self, BlockKind};

#[derive(Clone, Debug)]
pub struct OutlineItem {
    /// The name it defines (`customers`), or its keyword when it names nothing.
    pub name: String,
    /// The keyword: `register`, `purpose`.
    pub keyword: String,
    pub block: BlockKind,
    /// The whole statement, block included.
    pub span: Span,
    /// The name (or keyword) itself.
    pub name_span: Span,
    pub children: Vec<OutlineItem>,
}

/// The outline of `text`.
pub fn outline(source: SourceId, text: &str) -> Vec<OutlineItem> {
    let cst = crate::syntax::parse(source, text).value;
    items(&cst.nodes, BlockKind::Top)
}

fn items(nodes: &[Node], block: BlockKind) -> Vec<OutlineItem> {
    nodes
        .iter()
        .filter_map(|node| {
            let Node::Statement(s) = node else {
                return None;
            };
            let body = s.block.as_ref()?;
            let child = schema::block_of(block, &s.keyword.text)?;
            let named = s.values.iter().find_map(|v| match v {
                Value::Word(w) => Some((w.text.to_string(), w.span)),
                _ => None,
            });
            let (mut name, name_span) =
                named.unwrap_or((s.keyword.text.to_string(), s.keyword.span));
            // A period or a requirement names nothing: its values say what it is.
            if matches!(
                child,
                BlockKind::Retention | BlockKind::Requirement | BlockKind::AutomatedDecisions
            ) {
                let values: Vec<&str> = s
                    .values
                    .iter()
                    .filter_map(|v| match v {
                        Value::Word(w) => Some(w.text.as_str()),
                        _ => None,
                    })
                    .collect();
                name = std::iter::once(s.keyword.text.as_str())
                    .chain(values)
                    .collect::<Vec<_>>()
                    .join(" ");
            }
            Some(OutlineItem {
                name,
                keyword: s.keyword.text.to_string(),
                block: child,
                span: s.span,
                name_span,
                children: items(&body.nodes, child),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_nest_and_statements_without_blocks_are_left_out() {
        let text = "controller acme {\n  name \"Acme\"\n}\nregister customers {\n  title en \"Customers\"\n  purpose billing {\n    basis contract\n  }\n  title { en \"x\" }\n}\n";
        let outline = outline(SourceId(3), text);
        let names: Vec<(&str, &str)> = outline
            .iter()
            .map(|i| (i.keyword.as_str(), i.name.as_str()))
            .collect();
        assert_eq!(names, [("controller", "acme"), ("register", "customers")]);
        let register = &outline[1];
        assert_eq!(
            register.children.len(),
            1,
            "the purpose; a text block is not in the outline"
        );
        assert_eq!(register.children[0].name, "billing");
        assert_eq!(register.children[0].block, BlockKind::Purpose);
        assert_eq!(&text[register.name_span.range()], "customers");
    }
}
