//! DF083 `rm-unguarded-variable`: `rm -r $VAR/...` can become `rm -r /` (ShellCheck SC2115)

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF083",
    name: "rm-unguarded-variable",
    summary: "`rm -r $VAR/...` can become `rm -r /` (ShellCheck SC2115)",
    severity: Severity::Medium,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Shellcheck, "SC2115")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports recursive `rm` of a path that starts with a variable followed by `/` (`$DIR/`, \
`${DIR}/*`) without `${DIR:?}`.\n\n\
## Why is this bad?\n\
When the variable is empty or unset, the path becomes `/...`: the command deletes from the \
filesystem root.\n\n\
## Example\n\
```dockerfile\n\
RUN rm -rf \"$BUILD_DIR/\"*\n\
```\n\
Use instead:\n\
```dockerfile\n\
RUN rm -rf \"${BUILD_DIR:?}/\"*\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (_, c) in ctx.commands() {
        if c.name() != "rm" || !c.has_opt(&['r', 'R'], &["recursive"]) {
            continue;
        }
        for w in c.args() {
            let v = w.value.as_str();
            let Some(rest) = v.strip_prefix('$') else { continue };
            let guarded = rest.starts_with('{') && rest.split('}').next().is_some_and(|inner| inner.contains(":?"));
            let name_end = if rest.starts_with('{') {
                rest.find('}').map(|e| e + 1)
            } else {
                Some(rest.find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_')).unwrap_or(rest.len()))
            };
            let slash_next = name_end.is_some_and(|e| rest[e..].starts_with('/'));
            if slash_next && !guarded {
                out.push(ctx.finding(&META, w.start, w.end, format!("`rm -r {v}` deletes from `/` when the variable is empty: use `${{VAR:?}}`")));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN rm -rf \"$DIR/\"*\nRUN rm -r ${D}/x\n", &[2, 3]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN rm -rf \"${DIR:?}/\"* && rm -rf $DIR && rm -f $D/x && rm -rf /var/lib/apt/lists/*\n", &[]);
    }
}
