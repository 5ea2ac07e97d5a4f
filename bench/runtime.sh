#!/usr/bin/env bash
# Runtime figures for docs/sections/runtime.md (run as root, on an otherwise idle machine):
#   1. rule evaluation alone: criterion, ns per event (25 stable rules) and per rule;
#   2. open()+close() loop under the fallback sensor (`bulkhead monitor --sensor proc`): ns per
#      iteration (wall, loop CPU) with no sensor, with the monitor watching opens (fanotify),
#      and with `--no-opens` (execs only: the "filtered" case);
#   3. exec storm under the fallback sensor: a static 3-instruction program
#      (bench/runtime_tiny.c) posix_spawn'ed at RATE per second for SECS; prints the execs
#      started and the monitor's stop line (events evaluated, what it dropped, its RSS).
# The eBPF sensor's figures: bench/runtime_ebpf.sh. With 2 CPUs or more the load runs on CPU 0
# and the monitor on CPU 1 (PIN=0 turns it off).
# Usage: bench/runtime.sh [RATE] [SECS]     (defaults 10000 and 30, as the issue asks)
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-10000}
SECS=${2:-30}
RULES=../shared/conformance/falco/falco_rules.yaml
[ -f "$RULES" ] || { echo "missing $RULES" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "run as root (the sensor needs it)" >&2; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cc -O2 -o "$TMP/load" bench/runtime_load.c
cc -nostdlib -static -O2 -o "$TMP/tiny" bench/runtime_tiny.c
LOOP=() MON=()
if [ "${PIN:-1}" = 1 ] && [ "$(nproc)" -ge 2 ]; then
  LOOP=(taskset -c 0) MON=(taskset -c 1)
  echo "# pinned: load on CPU 0, monitor on CPU 1"
fi
echo "# machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), kernel $(uname -r)"
BIN=target/release/bulkhead
if ! cargo build --release -q -p bulkhead; then
  [ -x "$BIN" ] || exit 2
  echo "note: release build failed; measuring the existing $BIN" >&2
fi
N=1000000
echo "# 1. rule evaluation (criterion)"
if [ -z "${SKIP_CRITERION:-}" ]; then
  cargo bench -q -p bulkhead_runtime --bench rules 2>/dev/null | grep -E "^(all_rules|per_rule)/|time:|thrpt:" || true
fi

start_monitor() {
  "${MON[@]}" "$BIN" monitor --sensor proc --rules "$RULES" --output json --output-file "$TMP/alerts.json" "$@" 2>"$TMP/mon.err" &
  MON=$!
  until grep -q "monitor: ready" "$TMP/mon.err"; do sleep 0.1; done
}
stop_monitor() {
  kill -TERM "$MON" 2>/dev/null || true; wait "$MON" || true
  tail -1 "$TMP/mon.err"
}

ratio() { echo "scale=2; $1 / $2" | bc; }
echo "# 2. open()+close() of /etc/hostname, $N iterations (ns per iteration: wall, loop CPU), fallback sensor"
read -r bw bc < <("${LOOP[@]}" "$TMP/load" open $N /etc/hostname)
echo "no sensor:              wall $bw  cpu $bc"
start_monitor
read -r w c < <("${LOOP[@]}" "$TMP/load" open $N /etc/hostname)
echo "monitor (opens):        wall $w ($(ratio "$w" "$bw")x)  cpu $c ($(ratio "$c" "$bc")x)"
stop_monitor
start_monitor --no-opens
read -r w c < <("${LOOP[@]}" "$TMP/load" open $N /etc/hostname)
echo "monitor (--no-opens):   wall $w ($(ratio "$w" "$bw")x)  cpu $c ($(ratio "$c" "$bc")x)"
stop_monitor

echo "# 3. exec storm under the fallback sensor (opens watched too): $TMP/tiny at $RATE/s for ${SECS}s"
start_monitor
"${LOOP[@]}" "$TMP/load" exec "$RATE" "$SECS" "$TMP/tiny" | awk '{print "execs started: " $1 " (" $2 "/s achieved)"}'
stop_monitor
echo "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
