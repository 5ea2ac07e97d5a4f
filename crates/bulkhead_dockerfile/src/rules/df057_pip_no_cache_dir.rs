//! DF057 `pip-no-cache-dir`: `pip install` without `--no-cache-dir`

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF057",
    name: "pip-no-cache-dir",
    summary: "`pip install` without `--no-cache-dir`",
    severity: Severity::Low,
    category: Category::Size,
    aliases: &[Alias::new(Tool::Hadolint, "DL3042")],
    fix: FixKind::Safe,
    default_enabled: true,
    docs: "## What it does\n\
Reports `pip install` in the final stage (or a stage it builds on) without `--no-cache-dir`, \
unless `PIP_NO_CACHE_DIR` is set in the stage or the `RUN` has a cache mount on \
`/root/.cache`.\n\n\
## Why is this bad?\n\
pip keeps downloaded wheels in `~/.cache/pip`; in an image they are dead weight.\n\n\
## Example\n\
```dockerfile\n\
RUN pip install flask==3.0.3\n\
```\n\
Use instead:\n\
```dockerfile\n\
RUN pip install --no-cache-dir flask==3.0.3\n\
```\n\n\
## Fix safety\n\
Safe: `--no-cache-dir` is inserted after `install`.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, c) in ctx.commands() {
        // pipx and pipenv keep no pip download cache in the image layer of their own.
        let pipx = c.name().starts_with("pipx");
        if !super::pm::is_pip_install(c) || pipx || c.has_opt(&[], &["no-cache-dir"]) || !ctx.in_final_chain(i) {
            continue;
        }
        let Some(install) = c.args().iter().find(|w| w.value == "install") else { continue };
        let ins = &ctx.df.instructions[i];
        if super::pm::has_cache_mount(ins, &["/root/.cache", "/root/.cache/pip"])
            || c.assigns.iter().any(|w| w.value.strip_prefix("PIP_NO_CACHE_DIR=").is_some_and(truthy))
            || super::pm::run_has(ctx, i, |k| k.start < c.start && matches!(k.name(), "export" | "declare") && k.args().iter().any(|w| w.value.strip_prefix("PIP_NO_CACHE_DIR=").is_some_and(truthy)))
            || ctx.vars_before(i).iter().any(|(k, v)| k == "PIP_NO_CACHE_DIR" && truthy(v))
        {
            continue;
        }
        let f = ctx.finding(&META, c.start, c.end, "`pip install` without `--no-cache-dir` keeps the download cache in the layer");
        out.push(if c.nested { f } else { f.with_fix(Fix::safe("Add `--no-cache-dir`", vec![Edit::insert(install.end, " --no-cache-dir")])) });
    }
}

/// pip reads `PIP_NO_CACHE_DIR` as a boolean: `0`, `off`, `no`, `false` keep the cache.
fn truthy(v: &str) -> bool {
    !matches!(v.trim_matches(['"', '\'']).to_ascii_lowercase().as_str(), "0" | "off" | "no" | "false" | "")
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines, assert_fix};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN pip install flask==3\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask==3\n", &[]);
        assert_lines(&super::META, "FROM a:1\nRUN --mount=type=cache,target=/root/.cache pip install x==1\n", &[]);
        assert_lines(&super::META, "FROM a:1 AS b\nRUN pip install x==1\nFROM c:1\n", &[]);
    }

    #[test]
    fn fixes() {
        assert_fix(&super::META, "FROM a:1\nRUN pip3 install -r r.txt\n", false, "FROM a:1\nRUN pip3 install --no-cache-dir -r r.txt\n");
    }

    #[test]
    fn environment_values_and_other_installers() {
        assert_lines(&super::META, "FROM a:1\nRUN export PIP_NO_CACHE_DIR=1 && pip install x==1\nRUN pipx install x\nRUN pipenv install x\n", &[]);
        assert_lines(&super::META, "FROM a:1\nENV PIP_NO_CACHE_DIR=off\nRUN pip install x==1\nRUN PIP_NO_CACHE_DIR=0 pip install y==1\n", &[3, 4]);
    }
}
