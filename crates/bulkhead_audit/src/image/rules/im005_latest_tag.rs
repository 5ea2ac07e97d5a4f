//! IM005 `image-latest-tag`: the image was named by the `latest` tag (or no tag).

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "IM005",
    name: "image-latest-tag",
    summary: "The image is referenced by the `latest` tag or without a tag",
    severity: Severity::Low,
    category: Category::SupplyChain,
    aliases: &[Alias::new(Tool::Dockle, "DKL-DI-0006")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\nReports a registry reference that ends in `:latest` or has neither a \
tag nor a digest (registries then serve `latest`). Archives and layouts on disk are not \
references and are not reported.\n\n## Why is this bad?\n`latest` moves: what was scanned is \
not what the next pull runs.\n\n## Example\n`bulkhead image registry.example.net/app`\nUse \
instead: `registry.example.net/app:1.4.2` or `...@sha256:...`.\n\n## Fix safety\nNo automatic \
fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<AuditFinding>) {
    let r = ctx.reference;
    let r = r
        .strip_prefix("registry:")
        .or_else(|| r.strip_prefix("docker://"))
        .unwrap_or(r);
    if r.contains('@')
        || r.starts_with(['/', '.', '~'])
        || r.contains(".tar")
        || ["oci:", "oci-archive:", "docker-archive:"].iter().any(|p| ctx.reference.starts_with(p))
        || std::path::Path::new(r).exists()
    {
        return;
    }
    let last = r.rsplit('/').next().unwrap_or(r);
    match last.rsplit_once(':') {
        Some((_, "latest")) => {
            out.push(ctx.config_finding(&META, format!("{r} uses the `latest` tag")))
        }
        None => out.push(ctx.config_finding(
            &META,
            format!("{r} has no tag: the registry serves `latest`"),
        )),
        Some(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::run;

    #[test]
    fn triggers() {
        assert_eq!(run(&super::META, "r.example.net:5000/app:latest", None, &[]), ["r.example.net:5000/app:latest uses the `latest` tag"]);
        assert_eq!(run(&super::META, "r.example.net:5000/app", None, &[]), ["r.example.net:5000/app has no tag: the registry serves `latest`"]);
    }

    #[test]
    fn near_misses() {
        assert!(run(&super::META, "r.example.net:5000/app:1.2", None, &[]).is_empty());
        assert!(run(&super::META, "r.example.net/app@sha256:0123", None, &[]).is_empty());
        assert!(run(&super::META, "oci:/tmp/layout", None, &[]).is_empty());
    }
}
