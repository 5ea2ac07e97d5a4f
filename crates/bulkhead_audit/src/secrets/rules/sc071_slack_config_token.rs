//! SC071 `slack-config-token`: Slack configuration token.

use super::prelude::*;

secret_rule! {
    code: "SC071",
    name: "slack-config-token",
    title: "Slack configuration token",
    severity: High,
    aliases: &[Alias::new(Tool::Gitleaks, "slack-config-access-token"), Alias::new(Tool::Gitleaks, "slack-config-refresh-token")],
    keywords: &["xoxe.xox", "xoxe-"],
    pattern: r#"(?i)(?P<secret>xoxe(?:\.xox[bp])?-\d-[A-Z0-9]{140,170})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("SLACK=xo", "xe.xoxp-1-0J8238ZKLOG4UDSBTR8OZVZ5JCM2W62C3KHIQJNCV3QQVBIM7YIDYS0DGFXL1FE5NO5GULKI2Z2P73VELLMON03E1HUD58AUP5IYRKRF1OWCX7CE1C7AO78MK52KLJWVYP04QL2SO4D37DWKELVCHY9DVLXAA9YT6RJ"),
    near_miss: concat!("SLACK=xo", "xe.xoxp-1-DXXXICAVVHIALFXK570G2HOG9Q3SRT3FLVI1JT3NBDB5LYU5K2MM3ZFS1NAN22YBVSDLZVWLUMN7GP4C52QXWFD12U1A4FFWNY3J3YIGDZB2O7JDXF5APET4ZTMIJHVGDJLNVTVDY72"),
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
