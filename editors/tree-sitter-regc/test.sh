#!/usr/bin/env bash
# The tree-sitter grammar: generated (and the committed src/ checked to be current), its
# corpus and highlight tests run (`tree-sitter test`), and every example and
# standard-library file parsed without an error node.
#
# tree-sitter-cli comes from crates.io: its npm package downloads a prebuilt binary from
# github.com at install time, which closed networks (and this project's CI) do not reach.
# Same program, same version.
set -euo pipefail
cd "$(dirname "$0")"
version=0.27.1
tools="${TMPDIR:-/tmp}/regc-tree-sitter-$version"
if [ ! -x "$tools/bin/tree-sitter" ]; then
  cargo install --quiet --locked tree-sitter-cli --version "$version" --root "$tools"
fi
ts="$tools/bin/tree-sitter"
"$ts" generate
# The committed parser must be the one the grammar gives (editors build it as it is).
if ! git diff --quiet -- src; then
  echo "error: editors/tree-sitter-regc/src is not what grammar.js generates; run test.sh and commit src/" >&2
  git --no-pager diff --stat -- src >&2
  exit 1
fi
"$ts" test
# `--stat` makes parse exit 1 when a file holds an ERROR or MISSING node.
"$ts" parse --grammar-path . --quiet --stat \
  ../../examples/*.reg ../../examples/complete/*.reg ../../stdlib/*.reg 2>&1 |
  grep -v -e "not configured any parser directories" -e "init-config" -e "configuration file" -e "language grammars" -e '^$'
