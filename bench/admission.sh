#!/usr/bin/env bash
# Admission webhook throughput, latency and CPU per review, against the webhook server on
# 127.0.0.1 over HTTPS with 100 concurrent connections of a realistic Pod CREATE review
# (restricted PSS enforced, every hardening rule selected, registry allow-list, digest required,
# a cosign signature by a trusted key required, verified once and then cached by digest, the
# vulnerability report looked up by digest and cached). The image is real: built with `umoci`,
# pushed with `skopeo` to Debian's `docker-registry` on 127.0.0.1, signed by `bulkhead sign`
# (the release binary, or $BULKHEAD); the registry stays up for the whole run:
#   - closed loop (`wrk`, Debian): requests/s and latency percentiles; with 100 connections
#     each waiting for its answer, mean latency is 100 / throughput, whatever the server does;
#   - open loop at RATE reviews/s (default 5,000) over the same 100 connections with the
#     `open_loop` example: one schedule of arrivals for the whole run (evenly spaced, then
#     Poisson), latency from each request's scheduled time; and `h2load --rps` (Debian
#     nghttp2-client) for comparison with earlier runs: it sends synchronised bursts (every
#     connection's timer starts together: 100 requests at once every 20 ms), so its latency is
#     mostly the time to drain its own burst;
#   - server CPU time per review (utime+stime of the server over the closed-loop run / reviews
#     answered): less noisy than wall-clock figures on a shared machine;
#   - CPU per decision alone (the `review_loop` example: no TLS, no HTTP, one thread).
# The server runs on CPU SERVER_CPUS (default 1) with THREADS_SERVER runtime threads (default 1:
# tokio's current-thread runtime), the load generators on LOAD_CPUS (default 0), so they do not
# take each other's CPU (PIN=0: neither is pinned, the server has one thread per core, wrk two
# threads, as in earlier runs). RT=1 also runs the open loops with the server and the
# generator under SCHED_FIFO (chrt, needs root): other processes on the machine (other
# sessions' compilers) then cannot preempt them, which shows what the two CPUs do without
# neighbours; the closed loop always runs under the normal scheduler (a SCHED_FIFO process at
# 100% CPU is throttled by the kernel 50 ms in every second).
# The server of the build under test runs with GLIBC_TUNABLES=$TUNABLES (default
# glibc.malloc.tcache_count=256, as the Deployment of `bulkhead admission manifests` sets it;
# TUNABLES= for glibc's defaults); SERVE_BEFORE's with $TUNABLES_BEFORE (default: none).
# LOOP_BEFORE=path/to/another/review_loop adds its decision time; CALLGRIND=1 counts instructions
# per decision (callgrind, 400 reviews: the difference of 500 and 100) of LOOP and LOOP_BEFORE.
# SERVE_BEFORE=path/to/another/serve measures a second build the same way in the same run
# (before/after). REQUESTS=1000000 then runs the server to that many reviews and reports its
# RSS after warm-up and at the end (memory flat).
#
#   bench/admission.sh
#   SERVE_BEFORE=/tmp/serve.old RT=1 bench/admission.sh
#   REQUESTS=1000000 bench/admission.sh
#
# The server is the `serve` example of bulkhead_admission (the same code as
# `bulkhead admission serve`, without building the whole binary); set BULKHEAD=path/to/bulkhead
# to bench the binary instead, SERVE=path/to/serve (and LOOP=path/to/review_loop,
# OPEN_LOOP=path/to/open_loop) to skip the build.
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${REQUESTS:-0}
CONNS=${CONNS:-100}
RATE=${RATE:-5000}
SECS=${SECS:-20}
PIN=${PIN:-1}
OHA=${OHA:-oha}
TUNABLES=${TUNABLES-glibc.malloc.tcache_count=256}
TUNABLES_BEFORE=${TUNABLES_BEFORE-}
RT=${RT:-0}
SERVER_CPUS=${SERVER_CPUS:-1}
LOAD_CPUS=${LOAD_CPUS:-0}
# (command prefixes, not functions: $! must be the server's own pid, taskset execs it)
if [ "$PIN" = 1 ]; then
  THREADS_SERVER=${THREADS_SERVER:-1}; THREADS=${THREADS:-1}  # THREADS: wrk's
  on_server=(taskset -c "$SERVER_CPUS"); on_load=(taskset -c "$LOAD_CPUS")
else
  THREADS_SERVER=${THREADS_SERVER:-0}; THREADS=${THREADS:-2}
  on_server=(); on_load=()
fi
for t in wrk h2load openssl curl python3 taskset chrt docker-registry umoci skopeo; do command -v $t >/dev/null || { echo "missing: $t" >&2; exit 2; }; done

work=$(mktemp -d)
server_pid=
registry_pid=
cleanup() {
  for p in $server_pid $registry_pid; do kill "$p" 2>/dev/null; done
  wait 2>/dev/null; rm -rf "$work"
}
trap cleanup EXIT

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/tls.key" \
  -out "$work/tls.crt" -days 1 -subj /CN=localhost -addext subjectAltName=IP:127.0.0.1 2>/dev/null

# The signed image, in a real registry on 127.0.0.1.
BH=${BULKHEAD:-target/release/bulkhead}
[ -n "${BULKHEAD:-}" ] || cargo build -q --release -p bulkhead
REG=127.0.0.1:$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
printf 'version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: %s\nhttp:\n  addr: %s\n' \
  "$work/registry" "$REG" > "$work/registry.yml"
docker-registry serve "$work/registry.yml" >/dev/null 2>&1 &
registry_pid=$!
for _ in $(seq 100); do curl -s "http://$REG/v2/" >/dev/null 2>&1 && break; sleep 0.1; done
umoci init --layout "$work/layout"
umoci new --image "$work/layout:v1"
umoci unpack --rootless --image "$work/layout:v1" "$work/bundle" >/dev/null
echo "web 1.0" > "$work/bundle/rootfs/app.txt"
umoci repack --image "$work/layout:v1" "$work/bundle"
skopeo copy --quiet --dest-tls-verify=false "oci:$work/layout:v1" "docker://$REG/shop/web:1.0"
digest=$(skopeo inspect --tls-verify=false --format '{{.Digest}}' "docker://$REG/shop/web:1.0")
BULKHEAD_PASSWORD=bench "$BH" key generate --output-key-prefix "$work/cosign" >/dev/null 2>&1
BULKHEAD_PASSWORD=bench "$BH" sign --key "$work/cosign.key" --insecure-registry "$REG" "$REG/shop/web@$digest" >/dev/null
mkdir -p "$work/reports"
cat > "$work/reports/${digest/:/-}.json" <<JSON
{"version": 1, "vulnerabilities": [{"id": "CVE-2024-0002", "severity": "low", "package": "zlib"}]}
JSON
cat > "$work/bulkhead.toml" <<TOML
[admission]
exclude-namespaces = ["bulkhead-system"]
[admission.pss]
enforce = "restricted"
warn = "restricted"
[admission.hardening]
select = ["ALL"]
fail-on = "critical"
[admission.images]
allowed = ["$REG/**"]
require-digest = true
[admission.signatures]
insecure-registries = ["$REG"]
[[admission.signatures.policy]]
images = ["$REG/**"]
keys = ["cosign.pub"]
[admission.vulnerabilities]
reports = "reports"
fail-on = "critical"
TOML

# A Pod CREATE review as the API server sends it (managedFields and all), compliant with
# restricted, so every check runs to the end.
python3 - "$work/review.json" "$REG/shop/web@$digest" <<'PY'
import json, sys
image = sys.argv[2]
pod = {"apiVersion": "v1", "kind": "Pod",
  "metadata": {"name": "web-7d9f8b6c5-x2k4p", "generateName": "web-7d9f8b6c5-", "namespace": "shop",
    "uid": "3f0d5e2a-8c1b-4e7a-9a51-2b7f0c6d1e3a",
    "labels": {"app.kubernetes.io/name": "web", "pod-template-hash": "7d9f8b6c5"},
    "annotations": {"kubectl.kubernetes.io/restartedAt": "2026-12-01T10:00:00Z"},
    "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "web-7d9f8b6c5",
      "uid": "a1b2c3d4-0000-4000-8000-000000000001", "controller": True, "blockOwnerDeletion": True}],
    "managedFields": [{"manager": "kube-controller-manager", "operation": "Update", "apiVersion": "v1",
      "time": "2026-12-01T10:00:00Z", "fieldsType": "FieldsV1",
      "fieldsV1": {"f:metadata": {"f:generateName": {}, "f:labels": {".": {}, "f:app.kubernetes.io/name": {}}},
                   "f:spec": {"f:containers": {"k:{\"name\":\"web\"}": {".": {}, "f:image": {}, "f:name": {}}}}}}]},
  "spec": {"serviceAccountName": "web", "automountServiceAccountToken": False, "hostUsers": False,
    "securityContext": {"runAsNonRoot": True, "runAsUser": 10001, "runAsGroup": 10001, "fsGroup": 10001,
      "seccompProfile": {"type": "RuntimeDefault"}},
    "containers": [{"name": "web", "image": image,
      "imagePullPolicy": "Always",
      "ports": [{"name": "http", "containerPort": 8080, "protocol": "TCP"}],
      "env": [{"name": "LOG_LEVEL", "value": "info"}, {"name": "PORT", "value": "8080"}],
      "resources": {"requests": {"cpu": "250m", "memory": "256Mi", "ephemeral-storage": "64Mi"},
                    "limits": {"cpu": "250m", "memory": "256Mi", "ephemeral-storage": "64Mi"}},
      "livenessProbe": {"httpGet": {"path": "/healthz", "port": "http"}, "periodSeconds": 10},
      "readinessProbe": {"httpGet": {"path": "/ready", "port": "http"}, "periodSeconds": 5},
      "securityContext": {"allowPrivilegeEscalation": False, "readOnlyRootFilesystem": True,
        "capabilities": {"drop": ["ALL"]}},
      "volumeMounts": [{"name": "tmp", "mountPath": "/tmp"}],
      "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File"}],
    "volumes": [{"name": "tmp", "emptyDir": {"sizeLimit": "64Mi"}}],
    "restartPolicy": "Always", "terminationGracePeriodSeconds": 30, "dnsPolicy": "ClusterFirst",
    "enableServiceLinks": False, "priority": 0,
    "tolerations": [{"key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300}]},
  "status": {}}
review = {"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": {
  "uid": "705ab4f5-6393-11e8-b7cc-42010a800002",
  "kind": {"group": "", "version": "v1", "kind": "Pod"},
  "resource": {"group": "", "version": "v1", "resource": "pods"},
  "requestKind": {"group": "", "version": "v1", "kind": "Pod"},
  "requestResource": {"group": "", "version": "v1", "resource": "pods"},
  "name": "web-7d9f8b6c5-x2k4p", "namespace": "shop", "operation": "CREATE",
  "userInfo": {"username": "system:serviceaccount:kube-system:replicaset-controller",
    "uid": "8f2e", "groups": ["system:serviceaccounts", "system:serviceaccounts:kube-system", "system:authenticated"]},
  "object": pod, "oldObject": None, "dryRun": False,
  "options": {"kind": "CreateOptions", "apiVersion": "meta.k8s.io/v1"}}}
open(sys.argv[1], "w").write(json.dumps(review))
PY
cat > "$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$work/review.json", "rb"); wrk.body = f:read("*a"); f:close()
LUA

PORT=18443
url=https://127.0.0.1:$PORT/validate
if [ -z "${BULKHEAD:-}" ] && [ -z "${SERVE:-}" ]; then
  cargo build -q --release -p bulkhead_admission --example serve --example review_loop
  SERVE=target/release/examples/serve; LOOP=${LOOP:-target/release/examples/review_loop}
fi
if [ -z "${OPEN_LOOP:-}" ]; then
  cargo build -q --release -p bulkhead_admission --example open_loop
  OPEN_LOOP=target/release/examples/open_loop
fi
start_server() { # $1: serve binary or empty for $BULKHEAD, $2: GLIBC_TUNABLES
  if [ -z "$1" ]; then
    env GLIBC_TUNABLES="$2" "${on_server[@]}" "$BULKHEAD" admission serve --config "$work/bulkhead.toml" --tls-cert "$work/tls.crt" \
      --tls-key "$work/tls.key" --listen 127.0.0.1:$PORT --threads "$THREADS_SERVER" 2>/dev/null &
  else
    env GLIBC_TUNABLES="$2" "${on_server[@]}" "$1" "$work/bulkhead.toml" "$work/tls.crt" "$work/tls.key" 127.0.0.1:$PORT "$THREADS_SERVER" &
  fi
  server_pid=$!
  for _ in $(seq 100); do curl -sk https://127.0.0.1:$PORT/healthz >/dev/null 2>&1 && break; sleep 0.1; done
}
stop_server() { kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null || true; server_pid=; }
rss() { awk '/VmRSS/ {print $2 " kB"}' /proc/$server_pid/status; }
cpu_ticks() { awk '{print $14+$15}' /proc/$server_pid/stat; }
reviews() { curl -sk https://127.0.0.1:$PORT/metrics | awk '/^bulkhead_admission_review_duration_seconds_count/ {print $2}'; }

open_loops() { # the open loops at $RATE/s: open_loop even and Poisson, then h2load
  local rt=
  if [ "$RT" = 1 ]; then
    chrt -a -f -p 10 "$server_pid" >/dev/null; rt="chrt -f 5"
  fi
  for mode in uniform poisson; do
    echo "-- open loop: $RATE reviews/s offered ($mode arrivals) over $CONNS connections, ${SECS} s (open_loop)${rt:+, SCHED_FIFO}"
    "${on_load[@]}" $rt "$OPEN_LOOP" 127.0.0.1:$PORT "$work/review.json" "$RATE" "$CONNS" "$SECS" $mode
  done
  echo "-- open loop: $RATE reviews/s offered over $CONNS connections, ${SECS} s (h2load --rps: synchronised bursts)${rt:+, SCHED_FIFO}"
  rm -f "$work/h2.log"
  "${on_load[@]}" $rt h2load --h1 -c"$CONNS" -t1 --rps=$((RATE / CONNS)) -D "$SECS" -d "$work/review.json" \
    -H 'content-type: application/json' --log-file="$work/h2.log" $url >/dev/null 2>&1 || true
  python3 - "$work/h2.log" "$SECS" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
ok = sorted(int(r[2]) for r in rows if r[1] == "200")
bad = sum(1 for r in rows if r[1] != "200")
if not ok:
    print("no answers"); sys.exit()
p = lambda q: ok[min(len(ok) - 1, int(q * len(ok)))] / 1000
print(f"answered {len(ok) / float(sys.argv[2]):.0f}/s, non-200: {bad}; latency p50 {p(.5):.2f} ms, p90 {p(.9):.2f} ms, p99 {p(.99):.2f} ms, max {ok[-1] / 1000:.1f} ms")
PY
  if [ "$RT" = 1 ]; then chrt -a -o -p 0 "$server_pid" >/dev/null; fi
}

oha_loops() { # the issue's own tool, when installed (`cargo install oha`): closed, then at $RATE/s
  command -v "$OHA" >/dev/null || { echo "-- oha: not installed (cargo install oha), skipped"; return; }
  for q in 0 "$RATE"; do
    if [ "$q" = 0 ]; then
      echo "-- oha closed loop: $CONNS connections, ${SECS} s"; rate=()
    else
      echo "-- oha at $q reviews/s over $CONNS connections, ${SECS} s (--latency-correction: from each request's scheduled time)"
      rate=(-q "$q" --latency-correction)
    fi
    "${on_load[@]}" "$OHA" --no-tui --insecure --output-format json -c "$CONNS" -z "${SECS}s" "${rate[@]}" \
      -m POST -T application/json -D "$work/review.json" $url > "$work/oha.json" || true
    python3 - "$work/oha.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
s, p = r["summary"], r["latencyPercentiles"]
ms = lambda k: f"{1000 * p[k]:.2f} ms" if p.get(k) is not None else "-"
codes = r.get("statusCodeDistribution", {})
print(f"{s['requestsPerSec']:.0f} reviews/s, success rate {s['successRate']:.4f}, status {codes}; "
      f"latency p50 {ms('p50')}, p90 {ms('p90')}, p99 {ms('p99')}, p99.9 {ms('p99.9')}")
PY
  done
}

measure() { # $1: label, $2: serve binary (empty: $BULKHEAD), $3: GLIBC_TUNABLES
  start_server "$2" "$3"
  echo "=== $1"
  "${on_load[@]}" wrk -t"$THREADS" -c"$CONNS" -d5s -s "$work/post.lua" $url >/dev/null   # warm-up
  local t0 n0 t1 n1
  t0=$(cpu_ticks); n0=$(reviews)
  echo "-- closed loop: $CONNS connections, ${SECS} s (wrk)"
  "${on_load[@]}" wrk -t"$THREADS" -c"$CONNS" -d"${SECS}s" --latency -s "$work/post.lua" $url | grep -E "Requests/sec|  50%|  90%|  99%"
  t1=$(cpu_ticks); n1=$(reviews)
  python3 -c "import os; hz=os.sysconf('SC_CLK_TCK'); print(f'server CPU per review: {($t1-$t0)/hz*1e6/($n1-$n0):.1f} us ($((n1-n0)) reviews)')"
  open_loops
  oha_loops
  curl -sk https://127.0.0.1:$PORT/metrics | grep -E '^bulkhead_admission_cache_requests_total' | tr '\n' ' '; echo
  curl -sk https://127.0.0.1:$PORT/metrics | awk '/^bulkhead_admission_review_duration_seconds_(sum|count)/ {v[$1]=$2} END {printf "decision time in the server (wall, histogram mean): %.1f us\n", 1e6*v["bulkhead_admission_review_duration_seconds_sum"]/v["bulkhead_admission_review_duration_seconds_count"]}'
  stop_server
}

echo "review body: $(wc -c < "$work/review.json") bytes; load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
if [ "$PIN" = 1 ]; then
  echo "server on CPU $SERVER_CPUS ($THREADS_SERVER runtime thread(s)), load generators on CPU $LOAD_CPUS; RT=$RT"
else
  echo "nothing pinned (server: one runtime thread per core; wrk: $THREADS threads); RT=$RT"
fi
start_server "${SERVE:-}" "$TUNABLES"
response=$(curl -sk --data-binary @"$work/review.json" -H 'content-type: application/json' $url)
echo "response: ${response:0:400}"
# The review must be admitted with the signature verified: a denial (ADM003 on a signature
# that did not verify, say) would bench a shorter path.
case "$response" in *'"allowed":true'*) ;; *) echo "the bench review was not admitted" >&2; exit 1 ;; esac
curl -sk https://127.0.0.1:$PORT/metrics | grep -E '^bulkhead_admission_cache_requests_total\{cache="signature"'

stop_server
if [ -n "${LOOP:-}" ]; then
  echo "decision alone (review_loop, one thread): $("$LOOP" "$work/bulkhead.toml" "$work/review.json" 20000)"
  echo "decision alone, GLIBC_TUNABLES=$TUNABLES: $(GLIBC_TUNABLES="$TUNABLES" "$LOOP" "$work/bulkhead.toml" "$work/review.json" 20000)"
fi
if [ -n "${LOOP_BEFORE:-}" ]; then
  echo "decision alone, before ($LOOP_BEFORE): $("$LOOP_BEFORE" "$work/bulkhead.toml" "$work/review.json" 20000)"
  echo "decision alone, after again: $("$LOOP" "$work/bulkhead.toml" "$work/review.json" 20000)"
fi
if [ -n "${CALLGRIND:-}" ] && command -v valgrind >/dev/null; then
  for l in ${LOOP_BEFORE:-} $LOOP; do  # instructions per decision: 500 reviews minus 100, / 400
    i=(); for n in 100 500; do
      i+=($(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$l" "$work/bulkhead.toml" "$work/review.json" $n 2>&1 | awk '/Collected/ {print $4}'))
    done
    echo "instructions per decision ($l, callgrind): $(( (i[1] - i[0]) / 400 ))"
  done
fi
[ -n "${SERVE_BEFORE:-}" ] && measure "before: $SERVE_BEFORE, GLIBC_TUNABLES=$TUNABLES_BEFORE" "$SERVE_BEFORE" "$TUNABLES_BEFORE"
measure "after: ${SERVE:-$BULKHEAD}, GLIBC_TUNABLES=$TUNABLES" "${SERVE:-}" "$TUNABLES"
[ -n "${SERVE_BEFORE:-}" ] && measure "before again: $SERVE_BEFORE, GLIBC_TUNABLES=$TUNABLES_BEFORE" "$SERVE_BEFORE" "$TUNABLES_BEFORE"

if [ "$REQUESTS" -gt 0 ]; then
  echo "=== memory over $REQUESTS reviews"
  start_server "${SERVE:-}" "$TUNABLES"
  "${on_load[@]}" wrk -t"$THREADS" -c"$CONNS" -d5s -s "$work/post.lua" $url >/dev/null
  echo "RSS after warm-up ($(reviews) reviews): $(rss)"
  while [ "$(reviews)" -lt "$REQUESTS" ]; do
    "${on_load[@]}" wrk -t"$THREADS" -c"$CONNS" -d30s -s "$work/post.lua" $url | grep -E "Requests/sec" || true
    echo "  $(reviews) reviews, RSS $(rss)"
  done
  echo "RSS after $(reviews) reviews: $(rss)"
  curl -sk https://127.0.0.1:$PORT/metrics | grep -E '^bulkhead_admission_(reviews_total|cache_requests_total\{cache="report")'
  stop_server
fi
