#!/usr/bin/env bash
# Neovim (headless) attaches `regc lsp` through its built-in client, receives the
# diagnostics of a file missing a legal basis (P002, at its line) and completes after
# `basis `. Usage: editors/nvim/test.sh [path/to/regc]  (default: target/debug/regc)
set -euo pipefail
cd "$(dirname "$0")/../.."
regc=$(realpath "${1:-target/debug/regc}")
if ! command -v nvim >/dev/null 2>&1; then
  echo "error: nvim is missing; install Neovim (Debian: apt-get install neovim)" >&2
  exit 2
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat > "$dir/customers.reg" <<'REG'
controller shop {
  name "Kauppa Oy"
  country FI
  email "tietosuoja@kauppa.example"
}

register customers {
  title fi "Asiakasrekisteri – Åland"
  controller shop
  languages fi
  purpose newsletter {
    text fi "Uutiskirjeen lähettäminen."
    data email
  }
}
REG
# The purpose without a basis is on line 11.
XDG_CACHE_HOME="$dir/cache" REGC="$regc" REGC_FILE="$dir/customers.reg" REGC_P002_LINE=11 \
  timeout 60 nvim --headless --clean -c "luafile editors/nvim/test.lua"
