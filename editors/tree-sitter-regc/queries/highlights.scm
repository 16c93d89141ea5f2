; Every pattern matches nodes no other pattern matches, so the result is the same whether
; an editor lets the first match win (tree-sitter's highlighter, Helix, Zed) or the last
; (Neovim). Names are left to the editor's plain colour.

; The first word of a statement is its keyword.
(statement keyword: (keyword) @keyword)

(comment) @comment
(text) @string

; A text's language: a language tag just before the text (`fi` in `title fi "…"`).
((word) @attribute . (text)
  (#match? @attribute "^[a-z][a-z][a-z]?(-[A-Za-z0-9]+)*$"))

; Words that join values: `allow P002 because "…"`, `retention 2 years after last-contact`.
((word) @keyword.operator
  (#any-of? @keyword.operator "because" "after" "until" "under" "at" "least" "most"))

((word) @constant.builtin (#eq? @constant.builtin "none"))

; Dates, durations, numbers.
((word) @number (#match? @number "^[0-9]"))

; Codes in capitals: countries (`FI`, `DE-BY`), rule codes (`P002`).
((word) @constant (#match? @constant "^[A-Z][A-Z0-9-]*$"))

; `use std::fi`
((word) @module (#match? @module "^std::"))

"{" @punctuation.bracket
"}" @punctuation.bracket
(comma) @punctuation.delimiter
