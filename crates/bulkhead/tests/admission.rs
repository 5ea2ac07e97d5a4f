//! `bulkhead admission review|manifests` through the real binary: the shaped requests of
//! bulkhead_admission's tests/reviews answered offline with their expected responses and
//! exit statuses (0 admitted, 1 denied, 2 unusable input), and the deployment manifests
//! passing `bulkhead check` at restricted with every rule selected, without a finding.

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
