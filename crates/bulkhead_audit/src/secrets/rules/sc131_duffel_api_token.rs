//! SC131 `duffel-api-token`: Duffel API token.

use super::prelude::*;

secret_rule! {
    code: "SC131",
    name: "duffel-api-token",
    title: "Duffel API token",
    severity: Low,
    aliases: &[Alias::new(Tool::Trivy, "duffel-api-token"), Alias::new(Tool::Gitleaks, "duffel-api-token")],
    keywords: &["duffel_test_", "duffel_live_"],
    pattern: r#"(?P<secret>duffel_(?:test|live)_[a-zA-Z0-9_=-]{43})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("DUFFEL=duff", "el_live_dx0X6JJo1H2YFle403GO_vKiZDDO17RRTw5Zufw_48u"),
    near_miss: concat!("DUFFEL=duff", "el_live_TcsT3tLiaToYVLjr_cvEQ8i2l_1B9UF4tPttf6h2qx"),
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
