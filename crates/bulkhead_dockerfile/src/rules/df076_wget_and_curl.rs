//! DF076 `wget-and-curl`: Both `wget` and `curl` are used

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF076",
    name: "wget-and-curl",
    summary: "Both `wget` and `curl` are used",
    severity: Severity::Info,
    category: Category::Size,
    aliases: &[Alias::new(Tool::Hadolint, "DL4001"), Alias::new(Tool::Trivy, "DS-0014")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports the uses of whichever of `wget` and `curl` appears second in a file that uses both, per \
stage.\n\n\
## Why is this bad?\n\
Installing two tools that do the same thing makes the image bigger and doubles the attack \
surface.\n\n\
## Example\n\
```dockerfile\n\
RUN wget -q https://a/x\n\
RUN curl -fsSLO https://a/y\n\
```\n\
Use instead:\n\
```dockerfile\n\
RUN curl -fsSLO https://a/x\n\
RUN curl -fsSLO https://a/y\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for s in 0..ctx.model.stages.len() {
        let st = &ctx.model.stages[s];
        let mut first: Option<&str> = None;
        for (i, c) in ctx.commands() {
            if i <= st.from || i >= st.end {
                continue;
            }
            let n = c.name();
            if n != "curl" && n != "wget" {
                continue;
            }
            match first {
                None => first = Some(if n == "curl" { "curl" } else { "wget" }),
                Some(f) if f != n => out.push(ctx.finding(&META, c.start, c.end, format!("`{n}` used although `{f}` is used too: pick one"))),
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN curl -o x y\nRUN wget y\n", &[3]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN curl -o x y\nFROM b:1\nRUN wget y\n", &[]);
    }
}
