//! DF041 `apt-lists-kept`: apt lists not removed in the `RUN` that installs

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF041",
    name: "apt-lists-kept",
    summary: "apt lists not removed in the `RUN` that installs",
    severity: Severity::Low,
    category: Category::Size,
    aliases: &[Alias::new(Tool::Hadolint, "DL3009")],
    fix: FixKind::Safe,
    default_enabled: true,
    docs: "## What it does\n\
Reports an `apt-get`, `apt` or `aptitude` `update` or `install` in the final stage (or a stage \
it builds on) whose `RUN` does not remove `/var/lib/apt/lists`. Runs with a cache or tmpfs \
mount on `/var/lib/apt/lists`, or on both `/var/lib/apt` and `/var/cache/apt`, are fine \
(`apt-get update` also writes its package caches under `/var/cache/apt`; a mount on either \
alone leaves something behind), and so are builder stages, whose files do not reach the \
image.\n\n\
## Why is this bad?\n\
The package lists (tens of megabytes) stay in the layer forever; deleting them in a later `RUN` \
does not shrink the image.\n\n\
## Example\n\
```dockerfile\n\
RUN apt-get update && apt-get install -y curl\n\
```\n\
Use instead:\n\
```dockerfile\n\
RUN apt-get update && apt-get install -y curl \\\n && rm -rf /var/lib/apt/lists/*\n\
```\n\n\
## Fix safety\n\
Safe: `&& rm -rf /var/lib/apt/lists/*` is appended to the end of the `RUN` (not offered for \
heredoc or exec-form `RUN`s, or when the line ends in a shell comment). Later `RUN`s must run \
`apt-get update` again before installing, which they should anyway.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let mut seen = Vec::new();
    for (i, c) in ctx.commands() {
        if seen.contains(&i) || !super::pm::is(c, &["apt-get", "apt", "aptitude"], &["install", "update"]) || !ctx.in_final_chain(i) {
            continue;
        }
        seen.push(i);
        let ins = &ctx.df.instructions[i];
        if super::pm::run_has(ctx, i, |c| super::pm::removes(c, &["/var/lib/apt/lists"]))
            || super::pm::has_cache_mount(ins, &["/var/lib/apt/lists"])
            // `apt-get update` also writes its package caches to /var/cache/apt.
            || (super::pm::has_cache_mount(ins, &["/var/lib/apt"]) && super::pm::has_cache_mount(ins, &["/var/cache/apt"]))
        {
            continue;
        }
        let f = ctx.finding(&META, c.start, c.end, "apt lists are left in the layer: add `&& rm -rf /var/lib/apt/lists/*` to this RUN");
        // A RUN that only updates is better merged into the install (DF043 says so) than fixed.
        let installs = super::pm::run_has(ctx, i, |k| super::pm::is(k, &["apt-get", "apt", "aptitude"], &["install"]));
        let fixable = installs && ins.heredocs.is_empty() && ins.json.is_none() && !ins.logical.contains(" #") && !ins.logical.contains("\t#");
        out.push(if fixable {
            let sep = if ins.args().trim_end().ends_with(';') { " " } else { " && " };
            f.with_fix(Fix::safe("Remove the apt lists in the same RUN", vec![Edit::insert(ins.end, format!("{sep}rm -rf /var/lib/apt/lists/*"))]))
        } else {
            f
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines, assert_fix};

    #[test]
    fn triggers() {
        // a cache mount on /var/cache/apt alone keeps the lists in the layer
        assert_lines(&super::META, "FROM a:1\nRUN --mount=type=cache,target=/var/cache/apt apt-get install -y x\n", &[2]);
        assert_lines(&super::META, "FROM a:1\nRUN apt-get update && apt-get install -y curl\n", &[2]);
        assert_lines(&super::META, "FROM a:1 AS b\nFROM b\nRUN apt install -y x\n", &[3]);
        // aptitude; a mount on /var/lib/apt alone leaves /var/cache/apt's package caches.
        assert_lines(&super::META, "FROM a:1\nRUN aptitude update && aptitude install python\nRUN --mount=type=cache,target=/var/lib/apt apt-get update\n", &[2, 3]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n", &[]);
        assert_lines(&super::META, "FROM a:1 AS build\nRUN apt-get install -y x\nFROM c:1\n", &[]);
        assert_lines(&super::META, "FROM a:1\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update\n", &[]);
        assert_lines(&super::META, "FROM a:1\nRUN --mount=type=cache,target=/var/lib/apt --mount=type=tmpfs,target=/var/cache/apt apt-get update && apt-get install -y x\n", &[]);
    }

    #[test]
    fn fixes() {
        assert_fix(&super::META, "FROM a:1\nRUN apt-get update \\\n && apt-get install -y curl\nUSER 1\n", false, "FROM a:1\nRUN apt-get update \\\n && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nUSER 1\n");
    }
}
