//! PSS012 `pss-host-probes-and-lifecycle`: probe or lifecycle handler targets another host.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "PSS012",
        name: "pss-host-probes-and-lifecycle",
        summary: "Probe or lifecycle handler targets another host",
        severity: Medium,
        category: Security,
        aliases: [Pss: "hostProbesAndHostLifecycle"],
        fix: None,
        default_enabled: true,
        what: "Reports `host` set in the `httpGet` or `tcpSocket` of liveness, readiness and \
            startup probes and of postStart/preStop hooks (baseline, from v1.34).\n\nPod Security \
            Standards check `hostProbesAndHostLifecycle`; it runs when the `--pss` level includes \
            it at the chosen version.",
        why: "The kubelet performs probes from the node: a probe host lets a pod make the node \
            connect to arbitrary addresses (server-side request forgery).",
        example: "```yaml\nlivenessProbe:\n  httpGet:\n    host: 169.254.169.254   # \
            flagged\n    path: /\n    port: 80\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Pss(check, None);

fn check(e: &mut Eval<'_, '_>) {
    for c in e.cs {
        let mut hits = Vec::new();
        for probe in ["livenessProbe", "readinessProbe", "startupProbe"] {
            for h in ["httpGet", "tcpSocket"] {
                let host = c.c.get(probe).and_then(|p| p.get(h)).and_then(|x| x.get("host"));
                if !str_of(host).is_empty() {
                    hits.push(format!("/{probe}/{h}/host"));
                }
            }
        }
        for hook in ["postStart", "preStop"] {
            for h in ["httpGet", "tcpSocket"] {
                let host =
                    c.c.get("lifecycle")
                        .and_then(|l| l.get(hook))
                        .and_then(|x| x.get(h))
                        .and_then(|x| x.get("host"));
                if !str_of(host).is_empty() {
                    hits.push(format!("/lifecycle/{hook}/{h}/host"));
                }
            }
        }
        for p in hits {
            e.push(
                At::Spec(format!("{}{p}", c.rel_ptr())),
                Some(c.name()),
                format!(
                    "container `{}` sets a probe or lifecycle host (`{}`)",
                    c.name(),
                    &p[1..]
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("containers:\n- name: c\n  livenessProbe:\n    httpGet: {host: 169.254.169.254, port: 80}\n  lifecycle:\n    preStop:\n      tcpSocket:\n        host: example.com\n        port: 1\n");
        assert_lines_at(&super::META, &y, "baseline", &[9, 13]);
        assert_lines_at(&super::META, &y, "baseline@v1.33", &[]);
    }

    #[test]
    fn near_misses() {
        let y = pod("containers:\n- name: c\n  livenessProbe:\n    httpGet: {host: \"\", port: 80}\n  readinessProbe:\n    exec: {command: [host]}\n");
        assert_lines_at(&super::META, &y, "baseline", &[]);
    }
}
