//! CLI tests of `bulkhead netpol` on examples/netpol.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_bulkhead"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const SHOP_LIST: &str = "\
0.0.0.0-255.255.255.255[External] => payments/gateway[Deployment] : All Connections
0.0.0.0-255.255.255.255[External] => shop/frontend[Deployment] : TCP 8080
payments/gateway[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections
payments/gateway[Deployment] => shop/frontend[Deployment] : TCP 8080
shop/backend[Deployment] => 0.0.0.0-255.255.255.255[External] : UDP 53
shop/backend[Deployment] => payments/gateway[Deployment] : TCP 8443,UDP 53
shop/backend[Deployment] => shop/db[StatefulSet] : TCP 5432
shop/db[StatefulSet] => 0.0.0.0-255.255.255.255[External] : UDP 53
shop/db[StatefulSet] => payments/gateway[Deployment] : UDP 53
shop/frontend[Deployment] => 0.0.0.0-255.255.255.255[External] : UDP 53
shop/frontend[Deployment] => payments/gateway[Deployment] : UDP 53
shop/frontend[Deployment] => shop/backend[Deployment] : TCP 9090
";

#[test]
fn list_txt() {
    let (code, out, err) = run(&["netpol", "list", "examples/netpol/shop"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, SHOP_LIST);
}

#[test]
fn list_formats_and_focus() {
    let (code, out, _) = run(&[
        "netpol",
        "list",
        "examples/netpol/shop",
        "-f",
        "csv",
        "--focus-workload",
        "shop/db",
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "src,dst,conn\n\
shop/backend[Deployment],shop/db[StatefulSet],TCP 5432\n\
shop/db[StatefulSet],0.0.0.0-255.255.255.255[External],UDP 53\n\
shop/db[StatefulSet],payments/gateway[Deployment],UDP 53\n"
    );
    let (code, out, _) = run(&["netpol", "list", "examples/netpol/shop", "-f", "svg"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("<svg"), "{out}");
    assert!(out.contains("shop/frontend[Deployment] =&gt; shop/backend[Deployment] : TCP 9090"));
    let (code, out, _) = run(&["netpol", "list", "examples/netpol/shop", "--exposure"]);
    assert_eq!(code, 0);
    assert!(out.contains("Workloads not protected by network policies:\npayments/gateway[Deployment] is not protected on Egress"), "{out}");
}

#[test]
fn explain_with_rule_lines() {
    let (code, out, err) = run(&[
        "netpol",
        "explain",
        "shop/frontend",
        "shop/backend",
        "9090/TCP",
        "-p",
        "examples/netpol/shop",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with(
            "shop/frontend[Deployment] => shop/backend[Deployment]\n  TCP 9090: ALLOWED\n"
        ),
        "{out}"
    );
    assert!(out.contains("  allowed by NetworkPolicy shop/frontend egress rule #1 (examples/netpol/shop/policies.yaml:25): TCP 9090\n"), "{out}");
    assert!(out.contains("  allowed by NetworkPolicy shop/backend ingress rule #1 (examples/netpol/shop/policies.yaml:41): TCP 9090\n"), "{out}");
    assert!(out.ends_with("Result: ALLOWED\n"));

    let (code, out, _) = run(&[
        "netpol",
        "explain",
        "shop/frontend",
        "shop/db",
        "5432",
        "-p",
        "examples/netpol/shop",
    ]);
    assert_eq!(code, 1, "a DENIED answer is what explain reports: exit 1");
    assert!(
        out.contains("  denied: no egress rule admits TCP 5432 with shop/db[StatefulSet]\n"),
        "{out}"
    );
    assert!(out.ends_with("Result: DENIED\n"));
}

#[test]
fn explain_unknown_workload_is_usage_error() {
    let (code, _, err) = run(&[
        "netpol",
        "explain",
        "nope",
        "shop/db",
        "-p",
        "examples/netpol/shop",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("no workload matches `nope`"), "{err}");
}

#[test]
fn diff_between_versions() {
    let (code, out, _) = run(&[
        "netpol",
        "diff",
        "examples/netpol/shop",
        "examples/netpol/shop-v2",
    ]);
    assert_eq!(code, 1, "changes found: exit 1, as diff(1)");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Connectivity diff:");
    assert_eq!(
        lines[1],
        "diff-type: changed, source: 0.0.0.0-255.255.255.255[External], destination: shop/frontend[Deployment], ref1: TCP 8080, ref2: TCP 8080,8443"
    );
    assert!(lines.contains(&"diff-type: added, source: shop/cache[Deployment], destination: 0.0.0.0-255.255.255.255[External], ref1: No Connections, ref2: UDP 53, workloads-diff-info: workload shop/cache[Deployment] added"));
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.starts_with("diff-type: removed"))
            .count(),
        6
    );
}

#[test]
fn synthesize_declared_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let synth = dir.path().join("policies.yaml");
    let (code, _, err) = run(&[
        "netpol",
        "synthesize",
        "examples/netpol/shop",
        "--from",
        "examples/netpol/shop-flows.yaml",
        "--no-dns",
        "-o",
        synth.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    std::fs::copy(
        root().join("examples/netpol/shop/workloads.yaml"),
        dir.path().join("workloads.yaml"),
    )
    .unwrap();
    let (code, out, _) = run(&["netpol", "list", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "0.0.0.0-255.255.255.255[External] => shop/frontend[Deployment] : TCP 8080\n\
shop/backend[Deployment] => payments/gateway[Deployment] : TCP 8443\n\
shop/backend[Deployment] => shop/db[StatefulSet] : TCP 5432\n\
shop/frontend[Deployment] => shop/backend[Deployment] : TCP 9090\n"
    );
}

/// Positions (line and column) come from the project loader, the same as `bulkhead check`.
#[test]
fn lint_mistakes() {
    let (code, out, _) = run(&["netpol", "lint", "examples/netpol/mistakes"]);
    assert_eq!(code, 1);
    assert_eq!(out, LINT_MISTAKES);
}

const LINT_MISTAKES: &str = "\
examples/netpol/mistakes/all.yaml:19:1: NP001 [medium] namespace `demo` has no default-deny ingress policy (empty podSelector)
examples/netpol/mistakes/all.yaml:19:1: NP002 [low] namespace `demo` has no default-deny egress policy (empty podSelector)
examples/netpol/mistakes/all.yaml:46:5: NP011 [low] Ingress rule #1 of demo/web lists a namespaceSelector and a podSelector as separate peers (OR); one peer with both would mean AND
examples/netpol/mistakes/all.yaml:52:7: NP006 [medium] named port `https` (TCP) resolves on no destination of ingress rule #1 of demo/web
examples/netpol/mistakes/all.yaml:54:5: NP007 [medium] Egress rule #1 of demo/web is ignored: policyTypes lacks Egress
examples/netpol/mistakes/all.yaml:55:7: NP008 [medium] except 192.168.0.0/24 is not inside cidr 10.0.0.0/16 in egress rule #1 of demo/web
examples/netpol/mistakes/all.yaml:65:3: NP005 [medium] NetworkPolicy demo/agents isolates egress of demo/node-agent[DaemonSet] but no egress rule allows UDP 53 (DNS)
examples/netpol/mistakes/all.yaml:65:3: NP010 [low] NetworkPolicy demo/agents selects demo/node-agent[DaemonSet] which uses hostNetwork (policy behaviour is undefined)
examples/netpol/mistakes/all.yaml:70:7: NP006 [medium] named port `metrics` (TCP) resolves on no destination of egress rule #1 of demo/agents
examples/netpol/mistakes/all.yaml:70:7: NP009 [medium] endPort 9100 needs a numeric port not above it (egress rule #1 of demo/agents)
examples/netpol/mistakes/all.yaml:78:3: NP004 [low] NetworkPolicy demo/typo selects no workload of namespace `demo`
";

#[test]
fn missing_input_is_exit_2() {
    let (code, _, err) = run(&["netpol", "list", "examples/netpol/does-not-exist"]);
    assert_eq!(code, 2);
    assert!(err.contains("no such file or directory"), "{err}");
}

/// A document with a syntax error: the documents before it still count, the error is reported
/// with its line, and the exit status is 2. Items of a typed list (`PodList`) get their kind.
#[test]
fn syntax_error_keeps_earlier_documents() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("pods.yaml"),
        "kind: PodList\napiVersion: v1\nitems:\n- metadata: {name: a, labels: {app: a}}\n  spec: {containers: [{name: c, image: i}]}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("x.yaml"),
        "apiVersion: v1\nkind: Pod\nmetadata: {name: b, labels: {app: b}}\nspec: {containers: [{name: c, image: i}]}\n---\nkind: Pod\nmetadata: [\n",
    )
    .unwrap();
    let (code, out, err) = run(&["netpol", "list", dir.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert_eq!(
        out,
        "0.0.0.0-255.255.255.255[External] => default/a[Pod] : All Connections\n\
0.0.0.0-255.255.255.255[External] => default/b[Pod] : All Connections\n\
default/a[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections\n\
default/a[Pod] => default/b[Pod] : All Connections\n\
default/b[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections\n\
default/b[Pod] => default/a[Pod] : All Connections\n"
    );
    assert!(err.contains("x.yaml:7: invalid YAML"), "{err}");
}

#[test]
fn diff_without_changes_exits_0() {
    let (code, out, err) = run(&[
        "netpol",
        "diff",
        "examples/netpol/shop",
        "examples/netpol/shop",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("diff-type"), "{out}");
}

/// `-f` is the format and `-o` the output file in every command, as in `check`; the old
/// `-o FORMAT` spelling is refused instead of writing a file named `json`.
#[test]
fn format_and_output_flags_follow_check() {
    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("list.json");
    let (code, out, err) = run(&[
        "netpol",
        "list",
        "-f",
        "json",
        "-o",
        out_file.to_str().unwrap(),
        "examples/netpol/shop",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "");
    let written = std::fs::read_to_string(&out_file).unwrap();
    let v: serde_json::Value = serde_json::from_str(&written).unwrap();
    assert_eq!(v.as_array().unwrap().len(), SHOP_LIST.lines().count());
    assert_eq!(
        v[0],
        serde_json::json!({"src": "0.0.0.0-255.255.255.255[External]", "dst": "payments/gateway[Deployment]", "conn": "All Connections"})
    );

    let (code, _, err) = run(&["netpol", "list", "-o", "json", "examples/netpol/shop"]);
    assert_eq!(code, 2);
    assert!(err.contains("`-o json` names the output FILE"), "{err}");
    assert!(!root().join("json").exists());

    let (code, out, err) = run(&[
        "netpol",
        "diff",
        "-f",
        "json",
        "examples/netpol/shop",
        "examples/netpol/shop-v2",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(out.trim_start().starts_with('['), "{out}");
}

/// A list is streamed in sorted order: the same bytes as the materialized list, in every
/// streamed format, for a cluster with external ranges and several classes.
#[test]
fn streamed_list_matches_each_format() {
    for (fmt, first, last) in [
        (
            "txt",
            "0.0.0.0-255.255.255.255[External] => payments/gateway[Deployment] : All Connections\n",
            "shop/frontend[Deployment] => shop/backend[Deployment] : TCP 9090\n",
        ),
        (
            "csv",
            "src,dst,conn\n",
            "shop/frontend[Deployment],shop/backend[Deployment],TCP 9090\n",
        ),
        (
            "md",
            "| src | dst | conn |\n|-----|-----|------|\n",
            "| shop/frontend[Deployment] | shop/backend[Deployment] | TCP 9090 |\n",
        ),
        (
            "json",
            "[\n  {\n    \"src\": \"0.0.0.0-255.255.255.255[External]\",\n",
            "    \"conn\": \"TCP 9090\"\n  }\n]\n",
        ),
    ] {
        let (code, out, err) = run(&["netpol", "list", "-f", fmt, "examples/netpol/shop"]);
        assert_eq!(code, 0, "{fmt}: {err}");
        assert!(out.starts_with(first), "{fmt}: {out}");
        assert!(out.ends_with(last), "{fmt}: {out}");
    }
}

#[test]
fn list_without_workloads_says_why() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("p.yaml"),
        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: a}\nspec: {podSelector: {}}\n",
    )
    .unwrap();
    let (code, out, err) = run(&["netpol", "list", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_eq!(out, "\n");
    assert!(
        err.contains("no connections listed: the input has no workloads (pods or pod controllers), only 1 NetworkPolicy"),
        "{err}"
    );
}

/// Synthesized policies keep DNS working (NP005 would fire otherwise) unless --no-dns, and
/// what is written is linted: --no-dns is warned about.
#[test]
fn synthesize_allows_dns_by_default() {
    let flows = ["--from", "examples/netpol/shop-flows.yaml"];
    let (code, out, err) = run(&[
        &["netpol", "synthesize", "examples/netpol/shop"][..],
        &flows,
    ]
    .concat());
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("name: bulkhead-allow-dns"), "{out}");
    assert!(out.contains("k8s-app: kube-dns"), "{out}");
    assert!(!err.contains("NP005"), "{err}");
    let (code, out, err) = run(&[
        &["netpol", "synthesize", "--no-dns", "examples/netpol/shop"][..],
        &flows,
    ]
    .concat());
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("bulkhead-allow-dns"), "{out}");
    assert!(
        err.contains("warning: synthesized policies: NP005"),
        "{err}"
    );
}

/// Walking never follows links (two `..` links made the walk endless) and reads only regular
/// files; JSON that is no Kubernetes object beside the manifests is not an error.
#[test]
fn walk_is_loop_safe_and_skips_non_manifests() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("sub")).unwrap();
    std::os::unix::fs::symlink("..", d.join("sub/up")).unwrap();
    std::os::unix::fs::symlink("..", d.join("sub/up2")).unwrap();
    std::fs::write(
        d.join("sub/pod.yaml"),
        "apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: n}\nspec: {containers: [{name: c, image: i}]}\n",
    )
    .unwrap();
    std::fs::write(
        d.join("expected_output.json"),
        "[{\"src\": \"a\", \"dst\": \"b\", \"conn\": \"All Connections\"}]\n",
    )
    .unwrap();
    for sub in ["lint", "list"] {
        let (code, _, err) = run(&["netpol", sub, d.to_str().unwrap()]);
        assert!(code == 0 || code == 1, "{sub}: exit {code}: {err}");
        assert!(!err.contains("error"), "{sub}: {err}");
    }
}

/// A duplicate key is said (the object is loaded with the last value, as kubectl does) but
/// is no input error: `check` reports it as a rule (KS071).
#[test]
fn duplicate_key_is_a_warning_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("pod.yaml"),
        "apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: n}\nmetadata: {name: b, namespace: n}\nspec: {containers: [{name: c, image: i}]}\n",
    )
    .unwrap();
    let (code, out, err) = run(&["netpol", "list", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("warning:") && err.contains("pod.yaml:4: duplicate key `metadata`"),
        "{err}"
    );
    assert!(out.contains("n/b[Pod]"), "{out}");
}
