//! SC142 `anthropic-api-key`: Anthropic API key.

use super::prelude::*;

secret_rule! {
    code: "SC142",
    name: "anthropic-api-key",
    title: "Anthropic API key",
    severity: Critical,
    aliases: &[Alias::new(Tool::Trivy, "anthropic-api-key"), Alias::new(Tool::Gitleaks, "anthropic-api-key"), Alias::new(Tool::Gitleaks, "anthropic-admin-api-key")],
    keywords: &["sk-ant-"],
    pattern: r#"(?P<secret>sk-ant-(?:api03|admin01)-[a-zA-Z0-9_-]{93}AA)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("ANTHROPIC_API_KEY=sk-a", "nt-api03-LuDCXrDMr8YgjBZYztg8B1SDz34tWooXkRFnT9N7MYsbw4bneME6KJsIp1aZGEykVI2qyweO5cal5bwc_rx2HAoQpz_yrAA"),
    near_miss: concat!("ANTHROPIC_API_KEY=sk-a", "nt-api03-FRYT6WBZUCj-cIMFhDZJTypaWAxofdYb54UztZuxcyfJq4DOors_Kx3v8_6AJhqZ7I3hhU8KFdN8KI6sXe3rtlnSbTMWAA"),
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
