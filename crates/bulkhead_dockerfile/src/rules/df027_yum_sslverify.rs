//! DF027 `yum-sslverify-disabled`: `sslverify=0` for yum/dnf.

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF027",
    name: "yum-sslverify-disabled",
    summary: "yum/dnf `sslverify` disabled",
    severity: Severity::High,
    category: Category::Security,
    aliases: &[Alias::new(Tool::Checkov, "CKV2_DOCKER_15")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `sslverify=0`, `false` or `no` in a `RUN` (an `--setopt`, or a line written to \
`yum.conf`/`dnf.conf`/a `.repo` file).\n\n\
## Why is this bad?\n\
Repository metadata and packages are then fetched without certificate checks.\n\n\
## Example\n\
```dockerfile\nRUN echo 'sslverify=0' >> /etc/yum.conf\n```\nInstall the repository's CA instead.\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, ins) in ctx.df.instructions.iter().enumerate() {
        if ctx.scripts[i].is_none() {
            continue;
        }
        let mut texts: Vec<(&str, Option<usize>)> = vec![(&ins.logical, None)];
        for h in &ins.heredocs {
            texts.push((&h.body, Some(h.body_start)));
        }
        for (t, _) in texts {
            if !t.as_bytes().windows(9).any(|w| w.eq_ignore_ascii_case(b"sslverify")) {
                continue;
            }
            let lower = t.to_ascii_lowercase();
            let mut from = 0;
            while let Some(p) = lower[from..].find("sslverify") {
                let at = from + p;
                let rest = lower[at + 9..].trim_start_matches([' ', '=', '"', '\'']);
                let before_ok = at == 0 || !lower.as_bytes()[at - 1].is_ascii_alphanumeric();
                if before_ok && lower[at + 9..].trim_start().starts_with('=') && (rest.starts_with('0') || rest.starts_with("false") || rest.starts_with("no")) {
                    out.push(ctx.at(&META, ins, "`sslverify` disabled for yum/dnf: packages are fetched without TLS checks"));
                    break;
                }
                from = at + 9;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::assert_lines;

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN echo 'sslverify=0' >> /etc/yum.conf\nRUN dnf --setopt=sslverify=false install -y x\n", &[2, 3]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN echo sslverify=1 >> /etc/yum.conf\nENV X=sslverify=0\n", &[]);
    }
}
