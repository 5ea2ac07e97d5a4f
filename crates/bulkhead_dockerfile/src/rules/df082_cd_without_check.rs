//! DF082 `cd-without-check`: `cd` whose failure is ignored (ShellCheck SC2164)

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF082",
    name: "cd-without-check",
    summary: "`cd` whose failure is ignored (ShellCheck SC2164)",
    severity: Severity::Low,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Shellcheck, "SC2164")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `cd dir` followed by `;` or a new line and more commands, in a `RUN` script that does \
not `set -e` (`set -e`, `set -eux`, `set -o errexit`).\n\n\
## Why is this bad?\n\
If the directory does not exist, `cd` fails, the script goes on in the wrong directory, and a \
later `rm -rf *` or `make install` runs somewhere else.\n\n\
## Example\n\
```dockerfile\n\
RUN cd /src; make install\n\
```\n\
Use instead:\n\
```dockerfile\n\
RUN cd /src && make install\n\
```\n\n\
## Fix safety\n\
No automatic fix: `&&` or `|| exit` change which commands run.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for script in ctx.scripts.iter().flatten() {
        let errexit = script.commands.iter().any(|c| {
            c.name() == "set"
                && c.args().iter().enumerate().any(|(k, w)| {
                    let v = w.value.as_str();
                    (v.starts_with('-') && !v.starts_with("--") && v.contains('e') && v.len() > 1 && !v.ends_with('o'))
                        || (v.starts_with('-') && v.ends_with('o') && c.args().get(k + 1).is_some_and(|n| n.value == "errexit"))
                        || (v.starts_with('-') && v.contains('e') && v.ends_with('o') && v.len() > 2)
                })
        });
        if errexit {
            continue;
        }
        let top: Vec<&Command> = script.commands.iter().filter(|c| !c.nested).collect();
        for (k, c) in top.iter().enumerate() {
            if c.name() == "cd" && matches!(c.sep_after, b';' | b'\n') && k + 1 < top.len() {
                out.push(ctx.finding(&META, c.start, c.end, "`cd` may fail and the script would go on elsewhere: use `cd dir && ...` or `set -e`"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN cd /src; make\nRUN cd /x \\\n ; rm -rf *\n", &[2, 3]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN cd /src && make\nRUN set -eux; cd /src; make\nRUN set -o errexit; cd /a; b\nRUN x; cd /a\n", &[]);
    }
}
