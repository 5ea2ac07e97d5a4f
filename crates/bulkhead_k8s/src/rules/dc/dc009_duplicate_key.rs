//! DC009 `compose-duplicate-key`: a mapping of the Compose file repeats a key.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "DC009",
        name: "compose-duplicate-key",
        summary: "A Compose file mapping repeats a key: one of the two values is silently lost",
        severity: Medium,
        category: Reliability,
        aliases: [],
        fix: None,
        default_enabled: true,
        what: "Reports a key that appears twice in the same mapping of a Compose file, at its \
            second occurrence. The services are still checked, with the last value.",
        why: "Only one of the two values is used: the other was written for a reason and is \
            silently dropped (Docker Compose itself rejects some of these files).",
        example: "```yaml\nservices:\n  web:\n    image: nginx:1.27\n    image: nginx:1.25   \
            # flagged\n```",
        fix_safety: "No automatic fix: which value is the mistake is the author's call.",
    }
}

/// Reported by the Compose driver from the loader's duplicate-key reports.
pub(crate) static HOOK: Hook = Hook::Input;

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "services:\n  web:\n    image: nginx:1.27\n    image: nginx:1.25\n    read_only: true\n";
        assert_compose_lines(&super::META, y, &[4]);
    }

    #[test]
    fn near_misses() {
        let y = "services:\n  web:\n    image: nginx:1.27\n  db:\n    image: postgres:16\n";
        assert_compose_lines(&super::META, y, &[]);
    }
}
