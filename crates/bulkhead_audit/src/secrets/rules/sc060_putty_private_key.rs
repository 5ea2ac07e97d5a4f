//! SC060 `putty-private-key`: PuTTY private key file.

use super::prelude::*;

secret_rule! {
    code: "SC060",
    name: "putty-private-key",
    title: "PuTTY private key file",
    severity: High,
    aliases: &[],
    keywords: &["putty-user-key-file"],
    pattern: r#"(?s)PuTTY-User-Key-File-[23]:.{0,2000}?Private-Lines:\s*\d+\s*(?P<secret>[A-Za-z0-9+/=]{40,})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Block(4096),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("PuTTY-User-Key-F", "ile-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\nJEJQjiJAWbvPNtS0OwYGWcNhuZzoeQmyzDqmCd2ogwLm"),
    near_miss: concat!("PuTTY-User-Key-F", "ile-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\n3rPQqt/Q7OOuskA0Hga/4aKlXoZBqa8AnBWbdkw"),
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
