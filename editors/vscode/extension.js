// Starts `regc lsp` for .reg files: every feature (diagnostics, completion, hover,
// definition, rename, formatting, quick fixes, semantic colours) comes from the server.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate() {
  const command = vscode.workspace.getConfiguration("regc").get("path") || "regc";
  client = new LanguageClient(
    "regc",
    "regc",
    { command, args: ["lsp"] },
    { documentSelector: [{ scheme: "file", language: "regc" }] },
  );
  return client.start().catch((error) => {
    vscode.window.showErrorMessage(
      `regc: could not start \`${command} lsp\` (${error.message}). Install regc (docs/install.md) or set regc.path.`,
    );
  });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
