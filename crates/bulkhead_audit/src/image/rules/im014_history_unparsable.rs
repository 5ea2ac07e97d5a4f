//! IM014 `image-history-unparsable`: a history entry that is not a Dockerfile instruction.

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "IM014",
    name: "image-history-unparsable",
    summary: "A history entry could not be read as a Dockerfile instruction; it was not checked",
    severity: Severity::Info,
    category: Category::Reliability,
    aliases: &[],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\nThe image history is rebuilt as a Dockerfile and checked by the `DF` \
rules. An entry whose `created_by` is neither a classic `/bin/sh -c` / `#(nop)` line nor a \
BuildKit instruction (images made by other builders: `umoci`, `ko`, `apko`, Bazel...) is \
reported here, once per entry, and the other entries are still checked.\n\n## Why is this \
bad?\nIt is not a problem in the image, but that entry's command was not checked: the report \
says so instead of staying silent.\n\n## Example\n```text\ncreated_by: \"umoci insert\"\n```\n\
\n## Fix safety\nNothing to fix; ignore the code where such builders are expected.\n",
};

/// Raised by the history reconstruction (`image::history`), not here.
pub fn check(_ctx: &Ctx, _out: &mut Vec<AuditFinding>) {}

#[cfg(test)]
mod tests {
    use crate::image::history::to_instructions;

    #[test]
    fn triggers() {
        assert!(to_instructions("umoci insert").is_err());
    }

    #[test]
    fn near_misses() {
        assert!(to_instructions("/bin/sh -c #(nop)  CMD [\"sh\"]").is_ok());
    }
}
