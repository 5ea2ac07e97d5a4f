//! DF015 `root-user`: the effective `USER` of the final (or `--target`) stage is root.

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF015",
    name: "root-user",
    summary: "The image runs as root: the last `USER` of the final stage is root or UID 0",
    severity: Severity::High,
    category: Category::Security,
    aliases: &[
        Alias::new(Tool::Hadolint, "DL3002"),
        Alias::new(Tool::Trivy, "DS-0002"),
        Alias::new(Tool::Checkov, "CKV_DOCKER_8"),
    ],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Finds the `USER` in effect at the end of the final stage (or the `--target` stage), \
following `FROM <stage>` to the stages it builds on, resolves build arguments, and reports \
it when it is `root`, `0`, `root:<group>` or `0:<group>`. Builder stages are not checked \
unless `all-stages-user` is set (hadolint checks every stage and flags builders; Trivy \
looks at the last `USER` of the whole file; Checkov only matches the literal `root`).\n\n\
## Why is this bad?\n\
A process running as root in a container is one kernel or runtime bug away from root on \
the host, and can modify everything in the image at run time.\n\n\
## Example\n\
```dockerfile\nFROM alpine:3.20\nUSER root\nCMD [\"app\"]\n```\nUse instead:\n```dockerfile\nFROM alpine:3.20\nUSER 10001:10001\nCMD [\"app\"]\n```\n\n\
## Fix safety\n\
No automatic fix: the right UID and file ownership are the author's decision.\n",
};

/// Whether a resolved `USER` value means root.
pub fn is_root(v: &str) -> bool {
    let user = v.split(':').next().unwrap_or(v).trim();
    user == "root" || user == "0" || (!user.is_empty() && user.chars().all(|c| c == '0'))
}

/// The last `USER` instruction in effect at the end of `stage`, following parent stages.
pub fn effective_user(ctx: &Ctx, stage: usize) -> Option<usize> {
    let mut cur = Some(stage);
    let mut seen = Vec::new();
    while let Some(s) = cur {
        if seen.contains(&s) {
            break;
        }
        seen.push(s);
        if let Some((i, _)) = ctx.stage_body(s).filter(|(_, ins)| ins.kind == Kind::User).last() {
            return Some(i);
        }
        cur = ctx.model.stages[s].parent;
    }
    None
}

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for s in ctx.model.user_stages(ctx.settings.all_stages_user) {
        let Some(i) = effective_user(ctx, s) else { continue };
        let ins = &ctx.df.instructions[i];
        let v = ctx.expand_at(i, ins.args()).value;
        if is_root(&v) && ctx.model.stage_of[i] == Some(s) {
            out.push(ctx.at(&META, ins, format!("The image runs as root (`USER {}`): switch to a non-root UID", ins.args())));
        } else if is_root(&v) {
            let from = &ctx.df.instructions[ctx.model.stages[s].from];
            out.push(ctx.at(&META, from, format!("This stage inherits `USER {}` (line {}) and runs as root", ins.args(), ins.line)));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Settings;
    use crate::rules::testing::{assert_lines, lines_with};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nUSER 1000\nUSER root\n", &[3]);
        assert_lines(&super::META, "FROM a:1\nUSER 0:0\n", &[2]);
        assert_lines(&super::META, "FROM a:1\nARG U=root\nUSER ${U}:root\n", &[3]);
        assert_lines(&super::META, "FROM a:1 AS base\nUSER root\nFROM base\nRUN x\n", &[3]);
    }

    #[test]
    fn near_misses() {
        // root only in a builder stage
        assert_lines(&super::META, "FROM a:1 AS build\nUSER root\nFROM b:1\nUSER 1000\n", &[]);
        assert_lines(&super::META, "FROM a:1\nUSER rootless\nUSER 1000:0\n", &[]);
    }

    #[test]
    fn all_stages_and_target() {
        let src = "FROM a:1 AS build\nUSER root\nFROM b:1\nUSER 1000\n";
        let all = Settings { all_stages_user: true, ..Settings::default() };
        assert_eq!(lines_with(&super::META, src, &all), vec![2]);
        let target = Settings { target: Some("build".into()), ..Settings::default() };
        assert_eq!(lines_with(&super::META, src, &target), vec![2]);
    }
}
