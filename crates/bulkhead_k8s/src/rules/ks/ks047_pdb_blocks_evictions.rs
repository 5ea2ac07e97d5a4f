//! KS047 `pdb-blocks-evictions`: PodDisruptionBudget allows no voluntary disruption.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS047",
        name: "pdb-blocks-evictions",
        summary: "PodDisruptionBudget allows no voluntary disruption",
        severity: Medium,
        category: Reliability,
        aliases: [
            KubeLinter: "pdb-max-unavailable",
            KubeLinter: "pdb-min-available",
            Polaris: "pdbDisruptionsIsZero",
        ],
        fix: None,
        default_enabled: true,
        what: "Reports PodDisruptionBudgets with `maxUnavailable: 0` (or `0%`) or `minAvailable: \
            100%`.",
        why: "Such a budget never allows an eviction: node drains, cluster upgrades and \
            autoscaler scale-downs hang on its pods until someone deletes the budget by hand.",
        example: "```yaml\nkind: PodDisruptionBudget\nspec:\n  maxUnavailable: 0   # flagged: use \
            1 (or a percentage)\n```",
        fix_safety: "No automatic fix: the right budget depends on the replica count.",
    }
}

pub(crate) static HOOK: Hook = Hook::Object(check);

fn check(ctx: &mut Ctx<'_>, _: Option<&PodCtx<'_>>) {
    if ctx.doc.kind() != Some("PodDisruptionBudget") {
        return;
    }
    let v = &ctx.doc.value;
    let max = v.pointer("/spec/maxUnavailable");
    if max.and_then(Value::as_f64) == Some(0.0)
        || max.and_then(Value::as_str).map(str::trim) == Some("0%")
    {
        ctx.report(
            &META,
            "/spec/maxUnavailable",
            None,
            "PodDisruptionBudget sets `maxUnavailable: 0`: no pod can ever be evicted".into(),
        );
    }
    if str_of(v.pointer("/spec/minAvailable")).trim() == "100%" {
        ctx.report(
            &META,
            "/spec/minAvailable",
            None,
            "PodDisruptionBudget sets `minAvailable: 100%`: no pod can ever be evicted".into(),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: a}\nspec:\n  maxUnavailable: 0\n  selector: {matchLabels: {app: a}}\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: b}\nspec:\n  minAvailable: 100%\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: c}\nspec:\n  maxUnavailable: \"0%\"\n";
        assert_lines(&super::META, y, &[5, 12, 18]);
    }

    #[test]
    fn near_misses() {
        let y = "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: a}\nspec:\n  maxUnavailable: 1\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: b}\nspec:\n  minAvailable: 90%\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: c}\nspec:\n  minAvailable: 0\n";
        assert_lines(&super::META, y, &[]);
    }
}
