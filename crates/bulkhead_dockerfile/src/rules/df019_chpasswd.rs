//! DF019 `chpasswd`: passwords set or removed in the image.

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF019",
    name: "chpasswd",
    summary: "`chpasswd` (or `passwd -d`) sets or removes a password in the image",
    severity: Severity::High,
    category: Category::Secrets,
    aliases: &[Alias::new(Tool::Checkov, "CKV2_DOCKER_17")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `chpasswd`, and `passwd -d`/`--delete`, in `RUN`.\n\n\
## Why is this bad?\n\
A password written in a Dockerfile is in the image history for anyone who can pull it; a \
removed password makes an account usable without one.\n\n\
## Example\n\
```dockerfile\nRUN echo 'root:hunter2' | chpasswd\n```\nDo not give accounts in images passwords; use keys or the orchestrator's secrets.\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (_, c) in ctx.commands() {
        let hit = match c.name() {
            "chpasswd" => true,
            "passwd" => c.has_opt(&['d'], &["delete"]),
            _ => false,
        };
        if hit {
            out.push(ctx.finding(&META, c.start, c.end, format!("`{}` changes account passwords inside the image", c.name())));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::assert_lines;

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN echo 'root:x' | chpasswd\nRUN passwd -d root\n", &[2, 3]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN passwd -l root && echo chpasswd\n", &[]);
    }
}
