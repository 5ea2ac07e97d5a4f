//! IM009 `image-world-writable`: a world-writable file, or directory without the sticky bit.

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "IM009",
    name: "image-world-writable",
    summary: "A world-writable file, or a world-writable directory without the sticky bit",
    severity: Severity::Medium,
    category: Category::Security,
    aliases: &[],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\nReports regular files with the `o+w` bit, and directories with `o+w` \
but without the sticky bit (`/tmp` has `1777` and is fine), still visible in the final \
filesystem, with the layer that added them.\n\n## Why is this bad?\nAny user in the container \
can replace a world-writable program or configuration, or delete and swap files in such a \
directory, that a more privileged process later trusts.\n\n## Example\n```dockerfile\nRUN mkdir \
/shared && chmod 777 /shared\n```\nUse instead: `chmod 1777` for a shared scratch directory, or \
give the directory to the one user that writes it.\n\n## Fix safety\nNo automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<AuditFinding>) {
    for l in ctx.layers {
        for f in &l.facts {
            if f.mode & 0o002 == 0 || f.mode & 0o1000 != 0 {
                continue;
            }
            let what = match f.kind {
                bulkhead_image::EntryKind::File => "file",
                bulkhead_image::EntryKind::Dir => "directory without the sticky bit",
                _ => continue,
            };
            // A directory is "removed" only by a whiteout or opaque parent; files also by overwrite.
            if !ctx.visible(&f.path, f.layer) {
                continue;
            }
            out.push(ctx.file_finding(
                &META,
                &f.path,
                f.layer,
                None,
                format!("/{} is a world-writable {what} (mode {:04o})", f.path, f.mode),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{layer, run};

    #[test]
    fn triggers() {
        let l = [layer(0, &[("shared/", 0o777), ("etc/app.conf", 0o666)], &[])];
        assert_eq!(
            run(&super::META, "img", None, &l),
            [
                "/shared is a world-writable directory without the sticky bit (mode 0777) [layer 1]",
                "/etc/app.conf is a world-writable file (mode 0666) [layer 1]"
            ]
        );
    }

    #[test]
    fn near_misses() {
        let l = [layer(0, &[("tmp/", 0o1777), ("etc/app.conf", 0o664)], &[])];
        assert!(run(&super::META, "img", None, &l).is_empty());
    }
}
