#!/usr/bin/env bash
# Wall time and HTTP request count of `bulkhead sign` and `bulkhead verify` against Debian's
# docker-registry on 127.0.0.1 (htpasswd basic auth, plain HTTP), an image built by umoci and
# pushed by skopeo. Peers measured in the same run: the independent Python implementation of
# the tests (crates/bulkhead/tests/sign_interop.py: cryptography + PyNaCl + urllib), and
# cosign's documented request flow for verify (cosign itself is not packaged for Debian).
#   BULKHEAD=path/to/bulkhead (default: target/release/bulkhead, else target/debug/bulkhead)
#   RUNS=N (default 5; best of N is reported)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
BH=${BULKHEAD:-target/release/bulkhead}
[ -x "$BH" ] || BH=target/debug/bulkhead
RUNS=${RUNS:-5}
for t in docker-registry skopeo umoci htpasswd python3; do
  command -v "$t" >/dev/null || { echo "sign bench: $t missing" >&2; exit 2; }
done
work=$(mktemp -d)
reg_pid=
cleanup() { [ -n "$reg_pid" ] && kill "$reg_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
addr=127.0.0.1:$port
htpasswd -Bbn bench benchpw > "$work/htpasswd"
cat > "$work/config.yml" <<YML
version: 0.1
log:
  level: error
storage:
  filesystem:
    rootdirectory: $work/data
http:
  addr: $addr
auth:
  htpasswd:
    realm: bench
    path: $work/htpasswd
YML
docker-registry serve "$work/config.yml" >/dev/null 2>&1 &
reg_pid=$!
for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
mkdir -p "$work/rootfs/etc" "$work/docker"
echo bench > "$work/rootfs/etc/bench"
umoci init --layout "$work/layout" >/dev/null
umoci new --image "$work/layout:v1"
umoci unpack --rootless --image "$work/layout:v1" "$work/bundle" >/dev/null 2>&1
cp -a "$work/rootfs/." "$work/bundle/rootfs/"
umoci repack --image "$work/layout:v1" "$work/bundle" >/dev/null 2>&1
skopeo copy --quiet --dest-tls-verify=false --dest-creds bench:benchpw "oci:$work/layout:v1" "docker://$addr/app:v1"
printf '{"auths":{"%s":{"username":"bench","password":"benchpw"}}}' "$addr" > "$work/docker/config.json"
export DOCKER_CONFIG=$work/docker BULKHEAD_PASSWORD=bench REG_USER=bench REG_PASSWORD=benchpw
(cd "$work" && "$OLDPWD/$BH" key generate --output-key-prefix k >/dev/null 2>&1)
py=crates/bulkhead/tests/sign_interop.py
reqs() { "$BH" "$@" --insecure-registry "$addr" --show-requests 2>&1 >/dev/null | sed -n 's/^http requests: //p'; }
echo "binary: $BH; best of $RUNS; registry $addr (basic auth)"
sign_req=$(reqs sign --key "$work/k.key" "$addr/app:v1")
verify_req=$(reqs verify --key "$work/k.pub" "$addr/app:v1")
verify_t=$(best "$RUNS" "$BH" verify --key "$work/k.pub" "$addr/app:v1" --insecure-registry "$addr")
# a fresh annotation per run, so every run adds a signature (ECDSA here is deterministic)
sign_t=$(best "$RUNS" sh -c "exec \"$BH\" sign --key \"$work/k.key\" -a run=\$(date +%s%N) $addr/app:v1 --insecure-registry $addr")
python3 "$py" genkey "$work/py" pypw >/dev/null
py_sign_t=$(best "$RUNS" python3 "$py" sign "$addr" app v1 "$work/py.key" pypw)
py_verify_t=$(best "$RUNS" python3 "$py" verify "$addr" app v1 "$work/k.pub")
layers=$(python3 "$py" verify "$addr" app v1 "$work/py.pub" | python3 -c 'import json,sys; print(json.load(sys.stdin)["verified"])')
printf '%-44s %8s %9s\n' "" "wall s" "requests"
printf '%-44s %8s %9s\n' "bulkhead sign (first signature, new tag)" "" "$sign_req"
printf '%-44s %8s %9s\n' "bulkhead sign (tag with signatures)" "$sign_t" ""
printf '%-44s %8s %9s\n' "bulkhead verify (1 signature in .sig)" "$verify_t" "$verify_req"
printf '%-44s %8s %9s\n' "python peer sign" "$py_sign_t" ""
printf '%-44s %8s %9s\n' "python peer verify" "$py_verify_t" ""
printf '%-44s %8s %9s\n' "cosign verify, documented flow" "" "4"
echo "(cosign verify: auth ping, manifest HEAD, .sig manifest GET, 1 layer GET per signature;"
echo " bulkhead: 401 challenge, manifest GET (digest computed, not trusted from a header),"
echo " .sig manifest GET, 1 layer GET per signature. sign includes scrypt N=32768 and the"
echo " 150 ms settle that guards concurrent signers. python peer signed $layers signature(s).)"
