//! `docs/rules/`: one page per rule and an index, generated from the rule declarations
//! (a test keeps the committed pages current).

use super::RuleInfo;
use crate::diagnostic::Code;

/// The page `docs/rules/<CODE>.md`; also what `regc explain CODE` prints.
pub fn page(info: &'static RuleInfo) -> String {
    Code::Rule(info).page()
}

/// `docs/rules/README.md`: the table of every rule.
pub fn index(rules: &[&RuleInfo]) -> String {
    let mut out = String::from(
        "# Rules\n\nEvery finding `regc check` reports, generated from the rule declarations in\n`src/check/rules/`. `regc explain CODE` prints the same page. Severities: **error** fails\n`regc check`; **warning** fails only with `--deny-warnings` or under the `strict` profile;\n**info** never fails.\n\n| code | name | severity | article | summary |\n|---|---|---|---|---|\n",
    );
    for info in rules {
        out.push_str(&format!(
            "| [{code}]({code}.md) | {name} | {severity} | {article} | {summary} |\n",
            code = info.code,
            name = info.name,
            severity = info.severity_text(),
            article = info.article_text(),
            summary = info.summary,
        ));
    }
    out
}

/// The table of the stages' codes in `docs/language.md` (kept current by a test).
pub fn stage_code_table() -> String {
    let mut out = String::from("| code | kind | what is wrong |\n|---|---|---|\n");
    for code in crate::diagnostic::codes::ALL {
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            code.as_str(),
            code.kind().as_str(),
            code.summary().replace('|', "\\|")
        ));
    }
    out
}
