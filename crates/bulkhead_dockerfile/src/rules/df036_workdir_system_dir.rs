//! DF036 `workdir-system-dir`: `WORKDIR` is a system directory

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF036",
    name: "workdir-system-dir",
    summary: "`WORKDIR` is a system directory",
    severity: Severity::Medium,
    category: Category::Security,
    aliases: &[Alias::new(Tool::Trivy, "DS-0030")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `WORKDIR` set to `/`, `/proc`, `/sys`, `/dev`, `/boot`, `/etc`, `/bin`, `/sbin`, \
`/lib`, `/usr/bin`, `/usr/sbin`, `/usr/lib` (or inside `/proc`, `/sys`, `/dev`).\n\n\
## Why is this bad?\n\
Files the application writes or `COPY`s with a relative destination then land among system \
files, where they can overwrite or shadow them.\n\n\
## Example\n\
```dockerfile\n\
WORKDIR /etc\n\
```\n\
Use instead:\n\
```dockerfile\n\
WORKDIR /app\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, ins) in ctx.df.instructions.iter().enumerate() {
        if ins.kind != Kind::Workdir {
            continue;
        }
        let e = ctx.expand_at(i, ins.args());
        let v = e.value.trim().to_string();
        let v = v.trim_end_matches('/');
        let v = if v.is_empty() { "/" } else { v };
        let sys = matches!(v, "/" | "/proc" | "/sys" | "/dev" | "/boot" | "/etc" | "/bin" | "/sbin" | "/lib" | "/lib64" | "/usr/bin" | "/usr/sbin" | "/usr/lib" | "/initrd" | "/lost+found")
            || v.starts_with("/proc/") || v.starts_with("/sys/") || v.starts_with("/dev/");
        if sys {
            out.push(ctx.at(&META, ins, format!("`WORKDIR {v}` is a system directory")));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nWORKDIR /etc\nWORKDIR /proc/self\n", &[2, 3]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nWORKDIR /etc-app\nWORKDIR /usr/src/app\n", &[]);
    }
}
