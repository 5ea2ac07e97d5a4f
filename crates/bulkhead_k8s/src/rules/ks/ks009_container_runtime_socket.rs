//! KS009 `container-runtime-socket`: hostPath mounts the container runtime socket.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS009",
        name: "container-runtime-socket",
        summary: "hostPath mounts the container runtime socket",
        severity: Critical,
        category: Security,
        aliases: [
            Trivy: "KSV-0006",
            Checkov: "CKV_K8S_27",
            KubeLinter: "docker-sock",
            Kubesec: "DockerSock",
        ],
        fix: None,
        default_enabled: true,
        what: "Reports hostPath volumes whose path is a container runtime socket (`docker.sock`, \
            `containerd.sock`, `crio.sock`, `cri-dockerd.sock`) or its directory.",
        why: "Whoever talks to the runtime socket can start a privileged container on the node: \
            it is root on the node.",
        example: "```yaml\nvolumes:\n- name: docker\n  hostPath:\n    path: \
            /var/run/docker.sock   # flagged\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Pod(check);

const SOCKETS: [&str; 4] = [
    "docker.sock",
    "containerd.sock",
    "crio.sock",
    "cri-dockerd.sock",
];

/// Whether a host path is a container runtime socket or its directory.
pub(crate) fn is_runtime_socket(path: &str) -> bool {
    let p = path.trim_end_matches('/');
    SOCKETS.iter().any(|s| p.ends_with(s))
        || matches!(
            p,
            "/var/run/docker" | "/run/containerd" | "/var/run/containerd" | "/var/run/crio" | "/run/crio"
        )
}

/// The hostPath volumes of a pod spec: (index, volume name, host path).
pub(crate) fn host_paths<'a>(pod: &PodCtx<'a>) -> impl Iterator<Item = (usize, &'a str, &'a str)> {
    pod.ps
        .spec
        .get("volumes")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
        .filter_map(|(i, v)| {
            let hp = v.get("hostPath").filter(|h| !h.is_null())?;
            Some((i, str_of(v.get("name")), str_of(hp.get("path"))))
        })
}

fn check(ctx: &mut Ctx<'_>, pod: &PodCtx<'_>) {
    for (i, name, path) in host_paths(pod) {
        if is_runtime_socket(path) {
            ctx.report(
                &META,
                &format!("{}/volumes/{i}/hostPath/path", pod.ps.spec_ptr),
                None,
                format!("volume `{name}` mounts the container runtime socket `{path}`"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("volumes:\n- name: d\n  hostPath:\n    path: /var/run/docker.sock\n- name: c\n  hostPath: {path: /run/containerd/}\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines(&super::META, &y, &[9, 11]);
        assert!(super::is_runtime_socket("/host/run/crio/crio.sock"));
    }

    #[test]
    fn near_misses() {
        let y = pod("volumes:\n- name: d\n  hostPath:\n    path: /var/run/docker.sock.d/x\n- name: e\n  emptyDir: {}\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines(&super::META, &y, &[]);
    }
}
