//! SC005 `gcp-service-account`: Google Cloud service account key file.

use super::prelude::*;

secret_rule! {
    code: "SC005",
    name: "gcp-service-account",
    title: "Google Cloud service account key file",
    severity: Critical,
    aliases: &[Alias::new(Tool::Trivy, "gcp-service-account")],
    keywords: &["service_account"],
    pattern: r#""type"\s*:\s*"service_account"(?s:.{0,4000}?)"private_key"\s*:\s*"(?P<secret>-----BEGIN[^"]{64,})""#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Block(8192),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("{\"type\": \"service_acc", "ount\", \"project_id\": \"p\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nYCLvkMTEXPdsa3LXL7KETTUa1FtOz0hPxYt4v3CsYKbx0Hb0rFzsCS1epVzHwFz5ESAVYl0DGPAQoKm5\\n-----END PRIVATE KEY-----\\n\"}"),
    near_miss: concat!("{\"type\": \"service_acc", "ount\", \"project_id\": \"p\", \"client_email\": \"x@p.iam.gserviceaccount.com\"}"),
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
