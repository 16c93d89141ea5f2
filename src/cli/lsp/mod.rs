//! `regc lsp`: the language server, over standard input and output. It keeps the open
//! documents, compiles a document (with its imports, read from the editor where they are
//! open) on every change, and answers the editor's questions through `regc::ide`. This
//! module only speaks the protocol: positions in UTF-16, URIs, JSON.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::str::FromStr;

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types as lsp;
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;

use regc::diagnostic::{Diagnostic, Severity};
use regc::ide::complete::CompletionKind;
use regc::ide::lines::{LineIndex, Position};
use regc::ide::tokens::TokenKind;
use regc::ide::{Analysis, Edit, actions, complete, hover, outline, tokens};
use regc::resolve::load::{Files, ImportError, LoadedFile};
use regc::source::{SourceId, Span};
use regc::syntax::schema::BlockKind;

use super::{config, disk, files};

mod transport;

/// The largest file the server reads from the disk for an import, as `--max-file-size`.
const MAX_FILE: u64 = 256 * 1024 * 1024;

/// Runs the server until the editor says `exit`. 0 after a clean shutdown.
pub fn run() -> u8 {
    let (connection, writer) = transport::stdio();
    let capabilities = match serde_json::to_value(capabilities()) {
        Ok(c) => c,
        Err(e) => {
            say!("regc lsp: {e}");
            return super::TROUBLE;
        }
    };
    if let Err(e) = connection.initialize(capabilities) {
        say!("regc lsp: the editor did not start the session: {e}");
        return super::TROUBLE;
    }
    let mut server = Server {
        connection: &connection,
        documents: HashMap::new(),
        std_dir: None,
        generation: 0,
        cached: None,
        told: Default::default(),
    };
    let clean = server.serve();
    drop(connection);
    let _ = writer.join();
    if clean { super::OK } else { super::TROUBLE }
}

fn capabilities() -> lsp::ServerCapabilities {
    let legend = lsp::SemanticTokensLegend {
        token_types: TokenKind::ALL.iter().map(|k| token_type(*k)).collect(),
        token_modifiers: Vec::new(),
    };
    lsp::ServerCapabilities {
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Kind(
            lsp::TextDocumentSyncKind::FULL,
        )),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        completion_provider: Some(lsp::CompletionOptions {
            trigger_characters: Some(vec![" ".to_string(), ",".to_string()]),
            ..Default::default()
        }),
        definition_provider: Some(lsp::OneOf::Left(true)),
        references_provider: Some(lsp::OneOf::Left(true)),
        rename_provider: Some(lsp::OneOf::Right(lsp::RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        document_symbol_provider: Some(lsp::OneOf::Left(true)),
        document_formatting_provider: Some(lsp::OneOf::Left(true)),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
            lsp::CodeActionOptions {
                code_action_kinds: Some(vec![lsp::CodeActionKind::QUICKFIX]),
                ..Default::default()
            },
        )),
        semantic_tokens_provider: Some(
            lsp::SemanticTokensServerCapabilities::SemanticTokensOptions(
                lsp::SemanticTokensOptions {
                    legend,
                    full: Some(lsp::SemanticTokensFullOptions::Bool(true)),
                    range: None,
                    work_done_progress_options: Default::default(),
                },
            ),
        ),
        ..Default::default()
    }
}

/// An open document: the editor's text, which wins over the disk's.
struct Document {
    uri: lsp::Uri,
    text: String,
}

struct Server<'c> {
    connection: &'c Connection,
    /// By path, as the URI gives it.
    documents: HashMap<PathBuf, Document>,
    /// Where the standard library's modules were written for "go to definition".
    std_dir: Option<PathBuf>,
    /// Counts the editor's changes to any document: an analysis made since the last one
    /// is current (an open import's text changes its importers' answers too).
    generation: u64,
    /// The last analysis of one document, reused by the questions asked between two edits
    /// (hover, completion, definition, code actions each cost a compilation otherwise).
    cached: Option<(PathBuf, u64, Rc<Analysis>)>,
    /// Problems with `regc.toml` already shown, so that each is shown once.
    told: std::cell::RefCell<std::collections::HashSet<String>>,
}

/// A request's failure, sent back as its error.
struct Failure {
    code: ErrorCode,
    message: String,
}

fn failure(message: impl Into<String>) -> Failure {
    Failure {
        code: ErrorCode::RequestFailed,
        message: message.into(),
    }
}

type Answer = Result<serde_json::Value, Failure>;

impl Server<'_> {
    /// Answers messages until `exit`; whether the editor shut the session down first.
    fn serve(&mut self) -> bool {
        while let Ok(message) = self.connection.receiver.recv() {
            match message {
                Message::Request(request) => {
                    match self.connection.handle_shutdown(&request) {
                        Ok(true) => return true,
                        Ok(false) => {}
                        Err(_) => return false,
                    }
                    let id = request.id.clone();
                    let response = match self.answer(request) {
                        Ok(result) => Response::new_ok(id, result),
                        Err(f) => Response::new_err(id, f.code as i32, f.message),
                    };
                    self.send(Message::Response(response));
                }
                Message::Notification(n) => self.notice(n),
                Message::Response(_) => {}
            }
        }
        false
    }

    fn send(&self, message: Message) {
        // A closed channel means the editor is gone; the loop ends on the next receive.
        let _ = self.connection.sender.send(message);
    }

    fn notice(&mut self, n: Notification) {
        use lsp::notification as note;
        // Any notice about documents may change what a compilation gives (a save can
        // change a file another reads from the disk).
        self.generation += 1;
        match n.method.as_str() {
            note::DidOpenTextDocument::METHOD => {
                if let Ok(p) =
                    n.extract::<lsp::DidOpenTextDocumentParams>(note::DidOpenTextDocument::METHOD)
                {
                    self.opened(p.text_document.uri, p.text_document.text);
                }
            }
            note::DidChangeTextDocument::METHOD => {
                if let Ok(p) = n.extract::<lsp::DidChangeTextDocumentParams>(
                    note::DidChangeTextDocument::METHOD,
                ) && let Some(change) = p.content_changes.into_iter().last()
                {
                    self.opened(p.text_document.uri, change.text);
                }
            }
            note::DidCloseTextDocument::METHOD => {
                if let Ok(p) =
                    n.extract::<lsp::DidCloseTextDocumentParams>(note::DidCloseTextDocument::METHOD)
                {
                    if let Some(path) = path_of(&p.text_document.uri) {
                        self.documents.remove(&path);
                    }
                    self.publish(p.text_document.uri, Vec::new());
                }
            }
            _ => {}
        }
    }

    /// A document opened or changed: keep its text, and send its diagnostics.
    fn opened(&mut self, uri: lsp::Uri, text: String) {
        let Some(path) = path_of(&uri) else {
            return;
        };
        self.documents.insert(
            path.clone(),
            Document {
                uri: uri.clone(),
                text,
            },
        );
        // The changed document first, then every other open one: an open file that
        // imports this one (or is imported by it) may read differently now.
        let diagnostics = self.diagnostics_of(&path);
        self.publish(uri, diagnostics);
        let mut others: Vec<(PathBuf, lsp::Uri)> = self
            .documents
            .iter()
            .filter(|(p, _)| **p != path)
            .map(|(p, d)| (p.clone(), d.uri.clone()))
            .collect();
        others.sort_by(|a, b| a.0.cmp(&b.0));
        for (other, uri) in others {
            let diagnostics = self.diagnostics_of(&other);
            self.publish(uri, diagnostics);
        }
    }

    /// The diagnostics of the open document at `path`, and one at each `use` that leads to
    /// a file with errors (the rules do not run until it compiles).
    fn diagnostics_of(&mut self, path: &Path) -> Vec<lsp::Diagnostic> {
        let analysis = self.analysis(path);
        let Some(id) = analysis.source_named(&name_of(path)) else {
            return Vec::new();
        };
        let mut out: Vec<lsp::Diagnostic> = analysis
            .diagnostics(id)
            .into_iter()
            .map(|d| self.diagnostic(&analysis, d))
            .collect();
        for (used, count, first) in analysis.import_errors(id) {
            let sources = &analysis.compiled.program.sources;
            let name = sources
                .get(first.primary.span.source)
                .map(|s| s.name.as_str())
                .map(|n| {
                    Path::new(n)
                        .file_name()
                        .map_or(n.to_string(), |f| f.to_string_lossy().into_owned())
                })
                .unwrap_or_default();
            let errors = if count == 1 {
                "an error".to_string()
            } else {
                format!("{count} errors")
            };
            let mut shown = self.diagnostic(&analysis, first);
            shown.range = range(&analysis, used);
            shown.message = format!(
                "`{name}`, which this file imports, has {errors}: {}\nhelp: fix it there; the rules do not check this file until every file it imports compiles",
                first.message
            );
            let here = self.location(&analysis, first.primary.span);
            shown.related_information = here.map(|location| {
                vec![lsp::DiagnosticRelatedInformation {
                    location,
                    message: first.message.clone(),
                }]
            });
            out.push(shown);
        }
        out
    }

    fn publish(&self, uri: lsp::Uri, diagnostics: Vec<lsp::Diagnostic>) {
        let params = lsp::PublishDiagnosticsParams {
            uri,
            diagnostics,
            version: None,
        };
        self.send(Message::Notification(Notification::new(
            lsp::notification::PublishDiagnostics::METHOD.to_string(),
            params,
        )));
    }

    fn answer(&mut self, request: Request) -> Answer {
        use lsp::request as req;
        let method = request.method.clone();
        match method.as_str() {
            req::HoverRequest::METHOD => self.hover(params(request)?),
            req::Completion::METHOD => self.complete(params(request)?),
            req::GotoDefinition::METHOD => self.definition(params(request)?),
            req::References::METHOD => self.references(params(request)?),
            req::PrepareRenameRequest::METHOD => self.prepare_rename(params(request)?),
            req::Rename::METHOD => self.rename(params(request)?),
            req::DocumentSymbolRequest::METHOD => self.symbols(params(request)?),
            req::Formatting::METHOD => self.format(params(request)?),
            req::CodeActionRequest::METHOD => self.code_actions(params(request)?),
            req::SemanticTokensFullRequest::METHOD => self.semantic_tokens(params(request)?),
            _ => Err(Failure {
                code: ErrorCode::MethodNotFound,
                message: format!("regc lsp does not answer `{method}`"),
            }),
        }
    }

    // Compiling.

    /// The document at `path` compiled with its imports: the cached analysis when nothing
    /// changed since it was made.
    fn analysis(&mut self, path: &Path) -> Rc<Analysis> {
        if let Some((cached, generation, analysis)) = &self.cached
            && cached == path
            && *generation == self.generation
        {
            return Rc::clone(analysis);
        }
        let analysis = Rc::new(self.analyse(path, false));
        self.cached = Some((path.to_path_buf(), self.generation, Rc::clone(&analysis)));
        analysis
    }

    /// Compiles the document at `path` (its text from the editor if open, else the disk),
    /// with its imports; with `project`, every `.reg` file of its project too, for the
    /// questions whose answer spans files (references, rename).
    fn analyse(&self, path: &Path, project: bool) -> Analysis {
        let settings = self.settings(path);
        let root = settings
            .root
            .clone()
            .unwrap_or_else(|| files::project_root(path));
        let mut roots = vec![self.loaded(path)];
        if project {
            let filter = match settings.file {
                Some(_) => files::Filter::of(&settings),
                None => files::Filter::standard(),
            };
            let found = files::collect_up_to(std::slice::from_ref(&root), &filter, MAX_FILE);
            for file in found.files {
                let file_path =
                    std::path::absolute(&file.name).unwrap_or(PathBuf::from(&file.name));
                if disk::Disk::key(&file_path) != disk::Disk::key(path) {
                    roots.push(self.loaded(&file_path));
                }
            }
        }
        let today = settings.today.unwrap_or_else(super::today);
        let options = regc::compile::Options {
            profile: settings
                .config
                .check
                .profile
                .map(super::ProfileArg::profile),
            selection: settings.selection.clone(),
            references: true,
            ..regc::compile::Options::on(today)
        };
        let mut overlay = Overlay {
            disk: disk::Disk::new(&[root], MAX_FILE),
            open: self
                .documents
                .iter()
                .map(|(p, d)| (disk::Disk::key(p), d.text.clone()))
                .collect(),
        };
        Analysis::new(regc::compile(roots, &mut overlay, &options), today)
    }

    /// The project's `regc.toml`, as `regc check` reads it. A broken one is said in the
    /// editor (once per problem) and the defaults used meanwhile.
    fn settings(&self, path: &Path) -> config::Project {
        let Some(file) = config::find_from(path) else {
            return config::Project::none();
        };
        match config::load(&file) {
            Ok(project) => project,
            Err(problem) => {
                if self.told.borrow_mut().insert(problem.clone()) {
                    let params = lsp::ShowMessageParams {
                        typ: lsp::MessageType::WARNING,
                        message: format!(
                            "regc: {problem}\n(the defaults are used until regc.toml is fixed)"
                        ),
                    };
                    self.send(Message::Notification(Notification::new(
                        lsp::notification::ShowMessage::METHOD.to_string(),
                        params,
                    )));
                }
                config::Project::none()
            }
        }
    }

    /// A file as the compiler takes it: the editor's text if open, else the disk's.
    fn loaded(&self, path: &Path) -> LoadedFile {
        let bytes = match self.documents.get(path) {
            Some(doc) => doc.text.clone().into_bytes(),
            None => files::read_bounded(path, MAX_FILE).unwrap_or_default(),
        };
        LoadedFile {
            key: disk::Disk::key(path),
            name: name_of(path),
            bytes,
        }
    }

    /// The document of a request, compiled, with its source and the offset of `position`.
    fn at(
        &mut self,
        uri: &lsp::Uri,
        position: lsp::Position,
        project: bool,
    ) -> Result<(Rc<Analysis>, SourceId, usize), Failure> {
        let path = path_of(uri).ok_or_else(|| failure("regc lsp reads `file:` documents only"))?;
        let analysis = if project {
            Rc::new(self.analyse(&path, true))
        } else {
            self.analysis(&path)
        };
        let id = analysis
            .source_named(&name_of(&path))
            .ok_or_else(|| failure("the document could not be read"))?;
        let offset = analysis.offset(id, from_lsp(position));
        Ok((analysis, id, offset))
    }

    // Conversions that need the server: locations in other files and the standard library.

    fn uri_of(&mut self, analysis: &Analysis, source: SourceId) -> Option<lsp::Uri> {
        let name = &analysis.compiled.program.sources.get(source)?.name;
        if regc::resolve::stdlib::is_stdlib(source) {
            let path = self.std_file(name)?;
            return uri_of_path(&path);
        }
        let path = PathBuf::from(name);
        if let Some(doc) = self.documents.get(&path) {
            return Some(doc.uri.clone());
        }
        uri_of_path(&std::path::absolute(&path).unwrap_or(path))
    }

    fn location(&mut self, analysis: &Analysis, span: Span) -> Option<lsp::Location> {
        Some(lsp::Location {
            uri: self.uri_of(analysis, span.source)?,
            range: range(analysis, span),
        })
    }

    /// The standard-library module `name` (`std::gdpr`) as a read-only file, written once
    /// per version under the user's cache folder, so that an editor can open it.
    fn std_file(&mut self, name: &str) -> Option<PathBuf> {
        let text = regc::resolve::stdlib::MODULES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| *t)?;
        let dir = std_dir();
        if self.std_dir.is_none() {
            std::fs::create_dir_all(&dir).ok()?;
            self.std_dir = Some(dir.clone());
        }
        let path = dir.join(format!("{}.reg", name.trim_start_matches("std::")));
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text) {
            // Written whole or not at all, then made read-only: it is a view, not a copy
            // to edit.
            super::output::write_report(&path, text.as_bytes(), &[]).ok()?;
            if let Ok(meta) = std::fs::metadata(&path) {
                let mut permissions = meta.permissions();
                permissions.set_readonly(true);
                let _ = std::fs::set_permissions(&path, permissions);
            }
        }
        Some(path)
    }

    fn diagnostic(&mut self, analysis: &Analysis, d: &Diagnostic) -> lsp::Diagnostic {
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str(&format!("\nhelp: {help}"));
        }
        for note in &d.notes {
            message.push_str(&format!("\nnote: {note}"));
        }
        let related: Vec<lsp::DiagnosticRelatedInformation> = d
            .secondary
            .iter()
            .filter_map(|label| {
                Some(lsp::DiagnosticRelatedInformation {
                    location: self.location(analysis, label.span)?,
                    message: label.message.to_string(),
                })
            })
            .collect();
        lsp::Diagnostic {
            range: range(analysis, d.primary.span),
            severity: Some(match d.severity {
                Severity::Error => lsp::DiagnosticSeverity::ERROR,
                Severity::Warning => lsp::DiagnosticSeverity::WARNING,
                Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
            }),
            code: Some(lsp::NumberOrString::String(d.code.as_str().to_string())),
            code_description: lsp::Uri::from_str(&d.code.doc_url())
                .ok()
                .map(|href| lsp::CodeDescription { href }),
            source: Some("regc".to_string()),
            message,
            related_information: (!related.is_empty()).then_some(related),
            tags: (d.code.as_str() == "X003").then(|| vec![lsp::DiagnosticTag::UNNECESSARY]),
            data: None,
        }
    }

    // The requests.

    fn hover(&mut self, p: lsp::HoverParams) -> Answer {
        let doc = p.text_document_position_params;
        let (analysis, id, offset) = self.at(&doc.text_document.uri, doc.position, false)?;
        let found = hover::hover(&analysis, id, offset).map(|h| lsp::Hover {
            contents: lsp::HoverContents::Markup(lsp::MarkupContent {
                kind: lsp::MarkupKind::Markdown,
                value: h.markdown,
            }),
            range: Some(range(&analysis, h.span)),
        });
        json(found)
    }

    fn complete(&mut self, p: lsp::CompletionParams) -> Answer {
        let doc = p.text_document_position;
        let (analysis, id, offset) = self.at(&doc.text_document.uri, doc.position, false)?;
        let items: Vec<lsp::CompletionItem> = complete::completions(&analysis, id, offset)
            .into_iter()
            .enumerate()
            .map(|(i, c)| lsp::CompletionItem {
                label: c.label.clone(),
                kind: Some(match c.kind {
                    CompletionKind::Keyword => lsp::CompletionItemKind::KEYWORD,
                    CompletionKind::Name => lsp::CompletionItemKind::REFERENCE,
                    CompletionKind::StdName => lsp::CompletionItemKind::CONSTANT,
                }),
                detail: Some(c.detail),
                documentation: Some(lsp::Documentation::MarkupContent(lsp::MarkupContent {
                    kind: lsp::MarkupKind::Markdown,
                    value: c.documentation,
                })),
                tags: c
                    .deprecated
                    .then(|| vec![lsp::CompletionItemTag::DEPRECATED]),
                sort_text: Some(format!("{i:05}")),
                text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit {
                    range: range(&analysis, c.replaces),
                    new_text: c.label,
                })),
                ..Default::default()
            })
            .collect();
        json(lsp::CompletionResponse::Array(items))
    }

    fn definition(&mut self, p: lsp::GotoDefinitionParams) -> Answer {
        let doc = p.text_document_position_params;
        let (analysis, id, offset) = self.at(&doc.text_document.uri, doc.position, false)?;
        let found = analysis
            .definition(id, offset)
            .and_then(|span| self.location(&analysis, span))
            .map(lsp::GotoDefinitionResponse::Scalar);
        json(found)
    }

    fn references(&mut self, p: lsp::ReferenceParams) -> Answer {
        let doc = p.text_document_position;
        let (analysis, id, offset) = self.at(&doc.text_document.uri, doc.position, true)?;
        let mut spans = analysis.references(id, offset);
        if !p.context.include_declaration && !spans.is_empty() {
            spans.remove(0);
        }
        let locations: Vec<lsp::Location> = spans
            .into_iter()
            .filter_map(|s| self.location(&analysis, s))
            .collect();
        json(locations)
    }

    fn prepare_rename(&mut self, p: lsp::TextDocumentPositionParams) -> Answer {
        self.writable(&p.text_document.uri)?;
        let (analysis, id, offset) = self.at(&p.text_document.uri, p.position, false)?;
        let symbol = analysis
            .symbol_at(id, offset)
            .ok_or_else(|| failure("there is no defined name here to rename"))?;
        if regc::resolve::stdlib::is_stdlib(symbol.definition.source) {
            return Err(failure(format!(
                "this {} is defined in the standard library, which cannot be renamed",
                symbol.ns.noun()
            )));
        }
        json(lsp::PrepareRenameResponse::Range(range(
            &analysis,
            symbol.word,
        )))
    }

    fn rename(&mut self, p: lsp::RenameParams) -> Answer {
        let doc = p.text_document_position;
        self.writable(&doc.text_document.uri)?;
        let (analysis, id, offset) = self.at(&doc.text_document.uri, doc.position, true)?;
        let edits = analysis.rename(id, offset, &p.new_name).map_err(failure)?;
        json(self.workspace_edit(&analysis, &edits))
    }

    // `WorkspaceEdit::changes` is keyed by `Uri`, which hashes and compares by its text;
    // the cell inside it caches a parse and never changes that text.
    #[allow(clippy::mutable_key_type)]
    fn workspace_edit(&mut self, analysis: &Analysis, edits: &[Edit]) -> lsp::WorkspaceEdit {
        let mut changes: HashMap<lsp::Uri, Vec<lsp::TextEdit>> = HashMap::new();
        for edit in edits {
            if let Some(uri) = self.uri_of(analysis, edit.span.source) {
                changes.entry(uri).or_default().push(lsp::TextEdit {
                    range: range(analysis, edit.span),
                    new_text: edit.text.clone(),
                });
            }
        }
        lsp::WorkspaceEdit {
            changes: Some(changes),
            ..Default::default()
        }
    }

    fn symbols(&mut self, p: lsp::DocumentSymbolParams) -> Answer {
        let text = self.text_of(&p.text_document.uri)?;
        let items = outline::outline(SourceId(0), &text);
        let index = LineIndex::new(&text);
        json(lsp::DocumentSymbolResponse::Nested(
            items.iter().map(|i| symbol(&text, &index, i)).collect(),
        ))
    }

    fn format(&mut self, p: lsp::DocumentFormattingParams) -> Answer {
        let text = self.text_of(&p.text_document.uri)?;
        match regc::formatter::format(&text) {
            Ok(formatted) if formatted == text => json(Vec::<lsp::TextEdit>::new()),
            Ok(formatted) => {
                let index = LineIndex::new(&text);
                json(vec![lsp::TextEdit {
                    range: lsp::Range {
                        start: lsp::Position::new(0, 0),
                        end: to_lsp(index.position(&text, text.len())),
                    },
                    new_text: formatted,
                }])
            }
            // Format-on-save of a half-written file: nothing to do, and no pop-up on every
            // save; the log says why.
            Err(regc::formatter::FmtError::Invalid(_)) => {
                let params = lsp::LogMessageParams {
                    typ: lsp::MessageType::INFO,
                    message: "regc: the file has errors, so it was not formatted".to_string(),
                };
                self.send(Message::Notification(Notification::new(
                    lsp::notification::LogMessage::METHOD.to_string(),
                    params,
                )));
                json(Vec::<lsp::TextEdit>::new())
            }
            Err(regc::formatter::FmtError::Unsound(why)) => Err(failure(format!(
                "regc fmt would have changed the file's meaning, so it left it alone (a bug; please report it): {why}"
            ))),
        }
    }

    fn code_actions(&mut self, p: lsp::CodeActionParams) -> Answer {
        let path = path_of(&p.text_document.uri).ok_or_else(|| failure("not a file"))?;
        let analysis = self.analysis(&path);
        let Some(id) = analysis.source_named(&name_of(&path)) else {
            return json(Vec::<lsp::CodeActionOrCommand>::new());
        };
        let start = analysis.offset(id, from_lsp(p.range.start));
        let end = analysis.offset(id, from_lsp(p.range.end));
        let found: Vec<lsp::CodeActionOrCommand> = actions::actions(&analysis, id, start, end)
            .into_iter()
            .map(|a| {
                lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                    title: a.title,
                    kind: Some(lsp::CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![self.diagnostic(&analysis, &a.diagnostic)]),
                    edit: Some(self.workspace_edit(&analysis, &a.edits)),
                    is_preferred: a.preferred.then_some(true),
                    ..Default::default()
                })
            })
            .collect();
        json(found)
    }

    fn semantic_tokens(&mut self, p: lsp::SemanticTokensParams) -> Answer {
        let text = self.text_of(&p.text_document.uri)?;
        let index = LineIndex::new(&text);
        let mut data = Vec::new();
        let mut last = Position { line: 0, column: 0 };
        for token in tokens::tokens(SourceId(0), &text) {
            let kind = TokenKind::ALL
                .iter()
                .position(|k| *k == token.kind)
                .unwrap_or(0);
            // A token may span lines (a `"""` text); editors take one line per token.
            let mut start = token.span.range().start;
            let end = token.span.range().end;
            while start < end {
                let line_end = text
                    .get(start..end)
                    .and_then(|t| t.find('\n'))
                    .map_or(end, |i| start + i);
                let from = index.position(&text, start);
                let to = index.position(&text, line_end);
                if to.column > from.column {
                    data.push(lsp::SemanticToken {
                        // Tokens come in order, so neither difference is negative.
                        delta_line: from.line.saturating_sub(last.line),
                        delta_start: if from.line == last.line {
                            from.column.saturating_sub(last.column)
                        } else {
                            from.column
                        },
                        length: to.column.saturating_sub(from.column),
                        token_type: u32::try_from(kind).unwrap_or(0),
                        token_modifiers_bitset: 0,
                    });
                    last = from;
                }
                start = line_end + 1;
            }
        }
        json(lsp::SemanticTokensResult::Tokens(lsp::SemanticTokens {
            result_id: None,
            data,
        }))
    }

    /// Refuses to edit the read-only copy of the standard library.
    fn writable(&self, uri: &lsp::Uri) -> Result<(), Failure> {
        if path_of(uri).is_some_and(|p| p.starts_with(std_dir())) {
            return Err(failure(
                "this is a read-only copy of regc's standard library; define your own name instead",
            ));
        }
        Ok(())
    }

    /// The text of a document: the editor's, else the disk's.
    fn text_of(&self, uri: &lsp::Uri) -> Result<String, Failure> {
        let path = path_of(uri).ok_or_else(|| failure("regc lsp reads `file:` documents only"))?;
        if let Some(doc) = self.documents.get(&path) {
            return Ok(doc.text.clone());
        }
        let bytes = files::read_bounded(&path, MAX_FILE)
            .map_err(|_| failure("the document could not be read"))?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}

/// Where the standard library's modules are written for "go to definition": the user's
/// cache folder, one folder per version.
fn std_dir() -> PathBuf {
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    cache
        .join("regc")
        .join(format!("std-{}", env!("CARGO_PKG_VERSION")))
}

/// Imports read from the editor where it has the file open, else from the disk, confined
/// to the project as on the command line.
struct Overlay {
    disk: disk::Disk,
    /// Open documents by the key `Disk` gives a file (its canonical path).
    open: HashMap<String, String>,
}

impl Files for Overlay {
    fn import(&mut self, from: &str, path: &str) -> Result<LoadedFile, ImportError> {
        let mut file = self.disk.import(from, path)?;
        if let Some(text) = self.open.get(&file.key) {
            file.bytes = text.clone().into_bytes();
        }
        Ok(file)
    }
}

fn params<P: serde::de::DeserializeOwned>(request: Request) -> Result<P, Failure> {
    serde_json::from_value(request.params).map_err(|e| Failure {
        code: ErrorCode::InvalidParams,
        message: e.to_string(),
    })
}

fn json(value: impl serde::Serialize) -> Answer {
    serde_json::to_value(value).map_err(|e| Failure {
        code: ErrorCode::InternalError,
        message: e.to_string(),
    })
}

fn path_of(uri: &lsp::Uri) -> Option<PathBuf> {
    url::Url::parse(uri.as_str()).ok()?.to_file_path().ok()
}

fn uri_of_path(path: &Path) -> Option<lsp::Uri> {
    let url = url::Url::from_file_path(path).ok()?;
    lsp::Uri::from_str(url.as_str()).ok()
}

/// A document's name as the compiler knows it: its path.
fn name_of(path: &Path) -> String {
    path.display().to_string()
}

fn to_lsp(p: Position) -> lsp::Position {
    lsp::Position::new(p.line, p.column)
}

fn from_lsp(p: lsp::Position) -> Position {
    Position {
        line: p.line,
        column: p.character,
    }
}

fn range(analysis: &Analysis, span: Span) -> lsp::Range {
    lsp::Range {
        start: to_lsp(analysis.position(span.source, span.range().start)),
        end: to_lsp(analysis.position(span.source, span.range().end)),
    }
}

fn token_type(kind: TokenKind) -> lsp::SemanticTokenType {
    match kind {
        TokenKind::Keyword => lsp::SemanticTokenType::KEYWORD,
        TokenKind::Name => lsp::SemanticTokenType::VARIABLE,
        TokenKind::Text => lsp::SemanticTokenType::STRING,
        TokenKind::Comment => lsp::SemanticTokenType::COMMENT,
        TokenKind::Number => lsp::SemanticTokenType::NUMBER,
        TokenKind::Constant => lsp::SemanticTokenType::ENUM_MEMBER,
        TokenKind::Language => lsp::SemanticTokenType::NAMESPACE,
    }
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must be given, though tags replace it.
fn symbol(text: &str, index: &LineIndex, item: &outline::OutlineItem) -> lsp::DocumentSymbol {
    let span_range = |span: Span| lsp::Range {
        start: to_lsp(index.position(text, span.range().start)),
        end: to_lsp(index.position(text, span.range().end)),
    };
    lsp::DocumentSymbol {
        name: item.name.clone(),
        detail: Some(item.keyword.clone()),
        kind: symbol_kind(item.block),
        tags: None,
        deprecated: None,
        range: span_range(item.span),
        selection_range: span_range(item.name_span),
        children: Some(
            item.children
                .iter()
                .map(|c| symbol(text, index, c))
                .collect(),
        ),
    }
}

fn symbol_kind(block: BlockKind) -> lsp::SymbolKind {
    match block {
        BlockKind::Register => lsp::SymbolKind::MODULE,
        BlockKind::Controller | BlockKind::JointController => lsp::SymbolKind::CLASS,
        BlockKind::Person => lsp::SymbolKind::OBJECT,
        BlockKind::Purpose => lsp::SymbolKind::METHOD,
        BlockKind::Data | BlockKind::Subject | BlockKind::Source => lsp::SymbolKind::FIELD,
        BlockKind::Recipient => lsp::SymbolKind::INTERFACE,
        BlockKind::Transfer => lsp::SymbolKind::EVENT,
        BlockKind::Retention | BlockKind::Requirement => lsp::SymbolKind::PROPERTY,
        BlockKind::Right => lsp::SymbolKind::KEY,
        BlockKind::Fact(_) => lsp::SymbolKind::CONSTANT,
        BlockKind::Section | BlockKind::AutomatedDecisions | BlockKind::Top => {
            lsp::SymbolKind::STRUCT
        }
    }
}
