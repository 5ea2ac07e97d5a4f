//! SC010 `azure-devops-pat`: Azure DevOps personal access token.

use super::prelude::*;

secret_rule! {
    code: "SC010",
    name: "azure-devops-pat",
    title: "Azure DevOps personal access token",
    severity: Critical,
    aliases: &[Alias::new(Tool::Trivy, "azure-devops-pat")],
    keywords: &["azure", "devops", "ado"],
    pattern: r#"(?i)(?:azure|devops|ado)[a-z0-9_ .,-]{0,25}(?:=|:=|:|=>)\s*["\']?(?P<secret>[a-z2-7]{52}|[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4})(?:[^A-Za-z0-9]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("dev", "ops_pat = xolypjrkkzsjbyyofprlngackpaibvpzxpulmhsjumykmiwkigcg"),
    near_miss: concat!("dev", "ops_pat = ljfdqaynjxypllggznwfmjwcjpyguosbjurhobrmyxbsdqkcggm"),
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
