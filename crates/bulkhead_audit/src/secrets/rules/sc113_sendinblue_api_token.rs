//! SC113 `sendinblue-api-token`: Brevo (Sendinblue) API key.

use super::prelude::*;

secret_rule! {
    code: "SC113",
    name: "sendinblue-api-token",
    title: "Brevo (Sendinblue) API key",
    severity: Low,
    aliases: &[Alias::new(Tool::Trivy, "sendinblue-api-token"), Alias::new(Tool::Gitleaks, "sendinblue-api-token")],
    keywords: &["xkeysib-"],
    pattern: r#"(?P<secret>xkeysib-[a-f0-9]{64}-[a-zA-Z0-9]{16})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("BREVO=xkey", "sib-32522b873b15d4347c45a61b8c41c8ffda882d6df650afc69e47c6619d910fc1-XTkenhUQPJailuPh"),
    near_miss: concat!("BREVO=xkey", "sib-e394805d9aeedf3ce6a8bec910144cbdede1bdfbc7e2a91ba7abed3cfc676650-uyZsQ0EcIFgMh2I"),
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
