//! The admission-only rules (ADM*): image policies that have no file-level equivalent in
//! `bulkhead check`. Pod Security Standards and hardening findings keep their own codes
//! (PSS*, KS*) so a denial names the same rule CI reports.

use bulkhead_diagnostics::{Category, FixKind, RuleMeta, Severity};

macro_rules! rule {
    ($ident:ident, $code:literal, $name:literal, $sev:ident, $cat:ident, $summary:literal, $docs:literal) => {
        #[doc = $summary]
        pub static $ident: RuleMeta = RuleMeta {
            code: $code,
            name: $name,
            summary: $summary,
            severity: Severity::$sev,
            category: Category::$cat,
            aliases: &[],
            fix: FixKind::None,
            default_enabled: true,
            docs: $docs,
        };
    };
}

rule!(
    REGISTRY_NOT_ALLOWED,
    "ADM001",
    "admission-registry-not-allowed",
    High,
    SupplyChain,
    "Image does not match the registry allow-list",
    "## What it does\nDenies pods whose image reference (normalised: `nginx` is \
`docker.io/library/nginx`) matches none of `[admission.images] allowed` globs.\n\n\
## Why is this bad?\nImages from arbitrary registries bypass the review, scanning and \
signing of the registries you trust.\n\n## Example\n```toml\n[admission.images]\nallowed = \
[\"registry.example.com/**\"]\n```\ndenies `image: docker.io/library/nginx:1.27`.\n\n\
## Fix safety\nNo automatic fix: mirror the image into an allowed registry.\n"
);

rule!(
    DIGEST_REQUIRED,
    "ADM002",
    "image-digest-required",
    Medium,
    SupplyChain,
    "Image is not pinned by digest",
    "## What it does\nWith `[admission.images] require-digest = true`, denies images referenced \
by tag instead of `@sha256:<64 hex>`.\n\n## Why is this bad?\nA tag can be moved to other \
content after review; a digest cannot.\n\n## Example\n`image: nginx:1.27` is denied, \
`image: nginx@sha256:...` admitted.\n\n## Fix safety\n`/mutate` with \
`[admission.mutation] pin-digests = true` replaces the tag by the digest the registry \
resolves it to at admission time.\n"
);

rule!(
    SIGNATURE_MISSING,
    "ADM003",
    "image-signature-invalid",
    High,
    SupplyChain,
    "Image lacks a valid signature by a trusted key",
    "## What it does\nImages matching a `[[admission.signatures.policy]]` must carry a cosign \
signature made by one of its public keys.\n\n## Why is this bad?\nAn unsigned image may not \
come from your build pipeline.\n\n## Example\nAn image pushed by hand without \
`bulkhead sign` / `cosign sign` is denied.\n\n## Fix safety\nNo automatic fix: sign the \
image in the pipeline that builds it.\n"
);

rule!(
    VULNERABLE_IMAGE,
    "ADM004",
    "image-vulnerable",
    High,
    Security,
    "Image's last scan has vulnerabilities at or above the threshold",
    "## What it does\nLooks up the image's last `bulkhead image --format json` report by digest \
and denies it when it lists vulnerabilities at or above `[admission.vulnerabilities] fail-on`; \
images without a report follow `unknown`.\n\n## Why is this bad?\nKnown-exploitable code \
should not start in the cluster.\n\n## Example\nA report with one critical vulnerability \
denies the image at `fail-on = \"critical\"`.\n\n## Fix safety\nNo automatic fix: rebuild the \
image on fixed packages and rescan it.\n"
);

rule!(
    DEPENDENCY_UNAVAILABLE,
    "ADM005",
    "admission-dependency-unavailable",
    High,
    Reliability,
    "A policy could not be decided within the time budget",
    "## What it does\nReports a registry, key or report store that did not answer within \
`[admission] timeout-ms`; `failure-policy = \"fail\"` denies, `\"ignore\"` admits with \
a warning.\n\n## Why is this bad?\nAn undecided policy must not pass silently.\n\n\
## Example\nThe registry is unreachable while a signature must be verified.\n\n\
## Fix safety\nNot applicable.\n"
);

/// Every admission-only rule, in code order.
pub static RULES: &[&RuleMeta] = &[
    &REGISTRY_NOT_ALLOWED,
    &DIGEST_REQUIRED,
    &SIGNATURE_MISSING,
    &VULNERABLE_IMAGE,
    &DEPENDENCY_UNAVAILABLE,
];

#[cfg(test)]
mod tests {
    #[test]
    fn registry_is_well_formed() {
        let p = bulkhead_diagnostics::rule::registry_problems(super::RULES);
        assert!(p.is_empty(), "{p:#?}");
    }
}
