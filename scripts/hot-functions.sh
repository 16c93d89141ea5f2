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

# The same threads on every machine: a run's functions depend on them.
unset REGC_JOBS
n=0
profile() {
  n=$((n + 1))
  local rc=0
  valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/$n.cg" "$regc" "$@" \
    >/dev/null 2>"$work/$n.err" || rc=$?
  # 1 is findings (or files to format); 2 and above, a run that went wrong.
  if [ "$rc" -gt 1 ]; then
    echo "error: \`regc $*\` exited $rc under callgrind:" >&2
    cat "$work/$n.err" >&2
    exit 1
  fi
}
# A seed as a hook checks it: small, so on one thread whatever the machine.
profile check --today $today examples/pro-stories.reg
profile -j 2 check --today $today "$work/c1000"
profile -j 1 check --today $today examples
for format in json sarif github gitlab concise junit; do
  profile -j 2 check --today $today --format $format examples
done
profile -j 2 build --today $today --allow-incomplete examples --out "$work/site"
profile -j 2 build --today $today --allow-incomplete --format json examples --out "$work/json"
profile -j 2 fmt --check examples
profile -j 2 fmt "$work/examples"

nm --defined-only "$regc" | awk '$2 ~ /^[tTwW]$/ { print $3 }' | sort -u > "$work/defined"
# Written aside and moved into place: a run that fails leaves the old list.
python3 - "$work" "$n" "$(rustc --version)" > "$work/list" <<'EOF'
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
if len(order) < 500:
    sys.exit(f"error: only {len(order)} of regc's functions ran; is the binary regc's?")
print("# Written by scripts/hot-functions.sh: do not edit. The functions regc runs on common")
print("# work, in the order the linker places them (build.rs). Generated with")
print(f"# {rustc} and this Cargo.lock; names a build lacks are skipped.")
print("\n".join(order))
EOF
mv "$work/list" link/hot-functions.txt
echo "link/hot-functions.txt: $(grep -vc '^#' link/hot-functions.txt) functions"
