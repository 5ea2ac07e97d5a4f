//! SC110 `planetscale-password`: PlanetScale password.

use super::prelude::*;

secret_rule! {
    code: "SC110",
    name: "planetscale-password",
    title: "PlanetScale password",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "planetscale-password"), Alias::new(Tool::Gitleaks, "planetscale-password")],
    keywords: &["pscale_pw_"],
    pattern: r#"(?P<secret>pscale_pw_[a-zA-Z0-9_.-]{32,64})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("PSCALE=pscale", "_pw__vq94Gg8cQV_cRjDQbgutcAod09JoPLcu_Wc0cz31qP"),
    near_miss: concat!("PSCALE=pscale", "_pw_ngSjbk12LJZlFGBJytZmtbPyNvDahdx"),
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
