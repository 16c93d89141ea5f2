#!/usr/bin/env bash
# Writes link/hot-functions.txt: the functions regc runs on common work, in the order the
# linker is to place them (build.rs hands the file to LLD). A check's functions come first,
# a seed's before the rest, so that start-up and a check touch as few pages of the binary
# as they can; then a build's, a formatter's and the report formats'.
#
#   bash scripts/hot-functions.sh          # needs valgrind (apt-get install valgrind)
#
# Run it after a change of toolchain or of Cargo.lock (the names carry a hash of both) or
# of much code: `bash bench/run.sh` prints how many of the file's names the release binary
# still has. A stale file costs memory and start-up time, never correctness: names the
# binary lacks are skipped, and the rest is laid out as before.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "error: needs valgrind (apt-get install valgrind)" >&2; exit 2; }
cargo build --release --quiet
cargo build --release --quiet --example synth
regc=target/release/regc
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
today=2026-11-23
target/release/examples/synth --registers 1000 --out "$work/c1000" 2>/dev/null
cp -r examples "$work/examples"

n=0
profile() {
  n=$((n + 1))
  valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/$n.cg" "$regc" "$@" \
    >/dev/null 2>&1 || true
}
profile check --today $today examples/pro-stories.reg
profile check --today $today "$work/c1000"
profile -j 1 check --today $today examples
profile check --today $today --format json examples
profile check --today $today --format sarif examples
profile check --today $today --format github examples
profile build --today $today --allow-incomplete examples --out "$work/site"
profile build --today $today --allow-incomplete --format json examples --out "$work/json"
profile fmt --check examples
profile fmt "$work/examples"

nm --defined-only "$regc" | awk '$2 ~ /^[tTwW]$/ { print $3 }' | sort -u > "$work/defined"
python3 - "$work" "$n" "$(rustc --version)" > link/hot-functions.txt <<'EOF'
import re, sys
work, runs, rustc = sys.argv[1], int(sys.argv[2]), sys.argv[3]
defined = set(open(f"{work}/defined").read().split())
# Each run adds the functions the runs before it did not use, sorted by name: callgrind
# lists functions in no stable order, and sorted, the file changes only where the code did.
order, seen = [], set()
for run in range(1, runs + 1):
    new = set()
    for line in open(f"{work}/{run}.cg", encoding="utf-8", errors="replace"):
        m = re.match(r"^c?fn=\(\d+\) (\S+)", line)
        if m:
            name = re.sub(r"'\d+$", "", m.group(1))  # callgrind's recursion depth
            if name in defined and name not in seen:
                new.add(name)
    order.extend(sorted(new))
    seen |= new
print("# Written by scripts/hot-functions.sh: do not edit. The functions regc runs on common")
print("# work, in the order the linker places them (build.rs). Generated with")
print(f"# {rustc} and this Cargo.lock; names a build lacks are skipped.")
print("\n".join(order))
EOF
echo "link/hot-functions.txt: $(grep -vc '^#' link/hot-functions.txt) functions"
