//! IM007 `image-shell-form-entrypoint`: `Entrypoint` (or `Cmd` without one) runs through a shell.

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "IM007",
    name: "image-shell-form-entrypoint",
    summary: "The image's Entrypoint or Cmd is in shell form (`/bin/sh -c ...`)",
    severity: Severity::Low,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL3025")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\nReports an `Entrypoint` that starts with `/bin/sh -c` (or `sh -c`, \
`/bin/bash -c`), and a `Cmd` in that form when there is no `Entrypoint`.\n\n## Why is this bad?\n\
The shell becomes PID 1 and does not forward `SIGTERM`: the service is killed after the grace \
period instead of shutting down cleanly.\n\n## Example\n```dockerfile\nCMD /app --serve\n```\n\
Use instead:\n```dockerfile\nCMD [\"/app\", \"--serve\"]\n```\n\n## Fix safety\nNo automatic fix.\n",
};

fn is_shell(v: &[String]) -> bool {
    matches!(
        (v.first().map(String::as_str), v.get(1).map(String::as_str)),
        (Some("/bin/sh" | "sh" | "/bin/bash" | "bash" | "/bin/ash"), Some("-c"))
    )
}

pub fn check(ctx: &Ctx, out: &mut Vec<AuditFinding>) {
    let Some(cfg) = ctx.config else { return };
    let c = &cfg.config;
    let which = match (&c.entrypoint, &c.cmd) {
        (Some(e), _) if !e.is_empty() => is_shell(e).then_some("Entrypoint"),
        (_, Some(cmd)) => is_shell(cmd).then_some("Cmd"),
        _ => None,
    };
    if let Some(w) = which {
        out.push(ctx.config_finding(
            &META,
            format!("{w} runs through a shell: signals are not forwarded"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{config, run};

    #[test]
    fn triggers() {
        let c = config(r#"{"config": {"Cmd": ["/bin/sh", "-c", "/app --serve"]}}"#);
        assert_eq!(run(&super::META, "img", Some(&c), &[]), ["Cmd runs through a shell: signals are not forwarded"]);
    }

    #[test]
    fn near_misses() {
        let c = config(r#"{"config": {"Entrypoint": ["/entrypoint.sh"], "Cmd": ["/bin/sh", "-c", "x"]}}"#);
        assert!(run(&super::META, "img", Some(&c), &[]).is_empty());
        let c = config(r#"{"config": {"Cmd": ["bash"]}}"#);
        assert!(run(&super::META, "img", Some(&c), &[]).is_empty());
    }
}
