//! DF037 `run-cd`: `cd` in `RUN`: use `WORKDIR`

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF037",
    name: "run-cd",
    summary: "`cd` in `RUN`: use `WORKDIR`",
    severity: Severity::Info,
    category: Category::Style,
    aliases: &[Alias::new(Tool::Hadolint, "DL3003"), Alias::new(Tool::Trivy, "DS-0013")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `cd` in a `RUN` command (not inside `sh -c` or a command substitution).\n\n\
## Why is this bad?\n\
`cd` only lasts for the one `RUN`; `WORKDIR` makes the directory explicit for every following \
instruction and is easier to read.\n\n\
## Example\n\
```dockerfile\n\
RUN cd /app && make\n\
```\n\
Use instead:\n\
```dockerfile\n\
WORKDIR /app\n\
RUN make\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (_, c) in ctx.commands() {
        if c.name() == "cd" && !c.nested {
            out.push(ctx.finding(&META, c.start, c.end, "Use `WORKDIR` instead of `cd` in RUN"));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN cd /app && make\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN make -C /app && echo cd\n", &[]);
    }
}
