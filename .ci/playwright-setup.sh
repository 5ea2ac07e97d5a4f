#!/usr/bin/env bash
# playwright-core (the driver only; it never downloads a browser) under target/npm-playwright,
# which git ignores; prints the directory. Used with Debian's chromium by
# crates/bulkhead/tests/html_report.rs. Exit 3 when node/npm are missing.
set -euo pipefail
version="1.64.1"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$root/target/npm-playwright"
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "npm or node not found (Debian packages: nodejs npm)" >&2
  exit 3
fi
if ! grep -q "\"version\": *\"$version\"" "$dir/node_modules/playwright-core/package.json" 2>/dev/null; then
  mkdir -p "$dir"
  (cd "$dir" && npm install --silent --no-audit --no-fund --prefix "$dir" "playwright-core@$version" >&2)
fi
echo "$dir/node_modules"
