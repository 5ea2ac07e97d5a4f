//! PSS009 `pss-seccomp-baseline`: Seccomp profile explicitly unconfined.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "PSS009",
        name: "pss-seccomp-baseline",
        summary: "Seccomp profile explicitly unconfined",
        severity: High,
        category: Security,
        aliases: [Pss: "seccompProfile_baseline", Trivy: "KSV-0104", Kubesec: "SeccompUnconfined"],
        fix: None,
        default_enabled: true,
        what: "Reports a seccomp profile explicitly set to something other than RuntimeDefault or \
            Localhost: the `seccompProfile.type` fields from v1.19, the \
            `seccomp.security.alpha.kubernetes.io` annotations before (baseline).\n\nPod Security \
            Standards check `seccompProfile_baseline`; it runs when the `--pss` level includes it \
            at the chosen version.",
        why: "Unconfined seccomp exposes every system call of the kernel, including the ones most \
            container escapes use.",
        example: "```yaml\nsecurityContext:\n  seccompProfile:\n    type: Unconfined   # flagged\n\
            ```",
        fix_safety: "No automatic fix for an explicit choice; PSS017 adds RuntimeDefault where \
            nothing is set.",
    }
}

pub(crate) static HOOK: Hook = Hook::Pss(check, None);

fn check(e: &mut Eval<'_, '_>) {
    if e.v < 19 {
        annotations(e);
        return;
    }
    e.each_sc_field(
        "seccompProfile",
        "/type",
        |p| !valid_seccomp(p),
        |c, p| match c {
            None => format!("pod seccomp profile type is `{}`", str_of(p.get("type"))),
            Some(c) => format!(
                "container `{c}` seccomp profile type is `{}`",
                str_of(p.get("type"))
            ),
        },
    );
}

/// Whether a `seccompProfile` is RuntimeDefault or Localhost.
pub(crate) fn valid_seccomp(p: &Value) -> bool {
    matches!(str_of(p.get("type")), "RuntimeDefault" | "Localhost")
}

/// Before v1.19: the `seccomp.security.alpha.kubernetes.io` annotations.
fn annotations(e: &mut Eval<'_, '_>) {
    let valid =
        |s: &str| s == "runtime/default" || s == "docker/default" || s.starts_with("localhost/");
    let Some(ann) = e
        .meta
        .and_then(|m| m.get("annotations"))
        .and_then(Value::as_object)
    else {
        return;
    };
    let key = "seccomp.security.alpha.kubernetes.io/pod";
    if let Some(val) = ann.get(key)
        && !valid(val.as_str().unwrap_or(""))
    {
        e.push(
            At::Meta(format!("/annotations/{}", crate::loader::escape_segment(key))),
            None,
            format!("pod seccomp annotation is `{}`", display(val)),
        );
    }
    for c in e.cs {
        let key = format!("container.seccomp.security.alpha.kubernetes.io/{}", c.name());
        if let Some(val) = ann.get(&key)
            && !valid(val.as_str().unwrap_or(""))
        {
            e.push(
                At::Meta(format!(
                    "/annotations/{}",
                    crate::loader::escape_segment(&key)
                )),
                Some(c.name()),
                format!(
                    "seccomp annotation of container `{}` is `{}`",
                    c.name(),
                    display(val)
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("securityContext:\n  seccompProfile: {type: Unconfined}\ncontainers:\n- name: c\n  securityContext:\n    seccompProfile:\n      type: Unconfined\n");
        assert_lines_at(&super::META, &y, "baseline", &[7, 12]);
        let y = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    seccomp.security.alpha.kubernetes.io/pod: unconfined\n    container.seccomp.security.alpha.kubernetes.io/c: unconfined\nspec:\n  containers: [{name: c, image: i:1}]\n";
        assert_lines_at(&super::META, y, "baseline@v1.18", &[6, 7]);
    }

    #[test]
    fn near_misses() {
        let y = pod("securityContext:\n  seccompProfile: {type: RuntimeDefault}\ncontainers:\n- name: c\n  securityContext:\n    seccompProfile: {type: Localhost, localhostProfile: p.json}\n");
        assert_lines_at(&super::META, &y, "baseline", &[]);
        // The annotations are not read from v1.19 on.
        let y = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    seccomp.security.alpha.kubernetes.io/pod: unconfined\nspec:\n  containers: [{name: c, image: i:1}]\n";
        assert_lines_at(&super::META, y, "baseline@v1.19", &[]);
    }
}
