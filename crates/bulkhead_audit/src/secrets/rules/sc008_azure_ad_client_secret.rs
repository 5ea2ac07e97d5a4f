//! SC008 `azure-ad-client-secret`: Azure Entra ID client secret.

use super::prelude::*;

secret_rule! {
    code: "SC008",
    name: "azure-ad-client-secret",
    title: "Azure Entra ID client secret",
    severity: Critical,
    aliases: &[Alias::new(Tool::Trivy, "azure-entra-client-secret"), Alias::new(Tool::Gitleaks, "azure-ad-client-secret")],
    keywords: &["q~"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>[a-zA-Z0-9_~.]{3}[0-9]Q~[a-zA-Z0-9_~.-]{31,34})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("client_secret: abc1", "Q~Mbj8EwmYiaGAhnPdqUWzdE8mxjs6LSF"),
    near_miss: concat!("client_secret: abc1", "Q~GnXxVn1g4RmDwNbGR9bPriUE1bd7P6"),
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
