//! DC007 `compose-docker-socket`: Compose service mounts the Docker socket.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "DC007",
        name: "compose-docker-socket",
        summary: "Compose service mounts the Docker socket",
        severity: Critical,
        category: Security,
        aliases: [Trivy: "KSV-0006"],
        fix: None,
        default_enabled: true,
        what: "Reports volumes whose source is a container runtime socket (`docker.sock`, \
            `containerd.sock`, ...).",
        why: "Access to the Docker socket is root on the host: it can start a privileged \
            container.",
        example: "```yaml\nservices:\n  app:\n    volumes:\n    - \
            /var/run/docker.sock:/var/run/docker.sock   # flagged\n```",
        fix_safety: "No automatic fix: the change alters how the service runs.",
    }
}

pub(crate) static HOOK: Hook = Hook::Service(check);

fn check(s: &mut Service<'_, '_>) {
    let Some(Value::Array(vols)) = s.svc.get("volumes") else {
        return;
    };
    for (i, v) in vols.iter().enumerate() {
        let src = match v {
            Value::String(x) => x.split(':').next().unwrap_or(""),
            Value::Object(o) => str_of(o.get("source")),
            _ => "",
        };
        if ["docker.sock", "containerd.sock", "crio.sock", "podman.sock"]
            .iter()
            .any(|x| src.ends_with(x))
        {
            let msg = format!(
                "service `{}` mounts the container runtime socket `{src}`",
                s.name
            );
            s.report(&META, &format!("/volumes/{i}"), msg);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "services:\n  web:\n    volumes:\n    - /var/run/docker.sock:/var/run/docker.sock\n    - type: bind\n      source: /run/podman/podman.sock\n      target: /s\n";
        assert_compose_lines(&super::META, y, &[4, 5]);
    }

    #[test]
    fn near_misses() {
        let y = "services:\n  web:\n    volumes:\n    - ./data:/data\n    - {type: volume, source: docker.sock.d, target: /x}\n";
        assert_compose_lines(&super::META, y, &[]);
    }
}
