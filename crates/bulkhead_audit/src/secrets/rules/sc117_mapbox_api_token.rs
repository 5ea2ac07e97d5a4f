//! SC117 `mapbox-api-token`: Mapbox token.

use super::prelude::*;

secret_rule! {
    code: "SC117",
    name: "mapbox-api-token",
    title: "Mapbox token",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "mapbox-api-token"), Alias::new(Tool::Gitleaks, "mapbox-api-token")],
    keywords: &["pk.", "sk."],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>[ps]k\.[a-zA-Z0-9]{60}\.[a-zA-Z0-9_-]{22})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("MAPBOX=p", "k.xqdP7UEgDSzLyK5OsQQ3gO57KmsMsRPDTBCKbFeOzrL3hJcp9U4YDLQe3MDq.f3uQ9K_j3ETJrG7qhUFFRq"),
    near_miss: concat!("MAPBOX=p", "k.4AB62EhFOtufvJ12GzdMdCNywnSHnaT16S4fLw8iyQihheXo9CuiM7VNzLQ9.18bI2rJEU7kRk7iWgJ_WK"),
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
