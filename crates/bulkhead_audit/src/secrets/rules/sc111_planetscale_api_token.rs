//! SC111 `planetscale-api-token`: PlanetScale API or OAuth token.

use super::prelude::*;

secret_rule! {
    code: "SC111",
    name: "planetscale-api-token",
    title: "PlanetScale API or OAuth token",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "planetscale-api-token"), Alias::new(Tool::Gitleaks, "planetscale-api-token"), Alias::new(Tool::Gitleaks, "planetscale-oauth-token")],
    keywords: &["pscale_tkn_", "pscale_oauth_"],
    pattern: r#"(?P<secret>pscale_(?:tkn|oauth)_[a-zA-Z0-9_.-]{32,64})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("PSCALE=pscale", "_tkn_aS8XOd05yJ_8RwT1vxmek32XqrJqz2gEiIhljaapdPi"),
    near_miss: concat!("PSCALE=pscale", "_tkn_RdLnoHDBbW78jRwkiikPXKEcqgrQX-l"),
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
