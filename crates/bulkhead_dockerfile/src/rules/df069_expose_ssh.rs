//! DF069 `expose-ssh`: `EXPOSE 22`: SSH in a container

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF069",
    name: "expose-ssh",
    summary: "`EXPOSE 22`: SSH in a container",
    severity: Severity::Medium,
    category: Category::Security,
    aliases: &[Alias::new(Tool::Trivy, "DS-0004"), Alias::new(Tool::Checkov, "CKV_DOCKER_1")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `EXPOSE` of port 22 (alone or inside a range).\n\n\
## Why is this bad?\n\
An SSH server in a container is an extra, long-lived way in that bypasses the orchestrator's \
access control and audit; use `docker exec`/`kubectl exec` instead.\n\n\
## Example\n\
```dockerfile\n\
EXPOSE 22\n\
```\n\
Use instead:\n\
```dockerfile\n\
EXPOSE 8080\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for ins in &ctx.df.instructions {
        if ins.kind != Kind::Expose {
            continue;
        }
        for f in ins.fields() {
            let port = f.text.split('/').next().unwrap_or("");
            let has22 = match port.split_once('-') {
                Some((a, b)) => matches!((a.parse::<u32>(), b.parse::<u32>()), (Ok(a), Ok(b)) if a <= 22 && 22 <= b),
                None => port == "22",
            };
            if has22 {
                out.push(ctx.at_l(&META, ins, f.lstart, f.lend, "Port 22 (SSH) exposed: do not run SSH in containers"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nEXPOSE 80 22/tcp\nEXPOSE 20-30\n", &[2, 3]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nEXPOSE 2222 220\n", &[]);
    }
}
