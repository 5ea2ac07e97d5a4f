//! DF026 `npm-strict-ssl-disabled`: npm/yarn `strict-ssl false`.

use super::prelude::*;
use crate::rules::key_values;

pub static META: RuleMeta = RuleMeta {
    code: "DF026",
    name: "npm-strict-ssl-disabled",
    summary: "npm or yarn `strict-ssl` set to false",
    severity: Severity::High,
    category: Category::Security,
    aliases: &[
        Alias::new(Tool::Checkov, "CKV2_DOCKER_12"),
        Alias::new(Tool::Checkov, "CKV2_DOCKER_13"),
    ],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `npm config set strict-ssl false`, `yarn config set strict-ssl false`, \
`--strict-ssl=false`, and `NPM_CONFIG_STRICT_SSL=false` in `ENV`, `ARG` or `RUN`.\n\n\
## Why is this bad?\n\
Packages are then downloaded without certificate checks and can be tampered with.\n\n\
## Example\n\
```dockerfile\nRUN npm config set strict-ssl false && npm ci\n```\nConfigure the registry's CA with `cafile` instead.\n\n\
## Fix safety\n\
No automatic fix.\n",
};

fn falsy(v: &str) -> bool {
    matches!(crate::model::unquote(v).to_ascii_lowercase().as_str(), "false" | "0" | "no")
}

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (_, c) in ctx.commands() {
        let assigned = c.assigns.iter().chain(if c.name() == "export" { c.args() } else { &[] }).find(|w| {
            w.value.split_once('=').is_some_and(|(k, v)| k.eq_ignore_ascii_case("NPM_CONFIG_STRICT_SSL") && falsy(v))
        });
        if let Some(w) = assigned {
            out.push(ctx.finding(&META, w.start, w.end, "`NPM_CONFIG_STRICT_SSL=false` disables TLS verification"));
            continue;
        }
        if !matches!(c.name(), "npm" | "yarn" | "pnpm") {
            continue;
        }
        let a = c.args();
        let hit = a.iter().any(|w| w.value.strip_prefix("--strict-ssl=").is_some_and(falsy))
            || a.windows(2).any(|p| p[0].value == "strict-ssl" && falsy(&p[1].value))
            || a.iter().any(|w| w.value.strip_prefix("strict-ssl=").is_some_and(falsy));
        if hit {
            out.push(ctx.finding(&META, c.start, c.end, format!("`{}` with strict-ssl false disables TLS verification", c.name())));
        }
    }
    for ins in &ctx.df.instructions {
        if matches!(ins.kind, Kind::Env | Kind::Arg) {
            for kv in key_values(ins) {
                if kv.key.eq_ignore_ascii_case("NPM_CONFIG_STRICT_SSL") && falsy(&kv.value) {
                    out.push(ctx.at_l(&META, ins, kv.lstart, kv.lend, "`NPM_CONFIG_STRICT_SSL=false` disables TLS verification"));
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
        assert_lines(
            &super::META,
            "FROM a:1\nRUN npm config set strict-ssl false\nRUN yarn config set strict-ssl false\nENV NPM_CONFIG_STRICT_SSL=false\nRUN npm install --strict-ssl=false x\n",
            &[2, 3, 4, 5],
        );
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN npm config set strict-ssl true\n", &[]);
    }
}
