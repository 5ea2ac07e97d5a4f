#!/usr/bin/env bash
# Secret scanner throughput on one core: `bulkhead fs --scanners secret` over this repository's
# tree and over ../shared/corpus (text-heavy), plus the hostile shapes of issue 16 at full size:
# a 1 GiB file of one line and a file of 10 million short lines (time and peak RSS).
#
#   bash bench/secrets.sh            (needs a release build: cargo build --release -p bulkhead)
set -euo pipefail
cd "$(dirname "$0")/.."
BULKHEAD=${BULKHEAD:-target/release/bulkhead}
RUNS=${RUNS:-3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export RAYON_NUM_THREADS=1
t() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; }
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
run() { # name dir
  local name=$1 dir=$2 best=
  local b; b=$(bytes "$dir")
  for _ in $(seq "$RUNS"); do
    local r; r=$(t "$BULKHEAD" fs --scanners secret --exit-code 0 --format json "$dir")
    local s=${r% *}
    if [ -z "$best" ] || awk -v a="$s" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$s; rss=${r#* }; fi
  done
  awk -v n="$name" -v b="$b" -v s="$best" -v m="$rss" 'BEGIN{printf "%-28s %8.1f MB  %6.2f s  %7.0f MB/s  peak RSS %d MB\n", n, b/1e6, s, b/1e6/s, m/1024}'
}
run "this repository" .
[ -d ../shared/corpus ] && run "../shared/corpus" ../shared/corpus
# Plain text with no candidate keyword: the prefilter's own speed.
python3 - "$WORK/plain" <<'PY'
import os, sys
os.makedirs(sys.argv[1])
line = b"the quick brown fox jumps over the lazy dog while rivers run to the sea\n"
with open(os.path.join(sys.argv[1], "plain.txt"), "wb") as f:
    f.write(line * (256 * 1024 * 1024 // len(line)))
PY
run "256 MB text, no keyword" "$WORK/plain"
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
r=$(t "$BULKHEAD" fs --scanners secret --exit-code 0 --format json --secret-max-file-size 2000000000 "$WORK/long")
echo "1 GiB one line (keywords every 8 bytes): ${r% *} s, peak RSS $(( ${r#* } / 1024 )) MB"
rm -rf "$WORK/long"
python3 - "$WORK/short/lines.txt" <<'PY'
import sys
with open(sys.argv[1], "wb") as f:
    f.write(b"token=\n" * 10_000_000)
PY
r=$(t "$BULKHEAD" fs --scanners secret --exit-code 0 --format json "$WORK/short")
echo "10 million short lines: ${r% *} s, peak RSS $(( ${r#* } / 1024 )) MB"
