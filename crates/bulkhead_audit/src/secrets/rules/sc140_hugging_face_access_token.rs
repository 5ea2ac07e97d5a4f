//! SC140 `hugging-face-access-token`: Hugging Face access token.

use super::prelude::*;

secret_rule! {
    code: "SC140",
    name: "hugging-face-access-token",
    title: "Hugging Face access token",
    severity: High,
    aliases: &[Alias::new(Tool::Trivy, "hugging-face-access-token"), Alias::new(Tool::Gitleaks, "huggingface-access-token"), Alias::new(Tool::Gitleaks, "huggingface-organization-api-token")],
    keywords: &["hf_", "api_org_"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>(?:hf_|api_org_)[a-zA-Z]{34})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("HF_TOKEN=h", "f_pJWiPjTmGIxrvWJueFbHFHskKkObZxtzxA"),
    near_miss: concat!("HF_TOKEN=h", "f_PszunFfVlghYoGKLRaVfbVhTjRXpbovzT"),
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
