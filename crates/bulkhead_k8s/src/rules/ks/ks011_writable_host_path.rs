//! KS011 `writable-host-path`: hostPath volume mounted writable.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS011",
        name: "writable-host-path",
        summary: "hostPath volume mounted writable",
        severity: Medium,
        category: Security,
        aliases: [KubeLinter: "writable-host-mount"],
        fix: Unsafe,
        default_enabled: true,
        what: "Reports volumeMounts of hostPath volumes without `readOnly: true`.",
        why: "A writable host mount lets the container change the node's files.",
        example: "```yaml\nvolumeMounts:\n- name: logs\n  mountPath: /host/logs   # flagged: no \
            readOnly: true\n```",
        fix_safety: "Unsafe: the fix adds `readOnly: true`; an agent that writes to the host path \
            stops working.",
    }
}

pub(crate) static HOOK: Hook = Hook::Container(check);

fn check(ctx: &mut Ctx<'_>, pod: &PodCtx<'_>, cc: &ContainerCtx<'_>) {
    let Some(Value::Array(mounts)) = cc.c.c.get("volumeMounts") else {
        return;
    };
    let host: Vec<&str> = super::ks009_container_runtime_socket::host_paths(pod)
        .map(|(_, name, _)| name)
        .collect();
    for (i, mount) in mounts.iter().enumerate() {
        let vname = str_of(mount.get("name"));
        if !host.contains(&vname) || mount.get("readOnly").and_then(Value::as_bool) == Some(true) {
            continue;
        }
        let ptr = format!("{}/volumeMounts/{i}", cc.ptr);
        let mut ed = Editor::new(ctx);
        let fix = ed
            .ensure(&ptr, &[("readOnly", s("true"))])
            .and_then(|()| ed.finish("Mount the host path read-only", Applicability::Unsafe));
        let f = ctx.report(
            &META,
            &ptr,
            Some(cc.name),
            format!("container `{}` mounts hostPath volume `{vname}` writable", cc.name),
        );
        f.fix = fix;
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("volumes:\n- name: logs\n  hostPath: {path: /var/log}\ncontainers:\n- name: c\n  volumeMounts:\n  - name: logs\n    mountPath: /l\n  - {name: logs, mountPath: /m, readOnly: false}\n");
        assert_lines(&super::META, &y, &[12, 14]);
        assert_fixed(&super::META, &y, "      mountPath: /l\n      readOnly: true\n", true);
    }

    #[test]
    fn near_misses() {
        let y = pod("volumes:\n- name: logs\n  hostPath: {path: /var/log}\n- name: tmp\n  emptyDir: {}\ncontainers:\n- name: c\n  volumeMounts:\n  - {name: logs, mountPath: /l, readOnly: true}\n  - {name: tmp, mountPath: /tmp}\n");
        assert_lines(&super::META, &y, &[]);
    }
}
