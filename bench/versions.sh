#!/usr/bin/env bash
# Version comparisons per second on one core, per scheme (parse from text included), with the
# release profile. Usage: bench/versions.sh [SECONDS_PER_SCHEME] (default 2).
# Target: at least 10 million dpkg or rpm comparisons per second.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench --no-run -q -p bulkhead_pkg --bench versions
pin=()
if command -v taskset >/dev/null; then pin=(taskset -c 0); fi
exec "${pin[@]}" cargo bench -q -p bulkhead_pkg --bench versions -- "${1:-2}"
