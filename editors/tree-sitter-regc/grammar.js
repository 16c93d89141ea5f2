/**
 * tree-sitter grammar for regc's `.reg` files: the same uniform surface syntax as
 * `grammar/regc.pest` (statements `keyword value value, value { … }`, one per line; texts;
 * `//` comments). Which keywords may stand where is regc's schema, not this grammar's.
 */
module.exports = grammar({
  name: "regc",

  extras: ($) => [/[ \t\r\uFEFF]/, $.comment],

  rules: {
    source_file: ($) => repeat(choice($._newline, $.statement)),

    // A statement ends at the end of its line, or with its block's closing `}` line.
    statement: ($) =>
      seq(
        field("keyword", $.keyword),
        repeat($._value),
        choice($._newline, seq(field("body", $.block), $._newline)),
      ),

    keyword: ($) => $._word,

    _value: ($) => choice($.word, $.text, $.comma),

    // A comma may end its line: the list goes on on the next one.
    comma: ($) => prec.right(seq(",", optional($._newline))),

    // `{` ends the line that opens a block; `}` stands on a line of its own.
    block: ($) => seq("{", $._newline, repeat(choice($._newline, $.statement)), "}"),

    word: ($) => $._word,
    _word: (_) => /[\p{L}\p{N}_][\p{L}\p{N}\p{M}_.:+\/@-]*/u,

    text: ($) => choice($._line_text, $._block_text),
    _line_text: (_) => token(seq('"', repeat(choice(/[^"\\\n]/, /\\[^\n]/)), '"')),
    // `"""` at the end of a line, its lines, and `"""` on a line of its own.
    _block_text: (_) => token(seq('"""', /[ \t]*\r?\n/, repeat(choice(/[^"]/, /"[^"]/, /""[^"]/)), '"""')),

    comment: (_) => token(seq("//", /[^\n]*/)),

    // Line breaks end statements; blank lines are one break.
    _newline: (_) => /\r?\n/,
  },
});
