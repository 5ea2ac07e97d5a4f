//! DF067 `maintainer-deprecated`: `MAINTAINER` is deprecated

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF067",
    name: "maintainer-deprecated",
    summary: "`MAINTAINER` is deprecated",
    severity: Severity::Info,
    category: Category::Style,
    aliases: &[Alias::new(Tool::Hadolint, "DL4000"), Alias::new(Tool::Trivy, "DS-0022"), Alias::new(Tool::Checkov, "CKV_DOCKER_6"), Alias::new(Tool::Buildkit, "MaintainerDeprecated")],
    fix: FixKind::Safe,
    default_enabled: true,
    docs: "## What it does\n\
Reports the `MAINTAINER` instruction.\n\n\
## Why is this bad?\n\
`MAINTAINER` is deprecated; the OCI label `org.opencontainers.image.authors` carries the same \
information where tools look for it.\n\n\
## Example\n\
```dockerfile\n\
MAINTAINER Jane <jane@example.com>\n\
```\n\
Use instead:\n\
```dockerfile\n\
LABEL org.opencontainers.image.authors=\"Jane <jane@example.com>\"\n\
```\n\n\
## Fix safety\n\
Safe: the instruction is replaced by the equivalent `LABEL`.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for ins in &ctx.df.instructions {
        if ins.kind != Kind::Maintainer {
            continue;
        }
        let v = crate::model::unquote(ins.args()).replace('\\', "\\\\").replace('"', "\\\"");
        let kw = if ins.keyword.chars().all(|c| c.is_ascii_lowercase()) { "label" } else { "LABEL" };
        out.push(ctx.at(&META, ins, "`MAINTAINER` is deprecated: use `LABEL org.opencontainers.image.authors`").with_fix(Fix::safe(
            "Replace with a LABEL",
            vec![Edit::replace(ins.start, ins.end, format!("{kw} org.opencontainers.image.authors=\"{v}\""))],
        )));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines, assert_fix};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nMAINTAINER me\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nLABEL maintainer=me\n", &[]);
    }

    #[test]
    fn fixes() {
        assert_fix(&super::META, "FROM a:1\nMAINTAINER Jane \"J\" <j@x>\n", false, "FROM a:1\nLABEL org.opencontainers.image.authors=\"Jane \\\"J\\\" <j@x>\"\n");
    }
}
