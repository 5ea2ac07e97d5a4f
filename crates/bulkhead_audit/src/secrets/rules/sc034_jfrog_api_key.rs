//! SC034 `jfrog-api-key`: JFrog Artifactory API key.

use super::prelude::*;

secret_rule! {
    code: "SC034",
    name: "jfrog-api-key",
    title: "JFrog Artifactory API key",
    severity: High,
    aliases: &[Alias::new(Tool::Gitleaks, "jfrog-api-key")],
    keywords: &["AKCp"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>AKCp[A-Za-z0-9]{69})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("ARTIFACTORY=AK", "CpLSUecRqgoTmlbnZ92LTNPYVPEgIYodS9mcDctKsnEF1iOByOAHPQ4b7iZZPSPOcIKUzoL"),
    near_miss: concat!("ARTIFACTORY=AK", "CpryhjVAr5eC9JGD5yAIqkpbDS5QpuM5xP0A5mkB1WtLQu70mK1ipMCThUUNHFLHTA74Ht"),
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
