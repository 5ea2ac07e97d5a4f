//! SC146 `notion-api-token`: Notion integration token.

use super::prelude::*;

secret_rule! {
    code: "SC146",
    name: "notion-api-token",
    title: "Notion integration token",
    severity: High,
    aliases: &[Alias::new(Tool::Gitleaks, "notion-api-token")],
    keywords: &["ntn_"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>ntn_[0-9]{11}[A-Za-z0-9]{35})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("NOTION=nt", "n_72808818900f7PWtP5BBewwR78VcAIIdErDYV1B8yMV7dI"),
    near_miss: concat!("NOTION=nt", "n_45786482889jLXbM8rMWBx3JN7iSKdXgLLy3yaH4Zft0o"),
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
