//! SC040 `github-fine-grained-pat`: GitHub fine-grained personal access token.

use super::prelude::*;

secret_rule! {
    code: "SC040",
    name: "github-fine-grained-pat",
    title: "GitHub fine-grained personal access token",
    severity: Critical,
    aliases: &[Alias::new(Tool::Trivy, "github-fine-grained-pat"), Alias::new(Tool::Gitleaks, "github-fine-grained-pat")],
    keywords: &["github_pat_"],
    pattern: r#"(?P<secret>github_pat_[0-9a-zA-Z_]{82})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("GITHUB_TOKEN=github", "_pat_Ql23ahKPosVTgRfaaChClh0rLa3cNrmn4pue1ANodez9a0K0rkB9Pl96PSzx54pzWGHMxL10aqs0WDfnQl"),
    near_miss: concat!("GITHUB_TOKEN=github", "_pat_tMhSeGDrdT950XsOL5Dx46mR1XJCXzmf7Zr3Sp8IxxUdb2gxdQy9v7YXcSf1ey4GJBZerYTpAY9DVxX4e"),
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
