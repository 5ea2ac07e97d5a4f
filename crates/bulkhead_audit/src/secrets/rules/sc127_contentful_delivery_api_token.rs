//! SC127 `contentful-delivery-api-token`: Contentful delivery API token.

use super::prelude::*;

secret_rule! {
    code: "SC127",
    name: "contentful-delivery-api-token",
    title: "Contentful delivery API token",
    severity: Low,
    aliases: &[Alias::new(Tool::Trivy, "contentful-delivery-api-token"), Alias::new(Tool::Gitleaks, "contentful-delivery-api-token")],
    keywords: &["contentful"],
    pattern: r#"(?i)(?:contentful)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[a-z0-9=_-]{43})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("co", "ntentful_key = \"n0t_ok_fw7fyq42afqhuf6ira05ufhchvn-l202gglm\""),
    near_miss: concat!("co", "ntentful_key = \"snrmj61hzdkcxfmkl0qt9bafn59ysb84rfaurd4k19\""),
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
