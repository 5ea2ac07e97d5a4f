//! DF077 `wget-without-progress-option`: `wget` without a progress or quiet option

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF077",
    name: "wget-without-progress-option",
    summary: "`wget` without a progress or quiet option",
    severity: Severity::Info,
    category: Category::Style,
    aliases: &[Alias::new(Tool::Hadolint, "DL3047")],
    fix: FixKind::Safe,
    default_enabled: true,
    docs: "## What it does\n\
Reports `wget` without `-q`, `--quiet`, `-nv`, `--no-verbose` or `--progress=...`, and without \
`-o`/`--output-file` or `-a`/`--append-output` (which send the log, progress included, to a \
file).\n\n\
## Why is this bad?\n\
The default progress bar floods the build log with thousands of lines.\n\n\
## Example\n\
```dockerfile\n\
RUN wget https://example.com/x.tgz\n\
```\n\
Use instead:\n\
```dockerfile\n\
RUN wget --progress=dot:giga https://example.com/x.tgz\n\
```\n\n\
## Fix safety\n\
Safe: `--progress=dot:giga` is inserted after `wget`; only the log output changes.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    super::pm::missing_opt_any(ctx, out, &META, &["wget"], &['q', 'o', 'a'], &["quiet", "no-verbose", "progress", "output-file", "append-output"], &["-nv"], " --progress=dot:giga",
        "`wget` without a progress option floods the build log");
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines, assert_fix};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN wget https://x/y\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN wget -q https://x/y && wget -nv z && wget --progress=dot z && wget -qO- z\n", &[]);
    }

    #[test]
    fn fixes() {
        assert_fix(&super::META, "FROM a:1\nRUN wget https://x/y\n", false, "FROM a:1\nRUN wget --progress=dot:giga https://x/y\n");
    }

    #[test]
    fn a_log_file_takes_the_progress() {
        assert_lines(&super::META, "FROM a:1\nRUN wget -o /tmp/wget.log x.xyz\nRUN wget --append-output=/tmp/w.log x.xyz\nRUN wget -a /tmp/w.log x\nRUN wget --output-file=/l x\n", &[]);
        assert_lines(&super::META, "FROM a:1\nRUN wget -O /tmp/x x.xyz\n", &[2]);
    }
}
