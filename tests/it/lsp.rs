//! `regc lsp` end to end over its standard input and output, as an editor drives it:
//! initialize → didOpen → diagnostics → hover → completion → definition → references →
//! rename → formatting → code actions → outline → tokens → shutdown → exit, on files with
//! letters outside ASCII and outside the Basic Multilingual Plane (columns in UTF-16).

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use serde_json::{Value, json};

struct Client {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    next_id: i64,
    /// Notifications received while waiting for responses.
    notifications: Vec<Value>,
}

impl Client {
    fn start(dir: &Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_regc"))
            .arg("lsp")
            .current_dir(dir)
            .env("XDG_CACHE_HOME", dir.join("cache"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        Client {
            child,
            stdin,
            stdout,
            next_id: 1,
            notifications: Vec::new(),
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn receive(&mut self) -> Value {
        let mut length = 0;
        loop {
            let mut line = String::new();
            assert!(
                self.stdout.read_line(&mut line).unwrap() > 0,
                "the server closed its output"
            );
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                length = n.parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        self.stdout.read_exact(&mut body).unwrap();
        serde_json::from_slice(&body).unwrap()
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and waits for its response: the whole response object.
    fn call(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self.receive();
            if message.get("id") == Some(&json!(id)) {
                return message;
            }
            self.notifications.push(message);
        }
    }

    /// A request's result, which must not be an error.
    fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.call(method, params);
        assert!(response.get("error").is_none(), "{method}: {response}");
        response["result"].clone()
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        loop {
            let found = self.notifications.iter().position(|n| {
                n["method"] == "textDocument/publishDiagnostics" && n["params"]["uri"] == uri
            });
            if let Some(i) = found {
                let n = self.notifications.remove(i);
                return n["params"]["diagnostics"].as_array().unwrap().clone();
            }
            let message = self.receive();
            self.notifications.push(message);
        }
    }
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// The LSP position (line, UTF-16 column) of the `n`th `needle` in `text`, plus `into` bytes.
fn position(text: &str, needle: &str, n: usize, into: usize) -> Value {
    let offset = text.match_indices(needle).nth(n).unwrap().0 + into;
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].encode_utf16().count();
    json!({"line": line, "character": column})
}

fn at(uri: &str, position: Value) -> Value {
    json!({"textDocument": {"uri": uri}, "position": position})
}

const MAIN: &str = r#"use "shared.reg"

register customers {
  title fi "Asiakkaat – Häkkinen 😀"
  controller acme
  purpose billing {
    text en "Invoices."
    basis contract
    data invoice-address
  }
  purpose news {
    text en "News."
    data päivä-𐌰, invoice-addres
  }
  data invoice-address
}
"#;

/// `MAIN` with the misspelt name mended.
const FIXED: &str = r#"use "shared.reg"

register customers {
  title fi "Asiakkaat – Häkkinen 😀"
  controller acme
  purpose billing {
    text en "Invoices."
    basis contract
    data invoice-address
  }
  purpose news {
    text en "News."
    data päivä-𐌰, invoice-address
  }
  data invoice-address
}
"#;

const SHARED: &str = r#"controller acme {
  name "Acme Oy"
}

data invoice-address {
  title en "Invoice address"
}

data päivä-𐌰 {
  title en "A day"
}
"#;

fn project() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let main = root.join("main.reg");
    let shared = root.join("shared.reg");
    std::fs::write(&main, MAIN).unwrap();
    std::fs::write(&shared, SHARED).unwrap();
    (dir, main, shared)
}

fn start(root: &Path) -> Client {
    let mut client = Client::start(root);
    let init = client.request(
        "initialize",
        json!({"processId": null, "rootUri": uri(root), "capabilities": {}}),
    );
    let caps = &init["capabilities"];
    for provider in [
        "hoverProvider",
        "completionProvider",
        "definitionProvider",
        "referencesProvider",
        "renameProvider",
        "documentFormattingProvider",
        "codeActionProvider",
        "documentSymbolProvider",
        "semanticTokensProvider",
    ] {
        assert!(!caps[provider].is_null(), "{provider} in {caps}");
    }
    client.notify("initialized", json!({}));
    client
}

fn open(client: &mut Client, path: &Path, text: &str) -> Vec<Value> {
    let uri = uri(path);
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "regc", "version": 1, "text": text}}),
    );
    client.diagnostics(&uri)
}

fn stop(mut client: Client) {
    let response = client.call("shutdown", Value::Null);
    assert_eq!(response["result"], Value::Null);
    client.notify("exit", Value::Null);
    let status = client.child.wait().unwrap();
    assert!(status.success(), "{status}");
}

fn coded<'a>(diagnostics: &'a [Value], code: &str) -> &'a Value {
    diagnostics
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {diagnostics:#?}"))
}

#[test]
fn an_editor_session_from_initialize_to_exit() {
    let (dir, main, shared) = project();
    let root = dir.path().canonicalize().unwrap();
    let mut client = start(&root);
    let main_uri = uri(&main);

    // The misspelt name after a name of letters outside the BMP: its column counts the
    // two UTF-16 units of 𐌰, not its four bytes.
    let diagnostics = open(&mut client, &main, MAIN);
    let x001 = coded(&diagnostics, "X001");
    assert_eq!(
        x001["range"]["start"],
        position(MAIN, "invoice-addres\n", 0, 0)
    );
    assert_eq!(
        x001["range"]["start"]["character"], 19,
        "4 + 5 + 8 (päivä-𐌰) + 2"
    );
    assert_eq!(x001["severity"], 1);
    assert!(
        x001["message"]
            .as_str()
            .unwrap()
            .contains("no data category is called `invoice-addres`")
    );
    assert!(
        x001["codeDescription"]["href"]
            .as_str()
            .unwrap()
            .ends_with("X001.md"),
        "{x001}"
    );

    // The fix for the misspelt name.
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": main_uri}, "range": {"start": position(MAIN, "invoice-addres\n", 0, 2), "end": position(MAIN, "invoice-addres\n", 0, 2)}, "context": {"diagnostics": []}}),
    );
    let fix = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["isPreferred"] == true)
        .unwrap();
    assert_eq!(fix["title"], "write `invoice-address`");
    // Hover: a standard-library basis, with its article.
    let hover = client.request(
        "textDocument/hover",
        at(&main_uri, position(MAIN, "contract", 0, 3)),
    );
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert!(
        shown.contains("**legal basis** `contract`") && shown.contains("Art. 6(1)(b)"),
        "{shown}"
    );

    // Completion after `basis `, on a document changed in the editor only.
    let edited = MAIN.replace(
        "    text en \"News.\"\n",
        "    text en \"News.\"\n    basis \n",
    );
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": main_uri, "version": 2}, "contentChanges": [{"text": edited}]}),
    );
    let after_change = client.diagnostics(&main_uri);
    assert!(
        after_change.iter().all(|d| d["code"] != "P002"),
        "the purpose has a `basis` now (still to fill in)"
    );
    let offered = client.request(
        "textDocument/completion",
        at(&main_uri, position(&edited, "basis \n", 0, 6)),
    );
    let labels: Vec<&str> = offered
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["label"].as_str().unwrap())
        .collect();
    for basis in [
        "consent",
        "contract",
        "legal-obligation",
        "legitimate-interest",
    ] {
        assert!(labels.contains(&basis), "{basis} in {labels:?}");
    }
    // With the name mended, the rules run: the purpose without a basis is P002.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": main_uri, "version": 3}, "contentChanges": [{"text": FIXED}]}),
    );
    let mended = client.diagnostics(&main_uri);
    let p002 = coded(&mended, "P002");
    assert_eq!(p002["range"]["start"], position(FIXED, "news", 0, 0));
    // Actions for the purpose without a basis: its skeleton, and an `allow`.
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": main_uri}, "range": {"start": position(FIXED, "news", 0, 0), "end": position(FIXED, "news", 0, 0)}, "context": {"diagnostics": []}}),
    );
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(titles.contains(&"add `basis` to a `purpose`"), "{titles:?}");
    assert!(
        titles.contains(&"allow P002 in this purpose, with a reason"),
        "{titles:?}"
    );

    // Definition: into the import (not open: read from the disk), and into the standard
    // library, opened read-only from the cache folder.
    let found = client.request(
        "textDocument/definition",
        at(&main_uri, position(FIXED, "invoice-address", 0, 2)),
    );
    assert_eq!(found["uri"], uri(&shared));
    assert_eq!(
        found["range"]["start"],
        position(SHARED, "invoice-address", 0, 0)
    );
    let found = client.request(
        "textDocument/definition",
        at(&main_uri, position(FIXED, "päivä-𐌰", 0, 0)),
    );
    assert_eq!(
        found["range"],
        json!({"start": position(SHARED, "päivä-𐌰", 0, 0), "end": position(SHARED, " {\n  title en \"A day", 0, 0)})
    );
    let found = client.request(
        "textDocument/definition",
        at(&main_uri, position(FIXED, "contract", 0, 0)),
    );
    let std_path = PathBuf::from(
        found["uri"]
            .as_str()
            .unwrap()
            .strip_prefix("file://")
            .unwrap(),
    );
    assert!(
        std_path.starts_with(root.join("cache").join("regc")),
        "{std_path:?}"
    );
    let std_text = std::fs::read_to_string(&std_path).unwrap();
    assert!(std_path.metadata().unwrap().permissions().readonly());
    let line = found["range"]["start"]["line"].as_u64().unwrap() as usize;
    assert_eq!(std_text.lines().nth(line), Some("basis contract {"));

    // References and rename across the project: `shared.reg` is not open.
    let refs = client.request(
        "textDocument/references",
        json!({"textDocument": {"uri": main_uri}, "position": position(FIXED, "invoice-address", 1, 0), "context": {"includeDeclaration": true}}),
    );
    assert_eq!(refs.as_array().unwrap().len(), 4, "{refs}");
    let prepared = client.request(
        "textDocument/prepareRename",
        at(&main_uri, position(FIXED, "acme", 0, 1)),
    );
    assert_eq!(prepared["start"], position(FIXED, "acme", 0, 0));
    let edit = client.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": main_uri}, "position": position(FIXED, "acme", 0, 1), "newName": "acme-group"}),
    );
    let changes = edit["changes"].as_object().unwrap();
    assert_eq!(changes.len(), 2, "{edit}");
    assert_eq!(changes[&uri(&shared)][0]["newText"], "acme-group");
    let refused = client.call(
        "textDocument/rename",
        json!({"textDocument": {"uri": main_uri}, "position": position(FIXED, "contract", 0, 1), "newName": "agreement"}),
    );
    assert!(
        refused["error"]["message"]
            .as_str()
            .unwrap()
            .contains("standard library"),
        "{refused}"
    );

    // Outline and colours.
    let outline = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": main_uri}}),
    );
    assert_eq!(outline[0]["name"], "customers");
    let purposes: Vec<&str> = outline[0]["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(purposes, ["billing", "news"]);
    let tokens = client.request(
        "textDocument/semanticTokens/full",
        json!({"textDocument": {"uri": main_uri}}),
    );
    let data = tokens["data"].as_array().unwrap();
    assert!(
        data.len() > 100 && data.len().is_multiple_of(5),
        "{}",
        data.len()
    );
    // The first token is `use`, a keyword (index 0 of the legend), three units long.
    assert_eq!(
        &data[..5],
        &[json!(0), json!(0), json!(3), json!(0), json!(0)]
    );

    // Formatting: one edit, giving what `regc fmt` gives.
    let messy = FIXED.replace("  controller acme\n", "      controller    acme\n");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": main_uri, "version": 4}, "contentChanges": [{"text": messy}]}),
    );
    let _ = client.diagnostics(&main_uri);
    let edits = client.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": main_uri}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    assert_eq!(edits.as_array().unwrap().len(), 1);
    assert_eq!(edits[0]["newText"], FIXED);

    stop(client);
}

#[test]
fn a_file_with_errors_is_not_formatted_and_a_closed_file_loses_its_diagnostics() {
    let (dir, main, _) = project();
    let root = dir.path().canonicalize().unwrap();
    let mut client = start(&root);
    let broken = "register r {\n  purpose p {\n";
    let diagnostics = open(&mut client, &main, broken);
    assert!(!diagnostics.is_empty());
    let main_uri = uri(&main);
    // Not formatted, quietly (format-on-save of a half-written file): no edits, a log line.
    let edits = client.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": main_uri}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    assert_eq!(edits, json!([]));
    assert!(client.notifications.iter().any(|n| {
        n["method"] == "window/logMessage"
            && n["params"]["message"]
                .as_str()
                .unwrap()
                .contains("has errors")
    }));
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": main_uri}}),
    );
    assert!(client.diagnostics(&main_uri).is_empty());
    stop(client);
}

#[test]
fn an_error_in_an_imported_file_shows_at_the_use_and_edits_reach_the_importer() {
    let (dir, main, shared) = project();
    let root = dir.path().canonicalize().unwrap();
    let broken = SHARED.replace("name \"Acme Oy\"", "email \"not an address\"");
    std::fs::write(&shared, &broken).unwrap();
    let mut client = start(&root);
    let main_uri = uri(&main);
    let diagnostics = open(&mut client, &main, FIXED);
    let at_use = diagnostics
        .iter()
        .find(|d| {
            d["message"]
                .as_str()
                .unwrap()
                .starts_with("`shared.reg`, which this file imports, has an error")
        })
        .unwrap_or_else(|| panic!("{diagnostics:#?}"));
    assert_eq!(
        at_use["range"]["start"],
        position(FIXED, "\"shared.reg\"", 0, 0)
    );
    assert_eq!(
        at_use["relatedInformation"][0]["location"]["uri"],
        uri(&shared)
    );
    // Mending the import in the editor clears it from the importer too.
    let _ = open(&mut client, &shared, SHARED);
    let republished = client.diagnostics(&main_uri);
    assert!(
        republished.iter().all(|d| !d["message"]
            .as_str()
            .unwrap()
            .contains("which this file imports")),
        "{republished:#?}"
    );
    assert!(
        republished.iter().any(|d| d["code"] == "P002"),
        "the rules run again"
    );
    stop(client);
}

#[test]
fn malformed_messages_get_errors_and_the_session_goes_on() {
    let (dir, main, _) = project();
    let root = dir.path().canonicalize().unwrap();
    let mut client = start(&root);
    write!(client.stdin, "Content-Length: 9\r\n\r\n{{not json").unwrap();
    client.stdin.flush().unwrap();
    let error = client.receive();
    assert_eq!(error["error"]["code"], -32700, "{error}");
    assert_eq!(error["id"], Value::Null);
    let diagnostics = open(&mut client, &main, FIXED);
    assert!(diagnostics.iter().any(|d| d["code"] == "P002"));
    stop(client);
}
