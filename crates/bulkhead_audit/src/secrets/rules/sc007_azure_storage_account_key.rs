//! SC007 `azure-storage-account-key`: Azure storage account key.

use super::prelude::*;

secret_rule! {
    code: "SC007",
    name: "azure-storage-account-key",
    title: "Azure storage account key",
    severity: Critical,
    aliases: &[Alias::new(Tool::Trivy, "azure-storage-account-key")],
    keywords: &["accountkey"],
    pattern: r#"(?i)AccountKey\s*=\s*(?P<secret>[A-Za-z0-9+/]{86}==)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("DefaultEndpointsProtocol=https;AccountName=a;Acc", "ountKey=19weZnUcXWxtJSDaS0Lhl2rpyZqf6DCsC400LSefCWFVhcu+E/Qfo81vqfl0B0Aa3TAbRDMZezjB6HpnoqfeFk==;"),
    near_miss: concat!("DefaultEndpointsProtocol=https;AccountName=a;Acc", "ountKey=SgpsPfK/GmfiyTkHswBbtKpru2nfOYLQ2XQZUb7faS2kEMdvldHNBLMUSEx3undUWrsy1em0TsN1w+tSwf23X==;"),
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
