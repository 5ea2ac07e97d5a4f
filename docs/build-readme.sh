#!/usr/bin/env bash
# README.md is assembled from docs/sections/*.md (one file per area, kept next to the code's
# owners). Run after editing a section; `--check` exits 1 when README.md is stale (a test
# runs it).
set -euo pipefail
cd "$(dirname "$0")/.."
order=(00-intro dockerfile kubernetes netpol images scan audit secrets sign admission runtime versions reports accuracy integrations 90-development)
out=README.md
[ "${1:-}" = "--check" ] && out=$(mktemp)
{
  first=1
  for s in "${order[@]}"; do
    f="docs/sections/$s.md"
    [ -f "$f" ] || continue
    [ $first -eq 1 ] || printf '\n'
    first=0
    cat "$f"
  done
} > "$out"
if [ "${1:-}" = "--check" ]; then
  if ! cmp -s "$out" README.md; then
    echo "README.md is stale: run docs/build-readme.sh" >&2
    diff -u README.md "$out" | head -40 >&2
    rm -f "$out"; exit 1
  fi
  rm -f "$out"
fi
