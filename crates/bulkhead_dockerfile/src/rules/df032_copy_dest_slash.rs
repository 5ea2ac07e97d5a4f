//! DF032 `copy-dest-without-slash`: `COPY` with several sources needs a destination ending in `/`

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF032",
    name: "copy-dest-without-slash",
    summary: "`COPY` with several sources needs a destination ending in `/`",
    severity: Severity::Medium,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL3021"), Alias::new(Tool::Trivy, "DS-0011")],
    fix: FixKind::Safe,
    default_enabled: true,
    docs: "## What it does\n\
Reports `COPY`/`ADD` with more than one source (or a wildcard source) whose destination does \
not end with `/`.\n\n\
## Why is this bad?\n\
With several sources the destination must be a directory; BuildKit fails the build \
otherwise.\n\n\
## Example\n\
```dockerfile\n\
COPY package.json yarn.lock /app\n\
```\n\
Use instead:\n\
```dockerfile\n\
COPY package.json yarn.lock /app/\n\
```\n\n\
## Fix safety\n\
Safe: a `/` is appended to the destination (not offered for the JSON form).\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, ins) in ctx.df.instructions.iter().enumerate() {
        if !matches!(ins.kind, Kind::Copy | Kind::Add) {
            continue;
        }
        let Some(ops) = ctx.operands(i) else { continue };
        let Some(dest) = ops.dest.as_ref().map(|d| d.text.as_str()) else { continue };
        if ops.sources.len() < 2 || dest.ends_with('/') || dest.ends_with('\\') || dest.contains('$') {
            continue;
        }
        let f = ctx.at(&META, ins, format!("`{}` with {} sources: the destination `{dest}` must end with `/`", ins.kind.as_str(), ops.sources.len()));
        out.push(if ins.json.is_none() {
            let last = ins.fields().last().map(|f| f.lend).unwrap_or(0);
            f.with_fix(Fix::safe("Append `/` to the destination", vec![Edit::insert(ins.orig_end(last), "/")]))
        } else {
            f
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines, assert_fix};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nCOPY a b /app\nCOPY [\"a\", \"b\", \"/app\"]\n", &[2, 3]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nCOPY a b /app/\nCOPY a /app\nCOPY foo bar \"baz/\"\nCOPY foo bar 'baz/'\n", &[]);
    }

    #[test]
    fn fixes() {
        assert_fix(&super::META, "FROM a:1\nCOPY a b \\\n  /app\n", false, "FROM a:1\nCOPY a b \\\n  /app/\n");
    }
}
