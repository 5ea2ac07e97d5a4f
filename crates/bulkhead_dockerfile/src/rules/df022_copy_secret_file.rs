//! DF022 `copy-secret-file`: `COPY`/`ADD` of files that usually hold secrets.

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF022",
    name: "copy-secret-file",
    summary: "`COPY`/`ADD` of a secret-looking file (keys, `.npmrc`, `.env`, credentials)",
    severity: Severity::High,
    category: Category::Secrets,
    aliases: &[Alias::new(Tool::Trivy, "DS-0031")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `COPY`/`ADD` sources named like private keys (`id_rsa`, `*.pem`, `*.key`, `*.p12`), \
package-manager credentials (`.npmrc`, `.pypirc`, `.netrc`, `.git-credentials`), \
environment files (`.env`), cloud credentials and kubeconfigs; a `COPY` to the file a \
credentials variable names (`COPY ./config $AWS_CONFIG_FILE`); and a credentials variable \
(`GOOGLE_APPLICATION_CREDENTIALS`, `AWS_CONFIG_FILE`, `AWS_SHARED_CREDENTIALS_FILE`, \
`HF_TOKEN_PATH`) set to a file under the destination of a `COPY` of the same stage.\n\n\
## Why is this bad?\n\
Copied files stay in a layer even if a later step deletes them; anyone who can pull the \
image can read them.\n\n\
## Example\n\
```dockerfile\nCOPY .npmrc /root/.npmrc\nRUN npm ci\n```\nUse instead:\n```dockerfile\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

/// Whether a path looks like a secret file.
pub fn secret_file(path: &str) -> bool {
    let base = path.trim_end_matches('/').rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    if base.ends_with(".pub") || base.ends_with(".example") || base.ends_with(".sample") || base.ends_with(".template") || base.ends_with(".dist") {
        return false;
    }
    matches!(
        base.as_str(),
        "id_rsa" | "id_dsa" | "id_ecdsa" | "id_ed25519" | ".npmrc" | ".pypirc" | ".netrc"
            | ".git-credentials" | ".env" | "credentials" | "credentials.json" | "kubeconfig"
            | ".htpasswd" | ".dockercfg" | "secrets.yaml" | "secrets.yml" | "secrets.json"
    ) || base.starts_with(".env.")
        || [".pem", ".key", ".p12", ".pfx", ".jks", ".keystore", ".kdbx", ".ovpn"].iter().any(|e| base.ends_with(e))
        || path.contains(".aws/credentials")
        || path.contains(".docker/config.json")
        || path.contains(".kube/config")
        || path.contains(".ssh/")
}

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    use super::df021_secret_in_arg_env::SECRET_FILE_ENVS;
    let file_env = |v: &str| {
        let name = v.trim_start_matches('$').trim_start_matches('{').trim_end_matches('}');
        SECRET_FILE_ENVS.contains(&name).then_some(name.to_string())
    };
    for (i, ins) in ctx.df.instructions.iter().enumerate() {
        let Some(ops) = ctx.operands(i).filter(|_| ins.heredocs.is_empty()) else {
            continue;
        };
        for s in &ops.sources {
            if secret_file(&s.text) {
                out.push(ctx.at_l(&META, ins, s.lstart, s.lend, format!(
                    "`{}` looks like a secret and would stay in the image: use `RUN --mount=type=secret`", s.text
                )));
            }
        }
        // `COPY ./config $AWS_CONFIG_FILE`: the destination is where tools read credentials.
        if let Some(d) = &ops.dest
            && let Some(name) = file_env(&d.text)
            && !ops.sources.is_empty()
        {
            out.push(ctx.at_l(&META, ins, d.lstart, d.lend, format!(
                "copies a credentials file to `${name}`: it would stay in the image; use `RUN --mount=type=secret`"
            )));
        }
    }
    // `ENV GOOGLE_APPLICATION_CREDENTIALS=./app/sa.json` naming a file a COPY of the same
    // stage put in the image.
    for stage in &ctx.model.stages {
        let body = || (stage.from + 1..stage.end).map(|i| &ctx.df.instructions[i]);
        let names_a_file = body().any(|i| {
            matches!(i.kind, Kind::Env | Kind::Arg)
                && super::key_values(i).iter().any(|kv| file_env(&kv.key).is_some())
        });
        if !names_a_file {
            continue;
        }
        let dests: Vec<&str> = (stage.from + 1..stage.end)
            .filter(|&i| ctx.df.instructions[i].flag("from").is_none())
            .filter_map(|i| ctx.operands(i).and_then(|o| o.dest.as_ref()))
            .map(|d| d.text.as_str())
            .collect();
        for ins in body().filter(|i| matches!(i.kind, Kind::Env | Kind::Arg)) {
            for kv in super::key_values(ins) {
                let value = crate::model::unquote(kv.value.trim());
                if file_env(&kv.key).is_some() && !value.is_empty() && dests.iter().any(|d| under(value, d)) {
                    out.push(ctx.at_l(&META, ins, kv.lstart, kv.lend, format!(
                        "`{}` names `{value}`, a credentials file copied into the image: use `RUN --mount=type=secret`", kv.key
                    )));
                }
            }
        }
    }
}

/// Whether `path` lies in the directory `dest` (both as written; `.` and `/` are the root of
/// the relative and absolute trees, which BuildKit resolves against `WORKDIR`).
fn under(path: &str, dest: &str) -> bool {
    let norm = |p: &str| p.trim_start_matches("./").trim_start_matches('/').trim_end_matches('/').to_string();
    let (p, d) = (norm(path), norm(dest));
    if d.is_empty() || d == "." {
        return !p.is_empty();
    }
    p == d || p.starts_with(&format!("{d}/"))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::assert_lines;

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nCOPY .npmrc package.json /app/\nADD certs/server.key /etc/\nCOPY [\"id_rsa\", \"/root/.ssh/\"]\n", &[2, 3, 4]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nCOPY .env.example id_rsa.pub keys.go /app/\nCOPY <<EOF /app/.env\nA=1\nEOF\n", &[]);
        // The credentials path names no copied file.
        assert_lines(&super::META, "FROM a:1\nCOPY /src /src\nENV GOOGLE_APPLICATION_CREDENTIALS=./app/sa.json\nENV GOOGLE_APPLICATION_CREDENTIALS=/credentials/sa.json\n", &[]);
    }

    #[test]
    fn credentials_files_named_by_their_variables() {
        assert_lines(&super::META, "FROM a:1\nCOPY ./config $AWS_CONFIG_FILE\n", &[2]);
        assert_lines(&super::META, "FROM a:1\nCOPY /src /app/\nENV GOOGLE_APPLICATION_CREDENTIALS=./app/sa.json\n", &[3]);
        assert_lines(&super::META, "FROM a:1\nCOPY . .\nENV GOOGLE_APPLICATION_CREDENTIALS=\"./news-extraction.json\"\n", &[3]);
        assert_lines(&super::META, "FROM a:1\nCOPY /src /app/\nARG GOOGLE_APPLICATION_CREDENTIALS=./app/sa.json\n", &[3]);
    }
}
