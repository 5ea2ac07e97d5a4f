//! DF074 `undefined-variable`: Variable used but never defined

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF074",
    name: "undefined-variable",
    summary: "Variable used but never defined",
    severity: Severity::Low,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Buildkit, "UndefinedVar")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `$VAR` in `COPY`, `ADD`, `ENV`, `LABEL`, `WORKDIR`, `USER`, `EXPOSE`, `VOLUME` and \
`STOPSIGNAL` when no `ARG` or `ENV` of the stage (or of a stage it builds on) defines it. \
Variables commonly set by base images (`PATH`, `HOME`, `*_VERSION`, `*_HOME`...) are assumed \
defined, since the base image's environment is not known here.\n\n\
## Why is this bad?\n\
An undefined variable expands to an empty string: a `COPY` lands in `/`, a `USER` becomes \
empty. It is usually a typo or a forgotten `ARG` in the stage (global `ARG`s must be redeclared \
inside each stage).\n\n\
## Example\n\
```dockerfile\n\
ARG VERSION=1\n\
FROM alpine:3.20\n\
LABEL version=$VERSION\n\
```\n\
Use instead:\n\
```dockerfile\n\
ARG VERSION=1\n\
FROM alpine:3.20\n\
ARG VERSION\n\
LABEL version=$VERSION\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    const COMMON: &[&str] = &["PATH", "HOME", "HOSTNAME", "LANG", "LANGUAGE", "LC_ALL", "TERM", "USER", "SHELL", "PWD", "TZ", "DEBIAN_FRONTEND", "GOPATH", "GOROOT", "GOBIN", "CARGO_HOME", "RUSTUP_HOME", "GEM_HOME", "BUNDLE_PATH", "NODE_ENV", "PYTHONPATH", "VIRTUAL_ENV", "APP_HOME", "CATALINA_HOME", "UID", "GID"];
    for (i, ins) in ctx.df.instructions.iter().enumerate() {
        if !matches!(ins.kind, Kind::Copy | Kind::Add | Kind::Env | Kind::Label | Kind::Workdir | Kind::User | Kind::Expose | Kind::Volume | Kind::Stopsignal) || ctx.model.stage_of[i].is_none() || !ins.heredocs.is_empty() {
            continue;
        }
        if !ins.args().contains('$') {
            continue;
        }
        let text = if ins.kind == Kind::Env {
            // values only: keys are definitions
            super::key_values(ins).iter().map(|kv| kv.value.as_str()).collect::<Vec<_>>().join(" ")
        } else {
            ins.args().to_string()
        };
        let e = crate::model::expand(&text, ctx.df.escape, &|_| None);
        let mut seen: Vec<&str> = Vec::new();
        for v in &e.undefined {
            let known = COMMON.contains(&v.as_str()) || v.ends_with("_VERSION") || v.ends_with("_HOME") || v.ends_with("_PATH") || v.ends_with("_DIR") || crate::model::PREDEFINED_ARGS.contains(&v.as_str());
            if known || seen.contains(&v.as_str()) || ctx.defined_before(i, v) {
                continue;
            }
            seen.push(v);
            let global = ctx.model.global_declared(v) && !crate::model::PREDEFINED_ARGS.contains(&v.as_str());
            let msg = if global {
                format!("`${v}` is a global ARG, which is not visible inside a stage: add `ARG {v}` to the stage")
            } else {
                format!("`${v}` is not defined by any ARG or ENV")
            };
            out.push(ctx.at(&META, ins, msg));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "ARG V=1\nFROM a:1\nLABEL v=$V\nCOPY x ${DEST}/\n", &[3, 4]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "ARG V=1\nFROM a:1\nARG V\nENV D=/d\nLABEL v=$V\nCOPY x ${D}/ \nWORKDIR $HOME/${NODE_VERSION}\nENV PATH=$PATH:/x\nCOPY x ${UNSET:-/y}\n", &[]);
    }
}
