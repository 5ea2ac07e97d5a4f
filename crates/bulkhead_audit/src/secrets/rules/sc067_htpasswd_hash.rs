//! SC067 `htpasswd-hash`: Password hash in an htpasswd or shadow-style line.

use super::prelude::*;

secret_rule! {
    code: "SC067",
    name: "htpasswd-hash",
    title: "Password hash in an htpasswd or shadow-style line",
    severity: Low,
    aliases: &[],
    keywords: &["$apr1$", "$2y$", "$6$", "$5$"],
    pattern: r#"(?m)^[A-Za-z0-9_.-]{1,64}:(?P<secret>\$(?:apr1|2[aby]|[56])\$[./A-Za-z0-9$]{20,})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("admin:$a", "pr1$hNp7qrKA$glATBbdDPUr3KeYaekqFck"),
    near_miss: concat!("admin:$a", "pr1$CjXLVc7Q$"),
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
