//! DF021 `secret-in-arg-env`: an `ARG` or `ENV` whose name looks like a secret.

use super::prelude::*;
use crate::rules::key_values;

pub static META: RuleMeta = RuleMeta {
    code: "DF021",
    name: "secret-in-arg-env",
    summary: "`ARG`/`ENV` name looks like a secret; its value persists in the image",
    severity: Severity::High,
    category: Category::Secrets,
    aliases: &[
        Alias::new(Tool::Hadolint, "DL3064"),
        Alias::new(Tool::Trivy, "DS-0031"),
        Alias::new(Tool::Buildkit, "SecretsUsedInArgOrEnv"),
    ],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `ARG` and `ENV` names made of words such as `password`, `passwd`, `secret`, \
`token`, `apikey`, `credentials`, or `api_key`, `access_key`, `private_key`, `auth_token`.\n\n\
## Why is this bad?\n\
`ENV` values are stored in the image configuration and `ARG` values in the build history \
(`docker history`), readable by anyone who can pull the image.\n\n\
## Example\n\
```dockerfile\nARG NPM_TOKEN\nRUN npm ci\n```\nUse instead:\n```dockerfile\nRUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci\n```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

const SECRET_WORDS: &[&str] = &[
    "password", "passwd", "pword", "secret", "secrets", "token", "apikey", "credential",
    "credentials", "passphrase", "privatekey",
];
const SECRET_PAIRS: &[(&str, &str)] = &[
    ("api", "key"),
    ("access", "key"),
    ("private", "key"),
    ("secret", "key"),
    ("auth", "token"),
    ("client", "secret"),
    ("signing", "key"),
];

/// Whether a variable name looks like it holds a secret.
pub fn looks_secret(name: &str) -> bool {
    let mut parts: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for ch in name.chars() {
        if ch == '_' || ch == '-' || ch == '.' {
            if !cur.is_empty() {
                parts.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if ch.is_ascii_uppercase() && prev_lower && !cur.is_empty() {
            parts.push(std::mem::take(&mut cur));
        }
        prev_lower = ch.is_ascii_lowercase();
        cur.push(ch.to_ascii_lowercase());
    }
    if !cur.is_empty() {
        parts.push(cur);
    }
    if parts.iter().any(|p| matches!(p.as_str(), "public" | "file" | "path" | "url" | "dir" | "id" | "name" | "type" | "length" | "expiry")) {
        return false;
    }
    parts.iter().any(|p| SECRET_WORDS.contains(&p.as_str()))
        || parts.windows(2).any(|w| SECRET_PAIRS.contains(&(w[0].as_str(), w[1].as_str())))
}

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for ins in &ctx.df.instructions {
        if !matches!(ins.kind, Kind::Arg | Kind::Env) {
            continue;
        }
        for kv in key_values(ins) {
            if looks_secret(&kv.key) {
                out.push(ctx.at_l(&META, ins, kv.lstart, kv.key_lend, format!(
                    "`{} {}` looks like a secret: its value stays in the image; use `RUN --mount=type=secret`",
                    ins.kind.as_str(), kv.key
                )));
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
            "ARG GITHUB_TOKEN\nFROM a:1\nENV DB_PASSWORD=x AWS_SECRET_ACCESS_KEY=y\nARG apiKey\n",
            &[1, 3, 3, 4],
        );
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nENV GPG_KEY=abc TOKEN_FILE=/run/t PUBLIC_KEY=x\nARG KEYBOARD\n", &[]);
    }
}
