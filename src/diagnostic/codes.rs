//! Every code the stages before the rules report (`regc explain CODE` prints each), and
//! the two rule codes name resolution reports. A new code is one entry here; `ALL` lists
//! them for `explain` and for the code table in `docs/language.md`.

use super::Severity;
use super::code::{Applies, Code, CodeInfo, Kind, RuleInfo};

macro_rules! codes {
    ($( $konst:ident $name:literal $kind:ident $summary:literal $explanation:literal )*) => {
        $(
            pub const $konst: Code = Code::Stage(&CodeInfo {
                name: $name,
                kind: Kind::$kind,
                summary: $summary,
                explanation: $explanation,
            });
        )*
        /// Every stage code, in the order of `docs/language.md`.
        pub const ALL: &[Code] = &[$($konst),*];
    };
}

codes! {
    SYNTAX_ERROR "syntax-error" Syntax r#"a character no value starts with (`=`, `;`, `(`, `<` outside a text), or a line that starts with a value instead of a keyword"#
    r#"
## What it means

Every line of a `.reg` file is a statement: a keyword, its values, and perhaps a block. A character that starts no value, or a line that starts with a value, cannot be read.

## Example

```reg
name = "Acme Oy"
```

## Fix

```reg
name "Acme Oy"
```
"#

    UNTERMINATED_TEXT "unterminated-text" Syntax r#"a `"` text not closed on its line, or a `"""` text never closed"#
    r#"
## What it means

A text in `"…"` ends on its own line; a long text in `"""` ends with a line holding `"""`. Everything after an unclosed quote would be read as text.

## Example

```reg
text en "We send offers by e-mail.
```

## Fix

```reg
text en "We send offers by e-mail."
```
"#

    TEXT_INDENTATION "text-indentation" Syntax r#"text on the same line as an opening `"""`"#
    r#"
## What it means

A long text starts on the line after its opening `"""`, so that its indentation can be removed the same way on every line.

## Example

```reg
text en """We send offers.
```

## Fix

```reg
text en """
  We send offers.
  """
```
"#

    INVALID_ESCAPE "invalid-escape" Syntax r#"a `\` in a `"..."` text followed by anything but `"` or `\`"#
    r#"
## What it means

In a `"…"` text a backslash only escapes a quote (`\"`) or another backslash (`\\`). Other escapes are not text a notice can show.

## Example

```reg
text en "C:\temp"
```

## Fix

```reg
text en "C:\\temp"
```
"#

    UNCLOSED_BLOCK "unclosed-block" Syntax r#"a `{` never closed"#
    r#"
## What it means

A block opened with `{` must be closed with `}` on a line of its own; otherwise every statement after it would belong to it.

## Example

```reg
register customers {
  title en "Customers"
```

## Fix

```reg
register customers {
  title en "Customers"
}
```
"#

    UNMATCHED_BRACE "unmatched-brace" Syntax r#"a `}` that closes no block"#
    r#"
## What it means

A `}` closes the block opened last; one more `}` than `{` closes nothing, usually a leftover from an edit.

## Example

```reg
register customers {
}
}
```

## Fix

```reg
register customers {
}
```
"#

    INLINE_BLOCK "inline-block" Syntax r#"statements on the same line as their block's `{`"#
    r#"
## What it means

A block holds one statement a line, starting on the line after its `{`, so that every statement has its own line and comments.

## Example

```reg
purpose billing { basis contract }
```

## Fix

```reg
purpose billing {
  basis contract
}
```
"#

    NESTING_TOO_DEEP "nesting-too-deep" Limit r#"blocks nested more than 32 deep"#
    r#"
## What it means

No register needs blocks within blocks more than a few levels deep; regc stops at 32 so that a hostile file cannot exhaust the stack. The blocks past the limit are not read.

## Example

```reg
a {
  b {
    c { … 33 levels … }
```

## Fix

```reg
register customers {
  purpose billing {
    basis contract
  }
}
```
"#

    TEXT_TOO_LONG "text-too-long" Limit r#"one text longer than 64 KiB (65,536 bytes)"#
    r#"
## What it means

A notice's paragraph is a few hundred characters; one text over 64 KiB is almost always a mistake (a whole document pasted into one statement), and it is not read.

## Example

```reg
text en """
  … 70,000 characters …
  """
```

## Fix

```reg
text en "A paragraph a reader can take in."
```
"#

    EMPTY_TEXT "empty-text" Value r#"a text with nothing in it (`name ""`)"#
    r#"
## What it means

A name, title or text is there to be read; an empty one (or one of spaces only) would print an empty heading or line in the notice.

## Example

```reg
person dpo {
  name ""
}
```

## Fix

```reg
person dpo {
  name "Data Protection Officer"
}
```
"#

    CONTROL_CHARACTER "control-character" Value r#"a text holding an invisible control character, such as NUL or ESC"#
    r#"
## What it means

A text may hold line breaks and tabs, but no other control character: NUL, ESC (terminal escape sequences), the bidirectional overrides and the like are invisible in an editor, break pages and terminals, and are almost always pasted by accident.

## Example

A name pasted from a terminal, with an invisible ESC (U+001B) after `Acme`:

```text
controller acme {
  name "Acme␛[31m Oy"
}
```

## Fix

```reg
controller acme {
  name "Acme Oy"
}
```
"#

    EMPTY_FILE "empty-file" Syntax r#"a file with no statement at all"#
    r#"
## What it means

A `.reg` file given to regc declares something; one with only comments or blank lines is probably the wrong file, or its content was lost.

## Example

```reg
// customers register, to do
```

## Fix

```reg
register customers {
  title en "Customers"
}
```
"#

    INVALID_UTF8 "invalid-utf8" Syntax r#"bytes that are not UTF-8"#
    r#"
## What it means

`.reg` files are UTF-8, so that ä, ö and å mean the same on every machine. A file saved in Latin-1 or Windows-1252 has bytes that are not UTF-8; the diagnostic points at the first.

## Example

(a file saved as Latin-1: `Henkil\xf6tiedot`)

## Fix

Save the file as UTF-8 (most editors offer it under "Save with encoding").
"#

    UNKNOWN_KEYWORD "unknown-keyword" Syntax r#"a keyword regc does not know (with "did you mean")"#
    r#"
## What it means

Each block knows its statements (`docs/language.md` lists them). A misspelt keyword is reported with the nearest one.

## Example

```reg
register customers {
  tittle en "Customers"
}
```

## Fix

```reg
register customers {
  title en "Customers"
}
```
"#

    MISPLACED_KEYWORD "misplaced-keyword" Syntax r#"a keyword of another block (`updated` in a `purpose`)"#
    r#"
## What it means

A keyword is known but belongs in another block: the help names where it goes.

## Example

```reg
purpose billing {
  updated 2024-01-31
}
```

## Fix

```reg
register customers {
  updated 2024-01-31
}
```
"#

    MISSING_VALUE "missing-value" Syntax r#"a statement without its value (`updated` alone, a trailing `,`)"#
    r#"
## What it means

A statement needs the values its keyword takes; a list needs a value after each comma.

## Example

```reg
updated
```

## Fix

```reg
updated 2024-01-31
```
"#

    UNEXPECTED_VALUE "unexpected-value" Syntax r#"a value too many, or a text where a name belongs"#
    r#"
## What it means

A statement got more values than it takes, or a value of the wrong shape: a quoted text where a name is expected.

## Example

```reg
basis "contract"
```

## Fix

```reg
basis contract
```
"#

    UNKNOWN_VALUE "unknown-value" Syntax r#"a word outside a closed set (`kind sensitive`)"#
    r#"
## What it means

Some statements take one word of a fixed list; the help lists the words.

## Example

```reg
kind sensitive
```

## Fix

```reg
kind special
```
"#

    MISSING_BLOCK "missing-block" Syntax r#"a definition without its block (`recipient mailer`)"#
    r#"
## What it means

A definition (`recipient NAME`, `data NAME`, …) says what it defines in a block; without one the name stands for nothing.

## Example

```reg
recipient mailer
```

## Fix

```reg
recipient mailer {
  title en "Mailing service"
  role processor
}
```
"#

    UNEXPECTED_BLOCK "unexpected-block" Syntax r#"a block on a statement that takes none"#
    r#"
## What it means

Only definitions and a few statements take a block; a `{` after any other statement is a mistake.

## Example

```reg
updated 2024-01-31 {
}
```

## Fix

```reg
updated 2024-01-31
```
"#

    DUPLICATE_STATEMENT "duplicate-statement" Syntax r#"a single-valued statement given twice, a language given twice in one text, or a value listed twice"#
    r#"
## What it means

A statement that holds one value (a title, an update date) may appear once per block; a text gives each language once; a list (`languages fi, sv`, `data contact, payment`) names each value once. A language listed twice would write the same notice twice.

## Example

```reg
updated 2024-01-31
updated 2024-02-15
```

## Fix

```reg
updated 2024-02-15
```
"#

    CONTRADICTION "contradiction" Syntax r#"`recipients none` or `transfers none` together with recipients or transfers"#
    r#"
## What it means

A register cannot say both that nobody receives the data and who does.

## Example

```reg
recipients none
recipients mailer
```

## Fix

```reg
recipients mailer
```
"#

    INVALID_NAME "invalid-name" Syntax r#"a name with upper case, spaces, or a leading digit"#
    r#"
## What it means

Names are lower-case words joined by hyphens (`customer-register`), so that they read the same everywhere they are used.

## Example

```reg
register Customers {
```

## Fix

```reg
register customers {
```
"#

    UNKNOWN_MODULE "unknown-module" Syntax r#"`use std::…` naming no standard-library module"#
    r#"
## What it means

`use` brings in a module of the standard library (`std::gdpr`, `std::fi`, `std::se`, …) or a file of the project.

## Example

```reg
use std::finland
```

## Fix

```reg
use std::fi
```
"#

    MISSING_REASON "missing-reason" Syntax r#"`allow CODE` without `because "…"`, or with a placeholder for the reason"#
    r#"
## What it means

Silencing a finding is a decision someone must be able to read later: every `allow` says why.

## Example

```reg
allow K002
```

## Fix

```reg
allow K002 because "the period is set by the contract"
```
"#

    INVALID_DATE "invalid-date" Value r#"not a real `YYYY-MM-DD` date"#
    r#"
## What it means

Dates are written as ISO 8601 calendar dates, and must exist.

## Example

```reg
updated 2018-02-30
```

## Fix

```reg
updated 2018-02-28
```
"#

    INVALID_DURATION "invalid-duration" Value r#"a period that is not a positive whole number and a unit"#
    r#"
## What it means

A period is a whole number and a unit: `6 months`, `3 years`, `30 days`.

## Example

```reg
retention 1,5 years after contract-end
```

## Fix

```reg
retention 18 months after contract-end
```
"#

    INVALID_COUNTRY "invalid-country" Value r#"not an upper-case ISO 3166-1 code, `EU`, `EEA` or `outside-eea`"#
    r#"
## What it means

Countries are ISO 3166-1 alpha-2 codes in upper case (`FI`, `SE`, `US`), or the groups `EU`, `EEA` and `outside-eea`.

## Example

```reg
country Finland
```

## Fix

```reg
country FI
```
"#

    INVALID_REGION "invalid-region" Value r#"not an ISO 3166-2 subdivision code (`DE-BY`), or a region of another country than the controller's"#
    r#"
## What it means

A controller's `region` is an ISO 3166-2 code: its country, a hyphen and the subdivision
(`DE-BY` for Bavaria, `DE-BE` for Berlin). regc knows the subdivisions of some countries
(the 16 German states, the four nations of the UK) and takes only those there; the
region must belong to the controller's `country`.

## Example

```reg
controller acme {
  country DE
  region Bavaria
}
```

## Fix

```reg
controller acme {
  country DE
  region DE-BY
}
```
"#

    INVALID_LANGUAGE "invalid-language" Value r#"not a BCP 47 tag with an ISO 639-1 language"#
    r#"
## What it means

Languages are BCP 47 tags whose language is a two-letter ISO 639-1 code (`fi`, `sv`, `en-GB`).

## Example

```reg
languages fin
```

## Fix

```reg
languages fi
```
"#

    INVALID_EMAIL "invalid-email" Value r#"not an e-mail address"#
    r#"
## What it means

An e-mail address has one `@`, a local part and a domain with a dot.

## Example

```reg
email "info at acme.fi"
```

## Fix

```reg
email "info@acme.fi"
```
"#

    INVALID_PHONE "invalid-phone" Value r#"not an international phone number"#
    r#"
## What it means

Phone numbers are written in international form (`+` and the country code), 7–15 digits, spaces and hyphens allowed, so that they work from abroad.

## Example

```reg
phone "040 123 4567"
```

## Fix

```reg
phone "+358 40 123 4567"
```
"#

    INVALID_URL "invalid-url" Value r#"not an `http` or `https` address"#
    r#"
## What it means

Web addresses are full `https://` (or `http://`) URLs, so that a notice can link to them.

## Example

```reg
website "www.acme.fi"
```

## Fix

```reg
website "https://www.acme.fi"
```
"#

    INVALID_BUSINESS_ID "invalid-business-id" Value r#"a Y-tunnus or organisationsnummer with a wrong form or check digit"#
    r#"
## What it means

A Finnish Y-tunnus (`1234567-1`) or Swedish organisationsnummer (`556677-8899`) has a fixed form and a check digit; a wrong digit usually means a typing mistake.

## Example

```reg
business-id FI "1234567-8"
```

## Fix

```reg
business-id FI "2298585-9"
```
"#

    INVALID_RULE_CODE "invalid-rule-code" Value r#"not a letter and three digits"#
    r#"
## What it means

`allow` names a rule by its code: an upper-case letter and three digits (`regc explain --list`).

## Example

```reg
allow k2 because "…"
```

## Fix

```reg
allow K002 because "…"
```
"#

    IMPORT_NOT_FOUND "import-not-found" Import r#"no file at the path given (relative to the importing file), or it cannot be read"#
    r#"
## What it means

An import's path is relative to the file that imports it.

## Example

```reg
use "./comon.reg"
```

## Fix

```reg
use "./common.reg"
```
"#

    IMPORT_OUTSIDE_PROJECT "import-outside-project" Import r#"an absolute path, a `..` that climbs out of the project, or a symbolic link that leads out"#
    r#"
## What it means

Imports stay inside the project folder (`--root`, or each folder given), so that a register cannot read files it was not given.

## Example

```reg
use "/etc/shared.reg"
```

## Fix

```reg
use "../common.reg"  // with `--root` at the folder that holds it
```
"#

    IMPORT_CYCLE "import-cycle" Import r#"files that import each other, shown with the chain"#
    r#"
## What it means

Files that import each other, directly or through others, have no order to be read in.

## Example

```reg
// a.reg
use "./b.reg"
// b.reg
use "./a.reg"
```

## Fix

Move what both need into a third file that both import.
"#

    IMPORT_TOO_DEEP "import-too-deep" Import r#"a chain of more than 32 imports; the file past the limit is not read"#
    r#"
## What it means

A chain of imports longer than 32 files is almost always generated by mistake; regc stops there so that a hostile project cannot make it read without end.

## Example

```reg
// a.reg imports b.reg, which imports c.reg, … 33 files deep
```

## Fix

Import shared definitions from one common file instead of a chain.
"#

    IMPORT_TOO_LARGE "import-too-large" Import r#"an imported file larger than `--max-file-size`; it is not read"#
    r#"
## What it means

Imported files obey the same size limit as the files given (`--max-file-size`, 256 MiB by default).

## Example

```reg
use "./dump.reg"  // a 300 MiB file
```

## Fix

Split the file, or raise `--max-file-size`.
"#
}

/// Rules that name resolution reports: declared here, beside the stage codes, because
/// `resolve` comes before `check` and must not reach into it.
pub static UNKNOWN_REFERENCE_RULE: RuleInfo = RuleInfo {
    code: "X001",
    name: "unknown-reference",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "",
    summary: "a name refers to nothing",
    explanation: r#"## What it checks

A name (`controller acme`, `basis contrat`, `retention 6 years under fi-accounting-act`)
that no declaration in the file, the files it imports or the standard library defines.

## Why

A register that refers to nothing cannot be resolved: regc cannot tell which controller,
which basis or which law is meant, and the notice would be missing it.

## Example

```reg
register customers {
  purpose billing {
    basis contrat
  }
}
```

## Fix

Correct the spelling (regc suggests the nearest name), define the missing declaration,
or import the module that has it: national laws need `use std::fi` or `use std::se`.

```reg
register customers {
  purpose billing {
    basis contract
  }
}
```
"#,
};

pub const UNKNOWN_REFERENCE: Code = Code::Rule(&UNKNOWN_REFERENCE_RULE);

pub static DUPLICATE_DEFINITION_RULE: RuleInfo = RuleInfo {
    code: "X002",
    name: "duplicate-definition",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "",
    summary: "the same name is defined twice",
    explanation: r#"## What it checks

Two declarations of the same kind with the same name in one file, in a file and a file it
imports, or in two files checked together (registers). (A file may reuse a name of the
standard library: its own declaration wins.) Two names that look the same but are written
with letters of different alphabets, such as `customers` and `сustomers` with a Cyrillic
`с`, count as the same name (Unicode TR 39 confusables).

## Why

References to the name would be ambiguous, and a name that only looks like another sends
readers and references to the wrong declaration.

## Example

```reg
controller acme {
  name "Acme Oy"
}

controller acme {
  name "Acme Ab"
}
```

## Fix

Rename one of them, or remove the copy.

```reg
controller acme {
  name "Acme Oy"
}

controller acme-sweden {
  name "Acme Ab"
}
```
"#,
};

pub const DUPLICATE_DEFINITION: Code = Code::Rule(&DUPLICATE_DEFINITION_RULE);
