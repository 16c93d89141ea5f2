//! The Art. 30 record of processing activities as a table: one row per purpose of each
//! register (a register without purposes is one row), one column per item of Art. 30(1),
//! headed with its article, in one language. Written as CSV (UTF-8 with a byte-order
//! mark, so that spreadsheet programs read ä, ö, å) or as an XLSX workbook (a sheet per
//! language). Cells say what the register says, worded as its notice words it; a gap is
//! said as a gap, never filled.

use crate::render::l10n::Catalog;
use crate::render::notice::Phrases;
use crate::resolve::model::{self as m, RegisterDoc, Stated};

/// The columns, by their catalogue keys, in order.
const COLUMNS: [&str; 10] = [
    "ropa-register",
    "ropa-purpose",
    "ropa-basis",
    "ropa-controller",
    "ropa-subjects",
    "ropa-data",
    "ropa-recipients",
    "ropa-transfers",
    "ropa-retention",
    "ropa-security",
];

/// A record in one language: its header and its rows.
pub struct Table {
    pub lang: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The record of `docs` in the catalogue's language.
pub fn table(docs: &[&RegisterDoc], cat: &Catalog) -> Table {
    let mut rows = Vec::new();
    for doc in docs {
        let r = &doc.register;
        let say = Phrases::new(r, cat);
        let common = Common::of(r, &say, cat);
        if r.purposes.is_empty() {
            rows.push(common.row(None, &say, cat, r));
        }
        for p in &r.purposes {
            rows.push(common.row(Some(p), &say, cat, r));
        }
    }
    Table {
        lang: cat.tag.clone(),
        header: COLUMNS.iter().map(|k| cat.get(k)).collect(),
        rows,
    }
}

/// The cells every row of a register shares.
struct Common {
    register: String,
    controller: String,
    subjects: String,
    security: String,
}

impl Common {
    fn of(r: &m::Register, say: &Phrases, cat: &Catalog) -> Common {
        let gap = || cat.get("ropa-not-stated");
        let subjects: Vec<String> = r
            .subjects
            .iter()
            .map(|s| say.text(&s.title).unwrap_or_else(|| s.id.clone()))
            .collect();
        let security: Vec<String> = r.security.iter().filter_map(|t| say.text(t)).collect();
        Common {
            register: say.text(&r.title).unwrap_or_else(|| r.id.clone()),
            controller: controller(r, say, cat).unwrap_or_else(gap),
            subjects: lines(subjects).unwrap_or_else(gap),
            security: lines(security).unwrap_or_else(gap),
        }
    }

    fn row(
        &self,
        p: Option<&m::Purpose>,
        say: &Phrases,
        cat: &Catalog,
        r: &m::Register,
    ) -> Vec<String> {
        let gap = || cat.get("ropa-not-stated");
        let purpose = p.and_then(|p| say.text(&p.title).or_else(|| say.text(&p.text)));
        let bases = p.map_or(&r.bases, |p| {
            if p.bases.is_empty() {
                &r.bases
            } else {
                &p.bases
            }
        });
        let mut basis: Vec<String> = bases.iter().map(|b| say.fact(b)).collect();
        // Several bases for the register, none for this purpose: which one is not said.
        if p.is_some_and(|p| p.bases.is_empty()) && r.bases.len() > 1 {
            basis = vec![cat.fmt("basis-one-of", &[("bases", cat.list(&basis).into())])];
        }
        if let Some(p) = p {
            basis.extend(p.conditions.iter().map(|c| say.fact(c)));
        }
        let data_ids: Vec<String> = match p {
            Some(p) if !p.data.is_empty() => p.data.clone(),
            _ => r.data.iter().map(|d| d.id.clone()).collect(),
        };
        let data: Vec<String> = data_ids.iter().map(|id| say.data(id)).collect();
        let retention: Vec<String> = match p {
            Some(p) if !p.retention.is_empty() => {
                p.retention.iter().map(|x| say.retention(x)).collect()
            }
            // The register's periods that cover this purpose's data (all of them when a
            // period does not say which data).
            _ => r
                .retention
                .iter()
                .filter(|x| x.data.is_empty() || x.data.iter().any(|d| data_ids.contains(d)))
                .map(|x| say.retention(x))
                .collect(),
        };
        vec![
            self.register.clone(),
            purpose.unwrap_or_else(gap),
            lines(basis).unwrap_or_else(gap),
            self.controller.clone(),
            self.subjects.clone(),
            lines(data).unwrap_or_else(gap),
            recipients(r, p, say, cat),
            transfers(r, p, say, cat),
            lines(retention).unwrap_or_else(gap),
            self.security.clone(),
        ]
    }
}

/// Items one to a line; none when there are none.
fn lines(items: Vec<String>) -> Option<String> {
    (!items.is_empty()).then(|| items.join("\n"))
}

/// The controller's name and contact details, its representative, joint controllers and
/// DPO: Art. 30(1)(a).
fn controller(r: &m::Register, say: &Phrases, cat: &Catalog) -> Option<String> {
    let c = r.controller.as_ref()?;
    let mut out = vec![c.name.clone().unwrap_or_else(|| c.id.clone())];
    out.extend(
        c.address
            .iter()
            .map(|a| a.lines().map(str::trim).collect::<Vec<_>>().join(", ")),
    );
    out.extend(c.email.iter().cloned());
    out.extend(c.phone.iter().cloned());
    out.extend(c.country.iter().map(|code| say.country(code)));
    for j in &c.joint_controllers {
        let name = j.name.clone().unwrap_or_else(|| j.id.clone());
        out.push(format!("{}: {name}", cat.get("ropa-joint-controller")));
    }
    if let Some(rep) = &c.representative {
        out.push(format!(
            "{}: {}",
            cat.get("heading-representative"),
            person(rep)
        ));
    }
    if let Some(dpo) = &r.dpo {
        out.push(format!("{}: {}", cat.get("heading-dpo"), person(dpo)));
    }
    Some(out.join("\n"))
}

fn person(p: &m::Person) -> String {
    let mut parts: Vec<String> = p.name.iter().cloned().collect();
    parts.extend(p.email.iter().cloned());
    parts.extend(p.phone.iter().cloned());
    if parts.is_empty() {
        parts.push(p.id.clone());
    }
    parts.join(", ")
}

/// The recipients of a purpose (its own list), else of the register, each with its role.
fn recipients(r: &m::Register, p: Option<&m::Purpose>, say: &Phrases, cat: &Catalog) -> String {
    let named = |x: &m::Recipient| {
        let roles: Vec<String> = x.roles.iter().map(|role| say.role(*role)).collect();
        // A recipient known only by its text is called by it.
        let name = match (&x.name, x.title.is_empty(), say.text(&x.text)) {
            (None, true, Some(text)) => text,
            _ => say.recipient(&x.name, &x.title),
        };
        if roles.is_empty() {
            name
        } else {
            format!("{name} ({})", roles.join(", "))
        }
    };
    if let Some(p) = p.filter(|p| !p.recipients.is_empty()) {
        let all = r.recipients.items();
        let names: Vec<String> = p
            .recipients
            .iter()
            .map(|x| match all.iter().find(|a| a.id == x.id) {
                Some(full) => named(full),
                None => say.recipient(&x.name, &x.title),
            })
            .collect();
        return names.join("\n");
    }
    match &r.recipients {
        Stated::Listed(all) => all.iter().map(named).collect::<Vec<_>>().join("\n"),
        Stated::None => cat.get("ropa-recipients-none"),
        Stated::NotStated => cat.get("ropa-not-stated"),
    }
}

/// Each transfer: where, to whom, on which safeguard (Art. 30(1)(e)). A purpose that
/// names its recipients shows the transfers to them (and those to no one in particular).
fn transfers(r: &m::Register, p: Option<&m::Purpose>, say: &Phrases, cat: &Catalog) -> String {
    let concerns = |t: &m::Transfer| match p {
        Some(p) if !p.recipients.is_empty() && !t.recipients.is_empty() => t
            .recipients
            .iter()
            .any(|x| p.recipients.iter().any(|y| y.id == x.id)),
        _ => true,
    };
    match &r.transfers {
        Stated::Listed(all) => all
            .iter()
            .filter(|t| concerns(t))
            .map(|t| {
                let countries: Vec<String> = t.countries.iter().map(|c| say.country(c)).collect();
                let to: Vec<String> = t
                    .recipients
                    .iter()
                    .map(|x| say.recipient(&x.name, &x.title))
                    .collect();
                let mechanism = t.mechanism.as_ref().map_or_else(
                    || cat.get("gap-mechanism"),
                    |mech| {
                        let title = say.text(&mech.title).unwrap_or_else(|| mech.id.clone());
                        match &mech.article {
                            Some(a) => format!(
                                "{title} ({})",
                                cat.fmt("label-article", &[("article", a.clone().into())])
                            ),
                            None => title,
                        }
                    },
                );
                let mut line = countries.join(", ");
                if !to.is_empty() {
                    line.push_str(&format!(" ({})", to.join(", ")));
                }
                format!("{line}: {mechanism}")
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Stated::None => cat.get("ropa-transfers-none"),
        Stated::NotStated => cat.get("ropa-not-stated"),
    }
}

/// The table as CSV: UTF-8 with a byte-order mark, CRLF line ends, every cell quoted.
/// A cell that a spreadsheet would read as a formula (it starts with `=`, `+`, `-`, `@`,
/// a tab or a carriage return) is written with a `'` before it: text from a `.reg` file
/// stays text (OWASP's advice on CSV injection).
pub fn csv(table: &Table) -> String {
    let mut out = String::from("\u{feff}");
    for row in std::iter::once(&table.header).chain(&table.rows) {
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_cell(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    format!("\"{}\"", guarded.replace('"', "\"\""))
}

/// The tables as one XLSX workbook, a sheet per language: the header bold and frozen,
/// filters on, long cells wrapped. Dated `date` (the newest `updated` of the registers),
/// so that the same registers give the same bytes.
pub fn xlsx(tables: &[Table], date: (u16, u8, u8)) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook};
    let error = |e: rust_xlsxwriter::XlsxError| format!("cannot write the XLSX record: {e}");
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(date.0, date.1, date.2).map_err(error)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let bold = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    for table in tables {
        let sheet = workbook.add_worksheet();
        sheet.set_name(&table.lang).map_err(error)?;
        for (col, title) in table.header.iter().enumerate() {
            let col = u16::try_from(col).map_err(|_| "too many columns".to_string())?;
            sheet
                .write_string_with_format(0, col, sanitize(title), &bold)
                .map_err(error)?;
            sheet
                .set_column_width(col, if col < 2 { 28 } else { 36 })
                .map_err(error)?;
        }
        for (i, row) in table.rows.iter().enumerate() {
            let r = u32::try_from(i + 1).map_err(|_| "too many rows".to_string())?;
            for (col, cell) in row.iter().enumerate() {
                let col = u16::try_from(col).map_err(|_| "too many columns".to_string())?;
                // Written as strings: never read as a number, a date or a formula.
                sheet
                    .write_string_with_format(r, col, sanitize(cell), &wrap)
                    .map_err(error)?;
            }
        }
        let last_col = u16::try_from(table.header.len().saturating_sub(1)).unwrap_or(0);
        let last_row = u32::try_from(table.rows.len()).unwrap_or(0);
        sheet.set_freeze_panes(1, 0).map_err(error)?;
        sheet.autofilter(0, 0, last_row, last_col).map_err(error)?;
    }
    workbook.save_to_buffer().map_err(error)
}

/// A cell's text without the control characters XML 1.0 cannot hold (a line break and a
/// tab are kept); Excel's limit of 32,767 characters a cell kept by cutting, marked `…`.
fn sanitize(text: &str) -> String {
    let clean: String = text
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect();
    if clean.chars().count() > 32_767 {
        let cut: String = clean.chars().take(32_766).collect();
        format!("{cut}…")
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_formulas_kept_as_text() {
        let table = Table {
            lang: "en".into(),
            header: vec!["A".into(), "B".into()],
            rows: vec![vec![
                "=HYPERLINK(\"x\")".into(),
                "Häkkinen, \"Oy\"\nline two".into(),
            ]],
        };
        let out = csv(&table);
        assert!(out.starts_with('\u{feff}'));
        assert_eq!(
            out,
            "\u{feff}\"A\",\"B\"\r\n\"'=HYPERLINK(\"\"x\"\")\",\"Häkkinen, \"\"Oy\"\"\nline two\"\r\n"
        );
    }

    #[test]
    fn xlsx_cells_lose_what_xml_cannot_hold() {
        assert_eq!(sanitize("a\u{1}b\nc\td"), "ab\nc\td");
        assert_eq!(sanitize(&"x".repeat(40_000)).chars().count(), 32_767);
    }
}
