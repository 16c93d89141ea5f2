#!/usr/bin/env bash
# The VS Code extension: its grammar against the scopes written in test/*.test.reg
# (vscode-tmgrammar-test), then packaged as a .vsix (@vscode/vsce) whose contents are
# checked. Tools from npm, pinned by package-lock.json.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
npx --no-install vscode-tmgrammar-test 'test/*.test.reg'
rm -f regc.vsix
npx --no-install vsce package --out regc.vsix
python3 - <<'PY'
import json, zipfile
with zipfile.ZipFile("regc.vsix") as z:
    names = set(z.namelist())
    for needed in ["extension/package.json", "extension/extension.js",
                   "extension/syntaxes/regc.tmLanguage.json",
                   "extension/language-configuration.json",
                   "extension/node_modules/vscode-languageclient/package.json"]:
        assert needed in names, f"{needed} is not in the .vsix"
    assert not any(n.startswith("extension/test/") for n in names), "tests packaged"
    manifest = json.loads(z.read("extension/package.json"))
    assert manifest["contributes"]["languages"][0]["extensions"] == [".reg"]
print(f"regc.vsix: {len(names)} files, the grammar, the client and its dependencies")
PY
