//! DF028 `unsigned-packages`: package installs that skip signature checks.

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF028",
    name: "unsigned-packages",
    summary: "Package manager told to skip signature or digest verification",
    severity: Severity::High,
    category: Category::SupplyChain,
    aliases: &[
        Alias::new(Tool::Checkov, "CKV2_DOCKER_7"),
        Alias::new(Tool::Checkov, "CKV2_DOCKER_8"),
        Alias::new(Tool::Checkov, "CKV2_DOCKER_9"),
        Alias::new(Tool::Checkov, "CKV2_DOCKER_10"),
        Alias::new(Tool::Checkov, "CKV2_DOCKER_11"),
    ],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `apk --allow-untrusted`; `apt-get`/`apt` `--allow-unauthenticated`, `--force-yes` \
or `-o APT::Get::AllowUnauthenticated=true`; `yum`/`dnf`/`tdnf`/`microdnf` `--nogpgcheck`; \
`rpm --nosignature`, `--nodigest`, `--noverify`, `--nofiledigest`.\n\n\
## Why is this bad?\n\
Signatures are what prove a package comes from the distribution; without them a mirror or \
network attacker can install anything.\n\n\
## Example\n\
```dockerfile\nRUN apk add --allow-untrusted ./pkg.apk\n```\nSign the package and install its key instead.\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (_, c) in ctx.commands() {
        let w = match c.name() {
            "apk" => c.find_opt(&[], &["allow-untrusted"]),
            "apt-get" | "apt" | "aptitude" => c.find_opt(&[], &["allow-unauthenticated", "force-yes", "allow-insecure-repositories"]).or_else(|| {
                c.args().iter().find(|w| w.value.to_ascii_lowercase().contains("allowunauthenticated=true") || w.value.to_ascii_lowercase().contains("allowinsecurerepositories=true"))
            }),
            "yum" | "dnf" | "tdnf" | "microdnf" | "yum-config-manager" => c.find_opt(&[], &["nogpgcheck"]).or_else(|| c.args().iter().find(|w| w.value.contains("gpgcheck=0") || w.value.contains("gpgcheck=false"))),
            "rpm" => c.find_opt(&[], &["nosignature", "nodigest", "noverify", "nofiledigest"]),
            "zypper" => c.find_opt(&[], &["no-gpg-checks"]),
            _ => None,
        };
        if let Some(w) = w {
            out.push(ctx.finding(&META, w.start, w.end, format!("`{} {}` installs packages without verifying their signatures", c.name(), w.value)));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::assert_lines;

    #[test]
    fn triggers() {
        assert_lines(
            &super::META,
            "FROM a:1\nRUN apk add --allow-untrusted x\nRUN apt-get install -y --force-yes x\nRUN yum install -y --nogpgcheck x\nRUN rpm -i --nosignature x.rpm\n",
            &[2, 3, 4, 5],
        );
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN apk add --no-cache x && rpm -i x.rpm\n", &[]);
    }
}
