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
Reports `ARG` and `ENV` names made of words such as `password`, `passwd`, `psw`, `secret`, \
`token`, `apikey`, `credentials`, or `api_key`, `access_key`, `private_key`, `auth_token`; \
well-known credential names (`AWS_ACCESS_KEY_ID`, `AZURE_CLIENT_ID`...), also behind the \
`VITE_`, `REACT_APP_` and `NEXT_PUBLIC_` prefixes that put them in a browser bundle; and the \
user half of a Jenkins credential pair (`X_USR` beside `X_PSW`). Variables that hold the \
path of a credentials file (`GOOGLE_APPLICATION_CREDENTIALS`, `AWS_CONFIG_FILE`...) are not \
secrets: DF022 reports the file when it is copied into the image.\n\n\
## Why is this bad?\n\
`ENV` values are stored in the image configuration and `ARG` values in the build history \
(`docker history`), readable by anyone who can pull the image.\n\n\
## Example\n\
```dockerfile\nARG NPM_TOKEN\nRUN npm ci\n```\nUse instead:\n```dockerfile\nRUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci\n```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

const SECRET_WORDS: &[&str] = &[
    "password", "passwd", "pword", "psw", "pwd", "secret", "secrets", "token", "apikey",
    "credential", "credentials", "passphrase", "privatekey",
];

/// Well-known credential variables whose names the word rules would miss (an `_ID` or a
/// user name that is half of a credential pair).
const KNOWN_SECRET_NAMES: &[&str] = &[
    "AWS_ACCESS_KEY_ID",
    "AZURE_CLIENT_ID",
    "CF_USERNAME",
    "CI_DEPLOY_USER",
    "DOCKER_USERNAME",
    "FACEBOOK_APP_ID",
    "HEROKU_API_USER",
    "OKTA_OAUTH2_CLIENTID",
    "OS_USERNAME",
];

/// Prefixes that front-end build tools require to expose a variable to the browser bundle
/// (`VITE_AWS_ACCESS_KEY_ID` is the AWS key id, baked into the JavaScript as well).
const EXPOSING_PREFIXES: &[&str] = &["VITE_", "REACT_APP_", "NEXT_PUBLIC_"];

/// Variables that hold the *path* of a credentials file, not a secret: reported by DF022
/// only when the file they name is copied into the image.
pub const SECRET_FILE_ENVS: &[&str] = &[
    "GOOGLE_APPLICATION_CREDENTIALS",
    "AWS_CONFIG_FILE",
    "AWS_SHARED_CREDENTIALS_FILE",
    "HF_TOKEN_PATH",
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
    if SECRET_FILE_ENVS.iter().any(|f| f.eq_ignore_ascii_case(name)) {
        return false;
    }
    let bare = EXPOSING_PREFIXES
        .iter()
        .find(|p| name.len() > p.len() && name.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
        .map_or(name, |p| &name[p.len()..]);
    if KNOWN_SECRET_NAMES.iter().any(|k| k.eq_ignore_ascii_case(bare)) {
        return true;
    }
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

/// Jenkins' credentials binding sets `<NAME>_USR` and `<NAME>_PSW`: the user name of such a
/// pair is half of the credential.
fn credential_user(ctx: &Ctx, name: &str) -> bool {
    let n = name.len();
    if n < 4 || !name.as_bytes()[n - 4..].eq_ignore_ascii_case(b"_USR") {
        return false;
    }
    let psw = format!("{}_PSW", &name[..n - 4]);
    ctx.df
        .instructions
        .iter()
        .filter(|i| matches!(i.kind, Kind::Arg | Kind::Env))
        .any(|i| key_values(i).iter().any(|kv| kv.key.eq_ignore_ascii_case(&psw)))
}

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for ins in &ctx.df.instructions {
        if !matches!(ins.kind, Kind::Arg | Kind::Env) {
            continue;
        }
        for kv in key_values(ins) {
            if looks_secret(&kv.key) || credential_user(ctx, &kv.key) {
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
    fn known_names_prefixes_and_credential_pairs() {
        assert_lines(
            &super::META,
            "FROM a:1\nARG VITE_AWS_ACCESS_KEY_ID=REPLACE\nENV AWS_ACCESS_KEY_ID=x\nARG ARTIFACTORY_USR\nARG ARTIFACTORY_PSW\nARG REACT_APP_GITHUB_TOKEN\n",
            &[2, 3, 4, 5, 6],
        );
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nENV GPG_KEY=abc TOKEN_FILE=/run/t PUBLIC_KEY=x\nARG KEYBOARD\n", &[]);
        // A credentials file's path is not a secret (DF022 reports the file when it is
        // copied); a lone `_USR` is a user name.
        assert_lines(&super::META, "FROM a:1\nENV GOOGLE_APPLICATION_CREDENTIALS=/credentials/sa.json\nARG AWS_CONFIG_FILE\nARG BUILD_USR\nARG USR=1000\n", &[]);
    }
}
