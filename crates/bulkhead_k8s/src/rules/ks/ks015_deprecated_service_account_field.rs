//! KS015 `deprecated-service-account-field`: Pod spec uses the deprecated `serviceAccount` field.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS015",
        name: "deprecated-service-account-field",
        summary: "Pod spec uses the deprecated `serviceAccount` field",
        severity: Low,
        category: Reliability,
        aliases: [KubeLinter: "deprecated-service-account-field"],
        fix: Safe,
        default_enabled: true,
        what: "Reports `serviceAccount` (deprecated alias) without `serviceAccountName`.",
        why: "The field is deprecated and ignored when `serviceAccountName` is set, which \
            misleads readers.",
        example: "```yaml\nspec:\n  serviceAccount: app   # flagged\n```",
        fix_safety: "Safe: the fix renames the key to `serviceAccountName`, with the same meaning.",
    }
}

pub(crate) static HOOK: Hook = Hook::Pod(check);

fn check(ctx: &mut Ctx<'_>, pod: &PodCtx<'_>) {
    let spec = pod.ps.spec;
    if spec.get("serviceAccountName").is_some() || str_of(spec.get("serviceAccount")).is_empty() {
        return;
    }
    let ptr = format!("{}/serviceAccount", pod.ps.spec_ptr);
    let fix = rename_key(ctx, &ptr, "serviceAccountName");
    let f = ctx.report(
        &META,
        &ptr,
        None,
        "`serviceAccount` is deprecated; use `serviceAccountName`".into(),
    );
    f.fix = fix;
}

/// Rename the key at `ptr` to `new` (never through an alias).
fn rename_key(ctx: &Ctx<'_>, ptr: &str, new: &str) -> Option<Fix> {
    let n = ctx.doc.node(ptr)?;
    if n.style == crate::loader::Style::Alias {
        return None;
    }
    let (ks, ke) = n.key?;
    Some(Fix::safe(
        format!("Rename to `{new}`"),
        vec![bulkhead_diagnostics::Edit::replace(
            ks.byte as usize,
            ke.byte as usize,
            new,
        )],
    ))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("serviceAccount: app\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines(&super::META, &y, &[6]);
        assert_fixed(&super::META, &y, "  serviceAccountName: app\n", false);
    }

    #[test]
    fn near_misses() {
        let y = pod("serviceAccount: app\nserviceAccountName: app\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines(&super::META, &y, &[]);
        let y = pod("serviceAccount: \"\"\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines(&super::META, &y, &[]);
    }
}
