#!/usr/bin/env bash
# Admission webhook throughput and latency: `wrk` (Debian package) against the webhook server
# on 127.0.0.1 over HTTPS, 100 concurrent connections of a realistic Pod CREATE review
# (restricted PSS enforced, every hardening rule selected, registry allow-list, digest required,
# vulnerability report looked up by digest and cached). Reports requests/s, latency
# percentiles, and the server's RSS after warm-up and after REQUESTS reviews (default
# 1,000,000).
#
#   bench/admission.sh            # full run
#   REQUESTS=200000 bench/admission.sh
#
# The server is the `serve` example of bulkhead_admission (the same code as
# `bulkhead admission serve`, without building the whole binary); set BULKHEAD=path/to/bulkhead
# to bench the binary instead, SERVE=path/to/serve to skip the build.
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${REQUESTS:-1000000}
CONNS=${CONNS:-100}
THREADS=${THREADS:-2}
for t in wrk openssl curl; do command -v $t >/dev/null || { echo "missing: $t" >&2; exit 2; }; done

work=$(mktemp -d)
server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/tls.key" \
  -out "$work/tls.crt" -days 1 -subj /CN=localhost -addext subjectAltName=IP:127.0.0.1 2>/dev/null

digest=sha256:$(printf 'a%.0s' $(seq 64))
mkdir -p "$work/reports"
cat > "$work/reports/sha256-$(printf 'a%.0s' $(seq 64)).json" <<JSON
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
allowed = ["registry.example.com/**"]
require-digest = true
[admission.vulnerabilities]
reports = "reports"
fail-on = "critical"
TOML

# A Pod CREATE review as the API server sends it (managedFields and all), compliant with
# restricted, so every check runs to the end.
python3 - "$work/review.json" "$digest" <<'PY'
import json, sys
digest = sys.argv[2]
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
    "containers": [{"name": "web", "image": "registry.example.com/shop/web@" + digest,
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

if [ -n "${BULKHEAD:-}" ]; then
  "$BULKHEAD" admission serve --config "$work/bulkhead.toml" --tls-cert "$work/tls.crt" \
    --tls-key "$work/tls.key" --listen 127.0.0.1:18443 2>/dev/null &
else
  [ -n "${SERVE:-}" ] || { cargo build -q --release -p bulkhead_admission --example serve; SERVE=target/release/examples/serve; }
  "$SERVE" "$work/bulkhead.toml" "$work/tls.crt" "$work/tls.key" 127.0.0.1:18443 &
fi
server_pid=$!
for _ in $(seq 100); do curl -sk https://127.0.0.1:18443/healthz >/dev/null 2>&1 && break; sleep 0.1; done
url=https://127.0.0.1:18443/validate
echo "review body: $(wc -c < "$work/review.json") bytes; response:"
curl -sk --data-binary @"$work/review.json" -H 'content-type: application/json' $url | head -c 600; echo
rss() { awk '/VmRSS/ {print $2 " kB"}' /proc/$server_pid/status; }
reviews() { curl -sk https://127.0.0.1:18443/metrics | awk '/^bulkhead_admission_review_duration_seconds_count/ {print $2}'; }

wrk -t"$THREADS" -c"$CONNS" -d5s -s "$work/post.lua" $url >/dev/null   # warm-up
echo "RSS after warm-up ($(reviews) reviews): $(rss)"
echo "== $CONNS connections, 20 s"
wrk -t"$THREADS" -c"$CONNS" -d20s --latency -s "$work/post.lua" $url
while [ "$(reviews)" -lt "$REQUESTS" ]; do
  wrk -t"$THREADS" -c"$CONNS" -d30s -s "$work/post.lua" $url | grep -E "Requests/sec" || true
done
echo "RSS after $(reviews) reviews: $(rss)"
curl -sk https://127.0.0.1:18443/metrics | awk '/^bulkhead_admission_review_duration_seconds_(sum|count)/ {v[$1]=$2} END {printf "server-side decision time: %.1f us per review (mean)\n", 1e6*v["bulkhead_admission_review_duration_seconds_sum"]/v["bulkhead_admission_review_duration_seconds_count"]}'
curl -sk https://127.0.0.1:18443/metrics | grep -E '^bulkhead_admission_review_duration_seconds_bucket'
echo "== 10 connections, 10 s"
wrk -t"$THREADS" -c10 -d10s --latency -s "$work/post.lua" $url | grep -E "Latency|50%|90%|99%|Requests/sec"
curl -sk https://127.0.0.1:18443/metrics | grep -E '^bulkhead_admission_(reviews_total|cache_requests_total\{cache="report")'
