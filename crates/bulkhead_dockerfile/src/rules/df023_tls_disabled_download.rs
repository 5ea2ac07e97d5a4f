//! DF023 `tls-disabled-download`: `curl -k` / `wget --no-check-certificate`.

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF023",
    name: "tls-disabled-download",
    summary: "`curl --insecure` or `wget --no-check-certificate` disables TLS verification",
    severity: Severity::High,
    category: Category::Security,
    aliases: &[
        Alias::new(Tool::Checkov, "CKV2_DOCKER_2"),
        Alias::new(Tool::Checkov, "CKV2_DOCKER_3"),
    ],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `curl -k`/`--insecure` (also inside combined options such as `-fsSLk`) and \
`wget --no-check-certificate` in `RUN`.\n\n\
## Why is this bad?\n\
Without certificate checks anyone on the network path can substitute what is downloaded \
into the image.\n\n\
## Example\n\
```dockerfile\nRUN curl -k https://example.com/tool -o /usr/local/bin/tool\n```\nInstall the CA certificates instead (`ca-certificates`) and drop `-k`.\n\n\
## Fix safety\n\
No automatic fix: removing the flag may break a build that relies on it.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (_, c) in ctx.commands() {
        let w = match c.name() {
            "curl" => c.find_opt(&['k'], &["insecure", "proxy-insecure"]),
            "wget" => c.find_opt(&[], &["no-check-certificate"]),
            _ => None,
        };
        if let Some(w) = w {
            out.push(ctx.finding(&META, w.start, w.end, format!("`{} {}` disables TLS certificate verification", c.name(), w.value)));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::assert_lines;

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN curl -fsSLk https://x\nRUN wget --no-check-certificate https://x\n", &[2, 3]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN curl -fsSL https://x -o k\nRUN echo --insecure\n", &[]);
    }
}
