//! KS014 `default-service-account`: Pod uses the default ServiceAccount.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS014",
        name: "default-service-account",
        summary: "Pod uses the default ServiceAccount",
        severity: Low,
        category: Security,
        aliases: [
            Checkov: "CKV_K8S_41",
            Checkov: "CKV_K8S_42",
            KubeLinter: "default-service-account",
            Kubesec: "ServiceAccountName",
        ],
        fix: None,
        default_enabled: true,
        what: "Reports pod specs without `serviceAccountName`, or with `default`, that also mount \
            the token.",
        why: "Permissions granted to `default` for one workload leak to every workload of the \
            namespace.",
        example: "```yaml\nspec:\n  serviceAccountName: default   # flagged\n```",
        fix_safety: "No automatic fix: create a dedicated ServiceAccount.",
    }
}

pub(crate) static HOOK: Hook = Hook::Pod(check);

fn check(ctx: &mut Ctx<'_>, pod: &PodCtx<'_>) {
    if !super::ks013_automount_service_account_token::mounts_token(ctx, pod) {
        return;
    }
    let sa = str_of(pod.ps.spec.get("serviceAccountName"));
    let legacy = str_of(pod.ps.spec.get("serviceAccount"));
    if (sa.is_empty() && legacy.is_empty()) || sa == "default" {
        ctx.report(
            &META,
            &format!("{}/serviceAccountName", pod.ps.spec_ptr),
            None,
            "the pod runs as the namespace's `default` ServiceAccount".into(),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("serviceAccountName: default\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines(&super::META, &y, &[6]);
        let y = pod("containers: [{name: c, image: i:1}]\n");
        assert_lines(&super::META, &y, &[5]);
    }

    #[test]
    fn near_misses() {
        let y = pod("serviceAccountName: app\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines(&super::META, &y, &[]);
        let y = pod("serviceAccount: app\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines(&super::META, &y, &[]);
        let y = pod("automountServiceAccountToken: false\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines(&super::META, &y, &[]);
    }
}
