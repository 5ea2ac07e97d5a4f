//! KS061 `probe-port-undeclared`: probe targets a port number the container does not declare.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS061",
        name: "probe-port-undeclared",
        summary: "Probe targets a port number the container does not declare",
        severity: Low,
        category: Reliability,
        aliases: [
            KubeLinter: "liveness-port",
            KubeLinter: "readiness-port",
            KubeLinter: "startup-port",
        ],
        fix: None,
        default_enabled: false,
        what: "Reports liveness, readiness and startup probes (`httpGet`, `tcpSocket`, `grpc`) of \
            regular and sidecar containers whose port number is none of the `containerPort`s the \
            container declares. kube-linter (which has these checks on) also reports containers \
            that declare no port at all; Bulkhead does not. Off by default: declaring ports is \
            informational and a probe to an undeclared port works, as health and metrics ports \
            are often left undeclared on purpose (ingress-nginx's 10254).",
        why: "A number missing from the ports a container declares is often a typo, or a port \
            left behind when the application moved: the probe then fails and the pod is never \
            ready or keeps restarting.",
        example: "```yaml\nports:\n- {name: http, containerPort: 8080}\n\
            readinessProbe:\n  httpGet: {path: /ready, port: 8081}   # flagged\n```",
        fix_safety: "No automatic fix: correct the port, or declare it in `ports`.",
    }
}

pub(crate) static HOOK: Hook = Hook::Container(check);

fn check(ctx: &mut Ctx<'_>, _: &PodCtx<'_>, cc: &ContainerCtx<'_>) {
    use super::ks060_probe_port_name_unknown::{port_number, probe_ports};
    let name = cc.name;
    for (probe, handler, port, list) in probe_ports(cc) {
        let Some(n) = port_number(port) else {
            continue;
        };
        if !list.is_empty() && !list.iter().any(|x| num(x.get("containerPort")) == Some(n)) {
            ctx.report(
                &META,
                &format!("{}/{probe}/{handler}/port", cc.ptr),
                Some(name),
                format!("container `{name}`'s {probe} targets port {n}, which is not among the ports it declares"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("containers:\n- name: app\n  ports:\n  - {name: http, containerPort: 8080}\n  readinessProbe:\n    httpGet: {path: /ready, port: 8081}\n  startupProbe:\n    grpc: {port: \"9090\"}\n");
        assert_lines(&super::META, &y, &[11, 13]);
        assert!(!super::META.default_enabled);
    }

    #[test]
    fn near_misses() {
        // No declared ports: nothing to compare with.
        let y = pod("containers:\n- name: app\n  ports: [{containerPort: 8080}]\n  livenessProbe: {httpGet: {port: 8080}}\n- name: undeclared\n  livenessProbe: {httpGet: {port: 8080}}\n");
        assert_lines(&super::META, &y, &[]);
    }
}
