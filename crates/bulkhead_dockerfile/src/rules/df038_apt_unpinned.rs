//! DF038 `apt-unpinned`: `apt-get install` without version pins

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF038",
    name: "apt-unpinned",
    summary: "`apt-get install` without version pins",
    severity: Severity::Low,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL3008")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports packages of `apt-get install` (or `apt install`) without `=version`. `.deb` files, \
paths, variables and installs with `-t`/`--target-release` are skipped.\n\n\
## Why is this bad?\n\
Without pins the image content depends on the day of the build; a rebuild can pull an \
incompatible or vulnerable version unnoticed.\n\n\
## Example\n\
```dockerfile\n\
RUN apt-get install -y --no-install-recommends curl\n\
```\n\
Use instead:\n\
```dockerfile\n\
RUN apt-get install -y --no-install-recommends curl=8.5.0-2\n\
```\n\n\
## Fix safety\n\
No automatic fix: the version to pin depends on the distribution release.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    super::pm::unpinned(ctx, out, &META, &["apt-get", "apt"], &["install"], &["-o", "-t", "--target-release", "-c"],
        &|p| p.contains('=') || p.ends_with(".deb"),
        &|c| c.has_opt(&['t'], &["target-release", "default-release"]),
        "pin it with `pkg=version`");
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN apt-get update && apt-get install -y curl=1 git \\\n  wget\n", &[2, 3]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN apt-get install -y curl=8.5 ./x.deb $PKGS && apt-get install -t bookworm-backports -y git\n", &[]);
    }
}
