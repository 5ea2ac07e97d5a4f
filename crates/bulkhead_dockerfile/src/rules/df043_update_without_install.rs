//! DF043 `update-without-install`: Package index updated in a `RUN` that installs nothing

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF043",
    name: "update-without-install",
    summary: "Package index updated in a `RUN` that installs nothing",
    severity: Severity::Medium,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Trivy, "DS-0017"), Alias::new(Tool::Checkov, "CKV_DOCKER_5")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `apt-get update`, `apt update`, `apk update`, `yum makecache`/`dnf makecache` or \
`zypper refresh` in a `RUN` with no install in the same `RUN`.\n\n\
## Why is this bad?\n\
Layers are cached separately: a later `RUN apt-get install` may reuse an old cached update \
layer and install stale or missing versions.\n\n\
## Example\n\
```dockerfile\n\
RUN apt-get update\n\
RUN apt-get install -y curl\n\
```\n\
Use instead:\n\
```dockerfile\n\
RUN apt-get update && apt-get install -y curl\n\
```\n\n\
## Fix safety\n\
No automatic fix: merging `RUN`s changes layering.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let installs = |c: &Command| {
        super::pm::is(c, &["apt-get", "apt", "aptitude"], &["install", "upgrade", "dist-upgrade", "full-upgrade", "build-dep", "source"])
            || super::pm::is(c, &["apk"], &["add", "upgrade"])
            || super::pm::is(c, &["yum", "dnf", "microdnf", "tdnf"], &["install", "update", "upgrade", "groupinstall", "localinstall"])
            || super::pm::is(c, &["zypper"], &["install", "in", "update", "up", "patch", "dist-upgrade", "dup"])
    };
    for (i, c) in ctx.commands() {
        let update = super::pm::is(c, &["apt-get", "apt", "apk"], &["update"])
            || super::pm::is(c, &["yum", "dnf"], &["makecache"])
            || super::pm::is(c, &["zypper"], &["refresh", "ref"]);
        if update && !super::pm::run_has(ctx, i, installs) {
            out.push(ctx.finding(&META, c.start, c.end, format!("`{} update` without an install in the same RUN leaves a stale cache layer", c.name())));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN apt-get update\nRUN apt-get install -y x\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN apt-get update && apt-get install -y x\nRUN apk update && apk add x\n", &[]);
    }
}
