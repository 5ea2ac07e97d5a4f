//! SC009 `azure-sas-token`: Azure shared access signature.

use super::prelude::*;

secret_rule! {
    code: "SC009",
    name: "azure-sas-token",
    title: "Azure shared access signature",
    severity: High,
    aliases: &[Alias::new(Tool::Trivy, "azure-sas-token")],
    keywords: &["sig="],
    pattern: r#"(?i)[?&]sv=\d{4}-\d{2}-\d{2}[^\s"\']{0,200}?&sig=(?P<secret>[A-Za-z0-9%+/]{40,90}(?:%3D|=){0,2})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("https://a.blob.core.windows.net/c?sv=2022-11-02&ss=b&srt=o&sp=r&si", "g=gX3RXhUcgF8PyVuAPFnrcT5hWKq6Xqnpx0FwYVonfIJ%3D"),
    near_miss: concat!("https://a.blob.core.windows.net/c?sp=r&si", "g=rGXrhZ12SnMCzVSk5y7QKWjw8TpTozIbbYz3ARtmT3S%3D"),
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
