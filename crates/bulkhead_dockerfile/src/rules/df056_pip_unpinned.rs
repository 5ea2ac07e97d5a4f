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
    docs: "## What it does\nReports packages of `pip install` without a version specifier (`==`, `>=`, `~=`, `@`...). Installs from requirement or constraint files (`-r`, `-c`), editable or local paths, URLs and wheels are skipped, and so is `--upgrade pip` itself.\n\n## Why is this bad?\nUnpinned packages make the image depend on the day it is built, and on whatever was last published under that name.\n\n## Example\n```dockerfile\nRUN pip install --no-cache-dir flask\n```\nUse instead:\n```dockerfile\nRUN pip install --no-cache-dir flask==3.0.3\n```\n\n## Fix safety\nNo automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let is_pip = |c: &Command| c.name().starts_with("pip") || (c.name().starts_with("python") && c.args().iter().any(|w| w.value == "pip"));
    for (_, c) in ctx.commands() {
        if !is_pip(c) || !c.args().iter().any(|w| w.value == "install") {
            continue;
        }
        if c.has_opt(&['r', 'c', 'e'], &["requirement", "constraint", "editable"]) {
            continue;
        }
        let args = c.args();
        let start = args.iter().position(|w| w.value == "install").unwrap_or(0) + 1;
        let mut skip = false;
        for w in &args[start..] {
            let v = w.value.as_str();
            if skip { skip = false; continue; }
            if v.starts_with('-') {
                skip = matches!(v, "-i" | "--index-url" | "--extra-index-url" | "-f" | "--find-links" | "-t" | "--target" | "--prefix" | "--root" | "--trusted-host" | "--platform" | "--python-version" | "--implementation" | "--abi" | "--only-binary" | "--no-binary" | "--progress-bar");
                continue;
            }
            let pinned = v.contains("==") || v.contains(">=") || v.contains("<=") || v.contains("~=") || v.contains("!=") || v.contains('<') || v.contains('>') || v.contains('@');
            let local = v.contains('/') || v.starts_with('.') || v.ends_with(".whl") || v.ends_with(".tar.gz") || v.contains('$') || v.contains("://");
            let pip_itself = matches!(v, "pip" | "setuptools" | "wheel") && c.has_opt(&['U'], &["upgrade"]);
            if !pinned && !local && !pip_itself {
                out.push(ctx.finding(&META, w.start, w.end, format!("`{v}` is not pinned: use `{v}==<version>` or a requirements file")));
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
}
