//! DF030 `add-instead-of-copy`: `ADD` of local files: use `COPY`

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF030",
    name: "add-instead-of-copy",
    summary: "`ADD` of local files: use `COPY`",
    severity: Severity::Medium,
    category: Category::Security,
    aliases: &[Alias::new(Tool::Hadolint, "DL3020"), Alias::new(Tool::Trivy, "DS-0005"), Alias::new(Tool::Checkov, "CKV_DOCKER_4")],
    fix: FixKind::Safe,
    default_enabled: true,
    docs: "## What it does\n\
Reports `ADD` whose sources are all local files or directories that are not archives (no URL, \
no git repository, no `.tar*`/`.tgz` that `ADD` would unpack; a `.zip` is not unpacked by \
`ADD`, so it is reported).\n\n\
## Why is this bad?\n\
`ADD` has surprising powers: it downloads URLs and unpacks archives. Using it for plain files \
hides which behaviour is intended and invites accidents; `COPY` does only what it says.\n\n\
## Example\n\
```dockerfile\n\
ADD app.py /app/\n\
```\n\
Use instead:\n\
```dockerfile\n\
COPY app.py /app/\n\
```\n\n\
## Fix safety\n\
Safe: the keyword is replaced by `COPY` (case kept) when no `ADD`-only flag (`--checksum`, \
`--keep-git-dir`, `--unpack`) is used; for local non-archive sources both instructions do the \
same.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, ins) in ctx.df.instructions.iter().enumerate() {
        let Some(ops) = ctx.operands(i).filter(|_| ins.kind == Kind::Add) else {
            continue;
        };
        let remote = |s: &str| s.contains("://") || s.starts_with("git@");
        let archive = |s: &str| {
            let l = s.to_ascii_lowercase();
            [".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tar.xz", ".txz", ".tar.zst", ".tzst", ".gz", ".bz2", ".xz", ".zst"]
                .iter()
                .any(|e| l.ends_with(e))
                || l.contains('$') || l.contains('*')
        };
        if ops.sources.is_empty() && ins.heredocs.is_empty() {
            continue;
        }
        if ops.sources.iter().any(|s| remote(&s.text) || archive(&s.text)) {
            continue;
        }
        let f = ctx.at(&META, ins, "`ADD` of local files: use `COPY`, which does not download or unpack");
        let addonly = ins.flags.iter().any(|f| matches!(f.name.as_str(), "checksum" | "keep-git-dir" | "unpack"));
        out.push(if addonly {
            f
        } else {
            let kw = if ins.keyword.chars().all(|c| c.is_ascii_lowercase()) { "copy" } else { "COPY" };
            f.with_fix(Fix::safe("Use `COPY`", vec![Edit::replace(ins.keyword_start, ins.keyword_end, kw)]))
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines, assert_fix};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nADD app.py /app/\nADD [\"a\", \"b\", \"/c/\"]\n", &[2, 3]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nADD https://x/y.tgz /tmp/\nADD rootfs.tar.gz /\nADD git@github.com:a/b.git /src\nCOPY a /b\n", &[]);
        // Quoted operands are read without their quotes (Trivy's own good example).
        assert_lines(&super::META, "FROM a:1\nADD \"/target/resources.tar.gz\" \"resources\"\nADD 'https://x/y' /y\n", &[]);
    }

    #[test]
    fn fixes() {
        assert_fix(&super::META, "FROM a:1\nADD --chown=1:1 app.py /app/\n", false, "FROM a:1\nCOPY --chown=1:1 app.py /app/\n");
    }

    #[test]
    fn zip_files_are_not_unpacked_by_add() {
        assert_lines(&super::META, "FROM a:1\nADD file.zip /usr/src/app/\nADD \"file.zip\" /usr/src/app/\n", &[2, 3]);
    }
}
