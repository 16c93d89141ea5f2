#!/usr/bin/env bash
# The benchmark run behind docs/performance.md: generates seeded corpora, times whole
# `regc check` and `regc build` runs with /usr/bin/time (wall seconds, peak RSS), compares a
# cold check of a seed with `cat` of the same file, and prints per-stage throughput.
# Not part of .ci/run: it takes minutes. Usage: bash bench/run.sh [WORKDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-target/bench}"
mkdir -p "$work"
cargo build --release --quiet
cargo build --release --quiet --example synth
regc=target/release/regc
synth=target/release/examples/synth
runs="${RUNS:-5}"

# median of N runs of a command: wall milliseconds (from the clock, not time's 10 ms
# resolution) and peak RSS in KB (from /usr/bin/time; its last line, since it first
# reports a non-zero exit, which `check` gives on findings)
measure() {
  local label="$1"; shift
  local times=() mems=()
  for _ in $(seq $runs); do
    local start end
    start=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$work/time.txt" "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=("$(( (end - start) / 1000 ))")
    mems+=("$(tail -n 1 "$work/time.txt")")
  done
  local t m
  t=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  m=$(printf '%s\n' "${mems[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  printf '%-52s %10.1f ms %10s KB\n' "$label" "$(echo "$t / 1000" | bc -l)" "$m"
}

echo "machine: $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%d)"
for n in 1 100 1000 10000; do
  [ -d "$work/c$n" ] || "$synth" --registers "$n" --out "$work/c$n" 2>/dev/null
done
measure "cat examples/pro-stories.reg" cat examples/pro-stories.reg
measure "check examples/pro-stories.reg" "$regc" check --today 2026-11-23 examples/pro-stories.reg
for n in 1 100 1000 10000; do
  measure "check $n registers" "$regc" check --today 2026-11-23 "$work/c$n"
done
for n in 1 100 1000 10000; do
  measure "build $n registers (md+html+json, 3 langs), -j 2" "$regc" -j 2 build --today 2026-11-23 "$work/c$n" --out "$work/out$n"
  rm -rf "$work/out$n"
done
measure "build 1000 registers, -j 1" "$regc" -j 1 build --today 2026-11-23 "$work/c1000" --out "$work/outj1"
rm -rf "$work/outj1"

# One big file of 1, 10 and 100 MB: the registers of the 10,000 corpus concatenated.
for size in 1 10 100; do
  big="$work/big-$size.reg"
  if [ ! -f "$big" ]; then
    : > "$big"
    cat "$work/c10000/common.reg" >> "$big"
    while [ "$(stat -c %s "$big")" -lt $((size * 1000000)) ]; do
      for f in "$work"/c10000/registers-*.reg; do
        grep -v '^use "common.reg"' "$f" | sed "s/^register r\([0-9]*\)/register r\1x$(stat -c %s "$big")/" >> "$big"
        [ "$(stat -c %s "$big")" -ge $((size * 1000000)) ] && break
      done
    done
  fi
  measure "check one ${size} MB file, -j 1" "$regc" -j 1 check --today 2026-11-23 "$big"
done

echo
echo "per-stage throughput, one thread, 1000 registers:"
RAYON_NUM_THREADS=1 cargo bench --quiet --bench throughput -- "$work/c1000"
