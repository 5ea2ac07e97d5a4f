//! IM008 `image-setuid-file`: a setuid or setgid file that is not on the allow-list.

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "IM008",
    name: "image-setuid-file",
    summary: "A setuid or setgid file outside the usual system programs",
    severity: Severity::Medium,
    category: Category::Security,
    aliases: &[Alias::new(Tool::Dockle, "CIS-DI-0008")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\nReports regular files with the setuid or setgid bit in the final \
filesystem, except the usual system programs (`passwd`, `su`, `mount`, `umount`, `chsh`, \
`chfn`, `gpasswd`, `newgrp`, `sudo`, `ping`, `unix_chkpwd`, `expiry`, `chage`, `wall`, ...; \
setting `setuid_allow`), with the layer that added them. Dockle reports every such file; \
reporting the expected ones hides the unexpected one.\n\n## Why is this bad?\nA setuid program \
runs with its owner's rights: a bug in it, or a copy of a shell, is a privilege escalation \
inside the container.\n\n## Example\n```dockerfile\nRUN cp /bin/sh /usr/local/bin/rootsh && \
chmod u+s /usr/local/bin/rootsh\n```\nUse instead: no setuid files; run with \
`allowPrivilegeEscalation: false` so the bit is ignored anyway.\n\n## Fix safety\nNo automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<AuditFinding>) {
    for l in ctx.layers {
        for f in &l.facts {
            if f.mode & 0o6000 == 0 || f.kind != bulkhead_image::EntryKind::File {
                continue;
            }
            let base = f.path.rsplit('/').next().unwrap_or(&f.path);
            let allowed = ctx.settings.setuid_allow.iter().any(|a| {
                a == base || a.trim_start_matches('/') == f.path
            });
            if allowed || !ctx.visible(&f.path, f.layer) {
                continue;
            }
            let bits = match (f.mode & 0o4000 != 0, f.mode & 0o2000 != 0) {
                (true, true) => "setuid and setgid",
                (true, false) => "setuid",
                _ => "setgid",
            };
            out.push(ctx.file_finding(
                &META,
                &f.path,
                f.layer,
                None,
                format!("/{} is {bits} (mode {:04o}, owner {}:{})", f.path, f.mode, f.uid, f.gid),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{layer, run};

    #[test]
    fn triggers() {
        let l = [
            layer(0, &[("usr/bin/passwd", 0o4755), ("usr/local/bin/rootsh", 0o4755)], &[]),
            layer(1, &[("opt/tool", 0o2755)], &[]),
        ];
        assert_eq!(
            run(&super::META, "img", None, &l),
            [
                "/usr/local/bin/rootsh is setuid (mode 4755, owner 0:0) [layer 1]",
                "/opt/tool is setgid (mode 2755, owner 0:0) [layer 2]"
            ]
        );
    }

    #[test]
    fn near_misses() {
        // Allow-listed, not special, or replaced by a later layer without the bit.
        let l = [
            layer(0, &[("bin/su", 0o4755), ("usr/bin/x", 0o755), ("usr/local/bin/y", 0o4755)], &[]),
            layer(1, &[("usr/local/bin/y", 0o755)], &[]),
        ];
        assert!(run(&super::META, "img", None, &l).is_empty());
    }
}
