//! The one helper every test goes through: run the library on a file, render what it says.

use std::path::Path;

use regc::diagnostic::Diagnostic;
use regc::diagnostic::human::{Style, render};
use regc::source::{SourceId, SourceMap};
use regc::syntax::ast::Module;

pub struct Checked {
    pub sources: SourceMap,
    pub id: SourceId,
    pub module: Module,
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// Every diagnostic as the user sees it, without colour.
    pub fn rendered(&self) -> String {
        self.diagnostics
            .iter()
            .map(|d| render(&self.sources, self.id, d, Style::Plain))
            .collect()
    }

    pub fn codes(&self) -> Vec<&'static str> {
        self.diagnostics.iter().map(|d| d.code.as_str()).collect()
    }

    pub fn text(&self) -> &str {
        self.sources.get(self.id).map_or("", |s| s.text.as_str())
    }
}

/// Checks `bytes` as a file called `name`, the way `regc check` does.
pub fn check(name: &str, bytes: Vec<u8>) -> Checked {
    let mut sources = SourceMap::new();
    let (id, utf8) = regc::add_file(&mut sources, name, bytes);
    let text = sources.get(id).map(|s| s.text.clone()).unwrap_or_default();
    let outcome = regc::syntax::parse_module(id, &text);
    let diagnostics = utf8.into_iter().chain(outcome.diagnostics).collect();
    Checked {
        sources,
        id,
        module: outcome.value,
        diagnostics,
    }
}

pub fn check_str(name: &str, text: &str) -> Checked {
    check(name, text.as_bytes().to_vec())
}

/// Reads a test file and checks it under its path relative to `tests/`.
pub fn check_file(path: &Path) -> Checked {
    let bytes =
        std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    check(&display_name(path), bytes)
}

/// A path relative to the crate root, with `/` separators, so snapshots match everywhere.
pub fn display_name(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// The codes a case file says it expects, from its `// expect: CODE, CODE — …` first line.
pub fn expected_codes(text: &str) -> Vec<String> {
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or("");
    let Some(rest) = first.strip_prefix("// expect: ") else {
        return Vec::new();
    };
    let codes = rest.split('—').next().unwrap_or("");
    codes
        .split([',', ' '])
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect()
}

/// The input shown above a snapshot: lossy text, with a note for inputs too big to show.
pub fn shown_input(text: &str) -> String {
    const LIMIT: usize = 4000;
    if text.len() <= LIMIT {
        return text.to_string();
    }
    let mut cut = LIMIT;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    format!(
        "{}\n… ({} more bytes not shown)",
        &text[..cut],
        text.len() - cut
    )
}

pub fn snapshot_body(checked: &Checked, output: &str) -> String {
    format!(
        "--- input: {} ---\n{}\n--- output ---\n{}",
        checked
            .sources
            .get(checked.id)
            .map_or("", |s| s.name.as_str()),
        shown_input(checked.text()),
        output
    )
}

/// A project in memory: path → text. Paths under `outside/` stand for files outside it.
pub struct Memory(pub std::collections::BTreeMap<String, String>);

impl regc::resolve::load::Files for Memory {
    fn import(
        &mut self,
        from: &str,
        path: &str,
    ) -> Result<regc::resolve::load::LoadedFile, regc::resolve::load::ImportError> {
        use regc::resolve::load::{ImportError, LoadedFile};
        let dir = from.rsplit_once('/').map_or("", |(d, _)| d);
        let mut parts: Vec<&str> = if dir.is_empty() {
            Vec::new()
        } else {
            dir.split('/').collect()
        };
        for part in path.split('/') {
            match part {
                "." => {}
                ".." => {
                    if parts.pop().is_none() {
                        return Err(ImportError::OutsideProject);
                    }
                }
                p => parts.push(p),
            }
        }
        let full = parts.join("/");
        if full.starts_with("outside/") {
            return Err(ImportError::OutsideProject);
        }
        match self.0.get(&full) {
            Some(text) => Ok(LoadedFile {
                key: full.clone(),
                name: full,
                bytes: text.clone().into_bytes(),
            }),
            None => Err(ImportError::NotFound),
        }
    }
}

/// The whole pipeline — load, resolve, check — on files in memory, the way `regc check`
/// runs it on the disk.
pub struct Full {
    pub docs: Vec<regc::resolve::model::RegisterDoc>,
    pub diagnostics: Vec<Diagnostic>,
    pub sources: SourceMap,
}

impl Full {
    pub fn rendered(&self) -> String {
        self.diagnostics
            .iter()
            .map(|d| render(&self.sources, d.primary.span.source, d, Style::Plain))
            .collect()
    }

    pub fn codes(&self) -> Vec<&'static str> {
        self.diagnostics.iter().map(|d| d.code.as_str()).collect()
    }
}

/// The whole pipeline through the library's one driver, [`regc::compile`], on files in
/// memory. `only` reports one rule's findings alone.
pub fn run_full(
    files: &[(&str, &str)],
    roots: &[&str],
    today: &str,
    profile: Option<regc::resolve::model::Profile>,
) -> Full {
    run_full_with(files, roots, today, profile, None)
}

pub fn run_full_with(
    files: &[(&str, &str)],
    roots: &[&str],
    today: &str,
    profile: Option<regc::resolve::model::Profile>,
    only: Option<&'static str>,
) -> Full {
    use regc::resolve::load::LoadedFile;
    let mut memory = Memory(
        files
            .iter()
            .map(|(p, t)| (p.to_string(), t.to_string()))
            .collect(),
    );
    let loaded: Vec<LoadedFile> = roots
        .iter()
        .map(|r| LoadedFile {
            key: r.to_string(),
            name: r.to_string(),
            bytes: memory.0.get(*r).cloned().unwrap_or_default().into_bytes(),
        })
        .collect();
    let today = regc::syntax::values::parse_date(today).unwrap_or_else(|e| panic!("{e:?}"));
    let options = regc::compile::Options {
        profile,
        only,
        ..regc::compile::Options::on(today)
    };
    let compiled = regc::compile(loaded, &mut memory, &options);
    let diagnostics = compiled.all().cloned().collect();
    Full {
        docs: compiled.docs,
        diagnostics,
        sources: compiled.program.sources,
    }
}

/// A project as people keep one: a shared `common.reg` at the top (the complete example's
/// definitions) and its register two folders down, importing it. Config files and drafts
/// are the caller's.
pub fn shared_project(root: &Path) {
    let complete = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/complete/pro-stories.reg"),
    )
    .unwrap();
    let lines: Vec<&str> = complete.lines().collect();
    let register_at = lines
        .iter()
        .position(|l| l.starts_with("register "))
        .unwrap();
    let definitions_at = lines.iter().position(|l| l.starts_with("use ")).unwrap() + 1;
    std::fs::create_dir_all(root.join("registers/shop")).unwrap();
    std::fs::write(
        root.join("common.reg"),
        lines[definitions_at..register_at]
            .join("\n")
            .trim()
            .to_string()
            + "\n",
    )
    .unwrap();
    std::fs::write(
        root.join("registers/shop/customers.reg"),
        format!(
            "use \"../../common.reg\"\nuse std::fi\n\n{}\n",
            lines[register_at..].join("\n")
        ),
    )
    .unwrap();
}
