//! Each kind of change, in both directions, on a small register compiled in memory.

use super::{Change, Materiality, diff};
use crate::compile::{Options, compile};
use crate::resolve::load::{Files, ImportError, LoadedFile};
use crate::resolve::model::{RegisterDoc, Stated};
use crate::syntax::values::Date;

struct NoImports;

impl Files for NoImports {
    fn import(&mut self, _from: &str, _path: &str) -> Result<LoadedFile, ImportError> {
        Err(ImportError::NotFound)
    }
}

fn docs(text: &str) -> Vec<RegisterDoc> {
    let file = LoadedFile {
        key: "r.reg".to_string(),
        name: "r.reg".to_string(),
        bytes: text.as_bytes().to_vec(),
    };
    let today = Date {
        year: 2026,
        month: 12,
        day: 6,
    };
    let compiled = compile(vec![file], &mut NoImports, &Options::on(today));
    assert!(!compiled.unreadable(), "{:?}", compiled.diagnostics);
    compiled.docs
}

const BASE: &str = r#"controller acme {
  name "Acme Oy"
  country FI
}

recipient mailer {
  name "Mailer Inc."
  role processor
}

register customers {
  title en "Customers"
  controller acme
  purpose billing {
    text en "Invoices."
    basis contract
    data name, address
  }
  purpose support {
    text en "Answering questions."
    basis legitimate-interest
    interest en "Helping customers."
    data name
  }
  data name, address
  recipients mailer
  transfers none
  retention 2 years after last-contact
}
"#;

/// The changes from `old` to `new`, as (kind, materiality).
fn kinds(old: &str, new: &str) -> Vec<(&'static str, Materiality)> {
    diff(&docs(old), &docs(new))
        .into_iter()
        .map(|c: Change| (c.kind, c.materiality))
        .collect()
}

fn edited(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "{from}");
    BASE.replacen(from, to, 1)
}

use Materiality::{Editorial, Material};

#[test]
fn the_same_registers_have_no_changes() {
    assert!(kinds(BASE, BASE).is_empty());
}

#[test]
fn a_new_purpose_is_material_and_its_removal_editorial() {
    let more = edited(
        "  data name, address\n  recipients",
        "  purpose marketing {\n    text en \"Offers.\"\n    basis consent\n    data name\n  }\n  data name, address\n  recipients",
    );
    assert_eq!(kinds(BASE, &more), [("purpose-added", Material)]);
    // The purpose rested on consent: the right to withdraw it goes with it.
    assert_eq!(
        kinds(&more, BASE),
        [("purpose-removed", Editorial), ("right-removed", Editorial)]
    );
}

#[test]
fn a_purpose_renamed_with_the_same_content_is_editorial() {
    let renamed = edited("purpose billing {", "purpose invoicing {");
    assert_eq!(kinds(BASE, &renamed), [("purpose-renamed", Editorial)]);
    let c = &diff(&docs(BASE), &docs(&renamed))[0];
    assert_eq!(
        (c.before.as_deref(), c.after.as_deref()),
        (Some("billing"), Some("invoicing"))
    );
}

#[test]
fn a_changed_basis_is_material_both_ways() {
    let changed = edited("    basis contract\n", "    basis consent\n");
    assert_eq!(kinds(BASE, &changed), [("basis-changed", Material)]);
    // Away from consent, the right to withdraw it goes: said, and the change is material
    // already by its basis.
    assert_eq!(
        kinds(&changed, BASE),
        [("basis-changed", Material), ("right-removed", Editorial)]
    );
}

#[test]
fn new_data_is_material_and_less_data_editorial() {
    let more = edited(
        "  data name, address\n  recipients",
        "  data name, address, phone\n  recipients",
    );
    assert_eq!(kinds(BASE, &more), [("data-added", Material)]);
    assert_eq!(kinds(&more, BASE), [("data-removed", Editorial)]);
    let purpose_more = edited("    data name\n  }", "    data name, address\n  }");
    assert_eq!(
        kinds(BASE, &purpose_more),
        [("purpose-data-added", Material)]
    );
    assert!(
        kinds(&purpose_more, BASE).is_empty(),
        "a purpose using less data changes nothing people must be told"
    );
}

#[test]
fn a_new_recipient_is_material_and_a_removed_one_editorial() {
    let more = edited(
        "  recipients mailer\n",
        "  recipients mailer, accountant\n  recipient accountant {\n    name \"Tilitoimisto Oy\"\n  }\n",
    );
    assert_eq!(kinds(BASE, &more), [("recipient-added", Material)]);
    assert_eq!(kinds(&more, BASE), [("recipient-removed", Editorial)]);
}

#[test]
fn transfers_new_countries_and_mechanisms_are_material() {
    let with = |country: &str, mechanism: &str| {
        edited(
            "  transfers none\n",
            &format!(
                "  transfer hosting {{\n    country {country}\n    recipient mailer\n    mechanism {mechanism}\n  }}\n"
            ),
        )
    };
    assert_eq!(
        kinds(BASE, &with("US", "scc")),
        [("transfer-added", Material)]
    );
    assert_eq!(
        kinds(&with("US", "scc"), BASE),
        [("transfer-removed", Editorial)]
    );
    assert_eq!(
        kinds(&with("US", "scc"), &with("US, IN", "scc")),
        [("transfer-country-added", Material)]
    );
    assert!(
        kinds(&with("US, IN", "scc"), &with("US", "scc")).is_empty(),
        "a country fewer"
    );
    assert_eq!(
        kinds(&with("US", "scc"), &with("US", "bcr")),
        [("transfer-mechanism-changed", Material)]
    );
    let renamed = with("US", "scc").replace("transfer hosting", "transfer cloud");
    assert_eq!(
        kinds(&with("US", "scc"), &renamed),
        [("transfer-renamed", Editorial)]
    );
}

#[test]
fn a_longer_retention_is_material_and_a_shorter_one_editorial() {
    let longer = edited("retention 2 years", "retention 30 months");
    assert_eq!(kinds(BASE, &longer), [("retention-lengthened", Material)]);
    assert_eq!(kinds(&longer, BASE), [("retention-shortened", Editorial)]);
    let c = &diff(&docs(BASE), &docs(&longer))[0];
    assert_eq!(c.before.as_deref(), Some("2 years after last-contact"));
    assert_eq!(c.after.as_deref(), Some("30 months after last-contact"));
    // Another event cannot be measured against the first: it may keep data longer.
    let other = edited("after last-contact", "after end-of-contract");
    assert_eq!(kinds(BASE, &other), [("retention-changed", Material)]);
}

#[test]
fn a_restricted_right_is_material_and_its_lifting_editorial() {
    let restricted = edited(
        "  transfers none\n",
        "  transfers none\n  right erasure {\n    restriction en \"Invoices are kept for the period the Accounting Act sets.\"\n  }\n",
    );
    assert_eq!(kinds(BASE, &restricted), [("right-restricted", Material)]);
    assert_eq!(
        kinds(&restricted, BASE),
        [("right-restriction-lifted", Editorial)]
    );
}

#[test]
fn another_controller_is_material() {
    let other = edited("  name \"Acme Oy\"", "  name \"Acme Group Oy\"");
    assert_eq!(kinds(BASE, &other), [("controller-changed", Material)]);
}

#[test]
fn wording_and_order_are_editorial() {
    let worded = edited("text en \"Invoices.\"", "text en \"Sending invoices.\"");
    assert_eq!(kinds(BASE, &worded), [("wording", Editorial)]);
    let billing = BASE.find("  purpose billing").unwrap();
    let support = BASE.find("  purpose support").unwrap();
    let end = BASE.find("  data name, address\n  recipients").unwrap();
    let swapped = format!(
        "{}{}{}{}",
        &BASE[..billing],
        &BASE[support..end],
        &BASE[billing..support],
        &BASE[end..]
    );
    assert_eq!(kinds(BASE, &swapped), [("order", Editorial)]);
}

#[test]
fn registers_added_and_removed() {
    let two = format!("{BASE}\nregister staff {{\n  title en \"Staff\"\n  controller acme\n}}\n");
    assert_eq!(kinds(BASE, &two), [("register-added", Material)]);
    assert_eq!(kinds(&two, BASE), [("register-removed", Editorial)]);
}

#[test]
fn material_changes_come_first_and_the_renderings_say_so() {
    let changed = edited(
        "text en \"Invoices.\"\n    basis contract",
        "text en \"Bills.\"\n    basis consent",
    );
    let changes = diff(&docs(BASE), &docs(&changed));
    assert_eq!(
        changes.iter().map(|c| c.materiality).collect::<Vec<_>>(),
        [Material, Editorial]
    );
    let human = super::render::human(&changes);
    assert!(human.contains("material   the legal basis of purpose `billing` changed: contract → consent (Art. 13(1)(c)) [basis-changed]"), "{human}");
    assert!(human.ends_with("1 material change, 1 editorial change: tell the people concerned before the changes apply (Art. 13(3), 14(4); WP260 rev.01 para. 29)\n"), "{human}");
    let markdown = super::render::markdown(&changes);
    assert_eq!(
        markdown,
        "## What changed\n\n- The legal basis of purpose billing changed (was: contract; now: consent).\n"
    );
    let json: serde_json::Value =
        serde_json::from_str(&super::render::json(&changes).unwrap()).unwrap();
    assert_eq!(json["material"], 1);
    assert_eq!(json["changes"][0]["kind"], "basis-changed");
    assert_eq!(json["changes"][0]["article"], "13(1)(c)");
}

#[test]
fn docs_diff_md_lists_every_kind_of_change() {
    let code = include_str!("mod.rs");
    let docs = include_str!("../../docs/diff.md");
    let prefixes = [
        "register-",
        "purpose-",
        "data-",
        "recipient-",
        "transfer-",
        "retention-",
        "right-",
        "controller-",
        "automated-",
        "basis-",
        "condition-",
        "subject-",
        "source-",
    ];
    let kinds: std::collections::BTreeSet<&str> = code
        .split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            (prefixes.iter().any(|p| s.starts_with(p)) || ["wording", "order"].contains(s))
                && s.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        })
        .collect();
    assert!(kinds.len() > 25, "{kinds:?}");
    let table: String = docs
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| l.split(" | ").next().unwrap_or(""))
        .collect();
    let missing: Vec<&&str> = kinds
        .iter()
        .filter(|k| !table.contains(&format!("`{k}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "not in docs/diff.md's table: {missing:?}"
    );
}

#[test]
fn several_retention_periods_for_the_same_data_are_paired_by_content() {
    let base = format!("use std::fi\n{BASE}");
    let one = "  retention 2 years after last-contact\n";
    let first =
        "  retention 2 years after last-contact\n  retention 6 years under fi-accounting-act\n";
    let second =
        "  retention 6 years under fi-accounting-act\n  retention 2 years after last-contact\n";
    let two = base.replacen(one, first, 1);
    let swapped = base.replacen(one, second, 1);
    assert!(kinds(&two, &two).is_empty());
    assert!(
        kinds(&two, &swapped).is_empty(),
        "the same periods in another order"
    );
    assert_eq!(kinds(&base, &two), [("retention-added", Material)]);
    // The data now takes the other period, which runs from another event: it may be
    // longer, so people are told.
    assert_eq!(kinds(&two, &base), [("retention-removed", Material)]);
}

#[test]
fn what_a_reviewer_found_missing_is_caught() {
    let kinds_of = |new: &str| kinds(BASE, new);
    // A recipient that acts in another role or country is another fact for people.
    let role = edited("  role processor\n", "  role controller\n");
    assert_eq!(kinds_of(&role), [("recipient-changed", Material)]);
    // The same length in other units is not longer; `at least` has no end.
    assert_eq!(
        kinds_of(&edited("retention 2 years", "retention 24 months")),
        [("wording", Editorial)]
    );
    assert_eq!(
        kinds_of(&edited("retention 2 years", "retention at least 1 year")),
        [("retention-changed", Material)]
    );
    // A purpose's own period removed: its data takes the register's, which is longer.
    let own = edited(
        "    data name\n  }",
        "    data name\n    retention 1 year after last-contact\n  }",
    );
    assert_eq!(kinds(&own, BASE), [("retention-removed", Material)]);
    // Direct marketing, the controller's country, a renamed register that also changed.
    assert_eq!(
        kinds_of(&edited(
            "    interest en \"Helping customers.\"\n",
            "    interest en \"Helping customers.\"\n    direct-marketing\n"
        )),
        [("direct-marketing-added", Material)]
    );
    assert_eq!(
        kinds_of(&edited("  country FI\n", "  country SE\n")),
        [("controller-country-changed", Material)]
    );
    let renamed = edited("register customers {", "register clients {")
        .replace("text en \"Invoices.\"", "text en \"Bills.\"");
    assert_eq!(
        kinds_of(&renamed),
        [("register-renamed", Editorial), ("wording", Editorial)]
    );
    // `transfers none` taken back: said, as editorial.
    assert_eq!(
        kinds_of(&edited("  transfers none\n", "")),
        [("answer-withdrawn", Editorial)]
    );
}

#[test]
fn what_changed_in_several_registers_goes_under_their_titles() {
    let two =
        format!("{BASE}\nregister staff {{\n  title en \"Staff <team>\"\n  controller acme\n}}\n");
    let changed = two
        .replacen("    basis contract\n", "    basis consent\n", 1)
        .replace(
            "  controller acme\n}\n",
            "  controller acme\n  recipients mailer\n}\n",
        );
    let changes = diff(&docs(&two), &docs(&changed));
    assert_eq!(changes[0].register_title, "Customers");
    let markdown = super::render::markdown(&changes);
    assert!(
        markdown.contains("### Customers\n\n- The legal basis"),
        "{markdown}"
    );
    assert!(
        markdown.contains("\n\n### Staff &lt;team&gt;\n\n- Recipient mailer added."),
        "{markdown}"
    );
}

#[test]
fn a_recipient_named_and_defined_in_the_register_is_one_recipient() {
    let more = edited(
        "  recipients mailer\n",
        "  recipients mailer, accountant\n  recipient accountant {\n    name \"Tilitoimisto Oy\"\n  }\n",
    );
    let doc = &docs(&more)[0];
    let Stated::Listed(all) = &doc.register.recipients else {
        panic!("listed")
    };
    let ids: Vec<&str> = all.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids, ["mailer", "accountant"]);
}
