//! DF040 `apt-no-install-recommends`: `apt-get install` without `--no-install-recommends`

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF040",
    name: "apt-no-install-recommends",
    summary: "`apt-get install` without `--no-install-recommends`",
    severity: Severity::Low,
    category: Category::Size,
    aliases: &[Alias::new(Tool::Hadolint, "DL3015"), Alias::new(Tool::Trivy, "DS-0029")],
    fix: FixKind::Safe,
    default_enabled: true,
    docs: "## What it does\n\
Reports `apt-get install` (or `apt install`) without `--no-install-recommends` (or `-o \
APT::Install-Recommends=false`).\n\n\
## Why is this bad?\n\
Recommended packages are not needed to run the software; they make the image larger and add \
attack surface and vulnerabilities.\n\n\
## Example\n\
```dockerfile\n\
RUN apt-get install -y curl\n\
```\n\
Use instead:\n\
```dockerfile\n\
RUN apt-get install -y --no-install-recommends curl\n\
```\n\n\
## Fix safety\n\
Safe: the option is inserted after `install`. A program that needed a recommended package must \
then list it explicitly.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    super::pm::missing_opt(ctx, out, &META, &["apt-get", "apt"], &["install"], &[], &["no-install-recommends", "APT::Install-Recommends=false", "APT::Install-Recommends=0"],
        " --no-install-recommends", true, "`apt-get install` without `--no-install-recommends` installs unneeded packages");
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines, assert_fix};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN apt-get update \\\n && apt-get install -y curl\n", &[3]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN apt-get install -y --no-install-recommends curl\nRUN apt-get -o APT::Install-Recommends=false install -y x\n", &[]);
    }

    #[test]
    fn fixes() {
        assert_fix(&super::META, "FROM a:1\nRUN apt-get install -y curl\n", false, "FROM a:1\nRUN apt-get install --no-install-recommends -y curl\n");
    }
}
