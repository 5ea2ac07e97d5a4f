//! SC036 `harness-api-key`: Harness API key.

use super::prelude::*;

secret_rule! {
    code: "SC036",
    name: "harness-api-key",
    title: "Harness API key",
    severity: High,
    aliases: &[Alias::new(Tool::Gitleaks, "harness-api-key")],
    keywords: &["pat.", "sat."],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>(?:pat|sat)\.[A-Za-z0-9_-]{22}\.[0-9a-f]{24}\.[A-Za-z0-9]{20})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("HARNESS=pa", "t.jEXA3ZC8A37OIqtZ9JQajS.f6714131252157390deeaa2e.oLH0Km6i46bFq4f2Uu0F"),
    near_miss: concat!("HARNESS=pa", "t.o_Y6_6xZijgwVOIdPsKZmx.189d365b97d3485a221f962b.vRaLTVWUrruAP7GvMg9"),
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
