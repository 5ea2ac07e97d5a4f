#!/usr/bin/env python3
"""An independent implementation of cosign's key-based signing, written for Bulkhead's tests
from the published specifications only (cosign's SIGNATURE_SPEC and key format, the DSSE
protocol, the in-toto Statement v1, the OCI distribution API): Python's `cryptography`
(ECDSA/RSA/Ed25519, scrypt, key encodings) and PyNaCl (nacl/secretbox), with the standard
library's urllib as the registry client (basic auth, plain HTTP on 127.0.0.1).

Why these: they are maintained bindings to audited primitives (OpenSSL, libsodium), entirely
separate from the RustCrypto code under test, installable from PyPI in seconds, and need no
async runtime or ~400 crates as the `sigstore` crate would.

Commands (all print one JSON object on stdout):
  genkey  PREFIX PASSWORD                    cosign-format encrypted P-256 key pair
  sign    REGISTRY REPO REF KEY PASSWORD [k=v ...]   add a signature to the .sig tag
  verify  REGISTRY REPO REF PUB              verify the .sig tag layers (exit 1 if none)
  attest  REGISTRY REPO REF KEY PASSWORD PREDICATE_TYPE PREDICATE_FILE
  verify-att REGISTRY REPO REF PUB           verify the .att tag envelopes (exit 1 if none)
Credentials: REG_USER / REG_PASSWORD environment variables (basic auth).
"""
import base64
import hashlib
import json
import os
import sys
import urllib.error
import urllib.request

import nacl.secret
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json"
ACCEPT = ", ".join([
    OCI_MANIFEST,
    "application/vnd.oci.image.index.v1+json",
    "application/vnd.docker.distribution.manifest.v2+json",
    "application/vnd.docker.distribution.manifest.list.v2+json",
])
SIMPLE_SIGNING = "application/vnd.dev.cosign.simplesigning.v1+json"
DSSE = "application/vnd.dsse.envelope.v1+json"
SIG_ANNOTATION = "dev.cosignproject.cosign/signature"


def b64(b):
    return base64.b64encode(b).decode()


def cj(o):
    """Compact JSON bytes, as Go's encoding/json writes them (cosign's payloads)."""
    return json.dumps(o, separators=(",", ":")).encode()


def sha256(b):
    return "sha256:" + hashlib.sha256(b).hexdigest()


class Registry:
    def __init__(self, host, repo):
        self.base = f"http://{host}/v2/{repo}"
        user, pw = os.environ.get("REG_USER"), os.environ.get("REG_PASSWORD")
        self.auth = "Basic " + b64(f"{user}:{pw}".encode()) if user else None

    def req(self, method, url, body=None, headers=None):
        if not url.startswith("http"):
            url = self.base + url
        r = urllib.request.Request(url, data=body, method=method, headers=headers or {})
        if self.auth:
            r.add_header("Authorization", self.auth)
        try:
            with urllib.request.urlopen(r) as resp:
                return resp.status, dict(resp.headers), resp.read()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read()

    def manifest(self, ref):
        st, h, body = self.req("GET", f"/manifests/{ref}", headers={"Accept": ACCEPT})
        if st == 404:
            return None
        assert st == 200, (st, body)
        return body

    def blob(self, digest):
        st, _, body = self.req("GET", f"/blobs/{digest}")
        if st != 200:
            raise LookupError(f"blob {digest}: HTTP {st}")
        if sha256(body) != digest:
            raise ValueError(f"blob {digest}: digest mismatch")
        return body

    def push_blob(self, data):
        d = sha256(data)
        st, _, _ = self.req("HEAD", f"/blobs/{d}")
        if st == 200:
            return d
        st, h, body = self.req("POST", "/blobs/uploads/", body=b"")
        assert st == 202, (st, body)
        loc = h.get("Location") or h.get("location")
        if loc.startswith("/"):
            loc = self.base.split("/v2/")[0] + loc
        sep = "&" if "?" in loc else "?"
        st, _, body = self.req("PUT", f"{loc}{sep}digest={d}", body=data,
                               headers={"Content-Type": "application/octet-stream"})
        assert st == 201, (st, body)
        return d

    def put_manifest(self, ref, body, media_type=OCI_MANIFEST):
        st, _, resp = self.req("PUT", f"/manifests/{ref}", body=body,
                               headers={"Content-Type": media_type})
        assert st == 201, (st, resp)


def load_encrypted_key(path, password):
    """cosign's encrypted key: PEM around JSON {kdf: scrypt, cipher: nacl/secretbox}."""
    text = open(path).read().replace("\r\n", "\n")
    lines = [l for l in text.strip().split("\n") if not l.startswith("-----")]
    env = json.loads(base64.b64decode("".join(lines)))
    assert env["kdf"]["name"] == "scrypt" and env["cipher"]["name"] == "nacl/secretbox"
    p = env["kdf"]["params"]
    key = Scrypt(salt=base64.b64decode(env["kdf"]["salt"]), length=32, n=p["N"], r=p["r"],
                 p=p["p"]).derive(password.encode())
    der = nacl.secret.SecretBox(key).decrypt(base64.b64decode(env["ciphertext"]),
                                             base64.b64decode(env["cipher"]["nonce"]))
    return serialization.load_der_private_key(der, password=None)


def sign_bytes(priv, msg):
    if isinstance(priv, ec.EllipticCurvePrivateKey):
        h = {256: hashes.SHA256(), 384: hashes.SHA384(), 521: hashes.SHA512()}[priv.curve.key_size]
        return priv.sign(msg, ec.ECDSA(h))
    if isinstance(priv, rsa.RSAPrivateKey):
        return priv.sign(msg, padding.PKCS1v15(), hashes.SHA256())
    return priv.sign(msg)


def verify_bytes(pub, msg, sig):
    try:
        if isinstance(pub, ec.EllipticCurvePublicKey):
            h = {256: hashes.SHA256(), 384: hashes.SHA384(), 521: hashes.SHA512()}[pub.curve.key_size]
            pub.verify(sig, msg, ec.ECDSA(h))
        elif isinstance(pub, rsa.RSAPublicKey):
            pub.verify(sig, msg, padding.PKCS1v15(), hashes.SHA256())
        else:
            pub.verify(sig, msg)
        return True
    except InvalidSignature:
        return False


def pae(payload_type, payload):
    t = payload_type.encode()
    return b"DSSEv1 %d %s %d %s" % (len(t), t, len(payload), payload)


def resolve(reg, ref):
    body = reg.manifest(ref)
    assert body is not None, f"{ref}: not found"
    d = sha256(body)
    if ref.startswith("sha256:"):
        assert d == ref, "manifest digest mismatch"
    return d


def append_layer(reg, tag, content, media_type, annotations):
    d = reg.push_blob(content)
    cur = reg.manifest(tag)
    m = json.loads(cur) if cur else {"schemaVersion": 2, "mediaType": OCI_MANIFEST, "layers": []}
    m["layers"].append({"mediaType": media_type, "size": len(content), "digest": d,
                        "annotations": annotations})
    cfg = cj({"architecture": "", "os": "", "config": {},
                      "rootfs": {"type": "layers",
                                 "diff_ids": [l["digest"] for l in m["layers"]]}})
    m["config"] = {"mediaType": "application/vnd.oci.image.config.v1+json", "size": len(cfg),
                   "digest": reg.push_blob(cfg)}
    reg.put_manifest(tag, cj(m))
    return len(m["layers"])


def main(argv):
    cmd = argv[0]
    if cmd == "genkey":
        prefix, password = argv[1], argv[2]
        priv = ec.generate_private_key(ec.SECP256R1())
        der = priv.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                 serialization.NoEncryption())
        salt, nonce = os.urandom(32), os.urandom(24)
        key = Scrypt(salt=salt, length=32, n=32768, r=8, p=1).derive(password.encode())
        ct = nacl.secret.SecretBox(key).encrypt(der, nonce).ciphertext
        env = {"kdf": {"name": "scrypt", "params": {"N": 32768, "r": 8, "p": 1}, "salt": b64(salt)},
               "cipher": {"name": "nacl/secretbox", "nonce": b64(nonce)}, "ciphertext": b64(ct)}
        body = b64(cj(env))
        pem = "-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\n"
        pem += "\n".join(body[i:i + 64] for i in range(0, len(body), 64))
        pem += "\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----\n"
        open(prefix + ".key", "w").write(pem)
        open(prefix + ".pub", "wb").write(priv.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
        print(json.dumps({"written": [prefix + ".key", prefix + ".pub"]}))
        return 0
    host, repo, ref = argv[1], argv[2], argv[3]
    reg = Registry(host, repo)
    if cmd == "delete":  # test helper: delete a manifest or blob by digest (ref: manifests|blobs)
        st, _, _ = reg.req("DELETE", f"/{ref}/{argv[4]}")
        print(json.dumps({"status": st}))
        return 0
    digest = resolve(reg, ref)
    identity = f"{host}/{repo}"
    if cmd == "sign":
        priv = load_encrypted_key(argv[4], argv[5])
        ann = dict(a.split("=", 1) for a in argv[6:])
        payload = cj({"critical": {"identity": {"docker-reference": identity},
                                           "image": {"docker-manifest-digest": digest},
                                           "type": "cosign container image signature"},
                              "optional": ann or None})
        sig = b64(sign_bytes(priv, payload))
        n = append_layer(reg, digest.replace(":", "-") + ".sig", payload, SIMPLE_SIGNING,
                         {SIG_ANNOTATION: sig})
        print(json.dumps({"digest": digest, "layers": n}))
        return 0
    if cmd == "attest":
        priv = load_encrypted_key(argv[4], argv[5])
        ptype, predicate = argv[6], json.load(open(argv[7]))
        st = cj({"_type": "https://in-toto.io/Statement/v1",
                         "subject": [{"name": identity, "digest": {"sha256": digest[7:]}}],
                         "predicateType": ptype, "predicate": predicate})
        ptype_dsse = "application/vnd.in-toto+json"
        env = {"payloadType": ptype_dsse, "payload": b64(st),
               "signatures": [{"keyid": "", "sig": b64(sign_bytes(priv, pae(ptype_dsse, st)))}]}
        n = append_layer(reg, digest.replace(":", "-") + ".att", cj(env), DSSE,
                         {SIG_ANNOTATION: "", "predicateType": ptype})
        print(json.dumps({"digest": digest, "layers": n}))
        return 0
    pub = serialization.load_pem_public_key(open(argv[4], "rb").read())
    if cmd == "verify":
        body = reg.manifest(digest.replace(":", "-") + ".sig")
        ok, payloads = 0, []
        for layer in (json.loads(body)["layers"] if body else []):
            if layer["mediaType"] != SIMPLE_SIGNING:
                continue
            payload = reg.blob(layer["digest"])
            sig = base64.b64decode(layer["annotations"][SIG_ANNOTATION])
            doc = json.loads(payload)
            if verify_bytes(pub, payload, sig) and \
                    doc["critical"]["image"]["docker-manifest-digest"] == digest and \
                    doc["critical"]["type"] == "cosign container image signature":
                ok += 1
                payloads.append(doc)
        print(json.dumps({"digest": digest, "verified": ok, "payloads": payloads}))
        return 0 if ok else 1
    if cmd == "verify-att":
        body = reg.manifest(digest.replace(":", "-") + ".att")
        ok, types = 0, []
        for layer in (json.loads(body)["layers"] if body else []):
            env = json.loads(reg.blob(layer["digest"]))
            payload = base64.b64decode(env["payload"])
            if not any(verify_bytes(pub, pae(env["payloadType"], payload), base64.b64decode(s["sig"]))
                       for s in env["signatures"]):
                continue
            st = json.loads(payload)
            if any(s["digest"].get("sha256") == digest[7:] for s in st["subject"]):
                ok += 1
                types.append(st["predicateType"])
        print(json.dumps({"digest": digest, "verified": ok, "predicateTypes": types}))
        return 0 if ok else 1
    raise SystemExit(f"unknown command {cmd}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
