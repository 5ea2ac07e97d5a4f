//! IM011 `image-duplicate-id`: two accounts share a UID, or two groups a GID.

use super::prelude::*;
use std::collections::BTreeMap;

pub static META: RuleMeta = RuleMeta {
    code: "IM011",
    name: "image-duplicate-id",
    summary: "Two accounts share a UID (/etc/passwd) or two groups a GID (/etc/group)",
    severity: Severity::High,
    category: Category::Security,
    aliases: &[Alias::new(Tool::Dockle, "DKL-LI-0002")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\nReads the final `/etc/passwd` and `/etc/group` and reports every entry \
whose numeric id (third field) an earlier entry already uses, at its line.\n\n## Why is this \
bad?\nThe kernel knows only numbers: a second name for uid 0 is a hidden root account, and \
file ownership becomes ambiguous.\n\n## Example\n```text\nroot:x:0:0:root:/root:/bin/sh\n\
toor:x:0:0::/root:/bin/sh\n```\nUse instead: one name per id.\n\n## Fix safety\nNo automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<AuditFinding>) {
    for (file, what) in [("etc/passwd", "UID"), ("etc/group", "GID")] {
        let Some((layer, bytes)) = ctx.account(file) else {
            continue;
        };
        let text = String::from_utf8_lossy(bytes);
        let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
        for (n, line) in text.lines().enumerate() {
            let f: Vec<&str> = line.split(':').collect();
            if f.len() < 3 || f[0].is_empty() || f[0].starts_with('#') || f[2].is_empty() {
                continue;
            }
            if let Some(first) = seen.get(f[2]) {
                out.push(ctx.file_finding(
                    &META,
                    file,
                    layer,
                    Some(n as u32 + 1),
                    format!("`{}` has {what} {} like `{first}` in /{file}", f[0], f[2]),
                ));
            } else {
                seen.insert(f[2], f[0]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{layer, run};

    #[test]
    fn triggers() {
        let l = [layer(0, &[], &[
            ("etc/passwd", "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/app:/bin/sh\ntoor:x:0:0::/root:/bin/sh\n"),
            ("etc/group", "root:x:0:\napp:x:1000:\nadmins:x:1000:\n"),
        ])];
        assert_eq!(
            run(&super::META, "img", None, &l),
            ["`toor` has UID 0 like `root` in /etc/passwd [layer 1]", "`admins` has GID 1000 like `app` in /etc/group [layer 1]"]
        );
    }

    #[test]
    fn near_misses() {
        let l = [layer(0, &[], &[("etc/passwd", "root:x:0:0::/root:/bin/sh\nbin:x:1:1::/bin:/sbin/nologin\nsame-gid:x:2:1::/:/bin/false\n")])];
        assert!(run(&super::META, "img", None, &l).is_empty());
    }
}
