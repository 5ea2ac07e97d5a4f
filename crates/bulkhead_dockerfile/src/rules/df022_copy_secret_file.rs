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
environment files (`.env`), cloud credentials and kubeconfigs.\n\n\
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
    for ins in &ctx.df.instructions {
        if !matches!(ins.kind, Kind::Copy | Kind::Add) || !ins.heredocs.is_empty() {
            continue;
        }
        let fields = ins.fields();
        if fields.len() < 2 {
            continue;
        }
        let srcs: Vec<(String, usize, usize)> = match &ins.json {
            Some(j) if j.len() >= 2 => j[..j.len() - 1].iter().map(|s| (s.clone(), fields[0].lstart, fields[fields.len() - 1].lend)).collect(),
            _ => fields[..fields.len() - 1].iter().map(|f| (f.text.to_string(), f.lstart, f.lend)).collect(),
        };
        for (s, ls, le) in srcs {
            if secret_file(&s) {
                out.push(ctx.at_l(&META, ins, ls, le, format!(
                    "`{s}` looks like a secret and would stay in the image: use `RUN --mount=type=secret`"
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
        assert_lines(&super::META, "FROM a:1\nCOPY .npmrc package.json /app/\nADD certs/server.key /etc/\nCOPY [\"id_rsa\", \"/root/.ssh/\"]\n", &[2, 3, 4]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nCOPY .env.example id_rsa.pub keys.go /app/\nCOPY <<EOF /app/.env\nA=1\nEOF\n", &[]);
    }
}
