//! C007 joint-controller-essence-missing.

use crate::check::{Applies, Finding, RegisterCx, Rule, RuleInfo};
use crate::diagnostic::Severity;

pub struct JointControllerEssenceMissing;

static INFO: RuleInfo = RuleInfo {
    code: "C007",
    name: "joint-controller-essence-missing",
    severity: Severity::Warning,
    ropa_severity: None,
    applies: Applies::Always,
    articles: "26(2)",
    summary: "the essence of a joint-controller arrangement must be made available",
    explanation: r#"## What it checks

A `joint-controller` of the register's controller without an `essence`.

## Why

Article 26(1) requires joint controllers to determine "their respective responsibilities
for compliance", in particular "as regards the exercising of the rights of the data subject
and their respective duties to provide the information referred to in Articles 13 and 14",
and Article 26(2) says "the essence of the arrangement shall be made available to the data
subject". Naming the other controller is not enough: people need to know who does what, and
where to send a request.

## Example

```reg
controller acme {
  name "Acme Oy"
  joint-controller partner-oy
}

controller partner-oy {
  name "Partner Oy"
}

register loyalty {
  controller acme
}
```

## Fix

```reg
controller acme {
  name "Acme Oy"
  joint-controller partner-oy {
    essence en "Both companies run the loyalty programme; Acme answers all requests."
  }
}

controller partner-oy {
  name "Partner Oy"
}

register loyalty {
  controller acme
}
```
"#,
};

impl Rule for JointControllerEssenceMissing {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check_register(&self, cx: &RegisterCx, out: &mut Vec<Finding>) {
        let Some(c) = cx.controller else { return };
        let missing = c
            .joint_controllers
            .iter()
            .filter(|j| j.essence.as_ref().is_none_or(|e| e.entries.is_empty()));
        for j in missing {
            out.push(
                Finding::new(
                    j.controller.span,
                    format!(
                        "joint controller `{}` of `{}` has no essence of the arrangement",
                        j.controller.value, c.id.value
                    ),
                    "who does what?",
                )
                .help(format!(
                    "open a block after `joint-controller {}` and write `essence en \"Who answers requests, who gives the notice, …\"` in it",
                    j.controller.value
                )),
            );
        }
    }
}
