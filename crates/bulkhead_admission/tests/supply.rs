//! Signatures, tag pinning and vulnerability reports against real components: Debian's
//! `docker-registry` on 127.0.0.1, two images built with `umoci` and pushed with `skopeo`, one
//! signed with `bulkhead_sign` (cosign's layout). Signed admitted, unsigned denied; cached
//! verdicts survive the registry being stopped; uncached ones then follow the failure policy;
//! a registry that accepts connections and never answers is cut at the time budget.

mod support;

use bulkhead_admission::{Endpoint, Engine, Policy};
use serde_json::{Value, json};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use support::{create_review, tool};

fn run(c: &mut Command) {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{c:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

struct Registry {
    child: Child,
    addr: String,
    _dir: tempfile::TempDir,
}

impl Registry {
    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Registry {
    fn drop(&mut self) {
        self.stop();
    }
}

fn start_registry() -> Registry {
    let dir = tempfile::tempdir().unwrap();
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let addr = format!("127.0.0.1:{port}");
    let cfg = dir.path().join("config.yml");
    std::fs::write(
        &cfg,
        format!(
            "version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: {}\nhttp:\n  addr: {addr}\n",
            dir.path().join("data").display()
        ),
    )
    .unwrap();
    let child = Command::new("docker-registry")
        .arg("serve")
        .arg(&cfg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while std::net::TcpStream::connect(&addr).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "registry did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Registry {
        child,
        addr,
        _dir: dir,
    }
}

/// An image with one file of `content`, pushed to `dest` (`host/repo:tag`).
fn push_image(work: &Path, name: &str, content: &str, dest: &str) {
    let layout = work.join(format!("layout-{name}"));
    let image = format!("{}:v1", layout.display());
    run(Command::new("umoci")
        .args(["init", "--layout"])
        .arg(&layout));
    run(Command::new("umoci").args(["new", "--image", &image]));
    let bundle = work.join(format!("bundle-{name}"));
    run(Command::new("umoci")
        .args(["unpack", "--rootless", "--image", &image])
        .arg(&bundle));
    std::fs::write(bundle.join("rootfs/app.txt"), content).unwrap();
    run(Command::new("umoci")
        .args(["repack", "--image", &image])
        .arg(&bundle));
    run(Command::new("skopeo")
        .args(["copy", "--quiet", "--dest-tls-verify=false"])
        .arg(format!("oci:{}:v1", layout.display()))
        .arg(format!("docker://{dest}")));
}

fn pod_review(uid: &str, image: &str) -> Vec<u8> {
    let pod = json!({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": uid},
        "spec": {"containers": [{"name": "app", "image": image}]}});
    serde_json::to_vec(&create_review(uid, "default", &pod)).unwrap()
}

fn answer(e: &Engine, uid: &str, image: &str) -> Value {
    let out = e
        .review(&pod_review(uid, image), Endpoint::Validate)
        .unwrap();
    let v: Value = serde_json::from_slice(&out.body).unwrap();
    v["response"].clone()
}

fn engine(dir: &Path, cfg: &str) -> Engine {
    let c = bulkhead_config::parse(Path::new("bulkhead.toml"), cfg).unwrap();
    Engine::new(Policy::from_config(&c.admission, dir).unwrap())
}

#[test]
fn signed_admitted_unsigned_denied_and_the_failure_policy_when_the_registry_stops() {
    for t in ["docker-registry", "umoci", "skopeo"] {
        if tool(t).is_none() {
            return;
        }
    }
    let work = tempfile::tempdir().unwrap();
    let mut reg = start_registry();
    let a = reg.addr.clone();
    push_image(
        work.path(),
        "signed",
        "signed build",
        &format!("{a}/team/app:1.0"),
    );
    push_image(
        work.path(),
        "unsigned",
        "hand-pushed build",
        &format!("{a}/team/other:1.0"),
    );
    push_image(
        work.path(),
        "late",
        "never seen before the outage",
        &format!("{a}/team/late:1.0"),
    );

    // sign team/app:1.0 (cosign's .sig layout) with a fresh P-256 key
    let key = bulkhead_sign::PrivateKey::generate_p256();
    std::fs::write(
        work.path().join("cosign.pub"),
        key.public_key().to_pem().unwrap(),
    )
    .unwrap();
    let opts = bulkhead_image::ScanOptions {
        insecure_registries: vec![a.clone()],
        ..Default::default()
    };
    let reference = format!("{a}/team/app:1.0");
    let r = bulkhead_image::registry::Reference::parse(&reference).unwrap();
    let client = bulkhead_image::registry::Client::new(&r, &opts);
    let signed = bulkhead_sign::sign_image(&client, &reference, &key, &Default::default()).unwrap();
    let digest = signed.target.digest.clone();

    let cfg = |fp: &str| {
        format!(
            "[admission]\ntimeout-ms = 5000\n[admission.hardening]\nignore = [\"ALL\"]\n\
             [admission.signatures]\nfailure-policy = \"{fp}\"\ninsecure-registries = [\"{a}\"]\n\
             [[admission.signatures.policy]]\nimages = [\"{a}/team/**\"]\nkeys = [\"cosign.pub\"]\n"
        )
    };
    let fail = engine(work.path(), &cfg("fail"));
    let ignore = engine(work.path(), &cfg("ignore"));

    // by tag (resolved through the registry) and by digest
    let r1 = answer(&fail, "signed-tag", &format!("{a}/team/app:1.0"));
    assert_eq!(r1["allowed"], true, "{r1}");
    let r2 = answer(&fail, "signed-digest", &format!("{a}/team/app@{digest}"));
    assert_eq!(r2["allowed"], true, "{r2}");
    let r3 = answer(&fail, "unsigned", &format!("{a}/team/other:1.0"));
    assert_eq!(r3["allowed"], false, "{r3}");
    let msg = r3["status"]["message"].as_str().unwrap();
    assert!(
        msg.starts_with(&format!(
            "pods \"unsigned\" is forbidden: ADM003: image \"{a}/team/other:1.0\" has no valid signature by a trusted key: no signatures found for {a}/team/other@sha256:"
        )),
        "{msg}"
    );
    assert_eq!(r3["auditAnnotations"]["violations"], "ADM003");
    // an image no policy entry matches needs no signature
    let r4 = answer(
        &fail,
        "elsewhere",
        "docker.io/library/busybox@sha256:0000000000000000000000000000000000000000000000000000000000000000",
    );
    assert_eq!(r4["allowed"], true, "{r4}");
    // the same image signed by another key is not trusted
    let other = bulkhead_sign::PrivateKey::generate_p256();
    std::fs::write(
        work.path().join("other.pub"),
        other.public_key().to_pem().unwrap(),
    )
    .unwrap();
    let strangers = engine(
        work.path(),
        &cfg("fail").replace("keys = [\"cosign.pub\"]", "keys = [\"other.pub\"]"),
    );
    let r5 = answer(&strangers, "wrong-key", &format!("{a}/team/app@{digest}"));
    assert_eq!(r5["allowed"], false, "{r5}");

    // the registry goes away
    reg.stop();
    // verdicts already cached by digest still answer, without the registry
    let r6 = answer(&fail, "cached", &format!("{a}/team/app@{digest}"));
    assert_eq!(r6["allowed"], true, "{r6}");
    let m = fail
        .metrics
        .render(&fail.supply.stats, fail.supply.cache_sizes());
    assert!(
        m.contains("bulkhead_admission_cache_requests_total{cache=\"signature\",result=\"hit\"} 2"),
        "{m}"
    );
    // What the server answers on its I/O threads: cached verdicts, while the registry is
    // gone, and nothing that would need the registry (nor counts it).
    let cached = fail
        .review_cached(
            &pod_review("io-cached", &format!("{a}/team/app@{digest}")),
            Endpoint::Validate,
        )
        .expect("answered from the caches")
        .unwrap();
    let v: Value = serde_json::from_slice(&cached.body).unwrap();
    assert_eq!(v["response"]["allowed"], true, "{v}");
    assert!(
        fail.review_cached(
            &pod_review("io-late", &format!("{a}/team/late:1.0")),
            Endpoint::Validate
        )
        .is_none()
    );
    let m = fail
        .metrics
        .render(&fail.supply.stats, fail.supply.cache_sizes());
    for line in [
        "bulkhead_admission_cache_requests_total{cache=\"signature\",result=\"hit\"} 3",
        "bulkhead_admission_cache_requests_total{cache=\"signature\",result=\"miss\"} 2",
        "bulkhead_admission_cache_requests_total{cache=\"digest\",result=\"miss\"} 2",
    ] {
        assert!(m.contains(line), "{line}\n{m}");
    }
    // an image never seen: failure-policy decides
    let late = format!("{a}/team/late:1.0");
    let r7 = answer(&fail, "late-fail", &late);
    assert_eq!(r7["allowed"], false, "{r7}");
    assert!(
        r7["status"]["message"]
            .as_str()
            .unwrap()
            .contains("ADM005: signature of"),
        "{r7}"
    );
    let r8 = answer(&ignore, "late-ignore", &late);
    assert_eq!(r8["allowed"], true, "{r8}");
    assert!(
        r8["warnings"][0]
            .as_str()
            .unwrap()
            .starts_with("ADM005: signature of"),
        "{r8}"
    );
}

#[test]
fn a_registry_that_never_answers_is_cut_at_the_time_budget() {
    // accepts connections, never answers
    let hole = TcpListener::bind("127.0.0.1:0").unwrap();
    let a = hole.local_addr().unwrap().to_string();
    let held = std::thread::spawn(move || {
        let mut conns = Vec::new();
        while let Ok((c, _)) = hole.accept() {
            conns.push(c);
            if conns.len() > 4 {
                break;
            }
        }
    });
    let work = tempfile::tempdir().unwrap();
    let key = bulkhead_sign::PrivateKey::generate_p256();
    std::fs::write(
        work.path().join("cosign.pub"),
        key.public_key().to_pem().unwrap(),
    )
    .unwrap();
    let e = engine(
        work.path(),
        &format!(
            "[admission]\ntimeout-ms = 300\n[admission.hardening]\nignore = [\"ALL\"]\n\
             [admission.signatures]\ninsecure-registries = [\"{a}\"]\n\
             [[admission.signatures.policy]]\nimages = [\"**\"]\nkeys = [\"cosign.pub\"]\n"
        ),
    );
    let r = answer(&e, "hole", &format!("{a}/x/y:1"));
    assert_eq!(r["allowed"], false, "{r}");
    assert!(
        r["status"]["message"]
            .as_str()
            .unwrap()
            .contains("time budget exhausted waiting for the registry"),
        "{r}"
    );
    drop(held);
}

#[test]
fn vulnerability_reports_by_digest() {
    let work = tempfile::tempdir().unwrap();
    let reports = work.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    let d = |c: char| format!("sha256:{}", c.to_string().repeat(64));
    // the shape `bulkhead image --format json` writes (only id and severity are read)
    let report = |vulns: Value| json!({"version": 1, "source": "x", "vulnerabilities": vulns});
    std::fs::write(
        reports.join(format!("sha256-{}.json", "a".repeat(64))),
        report(
            json!([{"id": "CVE-2024-0001", "severity": "critical", "package": "openssl"},
                      {"id": "CVE-2024-0002", "severity": "low", "package": "zlib"}]),
        )
        .to_string(),
    )
    .unwrap();
    std::fs::write(
        reports.join(format!("sha256-{}.json", "b".repeat(64))),
        report(json!([{"id": "CVE-2024-0003", "severity": "high", "package": "curl"}])).to_string(),
    )
    .unwrap();
    let cfg = |unknown: &str| {
        format!(
            "[admission.hardening]\nignore = [\"ALL\"]\n[admission.vulnerabilities]\nreports = \"reports\"\n\
             fail-on = \"critical\"\nunknown = \"{unknown}\"\n"
        )
    };
    let e = engine(work.path(), &cfg("deny"));
    let img = |c: char| format!("registry.example.com/app@{}", d(c));
    let r = answer(&e, "crit", &img('a'));
    assert_eq!(r["allowed"], false);
    assert_eq!(
        r["status"]["message"],
        "pods \"crit\" is forbidden: ADM004: image \"registry.example.com/app\" has 1 vulnerabilities at critical or above (CVE-2024-0001)"
    );
    assert_eq!(answer(&e, "high", &img('b'))["allowed"], true);
    let r = answer(&e, "none", &img('c'));
    assert_eq!(r["allowed"], false);
    assert!(
        r["status"]["message"]
            .as_str()
            .unwrap()
            .ends_with("has no scan report"),
        "{r}"
    );
    let w = engine(work.path(), &cfg("warn"));
    let r = answer(&w, "none", &img('c'));
    assert_eq!(r["allowed"], true);
    assert_eq!(
        r["warnings"][0],
        "ADM004: image \"registry.example.com/app@sha256:cccccccccccc\" has no scan report"
    );
    let allow = engine(work.path(), &cfg("allow"));
    let r = answer(&allow, "none", &img('c'));
    assert_eq!(
        (r["allowed"].clone(), r.get("warnings").cloned()),
        (json!(true), None)
    );
    // the second lookup of a digest is a cache hit
    answer(&e, "crit2", &img('a'));
    let m = e.metrics.render(&e.supply.stats, e.supply.cache_sizes());
    assert!(
        m.contains("bulkhead_admission_cache_requests_total{cache=\"report\",result=\"hit\"} 1"),
        "{m}"
    );
}
