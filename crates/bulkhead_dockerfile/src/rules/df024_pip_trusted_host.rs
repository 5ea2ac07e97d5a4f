//! DF024 `pip-trusted-host`: `pip --trusted-host` or `PIP_TRUSTED_HOST`.

use super::prelude::*;
use crate::rules::key_values;

pub static META: RuleMeta = RuleMeta {
    code: "DF024",
    name: "pip-trusted-host",
    summary: "pip told to trust a host without TLS verification",
    severity: Severity::High,
    category: Category::Security,
    aliases: &[
        Alias::new(Tool::Checkov, "CKV2_DOCKER_4"),
        Alias::new(Tool::Checkov, "CKV2_DOCKER_16"),
    ],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `pip install --trusted-host`, `pip config set global.trusted-host`, and \
`ENV`/`ARG PIP_TRUSTED_HOST`.\n\n\
## Why is this bad?\n\
A trusted host is fetched over plain HTTP or with certificate errors ignored, so packages \
can be replaced in transit.\n\n\
## Example\n\
```dockerfile\nRUN pip install --trusted-host pypi.example.com app\n```\nServe the index over HTTPS with a valid certificate and drop the option.\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (_, c) in ctx.commands() {
        let is_pip = c.name().starts_with("pip")
            || (c.name().starts_with("python") && c.args().iter().any(|w| w.value == "pip"));
        if !is_pip {
            continue;
        }
        let w = c.find_opt(&[], &["trusted-host"]).or_else(|| c.args().iter().find(|w| w.value.ends_with(".trusted-host") || w.value == "trusted-host"));
        if let Some(w) = w {
            out.push(ctx.finding(&META, w.start, w.end, "pip `--trusted-host` skips TLS verification for that host"));
        }
    }
    for ins in &ctx.df.instructions {
        if matches!(ins.kind, Kind::Env | Kind::Arg) {
            for kv in key_values(ins) {
                if kv.key.eq_ignore_ascii_case("PIP_TRUSTED_HOST") {
                    out.push(ctx.at_l(&META, ins, kv.lstart, kv.lend, "`PIP_TRUSTED_HOST` skips TLS verification for that host"));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::assert_lines;

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN pip install --trusted-host=x y\nENV PIP_TRUSTED_HOST=x\nRUN python3 -m pip config set global.trusted-host x\n", &[2, 3, 4]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN pip install --index-url https://x y\n", &[]);
    }
}
