//! DF017 `sudo`: `sudo` in `RUN`.

use super::prelude::*;
use crate::shell::basename;

pub static META: RuleMeta = RuleMeta {
    code: "DF017",
    name: "sudo",
    summary: "`sudo` used in `RUN`",
    severity: Severity::High,
    category: Category::Security,
    aliases: &[
        Alias::new(Tool::Hadolint, "DL3004"),
        Alias::new(Tool::Trivy, "DS-0010"),
        Alias::new(Tool::Checkov, "CKV2_DOCKER_1"),
    ],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `sudo` (or `doas`) as a command in `RUN`, including inside `sh -c`, `$(...)` and \
heredoc scripts.\n\n\
## Why is this bad?\n\
`sudo` in an image means a privilege-escalation path is installed and configured; it has \
unpredictable TTY and signal behaviour. Build steps that need root should run before a \
`USER` switch, and the runtime user should not be able to become root.\n\n\
## Example\n\
```dockerfile\nUSER app\nRUN sudo apt-get update\n```\nUse instead:\n```dockerfile\nUSER root\nRUN apt-get update\nUSER app\n```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (_, c) in ctx.commands() {
        if let Some(w) = c
            .words
            .iter()
            .take(4)
            .find(|w| matches!(basename(&w.value), "sudo" | "doas"))
            && (c.words.first().is_some_and(|f| std::ptr::eq(f, w)) || c.uses_sudo())
        {
            out.push(ctx.finding(&META, w.start, w.end, format!("`{}` in RUN: run the step as root before `USER` instead", w.value)));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::assert_lines;

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN sudo apt-get update\nRUN x && sh -c 'sudo make'\n", &[2, 3]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN apt-get install -y sudo\nRUN echo sudo\n", &[]);
    }
}
