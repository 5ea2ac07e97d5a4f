//! KS006 `capability-net-raw`: container keeps NET_RAW.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS006",
        name: "capability-net-raw",
        summary: "Container keeps NET_RAW",
        severity: Medium,
        category: Security,
        aliases: [
            Trivy: "KSV-0119",
            Checkov: "CKV_K8S_28",
            KubeLinter: "drop-net-raw-capability",
            Polaris: "insecureCapabilities",
        ],
        fix: Unsafe,
        default_enabled: true,
        what: "Reports containers that add NET_RAW, or that drop neither ALL nor NET_RAW.",
        why: "NET_RAW allows crafting packets: ARP and DNS spoofing of neighbouring pods.",
        example: "```yaml\ncontainers:\n- name: app   # flagged: NET_RAW not dropped\n  image: \
            app:1.0\n```",
        fix_safety: "Unsafe: the fix drops ALL capabilities (see PSS018); `ping` without file \
            capabilities stops working.",
    }
}

pub(crate) static HOOK: Hook = Hook::Container(check);

fn check(ctx: &mut Ctx<'_>, pod: &PodCtx<'_>, cc: &ContainerCtx<'_>) {
    super::ks005_capability_sys_admin::added(ctx, cc, &META, &["NET_RAW"]);
    let caps = cc.c.sc_field("capabilities");
    let has = |list: &str, cap: &str| {
        strings(caps.and_then(|x| x.get(list)))
            .any(|(_, d)| crate::rules::util::norm_cap(d) == cap)
    };
    if has("drop", "ALL") || has("drop", "NET_RAW") || has("add", "NET_RAW") {
        return;
    }
    let fix = super::ks008_no_capabilities_dropped::drop_all(ctx, pod.ps, &cc.c);
    let f = ctx.report(
        &META,
        &format!("{}/capabilities/drop", cc.sc_ptr),
        Some(cc.name),
        format!("container `{}` keeps NET_RAW; drop ALL (or at least NET_RAW)", cc.name),
    );
    f.fix = fix;
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("containers:\n- name: c\n  image: i:1\n- name: d\n  securityContext:\n    capabilities: {add: [NET_RAW], drop: [ALL]}\n- name: e\n  securityContext:\n    capabilities: {drop: [SYS_ADMIN]}\n");
        assert_lines(&super::META, &y, &[7, 11, 14]);
    }

    #[test]
    fn near_misses() {
        let y = pod("containers:\n- name: c\n  securityContext:\n    capabilities: {drop: [all]}\n- name: d\n  securityContext:\n    capabilities: {drop: [CAP_NET_RAW]}\n");
        assert_lines(&super::META, &y, &[]);
    }
}
