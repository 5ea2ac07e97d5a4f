//! `bulkhead key|sign|verify|attest|verify-attestation` against Debian's `docker-registry` on
//! 127.0.0.1 with htpasswd basic auth, images built by `umoci` and pushed by `skopeo`, and an
//! independent implementation of cosign's formats in Python (`sign_interop.py`: `cryptography`
//! + PyNaCl) that must verify what Bulkhead signs and sign what Bulkhead verifies.
//!
//! Under `CI=true` a missing tool or Python module fails the test; elsewhere it is skipped
//! with the reason.

#[path = "../../bulkhead_image/tests/support/real.rs"]
mod real;
#[path = "../../bulkhead_image/tests/support/token.rs"]
mod token;

use bulkhead_image::ScanOptions;
use bulkhead_image::registry::{Client, PushOptions, Reference};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const USER: &str = "signer";
const PASSWORD: &str = "s3cret";

fn ci() -> bool {
    std::env::var("CI").as_deref() == Ok("true")
}

/// Whether the prerequisites are here (tools and the Python modules); fails under CI.
fn ready() -> bool {
    let mut missing: Vec<String> = ["umoci", "skopeo", "docker-registry", "htpasswd", "python3"]
        .iter()
        .filter(|t| !real::have(t))
        .map(|t| t.to_string())
        .collect();
    if missing.is_empty() {
        let ok = Command::new("python3")
            .args(["-c", "import cryptography, nacl"])
            .output()
            .is_ok_and(|o| o.status.success());
        if !ok {
            missing.push("python3 modules cryptography + PyNaCl (.ci/setup.d/sign.sh)".into());
        }
    }
    if missing.is_empty() {
        return true;
    }
    assert!(!ci(), "missing under CI=true: {missing:?}");
    println!("skipped: missing {missing:?}");
    false
}

struct Env {
    reg: real::Registry,
    dir: tempfile::TempDir,
}

impl Env {
    fn start() -> Env {
        let reg = real::start_registry(real::Auth::Basic {
            user: USER.into(),
            password: PASSWORD.into(),
        });
        let dir = tempfile::tempdir().unwrap();
        let dc = dir.path().join("docker");
        std::fs::create_dir_all(&dc).unwrap();
        std::fs::write(
            dc.join("config.json"),
            format!(
                r#"{{"auths":{{"{}":{{"username":"{USER}","password":"{PASSWORD}"}}}}}}"#,
                reg.addr
            ),
        )
        .unwrap();
        Env { reg, dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn image(&self, repo_tag: &str) -> String {
        format!("{}/{repo_tag}", self.reg.addr)
    }

    /// Builds a small two-layer image with umoci (its content differs by `marker`) and pushes
    /// it with skopeo to `repo:tag`.
    fn push(&self, repo: &str, tag: &str, marker: &str) {
        let work = self.path(&format!("build-{repo}-{tag}").replace('/', "_"));
        let rootfs = work.join("rootfs");
        std::fs::create_dir_all(rootfs.join("etc")).unwrap();
        std::fs::write(rootfs.join("etc/marker"), marker).unwrap();
        let layout = work.join("layout");
        real::umoci_image(&layout, tag, &rootfs, |r| {
            std::fs::write(r.join("etc/second"), marker).unwrap();
        });
        real::push(
            &layout,
            tag,
            &self.image(&format!("{repo}:{tag}")),
            Some(&format!("{USER}:{PASSWORD}")),
        );
    }

    fn bulkhead(&self, args: &[&str], password: Option<&str>) -> Output {
        let mut c = Command::new(env!("CARGO_BIN_EXE_bulkhead"));
        c.args(args)
            .current_dir(self.dir.path())
            .env("NO_COLOR", "1")
            .env("DOCKER_CONFIG", self.path("docker"))
            .env_remove("BULKHEAD_PASSWORD")
            .env_remove("COSIGN_PASSWORD")
            .stdin(std::process::Stdio::null());
        if let Some(p) = password {
            c.env("BULKHEAD_PASSWORD", p);
        }
        c.output().unwrap()
    }

    /// `bulkhead` with `--insecure-registry ADDR` appended (the registry is plain HTTP).
    fn bh(&self, args: &[&str], password: Option<&str>) -> Output {
        let mut a: Vec<&str> = args.to_vec();
        a.extend(["--insecure-registry", &self.reg.addr]);
        self.bulkhead(&a, password)
    }

    fn python(&self, args: &[&str]) -> Output {
        Command::new("python3")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sign_interop.py"))
            .args(args)
            .current_dir(self.dir.path())
            .env("REG_USER", USER)
            .env("REG_PASSWORD", PASSWORD)
            .output()
            .unwrap()
    }

    fn py_json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.python(args);
        assert!(
            out.status.success(),
            "python {args:?}: {}",
            text(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }

    fn client(&self, repo: &str) -> Client {
        let r = Reference::parse(&self.image(&format!("{repo}:x"))).unwrap();
        Client::new(
            &r,
            &ScanOptions {
                insecure_registries: vec![self.reg.addr.clone()],
                docker_config_dir: Some(self.path("docker")),
                ..ScanOptions::default()
            },
        )
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// Asserts exit status `code` and that stderr contains `needle`.
fn fails(out: &Output, code: i32, needle: &str) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "stdout: {}\nstderr: {}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(
        text(&out.stderr).contains(needle),
        "stderr lacks {needle:?}: {}",
        text(&out.stderr)
    );
}

fn digest_of(env: &Env, repo_tag: &str) -> String {
    let (repo, tag) = repo_tag.split_once(':').unwrap();
    env.client(repo)
        .manifest_opt(tag)
        .unwrap()
        .unwrap()
        .1
        .digest
}

fn generate(env: &Env, prefix: &str, password: &str) {
    ok(&env.bulkhead(
        &["key", "generate", "--output-key-prefix", prefix],
        Some(password),
    ));
}

#[test]
fn round_trip_with_the_independent_implementation() {
    if !ready() {
        return;
    }
    let env = Env::start();
    env.push("team/app", "v1", "one");
    let image = env.image("team/app:v1");
    let digest = digest_of(&env, "team/app:v1");

    // Bulkhead's key: cosign's encrypted format, private key 0600.
    generate(&env, "bh", "pw");
    let pem = std::fs::read_to_string(env.path("bh.key")).unwrap();
    assert!(pem.starts_with("-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\n"));
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(env.path("bh.key"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);

    // Sign by tag: the digest signed is printed.
    let out = ok(&env.bh(&["sign", "--key", "bh.key", &image], Some("pw")));
    assert_eq!(
        out.lines().next().unwrap(),
        format!("Signed {}/team/app@{digest}", env.reg.addr)
    );

    // The independent implementation verifies it.
    let v = env.py_json(&["verify", &env.reg.addr, "team/app", "v1", "bh.pub"]);
    assert_eq!(v["verified"], 1);
    assert_eq!(v["digest"], digest.as_str());
    assert_eq!(
        v["payloads"][0]["critical"]["identity"]["docker-reference"],
        format!("{}/team/app", env.reg.addr)
    );

    // Python writes its own key (cosign's format) and signs; it keeps Bulkhead's layer.
    env.py_json(&["genkey", "py", "pypw"]);
    let s = env.py_json(&[
        "sign",
        &env.reg.addr,
        "team/app",
        "v1",
        "py.key",
        "pypw",
        "origin=python",
    ]);
    assert_eq!(s["layers"], 2);
    let out = ok(&env.bh(
        &["verify", "--key", "py.pub", "-a", "origin=python", &image],
        None,
    ));
    assert!(out.contains(r#""optional":{"origin":"python"}"#), "{out}");
    // Bulkhead's own signature is still there and verifies; Python's does not with bh.pub.
    let out = ok(&env.bh(&["verify", "--key", "bh.pub", "-f", "json", &image], None));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["layout"], "sig-tag");

    // Bulkhead decrypts the Python-encrypted key and signs by digest; Python verifies both.
    let by_digest = format!("{}/team/app@{digest}", env.reg.addr);
    ok(&env.bh(&["sign", "--key", "py.key", &by_digest], Some("pypw")));
    let v = env.py_json(&["verify", &env.reg.addr, "team/app", &digest, "py.pub"]);
    assert_eq!(v["verified"], 2);

    // Verify's text output: the verified payloads, one per line, byte-exact.
    let out = ok(&env.bh(&["verify", "--key", "bh.pub", &by_digest], None));
    assert_eq!(
        out,
        format!(
            "{{\"critical\":{{\"identity\":{{\"docker-reference\":\"{}/team/app\"}},\"image\":{{\"docker-manifest-digest\":\"{digest}\"}},\"type\":\"cosign container image signature\"}},\"optional\":null}}\n",
            env.reg.addr
        )
    );

    // Attestations both ways.
    std::fs::write(
        env.path("bom.json"),
        r#"{"bomFormat":"CycloneDX","specVersion":"1.6"}"#,
    )
    .unwrap();
    ok(&env.bh(
        &[
            "attest",
            "--key",
            "bh.key",
            "--predicate",
            "bom.json",
            "--type",
            "cyclonedx",
            &image,
        ],
        Some("pw"),
    ));
    let v = env.py_json(&["verify-att", &env.reg.addr, "team/app", "v1", "bh.pub"]);
    assert_eq!(v["verified"], 1);
    assert_eq!(v["predicateTypes"][0], "https://cyclonedx.org/bom");
    std::fs::write(env.path("vuln.json"), r#"{"scanner":{"uri":"x"}}"#).unwrap();
    env.py_json(&[
        "attest",
        &env.reg.addr,
        "team/app",
        "v1",
        "py.key",
        "pypw",
        "https://cosign.sigstore.dev/attestation/vuln/v1",
        "vuln.json",
    ]);
    let out = ok(&env.bh(
        &[
            "verify-attestation",
            "--key",
            "py.pub",
            "--type",
            "vuln",
            "-f",
            "json",
            &image,
        ],
        None,
    ));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["statement"]["predicate"]["scanner"]["uri"], "x");
    // Bulkhead's attestation does not verify with Python's key, and type filters apply.
    fails(
        &env.bh(
            &[
                "verify-attestation",
                "--key",
                "py.pub",
                "--type",
                "cyclonedx",
                &image,
            ],
            None,
        ),
        1,
        "does not verify",
    );
}

#[test]
fn every_importable_key_type_signs_and_verifies_both_ways() {
    if !ready() {
        return;
    }
    let shared =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/conformance/cosign/import");
    if !shared.is_dir() {
        assert!(!ci(), "../shared/conformance/cosign missing under CI=true");
        println!("skipped: ../shared/conformance/cosign not present");
        return;
    }
    let env = Env::start();
    env.push("keys", "v1", "keys");
    let image = env.image("keys:v1");
    let tsv = std::fs::read_to_string(shared.join("../expected.tsv")).unwrap();
    let mut accepted = 0;
    for line in tsv.lines().filter(|l| l.starts_with("import/")) {
        let cols: Vec<&str> = line.split('\t').collect();
        let name = cols[0].trim_start_matches("import/");
        let prefix = name.trim_end_matches(".key");
        let src = shared.join(name);
        let out = env.bulkhead(
            &[
                "key",
                "import",
                src.to_str().unwrap(),
                "--output-key-prefix",
                prefix,
            ],
            Some("imp"),
        );
        if cols[1] == "reject" {
            fails(&out, 2, cols[2]);
            assert!(
                !env.path(&format!("{prefix}.key")).exists(),
                "{name}: partial key file"
            );
            assert!(
                !env.path(&format!("{prefix}.pub")).exists(),
                "{name}: partial key file"
            );
            continue;
        }
        ok(&out);
        accepted += 1;
        let (key, public) = (format!("{prefix}.key"), format!("{prefix}.pub"));
        ok(&env.bh(
            &[
                "sign",
                "--key",
                &key,
                "-a",
                &format!("key={prefix}"),
                &image,
            ],
            Some("imp"),
        ));
        ok(&env.bh(
            &[
                "verify",
                "--key",
                &public,
                "-a",
                &format!("key={prefix}"),
                &image,
            ],
            None,
        ));
        // The independent implementation checks the same signatures with OpenSSL.
        let v = env.py_json(&["verify", &env.reg.addr, "keys", "v1", &public]);
        assert_eq!(v["verified"], 1, "{name}: python verification");
        // And signs with the imported (re-encrypted) key; Bulkhead verifies.
        env.py_json(&[
            "sign",
            &env.reg.addr,
            "keys",
            "v1",
            &key,
            "imp",
            &format!("by=py-{prefix}"),
        ]);
        ok(&env.bh(
            &[
                "verify",
                "--key",
                &public,
                "-a",
                &format!("by=py-{prefix}"),
                &image,
            ],
            None,
        ));
    }
    assert_eq!(accepted, 8);
}

#[test]
fn tampering_fails_verification_with_a_reason() {
    if !ready() {
        return;
    }
    let env = Env::start();
    env.push("app", "v1", "app");
    env.push("other", "v1", "other");
    generate(&env, "k", "pw");
    generate(&env, "wrong", "pw");
    let app = env.image("app:v1");
    ok(&env.bh(&["sign", "--key", "k.key", &app], Some("pw")));
    let digest = digest_of(&env, "app:v1");
    let sig_tag = format!("{}.sig", digest.replacen(':', "-", 1));
    let c = env.client("app");
    let original = c.manifest_opt(&sig_tag).unwrap().unwrap().0;
    let put = |m: &serde_json::Value| {
        c.put_manifest(
            &sig_tag,
            "application/vnd.oci.image.manifest.v1+json",
            &serde_json::to_vec(m).unwrap(),
        )
        .unwrap();
    };
    let restore = || {
        c.put_manifest(
            &sig_tag,
            "application/vnd.oci.image.manifest.v1+json",
            &original,
        )
        .unwrap();
    };
    let m0: serde_json::Value = serde_json::from_slice(&original).unwrap();
    let layer_digest = m0["layers"][0]["digest"].as_str().unwrap().to_string();
    let payload = {
        let mut r = c.blob(&layer_digest, None).unwrap();
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut r, &mut b).unwrap();
        b
    };

    // Wrong key.
    fails(
        &env.bh(&["verify", "--key", "wrong.pub", &app], None),
        1,
        "does not verify",
    );

    // A payload byte changed (stored as a new blob, the manifest updated to point at it).
    let mut changed = payload.clone();
    let pos = changed.iter().position(|b| *b == b'c').unwrap();
    changed[pos] = b'C';
    let (d, _) = c.push_blob(&changed, &PushOptions::default()).unwrap();
    let mut m = m0.clone();
    m["layers"][0]["digest"] = d.clone().into();
    m["layers"][0]["size"] = changed.len().into();
    put(&m);
    fails(
        &env.bh(&["verify", "--key", "k.pub", &app], None),
        1,
        "does not verify",
    );
    restore();

    // A signature byte changed (one base64 character in the middle: still valid base64).
    let sig = m0["layers"][0]["annotations"]["dev.cosignproject.cosign/signature"]
        .as_str()
        .unwrap();
    let mut raw = sig.as_bytes().to_vec();
    let mid = raw.len() / 2;
    raw[mid] = if raw[mid] == b'A' { b'B' } else { b'A' };
    let mut m = m0.clone();
    m["layers"][0]["annotations"]["dev.cosignproject.cosign/signature"] =
        String::from_utf8(raw).unwrap().into();
    put(&m);
    fails(
        &env.bh(&["verify", "--key", "k.pub", &app], None),
        1,
        "does not verify",
    );
    restore();

    // The signature of another image's digest placed under this image's tag.
    let other = env.image("other:v1");
    ok(&env.bh(&["sign", "--key", "k.key", &other], Some("pw")));
    let other_digest = digest_of(&env, "other:v1");
    let oc = env.client("other");
    let other_sig = oc
        .manifest_opt(&format!("{}.sig", other_digest.replacen(':', "-", 1)))
        .unwrap()
        .unwrap()
        .0;
    let om: serde_json::Value = serde_json::from_slice(&other_sig).unwrap();
    for l in om["layers"]
        .as_array()
        .unwrap()
        .iter()
        .chain([&om["config"]])
    {
        let d = l["digest"].as_str().unwrap();
        let mut r = oc.blob(d, None).unwrap();
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut r, &mut b).unwrap();
        c.push_blob(&b, &PushOptions::default()).unwrap();
    }
    put(&om);
    fails(
        &env.bh(&["verify", "--key", "k.pub", &app], None),
        1,
        &format!("signature is for {other_digest}, not for the image's digest {digest}"),
    );
    restore();

    // A signature copied to another repository: the same image (skopeo keeps the digest),
    // the signature's blobs cross-repository mounted, the .sig manifest put there.
    real::run(
        Command::new("skopeo")
            .args([
                "copy",
                "--quiet",
                "--src-tls-verify=false",
                "--dest-tls-verify=false",
            ])
            .arg(format!("--src-creds={USER}:{PASSWORD}"))
            .arg(format!("--dest-creds={USER}:{PASSWORD}"))
            .arg(format!("docker://{app}"))
            .arg(format!("docker://{}", env.image("copy:v1"))),
    );
    let cc = env.client("copy");
    assert_eq!(digest_of(&env, "copy:v1"), digest);
    for l in m0["layers"]
        .as_array()
        .unwrap()
        .iter()
        .chain([&m0["config"]])
    {
        let (_, how) = cc
            .push_blob(
                &{
                    let mut r = c.blob(l["digest"].as_str().unwrap(), None).unwrap();
                    let mut b = Vec::new();
                    std::io::Read::read_to_end(&mut r, &mut b).unwrap();
                    b
                },
                &PushOptions {
                    mount_from: Some("app".into()),
                    ..PushOptions::default()
                },
            )
            .unwrap();
        assert_eq!(how, bulkhead_image::registry::BlobPush::Mounted);
    }
    cc.put_manifest(
        &sig_tag,
        "application/vnd.oci.image.manifest.v1+json",
        &original,
    )
    .unwrap();
    let copy = env.image("copy:v1");
    fails(
        &env.bh(&["verify", "--key", "k.pub", &copy], None),
        1,
        &format!(
            "signature names repository \"{0}/app\", not \"{0}/copy\"",
            env.reg.addr
        ),
    );
    ok(&env.bh(
        &["verify", "--key", "k.pub", "--no-check-reference", &copy],
        None,
    ));

    // A required annotation is missing.
    fails(
        &env.bh(&["verify", "--key", "k.pub", "-a", "env=prod", &app], None),
        1,
        "required annotation env=prod is missing",
    );

    // The .sig manifest points at a blob the registry does not have.
    // The registry refuses manifests naming unknown blobs; delete a pushed one instead.
    let (d, _) = c
        .push_blob(b"doomed payload", &PushOptions::default())
        .unwrap();
    let mut m = m0.clone();
    m["layers"][0]["digest"] = d.clone().into();
    m["layers"][0]["size"] = 14.into();
    put(&m);
    let st = env.py_json(&["delete", &env.reg.addr, "app", "blobs", &d]);
    assert_eq!(st["status"], 202, "blob delete");
    fails(
        &env.bh(&["verify", "--key", "k.pub", &app], None),
        1,
        &format!("blob {d}"),
    );
    restore();

    // After all that, the original still verifies.
    ok(&env.bh(&["verify", "--key", "k.pub", &app], None));
}

#[test]
fn eight_concurrent_signers_keep_every_signature_or_report_the_lost_update() {
    if !ready() {
        return;
    }
    let env = Env::start();
    env.push("busy", "v1", "busy");
    generate(&env, "k", "pw");
    let image = env.image("busy:v1");
    // Odd signers also attach a bundle: the tag-schema fallback index is contended too.
    let children: Vec<_> = (0..8)
        .map(|i| {
            Command::new(env!("CARGO_BIN_EXE_bulkhead"))
                .args(["sign", "--key", "k.key", "-a", &format!("n={i}"), &image])
                .args(if i % 2 == 1 {
                    &["--bundle"][..]
                } else {
                    &[][..]
                })
                .args(["--insecure-registry", &env.reg.addr])
                .current_dir(env.dir.path())
                .env("DOCKER_CONFIG", env.path("docker"))
                .env("BULKHEAD_PASSWORD", "pw")
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut signed = Vec::new();
    for (i, c) in children.into_iter().enumerate() {
        let out = c.wait_with_output().unwrap();
        if out.status.success() {
            signed.push(i);
        } else {
            // A failure is reported, never silent: the lost update, or the registry's error.
            assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
            let err = text(&out.stderr);
            assert!(
                err.contains("lost update") || err.contains("HTTP 5"),
                "{err}"
            );
            println!("signer {i} reported: {err}");
        }
    }
    let out = ok(&env.bh(&["verify", "--key", "k.pub", "-f", "json", &image], None));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut present: Vec<usize> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            s["payload"]["optional"]["n"]
                .as_str()
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect();
    present.sort();
    assert_eq!(
        present, signed,
        "every signer that reported success is in the tag"
    );
    // Every successful bundle signer's referrer is in the fallback index.
    let digest = digest_of(&env, "busy:v1");
    let index = env
        .client("busy")
        .manifest_opt(&digest.replacen(':', "-", 1))
        .unwrap()
        .unwrap()
        .0;
    let index: serde_json::Value = serde_json::from_slice(&index).unwrap();
    let bundles = index["manifests"].as_array().unwrap().len();
    assert_eq!(bundles, signed.iter().filter(|i| *i % 2 == 1).count());
}

#[test]
fn bundle_referrer_with_the_tag_schema_fallback() {
    if !ready() {
        return;
    }
    let env = Env::start();
    env.push("bundled", "v1", "b");
    generate(&env, "k", "pw");
    let image = env.image("bundled:v1");
    let out = ok(&env.bh(
        &[
            "sign",
            "--key",
            "k.key",
            "--bundle",
            "-a",
            "team=x",
            "--chunk-size",
            "100",
            &image,
        ],
        Some("pw"),
    ));
    assert!(out.contains("tag-schema fallback"), "{out}");
    let digest = digest_of(&env, "bundled:v1");
    let c = env.client("bundled");
    let index = c
        .manifest_opt(&digest.replacen(':', "-", 1))
        .unwrap()
        .unwrap()
        .0;
    let index: serde_json::Value = serde_json::from_slice(&index).unwrap();
    assert_eq!(
        index["manifests"][0]["artifactType"],
        "application/vnd.dev.sigstore.bundle.v0.3+json"
    );
    // Remove the .sig tag's manifest: only the bundle is left, and it verifies.
    let sig = c
        .head_manifest(&format!("{}.sig", digest.replacen(':', "-", 1)))
        .unwrap()
        .unwrap();
    let st = env.py_json(&["delete", &env.reg.addr, "bundled", "manifests", &sig.digest]);
    assert_eq!(st["status"], 202, "manifest delete");
    let out = ok(&env.bh(
        &[
            "verify", "--key", "k.pub", "-a", "team=x", "-f", "json", &image,
        ],
        None,
    ));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["layout"], "bundle");
    assert_eq!(v[0]["digest"], digest.as_str());
    generate(&env, "other", "pw");
    fails(
        &env.bh(&["verify", "--key", "other.pub", &image], None),
        1,
        "does not verify",
    );
}

#[test]
fn wrong_password_truncated_pem_and_no_partial_files() {
    if !ready() {
        return;
    }
    let env = Env::start();
    env.push("pw", "v1", "pw");
    generate(&env, "k", "right");
    let image = env.image("pw:v1");
    fails(
        &env.bh(&["sign", "--key", "k.key", &image], Some("wrong")),
        2,
        "decrypt: wrong password or corrupted key",
    );
    let pem = std::fs::read_to_string(env.path("k.key")).unwrap();
    std::fs::write(env.path("cut.key"), &pem[..pem.len() / 2]).unwrap();
    fails(
        &env.bh(&["sign", "--key", "cut.key", &image], Some("right")),
        2,
        "not a cosign encrypted private key",
    );
    let public = std::fs::read_to_string(env.path("k.pub")).unwrap();
    std::fs::write(env.path("cut.pub"), &public[..public.len() - 40]).unwrap();
    fails(
        &env.bh(&["verify", "--key", "cut.pub", &image], None),
        2,
        "loading cut.pub",
    );
    // An image that does not exist: exit 2, said so, for sign and verify.
    let missing = env.image("pw:nope");
    fails(
        &env.bh(&["sign", "--key", "k.key", &missing], Some("right")),
        2,
        "image not found in the registry",
    );
    fails(
        &env.bh(&["verify", "--key", "k.pub", &missing], None),
        2,
        "image not found in the registry",
    );
    // Nothing was signed by the failed attempts.
    fails(
        &env.bh(&["verify", "--key", "k.pub", &image], None),
        1,
        "no signatures found",
    );
    // No terminal and no password variable: refused, nothing written.
    let out = env.bulkhead(&["key", "generate", "--output-key-prefix", "nopw"], None);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(!env.path("nopw.key").exists() && !env.path("nopw.pub").exists());
    // COSIGN_PASSWORD set but empty is an empty password, as cosign takes it.
    let with_cosign_pw = |args: &[&str], pw: &str| {
        Command::new(env!("CARGO_BIN_EXE_bulkhead"))
            .args(args)
            .current_dir(env.dir.path())
            .env("DOCKER_CONFIG", env.path("docker"))
            .env_remove("BULKHEAD_PASSWORD")
            .env("COSIGN_PASSWORD", pw)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap()
    };
    ok(&with_cosign_pw(
        &["key", "generate", "--output-key-prefix", "empty"],
        "",
    ));
    let addr = env.reg.addr.clone();
    ok(&with_cosign_pw(
        &[
            "sign",
            "--key",
            "empty.key",
            "--insecure-registry",
            &addr,
            &image,
        ],
        "",
    ));
    fails(
        &with_cosign_pw(
            &[
                "sign",
                "--key",
                "empty.key",
                "--insecure-registry",
                &addr,
                &image,
            ],
            "x",
        ),
        2,
        "wrong password",
    );
    // An existing key is not overwritten without --force.
    fails(
        &env.bulkhead(&["key", "generate", "--output-key-prefix", "k"], Some("x")),
        2,
        "exists (use --force to overwrite)",
    );
    assert_eq!(std::fs::read_to_string(env.path("k.key")).unwrap(), pem);
}

/// A registry that lies: it serves manifest bytes that do not hash to the digest it announces
/// (or was asked for). No real registry does this on purpose, so this one is a few lines of
/// std TCP on 127.0.0.1.
fn lying_registry(body: Vec<u8>, announced: String) -> (String, std::thread::JoinHandle<()>) {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let handle = std::thread::spawn(move || {
        for _ in 0..2 {
            let Ok((mut s, _)) = listener.accept() else {
                return;
            };
            let mut req = Vec::new();
            let mut buf = [0u8; 1024];
            while !req.windows(4).any(|w| w == b"\r\n\r\n") {
                match s.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => req.extend_from_slice(&buf[..n]),
                }
            }
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.oci.image.manifest.v1+json\r\nDocker-Content-Digest: {announced}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = s.write_all(head.as_bytes());
            let _ = s.write_all(&body);
        }
    });
    (addr, handle)
}

#[test]
fn a_registry_serving_another_manifest_than_the_digest_is_refused() {
    let real = br#"{"schemaVersion":2,"config":{"mediaType":"a","size":1,"digest":"sha256:00"},"layers":[]}"#;
    let served = br#"{"schemaVersion":2,"config":{"mediaType":"b","size":1,"digest":"sha256:00"},"layers":[]}"#;
    let announced = bulkhead_image::oci::sha256_digest(real);
    let dir = tempfile::tempdir().unwrap();
    let key = bulkhead_sign::PrivateKey::generate_p256();
    std::fs::write(dir.path().join("k.pub"), key.public_key().to_pem().unwrap()).unwrap();
    for by_digest in [false, true] {
        let (addr, h) = lying_registry(served.to_vec(), announced.clone());
        let image = if by_digest {
            format!("{addr}/lie@{announced}")
        } else {
            format!("{addr}/lie:v1")
        };
        let out = Command::new(env!("CARGO_BIN_EXE_bulkhead"))
            .args([
                "verify",
                "--key",
                "k.pub",
                "--insecure-registry",
                &addr,
                &image,
            ])
            .current_dir(dir.path())
            .env("DOCKER_CONFIG", dir.path())
            .output()
            .unwrap();
        fails(
            &out,
            2,
            &format!("digest mismatch for manifest http://{addr}/v2/lie/manifests/"),
        );
        fails(&out, 2, &format!("expected {announced}"));
        drop(h);
    }
}

#[test]
fn uploads_monolithic_chunked_and_mounted_and_verify_needs_cosigns_requests() {
    if !ready() {
        return;
    }
    let env = Env::start();
    env.push("up", "v1", "up");
    let c = env.client("up");
    let data: Vec<u8> = (0..10_000u32).map(|i| (i * 7 % 251) as u8).collect();
    let (d, how) = c.push_blob(&data, &PushOptions::default()).unwrap();
    assert_eq!(how, bulkhead_image::registry::BlobPush::Monolithic);
    let (_, how) = c.push_blob(&data, &PushOptions::default()).unwrap();
    assert_eq!(how, bulkhead_image::registry::BlobPush::Existed);
    let chunked: Vec<u8> = data.iter().rev().copied().collect();
    let opts = PushOptions {
        chunk_size: Some(4096),
        ..PushOptions::default()
    };
    let (dc, how) = c.push_blob(&chunked, &opts).unwrap();
    assert_eq!(how, bulkhead_image::registry::BlobPush::Chunked(3));
    let mut back = Vec::new();
    std::io::Read::read_to_end(
        &mut c.blob(&dc, Some(chunked.len() as u64)).unwrap(),
        &mut back,
    )
    .unwrap();
    assert_eq!(back, chunked);
    let other = env.client("up2");
    let mount = PushOptions {
        mount_from: Some("up".into()),
        ..PushOptions::default()
    };
    let (dm, how) = other.push_blob(&data, &mount).unwrap();
    assert_eq!((dm, how), (d, bulkhead_image::registry::BlobPush::Mounted));

    // verify: auth challenge, image manifest, .sig manifest, its one layer = 4 requests
    // (cosign: manifest HEAD, .sig manifest, layers, plus its own auth ping).
    generate(&env, "k", "pw");
    let image = env.image("up:v1");
    ok(&env.bh(&["sign", "--key", "k.key", &image], Some("pw")));
    let out = env.bh(
        &["verify", "--key", "k.pub", "--show-requests", &image],
        None,
    );
    ok(&out);
    assert!(
        text(&out.stderr).contains("http requests: 4\n"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn sbom_attest_signs_and_attaches_the_document_it_wrote() {
    if !ready() {
        return;
    }
    let env = Env::start();
    env.push("sbom", "v1", "sbom");
    generate(&env, "k", "pw");
    let image = env.image("sbom:v1");
    let out = env.bh(
        &[
            "sbom",
            &image,
            "--format",
            "cyclonedx",
            "--no-cache",
            "-o",
            "bom.json",
            "--attest",
            "--key",
            "k.key",
        ],
        Some("pw"),
    );
    ok(&out);
    assert!(
        text(&out.stderr).contains("Attested "),
        "{}",
        text(&out.stderr)
    );
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(env.path("bom.json")).unwrap()).unwrap();
    let out = ok(&env.bh(
        &[
            "verify-attestation",
            "--key",
            "k.pub",
            "--type",
            "cyclonedx",
            "-f",
            "json",
            &image,
        ],
        None,
    ));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    // The attested predicate is the very document written to bom.json.
    assert_eq!(v[0]["statement"]["predicate"], written);
    let p = env.py_json(&["verify-att", &env.reg.addr, "sbom", "v1", "k.pub"]);
    assert_eq!(p["predicateTypes"][0], "https://cyclonedx.org/bom");
    // A format that is no SBOM document cannot be attested.
    fails(
        &env.bh(
            &[
                "sbom", &image, "--format", "table", "--attest", "--key", "k.key",
            ],
            Some("pw"),
        ),
        2,
        "--attest needs --format cyclonedx or spdx",
    );
}

#[test]
fn bearer_token_registry_sign_and_verify() {
    if !ready() {
        return;
    }
    if !real::have("openssl") {
        assert!(!ci(), "openssl missing under CI=true");
        println!("skipped: openssl not installed");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let tokens = token::start(tmp.path(), "tok/app");
    let reg = real::start_registry(real::Auth::Token {
        realm: tokens.realm.clone(),
        cert: tokens.cert.clone(),
    });
    let work = tmp.path().join("build");
    std::fs::create_dir_all(work.join("rootfs/etc")).unwrap();
    std::fs::write(work.join("rootfs/etc/tok"), "tok").unwrap();
    real::umoci_image(&work.join("layout"), "v1", &work.join("rootfs"), |_| {});
    let image = format!("{}/tok/app:v1", reg.addr);
    real::push(&work.join("layout"), "v1", &image, None);
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_bulkhead"))
            .args(args)
            .args(["--insecure-registry", &reg.addr])
            .current_dir(tmp.path())
            .env("DOCKER_CONFIG", tmp.path())
            .env("BULKHEAD_PASSWORD", "pw")
            .output()
            .unwrap()
    };
    ok(&Command::new(env!("CARGO_BIN_EXE_bulkhead"))
        .args(["key", "generate", "--output-key-prefix", "k"])
        .current_dir(tmp.path())
        .env("BULKHEAD_PASSWORD", "pw")
        .output()
        .unwrap());
    tokens.requests.lock().unwrap().clear();
    ok(&run(&["sign", "--key", "k.key", &image]));
    // The token came from the challenge's realm, service and scope (this test token server
    // grants push with any scope; a registry that wants a push scope answers the upload with a
    // new challenge, which the client answers once per request).
    let reqs = tokens.requests.lock().unwrap().clone();
    assert!(
        reqs.iter().all(|r| r.contains("service=bulkhead-registry")) && !reqs.is_empty(),
        "{reqs:?}"
    );
    ok(&run(&["verify", "--key", "k.pub", &image]));
}

#[test]
fn image_attest_signs_the_vulnerability_report_it_printed() {
    if !ready() {
        return;
    }
    let shared =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/advisories/alpine-secdb-2020");
    if !shared.is_dir() {
        assert!(!ci(), "../shared/advisories missing under CI=true");
        println!("skipped: ../shared/advisories not present");
        return;
    }
    let env = Env::start();
    env.push("scanned", "v1", "scanned");
    generate(&env, "k", "pw");
    ok(&env.bulkhead(
        &["db", "import", "--db", "adv.db", shared.to_str().unwrap()],
        None,
    ));
    let image = env.image("scanned:v1");
    let out = env.bh(
        &[
            "image",
            &image,
            "--db",
            "adv.db",
            "--no-cache",
            "-f",
            "json",
            "--attest",
            "--key",
            "k.key",
        ],
        Some("pw"),
    );
    assert_ne!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("Attested "),
        "{}",
        text(&out.stderr)
    );
    // Standard output is the report alone, and it is what was attested.
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let v: serde_json::Value = serde_json::from_str(&ok(&env.bh(
        &[
            "verify-attestation",
            "--key",
            "k.pub",
            "--type",
            "vuln",
            "-f",
            "json",
            &image,
        ],
        None,
    )))
    .unwrap();
    assert_eq!(v[0]["statement"]["predicate"]["scanner"]["result"], printed);
    assert_eq!(
        v[0]["predicate_type"],
        "https://cosign.sigstore.dev/attestation/vuln/v1"
    );
    fails(
        &env.bh(
            &[
                "image", &image, "--db", "adv.db", "--attest", "--key", "k.key",
            ],
            Some("pw"),
        ),
        2,
        "--attest signs the JSON report",
    );
}

#[test]
fn tls_is_verified_for_signing_and_verifying() {
    if !ready() {
        return;
    }
    if !real::have("openssl") {
        assert!(!ci(), "openssl missing under CI=true");
        println!("skipped: openssl not installed");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let (cert, key) = (tmp.path().join("cert.pem"), tmp.path().join("key.pem"));
    real::run(
        Command::new("openssl")
            .args([
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            ])
            .args([
                "-subj",
                "/CN=127.0.0.1",
                "-addext",
                "subjectAltName=IP:127.0.0.1",
            ])
            .arg("-keyout")
            .arg(&key)
            .arg("-out")
            .arg(&cert),
    );
    let reg = real::start_registry(real::Auth::Tls { cert, key });
    write_keys(tmp.path());
    let image = format!("{}/tls/app:v1", reg.addr);
    for args in [
        vec!["sign", "--key", "k.key", image.as_str()],
        vec!["verify", "--key", "k.pub", image.as_str()],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_bulkhead"))
            .args(&args)
            .current_dir(tmp.path())
            .env("DOCKER_CONFIG", tmp.path())
            .env("BULKHEAD_PASSWORD", "pw")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
        let err = text(&out.stderr).to_lowercase();
        assert!(
            err.contains("https://") && (err.contains("certificate") || err.contains("issuer")),
            "{err}"
        );
    }
}

/// A key pair (`k.key`, password `pw`, and `k.pub`) written straight by the library.
fn write_keys(dir: &Path) {
    let key = bulkhead_sign::PrivateKey::generate_p256();
    let pem = bulkhead_sign::encrypted::encrypt_with(&key, b"pw", 1024, 8, 1).unwrap();
    std::fs::write(dir.join("k.key"), pem).unwrap();
    std::fs::write(dir.join("k.pub"), key.public_key().to_pem().unwrap()).unwrap();
}
