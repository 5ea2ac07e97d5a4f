//! SC129 `dropbox-short-lived-api-token`: Dropbox short-lived token.

use super::prelude::*;

secret_rule! {
    code: "SC129",
    name: "dropbox-short-lived-api-token",
    title: "Dropbox short-lived token",
    severity: High,
    aliases: &[Alias::new(Tool::Trivy, "dropbox-short-lived-api-token"), Alias::new(Tool::Gitleaks, "dropbox-short-lived-api-token")],
    keywords: &["sl."],
    pattern: r#"(?i)dropbox[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>sl\.[a-z0-9=_-]{135})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("drop", "box_token = \"sl.7rzv5ejgpjjtaqozzdbggyhq01-qftx98hx1s9njgkg4dvh2vl_eqprw8q5s3jerltrg__s5ypa9i54ludppyrkyagjxspj3b2f6gckk1m1ucrwqj05205ei3-vz5jb8p_y0en-\""),
    near_miss: concat!("drop", "box_token = \"sl.rf6xxs47foz8qupz5-wkjecc6qfz96ovqxrm01pa1cf_3je24h0z9oc5bv4ke0x1rt7zjb2ol069m4pa3ukzs8-jutc-70p1ksy-vf6ko7m624ifn6opoah0aov2023qhkalrk\""),
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
