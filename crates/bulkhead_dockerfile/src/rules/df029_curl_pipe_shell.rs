//! DF029 `curl-pipe-shell`: a downloaded script piped into a shell.

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF029",
    name: "curl-pipe-shell",
    summary: "Remote script piped into a shell without verification (`curl ... | sh`)",
    severity: Severity::Critical,
    category: Category::SupplyChain,
    aliases: &[],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `curl`/`wget` whose output is piped into `sh`, `bash`, `zsh`, `ash`, `dash`, \
`ksh`, `python`, `perl` or `ruby` (also behind `sudo`), and `sh -c \"$(curl ...)\"` / \
`bash <(curl ...)`.\n\n\
## Why is this bad?\n\
Whatever the server (or anyone who compromised it) returns that day runs as root in the \
build, with no checksum or signature; builds are not reproducible either.\n\n\
## Example\n\
```dockerfile\nRUN curl -fsSL https://example.com/install.sh | sh\n```\nUse instead:\n```dockerfile\nADD --checksum=sha256:<digest> https://example.com/install.sh /tmp/install.sh\nRUN sh /tmp/install.sh\n```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

fn is_interpreter(name: &str) -> bool {
    matches!(name, "sh" | "bash" | "zsh" | "ash" | "dash" | "ksh" | "perl" | "ruby" | "node")
        || name.starts_with("python")
}

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, script) in ctx.scripts.iter().enumerate() {
        let Some(script) = script else { continue };
        let cmds = &script.commands;
        for (k, c) in cmds.iter().enumerate() {
            let fetch = matches!(c.name(), "curl" | "wget");
            if fetch && c.pipe_out {
                // the next non-nested command at the same level is the pipe's reader
                if let Some(next) = cmds[k + 1..].iter().find(|n| n.pipe_in && n.nested == c.nested)
                    && is_interpreter(next.name())
                {
                    out.push(ctx.finding(&META, c.start, next.end.max(c.end), format!(
                        "`{} ... | {}` runs a downloaded script without verifying it", c.name(), next.name()
                    )));
                }
            }
            if is_interpreter(c.name())
                && c.args().iter().any(|w| w.value.contains("$(curl") || w.value.contains("$(wget") || w.value.contains("`curl") || w.value.contains("`wget"))
            {
                out.push(ctx.finding(&META, c.start, c.end, format!("`{}` runs a downloaded script without verifying it", c.name())));
            }
        }
        let ins = &ctx.df.instructions[i];
        if ins.logical.contains("<(curl") || ins.logical.contains("<(wget") {
            out.push(ctx.at(&META, ins, "A downloaded script is run through process substitution without verification"));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::assert_lines;

    #[test]
    fn triggers() {
        assert_lines(
            &super::META,
            "FROM a:1\nRUN curl -fsSL https://x/i.sh | sudo bash -s -- -y\nRUN wget -qO- https://x | sh\nRUN sh -c \"$(curl -fsSL https://x)\"\nRUN bash <(curl -s https://x)\n",
            &[2, 3, 4, 5],
        );
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN curl -fsSL https://x | tar xz\nRUN curl -o i.sh https://x && sha256sum -c s && sh i.sh\n", &[]);
    }
}
