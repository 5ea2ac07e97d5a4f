//! PSS007 `pss-selinux-options`: SELinux type, user or role is not allowed.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "PSS007",
        name: "pss-selinux-options",
        summary: "SELinux type, user or role is not allowed",
        severity: High,
        category: Security,
        aliases: [Pss: "seLinuxOptions", Trivy: "KSV-0025"],
        fix: None,
        default_enabled: true,
        what: "Reports `seLinuxOptions` (pod or container) whose `type` is not empty, \
            container_t, container_init_t, container_kvm_t (or container_engine_t from v1.31), or \
            that sets `user` or `role` (baseline).\n\nPod Security Standards check \
            `seLinuxOptions`; it runs when the `--pss` level includes it at the chosen version.",
        why: "Custom SELinux users, roles and types can lift the confinement SELinux puts on \
            containers.",
        example: "```yaml\nsecurityContext:\n  seLinuxOptions:\n    type: spc_t   # flagged\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Pss(check, None);

/// The field of `seLinuxOptions` that fails the check, with the reason.
fn problem(o: &Value, v: u32) -> Option<(&'static str, String)> {
    let t = str_of(o.get("type"));
    let type_ok = matches!(t, "" | "container_t" | "container_init_t" | "container_kvm_t")
        || (v >= 31 && t == "container_engine_t");
    if !type_ok {
        return Some(("type", format!("SELinux type `{t}` is not allowed")));
    }
    for f in ["user", "role"] {
        if !str_of(o.get(f)).is_empty() {
            return Some((f, format!("SELinux {f} must not be set")));
        }
    }
    None
}

fn check(e: &mut Eval<'_, '_>) {
    let v = e.v;
    if let Some((f, m)) = e.pod_sc("seLinuxOptions").and_then(|o| problem(o, v)) {
        e.push(
            At::Spec(format!("/securityContext/seLinuxOptions/{f}")),
            None,
            format!("pod: {m}"),
        );
    }
    for c in e.cs {
        if let Some((f, m)) = c.sc_field("seLinuxOptions").and_then(|o| problem(o, v)) {
            e.push(
                At::Spec(format!(
                    "{}/securityContext/seLinuxOptions/{f}",
                    c.rel_ptr()
                )),
                Some(c.name()),
                format!("container `{}`: {m}", c.name()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("securityContext:\n  seLinuxOptions: {type: spc_t}\ncontainers:\n- name: c\n  securityContext:\n    seLinuxOptions:\n      user: root\n- name: d\n  securityContext:\n    seLinuxOptions: {type: container_engine_t}\n");
        assert_lines_at(&super::META, &y, "baseline@v1.30", &[7, 12, 15]);
        assert_lines_at(&super::META, &y, "baseline@v1.31", &[7, 12]);
    }

    #[test]
    fn near_misses() {
        let y = pod("securityContext:\n  seLinuxOptions: {type: container_t, level: \"s0:c1\"}\ncontainers:\n- name: c\n  securityContext:\n    seLinuxOptions: {user: \"\", type: container_init_t}\n");
        assert_lines_at(&super::META, &y, "baseline", &[]);
    }
}
