//! KS019 `privileged-port`: container listens on a port below 1024.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS019",
        name: "privileged-port",
        summary: "Container listens on a port below 1024",
        severity: Low,
        category: Security,
        aliases: [Trivy: "KSV-0117", KubeLinter: "privileged-ports"],
        fix: None,
        default_enabled: true,
        what: "Reports `containerPort` values below 1024.",
        why: "Binding them needs root or NET_BIND_SERVICE, which a hardened container should not \
            have.",
        example: "```yaml\nports:\n- containerPort: 80   # flagged\n```",
        fix_safety: "No automatic fix: the program's listen port must change too.",
    }
}

pub(crate) static HOOK: Hook = Hook::Container(check);

fn check(ctx: &mut Ctx<'_>, _: &PodCtx<'_>, cc: &ContainerCtx<'_>) {
    for (ptr, port) in ports(cc) {
        if port != 22.0 && port < 1024.0 && port > 0.0 {
            ctx.report(
                &META,
                &ptr,
                Some(cc.name),
                format!("container `{}` listens on privileged port {port}", cc.name),
            );
        }
    }
}

/// The numeric `containerPort`s of a container with their pointers (shared with KS020).
pub(crate) fn ports(cc: &ContainerCtx<'_>) -> Vec<(String, f64)> {
    cc.c.c
        .get("ports")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
        .filter_map(|(i, p)| {
            let port = num(p.get("containerPort"))?;
            Some((format!("{}/ports/{i}/containerPort", cc.ptr), port))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("containers:\n- name: c\n  ports:\n  - containerPort: 80\n  - {containerPort: 443}\n");
        assert_lines(&super::META, &y, &[9, 10]);
    }

    #[test]
    fn near_misses() {
        let y = pod("containers:\n- name: c\n  ports:\n  - containerPort: 22\n  - containerPort: 8080\n  - containerPort: 0\n  - containerPort: \"80\"\n");
        assert_lines(&super::META, &y, &[]);
    }
}
