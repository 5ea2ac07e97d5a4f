//! PSS005 `pss-host-ports`: container binds a host port.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "PSS005",
        name: "pss-host-ports",
        summary: "Container binds a host port",
        severity: Medium,
        category: Security,
        aliases: [
            Pss: "hostPorts",
            Trivy: "KSV-0024",
            Checkov: "CKV_K8S_26",
            Polaris: "hostPortSet",
        ],
        fix: None,
        default_enabled: true,
        what: "Reports `ports[].hostPort` set to anything but 0 (baseline).\n\nPod Security \
            Standards check `hostPorts`; it runs when the `--pss` level includes it at the chosen \
            version.",
        why: "A host port bypasses Services and NetworkPolicies and ties the pod to one port per \
            node.",
        example: "```yaml\nports:\n- containerPort: 8080\n  hostPort: 8080   # flagged\n```",
        fix_safety: "No automatic fix: clients that use the host port would lose it.",
    }
}

pub(crate) static HOOK: Hook = Hook::Pss(check, None);

fn check(e: &mut Eval<'_, '_>) {
    for c in e.cs {
        let Some(Value::Array(ports)) = c.c.get("ports") else {
            continue;
        };
        for (i, p) in ports.iter().enumerate() {
            let hp = p.get("hostPort");
            let set = match hp {
                None | Some(Value::Null) => false,
                Some(Value::Number(n)) => n.as_f64() != Some(0.0),
                Some(_) => true,
            };
            if set {
                e.push(
                    At::Spec(format!("{}/ports/{i}/hostPort", c.rel_ptr())),
                    Some(c.name()),
                    format!(
                        "container `{}` binds host port {}",
                        c.name(),
                        display(hp.unwrap_or(&Value::Null))
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("containers:\n- name: c\n  ports:\n  - containerPort: 80\n    hostPort: 8080\n  - {containerPort: 81, hostPort: \"81\"}\n");
        assert_lines_at(&super::META, &y, "baseline", &[10, 11]);
    }

    #[test]
    fn near_misses() {
        let y = pod("containers:\n- name: c\n  ports:\n  - containerPort: 80\n    hostPort: 0\n  - {containerPort: 81, hostPort: null}\n");
        assert_lines_at(&super::META, &y, "baseline", &[]);
    }
}
