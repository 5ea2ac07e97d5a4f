#!/usr/bin/env bash
# The independent implementation of cosign's formats used by crates/bulkhead/tests/sign.rs
# (sign_interop.py): Python `cryptography` (OpenSSL) and PyNaCl (libsodium), from PyPI.
set -euo pipefail
if ! python3 -c 'import cryptography, nacl' 2>/dev/null; then
  python3 -m pip install -q cryptography pynacl
fi
