//! DF044 `dist-upgrade`: `apt-get dist-upgrade` or `zypper dist-upgrade` in a build

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF044",
    name: "dist-upgrade",
    summary: "`apt-get dist-upgrade` or `zypper dist-upgrade` in a build",
    severity: Severity::Low,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL3035"), Alias::new(Tool::Trivy, "DS-0024")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `apt-get dist-upgrade`/`full-upgrade` and `zypper dist-upgrade`/`dup`.\n\n\
## Why is this bad?\n\
A distribution upgrade inside an image can change the release under the base image, pull in \
large and unexpected changes, and makes builds irreproducible; update the base image tag \
instead.\n\n\
## Example\n\
```dockerfile\n\
RUN apt-get update && apt-get dist-upgrade -y\n\
```\n\
Use instead:\n\
```dockerfile\n\
FROM debian:12.8-slim\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (_, c) in ctx.commands() {
        if super::pm::is(c, &["apt-get", "apt"], &["dist-upgrade", "full-upgrade"]) || super::pm::is(c, &["zypper"], &["dist-upgrade", "dup"]) {
            out.push(ctx.finding(&META, c.start, c.end, format!("`{} {}` upgrades the distribution inside the image", c.name(), c.subcommand().map(|w| w.value.as_str()).unwrap_or(""))));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN apt-get dist-upgrade -y\nRUN zypper dup\n", &[2, 3]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN apt-get upgrade -y\n", &[]);
    }
}
