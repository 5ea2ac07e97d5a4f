//! DF071 `env-same-statement-reference`: `ENV` refers to a variable defined in the same statement

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF071",
    name: "env-same-statement-reference",
    summary: "`ENV` refers to a variable defined in the same statement",
    severity: Severity::Low,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL3044")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `ENV A=1 B=$A`: a value that refers to a key defined earlier in the same `ENV` \
instruction. `ENV PATH=$PATH:/x` (the previous value) is fine.\n\n\
## Why is this bad?\n\
All pairs of one `ENV` are expanded with the values from before the instruction, so `$A` is not \
the `1` the author expects.\n\n\
## Example\n\
```dockerfile\n\
ENV A=/opt B=$A/bin\n\
```\n\
Use instead:\n\
```dockerfile\n\
ENV A=/opt\n\
ENV B=$A/bin\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for ins in &ctx.df.instructions {
        if ins.kind != Kind::Env {
            continue;
        }
        let kvs = super::key_values(ins);
        for (j, kv) in kvs.iter().enumerate() {
            let e = crate::model::expand(&kv.value, ctx.df.escape, &|_| None);
            for used in &e.used {
                if kvs[..j].iter().any(|p| &p.key == used) {
                    out.push(ctx.at_l(&META, ins, kv.lstart, kv.lend, format!("`{}` uses `${used}` defined in the same ENV: it still has its old value here", kv.key)));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nENV A=1 B=${A}x\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nENV A=1\nENV B=$A PATH=$PATH:/x\n", &[]);
    }

    #[test]
    fn a_key_set_twice_in_one_env() {
        assert_lines(&super::META, "FROM a:1\nENV PATH=/bla:${PATH} PATH=/blubb:${PATH}\n", &[2]);
        assert_lines(&super::META, "FROM a:1\nENV PATH=/bla:${PATH}\n", &[]);
    }
}
