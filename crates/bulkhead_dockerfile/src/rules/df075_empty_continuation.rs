//! DF075 `empty-continuation-line`: Empty line inside a line continuation

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF075",
    name: "empty-continuation-line",
    summary: "Empty line inside a line continuation",
    severity: Severity::Info,
    category: Category::Style,
    aliases: &[Alias::new(Tool::Buildkit, "NoEmptyContinuation")],
    fix: FixKind::Safe,
    default_enabled: true,
    docs: "## What it does\n\
Reports blank lines inside an instruction continued with `\\\\`.\n\n\
## Why is this bad?\n\
BuildKit ignores them today but warns that they will become an error; they also make it easy to \
miss that the instruction goes on.\n\n\
## Example\n\
```dockerfile\n\
RUN apt-get update \\\\\n\n && apt-get install -y curl\n\
```\n\
Use instead:\n\
```dockerfile\n\
RUN apt-get update \\\\\n && apt-get install -y curl\n\
```\n\n\
## Fix safety\n\
Safe: the blank line is deleted.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for ins in &ctx.df.instructions {
        for &line in &ins.empty_continuation_lines {
            let Some(s) = ctx.index.line_start(line) else { continue };
            let e = ctx.index.line_start(line + 1).unwrap_or(ctx.text.len());
            out.push(ctx.finding(&META, s, s, "Empty line inside a continued instruction")
                .with_fix(Fix::safe("Delete the empty line", vec![Edit::delete(s, e)])));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines, assert_fix};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN a \\\n\n  b\n", &[3]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN a \\\n  # comment\n  b\n\nRUN c\n", &[]);
    }

    #[test]
    fn fixes() {
        assert_fix(&super::META, "FROM a:1\nRUN a \\\n\n  \n  b\n", false, "FROM a:1\nRUN a \\\n  b\n");
    }
}
