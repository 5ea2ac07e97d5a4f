//! PSS013 `pss-restricted-volumes`: volume type not allowed by the restricted level.

use crate::rules::prelude::*;

declare_rule! {
    pub const BASE = {
        code: "PSS013",
        name: "pss-restricted-volumes",
        summary: "Volume type not allowed by the restricted level",
        severity: High,
        category: Security,
        aliases: [Pss: "restrictedVolumes", Trivy: "KSV-0028"],
        fix: None,
        default_enabled: true,
        what: "Reports volumes whose source is not configMap, csi, downwardAPI, emptyDir, \
            ephemeral, image, persistentVolumeClaim, projected or secret (restricted).\n\nPod \
            Security Standards check `restrictedVolumes`; it runs when the `--pss` level includes \
            it at the chosen version.",
        why: "Host paths and node-attached network volumes (nfs, iscsi, rbd, ...) bypass the \
            storage abstractions and may expose node or shared data.",
        example: "```yaml\nvolumes:\n- name: data\n  nfs:   # flagged\n    server: \
            nfs.example\n    path: /exports\n```",
        fix_safety: "No automatic fix: moving to a PersistentVolumeClaim is a deployment decision.",
    }
}

/// The rule.
pub static META: RuleMeta = BASE;

/// As reported for a field that also fails the baseline check this one replaces: with that
/// check's aliases too.
pub(crate) static ALSO_BASELINE: RuleMeta = RuleMeta {
    aliases: &[
        Alias::new(Tool::Pss, "restrictedVolumes"),
        Alias::new(Tool::Trivy, "KSV-0028"),
        Alias::new(Tool::Pss, "hostPathVolumes"),
        Alias::new(Tool::Trivy, "KSV-0023"),
        Alias::new(Tool::Polaris, "hostPathSet"),
    ],
    ..BASE
};

pub(crate) static HOOK: Hook = Hook::Pss(check, None);

/// Volume sources the restricted level allows.
pub const ALLOWED_VOLUMES: [&str; 9] = [
    "configMap",
    "csi",
    "downwardAPI",
    "emptyDir",
    "ephemeral",
    "image",
    "persistentVolumeClaim",
    "projected",
    "secret",
];

/// Volume sources the restricted level forbids.
pub const FORBIDDEN_VOLUMES: [&str; 21] = [
    "hostPath",
    "gcePersistentDisk",
    "awsElasticBlockStore",
    "gitRepo",
    "nfs",
    "iscsi",
    "glusterfs",
    "rbd",
    "flexVolume",
    "cinder",
    "cephfs",
    "flocker",
    "fc",
    "azureFile",
    "vsphereVolume",
    "quobyte",
    "azureDisk",
    "portworxVolume",
    "photonPersistentDisk",
    "scaleIO",
    "storageos",
];

fn check(e: &mut Eval<'_, '_>) {
    for (i, vol) in e.volumes() {
        let set = |k: &str| vol.get(k).is_some_and(|x| !x.is_null());
        if ALLOWED_VOLUMES.iter().any(|k| set(k)) {
            continue;
        }
        if let Some(bad) = FORBIDDEN_VOLUMES.iter().find(|k| set(k)) {
            let also = (*bad == "hostPath").then_some(Check::HostPathVolumes);
            e.push_also(
                At::Spec(format!("/volumes/{i}/{bad}")),
                None,
                format!(
                    "volume `{}` uses `{bad}`, not allowed by the restricted level",
                    str_of(vol.get("name"))
                ),
                also,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("volumes:\n- name: n\n  nfs: {server: s, path: /x}\n- name: h\n  hostPath: {path: /var/log}\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines(&super::META, &y, &[8, 10]);
    }

    #[test]
    fn host_paths_carry_the_baseline_aliases() {
        let y = pod("volumes:\n- name: n\n  nfs: {server: s, path: /x}\n- name: h\n  hostPath: {path: /var/log}\ncontainers: [{name: c, image: i:1}]\n");
        let got = aliases_at(&super::META, &y, "restricted");
        assert!(!got[0].contains(&"KSV-0023"));
        assert!(got[1].contains(&"KSV-0023") && got[1].contains(&"hostPathSet"));
    }

    #[test]
    fn near_misses() {
        let y = pod("volumes:\n- name: a\n  emptyDir: {}\n- name: b\n  persistentVolumeClaim: {claimName: x}\n- name: c\n  someFutureSource: {}\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines(&super::META, &y, &[]);
        let y = pod("volumes:\n- name: n\n  nfs: {server: s, path: /x}\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines_at(&super::META, &y, "baseline", &[]);
    }
}
