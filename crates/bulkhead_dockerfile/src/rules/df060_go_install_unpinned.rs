//! DF060 `go-install-unpinned`: `go install` without a version

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF060",
    name: "go-install-unpinned",
    summary: "`go install` without a version",
    severity: Severity::Low,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL3062")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\nReports `go install pkg` without `@version`, or with `@latest`, `@master` or `@main`.\n\n## Why is this bad?\nThe module version then depends on the day of the build.\n\n## Example\n```dockerfile\nRUN go install golang.org/x/tools/gopls@latest\n```\nUse instead:\n```dockerfile\nRUN go install golang.org/x/tools/gopls@v0.16.2\n```\n\n## Fix safety\nNo automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (_, c) in ctx.commands() {
        if !super::pm::is(c, &["go"], &["install"]) {
            continue;
        }
        for w in super::pm::packages(c, &["install"], &["-ldflags", "-tags", "-o", "-gcflags", "-mod", "-C"]) {
            let v = w.value.as_str();
            if v.starts_with('.') || v.contains('$') || !v.contains('.') {
                continue;
            }
            match v.rsplit_once('@') {
                Some((_, ver)) if !matches!(ver, "latest" | "master" | "main" | "HEAD") => {}
                _ => out.push(ctx.finding(&META, w.start, w.end, format!("`go install {v}` is not pinned to a version"))),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN go install golang.org/x/tools/gopls@latest github.com/a/b\n", &[2, 2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN go install ./cmd/... && go install github.com/a/b@v1.2.3\n", &[]);
    }
}
