//! KS060 `probe-port-name-unknown`: probe targets a port name the container does not declare.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS060",
        name: "probe-port-name-unknown",
        summary: "Probe targets a port name the container does not declare",
        severity: High,
        category: Reliability,
        aliases: [
            KubeLinter: "liveness-port",
            KubeLinter: "readiness-port",
            KubeLinter: "startup-port",
        ],
        fix: None,
        default_enabled: true,
        what: "Reports liveness, readiness and startup probes (`httpGet`, `tcpSocket`) of regular \
            and sidecar containers whose `port` is a name that none of the container's `ports` \
            carries. A numeric string (`\"8080\"`) is a number, as the kubelet reads it; numbers \
            are KS061's.",
        why: "The kubelet cannot resolve the name, so the probe fails every time: the pod never \
            becomes ready, or its liveness probe restarts it forever.",
        example: "```yaml\nports:\n- {name: http, containerPort: 8080}\n\
            livenessProbe:\n  httpGet: {path: /healthz, port: metrics}   # flagged: no port named \
            metrics\n```",
        fix_safety: "No automatic fix: use the name of a declared port, or declare the port the \
            application listens on with that name.",
    }
}

pub(crate) static HOOK: Hook = Hook::Container(check);

/// The port of each probe handler of a regular container or sidecar: (probe, handler, port,
/// the ports the container declares). Shared with KS061.
pub(crate) fn probe_ports<'a>(
    cc: &ContainerCtx<'a>,
) -> Vec<(&'static str, &'static str, &'a Value, &'a [Value])> {
    let mut out = Vec::new();
    if cc.c.kind != ContainerKind::Regular && !cc.c.is_sidecar() {
        return out;
    }
    let ports = cc.c.c.get("ports").and_then(Value::as_array);
    let list = ports.map(Vec::as_slice).unwrap_or_default();
    for probe in ["livenessProbe", "readinessProbe", "startupProbe"] {
        let Some(Value::Object(p)) = cc.c.c.get(probe) else {
            continue;
        };
        for handler in ["httpGet", "tcpSocket", "grpc"] {
            if let Some(port) = p.get(handler).and_then(|h| h.get("port")) {
                out.push((probe, handler, port, list));
            }
        }
    }
    out
}

/// A probe port as a number (`8080` or `"8080"`).
pub(crate) fn port_number(port: &Value) -> Option<f64> {
    match port {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse::<f64>().ok(),
        _ => None,
    }
}

fn check(ctx: &mut Ctx<'_>, _: &PodCtx<'_>, cc: &ContainerCtx<'_>) {
    let name = cc.name;
    for (probe, handler, port, list) in probe_ports(cc) {
        if port_number(port).is_some() {
            continue;
        }
        if let Some(s) = port.as_str()
            && !s.is_empty()
            && !templated(s)
            && !list.iter().any(|x| str_of(x.get("name")) == s)
        {
            ctx.report(
                &META,
                &format!("{}/{probe}/{handler}/port", cc.ptr),
                Some(name),
                format!("container `{name}`'s {probe} targets port `{s}`, but the container has no port of that name: the probe always fails"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("initContainers:\n- name: sidecar\n  image: s:1\n  restartPolicy: Always\n  readinessProbe: {tcpSocket: {port: admin}}\ncontainers:\n- name: app\n  ports: [{name: http, containerPort: 8080}]\n  livenessProbe:\n    httpGet: {path: /healthz, port: metrics}\n");
        assert_lines(&super::META, &y, &[10, 15]);
    }

    #[test]
    fn near_misses() {
        let y = pod("initContainers:\n- name: init\n  image: i:1\n  livenessProbe: {httpGet: {port: nope}}\ncontainers:\n- name: app\n  ports: [{name: http, containerPort: 8080}]\n  livenessProbe: {httpGet: {port: http}}\n  readinessProbe: {tcpSocket: {port: \"8080\"}}\n  startupProbe: {httpGet: {port: \"{{ .Values.port }}\"}}\n");
        assert_lines(&super::META, &y, &[]);
    }
}
