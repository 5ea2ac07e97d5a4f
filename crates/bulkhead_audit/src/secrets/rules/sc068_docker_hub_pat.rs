//! SC068 `docker-hub-pat`: Docker Hub personal access token.

use super::prelude::*;

secret_rule! {
    code: "SC068",
    name: "docker-hub-pat",
    title: "Docker Hub personal access token",
    severity: Critical,
    aliases: &[],
    keywords: &["dckr_pat_", "dckr_oat_"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("DOCKER_TOKEN=dckr", "_pat_I9DSgjLkI08zsJr6N4Qh6It5VqJ"),
    near_miss: concat!("DOCKER_TOKEN=dckr", "_pat_KHEMDyKLQ1ozTUTEwnFaUG9F5w"),
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
