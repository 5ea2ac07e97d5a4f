//! PSS004 `pss-host-path-volumes`: Pod mounts a hostPath volume.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "PSS004",
        name: "pss-host-path-volumes",
        summary: "Pod mounts a hostPath volume",
        severity: High,
        category: Security,
        aliases: [Pss: "hostPathVolumes", Trivy: "KSV-0023", Polaris: "hostPathSet"],
        fix: None,
        default_enabled: true,
        what: "Reports any volume with a `hostPath` source (baseline; the restricted level \
            reports it through PSS013 instead).\n\nPod Security Standards check \
            `hostPathVolumes`; it runs when the `--pss` level includes it at the chosen version.",
        why: "A hostPath volume exposes the node's file system to the pod: credentials, the \
            container runtime socket, kubelet state.",
        example: "```yaml\nvolumes:\n- name: host\n  hostPath:\n    path: \
            /var/run/docker.sock   # flagged\n```",
        fix_safety: "No automatic fix: the pod needs another way to get at its data.",
    }
}

pub(crate) static HOOK: Hook = Hook::Pss(check, None);

fn check(e: &mut Eval<'_, '_>) {
    for (i, vol) in e.volumes() {
        if vol.get("hostPath").is_some_and(|h| !h.is_null()) {
            e.push(
                At::Spec(format!("/volumes/{i}/hostPath")),
                None,
                format!("volume `{}` is a hostPath", str_of(vol.get("name"))),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("volumes:\n- name: a\n  emptyDir: {}\n- name: h\n  hostPath:\n    path: /var/log\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines_at(&super::META, &y, "baseline", &[10]);
    }

    #[test]
    fn near_misses() {
        let y = pod("volumes:\n- name: h\n  hostPath: null\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines_at(&super::META, &y, "baseline", &[]);
    }
}
