//! DF061 `yarn-cache` (stub).

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF061",
    name: "yarn-cache",
    summary: "stub",
    severity: Severity::Low,
    category: Category::Style,
    aliases: &[],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n## Why is this bad?\n## Example\n## Fix safety\n",
};

pub fn check(_ctx: &Ctx, _out: &mut Vec<Finding>) {}
