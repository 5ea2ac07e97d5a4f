//! DF016 `no-user`: the final stage never sets a `USER`, so the image runs as root.

use super::prelude::*;
use crate::model::ImageRef;

pub static META: RuleMeta = RuleMeta {
    code: "DF016",
    name: "no-user",
    summary: "No `USER` in the final stage: the image implicitly runs as root",
    severity: Severity::High,
    category: Category::Security,
    aliases: &[
        Alias::new(Tool::Trivy, "DS-0002"),
        Alias::new(Tool::Checkov, "CKV_DOCKER_3"),
    ],
    fix: FixKind::Unsafe,
    default_enabled: true,
    docs: "## What it does\n\
Reports a final (or `--target`) stage in which, following the stages it builds on, no \
`USER` instruction appears. Base images that announce a non-root user in their tag \
(`:nonroot`, `-nonroot`) are trusted.\n\n\
## Why is this bad?\n\
Without `USER`, the container runs as root unless the orchestrator overrides it.\n\n\
## Example\n\
```dockerfile\nFROM debian:12-slim\nCOPY app /app\nCMD [\"/app\"]\n```\nUse instead:\n```dockerfile\nFROM debian:12-slim\nCOPY app /app\nRUN groupadd --system --gid 10001 app && useradd --system --no-log-init --uid 10001 --gid app app\nUSER 10001:10001\nCMD [\"/app\"]\n```\n\n\
## Fix safety\n\
Unsafe: the fix creates a system user (with `useradd`, or `adduser` on Alpine; nothing on \
`scratch` or distroless) and inserts `USER 10001:10001` before the stage's `CMD`/\
`ENTRYPOINT` (or at its end). Files the process writes must then be writable by that UID.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for s in ctx.model.user_stages(ctx.settings.all_stages_user) {
        if super::df015_root_user::effective_user(ctx, s).is_some() {
            continue;
        }
        // The root of the chain decides the base image.
        let mut root = s;
        while let Some(p) = ctx.model.stages[root].parent {
            if p == root {
                break;
            }
            root = p;
        }
        let base = ctx.model.stages[root].image.clone().unwrap_or_default();
        if base.contains("nonroot") || base.contains("rootless") {
            continue;
        }
        let st = &ctx.model.stages[s];
        let from = &ctx.df.instructions[st.from];
        let f = ctx.at(&META, from, format!("{} sets no `USER`, so the image runs as root", super::stage_label(ctx, s)));
        out.push(match fix(ctx, s, &base) {
            Some(fx) => f.with_fix(fx),
            None => f,
        });
    }
}

fn fix(ctx: &Ctx, s: usize, base: &str) -> Option<Fix> {
    let st = &ctx.model.stages[s];
    let img = ImageRef::parse(base);
    let lower = base.to_ascii_lowercase();
    let create = if lower == "scratch" || lower.contains("distroless") || lower.contains("chainguard") {
        None
    } else if lower.contains("alpine") || lower.contains("busybox") || img.repository.ends_with("alpine") {
        Some("RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app")
    } else {
        Some("RUN groupadd --system --gid 10001 app && useradd --system --no-log-init --uid 10001 --gid app app")
    };
    // Before the first CMD/ENTRYPOINT that comes after the stage's last RUN, else at the end.
    let body: Vec<(usize, &Instruction)> = ctx.stage_body(s).collect();
    let last_run = body.iter().rposition(|(_, i)| i.kind == Kind::Run);
    let start_search = last_run.map(|p| p + 1).unwrap_or(0);
    let anchor = body[start_search..]
        .iter()
        .find(|(_, i)| matches!(i.kind, Kind::Cmd | Kind::Entrypoint | Kind::Healthcheck));
    let mut block = String::new();
    if let Some(c) = create {
        block.push_str(c);
        block.push('\n');
    }
    block.push_str("USER 10001:10001\n");
    let at = match anchor {
        Some((_, ins)) => ctx.index.line_start(ins.line)?,
        None => {
            let last = body.last().map(|(_, i)| *i).unwrap_or(&ctx.df.instructions[st.from]);
            let e = last.full_end;
            let t = ctx.text.as_bytes();
            if e < t.len() {
                // after the newline ending the instruction
                ctx.text[e..].find('\n').map(|k| e + k + 1).unwrap_or(t.len())
            } else {
                block.insert(0, '\n');
                e
            }
        }
    };
    if ctx.text.contains("\r\n") {
        block = block.replace('\n', "\r\n");
    }
    Some(Fix::unsafe_("Create a non-root user and switch to it", vec![Edit::insert(at, block)]))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fix, assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN x\n", &[1]);
        assert_lines(&super::META, "FROM a:1 AS b\nUSER 1000\nFROM c:1\n", &[3]);
        assert_lines(&super::META, "FROM scratch\nCOPY a /a\n", &[1]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1 AS b\nUSER 1000\nFROM b\nRUN x\n", &[]);
        assert_lines(&super::META, "FROM gcr.io/distroless/static:nonroot\n", &[]);
        assert_lines(&super::META, "FROM a:1\nUSER root\n", &[]);
    }

    #[test]
    fn fixes() {
        assert_fix(
            &super::META,
            "FROM debian:12\nRUN make\nCMD [\"/app\"]\n",
            true,
            "FROM debian:12\nRUN make\nRUN groupadd --system --gid 10001 app && useradd --system --no-log-init --uid 10001 --gid app app\nUSER 10001:10001\nCMD [\"/app\"]\n",
        );
        assert_fix(
            &super::META,
            "FROM alpine:3.20\nCOPY a /a",
            true,
            "FROM alpine:3.20\nCOPY a /a\nRUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app\nUSER 10001:10001\n",
        );
        assert_fix(&super::META, "FROM scratch\nCOPY a /a\n", true, "FROM scratch\nCOPY a /a\nUSER 10001:10001\n");
        // not applied without --unsafe-fixes
        assert_fix(&super::META, "FROM scratch\n", false, "FROM scratch\n");
    }

    #[test]
    fn messages_name_the_stage_that_is_built() {
        use crate::{Settings, check};
        let msgs = |src: &str, settings: &Settings| -> Vec<String> {
            check("Dockerfile", src, settings)
                .findings
                .into_iter()
                .filter(|f| f.rule.code == "DF016")
                .map(|f| f.message)
                .collect()
        };
        let src = "FROM a:1 AS build\nRUN make\nFROM b:1\nUSER 1000\n";
        let target = Settings {
            target: Some("build".into()),
            ..Settings::default()
        };
        assert_eq!(
            msgs(src, &target),
            vec!["The target stage `build` sets no `USER`, so the image runs as root"]
        );
        let all = Settings {
            all_stages_user: true,
            ..Settings::default()
        };
        assert_eq!(
            msgs(src, &all),
            vec!["Stage `build` sets no `USER`, so the image runs as root"]
        );
        assert_eq!(
            msgs("FROM a:1\n", &Settings::default()),
            vec!["The final stage sets no `USER`, so the image runs as root"]
        );
    }
}
