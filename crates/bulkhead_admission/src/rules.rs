//! The admission-only rules (ADM*): image policies that have no file-level equivalent in
//! `bulkhead check`. Pod Security Standards and hardening findings keep their own codes
//! (PSS*, KS*) so a denial names the same rule CI reports.

use bulkhead_diagnostics::{RuleMeta, declare_rule};

declare_rule! {
    #[doc = "Image does not match the registry allow-list"]
    pub static REGISTRY_NOT_ALLOWED = {
        code: "ADM001",
        name: "admission-registry-not-allowed",
        summary: "Image does not match the registry allow-list",
        severity: High,
        category: SupplyChain,
        aliases: [],
        fix: None,
        default_enabled: true,
        what: "Denies pods whose image reference (normalised: `nginx` is \
        `docker.io/library/nginx`) matches none of `[admission.images] allowed` globs.",
        why: "Images from arbitrary registries bypass the review, scanning and signing of the \
        registries you trust.",
        example: "```toml\n[admission.images]\nallowed = \
        [\"registry.example.com/**\"]\n```\ndenies `image: docker.io/library/nginx:1.27`.",
        fix_safety: "No automatic fix: mirror the image into an allowed registry.",
    }
}

declare_rule! {
    #[doc = "Image is not pinned by digest"]
    pub static DIGEST_REQUIRED = {
        code: "ADM002",
        name: "image-digest-required",
        summary: "Image is not pinned by digest",
        severity: Medium,
        category: SupplyChain,
        aliases: [],
        fix: None,
        default_enabled: true,
        what: "With `[admission.images] require-digest = true`, denies images referenced by tag \
        instead of `@sha256:<64 hex>`.",
        why: "A tag can be moved to other content after review; a digest cannot.",
        example: "`image: nginx:1.27` is denied, `image: nginx@sha256:...` admitted.",
        fix_safety: "`/mutate` with `[admission.mutation] pin-digests = true` replaces the tag \
        by the digest the registry resolves it to at admission time.",
    }
}

declare_rule! {
    #[doc = "Image lacks a valid signature by a trusted key"]
    pub static SIGNATURE_MISSING = {
        code: "ADM003",
        name: "image-signature-invalid",
        summary: "Image lacks a valid signature by a trusted key",
        severity: High,
        category: SupplyChain,
        aliases: [],
        fix: None,
        default_enabled: true,
        what: "Images matching a `[[admission.signatures.policy]]` must carry a cosign signature \
        made by one of its public keys.",
        why: "An unsigned image may not come from your build pipeline.",
        example: "An image pushed by hand without `bulkhead sign` / `cosign sign` is denied.",
        fix_safety: "No automatic fix: sign the image in the pipeline that builds it.",
    }
}

declare_rule! {
    #[doc = "Image's last scan has vulnerabilities at or above the threshold"]
    pub static VULNERABLE_IMAGE = {
        code: "ADM004",
        name: "image-vulnerable",
        summary: "Image's last scan has vulnerabilities at or above the threshold",
        severity: High,
        category: Security,
        aliases: [],
        fix: None,
        default_enabled: true,
        what: "Looks up the image's last `bulkhead image --format json` report by digest and \
        denies it when it lists vulnerabilities at or above `[admission.vulnerabilities] \
        fail-on`; images without a report follow `unknown`.",
        why: "Known-exploitable code should not start in the cluster.",
        example: "A report with one critical vulnerability denies the image at `fail-on = \
        \"critical\"`.",
        fix_safety: "No automatic fix: rebuild the image on fixed packages and rescan it.",
    }
}

declare_rule! {
    #[doc = "A policy could not be decided within the time budget"]
    pub static DEPENDENCY_UNAVAILABLE = {
        code: "ADM005",
        name: "admission-dependency-unavailable",
        summary: "A policy could not be decided within the time budget",
        severity: High,
        category: Reliability,
        aliases: [],
        fix: None,
        default_enabled: true,
        what: "Reports a registry, key or report store that did not answer within `[admission] \
        timeout-ms`; `failure-policy = \"fail\"` denies, `\"ignore\"` admits with a warning.",
        why: "An undecided policy must not pass silently.",
        example: "The registry is unreachable while a signature must be verified.",
        fix_safety: "Not applicable.",
    }
}

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
