#!/usr/bin/env bash
# Runtime figures for docs/sections/runtime.md (run as root, on an otherwise idle machine):
#   1. rule evaluation alone: criterion, ns per event (25 stable rules) and per rule;
#   2. open()+close() loop: ns per iteration with no sensor, with `bulkhead monitor` watching
#      opens (fanotify), and with `--no-opens` (execs only: the "filtered" case);
#   3. exec storm: /bin/true forked at RATE per second for SECS while the monitor runs;
#      prints the execs started, the events the monitor evaluated and what it dropped.
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
  "$BIN" monitor --rules "$RULES" --output json --output-file "$TMP/alerts.json" "$@" 2>"$TMP/mon.err" &
  MON=$!
  until grep -q "monitor: ready" "$TMP/mon.err"; do sleep 0.1; done
}
stop_monitor() {
  kill -TERM "$MON"; wait "$MON" || true
  tail -1 "$TMP/mon.err"
}

echo "# 2. open()+close() of /etc/hostname, $N iterations (ns per iteration)"
base=$("$TMP/load" open $N /etc/hostname)
echo "no sensor:              $base"
start_monitor
full=$("$TMP/load" open $N /etc/hostname)
echo "monitor (opens):        $full  ($(echo "scale=2; $full / $base" | bc)x)"
stop_monitor
start_monitor --no-opens
filt=$("$TMP/load" open $N /etc/hostname)
echo "monitor (--no-opens):   $filt  ($(echo "scale=2; $filt / $base" | bc)x)"
stop_monitor

echo "# 3. exec storm: $RATE/s for ${SECS}s"
start_monitor --no-opens
"$TMP/load" exec "$RATE" "$SECS" | awk '{print "execs started: " $1 " (" $2 "/s achieved)"}'
stop_monitor
