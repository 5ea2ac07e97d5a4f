#!/usr/bin/env bash
# Install Microsoft's SARIF validator (npm package @microsoft/sarif-multitool, a self-contained
# .NET build shipped inside the npm package) under target/npm, which git ignores, and print the
# path of its launcher. Used by crates/bulkhead_diagnostics/tests/sarif_validate.rs.
#
# Exit status: 0 and the launcher path on stdout; 3 when node/npm are not installed (the test
# then reports itself skipped); anything else is a real failure.
set -euo pipefail

version="5.7.0"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${SARIF_MULTITOOL_DIR:-$root/target/npm}"
launcher="$dir/node_modules/.bin/sarif-multitool"

# Debian's nodejs comes without npm (NodeSource's bundles it and conflicts with Debian's npm
# package, so .ci/packages.txt lists only nodejs): add npm when missing and we can.
if command -v node >/dev/null 2>&1 && ! command -v npm >/dev/null 2>&1 &&
    [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends npm; } >&2 || true
fi
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    echo "npm or node not found (Debian packages: nodejs npm)" >&2
    exit 3
fi

mkdir -p "$dir"
installed() {
    [ -x "$launcher" ] &&
        grep -q "\"version\": *\"$version\"" "$dir/node_modules/@microsoft/sarif-multitool/package.json" 2>/dev/null
}
if ! installed; then
    # One installer at a time when several test processes start together.
    exec 9>"$dir/.lock"
    command -v flock >/dev/null 2>&1 && flock 9
    if ! installed; then
        npm install --prefix "$dir" --no-audit --no-fund --no-save --loglevel=error \
            "@microsoft/sarif-multitool@$version" >&2
    fi
fi

# npm 11 no longer runs the package's postinstall (`chmod u+x`) unless allowed.
for exe in "$dir"/node_modules/@microsoft/sarif-multitool-*/Sarif.Multitool; do
    [ -f "$exe" ] && chmod u+x "$exe"
done
echo "$launcher"
