#!/usr/bin/env bash
# Image audit cost and Trivy side by side on the Debian bookworm minbase image (one gzip layer)
# served by a local registry, cold caches, runs interleaved:
#   sbom        bulkhead sbom (the SBOM-only walk)
#   secret      bulkhead image --scanners secret (the same walk + every file through the scanner)
#   config      bulkhead image --scanners config,secret (+ content, config and history checks)
#   all         bulkhead image --scanners vuln,config,secret (+ matching against an advisory store
#               imported from ../shared/advisories/alpine-secdb-2020), cold
#   all_warm    the same, second run on a warm layer cache (no layer is read)
#   trivy       trivy image --scanners secret,misconfig --image-config-scanners misconfig,secret
#   trivy_sbom  trivy image --format cyclonedx (Trivy's SBOM-only walk)
# Vulnerability matching is left out of both sides: Trivy's database cannot be downloaded here.
#
#   bash bench/audit.sh [ROOTFS]      (ROOTFS: an existing debootstrap tree, e.g. the tests'
#                                      target/tmp/audit-minbase-bookworm/rootfs)
#   PEERS=0                           skip the two Trivy runs
set -euo pipefail
RUNS=${RUNS:-5}
BULKHEAD=${BULKHEAD:-$(cd "$(dirname "$0")/.." && pwd)/target/release/bulkhead}
SHARED=$(cd "$(dirname "$0")/../.." && pwd)/shared
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
umoci repack --history.created_by '/bin/sh -c #(nop) ADD file:minbase in / ' --image L:minbase B
umoci config --image L:minbase --config.cmd bash --history.created_by '/bin/sh -c #(nop)  CMD ["bash"]'
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
echo "layer: $(stat -c %s L/blobs/sha256/$BLOB) bytes gzip"
# elapsed, peak RSS, CPU (user+sys): on a shared machine CPU seconds are the steadier figure.
t() { /usr/bin/time -f "%e %M %U %S" "$@" 2>&1 >/dev/null | tail -1; }
B=("$BULKHEAD")
"$BULKHEAD" db import --db adv.db "$SHARED/advisories/alpine-secdb-2020" >/dev/null
declare -A R
for i in $(seq "$RUNS"); do
  R[sbom]+="$(t "${B[@]}" sbom "$REF" --no-cache --insecure-registry 127.0.0.1:$PORT --format cyclonedx -o b.json)"$'\n'
  R[secret]+="$(t "${B[@]}" image "$REF" --no-cache --insecure-registry 127.0.0.1:$PORT --scanners secret --exit-code 0 --format json -o s.json)"$'\n'
  R[config]+="$(t "${B[@]}" image "$REF" --no-cache --insecure-registry 127.0.0.1:$PORT --scanners config,secret --exit-code 0 --format json -o c.json)"$'\n'
  R[all]+="$(t "${B[@]}" image "$REF" --no-cache --insecure-registry 127.0.0.1:$PORT --db adv.db --scanners vuln,config,secret --exit-code 0 --format json -o a.json)"$'\n'
  rm -rf bc
  "${B[@]}" image "$REF" --cache-dir bc --insecure-registry 127.0.0.1:$PORT --db adv.db --scanners vuln,config,secret --exit-code 0 --format json -o w0.json
  R[all_warm]+="$(t "${B[@]}" image "$REF" --cache-dir bc --insecure-registry 127.0.0.1:$PORT --db adv.db --scanners vuln,config,secret --exit-code 0 --format json -o w.json)"$'\n'
  cmp -s w0.json w.json || echo "warm report differs from the cold one" >&2
  [ "${PEERS:-1}" = 0 ] && continue
  rm -rf tc
  R[trivy]+="$(t trivy image --quiet --insecure --cache-dir tc --skip-db-update --skip-java-db-update --skip-check-update --offline-scan --scanners secret,misconfig --image-config-scanners misconfig,secret --format json -o t.json "$REF")"$'\n'
  rm -rf tc
  R[trivy_sbom]+="$(t trivy image --quiet --insecure --cache-dir tc --skip-db-update --skip-java-db-update --offline-scan --format cyclonedx -o ts.json "$REF")"$'\n'
done
for k in sbom secret config all all_warm trivy trivy_sbom; do
  printf "%s" "${R[$k]:-}" | sort -n | awk -v k="$k" '{t[NR]=$1; m[NR]=$2; c=$3+$4; if (NR==1 || c<cmin) cmin=c} END {if (NR) printf "%-11s min %.2f s  median %.2f s  CPU min %.2f s  peak RSS %d MB\n", k, t[1], t[int((NR+1)/2)], cmin, m[int((NR+1)/2)]/1024}'
done
python3 - <<'PY'
import json
b = json.load(open("c.json"))
try:
    t = json.load(open("t.json"))
except OSError:
    t = {}
print("bulkhead findings:", sorted({f["code"] for f in b.get("findings", [])}))
ids = set()
for r in t.get("Results", []) or []:
    for m in r.get("Misconfigurations", []) or []:
        ids.add(m.get("ID") or m.get("AVDID"))
    for s in r.get("Secrets", []) or []:
        ids.add(s.get("RuleID"))
print("trivy findings:", sorted(i for i in ids if i))
PY
