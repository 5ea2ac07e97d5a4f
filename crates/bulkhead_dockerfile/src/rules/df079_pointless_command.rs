//! DF079 `pointless-command`: Command that makes no sense in a container build

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF079",
    name: "pointless-command",
    summary: "Command that makes no sense in a container build",
    severity: Severity::Info,
    category: Category::Style,
    aliases: &[Alias::new(Tool::Hadolint, "DL3001")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `ssh`, `vim`, `nano`, `shutdown`, `reboot`, `service`, `systemctl`, `ps`, `free`, \
`top`, `kill`, `mount` and `ifconfig` used as commands in `RUN`.\n\n\
## Why is this bad?\n\
They either do nothing useful at build time (there is no init, no terminal, nothing running) or \
show that the image is being treated like a virtual machine.\n\n\
## Example\n\
```dockerfile\n\
RUN service nginx start\n\
```\n\
Use instead:\n\
```dockerfile\n\
CMD [\"nginx\", \"-g\", \"daemon off;\"]\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (_, c) in ctx.commands() {
        let n = c.name();
        if matches!(n, "ssh" | "vim" | "vi" | "nano" | "shutdown" | "reboot" | "halt" | "service" | "systemctl" | "ps" | "free" | "top" | "kill" | "mount" | "ifconfig") {
            out.push(ctx.finding(&META, c.start, c.end, format!("`{n}` makes no sense in a container build")));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN service nginx start && vim x\n", &[2, 2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN apt-get install -y vim openssh-client && echo ssh\n", &[]);
    }
}
