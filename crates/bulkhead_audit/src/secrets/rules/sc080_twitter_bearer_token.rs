//! SC080 `twitter-bearer-token`: Twitter/X bearer token.

use super::prelude::*;

secret_rule! {
    code: "SC080",
    name: "twitter-bearer-token",
    title: "Twitter/X bearer token",
    severity: High,
    aliases: &[Alias::new(Tool::Gitleaks, "twitter-bearer-token")],
    keywords: &["AAAAAAAAAAAAAAAAAAAAA"],
    pattern: r#"(?P<secret>A{22}[A-Za-z0-9%]{80,100})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("BEARER=AAAAAAAAAAA", "AAAAAAAAAAAI81hTxhzw70lUJOmKABWgOo8dQqCE65Req2nAMYzUc5CF1VOzOOq4e1lKcHQ04Hk4eAMPk7XEBpgaqru"),
    near_miss: concat!("BEARER=AAAAAAAAAAA", "AAAAAAAAAAAimDFwUZN5kodkLTpPvUt3Z0bm6d76OXLBRYduq8DGQmvHAv1k8Vlghtsu0BO4awABL6HBEUEXO4Hn08"),
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
