//! C005 representative-missing.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;
use crate::resolve::facts::{self, Jurisdiction};
use crate::resolve::scope::{Def, Ns};
use crate::syntax::ast::{Fact, FactKind};

pub struct RepresentativeMissing;

static INFO: RuleInfo = RuleInfo {
    code: "C005",
    name: "representative-missing",
    severity: Severity::Error,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "27, 13(1)(a)",
    summary: "a controller outside the EEA (or, under the UK GDPR, outside the UK) must name its representative",
    explanation: r#"## What it checks

The register's `controller` has a `country` outside the European Economic Area and names
no `representative`. A controller in the United Kingdom answers to the UK GDPR and needs no
representative in the Union for it; a controller in Switzerland answers to the Swiss FADP
(see `facts::jurisdiction` in `docs/language.md`). A register that answers to the UK GDPR
(it names the UK authority, `uk-ico`, or cites a UK law) while its controller is outside
the UK needs a representative in the UK (UK GDPR Art. 27).

## Why

Article 27(1) says that a controller not established in the Union "shall designate in
writing a representative in the Union", and Article 13(1)(a) requires the notice to give
"the identity and the contact details of the controller and, where applicable, of the
controller's representative". People in the EEA and the supervisory authorities turn to the
representative when the controller is out of their reach. (Art. 27(2) exempts occasional,
low-risk processing and public authorities: if that applies, silence this rule with an
`allow C005 because "…"` in the controller, saying why.) Article 27 of the UK GDPR asks
the same of a controller outside the UK, for a representative in the UK.

## Example

```reg
controller acme {
  name "Acme Inc."
  country US
  email "privacy@acme.com"
}

register customers {
  controller acme
}
```

## Fix

```reg
controller acme {
  name "Acme Inc."
  country US
  email "privacy@acme.com"
  representative acme-eu
}

person acme-eu {
  name "Acme EU Representative Oy"
  address "Esimerkkikatu 1, 00100 Helsinki"
  email "eu-rep@acme.com"
}

register customers {
  controller acme
}
```
"#,
};

impl Rule for RepresentativeMissing {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let Some(c) = cx.controller else { return };
        let Some(country) = &c.country else { return };
        if c.representative.is_some() {
            return;
        }
        let (law, area, label, rep) = match cx.jurisdiction() {
            // A register that places itself under UK law is judged by it first.
            Jurisdiction::Eu | Jurisdiction::Ch if answers_to_uk_law(cx) => {
                ("UK GDPR Art. 27", "the UK", "outside the UK", "uk-rep")
            }
            Jurisdiction::Eu if !facts::in_eea(cx.scope, country.value) => {
                ("GDPR Art. 27", "the Union", "outside the EEA", "eu-rep")
            }
            _ => return,
        };
        out.push(
            Finding::new(
                country.span,
                format!(
                    "controller `{}` is established {label} and names no representative in {area} ({law})",
                    c.id.value
                ),
                label,
            )
            .also(c.id.span, "this controller needs a `representative`")
            .help(format!("declare the representative as a `person {rep}` with its `name`, `address` and `email`, and add `representative {rep}` to the controller")),
        );
    }
}

/// Whether the register places itself under UK law: it names an authority of the UK or
/// cites a UK law.
fn answers_to_uk_law(cx: &RegisterCx) -> bool {
    let uk = |f: &Fact| f.countries.iter().any(|c| c.value.to_string() == "GB");
    let named = [
        cx.ast.authority.as_ref(),
        cx.controller.and_then(|c| c.authority.as_ref()),
    ];
    let authority = named.into_iter().flatten().any(|n| {
        matches!(cx.scope.get(Ns::Fact(FactKind::Authority), &n.value), Some(Def::Fact(f)) if uk(f))
    });
    authority
        || cx.ast.cites.iter().any(|n| {
            matches!(cx.scope.get(Ns::Fact(FactKind::Law), &n.value), Some(Def::Fact(f)) if uk(f))
        })
}
