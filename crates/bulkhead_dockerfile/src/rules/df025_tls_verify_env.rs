//! DF025 `tls-verify-env`: environment variables that disable TLS verification.

use super::prelude::*;
use crate::rules::key_values;
use crate::shell::Word;

pub static META: RuleMeta = RuleMeta {
    code: "DF025",
    name: "tls-verify-env",
    summary: "`PYTHONHTTPSVERIFY=0`, `NODE_TLS_REJECT_UNAUTHORIZED=0` or `GIT_SSL_NO_VERIFY` disable TLS checks",
    severity: Severity::High,
    category: Category::Security,
    aliases: &[
        Alias::new(Tool::Checkov, "CKV2_DOCKER_5"),
        Alias::new(Tool::Checkov, "CKV2_DOCKER_6"),
        Alias::new(Tool::Checkov, "CKV2_DOCKER_14"),
    ],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `PYTHONHTTPSVERIFY=0`, `NODE_TLS_REJECT_UNAUTHORIZED=0` and `GIT_SSL_NO_VERIFY` \
(any non-empty value) set by `ENV`, `ARG`, or an assignment or `export` in `RUN`, and \
`git config http.sslVerify false`.\n\n\
## Why is this bad?\n\
Every HTTPS connection of that runtime then accepts any certificate; an `ENV` keeps doing \
so when the container runs.\n\n\
## Example\n\
```dockerfile\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n```\nInstall the right CA bundle instead.\n\n\
## Fix safety\n\
No automatic fix.\n",
};

fn bad(key: &str, value: &str) -> bool {
    let v = crate::model::unquote(value).trim();
    match key {
        "PYTHONHTTPSVERIFY" | "NODE_TLS_REJECT_UNAUTHORIZED" => v == "0",
        "GIT_SSL_NO_VERIFY" => !v.is_empty() && v != "0" && !v.eq_ignore_ascii_case("false"),
        _ => false,
    }
}

fn assignment(w: &Word) -> Option<(&str, &str)> {
    w.value.split_once('=')
}

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for ins in &ctx.df.instructions {
        if matches!(ins.kind, Kind::Env | Kind::Arg) {
            for kv in key_values(ins) {
                if bad(&kv.key, &kv.value) {
                    out.push(ctx.at_l(&META, ins, kv.lstart, kv.lend, format!("`{}` disables TLS certificate verification", kv.key)));
                }
            }
        }
    }
    for (_, c) in ctx.commands() {
        let words = c.assigns.iter().chain(if matches!(c.name(), "export" | "env") { c.args() } else { &[] });
        for w in words {
            if let Some((k, v)) = assignment(w)
                && bad(k, v)
            {
                out.push(ctx.finding(&META, w.start, w.end, format!("`{k}` disables TLS certificate verification")));
            }
        }
        if c.name() == "git" && c.args().iter().any(|w| w.value == "config") {
            let a = c.args();
            if let Some(k) = a.iter().position(|w| w.value.eq_ignore_ascii_case("http.sslverify"))
                && a.get(k + 1).is_some_and(|w| matches!(w.value.to_ascii_lowercase().as_str(), "false" | "0" | "no"))
            {
                out.push(ctx.finding(&META, c.start, c.end, "`git config http.sslVerify false` disables TLS certificate verification"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::assert_lines;

    #[test]
    fn triggers() {
        assert_lines(
            &super::META,
            "FROM a:1\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nENV GIT_SSL_NO_VERIFY true\nRUN PYTHONHTTPSVERIFY=0 python x.py\nRUN git config --global http.sslVerify false\n",
            &[2, 3, 4, 5],
        );
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nENV NODE_TLS_REJECT_UNAUTHORIZED=1 PYTHONHTTPSVERIFY=1\n", &[]);
    }
}
