//! PSS001 `pss-host-namespaces`: Pod shares the host's network, PID or IPC namespace.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "PSS001",
        name: "pss-host-namespaces",
        summary: "Pod shares the host's network, PID or IPC namespace",
        severity: High,
        category: Security,
        aliases: [
            Pss: "hostNamespaces",
            Trivy: "KSV-0009",
            Trivy: "KSV-0010",
            Trivy: "KSV-0008",
            Checkov: "CKV_K8S_19",
            Checkov: "CKV_K8S_17",
            Checkov: "CKV_K8S_18",
            KubeLinter: "host-network",
            KubeLinter: "host-pid",
            KubeLinter: "host-ipc",
            Polaris: "hostNetworkSet",
            Polaris: "hostPIDSet",
            Polaris: "hostIPCSet",
            Kubesec: "HostNetwork",
            Kubesec: "HostPID",
            Kubesec: "HostIPC",
        ],
        fix: Unsafe,
        default_enabled: true,
        what: "Reports `hostNetwork`, `hostPID` or `hostIPC` set to `true` (baseline).\n\nPod \
            Security Standards check `hostNamespaces`; it runs when the `--pss` level includes it \
            at the chosen version.",
        why: "A pod in the host's namespaces sees every process, socket and shared-memory segment \
            of the node, can sniff traffic and signal host processes: the strongest isolation \
            boundary is gone.",
        example: "```yaml\nspec:\n  hostNetwork: true   # flagged\n  containers:\n  - name: \
            app\n    image: app:1.0\n```",
        fix_safety: "Unsafe: the fix deletes the field, which changes how the pod reaches the \
            network or sees processes.",
    }
}

pub(crate) static HOOK: Hook = Hook::Pss(check, Some(fix));

fn check(e: &mut Eval<'_, '_>) {
    for f in ["hostNetwork", "hostPID", "hostIPC"] {
        if is_true(e.spec.get(f)) {
            e.push(
                At::Spec(format!("/{f}")),
                None,
                format!("`{f}: true` shares the host's namespace with the pod"),
            );
        }
    }
}

fn fix(ctx: &Ctx<'_>, ps: &PodSpec<'_>, v: &Violation) -> Option<Fix> {
    let mut ed = Editor::new(ctx);
    ed.replace_scalar(ctx.doc.node(&v.abs_ptr(ps)?)?, "false")?;
    ed.finish("Do not share the host's namespace", Applicability::Unsafe)
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("hostNetwork: true\nhostPID: true\nhostIPC: false\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines(&super::META, &y, &[6, 7]);
        assert_lines_at(&super::META, &y, "baseline@v1.0", &[6, 7]);
        assert_fixed(&super::META, &y, "hostNetwork: false", true);
    }

    #[test]
    fn near_misses() {
        let y = pod("hostNetwork: false\nhostIPC: \"true\"\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines(&super::META, &y, &[]);
        let y = pod("hostPID: true\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines_at(&super::META, &y, "privileged", &[]);
    }
}
