#!/usr/bin/env bash
# Runtime sensor tests (crates/bulkhead/tests/monitor.rs) run a runc container on an overlay
# root, as root: make sure the overlay filesystem is available (idempotent; a kernel with it
# built in needs nothing). runc and busybox-static come from .ci/packages.txt.
set -euo pipefail
if ! grep -qw overlay /proc/filesystems; then
  modprobe overlay 2>/dev/null || echo "runtime: overlay filesystem unavailable; the container tests will fail under CI=true"
fi
