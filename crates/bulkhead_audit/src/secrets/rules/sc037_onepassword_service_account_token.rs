//! SC037 `onepassword-service-account-token`: 1Password service account token.

use super::prelude::*;

secret_rule! {
    code: "SC037",
    name: "onepassword-service-account-token",
    title: "1Password service account token",
    severity: Critical,
    aliases: &[Alias::new(Tool::Gitleaks, "1password-service-account-token")],
    keywords: &["ops_eyJ"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>ops_eyJ[A-Za-z0-9+/]{250,}={0,3})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("OP_SERVICE_ACCOUNT_TOKEN=op", "s_eyJMBO9bboneYj6YmMBkFbqA5Ct7lsFQdwZWZAJg65dddYdr6tai5MynERPGHfybsJN2JVecMcKzFxTYoFUGZYChLxA41V7XE0cfS65lUhaL30cMhXTPPtFT51tXCBy0R7AuSMbygzcDOdIIpWszEU0eaPanin7SXjm8qsnvOOuDGSesKB4nxXlug9onMHI0hRnA49NZ3ccvQNntDuTVH8YhRBbKkcK7Rq49qtEuj1P871xqH8yyclNYYoq0R"),
    near_miss: concat!("OP_SERVICE_ACCOUNT_TOKEN=op", "s_eyJVn20OSikCCweoaqdQZdHjNtphpWHlyU4PMhSJ1sollmUkrvOygl9NhuyryBTYaESpHH7m6PvUMGrnYoOfBGzfP9fCmq8LOxmkPJaiPI5dqna9TCq8JfWxq50NIRFT6TKWrvjbM0po7HCJO3efXNvm7pOPjWTgznXv66rpFCKCMKHg2AWCUQ24rd3OSwNcdVOelk0nzJ67WDR7eiPhDWkUYNX5lljb3onvdKfbfOLkOeHhZL28evIIaYeP"),
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
