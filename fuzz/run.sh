#!/usr/bin/env bash
# A long coverage-guided fuzz run (AFL++ through cargo-afl; stable Rust is enough).
#   bash fuzz/run.sh TARGET [EXECUTIONS_PER_INSTANCE] [INSTANCES]
# TARGET is `syntax` (parse, lower, diagnostics, formatter: fast) or `pipeline` (every
# stage, every output). Defaults: 5,000,000 executions on each of 2 instances. Needs
# `cargo install cargo-afl`. Findings land in fuzz/target/TARGET/*/crashes; each becomes
# a file in tests/fuzz-regressions/ (see docs/testing.md). Prints the executions done.
set -euo pipefail
cd "$(dirname "$0")"
target="${1:?usage: bash fuzz/run.sh syntax|pipeline [EXECUTIONS_PER_INSTANCE] [INSTANCES]}"
execs="${2:-5000000}"
instances="${3:-2}"
cargo afl build --release --quiet

seeds=target/seeds
rm -rf "$seeds"
mkdir -p "$seeds"
# Small inputs run faster: seeds and generated inputs are kept to 4 KB (-G), which is
# plenty for every construct of the language.
for f in ../examples/*.reg ../examples/complete/*.reg ../stdlib/*.reg \
  $(find ../tests/cases ../tests/fuzz-regressions -type f ! -name README.md 2>/dev/null); do
  [ "$(stat -c %s "$f")" -le 4096 ] && cp "$f" "$seeds/$(sha1sum "$f" | cut -c1-12).reg"
done

out="target/$target"
mkdir -p "$out"
export AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_AUTORESUME=1
start=$(date +%s)
pids=()
for i in $(seq "$instances"); do
  role="-S s$i"
  [ "$i" = 1 ] && role="-M main"
  # shellcheck disable=SC2086
  cargo afl fuzz -i "$seeds" -o "$out" -x regc.dict -G 4096 $role -E "$execs" -- "target/release/$target" \
    > "target/$target-$i.log" 2>&1 &
  pids+=("$!")
done
for pid in "${pids[@]}"; do wait "$pid" || true; done
end=$(date +%s)

total=0 crashes=0 hangs=0
for stats in "$out"/*/fuzzer_stats; do
  total=$((total + $(awk -F': *' '$1 ~ /^execs_done/ {print $2}' "$stats")))
  crashes=$((crashes + $(awk -F': *' '$1 ~ /^saved_crashes/ {print $2}' "$stats")))
  hangs=$((hangs + $(awk -F': *' '$1 ~ /^saved_hangs/ {print $2}' "$stats")))
done
echo "$target: $total executions in $((end - start)) s on $instances instance(s); crashes: $crashes; hangs: $hangs"
[ "$crashes" = 0 ] && [ "$hangs" = 0 ]
