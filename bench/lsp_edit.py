"""Time from an edit to its diagnostics in `regc lsp`: open FILE, then RUNS times change
one word of one text in it and wait for the diagnostics the server publishes for the new
text. Prints each latency in milliseconds, one per line (bench/run.sh takes the median).

    python3 bench/lsp_edit.py target/release/regc FILE RUNS
"""
import json
import pathlib
import subprocess
import sys
import time

regc, path, runs = sys.argv[1], pathlib.Path(sys.argv[2]).resolve(), int(sys.argv[3])
server = subprocess.Popen([regc, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)


def send(message):
    body = json.dumps(message).encode()
    server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    server.stdin.flush()


def receive():
    length = 0
    while True:
        line = server.stdout.readline()
        if not line:
            sys.exit("regc lsp closed its output")
        line = line.strip()
        if not line:
            break
        if line.startswith(b"Content-Length:"):
            length = int(line.split(b":")[1])
    return json.loads(server.stdout.read(length))


def wait_for(predicate):
    while True:
        message = receive()
        if predicate(message):
            return message


uri = path.as_uri()
send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
      "params": {"processId": None, "rootUri": path.parent.as_uri(), "capabilities": {}}})
wait_for(lambda m: m.get("id") == 1)
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
text = path.read_text(encoding="utf-8")
published = lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": {"textDocument": {"uri": uri, "languageId": "regc", "version": 1, "text": text}}})
wait_for(published)
# The edit: the first text in a language (`text fi "…"`, `title en "…"`), a word longer
# or shorter each time: the file stays valid, so every rule runs on every edit.
import re
at = re.search(r'\b(?:text|title) [a-z]{2} "', text).end()
for i in range(runs):
    edited = text[:at] + ("Updated " if i % 2 == 0 else "") + text[at:]
    start = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didChange",
          "params": {"textDocument": {"uri": uri, "version": i + 2},
                     "contentChanges": [{"text": edited}]}})
    wait_for(published)
    print(f"{(time.perf_counter() - start) * 1000:.2f}")
send({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None})
wait_for(lambda m: m.get("id") == 2)
send({"jsonrpc": "2.0", "method": "exit", "params": None})
server.wait(timeout=10)
