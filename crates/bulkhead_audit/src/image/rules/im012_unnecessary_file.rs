//! IM012 `image-unnecessary-file`: VCS, editor, cloud-CLI and build files left in the image.

use super::prelude::*;
use crate::image::{UNNECESSARY_DIRS, UNNECESSARY_FILES};
use std::collections::BTreeSet;

pub static META: RuleMeta = RuleMeta {
    code: "IM012",
    name: "image-unnecessary-file",
    summary: "A file or directory that only belongs on a developer's machine (.git, .aws, .DS_Store...)",
    severity: Severity::Low,
    category: Category::Size,
    aliases: &[Alias::new(Tool::Dockle, "DKL-LI-0003")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\nReports the files `Dockerfile`, `docker-compose.yml`, `.vimrc`, \
`.DS_Store` and the directories `.git`, `.aws`, `.azure`, `.gcp`, `.cache`, `.vscode`, \
`.idea`, `.npm`, `.ssh`, `.docker`, `.kube`, `.gnupg` (once per directory), outside \
`node_modules/` and `vendor/`, with the layer that added them.\n\n## Why is this bad?\nThey \
grow the image and often hold history, tokens or keys (`.git/config` with a token, \
`.aws/credentials`).\n\n## Example\n```dockerfile\nCOPY . /app\n```\nwithout a \
`.dockerignore`.\nUse instead: a `.dockerignore` listing them, or copy only what the \
application needs.\n\n## Fix safety\nNo automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<AuditFinding>) {
    let mut reported: BTreeSet<String> = BTreeSet::new();
    for l in ctx.layers {
        for f in &l.facts {
            let parts: Vec<&str> = f.path.split('/').collect();
            let dir_at = parts.iter().position(|c| UNNECESSARY_DIRS.contains(c));
            let (target, what) = match dir_at {
                Some(i) => (parts[..=i].join("/"), "directory"),
                None if UNNECESSARY_FILES.contains(parts.last().unwrap_or(&"")) => {
                    (f.path.clone(), "file")
                }
                None => continue,
            };
            if parts.iter().any(|c| *c == "node_modules" || *c == "vendor") {
                continue;
            }
            if reported.contains(&target) || !ctx.visible(&f.path, f.layer) && f.kind != bulkhead_image::EntryKind::Dir {
                continue;
            }
            reported.insert(target.clone());
            out.push(ctx.file_finding(
                &META,
                &target,
                f.layer,
                None,
                format!("unnecessary {what} /{target} in the image"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{layer, run};

    #[test]
    fn triggers() {
        let l = [layer(0, &[("app/.git/", 0o755), ("app/.git/config", 0o644), ("app/.DS_Store", 0o644)], &[])];
        assert_eq!(
            run(&super::META, "img", None, &l),
            ["unnecessary directory /app/.git in the image [layer 1]", "unnecessary file /app/.DS_Store in the image [layer 1]"]
        );
    }

    #[test]
    fn near_misses() {
        let l = [layer(0, &[("app/node_modules/x/.git/config", 0o644), ("app/git/config", 0o644), ("app/Dockerfile.md", 0o644)], &[])];
        assert!(run(&super::META, "img", None, &l).is_empty());
    }
}
