#!/usr/bin/env bash
# The benchmark behind docs/performance.md. It generates seeded corpora, then measures every
# target of the performance issues as a *paired* ratio: the two commands of a row run in
# turn, A B A B ..., and the ratio is taken pair by pair, so a machine whose speed drifts
# (these are shared machines) moves both sides of a pair alike. Each row prints the median
# ratio and its spread (min–max), the target, and whether the median meets it.
#
# Not part of .ci/run: it takes several minutes.
#
#   bash bench/run.sh                 # every row, printed as a table
#   bash bench/run.sh --write-docs    # the same, and the table replaces the one in
#                                     # docs/performance.md (between its bench markers)
#   RUNS=11 bash bench/run.sh         # more pairs per row (default 9)
#   PEERS=1 bash bench/run.sh         # also the rows against check-jsonschema and ajv,
#                                     # installed into target/bench/peers (pip and npm)
#
# Outputs of builds go to a tmpfs when there is one (/dev/shm), so that a row measures regc
# and not the file system's inode allocator after the previous run's deletions; set
# BENCH_OUT to choose.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${EPOCHREALTIME:-}" ]; then
  echo "bench/run.sh needs bash 5 or later (it reads the clock from \$EPOCHREALTIME)" >&2
  exit 2
fi
write_docs=false
[ "${1:-}" = "--write-docs" ] && write_docs=true
work="${BENCH_WORK:-target/bench}"
mkdir -p "$work"
if [ -z "${BENCH_OUT:-}" ]; then
  if [ -d /dev/shm ] && [ -w /dev/shm ]; then BENCH_OUT=$(mktemp -d /dev/shm/regc-bench.XXXXXX)
  else BENCH_OUT=$(mktemp -d "$work/out.XXXXXX"); fi
fi
trap 'rm -rf "$BENCH_OUT"' EXIT
cargo build --release --quiet
cargo build --release --quiet --example synth
regc=target/release/regc
synth=target/release/examples/synth
runs="${RUNS:-9}"
today=2026-11-23
table="$work/table.md"
: > "$table"

for n in 1 1000 10000; do
  [ -d "$work/c$n" ] || "$synth" --registers "$n" --out "$work/c$n" 2>/dev/null
done
# The same 1,000 registers formatted, as a repository that runs `fmt --check` keeps them.
if [ ! -d "$work/f1000" ]; then
  cp -r "$work/c1000" "$work/f1000"
  "$regc" fmt -q "$work/f1000" >/dev/null
fi
# One big file: the registers of the 10,000 corpus concatenated (renamed so names stay
# unique) up to 10 MB.
big="$work/big-10.reg"
if [ ! -f "$big" ]; then
  cat "$work/c10000/common.reg" > "$big"
  for f in "$work"/c10000/registers-*.reg; do
    grep -v '^use "common.reg"' "$f" | sed "s/^register r\([0-9]*\)/register r\1x$(stat -c %s "$big")/" >> "$big"
    [ "$(stat -c %s "$big")" -ge 10000000 ] && break
  done
fi

# Times are read from bash's own clock in microseconds, `${EPOCHREALTIME/./}`: the
# `$(date +%s%N)` used before forked and ran a program on each side of a command, about a
# millisecond counted in the command's time, which pulled every ratio of a millisecond-long
# command toward 1 (the seed's 2.9 × read as 2 ×).

# Runs a command quietly; its exit code is not the measure (check exits 1 on findings).
quiet() { "$@" >/dev/null 2>&1 || true; }

# The median and the range of the numbers on stdin, as "median min max".
stats() {
  sort -g | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%s %s %s\n", shown(m), shown(v[1]), shown(v[NR])
  }
  # Three significant digits, never in exponent form.
  function shown(x) { return x >= 100 ? sprintf("%.0f", x) : sprintf("%.3g", x) }'
}

# paired LABEL TARGET_OP TARGET PREP -- A... -- B...: the ratio A/B, pair by pair. PREP is a
# command run before each A and each B (not timed), e.g. to remove a build's output.
paired() {
  local label="$1" op="$2" target="$3" prep="$4"; shift 5
  local a=() b=()
  while [ "$1" != "--" ]; do a+=("$1"); shift; done; shift
  b=("$@")
  local ratios="" i
  quiet "${a[@]}"; quiet "${b[@]}"   # warm the page cache for both
  for i in $(seq "${PAIRS:-$runs}"); do
    eval "$prep"; local s1=${EPOCHREALTIME/./}; quiet "${a[@]}"; local e1=${EPOCHREALTIME/./}
    eval "$prep"; local s2=${EPOCHREALTIME/./}; quiet "${b[@]}"; local e2=${EPOCHREALTIME/./}
    ratios+="$(echo "($e1 - $s1) / ($e2 - $s2)" | bc -l)"$'\n'
  done
  row "$label" "$op" "$target" "$(printf '%s' "$ratios" | stats)" "×"
}

# single LABEL TARGET_OP TARGET UNIT -- COMMAND...: a figure of one command (median of RUNS):
# UNIT is "s" (wall seconds), "MB/s:BYTES" (BYTES per wall second), or "x-rss:BYTES" (peak
# resident memory over BYTES).
single() {
  local label="$1" op="$2" target="$3" unit="$4"; shift 5
  local values="" i
  for i in $(seq "$runs"); do
    [ -n "${PREP:-}" ] && eval "$PREP"
    local s e rss
    s=${EPOCHREALTIME/./}
    /usr/bin/time -f "%M" -o "$work/rss.txt" "$@" >/dev/null 2>&1 || true
    e=${EPOCHREALTIME/./}
    rss=$(tail -n 1 "$work/rss.txt")
    case "$unit" in
      s) values+="$(echo "($e - $s) / 1000000" | bc -l)"$'\n' ;;
      MB/s:*) values+="$(echo "${unit#MB/s:} / ($e - $s)" | bc -l)"$'\n' ;;
      x-rss:*) values+="$(echo "$rss * 1024 / ${unit#x-rss:}" | bc -l)"$'\n' ;;
      MB-rss) values+="$(echo "$rss / 1024" | bc -l)"$'\n' ;;
    esac
  done
  row "$label" "$op" "$target" "$(printf '%s' "$values" | stats)" "${unit%%:*}"
}

# One line of the table: the median meets the target or not.
row() {
  local label="$1" op="$2" target="$3" unit="$5"
  read -r median min max <<<"$4"
  local met
  if awk -v m="$median" -v t="$target" -v op="$op" \
    'BEGIN { exit !((op == "<=" && m <= t) || (op == ">=" && m >= t)) }'; then
    met="met"
  else
    met="**missed**"
  fi
  local shown_op="$op"; [ "$op" = "<=" ] && shown_op="≤"; [ "$op" = ">=" ] && shown_op="≥"
  case "$unit" in x-rss) unit="× input" ;; MB-rss) unit="MB" ;; esac
  printf '| %s | %s %s %s | %s %s (%s–%s) | %s |\n' \
    "$label" "$shown_op" "$target" "$unit" "$median" "$unit" "$min" "$max" "$met" | tee -a "$table"
}

bytes() { stat -c %s "$@" | awk '{ s += $1 } END { print s }'; }
seed=examples/pro-stories.reg
c1000_bytes=$(bytes "$work"/c1000/*.reg)
big_bytes=$(bytes "$big")

echo "machine: $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%d); $runs pairs or runs per row ($((runs * 5)) for the seed)"
# The code layout the memory and start-up rows depend on (build.rs): how many of the
# functions link/hot-functions.txt names this binary has, and whether they lead its code.
# Few found means the file is stale: regenerate it with scripts/hot-functions.sh.
python3 - "$regc" link/hot-functions.txt <<'EOF'
import subprocess, sys
binary, order_file = sys.argv[1:]
listed = [l.strip() for l in open(order_file) if l.strip() and not l.startswith("#")]
address = {}
for line in subprocess.run(["nm", "--defined-only", binary], capture_output=True, text=True).stdout.splitlines():
    parts = line.split()
    if len(parts) == 3 and parts[1] in "tTwW":
        address.setdefault(parts[2], int(parts[0], 16))
found = [address[n] for n in listed if n in address]
leading = len(found) > 1 and found == sorted(found) and found[0] == min(address.values())
print(f"code layout: {len(found)} of the {len(listed)} hot functions found; "
      + ("they lead the code, in order" if leading else "NOT laid out in the file's order"))
EOF
echo
echo "| measure | target | median (min–max) | |" | tee -a "$table"
echo "|---|---|---|---|" | tee -a "$table"

# A pair of this row takes a few milliseconds, and one slow start moves a ratio by a
# tenth: five times the pairs, for a median that stays put.
PAIRS=$((runs * 5)) paired "cold \`check\` of a seed ÷ \`cat\` of it" "<=" 2 ":" -- \
  "$regc" check --today $today "$seed" -- cat "$seed"
single "\`-j 1 check\`, one 10 MB file" ">=" 30 "MB/s:$big_bytes" -- \
  "$regc" -j 1 check --today $today "$big"
single "peak memory ÷ input, one 10 MB file" "<=" 8 "x-rss:$big_bytes" -- \
  "$regc" -j 1 check --today $today "$big"
single "peak memory ÷ input, 1,000 registers" "<=" 8 "x-rss:$c1000_bytes" -- \
  "$regc" check --today $today "$work/c1000"
paired "build 1,000 registers, \`-j 1\` ÷ \`-j 2\`" ">=" 1.8 "rm -rf $BENCH_OUT/o" -- \
  "$regc" -j 1 build --today $today "$work/c1000" --out "$BENCH_OUT/o" -- \
  "$regc" -j 2 build --today $today "$work/c1000" --out "$BENCH_OUT/o"
PREP="rm -rf $BENCH_OUT/o" single "build 10,000 registers, wall" "<=" 4 "s" -- \
  "$regc" build --today $today "$work/c10000" --out "$BENCH_OUT/o"
PREP="rm -rf $BENCH_OUT/o" single "build 10,000 registers, peak memory" "<=" 600 "MB-rss" -- \
  "$regc" build --today $today "$work/c10000" --out "$BENCH_OUT/o"
paired "\`fmt --check\` ÷ \`check\`, 1,000 formatted registers" "<=" 1.5 ":" -- \
  "$regc" fmt --check "$work/f1000" -- "$regc" check --today $today "$work/f1000"

# The language server: an edit to a 5,000-line file (69 registers), until its diagnostics
# arrive; the median of RUNS edits after the first open (bench/lsp_edit.py).
[ -d "$work/l5000" ] || "$synth" --registers 69 --per-file 69 --out "$work/l5000" 2>/dev/null
row "\`regc lsp\`: diagnostics after an edit, 5,000-line file" "<=" 50 \
  "$(python3 bench/lsp_edit.py "$regc" "$work/l5000/registers-00000.reg" "$runs" | stats)" "ms"

# A build of 10,000 registers with 256 open files allowed: it must succeed.
rm -rf "$BENCH_OUT/o"
# (The build exits 1, since the corpus has registers with gaps; what counts is the output.)
(ulimit -n 256 && quiet "$regc" build -q --today $today "$work/c10000" --out "$BENCH_OUT/o")
if [ -f "$BENCH_OUT/o/.regc-manifest" ]; then
  echo "| build 10,000 registers under \`ulimit -n 256\` | writes every file | $(grep -vc '^#' "$BENCH_OUT/o/.regc-manifest") files | met |" | tee -a "$table"
else
  echo "| build 10,000 registers under \`ulimit -n 256\` | writes every file | failed | **missed** |" | tee -a "$table"
fi
rm -rf "$BENCH_OUT/o"

if [ "${PEERS:-}" = 1 ]; then
  peers="$work/peers"
  if [ ! -x "$peers/venv/bin/check-jsonschema" ]; then
    python3 -m venv "$peers/venv"
    "$peers/venv/bin/pip" install --quiet check-jsonschema==0.33.0
  fi
  if [ ! -x "$peers/node_modules/.bin/ajv" ]; then
    npm install --silent --prefix "$peers" ajv-cli@5.0.0 ajv-formats@3.0.1 >/dev/null
  fi
  # What the peers can do: validate a register's JSON against regc's schema. regc checks
  # the `.reg` source against the schema and 60-odd rules besides.
  "$regc" build -q --today $today --format json "$work/c1" --out "$BENCH_OUT/j1" >/dev/null 2>&1 || true
  "$regc" build -q --today $today --format json --allow-incomplete "$work/c1000" --out "$BENCH_OUT/j1000" >/dev/null 2>&1 || true
  one_json=$(ls "$BENCH_OUT"/j1/*.json | head -n 1)
  schema=docs/schema/register.schema.json
  ajv=("$peers/node_modules/.bin/ajv" validate --spec=draft2020 -c ajv-formats --strict=false -s "$schema")
  paired "one register: check-jsonschema ÷ regc" ">=" 100 ":" -- \
    "$peers/venv/bin/check-jsonschema" --schemafile "$schema" "$one_json" -- \
    "$regc" check --today $today "$work/c1"
  paired "one register: ajv ÷ regc" ">=" 100 ":" -- \
    "${ajv[@]}" -d "$one_json" -- "$regc" check --today $today "$work/c1"
  paired "1,000 registers: ajv ÷ regc" ">=" 10 ":" -- \
    "${ajv[@]}" -d "$BENCH_OUT/j1000/*.json" -- "$regc" check --today $today "$work/c1000"
fi

if $write_docs; then
  python3 - "$table" docs/performance.md "$(date -u +%Y-%m-%d)" "$(nproc)" "$runs" "${PEERS:-}" <<'EOF'
import sys
table, doc, day, cores, runs, peers = sys.argv[1:]
command = ("PEERS=1 " if peers == "1" else "") + "bash bench/run.sh --write-docs"
text = open(doc, encoding="utf-8").read()
start, end = "<!-- bench:start -->", "<!-- bench:end -->"
head, rest = text.split(start, 1)
_, tail = rest.split(end, 1)
body = (f"\n`{command}`, {day}, {cores} cores, {runs} pairs or runs per row "
        f"({int(runs) * 5} for the seed):\n\n"
        + open(table, encoding="utf-8").read())
open(doc, "w", encoding="utf-8").write(head + start + body + end + tail)
EOF
  echo "docs/performance.md updated"
fi
