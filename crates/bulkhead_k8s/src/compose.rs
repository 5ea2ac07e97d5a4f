//! Docker Compose files (rules DC001..DC008): privileged services, added capabilities, host
//! namespaces, no `user`, writable root filesystem, unconfined seccomp or AppArmor, the
//! Docker socket mounted, `latest` images.
//!
//! Shares the YAML loader (so lines are exact, anchors and `<<` merges of `x-` extension
//! fields resolve, duplicate keys are reported) and the comment suppressions
//! (`# bulkhead: ignore[DC004] reason`) of the Kubernetes checks.

use crate::Settings;
use crate::loader::{self, Document, escape_segment};
use bulkhead_diagnostics::{
    Alias, Category, FileOutcome, Finding, FixKind, InputError, RuleMeta, Severity, Tool,
};
use serde_json::Value;

macro_rules! rule {
    ($ident:ident, $code:literal, $name:literal, $sev:ident, $on:literal, $summary:literal,
     [$($tool:ident : $alias:literal),*], $what:literal, $why:literal, $example:literal) => {
        #[doc = $summary]
        pub static $ident: RuleMeta = RuleMeta {
            code: $code,
            name: $name,
            summary: $summary,
            severity: Severity::$sev,
            category: Category::Security,
            aliases: &[$(Alias::new(Tool::$tool, $alias)),*],
            fix: FixKind::None,
            default_enabled: $on,
            docs: concat!(
                "## What it does\n", $what, "\n\n",
                "## Why is this bad?\n", $why, "\n\n",
                "## Example\n```yaml\n", $example, "```\n\n",
                "## Fix safety\nNo automatic fix: the change alters how the service runs.\n"
            ),
        };
    };
}

rule!(PRIVILEGED, "DC001", "compose-privileged", Critical, true,
    "Compose service runs privileged",
    [Checkov: "CKV_DOCKER_COMPOSE_1"],
    "Reports `privileged: true`.",
    "A privileged container has every capability and device of the host.",
    "services:\n  app:\n    image: app:1.0\n    privileged: true   # flagged\n");

rule!(
    CAP_ADD,
    "DC002",
    "compose-cap-add",
    High,
    true,
    "Compose service adds a dangerous capability",
    [],
    "Reports `cap_add` entries outside Docker's default set (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, NET_RAW, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT), and `ALL`.",
    "SYS_ADMIN, NET_ADMIN, SYS_PTRACE and friends are the usual container escape routes.",
    "services:\n  app:\n    cap_add: [SYS_ADMIN]   # flagged\n"
);

rule!(
    HOST_NAMESPACE,
    "DC003",
    "compose-host-namespace",
    High,
    true,
    "Compose service shares the host's network, PID or IPC namespace",
    [],
    "Reports `network_mode: host`, `pid: host`, `ipc: host` (and `userns_mode: host`).",
    "The service sees and can interfere with the host's processes, sockets or shared memory.",
    "services:\n  app:\n    network_mode: host   # flagged\n"
);

rule!(
    NO_USER,
    "DC004",
    "compose-no-user",
    Medium,
    true,
    "Compose service sets no non-root `user`",
    [],
    "Reports services without `user`, or with `user: root` / `0`.",
    "Without `user`, the image's user applies, which is root for most images.",
    "services:\n  app:\n    image: app:1.0   # flagged: no user\n"
);

rule!(
    WRITABLE_ROOT,
    "DC005",
    "compose-writable-root",
    Low,
    true,
    "Compose service has a writable root filesystem",
    [],
    "Reports services without `read_only: true`.",
    "A writable root filesystem lets an attacker persist tools and modify binaries; use `read_only: true` with `tmpfs: [/tmp]`.",
    "services:\n  app:\n    image: app:1.0   # flagged: no read_only: true\n"
);

rule!(
    UNCONFINED,
    "DC006",
    "compose-unconfined-security-opt",
    High,
    true,
    "Compose service disables seccomp, AppArmor or SELinux confinement",
    [],
    "Reports `security_opt` entries `seccomp:unconfined`, `apparmor:unconfined`, `label:disable` (either `:` or `=` separator) and `no-new-privileges:false`.",
    "These turn off the kernel-level confinement that blocks most container escapes.",
    "services:\n  app:\n    security_opt: [\"seccomp:unconfined\"]   # flagged\n"
);

rule!(DOCKER_SOCKET, "DC007", "compose-docker-socket", Critical, true,
    "Compose service mounts the Docker socket",
    [Trivy: "KSV-0006"],
    "Reports volumes whose source is a container runtime socket (`docker.sock`, `containerd.sock`, ...).",
    "Access to the Docker socket is root on the host: it can start a privileged container.",
    "services:\n  app:\n    volumes:\n    - /var/run/docker.sock:/var/run/docker.sock   # flagged\n");

rule!(
    LATEST_IMAGE,
    "DC008",
    "compose-latest-image",
    Medium,
    true,
    "Compose service image has no tag or uses `latest`",
    [],
    "Reports `image` without a tag or digest, or tagged `latest`.",
    "The image that runs changes whenever someone pushes; nothing is reproducible.",
    "services:\n  app:\n    image: nginx   # flagged\n"
);

/// The Compose rules, in code order.
pub static COMPOSE_RULES: [&RuleMeta; 8] = [
    &PRIVILEGED,
    &CAP_ADD,
    &HOST_NAMESPACE,
    &NO_USER,
    &WRITABLE_ROOT,
    &UNCONFINED,
    &DOCKER_SOCKET,
    &LATEST_IMAGE,
];

const DEFAULT_CAPS: [&str; 14] = [
    "AUDIT_WRITE",
    "CHOWN",
    "DAC_OVERRIDE",
    "FOWNER",
    "FSETID",
    "KILL",
    "MKNOD",
    "NET_BIND_SERVICE",
    "NET_RAW",
    "SETFCAP",
    "SETGID",
    "SETPCAP",
    "SETUID",
    "SYS_CHROOT",
];

/// Check one Compose file.
pub fn check_compose(path: &str, text: &str, settings: &Settings) -> FileOutcome {
    let _ = settings;
    let loaded = loader::load(path, text);
    let mut findings = Vec::new();
    let mut errors = loaded.errors;
    let mut suppressions = Vec::new();
    let mut any_services = false;
    for doc in &loaded.docs {
        let Some(Value::Object(services)) = doc.value.get("services") else {
            continue;
        };
        any_services = true;
        for (name, svc) in services {
            if let Value::Object(_) = svc {
                check_service(path, doc, name, svc, &mut findings);
            }
        }
    }
    if !any_services && errors.is_empty() {
        errors.push(InputError::new(
            path,
            None,
            "no `services:` mapping: not a Compose file",
        ));
    }
    crate::suppress::from_comments(path, text, &mut suppressions, &mut findings);
    FileOutcome {
        findings,
        suppressions,
        errors,
    }
}

fn check_service(path: &str, doc: &Document, name: &str, svc: &Value, out: &mut Vec<Finding>) {
    let base = format!("/services/{}", escape_segment(name));
    let mut report = |rule: &'static RuleMeta, rel: &str, msg: String| {
        let mut f = Finding::new(rule, path, doc.range_of(&format!("{base}{rel}")), msg);
        f.container = Some(name.to_string());
        out.push(f);
    };
    let s = |k: &str| svc.get(k).and_then(Value::as_str).unwrap_or("");
    if svc.get("privileged").and_then(Value::as_bool) == Some(true) {
        report(
            &PRIVILEGED,
            "/privileged",
            format!("service `{name}` runs privileged"),
        );
    }
    if let Some(Value::Array(caps)) = svc.get("cap_add") {
        for (i, c) in caps.iter().enumerate() {
            let c = c.as_str().unwrap_or("");
            let n = c.trim_start_matches("CAP_").to_ascii_uppercase();
            if !DEFAULT_CAPS.contains(&n.as_str()) {
                report(
                    &CAP_ADD,
                    &format!("/cap_add/{i}"),
                    format!("service `{name}` adds capability `{c}`"),
                );
            }
        }
    }
    for (k, v) in [
        ("network_mode", "host"),
        ("pid", "host"),
        ("ipc", "host"),
        ("userns_mode", "host"),
    ] {
        if s(k) == v {
            report(
                &HOST_NAMESPACE,
                &format!("/{k}"),
                format!("service `{name}` uses the host's namespace (`{k}: host`)"),
            );
        }
    }
    let user = match svc.get("user") {
        Some(Value::String(u)) => u.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let uid = user.split(':').next().unwrap_or("");
    if uid.is_empty() || uid == "root" || uid == "0" {
        report(
            &NO_USER,
            if user.is_empty() { "" } else { "/user" },
            if user.is_empty() {
                format!("service `{name}` sets no `user`: it runs as the image's user (often root)")
            } else {
                format!("service `{name}` runs as root (`user: {user}`)")
            },
        );
    }
    if svc.get("read_only").and_then(Value::as_bool) != Some(true) {
        report(
            &WRITABLE_ROOT,
            "/read_only",
            format!("service `{name}` has a writable root filesystem; set `read_only: true`"),
        );
    }
    if let Some(Value::Array(opts)) = svc.get("security_opt") {
        for (i, o) in opts.iter().enumerate() {
            let o = o.as_str().unwrap_or("").replace('=', ":");
            if matches!(
                o.as_str(),
                "seccomp:unconfined"
                    | "apparmor:unconfined"
                    | "label:disable"
                    | "no-new-privileges:false"
            ) {
                report(
                    &UNCONFINED,
                    &format!("/security_opt/{i}"),
                    format!("service `{name}` sets `{o}`"),
                );
            }
        }
    }
    if let Some(Value::Array(vols)) = svc.get("volumes") {
        for (i, v) in vols.iter().enumerate() {
            let src = match v {
                Value::String(s) => s.split(':').next().unwrap_or(""),
                Value::Object(o) => o.get("source").and_then(Value::as_str).unwrap_or(""),
                _ => "",
            };
            if ["docker.sock", "containerd.sock", "crio.sock", "podman.sock"]
                .iter()
                .any(|x| src.ends_with(x))
            {
                report(
                    &DOCKER_SOCKET,
                    &format!("/volumes/{i}"),
                    format!("service `{name}` mounts the container runtime socket `{src}`"),
                );
            }
        }
    }
    let image = s("image");
    if !image.is_empty() && !image.contains('$') {
        let (_, tag, digest) = crate::hardening::split_image(image);
        if !digest && (tag.is_none() || tag == Some("latest")) {
            report(
                &LATEST_IMAGE,
                "/image",
                format!("service `{name}` image `{image}` has no tag or uses `latest`"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compose_findings() {
        let text = "x-base: &base\n  privileged: true\nservices:\n  web:\n    <<: *base\n    image: nginx\n    network_mode: host\n    user: \"1000\"\n    read_only: true\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n    security_opt:\n      - seccomp=unconfined\n";
        let out = check_compose("docker-compose.yml", text, &Settings::default());
        assert!(out.errors.is_empty(), "{:?}", out.errors);
        let got: Vec<_> = out
            .findings
            .iter()
            .map(|f| (f.rule.code, f.range.unwrap().start.line))
            .collect();
        assert_eq!(
            got,
            [
                ("DC001", 2),
                ("DC003", 7),
                ("DC006", 13),
                ("DC007", 11),
                ("DC008", 6)
            ]
        );
    }

    #[test]
    fn not_compose() {
        let out = check_compose("a.yml", "foo: 1\n", &Settings::default());
        assert_eq!(out.errors.len(), 1);
    }
}
