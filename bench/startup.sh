#!/usr/bin/env bash
# Start-up cost of `bulkhead check` on one small file (target: <= 5 ms).
# Usage: bench/startup.sh   (builds the release binary first)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p bulkhead
bin="$PWD/target/release/bulkhead"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
printf 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0\nUSER 10001\n' > "$work/Dockerfile"
cd "$work"
runs=300
if command -v hyperfine >/dev/null; then
  hyperfine -N -i --warmup 20 --runs "$runs" "$bin check --isolated Dockerfile" "$bin --version"
else
  for cmd in "check --isolated Dockerfile" "--version"; do
    start=$(date +%s%N)
    for _ in $(seq "$runs"); do "$bin" $cmd >/dev/null || true; done
    end=$(date +%s%N)
    awk -v ns="$((end - start))" -v n="$runs" -v c="$cmd" 'BEGIN { printf "bulkhead %-28s %.2f ms per run (mean of %d)\n", c, ns / n / 1e6, n }'
  done
fi
