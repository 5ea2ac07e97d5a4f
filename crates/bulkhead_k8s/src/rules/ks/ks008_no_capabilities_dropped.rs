//! KS008 `no-capabilities-dropped`: container drops no capability at all.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS008",
        name: "no-capabilities-dropped",
        summary: "Container drops no capability at all",
        severity: Low,
        category: Security,
        aliases: [Trivy: "KSV-0004", Kubesec: "CapDropAny"],
        fix: Unsafe,
        default_enabled: true,
        what: "Reports containers whose `capabilities.drop` is missing or empty.",
        why: "Every default capability stays available to an attacker.",
        example: "```yaml\ncontainers:\n- name: app   # flagged\n  image: app:1.0\n```",
        fix_safety: "Unsafe: the fix drops ALL (see PSS018).",
    }
}

pub(crate) static HOOK: Hook = Hook::Container(check);

fn check(ctx: &mut Ctx<'_>, pod: &PodCtx<'_>, cc: &ContainerCtx<'_>) {
    let drop = cc.c.sc_field("capabilities").and_then(|x| x.get("drop"));
    if strings(drop).next().is_some() {
        return;
    }
    let fix = drop_all(ctx, pod.ps, &cc.c);
    let f = ctx.report(
        &META,
        &format!("{}/capabilities/drop", cc.sc_ptr),
        Some(cc.name),
        format!("container `{}` drops no capability", cc.name),
    );
    f.fix = fix;
}

/// `capabilities: {drop: [ALL]}` on a container (also KS006's fix).
pub(crate) fn drop_all(ctx: &Ctx<'_>, ps: &PodSpec<'_>, c: &Container<'_>) -> Option<Fix> {
    let mut ed = Editor::new(ctx);
    ed.ensure_item(
        &format!(
            "{}{}/securityContext/capabilities/drop",
            &ps.spec_ptr,
            c.rel_ptr()
        ),
        s("ALL"),
    )?;
    ed.finish("Drop ALL capabilities", Applicability::Unsafe)
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("containers:\n- name: c\n  image: i:1\n- name: d\n  securityContext:\n    capabilities: {drop: []}\n");
        assert_lines(&super::META, &y, &[7, 11]);
        assert_fixed(&super::META, &y, "capabilities: {drop: [ALL]}", true);
    }

    #[test]
    fn near_misses() {
        let y = pod("containers:\n- name: c\n  securityContext:\n    capabilities: {drop: [NET_RAW]}\n");
        assert_lines(&super::META, &y, &[]);
    }
}
