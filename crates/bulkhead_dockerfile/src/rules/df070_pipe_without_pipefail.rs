//! DF070 `pipe-without-pipefail`: Pipe in `RUN` without `pipefail`

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF070",
    name: "pipe-without-pipefail",
    summary: "Pipe in `RUN` without `pipefail`",
    severity: Severity::Low,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL4006")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports a `RUN` whose script pipes one command into another when neither the stage's `SHELL` \
(e.g. `[\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]`) nor the script itself (`set -o \
pipefail`) enables `pipefail`. Exec-form `RUN`s and non-POSIX shells are skipped.\n\n\
## Why is this bad?\n\
A shell pipeline's status is that of its last command: `curl ... | tar x` succeeds even when \
the download fails, and the build goes on with a broken layer.\n\n\
## Example\n\
```dockerfile\n\
RUN curl -fsSL https://example.com/x.tgz | tar xz\n\
```\n\
Use instead:\n\
```dockerfile\n\
SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n\
RUN curl -fsSL https://example.com/x.tgz | tar xz\n\
```\n\n\
## Fix safety\n\
No automatic fix: `pipefail` needs bash (or another shell that supports it) in the image.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, script) in ctx.scripts.iter().enumerate() {
        let Some(script) = script else { continue };
        let ins = &ctx.df.instructions[i];
        if ins.json.is_some() || script.sets_pipefail {
            continue;
        }
        let Some(pipe) = script.commands.iter().find(|c| c.pipe_out && !c.nested) else { continue };
        // the SHELL in effect
        let Some(stage) = ctx.model.stage_of[i] else { continue };
        let mut shell: Option<&Vec<String>> = None;
        for &s in ctx.model.final_chain_of(stage).iter().rev() {
            let st = &ctx.model.stages[s];
            let upto = if s == stage { i } else { st.end };
            for j in st.from + 1..upto {
                let x = &ctx.df.instructions[j];
                if x.kind == Kind::Shell && let Some(j) = &x.json {
                    shell = Some(j);
                }
            }
        }
        if let Some(sh) = shell {
            if sh.iter().any(|a| a == "pipefail") {
                continue;
            }
            let prog = sh.first().map(|p| crate::shell::basename(p)).unwrap_or("");
            if !matches!(prog, "sh" | "bash" | "ash" | "dash" | "zsh" | "ksh") {
                continue;
            }
        }
        out.push(ctx.finding(&META, pipe.start, pipe.end, "Pipe without `set -o pipefail`: a failure before the last command is ignored"));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN curl x | tar xz\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl x | tar xz\nFROM b:1\nRUN set -eo pipefail; curl x | tar xz\nRUN echo a || true\nSHELL [\"pwsh\", \"-c\"]\nRUN a | b\n", &[]);
    }
}
