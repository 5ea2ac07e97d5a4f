//! DF031 `add-url-without-checksum`: `ADD <url>` without `--checksum`

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF031",
    name: "add-url-without-checksum",
    summary: "`ADD <url>` without `--checksum`",
    severity: Severity::Medium,
    category: Category::SupplyChain,
    aliases: &[],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `ADD` of an `http://` or `https://` URL without `--checksum=sha256:...`.\n\n\
## Why is this bad?\n\
The file is trusted blindly: whatever the server returns on the day of the build goes into the \
image.\n\n\
## Example\n\
```dockerfile\n\
ADD https://example.com/tool.tar.gz /tmp/\n\
```\n\
Use instead:\n\
```dockerfile\n\
ADD --checksum=sha256:<digest> https://example.com/tool.tar.gz /tmp/\n\
```\n\n\
## Fix safety\n\
No automatic fix: the checksum must come from a trusted source.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, ins) in ctx.df.instructions.iter().enumerate() {
        if ins.kind != Kind::Add || ins.flag("checksum").is_some() {
            continue;
        }
        for s in ctx.operands(i).map_or(&[][..], |o| &o.sources) {
            if s.text.starts_with("http://") || s.text.starts_with("https://") {
                out.push(ctx.at_l(&META, ins, s.lstart, s.lend, format!("`ADD {}` without `--checksum` trusts the download blindly", s.text)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nADD https://x/y /y\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nADD --checksum=sha256:00 https://x/y /y\n", &[]);
    }
}
