//! DF020 `useradd-lastlog`: `useradd` with a high UID and without `-l`.

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF020",
    name: "useradd-lastlog",
    summary: "`useradd` with a high UID without `-l` bloats the image",
    severity: Severity::Low,
    category: Category::Size,
    aliases: &[Alias::new(Tool::Hadolint, "DL3046")],
    fix: FixKind::Safe,
    default_enabled: true,
    docs: "## What it does\n\
Reports `useradd -u <UID>` with a UID above 99999 and without `-l`/`--no-log-init`.\n\n\
## Why is this bad?\n\
`useradd` records the user in the sparse files `/var/log/lastlog` and `faillog`, whose size \
grows with the UID; layers do not keep them sparse, so the image can grow by gigabytes.\n\n\
## Example\n\
```dockerfile\nRUN useradd -u 123456 app\n```\nUse instead:\n```dockerfile\nRUN useradd -l -u 123456 app\n```\n\n\
## Fix safety\n\
Safe: `-l` only skips the lastlog and faillog entries.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (_, c) in ctx.commands() {
        if c.name() != "useradd" || c.has_opt(&['l'], &["no-log-init"]) {
            continue;
        }
        let args = c.args();
        let mut uid = None;
        for (k, w) in args.iter().enumerate() {
            let v = w.value.as_str();
            if v == "-u" || v == "--uid" {
                uid = args.get(k + 1).map(|w| w.value.clone());
            } else if let Some(n) = v.strip_prefix("--uid=") {
                uid = Some(n.to_string());
            } else if let Some(n) = v.strip_prefix("-u").filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit())) {
                uid = Some(n.to_string());
            }
        }
        let Some(uid) = uid.and_then(|u| u.parse::<u64>().ok()) else { continue };
        if uid > 99_999 {
            let name = &c.effective()[0];
            let f = ctx.finding(&META, c.start, c.end, format!("`useradd` with UID {uid} without `-l` bloats /var/log/lastlog"));
            out.push(if c.nested { f } else { f.with_fix(Fix::safe("Add `-l`", vec![Edit::insert(name.end, " -l")])) });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fix, assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN useradd -u 123456 app\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN useradd -l -u 123456 app && useradd -u 1000 b\n", &[]);
    }

    #[test]
    fn fix() {
        assert_fix(&super::META, "FROM a:1\nRUN useradd --uid=200000 app\n", false, "FROM a:1\nRUN useradd -l --uid=200000 app\n");
    }
}
