//! SC023 `pulumi-api-token`: Pulumi access token.

use super::prelude::*;

secret_rule! {
    code: "SC023",
    name: "pulumi-api-token",
    title: "Pulumi access token",
    severity: High,
    aliases: &[Alias::new(Tool::Trivy, "pulumi-api-token"), Alias::new(Tool::Gitleaks, "pulumi-api-token")],
    keywords: &["pul-"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>pul-[a-f0-9]{40})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("PULUMI=pu", "l-c36e9c24fd9fcea3d3ecb076a44ea1fe55f5b05a"),
    near_miss: concat!("PULUMI=pu", "l-77e75b4d6227a4012893edb97cfa331041f1c0a"),
}

#[cfg(test)]
mod tests {
    use crate::secrets::rules::testing::assert_lines;

    #[test]
    fn triggers() {
        assert_lines(&super::RULE, super::RULE.example, &[2]);
    }

    #[test]
    fn near_miss() {
        assert_lines(&super::RULE, super::RULE.near_miss, &[]);
    }
}
