#!/usr/bin/env bash
# `netpol list` on N bare pods and no policy: every pod reaches every other pod, so the list
# has N*(N-1) lines plus two external lines per pod (100 million lines for 10,000 pods). The
# list is streamed in sorted order, so memory stays flat and time grows with the lines
# written. Prints lines, seconds and peak memory per size, and the MB-per-pod ratio.
# Usage: bench/netpol/bare_pods.sh [N...]      (default: 2000 4000 10000)
#   BULKHEAD=path/to/bulkhead   binary to time (default target/release/bulkhead)
set -euo pipefail
cd "$(dirname "$0")/../.."
BULKHEAD=${BULKHEAD:-target/release/bulkhead}
[ -x "$BULKHEAD" ] || cargo build --release -p bulkhead >&2
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(2000 4000 10000)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
echo "pods | lines | seconds | peak MB"
for n in "${sizes[@]}"; do
  python3 - "$n" > "$tmp/pods.yaml" <<'PY'
import sys
n = int(sys.argv[1])
for i in range(n):
    # 50 label sets: several equivalence classes, as real namespaces have.
    print(f"---\napiVersion: v1\nkind: Pod\nmetadata: {{name: pod-{i:05d}, namespace: bench, labels: {{app: a{i % 50}}}}}\nspec: {{containers: [{{name: c, image: busybox}}]}}")
PY
  lines=$(/usr/bin/time -o "$tmp/time" -f '%e %M' "$BULKHEAD" netpol list "$tmp/pods.yaml" | wc -l)
  read -r secs kb < "$tmp/time"
  echo "$n | $lines | $secs | $((kb / 1024))"
done
