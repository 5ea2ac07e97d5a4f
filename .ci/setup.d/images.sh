#!/usr/bin/env bash
# SBOM validators used by crates/bulkhead/tests/sbom.rs (the tests print a skip without them).
set -euo pipefail
if ! python3 -c 'import cyclonedx.validation.json, spdx_tools' 2>/dev/null; then
  python3 -m pip install -q 'cyclonedx-python-lib[json-validation]' spdx-tools \
    || echo "images: could not install the SBOM validators; their checks will be skipped"
fi
