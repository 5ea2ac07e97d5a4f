#!/usr/bin/env bash
# Tools of the integration tests (crates/bulkhead/tests/integrations.rs): check-jsonschema
# validates action.yml against its vendored GitHub Actions schema; pre-commit runs the hooks
# of .pre-commit-hooks.yaml for real. Idempotent: installs only what is missing.
set -euo pipefail
need=()
command -v check-jsonschema >/dev/null 2>&1 || need+=(check-jsonschema)
command -v pre-commit >/dev/null 2>&1 || need+=(pre-commit)
if [ "${#need[@]}" -gt 0 ]; then
  echo "installing from PyPI: ${need[*]}"
  python3 -m pip install --quiet --disable-pip-version-check "${need[@]}"
fi
