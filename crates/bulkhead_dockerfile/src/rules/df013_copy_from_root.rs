//! DF013 `copy-from-whole-filesystem`: `COPY --from=stage / ...` copies a whole filesystem

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF013",
    name: "copy-from-whole-filesystem",
    summary: "`COPY --from=stage / ...` copies a whole filesystem",
    severity: Severity::Medium,
    category: Category::Security,
    aliases: &[Alias::new(Tool::Hadolint, "DL3067")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `COPY --from=...` whose source is `/` (the whole filesystem of the other stage or \
image).\n\n\
## Why is this bad?\n\
Everything comes along: package managers, shells, caches, credentials left in the builder. The \
final image loses the benefit of a multi-stage build.\n\n\
## Example\n\
```dockerfile\n\
COPY --from=build / /\n\
```\n\
Use instead:\n\
```dockerfile\n\
COPY --from=build /out/app /usr/local/bin/app\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for ins in &ctx.df.instructions {
        if ins.kind != Kind::Copy || ins.flag("from").is_none() {
            continue;
        }
        let fields = ins.fields();
        let srcs: Vec<String> = match &ins.json {
            Some(j) if j.len() >= 2 => j[..j.len() - 1].to_vec(),
            _ if fields.len() >= 2 => fields[..fields.len() - 1].iter().map(|f| f.text.to_string()).collect(),
            _ => continue,
        };
        if srcs.iter().any(|s| s == "/" || s == "/." || s == "/*") {
            out.push(ctx.at(&META, ins, "`COPY --from` of `/` copies the whole filesystem of the other stage"));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1 AS b\nFROM c:1\nCOPY --from=b / /\n", &[3]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1 AS b\nFROM c:1\nCOPY --from=b /app /app\nCOPY / /x\n", &[]);
    }
}
