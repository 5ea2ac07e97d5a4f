//! SC141 `openai-api-key`: OpenAI API key.

use super::prelude::*;

secret_rule! {
    code: "SC141",
    name: "openai-api-key",
    title: "OpenAI API key",
    severity: Critical,
    aliases: &[Alias::new(Tool::Trivy, "openai-api-key"), Alias::new(Tool::Gitleaks, "openai-api-key")],
    keywords: &["T3BlbkFJ"],
    pattern: r#"(?P<secret>sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{20,74}T3BlbkFJ[A-Za-z0-9_-]{20,74})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("OPENAI_API_KEY=sk-proj-Fdgw0twUGtUFU1hhknugSjGFZlxGLvZgQG4Wq3tPT3Blb", "kFJKIjPyatd7KBkugnbRIGWa1VCCFxymSyTqaU9rbqP"),
    near_miss: concat!("OPENAI_API_KEY=sk-proj-sNb6wCo8hm0gbGQaLAdSR6C3XwnSrYvZvBpbjxkuT3Blb", "kFIq50ZF83injH7z8leyLKFIJYmq9ibig68qz9QhHrT"),
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
