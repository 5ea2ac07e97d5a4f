//! PSS006 `pss-apparmor-profile`: AppArmor profile is unconfined or not allowed.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "PSS006",
        name: "pss-apparmor-profile",
        summary: "AppArmor profile is unconfined or not allowed",
        severity: High,
        category: Security,
        aliases: [Pss: "appArmorProfile", Trivy: "KSV-0002", Kubesec: "ApparmorAny"],
        fix: None,
        default_enabled: true,
        what: "Reports `appArmorProfile.type` (pod or container) other than RuntimeDefault or \
            Localhost, and `container.apparmor.security.beta.kubernetes.io/*` annotations other \
            than empty, `runtime/default` or `localhost/*` (baseline).\n\nPod Security Standards \
            check `appArmorProfile`; it runs when the `--pss` level includes it at the chosen \
            version.",
        why: "An unconfined AppArmor profile removes a mandatory access control layer that blocks \
            many container escapes.",
        example: "```yaml\nsecurityContext:\n  appArmorProfile:\n    type: Unconfined   # \
            flagged\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Pss(check, None);

fn check(e: &mut Eval<'_, '_>) {
    if let Some(Value::Object(ann)) = e.meta.and_then(|m| m.get("annotations")) {
        for (k, val) in ann {
            let Some(cname) = k.strip_prefix("container.apparmor.security.beta.kubernetes.io/")
            else {
                continue;
            };
            let s = val.as_str().unwrap_or("");
            if !(s.is_empty() || s == "runtime/default" || s.starts_with("localhost/")) {
                e.push(
                    At::Meta(format!(
                        "/annotations/{}",
                        crate::loader::escape_segment(k)
                    )),
                    Some(cname),
                    format!(
                        "AppArmor annotation for container `{cname}` is `{s}`; use runtime/default or localhost/*"
                    ),
                );
            }
        }
    }
    e.each_sc_field(
        "appArmorProfile",
        "/type",
        |p| !matches!(str_of(p.get("type")), "RuntimeDefault" | "Localhost"),
        |c, _| match c {
            None => "the pod's AppArmor profile type must be RuntimeDefault or Localhost".into(),
            Some(c) => format!(
                "container `{c}` sets an AppArmor profile type other than RuntimeDefault or Localhost"
            ),
        },
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    container.apparmor.security.beta.kubernetes.io/c: unconfined\nspec:\n  securityContext:\n    appArmorProfile: {type: Unconfined}\n  containers:\n  - name: c\n    securityContext:\n      appArmorProfile:\n        type: Bogus\n";
        assert_lines_at(&super::META, y, "baseline", &[6, 9, 14]);
    }

    #[test]
    fn near_misses() {
        let y = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    container.apparmor.security.beta.kubernetes.io/c: localhost/x\n    container.apparmor.security.beta.kubernetes.io/d: runtime/default\nspec:\n  securityContext:\n    appArmorProfile: {type: RuntimeDefault}\n  containers:\n  - name: c\n    securityContext:\n      appArmorProfile: {type: Localhost, localhostProfile: x}\n";
        assert_lines_at(&super::META, y, "baseline", &[]);
    }
}
