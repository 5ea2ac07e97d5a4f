//! IM013 `image-credential-file`: a private key or credential file, by name, deleted or not.

use super::prelude::*;
use crate::image::{CREDENTIAL_FILES, Settings};

pub static META: RuleMeta = RuleMeta {
    code: "IM013",
    name: "image-credential-file",
    summary: "A private key or credentials file in a layer (even if a later layer deletes it)",
    severity: Severity::High,
    category: Category::Secrets,
    aliases: &[Alias::new(Tool::Dockle, "CIS-DI-0010")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\nReports files named like credentials (`credentials`, \
`credentials.json`, `id_rsa`, `id_ecdsa`, `id_ed25519`, `.env`, `.netrc`, `.pgpass`, \
`.git-credentials`, `.npmrc`, `.pypirc`, `.htpasswd`, `.docker/config.json`, Rails' \
`secret_token.rb`, ... Dockle's list plus `sensitive_files`) in any layer. A file deleted by a \
later layer is still reported, with the layer that holds its bytes. Their content is checked \
by the `SC` rules.\n\n## Why is this bad?\nLayers are tar files anyone who pulls the image can \
unpack: deleting a file in a later layer hides it from the container, not from the \
image.\n\n## Example\n```dockerfile\nCOPY id_rsa /root/.ssh/id_rsa\nRUN git clone … && rm \
/root/.ssh/id_rsa\n```\nUse instead: `RUN --mount=type=ssh` or `--mount=type=secret`.\n\n\
## Fix safety\nNo automatic fix: revoke the credential, then rebuild without it.\n",
};

/// Whether a root-relative path names a credential file.
pub fn is_credential_path(path: &str, settings: &Settings) -> bool {
    let base = path.rsplit('/').next().unwrap_or(path);
    if base == "config.json" {
        return path.ends_with(".docker/config.json");
    }
    if path.split('/').any(|c| c == "node_modules" || c == "vendor") {
        return false;
    }
    CREDENTIAL_FILES.contains(&base) || settings.sensitive_files.iter().any(|s| s == base)
}

pub fn check(ctx: &Ctx, out: &mut Vec<AuditFinding>) {
    for l in ctx.layers {
        for f in &l.facts {
            if f.kind != bulkhead_image::EntryKind::File || !is_credential_path(&f.path, ctx.settings) {
                continue;
            }
            let mut finding = ctx.file_finding(&META, &f.path, f.layer, None, String::new());
            finding.finding.message = match &finding.deleted_in {
                Some(d) => format!(
                    "credential file /{} (deleted by layer {}, but its bytes stay in layer {})",
                    f.path,
                    d.index + 1,
                    f.layer + 1
                ),
                None => format!("credential file /{}", f.path),
            };
            out.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{layer, run};

    #[test]
    fn triggers() {
        let mut l1 = layer(1, &[], &[]);
        l1.whiteouts.push("root/.aws".into());
        let l = [layer(0, &[("root/.aws/credentials", 0o600), ("root/.ssh/id_ed25519", 0o600)], &[]), l1];
        assert_eq!(
            run(&super::META, "img", None, &l),
            [
                "credential file /root/.aws/credentials (deleted by layer 2, but its bytes stay in layer 1) [layer 1] [deleted in 2]",
                "credential file /root/.ssh/id_ed25519 [layer 1]"
            ]
        );
    }

    #[test]
    fn near_misses() {
        let l = [layer(0, &[("root/.ssh/id_ed25519.pub", 0o644), ("app/config.json", 0o644), ("app/node_modules/x/.env", 0o644)], &[])];
        assert!(run(&super::META, "img", None, &l).is_empty());
    }
}
