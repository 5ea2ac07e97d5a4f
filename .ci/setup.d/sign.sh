#!/usr/bin/env bash
# The independent implementation of cosign's formats used by crates/bulkhead/tests/sign.rs
# (sign_interop.py): Python `cryptography` (OpenSSL) and PyNaCl (libsodium), from PyPI.
# Idempotent; when nothing installs, the tests say so (and fail under CI=true).
set -uo pipefail
if ! python3 -c 'import cryptography, nacl' 2>/dev/null; then
  python3 -m pip install -q cryptography pynacl 2>/dev/null \
    || python3 -m pip install -q --break-system-packages cryptography pynacl 2>/dev/null \
    || echo "sign: could not install cryptography + PyNaCl; the interoperability tests will fail under CI=true"
fi
exit 0
