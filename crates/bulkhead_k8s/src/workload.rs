//! Pod-spec extraction for every workload kind, container visiting and securityContext
//! inheritance.
//!
//! Owns: which kinds carry a pod spec and where (Pod, PodTemplate, ReplicationController,
//! ReplicaSet, Deployment, StatefulSet, DaemonSet, Job, CronJob, plus configurable paths for
//! custom resources such as Argo Rollout), the order containers are visited in (init, regular,
//! ephemeral, as Pod Security Admission does), and which securityContext fields a container
//! inherits from the pod. Does not own any rule.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::borrow::Cow;

/// Where a custom resource keeps its pod template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PodSpecPath {
    /// `kind` of the object (e.g. `Rollout`).
    pub kind: String,
    /// API group prefix of `apiVersion` (e.g. `argoproj.io`); empty matches any.
    #[serde(default)]
    pub api_group: String,
    /// JSON pointer of the pod *template* (the object holding `metadata` and `spec`), e.g.
    /// `/spec/template`.
    pub template: String,
}

/// The custom resources known out of the box: Argo Rollout, Knative Service, OpenShift
/// DeploymentConfig, Argo Workflows' WorkflowTemplate is left out (its pods are per step).
pub fn default_pod_spec_paths() -> Vec<PodSpecPath> {
    vec![
        PodSpecPath {
            kind: "Rollout".into(),
            api_group: "argoproj.io".into(),
            template: "/spec/template".into(),
        },
        PodSpecPath {
            kind: "Service".into(),
            api_group: "serving.knative.dev".into(),
            template: "/spec/template".into(),
        },
        PodSpecPath {
            kind: "DeploymentConfig".into(),
            api_group: "apps.openshift.io".into(),
            template: "/spec/template".into(),
        },
    ]
}

/// One pod spec inside an object.
#[derive(Debug, Clone)]
pub struct PodSpec<'d> {
    /// The pod spec object.
    pub spec: &'d Map<String, Value>,
    /// The pod (or template) metadata, if present.
    pub meta: Option<&'d Map<String, Value>>,
    /// JSON pointer of the pod spec (`/spec/template/spec`).
    pub spec_ptr: Cow<'static, str>,
    /// JSON pointer of the metadata (`/spec/template/metadata`).
    pub meta_ptr: Cow<'static, str>,
    /// Whether the object is a Job or CronJob (probes are not expected).
    pub batch: bool,
}

/// Built-in workload kinds and the pointer of their pod template (`""` = the object is a
/// pod).
fn builtin_template(kind: &str) -> Option<(&'static str, &'static str, bool)> {
    Some(match kind {
        "Pod" => ("/spec", "/metadata", false),
        "PodTemplate" => ("/template/spec", "/template/metadata", false),
        "ReplicationController" | "ReplicaSet" | "Deployment" | "StatefulSet" | "DaemonSet" => {
            ("/spec/template/spec", "/spec/template/metadata", false)
        }
        "Job" => ("/spec/template/spec", "/spec/template/metadata", true),
        "CronJob" => (
            "/spec/jobTemplate/spec/template/spec",
            "/spec/jobTemplate/spec/template/metadata",
            true,
        ),
        _ => return None,
    })
}

fn is_builtin_api(api_version: &str) -> bool {
    // core `v1`, `apps/*`, `batch/*`, `extensions/*` (old manifests)
    !api_version.contains('/')
        || api_version.starts_with("apps/")
        || api_version.starts_with("batch/")
        || api_version.starts_with("extensions/")
}

/// The pod spec of an object, if its kind carries one.
pub fn pod_spec<'d>(obj: &'d Value, custom: &[PodSpecPath]) -> Option<PodSpec<'d>> {
    let kind = obj.get("kind")?.as_str()?;
    let api = obj.get("apiVersion").and_then(Value::as_str).unwrap_or("");
    let (spec_ptr, meta_ptr, batch): (Cow<'static, str>, Cow<'static, str>, bool) =
        match builtin_template(kind) {
            Some((s, m, b)) if is_builtin_api(api) => (s.into(), m.into(), b),
            _ => {
                let p = custom.iter().find(|p| {
                    p.kind == kind && (p.api_group.is_empty() || api.starts_with(&p.api_group))
                })?;
                let t = p.template.trim_end_matches('/');
                (
                    format!("{t}/spec").into(),
                    format!("{t}/metadata").into(),
                    false,
                )
            }
        };
    let spec = obj.pointer(&spec_ptr)?.as_object()?;
    let meta = obj.pointer(&meta_ptr).and_then(Value::as_object);
    Some(PodSpec {
        spec,
        meta,
        spec_ptr,
        meta_ptr,
        batch,
    })
}

/// Which list a container comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContainerKind {
    Init,
    Regular,
    Ephemeral,
}

impl ContainerKind {
    /// The pod-spec field name.
    pub fn field(self) -> &'static str {
        match self {
            ContainerKind::Init => "initContainers",
            ContainerKind::Regular => "containers",
            ContainerKind::Ephemeral => "ephemeralContainers",
        }
    }
}

/// One container of a pod spec.
#[derive(Debug, Clone, Copy)]
pub struct Container<'d> {
    pub kind: ContainerKind,
    pub index: usize,
    pub c: &'d Map<String, Value>,
}

impl<'d> Container<'d> {
    /// `name`, or `""`.
    pub fn name(&self) -> &'d str {
        self.c.get("name").and_then(Value::as_str).unwrap_or("")
    }
    /// Pointer relative to the pod spec (`/containers/0`).
    pub fn rel_ptr(&self) -> String {
        format!("/{}/{}", self.kind.field(), self.index)
    }
    /// The container's `securityContext` object, if any.
    pub fn sc(&self) -> Option<&'d Map<String, Value>> {
        self.c.get("securityContext")?.as_object()
    }
    /// A field of the container's securityContext (nil when absent or null).
    pub fn sc_field(&self, f: &str) -> Option<&'d Value> {
        self.sc()?.get(f).filter(|v| !v.is_null())
    }
    /// Whether it is a sidecar-style restartable init container (runs for the pod's life).
    pub fn is_sidecar(&self) -> bool {
        self.kind == ContainerKind::Init
            && self.c.get("restartPolicy").and_then(Value::as_str) == Some("Always")
    }
}

/// Containers in the order Pod Security Admission visits them: initContainers, containers,
/// ephemeralContainers.
pub fn containers<'d>(spec: &'d Map<String, Value>) -> Vec<Container<'d>> {
    let mut out = Vec::new();
    for kind in [
        ContainerKind::Init,
        ContainerKind::Regular,
        ContainerKind::Ephemeral,
    ] {
        if let Some(Value::Array(items)) = spec.get(kind.field()) {
            for (index, c) in items.iter().enumerate() {
                if let Value::Object(c) = c {
                    out.push(Container { kind, index, c });
                }
            }
        }
    }
    out
}

/// The pod-level securityContext of a spec.
pub fn pod_sc(spec: &Map<String, Value>) -> Option<&Map<String, Value>> {
    spec.get("securityContext")?.as_object()
}

/// A field of the pod-level securityContext (nil when absent or null).
pub fn pod_sc_field<'d>(spec: &'d Map<String, Value>, f: &str) -> Option<&'d Value> {
    pod_sc(spec)?.get(f).filter(|v| !v.is_null())
}

/// Fields a container inherits from the pod securityContext when it does not set them.
pub const INHERITED: [&str; 7] = [
    "runAsUser",
    "runAsGroup",
    "runAsNonRoot",
    "seLinuxOptions",
    "seccompProfile",
    "appArmorProfile",
    "windowsOptions",
];

/// Where an effective value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Container,
    Pod,
}

/// The effective value of an inheritable securityContext field for a container: its own
/// value, else the pod's.
pub fn effective<'d>(
    spec: &'d Map<String, Value>,
    c: &Container<'d>,
    field: &str,
) -> Option<(&'d Value, Source)> {
    if let Some(v) = c.sc_field(field) {
        return Some((v, Source::Container));
    }
    if INHERITED.contains(&field) {
        return pod_sc_field(spec, field).map(|v| (v, Source::Pod));
    }
    None
}

/// Whether the pod is a Windows pod (`spec.os.name: windows`).
pub fn is_windows(spec: &Map<String, Value>) -> bool {
    spec.get("os")
        .and_then(|o| o.get("name"))
        .and_then(Value::as_str)
        == Some("windows")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn extracts_every_kind() {
        for (kind, ptr) in [
            ("Pod", "/spec"),
            ("Deployment", "/spec/template/spec"),
            ("CronJob", "/spec/jobTemplate/spec/template/spec"),
            ("PodTemplate", "/template/spec"),
        ] {
            let mut obj = json!({"apiVersion": "v1", "kind": kind});
            let mut cur = &mut obj;
            for seg in ptr.split('/').skip(1) {
                cur = cur
                    .as_object_mut()
                    .unwrap()
                    .entry(seg)
                    .or_insert_with(|| json!({}));
            }
            *cur = json!({"containers": [{"name": "a"}]});
            let p = pod_spec(&obj, &[]).unwrap();
            assert_eq!(p.spec_ptr, ptr);
            assert_eq!(containers(p.spec)[0].name(), "a");
        }
        let custom = [PodSpecPath {
            kind: "Thing".into(),
            api_group: String::new(),
            template: "/spec/worker/template".into(),
        }];
        let thing = json!({"apiVersion": "x.example/v1", "kind": "Thing", "spec": {"worker": {"template": {"spec": {"containers": []}}}}});
        assert_eq!(
            pod_spec(&thing, &custom).unwrap().spec_ptr,
            "/spec/worker/template/spec"
        );
        let rollout = json!({"apiVersion": "argoproj.io/v1alpha1", "kind": "Rollout", "spec": {"template": {"spec": {"containers": []}}}});
        assert!(pod_spec(&rollout, &default_pod_spec_paths()).is_some());
        assert!(pod_spec(&rollout, &[]).is_none());
    }

    #[test]
    fn visit_order_and_inheritance() {
        let spec = json!({
            "securityContext": {"runAsNonRoot": true, "runAsUser": 1000},
            "ephemeralContainers": [{"name": "e"}],
            "containers": [{"name": "c", "securityContext": {"runAsUser": 0, "privileged": false}}],
            "initContainers": [{"name": "i"}],
        });
        let spec = spec.as_object().unwrap();
        let cs = containers(spec);
        let names: Vec<_> = cs.iter().map(|c| c.name()).collect();
        assert_eq!(names, ["i", "c", "e"]);
        assert_eq!(
            effective(spec, &cs[1], "runAsUser"),
            Some((&json!(0), Source::Container))
        );
        assert_eq!(
            effective(spec, &cs[1], "runAsNonRoot"),
            Some((&json!(true), Source::Pod))
        );
        assert_eq!(effective(spec, &cs[0], "privileged"), None);
    }
}
