//! DF018 `non-numeric-user`: `USER name` instead of a UID.

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF018",
    name: "non-numeric-user",
    summary: "`USER` names a user instead of a numeric UID",
    severity: Severity::Low,
    category: Category::Security,
    aliases: &[Alias::new(Tool::Hadolint, "DL3066")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports the effective `USER` of the final stage when its user part (ARGs resolved) is a \
name rather than a number. Root is DF015's business.\n\n\
## Why is this bad?\n\
Kubernetes' `runAsNonRoot` cannot verify a user name and refuses to start the pod; a \
numeric UID also does not depend on `/etc/passwd` in the image.\n\n\
## Example\n\
```dockerfile\nUSER app\n```\nUse instead:\n```dockerfile\nUSER 10001\n```\n\n\
## Fix safety\n\
No automatic fix: the UID of `app` is only known inside the image.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for s in ctx.model.user_stages(ctx.settings.all_stages_user) {
        let Some(i) = super::df015_root_user::effective_user(ctx, s) else { continue };
        if ctx.model.stage_of[i] != Some(s) {
            continue;
        }
        let ins = &ctx.df.instructions[i];
        let e = ctx.expand_at(i, ins.args());
        let user = e.value.split(':').next().unwrap_or("").trim();
        if user.is_empty() || !e.undefined.is_empty() || super::df015_root_user::is_root(&e.value) {
            continue;
        }
        if !user.chars().all(|c| c.is_ascii_digit()) {
            out.push(ctx.at(&META, ins, format!("`USER {user}` is not numeric: use the UID so `runAsNonRoot` can verify it")));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::assert_lines;

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nUSER app:app\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nUSER app\nUSER 1000:app\n", &[]);
        assert_lines(&super::META, "FROM a:1\nUSER root\n", &[]);
        assert_lines(&super::META, "FROM a:1 AS b\nUSER app\nFROM c:1\nUSER 1\n", &[]);
    }
}
