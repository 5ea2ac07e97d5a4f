#!/usr/bin/env bash
# Advisory figures: import of ../shared/advisories, store open, matching 1,000 packages,
# full rescan of a cached image, store size per record.
set -euo pipefail
cd "$(dirname "$0")/.."
S=../shared/advisories
[ -d "$S" ] || { echo "skipped: ../shared not found"; exit 0; }
cargo build --release -q -p bulkhead
cargo build --release -q -p bulkhead_advisory --example advisory_bench
B=target/release/bulkhead
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
best=999999
for i in 1 2 3; do
  rm -f "$T/a.db"
  s=$(date +%s%N)
  $B db import --db "$T/a.db" "$S/go-vulndb/osv" "$S/rustsec-osv/crates" "$S/alpine-secdb-2020" >/dev/null 2>&1
  ms=$(( ($(date +%s%N) - s) / 1000000 )); if [ "$ms" -lt "$best" ]; then best=$ms; fi
done
echo "import all of ../shared/advisories (5,515 files): best of 3 ${best} ms (target 2000 ms)"
target/release/examples/advisory_bench "$T/a.db"
# A docker-archive: the Alpine 3.11 rootfs fixture plus a Cargo.lock, one layer each.
python3 - "$T/img.tar" crates/bulkhead_advisory/tests/fixtures <<'PY'
import hashlib, io, json, os, sys, tarfile
out, fx = sys.argv[1], sys.argv[2]
def layer(root, prefix=""):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.GNU_FORMAT) as t:
        for d, _, files in os.walk(root):
            for f in sorted(files):
                p = os.path.join(d, f)
                t.add(p, arcname=prefix + os.path.relpath(p, root))
    return buf.getvalue()
layers = [layer(fx + "/rootfs-alpine-3.11"), layer(fx + "/cargo-project", "app/")]
ids = ["sha256:" + hashlib.sha256(l).hexdigest() for l in layers]
cfg = json.dumps({"architecture": "amd64", "os": "linux", "config": {},
  "rootfs": {"type": "layers", "diff_ids": ids},
  "history": [{"created_by": "ADD rootfs /"}, {"created_by": "COPY app /app"}]}).encode()
cfg_name = hashlib.sha256(cfg).hexdigest() + ".json"
with tarfile.open(out, "w") as t:
    def add(name, data):
        i = tarfile.TarInfo(name); i.size = len(data); t.addfile(i, io.BytesIO(data))
    add(cfg_name, cfg)
    for n, l in enumerate(layers):
        add(f"l{n}/layer.tar", l)
    add("manifest.json", json.dumps([{"Config": cfg_name, "RepoTags": ["bench:1"],
        "Layers": [f"l{n}/layer.tar" for n in range(len(layers))]}]).encode())
PY
$B image --db "$T/a.db" --cache-dir "$T/cache" "docker-archive:$T/img.tar" >/dev/null 2>&1 || true
best=999999
for i in 1 2 3 4 5; do
  s=$(date +%s%N)
  $B image --db "$T/a.db" --cache-dir "$T/cache" "docker-archive:$T/img.tar" >/dev/null 2>&1 || true
  ms=$(( ($(date +%s%N) - s) / 1000000 )); if [ "$ms" -lt "$best" ]; then best=$ms; fi
done
echo "full rescan of a cached image (process start to report): best of 5 ${best} ms (target 150 ms)"
$B image --db "$T/a.db" --cache-dir "$T/cache" "docker-archive:$T/img.tar" || true
