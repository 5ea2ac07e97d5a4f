//! DF073 `legacy-key-value-format`: `ENV key value` / `LABEL key value` legacy form

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF073",
    name: "legacy-key-value-format",
    summary: "`ENV key value` / `LABEL key value` legacy form",
    severity: Severity::Info,
    category: Category::Style,
    aliases: &[Alias::new(Tool::Buildkit, "LegacyKeyValueFormat")],
    fix: FixKind::Sometimes,
    default_enabled: true,
    docs: "## What it does\n\
Reports `ENV` and `LABEL` written as `key value` instead of `key=value`.\n\n\
## Why is this bad?\n\
The legacy form allows only one pair and takes everything after the key as the value, which \
hides mistakes such as `ENV A 1 B 2`.\n\n\
## Example\n\
```dockerfile\n\
ENV APP_HOME /app\n\
```\n\
Use instead:\n\
```dockerfile\n\
ENV APP_HOME=/app\n\
```\n\n\
## Fix safety\n\
Safe when the value has no quotes or backslashes: the pair is rewritten as `key=value`, quoted \
when it contains spaces. Otherwise no fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for ins in &ctx.df.instructions {
        if !matches!(ins.kind, Kind::Env | Kind::Label) {
            continue;
        }
        for kv in super::key_values(ins) {
            if !kv.legacy {
                continue;
            }
            let f = ctx.at_l(&META, ins, kv.lstart, kv.lend, format!("Legacy `{} {} value` form: use `{}=value`", ins.kind.as_str(), kv.key, kv.key));
            let v = kv.value.trim();
            let plain = !v.contains(['"', '\'', '\\']) && !v.is_empty() && ins.segments.len() == 1;
            out.push(if plain {
                let val = if v.contains(char::is_whitespace) { format!("\"{v}\"") } else { v.to_string() };
                f.with_fix(Fix::safe("Use `key=value`", vec![Edit::replace(ins.orig(kv.lstart), ins.orig_end(kv.lend), format!("{}={val}", kv.key))]))
            } else {
                f
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines, assert_fix};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nENV A 1\nLABEL maintainer me\n", &[2, 3]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nENV A=1 B=\"x y\"\nARG C\nLABEL x=y\n", &[]);
    }

    #[test]
    fn fixes() {
        assert_fix(&super::META, "FROM a:1\nENV A  some value\nENV B /x\n", false, "FROM a:1\nENV A=\"some value\"\nENV B=/x\n");
    }
}
