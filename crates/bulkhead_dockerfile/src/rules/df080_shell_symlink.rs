//! DF080 `shell-symlink`: `ln -s ... /bin/sh` instead of `SHELL`

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF080",
    name: "shell-symlink",
    summary: "`ln -s ... /bin/sh` instead of `SHELL`",
    severity: Severity::Low,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL4005")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `ln` creating `/bin/sh` (for example `ln -sf /bin/bash /bin/sh`).\n\n\
## Why is this bad?\n\
Replacing `/bin/sh` changes the shell for everything in the image, including package scripts. \
`SHELL [\"/bin/bash\", \"-c\"]` changes it for the Dockerfile only.\n\n\
## Example\n\
```dockerfile\n\
RUN ln -sf /bin/bash /bin/sh\n\
```\n\
Use instead:\n\
```dockerfile\n\
SHELL [\"/bin/bash\", \"-c\"]\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (_, c) in ctx.commands() {
        if c.name() == "ln" && c.args().last().is_some_and(|w| w.value == "/bin/sh") {
            out.push(ctx.finding(&META, c.start, c.end, "Use the SHELL instruction instead of replacing /bin/sh"));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN ln -sf /bin/bash /bin/sh\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN ln -s /bin/sh /usr/local/bin/x\n", &[]);
    }
}
