//! KS010 `sensitive-host-path`: hostPath mounts a sensitive host directory.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS010",
        name: "sensitive-host-path",
        summary: "hostPath mounts a sensitive host directory",
        severity: High,
        category: Security,
        aliases: [Trivy: "KSV-0121", KubeLinter: "sensitive-host-mounts"],
        fix: None,
        default_enabled: true,
        what: "Reports hostPath volumes of `/`, `/etc`, `/proc`, `/sys`, `/dev`, `/boot`, \
            `/root`, `/home`, `/var/run`, `/run`, `/var/lib/kubelet`, `/var/lib/docker`, \
            `/var/lib/containerd`, `/usr`, `/lib`, `/bin`, `/sbin` or below them.",
        why: "These directories hold node credentials, kernel interfaces and binaries: reading \
            them leaks secrets, writing them owns the node.",
        example: "```yaml\nvolumes:\n- name: etc\n  hostPath:\n    path: /etc   # flagged\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Pod(check);

/// Host paths whose mount exposes the node.
const SENSITIVE: [&str; 17] = [
    "/etc",
    "/proc",
    "/sys",
    "/dev",
    "/boot",
    "/root",
    "/home",
    "/var/run",
    "/run",
    "/var/lib/kubelet",
    "/var/lib/docker",
    "/var/lib/containerd",
    "/usr",
    "/lib",
    "/bin",
    "/sbin",
    "/etc/kubernetes",
];

fn is_sensitive(path: &str) -> bool {
    let p = path.trim_end_matches('/');
    if p.is_empty() {
        return true; // `/`
    }
    SENSITIVE
        .iter()
        .any(|s| p == *s || (p.starts_with(s) && p.as_bytes().get(s.len()) == Some(&b'/')))
}

fn check(ctx: &mut Ctx<'_>, pod: &PodCtx<'_>) {
    use super::ks009_container_runtime_socket::{host_paths, is_runtime_socket};
    for (i, name, path) in host_paths(pod) {
        // A runtime socket is KS009's.
        if !is_runtime_socket(path) && is_sensitive(path) {
            ctx.report(
                &META,
                &format!("{}/volumes/{i}/hostPath/path", pod.ps.spec_ptr),
                None,
                format!("volume `{name}` mounts the sensitive host path `{path}`"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("volumes:\n- name: r\n  hostPath: {path: /}\n- name: e\n  hostPath:\n    path: /etc/ssl/\n- name: s\n  hostPath: {path: /var/run/docker.sock}\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines(&super::META, &y, &[8, 11]);
    }

    #[test]
    fn near_misses() {
        let y = pod("volumes:\n- name: a\n  hostPath: {path: /etcd-data}\n- name: b\n  hostPath: {path: /var/log}\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines(&super::META, &y, &[]);
    }
}
