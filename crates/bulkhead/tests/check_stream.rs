//! `bulkhead check` over large inputs streams its report (two passes, bounded memory): the
//! bytes and the exit status must be the in-memory run's, cross-file findings, suppressions
//! and input errors included. `BULKHEAD_CHECK_STREAM_BYTES` forces either mode (0 streams
//! any input; a huge value never streams) and, when set, `check` says on stderr which it took.

mod common;

use std::path::Path;
use std::process::{Command, Output};

const NOTE: &str = "bulkhead: checking as a stream";

fn run(args: &[&str], cwd: &Path, stream: bool) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bulkhead"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env(
            "BULKHEAD_CHECK_STREAM_BYTES",
            if stream { "0" } else { "18446744073709551615" },
        )
        .output()
        .expect("run bulkhead")
}

/// Both modes on `args`: same stdout, same exit status, same stderr but for the note, which
/// only the streamed run prints. Returns the streamed run's stdout.
fn same_both_ways(args: &[&str], cwd: &Path) -> String {
    let (mem, st) = (run(args, cwd, false), run(args, cwd, true));
    let (mem_err, st_err) = (common::text(&mem.stderr), common::text(&st.stderr));
    assert!(!mem_err.contains(NOTE), "{args:?}: {mem_err}");
    assert!(st_err.contains(NOTE), "{args:?} did not stream: {st_err}");
    let st_err: String = st_err
        .lines()
        .filter(|l| !l.starts_with(NOTE))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(
        common::text(&st.stdout),
        common::text(&mem.stdout),
        "{args:?}"
    );
    assert_eq!(st_err, mem_err, "{args:?}");
    assert_eq!(st.status.code(), mem.status.code(), "{args:?}");
    common::text(&st.stdout)
}

const DEPLOY: &str = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\n  annotations: {note: x}\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      serviceAccountName: wbe\n      containers:\n      - name: c\n        image: nginx:1.27\n        env: [{name: A, value: b}]\n        ports: [{name: http, containerPort: 8080}]\n";
const SVC: &str = "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {app: wbe}\n  ports: [{port: 80, targetPort: http}]\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: web, namespace: shop}\n---\n# bulkhead: ignore[KS049] the backend comes from another repository\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i, namespace: shop}\nspec:\n  defaultBackend:\n    service: {name: elsewhere, port: {number: 80}}\n";
const LIST: &str = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: c, namespace: shop, labels: {app: web}}\n  data: {k: v}\n- apiVersion: networking.k8s.io/v1\n  kind: NetworkPolicy\n  metadata: {name: stale, namespace: shop}\n  spec:\n    podSelector: {matchLabels: {app: old}}\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: p, namespace: shop, labels: {app: p}}\n  spec:\n    containers: [{name: c, image: busybox}]\n";
const BROKEN: &str = "apiVersion: v1\nkind: Pod\nmetadata: {name: b, namespace: shop}\nspec:\n  containers: [{name: c, image: busybox}]\n---\nkind: [unclosed\n";

fn tree(dir: &Path) {
    let app = dir.join("app");
    std::fs::create_dir_all(&app).unwrap();
    std::fs::write(app.join("deploy.yaml"), DEPLOY).unwrap();
    std::fs::write(app.join("svc.yaml"), SVC).unwrap();
    std::fs::write(app.join("list.yaml"), LIST).unwrap();
    std::fs::write(app.join("broken.yaml"), BROKEN).unwrap();
    std::fs::write(
        app.join("Dockerfile"),
        "FROM debian\nRUN apt-get install -y curl\n",
    )
    .unwrap();
    std::fs::write(app.join("notes.yaml"), "just: notes\n").unwrap();
}

/// A tree with cross-file findings (KS016 in one file about another's ServiceAccounts, KS036,
/// KS063 on a List item), a suppressed cross-file finding (KS049), a file with an input error
/// beside its findings, a Dockerfile and a YAML file that is none of ours: every streaming
/// format, default rules and all rules, gives the in-memory run's bytes.
#[test]
fn streamed_report_is_the_in_memory_report() {
    let dir = tempfile::tempdir().unwrap();
    tree(dir.path());
    let human = same_both_ways(&["check", "app"], dir.path());
    for code in ["KS016", "KS036", "KS063", "DF"] {
        assert!(human.contains(code), "{code} missing:\n{human}");
    }
    assert!(human.contains("1 suppressed"), "{human}");
    assert!(human.contains("1 input error"), "{human}");
    for f in ["concise", "github"] {
        same_both_ways(&["check", "app", "-f", f], dir.path());
        same_both_ways(&["check", "app", "-f", f, "--select", "ALL"], dir.path());
    }
    let all = same_both_ways(&["check", "app", "--select", "ALL"], dir.path());
    assert!(all.contains("KS064") && all.contains("KS048"), "{all}");
    // Only cross-file rules, and none: the first pass alone decides, or is skipped.
    same_both_ways(
        &["check", "app", "--select", "KS016,KS036,KS063"],
        dir.path(),
    );
    same_both_ways(&["check", "app", "--select", "DF"], dir.path());
}

/// Runs that cannot stream are checked in memory whatever the size: fixes, diffs, reports
/// that are one document or go to a file, pipes.
#[test]
fn what_does_not_stream() {
    let dir = tempfile::tempdir().unwrap();
    tree(dir.path());
    // Small inputs are checked in memory by default, and without the knob nothing is said.
    let plain = common::bulkhead(&["check", "app"], dir.path());
    assert_eq!(plain.status.code(), Some(2));
    assert!(!common::text(&plain.stderr).contains(NOTE));
    for args in [
        &["check", "app", "-f", "json"][..],
        &["check", "app", "-f", "sarif"],
        &["check", "app", "--diff"],
        &["check", "app", "-o", "report.txt"],
    ] {
        let out = run(args, dir.path(), true);
        assert!(
            !common::text(&out.stderr).contains(NOTE),
            "{args:?}: {}",
            common::text(&out.stderr)
        );
    }
}

/// The Kubernetes corpus of ../shared (1,973 files from 30 projects): streamed and in memory
/// alike, with the default rules and with every rule (all the cross-file ones on).
#[test]
fn corpus_streams_to_the_same_bytes() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/k8s");
    if !corpus.is_dir() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "prerequisite missing under CI=true: {}",
            corpus.display()
        );
        eprintln!("skipped: {} not found", corpus.display());
        return;
    }
    let corpus = corpus.canonicalize().unwrap();
    let dir = corpus.parent().unwrap();
    let human = same_both_ways(&["check", "k8s"], dir);
    assert!(
        human.contains("KS036") && human.contains("NP"),
        "cross-file findings expected"
    );
    same_both_ways(&["check", "k8s", "--select", "ALL", "-f", "concise"], dir);
}
