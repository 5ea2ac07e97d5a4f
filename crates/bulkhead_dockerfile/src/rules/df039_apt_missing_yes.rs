//! DF039 `apt-missing-yes`: `apt-get install` without `-y`

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF039",
    name: "apt-missing-yes",
    summary: "`apt-get install` without `-y`",
    severity: Severity::Medium,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL3014"), Alias::new(Tool::Trivy, "DS-0021")],
    fix: FixKind::Safe,
    default_enabled: true,
    docs: "## What it does\n\
Reports `apt-get install` (or `apt install`) without `-y`, `--yes`, `--assume-yes` or `-qq`.\n\n\
## Why is this bad?\n\
The build has no terminal to answer the confirmation prompt; the install aborts or depends on \
defaults.\n\n\
## Example\n\
```dockerfile\n\
RUN apt-get install curl\n\
```\n\
Use instead:\n\
```dockerfile\n\
RUN apt-get -y install curl\n\
```\n\n\
## Fix safety\n\
Safe: `-y` is inserted after `apt-get`, which is what a non-interactive build needs.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    super::pm::missing_opt(ctx, out, &META, &["apt-get", "apt"], &["install"], &['y'], &["yes", "assume-yes"], " -y", false,
        "`apt-get install` without `-y` waits for a confirmation the build cannot give");
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines, assert_fix};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN apt-get install curl\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN apt-get install -qq curl && apt-get --yes install x && apt-get -y install z\n", &[]);
    }

    #[test]
    fn fixes() {
        assert_fix(&super::META, "FROM a:1\nRUN apt-get update && apt-get install curl\n", false, "FROM a:1\nRUN apt-get update && apt-get -y install curl\n");
    }

    #[test]
    fn twice_quiet_is_quiet_enough() {
        assert_lines(&super::META, "FROM a:1\nRUN apt-get install -q -q python\nRUN apt-get install --quiet --quiet python\n", &[]);
        assert_lines(&super::META, "FROM a:1\nRUN apt-get install -q python\n", &[2]);
    }
}
