//! SC062 `jwt-token`: JSON Web Token.

use super::prelude::*;

secret_rule! {
    code: "SC062",
    name: "jwt-token",
    title: "JSON Web Token",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "jwt-token"), Alias::new(Tool::Gitleaks, "jwt")],
    keywords: &["eyJ"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>ey[JI][A-Za-z0-9_-]{10,}\.ey[JI][A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("Authorization: Bearer ey", "JhbGciOiJIUzI1NiJ9.eyJzK6e3Hl6jQlUbSHXjmkTfsw23uvDR3.dyKisK5KHYwRXrcN-qP5-lF_mfjiIS_n5IANTEdDOXr"),
    near_miss: concat!("Authorization: Bearer ey", "JhbGciOiJIUzI1NiJ9.e30.Lf68ukk_v9RVMnT8RvOeI2hW4srSW8mVsAG65JTMo2h"),
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
