//! IM004 `image-secret-env-name`: an `Env` entry whose name looks like a secret has a value.

use super::prelude::*;
use bulkhead_dockerfile::rules::df021_secret_in_arg_env::looks_secret;

pub static META: RuleMeta = RuleMeta {
    code: "IM004",
    name: "image-secret-env-name",
    summary: "An image `Env` variable named like a secret holds a value",
    severity: Severity::High,
    category: Category::Secrets,
    aliases: &[Alias::new(Tool::Dockle, "CIS-DI-0010")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\nReports `Env` entries of the image configuration whose name is made \
of secret words (`PASSWORD`, `SECRET`, `TOKEN`, `API_KEY`, `ACCESS_KEY`, ... the same \
vocabulary as DF021; `GPG_KEY` and names ending in `_FILE`, `_PATH`, `_URL` are not) and whose \
value is not empty. The value itself is checked by the `SC` rules and never printed.\n\n\
## Why is this bad?\n`docker inspect` shows the configuration to anyone who can pull the \
image: the value is public within the image's audience.\n\n## Example\n```dockerfile\n\
ENV DB_PASSWORD=s3cret\n```\nUse instead: pass it at run time (a Kubernetes Secret, \
`docker run --env-file`, a secret mount).\n\n## Fix safety\nNo automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<AuditFinding>) {
    let Some(cfg) = ctx.config else { return };
    for e in cfg.config.env.iter().flatten() {
        let (name, value) = e.split_once('=').unwrap_or((e, ""));
        if !value.is_empty() && looks_secret(name) {
            out.push(ctx.config_finding(
                &META,
                format!(
                    "Env {name} looks like a secret and has a value (`{}`)",
                    crate::secrets::mask(value.as_bytes())
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{config, run};

    #[test]
    fn triggers() {
        let c = config(r#"{"config": {"Env": ["PATH=/bin", "DB_PASSWORD=hunter2hunter2"]}}"#);
        assert_eq!(
            run(&super::META, "img", Some(&c), &[]),
            ["Env DB_PASSWORD looks like a secret and has a value (`hu************`)"]
        );
    }

    #[test]
    fn near_misses() {
        let c = config(r#"{"config": {"Env": ["DB_PASSWORD=", "GPG_KEY=B42F6819007F00F88E364FD4036A9C25BF357DD4", "DB_PASSWORD_FILE=/run/secrets/db"]}}"#);
        assert!(run(&super::META, "img", Some(&c), &[]).is_empty());
    }
}
