//! DF068 `expose-invalid`: `EXPOSE` port out of range, malformed, or protocol not lowercase

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF068",
    name: "expose-invalid",
    summary: "`EXPOSE` port out of range, malformed, or protocol not lowercase",
    severity: Severity::Medium,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL3011"), Alias::new(Tool::Trivy, "DS-0008"), Alias::new(Tool::Buildkit, "ExposeInvalidFormat"), Alias::new(Tool::Buildkit, "ExposeProtoCasing")],
    fix: FixKind::Sometimes,
    default_enabled: true,
    docs: "## What it does\n\
Reports `EXPOSE` entries that are not a port or port range in 0-65535 with an optional `/tcp`, \
`/udp` or `/sctp`; that use the `host:container` form (which `EXPOSE` does not support); or \
whose protocol is not lowercase.\n\n\
## Why is this bad?\n\
Invalid entries fail the build or are silently ignored; `EXPOSE` cannot publish ports, so \
`80:80` shows a misunderstanding.\n\n\
## Example\n\
```dockerfile\n\
EXPOSE 80:80 70000 53/UDP\n\
```\n\
Use instead:\n\
```dockerfile\n\
EXPOSE 80 53/udp\n\
```\n\n\
## Fix safety\n\
Safe for protocol casing (lowercased); no fix for the other cases.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, ins) in ctx.df.instructions.iter().enumerate() {
        if ins.kind != Kind::Expose {
            continue;
        }
        for f in ins.fields() {
            let raw = f.text;
            if raw.contains('$') {
                let _ = i;
                continue;
            }
            let (port, proto) = match raw.split_once('/') { Some((p, pr)) => (p, Some(pr)), None => (raw, None) };
            if port.contains(':') {
                out.push(ctx.at_l(&META, ins, f.lstart, f.lend, format!("`EXPOSE {raw}`: EXPOSE takes container ports only, not `host:container`")));
                continue;
            }
            let ok_num = |s: &str| s.parse::<u32>().is_ok_and(|n| n <= 65535);
            let ok = match port.split_once('-') { Some((a, b)) => ok_num(a) && ok_num(b), None => ok_num(port) };
            if !ok {
                out.push(ctx.at_l(&META, ins, f.lstart, f.lend, format!("`{raw}` is not a valid port (0-65535)")));
                continue;
            }
            if let Some(pr) = proto {
                let lower = pr.to_ascii_lowercase();
                if !matches!(lower.as_str(), "tcp" | "udp" | "sctp") {
                    out.push(ctx.at_l(&META, ins, f.lstart, f.lend, format!("Unknown protocol `{pr}`")));
                } else if lower != pr {
                    let s = ins.orig(f.lend - pr.len());
                    let e = ins.orig_end(f.lend);
                    out.push(ctx.at_l(&META, ins, f.lstart, f.lend, format!("Protocol `{pr}` should be lowercase"))
                        .with_fix(Fix::safe("Lowercase the protocol", vec![Edit::replace(s, e, lower)])));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines, assert_fix};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nEXPOSE 80:80 70000 8080-9000 53/UDP x/tcp 1/foo\n", &[2, 2, 2, 2, 2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nEXPOSE 80 443/tcp 53/udp 8000-8010 $PORT\n", &[]);
    }

    #[test]
    fn fixes() {
        assert_fix(&super::META, "FROM a:1\nEXPOSE 53/UDP\n", false, "FROM a:1\nEXPOSE 53/udp\n");
    }
}
