//! DF060 `go-install-unpinned`: `go install` without a version

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF060",
    name: "go-install-unpinned",
    summary: "`go install`, `go get` or `go run` without a version",
    severity: Severity::Low,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL3062")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `go install pkg`, `go get pkg` and `go run pkg` without `@version`, or with `@latest`, \
`@master`, `@main` or `@none` (local paths and `.go` files are not versioned; after `go run \
pkg` come the program's own arguments).\n\n\
## Why is this bad?\n\
The module version then depends on the day of the build.\n\n\
## Example\n\
```dockerfile\n\
RUN go install golang.org/x/tools/gopls@latest\n\
```\n\
Use instead:\n\
```dockerfile\n\
RUN go install golang.org/x/tools/gopls@v0.16.2\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    const OPTS_WITH_VALUE: &[&str] = &["-ldflags", "-tags", "-o", "-gcflags", "-asmflags", "-mod", "-C", "-modfile", "-overlay", "-pkgdir", "-p", "-exec", "-toolexec"];
    for (_, c) in ctx.commands() {
        if !super::pm::is(c, &["go"], &["install", "get", "run"]) {
            continue;
        }
        let sub = c.subcommand().map_or("", |w| w.value.as_str());
        let mut pkgs = super::pm::packages(c, &[sub], OPTS_WITH_VALUE);
        if sub == "run" {
            // What follows the package is the program's own arguments.
            pkgs.truncate(1);
        }
        for w in pkgs {
            let v = w.value.as_str();
            let local = v.starts_with(['.', '/']) || v.ends_with(".go") || v.contains('$');
            if local {
                continue;
            }
            match v.rsplit_once('@') {
                Some((_, ver)) if !matches!(ver, "latest" | "master" | "main" | "HEAD" | "none" | "upgrade" | "patch") => {}
                _ => out.push(ctx.finding(&META, w.start, w.end, format!("`go {sub} {v}` is not pinned to a version"))),
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

    #[test]
    fn get_and_run() {
        assert_lines(&super::META, "FROM a:1\nRUN go get example.com/pkg\nRUN go get -tool foobar@latest\nRUN go run example.com/pkg@none\n", &[2, 3, 4]);
        assert_lines(&super::META, "FROM a:1\nRUN go run example.com/pkg@v1.2.3 --foo bar baz\nRUN go run main.go\nRUN go get -tool foobar@v1.2.3\nRUN go run .\n", &[]);
    }
}
