//! IM010 `image-empty-password`: an account with an empty password field.

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "IM010",
    name: "image-empty-password",
    summary: "An account in /etc/shadow (or /etc/master.passwd) has an empty password",
    severity: Severity::High,
    category: Category::Security,
    aliases: &[Alias::new(Tool::Dockle, "DKL-LI-0001")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\nReads the final `/etc/shadow` (and `/etc/master.passwd`) and reports \
every line whose password field is empty, with its line.\n\n## Why is this bad?\nAn empty \
password lets anyone `su` to that account (PAM's `nullok` is common), root included.\n\n\
## Example\n```text\nroot::19000:0:99999:7:::\n```\nUse instead: `*` or `!` (locked) in the \
password field (`passwd -l root`).\n\n## Fix safety\nNo automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<AuditFinding>) {
    for file in ["etc/shadow", "etc/master.passwd"] {
        let Some((layer, bytes)) = ctx.account(file) else {
            continue;
        };
        let text = String::from_utf8_lossy(bytes);
        for (n, line) in text.lines().enumerate() {
            let mut fields = line.split(':');
            let (Some(user), Some(pw)) = (fields.next(), fields.next()) else {
                continue;
            };
            if !user.is_empty() && !user.starts_with('#') && pw.is_empty() {
                out.push(ctx.file_finding(
                    &META,
                    file,
                    layer,
                    Some(n as u32 + 1),
                    format!("account `{user}` has an empty password in /{file}"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{layer, run};

    #[test]
    fn triggers() {
        let l = [layer(0, &[], &[("etc/shadow", "root:*:19000:0:99999:7:::\nguest::19000:0:99999:7:::\n")])];
        assert_eq!(run(&super::META, "img", None, &l), ["account `guest` has an empty password in /etc/shadow [layer 1]"]);
    }

    #[test]
    fn near_misses() {
        let l = [
            layer(0, &[], &[("etc/shadow", "guest::19000::::::\n")]),
            layer(1, &[], &[("etc/shadow", "guest:!:19000::::::\nroot:*:1::::::\n")]),
        ];
        assert!(run(&super::META, "img", None, &l).is_empty());
    }
}
