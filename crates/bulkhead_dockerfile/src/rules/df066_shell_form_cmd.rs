//! DF066 `shell-form-cmd`: `CMD`/`ENTRYPOINT` in shell form

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF066",
    name: "shell-form-cmd",
    summary: "`CMD`/`ENTRYPOINT` in shell form",
    severity: Severity::Medium,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL3025"), Alias::new(Tool::Buildkit, "JSONArgsRecommended")],
    fix: FixKind::Unsafe,
    default_enabled: true,
    docs: "## What it does\n\
Reports `CMD` and `ENTRYPOINT` written in shell form (`CMD app --flag`) rather than the JSON \
exec form.\n\n\
## Why is this bad?\n\
In shell form the process is `/bin/sh -c ...`: the shell is PID 1, does not forward `SIGTERM`, \
and the application is killed after the stop timeout instead of shutting down cleanly.\n\n\
## Example\n\
```dockerfile\n\
CMD node server.js\n\
```\n\
Use instead:\n\
```dockerfile\n\
CMD [\"node\", \"server.js\"]\n\
```\n\n\
## Fix safety\n\
Unsafe: offered only when the command is one simple command without variables, globs, \
redirections or operators, and rewrites it to the JSON form. Environment variables are no \
longer expanded and the command no longer runs under a shell, which may change behaviour.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for ins in &ctx.df.instructions {
        if !matches!(ins.kind, Kind::Cmd | Kind::Entrypoint) || ins.json.is_some() || ins.args().is_empty() {
            continue;
        }
        let f = ctx.at(&META, ins, format!("`{}` in shell form runs under `/bin/sh -c`, which does not forward signals: use the JSON form", ins.kind.as_str()));
        out.push(match exec_form(ins.args()) {
            Some(json) => {
                let s = ins.orig(ins.args_lstart());
                f.with_fix(Fix::unsafe_("Rewrite in exec (JSON) form", vec![Edit::replace(s, ins.end, json)]))
            }
            None => f,
        });
    }
}

fn exec_form(args: &str) -> Option<String> {
    if args.contains(['$', '*', '?', '`', '~', '\\', '\n', '#', '[', '{']) {
        return None;
    }
    let cmds = crate::shell::parse_script(args, 0);
    if cmds.len() != 1 || !cmds[0].redirects.is_empty() || !cmds[0].assigns.is_empty() || cmds[0].end < args.trim_end().len() {
        return None;
    }
    // `exec app` in shell form means `app` as PID 1: the exec form needs no `exec`.
    let skip = usize::from(cmds[0].words.first().is_some_and(|w| w.value == "exec" && !w.quoted));
    let words: Vec<String> = cmds[0].words[skip..].iter().map(|w| w.value.clone()).collect();
    if words.is_empty() {
        return None;
    }
    serde_json::to_string(&words).ok().map(|s| s.replace("\",\"", "\", \""))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines, assert_fix};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nCMD node server.js\nENTRYPOINT exec app\n", &[2, 3]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nCMD [\"node\", \"server.js\"]\nENTRYPOINT [\"app\"]\n", &[]);
    }

    #[test]
    fn fixes() {
        assert_fix(&super::META, "FROM a:1\nUSER 1\nCMD node \"server.js\" --port 80\n", true, "FROM a:1\nUSER 1\nCMD [\"node\", \"server.js\", \"--port\", \"80\"]\n");
        assert_fix(&super::META, "FROM a:1\nUSER 1\nCMD node $X > /log\n", true, "FROM a:1\nUSER 1\nCMD node $X > /log\n");
        assert_fix(&super::META, "FROM a:1\nUSER 1\nENTRYPOINT exec gunicorn -b 0.0.0.0:8000 app:app\n", true, "FROM a:1\nUSER 1\nENTRYPOINT [\"gunicorn\", \"-b\", \"0.0.0.0:8000\", \"app:app\"]\n");
    }
}
