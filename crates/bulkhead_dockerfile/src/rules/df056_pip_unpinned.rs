//! DF056 `pip-unpinned`: `pip install` without version pins

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF056",
    name: "pip-unpinned",
    summary: "`pip install` without version pins",
    severity: Severity::Low,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL3013")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports packages of `pip install` without a version specifier (`==`, `>=`, `~=`, `@`...). \
Installs from requirement or constraint files (`-r`, `-c`), editable or local paths, URLs and \
wheels are skipped, and so is `--upgrade pip` itself.\n\n\
## Why is this bad?\n\
Unpinned packages make the image depend on the day it is built, and on whatever was last \
published under that name.\n\n\
## Example\n\
```dockerfile\n\
RUN pip install --no-cache-dir flask\n\
```\n\
Use instead:\n\
```dockerfile\n\
RUN pip install --no-cache-dir flask==3.0.3\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (_, c) in ctx.commands() {
        if !super::pm::is_pip_install(c) {
            continue;
        }
        // Requirements and constraints files pin (or are meant to pin) what they install.
        if c.has_opt(&['r', 'c'], &["requirement", "constraint"]) {
            continue;
        }
        for w in super::pm::packages(c, &["install"], super::pm::PIP_OPTS_WITH_VALUE) {
            let v = w.value.as_str();
            // Upgrading the installer itself is the usual first step.
            let installer = matches!(v, "pip" | "setuptools" | "wheel") && c.has_opt(&['U'], &["upgrade"]);
            if !super::pm::pip_pinned(v) && !installer {
                let how = if super::pm::is_vcs_url(v) { format!("add `@<tag or commit>` to `{v}`") } else { format!("use `{v}==<version>` or a requirements file") };
                out.push(ctx.finding(&META, w.start, w.end, format!("`{v}` is not pinned: {how}")));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN pip install flask requests==2.32.3\nRUN python3 -m pip install \"django>=5\" gunicorn\n", &[2, 3]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN pip install -r requirements.txt && pip install --upgrade pip && pip install . ./x.whl flask==3 -i https://x\n", &[]);
    }

    #[test]
    fn options_vcs_and_other_installers() {
        // An option's value is not a package; pipenv is not pip.
        assert_lines(&super::META, "FROM a:1\nRUN pip install --no-cache-dir --root-user-action ignore poetry==1.8.5\nRUN pipenv install black\nRUN pip install git+https://github.com/a/b.git@v1.2#egg=b\nRUN pip install -e ./src x==1\n", &[]);
        // A VCS URL without `@ref` (an ssh user's `git@` is no ref), pipx, `--opt=value`.
        assert_lines(&super::META, "FROM a:1\nRUN pip install git+https://github.com/a/b.git#egg=b\nRUN pip install git+ssh://git@github.com/a/b.git\nRUN pipx install black\nRUN pip install --root-user-action=ignore mypkg\n", &[2, 3, 4, 5]);
    }
}
