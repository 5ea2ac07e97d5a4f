//! DF042 `apt-instead-of-apt-get`: `apt` used instead of `apt-get`/`apt-cache`

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF042",
    name: "apt-instead-of-apt-get",
    summary: "`apt` used instead of `apt-get`/`apt-cache`",
    severity: Severity::Low,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL3027"), Alias::new(Tool::Checkov, "CKV_DOCKER_9")],
    fix: FixKind::Sometimes,
    default_enabled: true,
    docs: "## What it does\n\
Reports `apt` as a command in `RUN`.\n\n\
## Why is this bad?\n\
`apt` is meant for people: its output and behaviour may change between releases and it warns \
that it has no stable command-line interface. Scripts should use `apt-get` and `apt-cache`.\n\n\
## Example\n\
```dockerfile\n\
RUN apt install -y curl\n\
```\n\
Use instead:\n\
```dockerfile\n\
RUN apt-get install -y curl\n\
```\n\n\
## Fix safety\n\
Safe for `install`, `remove`, `purge`, `update`, `upgrade`, `autoremove`, `dist-upgrade` and \
`clean`, which `apt-get` accepts with the same meaning; other subcommands (`search`, `list`...) \
get no fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (_, c) in ctx.commands() {
        if c.name() != "apt" {
            continue;
        }
        let w = &c.effective()[0];
        let f = ctx.finding(&META, w.start, w.end, "`apt` has no stable CLI for scripts: use `apt-get`");
        let sub = c.subcommand().map(|w| w.value.as_str()).unwrap_or("");
        let same = matches!(sub, "install" | "remove" | "purge" | "update" | "upgrade" | "autoremove" | "dist-upgrade" | "clean");
        let exact = !c.nested && ctx.text.get(w.start..w.end) == Some(w.value.as_str());
        out.push(if same && exact { f.with_fix(Fix::safe("Use `apt-get`", vec![Edit::replace(w.start, w.end, "apt-get")])) } else { f });
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines, assert_fix};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN apt update && apt install -y x\n", &[2, 2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN apt-get install -y apt && echo apt\n", &[]);
    }

    #[test]
    fn fixes() {
        assert_fix(&super::META, "FROM a:1\nRUN apt update && apt install -y x\n", false, "FROM a:1\nRUN apt-get update && apt-get install -y x\n");
    }
}
