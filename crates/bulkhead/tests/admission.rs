//! `bulkhead admission review|manifests` through the real binary: the shaped requests of
//! bulkhead_admission's tests/reviews answered offline with their expected responses and
//! exit statuses (0 admitted, 1 denied, 2 unusable input), and the deployment manifests
//! passing `bulkhead check` at restricted with every rule selected, without a finding; the
//! vulnerability gate on a real report: an image built by `umoci`, pushed by `skopeo` to
//! Debian's `docker-registry` on 127.0.0.1, scanned by `bulkhead image` against
//! ../shared/advisories.

#[path = "../../bulkhead_image/tests/support/real.rs"]
mod real;

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_bulkhead"))
}

fn reviews() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../bulkhead_admission/tests/reviews")
}

fn canonical(v: &Value) -> Value {
    match v {
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            Value::Object(
                keys.into_iter()
                    .map(|k| (k.clone(), canonical(&m[k])))
                    .collect(),
            )
        }
        Value::Array(a) => Value::Array(a.iter().map(canonical).collect()),
        x => x.clone(),
    }
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn review_answers_every_shaped_request_as_expected() {
    let dir = reviews();
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".request.json") else {
            continue;
        };
        n += 1;
        let out = bin()
            .args(["admission", "review", "--config"])
            .arg(dir.join("bulkhead.toml"))
            .arg(e.path())
            .output()
            .unwrap();
        let (stdout, stderr) = text(&out);
        let got: Value =
            serde_json::from_str(&stdout).unwrap_or_else(|_| panic!("{stem}: {stdout}{stderr}"));
        let want: Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join(format!("{stem}.response.json"))).unwrap(),
        )
        .unwrap();
        assert_eq!(
            serde_json::to_string_pretty(&canonical(&got)).unwrap(),
            serde_json::to_string_pretty(&want).unwrap(),
            "{stem}"
        );
        let allowed = got["response"]["allowed"].as_bool().unwrap();
        assert_eq!(
            out.status.code(),
            Some(if allowed { 0 } else { 1 }),
            "{stem}: {stderr}"
        );
    }
    assert_eq!(n, 16);
}

#[test]
fn review_reads_standard_input_and_rejects_what_is_not_a_review() {
    let dir = reviews();
    let mut child = bin()
        .args(["admission", "review", "--config"])
        .arg(dir.join("bulkhead.toml"))
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&std::fs::read(dir.join("pod-create-restricted-ok.request.json")).unwrap())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{:?}", text(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["response"]["uid"], "0001");

    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("bad.json");
    std::fs::write(&bad, "{\"kind\": \"AdmissionReview\",").unwrap();
    let out = bin()
        .args(["admission", "review"])
        .arg(&bad)
        .current_dir(tmp.path())
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout.is_empty());
    assert!(
        stderr.contains(&format!(
            "{}: malformed AdmissionReview: EOF while parsing",
            bad.display()
        )),
        "{stderr}"
    );

    let cfg = tmp.path().join("bulkhead.toml");
    std::fs::write(&cfg, "[admission.images]\nallowed = [\"[\"]\n").unwrap();
    let out = bin()
        .args(["admission", "review", "--config"])
        .arg(&cfg)
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out).1.contains("invalid image glob `[`"),
        "{}",
        text(&out).1
    );
    std::fs::write(&cfg, "[admission]\nfailure-policy = \"maybe\"\n").unwrap();
    let out = bin()
        .args(["admission", "review", "--config"])
        .arg(&cfg)
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out)
            .1
            .contains("bulkhead.toml:2:18: unknown variant `maybe`"),
        "{}",
        text(&out).1
    );
}

#[test]
fn manifests_pass_check_at_restricted_with_every_rule() {
    let tmp = tempfile::tempdir().unwrap();
    let ca = tmp.path().join("ca.pem");
    std::fs::write(
        &ca,
        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
    )
    .unwrap();
    let image = format!("ghcr.io/bulkhead/bulkhead:0.1.0@sha256:{}", "a".repeat(64));
    for (i, extra) in [
        vec![],
        vec!["--ca-bundle".to_string(), ca.display().to_string()],
    ]
    .into_iter()
    .enumerate()
    {
        let out = bin()
            .args(["admission", "manifests", "--image", &image])
            .args(&extra)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        let file = tmp.path().join(format!("webhook-{i}.yaml"));
        std::fs::write(&file, &out.stdout).unwrap();
        let text_out = String::from_utf8_lossy(&out.stdout).into_owned();
        for kind in [
            "kind: ServiceAccount",
            "kind: Deployment",
            "kind: Service\n",
            "kind: PodDisruptionBudget",
            "kind: NetworkPolicy",
            "kind: ValidatingWebhookConfiguration",
            "kind: MutatingWebhookConfiguration",
            "sideEffects: None",
            "timeoutSeconds: 5",
            "values: [\"bulkhead-system\"]",
            "value: glibc.malloc.tcache_count=256",
        ] {
            assert!(text_out.contains(kind), "{kind} missing");
        }
        assert_eq!(text_out.contains("cert-manager.io/inject-ca-from"), i == 0);
        assert_eq!(text_out.contains("caBundle: "), i == 1);
        let check = bin()
            .args([
                "check",
                "--isolated",
                "--pss",
                "restricted",
                "--select",
                "ALL",
            ])
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(check.status.code(), Some(0), "{}", text(&check).0);
    }
}

/// The vulnerability gate reads what `bulkhead image --format json` writes: a real image
/// (Alpine 3.11's package database in one layer, a Rust project's Cargo.lock in another) is
/// scanned from a real registry, its report stored by digest, and reviews of pods running it
/// are denied or admitted by `fail-on`; an image without a report follows `unknown`.
#[test]
fn vulnerability_gate_on_a_report_written_by_bulkhead_image() {
    if real::skip_without(&["umoci", "skopeo", "docker-registry"]) {
        return;
    }
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/advisories");
    if !shared.is_dir() {
        real::skip("../shared/advisories not found");
        return;
    }
    let fixtures =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../bulkhead_advisory/tests/fixtures");
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    let reg = real::start_registry(real::Auth::None);
    let layout = w.join("layout");
    real::umoci_image(&layout, "1", &fixtures.join("rootfs-alpine-3.11"), |root| {
        std::fs::create_dir_all(root.join("app")).unwrap();
        for f in ["Cargo.toml", "Cargo.lock"] {
            std::fs::copy(
                fixtures.join("cargo-project").join(f),
                root.join("app").join(f),
            )
            .unwrap();
        }
    });
    let image = format!("{}/shop/app:1", reg.addr);
    real::push(&layout, "1", &image, None);
    let digest = real::run(
        Command::new("skopeo")
            .args(["inspect", "--tls-verify=false", "--format", "{{.Digest}}"])
            .arg(format!("docker://{image}")),
    )
    .trim()
    .to_string();
    assert!(
        digest.starts_with("sha256:") && digest.len() == 71,
        "{digest}"
    );

    let bh = |args: &[&str]| -> Output {
        bin()
            .args(args)
            .current_dir(w)
            .env("NO_COLOR", "1")
            .env("XDG_CACHE_HOME", w.join("cache"))
            .env_remove("BULKHEAD_DB")
            .output()
            .unwrap()
    };
    let imported = bh(&[
        "db",
        "import",
        "--db",
        "adv.db",
        shared.join("alpine-secdb-2020").to_str().unwrap(),
        shared.join("rustsec-osv/crates").to_str().unwrap(),
    ]);
    assert_eq!(imported.status.code(), Some(0), "{:?}", text(&imported));
    let scan = bh(&[
        "image",
        "--insecure-registry",
        &reg.addr,
        "--db",
        "adv.db",
        "--no-cache",
        "--format",
        "json",
        &image,
    ]);
    assert_eq!(scan.status.code(), Some(1), "{:?}", text(&scan));
    let report: Value = serde_json::from_slice(&scan.stdout).unwrap();
    let mut found: Vec<(String, String)> = report["vulnerabilities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["id"].as_str().unwrap().to_string(),
                v["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    found.sort();
    // the advisory data is fixed: one high (the crate), the rest unrated
    assert_eq!(
        found
            .iter()
            .filter(|(_, s)| s != "info")
            .collect::<Vec<_>>(),
        [&("CVE-2016-10931".to_string(), "high".to_string())]
    );
    assert!(
        found.iter().any(|(id, _)| id == "CVE-2019-1551"),
        "{found:?}"
    );
    std::fs::create_dir(w.join("reports")).unwrap();
    std::fs::write(
        w.join("reports")
            .join(format!("{}.json", digest.replace(':', "-"))),
        &scan.stdout,
    )
    .unwrap();

    let name = format!("{}/shop/app", reg.addr);
    let review = |config: &str, image: &str| -> (i32, Value) {
        std::fs::write(w.join("bulkhead.toml"), config).unwrap();
        let pod = serde_json::json!({"apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": "app", "namespace": "shop"},
            "spec": {"containers": [{"name": "app", "image": image}]}});
        let req = serde_json::json!({"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview",
            "request": {"uid": "v1", "kind": {"group": "", "version": "v1", "kind": "Pod"},
                "resource": {"group": "", "version": "v1", "resource": "pods"},
                "name": "app", "namespace": "shop", "operation": "CREATE",
                "userInfo": {"username": "alice"}, "object": pod, "oldObject": null,
                "dryRun": false}});
        std::fs::write(w.join("review.json"), serde_json::to_vec(&req).unwrap()).unwrap();
        let out = bh(&[
            "admission",
            "review",
            "--config",
            "bulkhead.toml",
            "review.json",
        ]);
        let v: Value =
            serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("{:?}", text(&out)));
        (out.status.code().unwrap(), v)
    };
    let config = |fail_on: &str| {
        format!(
            "[admission.hardening]\nignore = [\"ALL\"]\n[admission.vulnerabilities]\n\
             reports = \"reports\"\nfail-on = \"{fail_on}\"\nunknown = \"deny\"\n"
        )
    };
    let pinned = format!("{name}@{digest}");
    let (code, v) = review(&config("high"), &pinned);
    assert_eq!(code, 1, "{v:#}");
    assert_eq!(
        v["response"]["status"]["message"],
        format!(
            "pods \"app\" is forbidden: ADM004: image \"{name}\" has 1 vulnerabilities at high or above (CVE-2016-10931)"
        )
    );
    assert_eq!(v["response"]["auditAnnotations"]["violations"], "ADM004");
    let (code, v) = review(&config("critical"), &pinned);
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(v["response"]["allowed"], true);
    assert!(v["response"].get("warnings").is_none(), "{v:#}");
    // at `info` the unrated findings count too (CVE-2016-10931 first: the report's order)
    let (code, v) = review(&config("info"), &pinned);
    assert_eq!(code, 1, "{v:#}");
    let n = found.len();
    assert!(
        v["response"]["status"]["message"]
            .as_str()
            .unwrap()
            .contains(&format!("has {n} vulnerabilities at info or above (")),
        "{v:#}"
    );
    // another digest of the same repository has no report: `unknown = "deny"`
    let other = format!("{name}@sha256:{}", "0".repeat(64));
    let (code, v) = review(&config("high"), &other);
    assert_eq!(code, 1, "{v:#}");
    // (digests are shown shortened to 12 hex digits in messages)
    assert_eq!(
        v["response"]["status"]["message"],
        format!(
            "pods \"app\" is forbidden: ADM004: image \"{name}@sha256:{}\" has no scan report",
            "0".repeat(12)
        )
    );
}
