#!/usr/bin/env python3
"""Builds an OCI layout whose one gzip layer holds N small files (plus a dpkg status and an
os-release), for measuring that bulkhead's peak memory is flat in the number of files:

    python3 bench/image_memory.py 10 /tmp/l10
    python3 bench/image_memory.py 1000000 /tmp/l1m
    /usr/bin/time -f '%M KB' bulkhead sbom /tmp/l10 --no-cache --format table
    /usr/bin/time -f '%M KB' bulkhead sbom /tmp/l1m --no-cache --format table
"""
import gzip, hashlib, io, json, os, sys, tarfile

n, out = int(sys.argv[1]), sys.argv[2]
blobs = os.path.join(out, "blobs", "sha256")
os.makedirs(blobs, exist_ok=True)


def put(b):
    d = hashlib.sha256(b).hexdigest()
    with open(os.path.join(blobs, d), "wb") as f:
        f.write(b)
    return "sha256:" + d, len(b)


raw = io.BytesIO()
with tarfile.open(fileobj=raw, mode="w", format=tarfile.GNU_FORMAT) as t:
    def add(name, data):
        ti = tarfile.TarInfo(name)
        ti.size = len(data)
        t.addfile(ti, io.BytesIO(data))
    add("etc/os-release", b"ID=debian\nVERSION_ID=\"12\"\n")
    add("var/lib/dpkg/status", b"Package: libc6\nStatus: install ok installed\nVersion: 2.36-9\n\n")
    data = b"x" * 16
    for i in range(n):
        add(f"data/{i // 1000:04d}/f{i:07d}", data)
tar = raw.getvalue()
diff_id = "sha256:" + hashlib.sha256(tar).hexdigest()
layer = gzip.compress(tar, compresslevel=1)
ld, ls = put(layer)
cfg = json.dumps({"architecture": "amd64", "os": "linux", "rootfs": {"type": "layers", "diff_ids": [diff_id]}}).encode()
cd, cs = put(cfg)
m = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": cd, "size": cs},
                "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": ld, "size": ls}]}).encode()
md, ms = put(m)
with open(os.path.join(out, "index.json"), "w") as f:
    json.dump({"schemaVersion": 2, "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": md, "size": ms}]}, f)
with open(os.path.join(out, "oci-layout"), "w") as f:
    f.write('{"imageLayoutVersion":"1.0.0"}')
print(f"{out}: {n} files, layer {ls} bytes gzip, {len(tar)} bytes tar")
