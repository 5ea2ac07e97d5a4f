//! Pod Security Standards: every check of `kubernetes/pod-security-admission/policy`, for the
//! baseline and restricted levels, version-aware from v1.0 to v1.37.
//!
//! Owns: the level/version model ([`PssPolicy`]), which check implementation applies at which
//! version and which restricted check overrides which baseline one, and the evaluation of one
//! pod spec into [`Violation`]s (each with the JSON pointer of the offending field). The rule
//! metadata (PSS001..PSS019) is in [`rules`]. The semantics are held to the 4,537 upstream
//! fixtures by `tests/pss_conformance.rs`.

pub mod rules;

use crate::workload::{self, Container};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;
use std::str::FromStr;

/// The newest Kubernetes minor version whose policy we know.
pub const LATEST_MINOR: u32 = 37;

/// A Pod Security Standards level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PssLevel {
    Privileged,
    Baseline,
    Restricted,
}

/// A policy version: `v1.N` or `latest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PssVersion {
    /// `v1.N`, holding `N`.
    Minor(u32),
    Latest,
}

impl PssVersion {
    /// The minor version the policy is evaluated at (`latest` is the newest known; versions
    /// past it behave as the newest known).
    pub fn minor(self) -> u32 {
        match self {
            PssVersion::Minor(n) => n.min(LATEST_MINOR),
            PssVersion::Latest => LATEST_MINOR,
        }
    }
}

/// Level and version together, e.g. `restricted@v1.30`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PssPolicy {
    pub level: PssLevel,
    pub version: PssVersion,
}

impl Default for PssPolicy {
    fn default() -> Self {
        PssPolicy {
            level: PssLevel::Restricted,
            version: PssVersion::Latest,
        }
    }
}

/// Why a `--pss` value was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PssParseError {
    #[error(
        "unknown Pod Security Standards level `{0}` (expected privileged, baseline or restricted)"
    )]
    Level(String),
    #[error("invalid Pod Security Standards version `{0}` (expected v1.N or latest)")]
    Version(String),
}

impl FromStr for PssLevel {
    type Err = PssParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "privileged" => Ok(PssLevel::Privileged),
            "baseline" => Ok(PssLevel::Baseline),
            "restricted" => Ok(PssLevel::Restricted),
            _ => Err(PssParseError::Level(s.to_string())),
        }
    }
}

impl FromStr for PssVersion {
    type Err = PssParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.eq_ignore_ascii_case("latest") {
            return Ok(PssVersion::Latest);
        }
        let t = s.strip_prefix('v').unwrap_or(s);
        let minor = t
            .strip_prefix("1.")
            .and_then(|m| m.parse::<u32>().ok())
            .ok_or_else(|| PssParseError::Version(s.to_string()))?;
        Ok(PssVersion::Minor(minor))
    }
}

impl FromStr for PssPolicy {
    type Err = PssParseError;
    /// `LEVEL[@VERSION]`, e.g. `baseline`, `restricted@v1.30`, `restricted@latest`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (l, v) = match s.split_once('@') {
            Some((l, v)) => (l, Some(v)),
            None => (s, None),
        };
        Ok(PssPolicy {
            level: l.parse()?,
            version: match v {
                Some(v) => v.parse()?,
                None => PssVersion::Latest,
            },
        })
    }
}

impl fmt::Display for PssLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PssLevel::Privileged => "privileged",
            PssLevel::Baseline => "baseline",
            PssLevel::Restricted => "restricted",
        })
    }
}

impl fmt::Display for PssVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PssVersion::Minor(n) => write!(f, "v1.{n}"),
            PssVersion::Latest => f.write_str("latest"),
        }
    }
}

impl fmt::Display for PssPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}@{}", self.level, self.version)
    }
}

/// The upstream check ids, in rule-code order (PSS001 = `HostNamespaces`...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Check {
    HostNamespaces,
    Privileged,
    CapabilitiesBaseline,
    HostPathVolumes,
    HostPorts,
    AppArmorProfile,
    SeLinuxOptions,
    ProcMount,
    SeccompProfileBaseline,
    Sysctls,
    WindowsHostProcess,
    HostProbesAndHostLifecycle,
    RestrictedVolumes,
    AllowPrivilegeEscalation,
    RunAsNonRoot,
    RunAsUser,
    SeccompProfileRestricted,
    CapabilitiesRestricted,
    ProcMountRestricted,
}

impl Check {
    /// Every check, in rule-code order.
    pub const ALL: [Check; 19] = [
        Check::HostNamespaces,
        Check::Privileged,
        Check::CapabilitiesBaseline,
        Check::HostPathVolumes,
        Check::HostPorts,
        Check::AppArmorProfile,
        Check::SeLinuxOptions,
        Check::ProcMount,
        Check::SeccompProfileBaseline,
        Check::Sysctls,
        Check::WindowsHostProcess,
        Check::HostProbesAndHostLifecycle,
        Check::RestrictedVolumes,
        Check::AllowPrivilegeEscalation,
        Check::RunAsNonRoot,
        Check::RunAsUser,
        Check::SeccompProfileRestricted,
        Check::CapabilitiesRestricted,
        Check::ProcMountRestricted,
    ];

    /// The upstream check id (`hostNamespaces`, `seccompProfile_restricted`...).
    pub fn id(self) -> &'static str {
        match self {
            Check::HostNamespaces => "hostNamespaces",
            Check::Privileged => "privileged",
            Check::CapabilitiesBaseline => "capabilities_baseline",
            Check::HostPathVolumes => "hostPathVolumes",
            Check::HostPorts => "hostPorts",
            Check::AppArmorProfile => "appArmorProfile",
            Check::SeLinuxOptions => "seLinuxOptions",
            Check::ProcMount => "procMount",
            Check::SeccompProfileBaseline => "seccompProfile_baseline",
            Check::Sysctls => "sysctls",
            Check::WindowsHostProcess => "windowsHostProcess",
            Check::HostProbesAndHostLifecycle => "hostProbesAndHostLifecycle",
            Check::RestrictedVolumes => "restrictedVolumes",
            Check::AllowPrivilegeEscalation => "allowPrivilegeEscalation",
            Check::RunAsNonRoot => "runAsNonRoot",
            Check::RunAsUser => "runAsUser",
            Check::SeccompProfileRestricted => "seccompProfile_restricted",
            Check::CapabilitiesRestricted => "capabilities_restricted",
            Check::ProcMountRestricted => "procMount_restricted",
        }
    }

    /// The level the check belongs to.
    pub fn level(self) -> PssLevel {
        if self >= Check::RestrictedVolumes {
            PssLevel::Restricted
        } else {
            PssLevel::Baseline
        }
    }

    /// First minor version with an implementation.
    pub fn since(self) -> u32 {
        match self {
            Check::AllowPrivilegeEscalation => 8,
            Check::SeccompProfileRestricted => 19,
            Check::CapabilitiesRestricted => 22,
            Check::RunAsUser => 23,
            Check::HostProbesAndHostLifecycle => 34,
            Check::ProcMountRestricted => 35,
            _ => 0,
        }
    }

    /// The rule reporting this check.
    pub fn rule(self) -> &'static bulkhead_diagnostics::RuleMeta {
        rules::PSS_RULES[self as usize]
    }

    /// The check whose upstream id is `id`.
    pub fn from_id(id: &str) -> Option<Check> {
        Check::ALL.into_iter().find(|c| c.id() == id)
    }

    /// Whether this check runs for `policy`: its level is included, it exists at the version,
    /// and no applicable restricted check overrides it.
    pub fn applies(self, policy: PssPolicy) -> bool {
        let v = policy.version.minor();
        if self.level() > policy.level || v < self.since() {
            return false;
        }
        if policy.level == PssLevel::Restricted {
            let overridden = match self {
                Check::HostPathVolumes => true,
                Check::SeccompProfileBaseline => v >= 19,
                Check::ProcMount => v >= 35,
                _ => false,
            };
            if overridden {
                return false;
            }
        }
        true
    }
}

/// Where a violation is: a pointer relative to the pod spec or to the pod metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum At {
    Spec(String),
    Meta(String),
}

/// One field that fails one check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub check: Check,
    pub at: At,
    /// The container concerned, when it is a container field.
    pub container: Option<String>,
    pub message: String,
}

/// Evaluate one pod spec (and its metadata, for annotations) against a policy.
pub fn evaluate(
    spec: &Map<String, Value>,
    meta: Option<&Map<String, Value>>,
    policy: PssPolicy,
) -> Vec<Violation> {
    let mut out = Vec::new();
    if policy.level == PssLevel::Privileged {
        return out;
    }
    let v = policy.version.minor();
    let cs = workload::containers(spec);
    let mut e = Eval {
        spec,
        meta,
        cs: &cs,
        v,
        out: &mut out,
    };
    for check in Check::ALL {
        if check.applies(policy) {
            e.run(check);
        }
    }
    out
}

struct Eval<'a, 'o> {
    spec: &'a Map<String, Value>,
    meta: Option<&'a Map<String, Value>>,
    cs: &'a [Container<'a>],
    v: u32,
    out: &'o mut Vec<Violation>,
}

fn is_true(v: Option<&Value>) -> bool {
    v.and_then(Value::as_bool) == Some(true)
}

fn str_of(v: Option<&Value>) -> &str {
    v.and_then(Value::as_str).unwrap_or("")
}

const CAPS_BASELINE: [&str; 13] = [
    "AUDIT_WRITE",
    "CHOWN",
    "DAC_OVERRIDE",
    "FOWNER",
    "FSETID",
    "KILL",
    "MKNOD",
    "NET_BIND_SERVICE",
    "SETFCAP",
    "SETGID",
    "SETPCAP",
    "SETUID",
    "SYS_CHROOT",
];

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

/// Sysctls the baseline level allows at minor version `v`.
pub fn safe_sysctl(name: &str, v: u32) -> bool {
    match name {
        "kernel.shm_rmid_forced"
        | "net.ipv4.ip_local_port_range"
        | "net.ipv4.tcp_syncookies"
        | "net.ipv4.ping_group_range"
        | "net.ipv4.ip_unprivileged_port_start" => true,
        "net.ipv4.ip_local_reserved_ports" => v >= 27,
        "net.ipv4.tcp_keepalive_time"
        | "net.ipv4.tcp_fin_timeout"
        | "net.ipv4.tcp_keepalive_intvl"
        | "net.ipv4.tcp_keepalive_probes" => v >= 29,
        "net.ipv4.tcp_rmem" | "net.ipv4.tcp_wmem" => v >= 32,
        "net.ipv4.tcp_slow_start_after_idle" | "net.ipv4.tcp_notsent_lowat" => v >= 37,
        _ => false,
    }
}

impl<'a> Eval<'a, '_> {
    fn push(&mut self, check: Check, at: At, container: Option<&str>, message: String) {
        self.out.push(Violation {
            check,
            at,
            container: container.map(str::to_string),
            message,
        });
    }

    /// `spec.hostUsers: false` (user namespaces), which relaxes some checks from v1.35.
    fn user_ns(&self) -> bool {
        self.v >= 35 && self.spec.get("hostUsers").and_then(Value::as_bool) == Some(false)
    }

    fn windows_exempt(&self) -> bool {
        self.v >= 25 && workload::is_windows(self.spec)
    }

    fn pod_sc(&self, f: &str) -> Option<&'a Value> {
        workload::pod_sc_field(self.spec, f)
    }

    fn run(&mut self, check: Check) {
        let cs = self.cs;
        match check {
            Check::HostNamespaces => {
                for f in ["hostNetwork", "hostPID", "hostIPC"] {
                    if is_true(self.spec.get(f)) {
                        self.push(
                            check,
                            At::Spec(format!("/{f}")),
                            None,
                            format!("`{f}: true` shares the host's namespace with the pod"),
                        );
                    }
                }
            }
            Check::Privileged => {
                for c in cs {
                    if is_true(c.sc_field("privileged")) {
                        self.push(
                            check,
                            At::Spec(format!("{}/securityContext/privileged", c.rel_ptr())),
                            Some(c.name()),
                            format!("container `{}` is privileged", c.name()),
                        );
                    }
                }
            }
            Check::CapabilitiesBaseline => {
                for c in cs {
                    let Some(Value::Array(add)) =
                        c.sc_field("capabilities").and_then(|x| x.get("add"))
                    else {
                        continue;
                    };
                    for (i, cap) in add.iter().enumerate() {
                        let name = cap.as_str().unwrap_or("");
                        if !CAPS_BASELINE.contains(&name) {
                            self.push(
                                check,
                                At::Spec(format!(
                                    "{}/securityContext/capabilities/add/{i}",
                                    c.rel_ptr()
                                )),
                                Some(c.name()),
                                format!(
                                    "container `{}` adds capability `{}`, outside the baseline set",
                                    c.name(),
                                    display(cap)
                                ),
                            );
                        }
                    }
                }
            }
            Check::HostPathVolumes => {
                for (i, vol) in volumes(self.spec) {
                    if vol.get("hostPath").is_some_and(|h| !h.is_null()) {
                        self.push(
                            check,
                            At::Spec(format!("/volumes/{i}/hostPath")),
                            None,
                            format!("volume `{}` is a hostPath", str_of(vol.get("name"))),
                        );
                    }
                }
            }
            Check::HostPorts => {
                for c in cs {
                    let Some(Value::Array(ports)) = c.c.get("ports") else {
                        continue;
                    };
                    for (i, p) in ports.iter().enumerate() {
                        let hp = p.get("hostPort");
                        let set = match hp {
                            None | Some(Value::Null) => false,
                            Some(Value::Number(n)) => n.as_f64() != Some(0.0),
                            Some(_) => true,
                        };
                        if set {
                            self.push(
                                check,
                                At::Spec(format!("{}/ports/{i}/hostPort", c.rel_ptr())),
                                Some(c.name()),
                                format!(
                                    "container `{}` binds host port {}",
                                    c.name(),
                                    display(hp.unwrap_or(&Value::Null))
                                ),
                            );
                        }
                    }
                }
            }
            Check::AppArmorProfile => {
                if let Some(Value::Object(ann)) = self.meta.and_then(|m| m.get("annotations")) {
                    for (k, val) in ann {
                        if let Some(cname) =
                            k.strip_prefix("container.apparmor.security.beta.kubernetes.io/")
                        {
                            let s = val.as_str().unwrap_or("");
                            let ok = s.is_empty()
                                || s == "runtime/default"
                                || s.starts_with("localhost/");
                            if !ok {
                                self.push(
                                    check,
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
                }
                let bad = |p: Option<&Value>| {
                    p.is_some_and(|p| {
                        !matches!(str_of(p.get("type")), "RuntimeDefault" | "Localhost")
                    })
                };
                if bad(self.pod_sc("appArmorProfile")) {
                    self.push(
                        check,
                        At::Spec("/securityContext/appArmorProfile/type".into()),
                        None,
                        "the pod's AppArmor profile type must be RuntimeDefault or Localhost"
                            .into(),
                    );
                }
                for c in cs {
                    if bad(c.sc_field("appArmorProfile")) {
                        self.push(
                            check,
                            At::Spec(format!(
                                "{}/securityContext/appArmorProfile/type",
                                c.rel_ptr()
                            )),
                            Some(c.name()),
                            format!(
                                "container `{}` sets an AppArmor profile type other than RuntimeDefault or Localhost",
                                c.name()
                            ),
                        );
                    }
                }
            }
            Check::SeLinuxOptions => {
                let v = self.v;
                let problem = |o: &Value| -> Option<(&'static str, String)> {
                    let t = str_of(o.get("type"));
                    let type_ok = matches!(
                        t,
                        "" | "container_t" | "container_init_t" | "container_kvm_t"
                    ) || (v >= 31 && t == "container_engine_t");
                    if !type_ok {
                        return Some(("type", format!("SELinux type `{t}` is not allowed")));
                    }
                    for f in ["user", "role"] {
                        if !str_of(o.get(f)).is_empty() {
                            return Some((
                                if f == "user" { "user" } else { "role" },
                                format!("SELinux {f} must not be set"),
                            ));
                        }
                    }
                    None
                };
                if let Some((f, m)) = self.pod_sc("seLinuxOptions").and_then(problem) {
                    self.push(
                        check,
                        At::Spec(format!("/securityContext/seLinuxOptions/{f}")),
                        None,
                        format!("pod: {m}"),
                    );
                }
                for c in cs {
                    if let Some((f, m)) = c.sc_field("seLinuxOptions").and_then(problem) {
                        self.push(
                            check,
                            At::Spec(format!(
                                "{}/securityContext/seLinuxOptions/{f}",
                                c.rel_ptr()
                            )),
                            Some(c.name()),
                            format!("container `{}`: {m}", c.name()),
                        );
                    }
                }
            }
            Check::ProcMount | Check::ProcMountRestricted => {
                if check == Check::ProcMount && self.user_ns() {
                    return;
                }
                for c in cs {
                    if let Some(pm) = c.sc_field("procMount")
                        && pm.as_str() != Some("Default")
                    {
                        self.push(
                            check,
                            At::Spec(format!("{}/securityContext/procMount", c.rel_ptr())),
                            Some(c.name()),
                            format!(
                                "container `{}` sets procMount `{}`; only Default is allowed",
                                c.name(),
                                display(pm)
                            ),
                        );
                    }
                }
            }
            Check::SeccompProfileBaseline => {
                if self.v < 19 {
                    let valid = |s: &str| {
                        s == "runtime/default"
                            || s == "docker/default"
                            || s.starts_with("localhost/")
                    };
                    let ann = self
                        .meta
                        .and_then(|m| m.get("annotations"))
                        .and_then(Value::as_object);
                    let Some(ann) = ann else { return };
                    let key = "seccomp.security.alpha.kubernetes.io/pod";
                    if let Some(val) = ann.get(key)
                        && !valid(val.as_str().unwrap_or(""))
                    {
                        self.push(
                            check,
                            At::Meta(format!(
                                "/annotations/{}",
                                crate::loader::escape_segment(key)
                            )),
                            None,
                            format!("pod seccomp annotation is `{}`", display(val)),
                        );
                    }
                    for c in cs {
                        let key = format!(
                            "container.seccomp.security.alpha.kubernetes.io/{}",
                            c.name()
                        );
                        if let Some(val) = ann.get(&key)
                            && !valid(val.as_str().unwrap_or(""))
                        {
                            self.push(
                                check,
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
                    return;
                }
                if let Some(p) = self.pod_sc("seccompProfile")
                    && !valid_seccomp(p)
                {
                    self.push(
                        check,
                        At::Spec("/securityContext/seccompProfile/type".into()),
                        None,
                        format!("pod seccomp profile type is `{}`", str_of(p.get("type"))),
                    );
                }
                for c in cs {
                    if let Some(p) = c.sc_field("seccompProfile")
                        && !valid_seccomp(p)
                    {
                        self.push(
                            check,
                            At::Spec(format!(
                                "{}/securityContext/seccompProfile/type",
                                c.rel_ptr()
                            )),
                            Some(c.name()),
                            format!(
                                "container `{}` seccomp profile type is `{}`",
                                c.name(),
                                str_of(p.get("type"))
                            ),
                        );
                    }
                }
            }
            Check::Sysctls => {
                let Some(Value::Array(sysctls)) = self.pod_sc("sysctls") else {
                    return;
                };
                for (i, s) in sysctls.iter().enumerate() {
                    let name = str_of(s.get("name"));
                    if !safe_sysctl(name, self.v) {
                        self.push(
                            check,
                            At::Spec(format!("/securityContext/sysctls/{i}/name")),
                            None,
                            format!("sysctl `{name}` is not in the safe set"),
                        );
                    }
                }
            }
            Check::WindowsHostProcess => {
                let hp = |w: Option<&Value>| is_true(w.and_then(|w| w.get("hostProcess")));
                if hp(self.pod_sc("windowsOptions")) {
                    self.push(
                        check,
                        At::Spec("/securityContext/windowsOptions/hostProcess".into()),
                        None,
                        "the pod runs as a Windows HostProcess".into(),
                    );
                }
                for c in cs {
                    if hp(c.sc_field("windowsOptions")) {
                        self.push(
                            check,
                            At::Spec(format!(
                                "{}/securityContext/windowsOptions/hostProcess",
                                c.rel_ptr()
                            )),
                            Some(c.name()),
                            format!("container `{}` runs as a Windows HostProcess", c.name()),
                        );
                    }
                }
            }
            Check::HostProbesAndHostLifecycle => {
                for c in cs {
                    let mut hits = Vec::new();
                    for probe in ["livenessProbe", "readinessProbe", "startupProbe"] {
                        for h in ["httpGet", "tcpSocket"] {
                            if !str_of(
                                c.c.get(probe)
                                    .and_then(|p| p.get(h))
                                    .and_then(|x| x.get("host")),
                            )
                            .is_empty()
                            {
                                hits.push(format!("/{probe}/{h}/host"));
                            }
                        }
                    }
                    for hook in ["postStart", "preStop"] {
                        for h in ["httpGet", "tcpSocket"] {
                            let host =
                                c.c.get("lifecycle")
                                    .and_then(|l| l.get(hook))
                                    .and_then(|x| x.get(h))
                                    .and_then(|x| x.get("host"));
                            if !str_of(host).is_empty() {
                                hits.push(format!("/lifecycle/{hook}/{h}/host"));
                            }
                        }
                    }
                    for p in hits {
                        self.push(
                            check,
                            At::Spec(format!("{}{p}", c.rel_ptr())),
                            Some(c.name()),
                            format!(
                                "container `{}` sets a probe or lifecycle host (`{}`)",
                                c.name(),
                                &p[1..]
                            ),
                        );
                    }
                }
            }
            Check::RestrictedVolumes => {
                for (i, vol) in volumes(self.spec) {
                    let set = |k: &str| vol.get(k).is_some_and(|x| !x.is_null());
                    if ALLOWED_VOLUMES.iter().any(|k| set(k)) {
                        continue;
                    }
                    if let Some(bad) = FORBIDDEN_VOLUMES.iter().find(|k| set(k)) {
                        self.push(
                            check,
                            At::Spec(format!("/volumes/{i}/{bad}")),
                            None,
                            format!(
                                "volume `{}` uses `{bad}`, not allowed by the restricted level",
                                str_of(vol.get("name"))
                            ),
                        );
                    }
                }
            }
            Check::AllowPrivilegeEscalation => {
                if self.windows_exempt() {
                    return;
                }
                for c in cs {
                    if c.sc_field("allowPrivilegeEscalation")
                        .and_then(Value::as_bool)
                        != Some(false)
                    {
                        self.push(
                            check,
                            At::Spec(format!(
                                "{}/securityContext/allowPrivilegeEscalation",
                                c.rel_ptr()
                            )),
                            Some(c.name()),
                            format!(
                                "container `{}` must set securityContext.allowPrivilegeEscalation=false",
                                c.name()
                            ),
                        );
                    }
                }
            }
            Check::RunAsNonRoot => {
                if self.v >= 35 && self.user_ns() {
                    return;
                }
                let mut pod_true = false;
                if let Some(p) = self.pod_sc("runAsNonRoot") {
                    if p.as_bool() == Some(true) {
                        pod_true = true;
                    } else {
                        self.push(
                            check,
                            At::Spec("/securityContext/runAsNonRoot".into()),
                            None,
                            "the pod sets runAsNonRoot=false".into(),
                        );
                    }
                }
                for c in cs {
                    match c.sc_field("runAsNonRoot") {
                        Some(v) if v.as_bool() == Some(true) => {}
                        Some(_) => self.push(
                            check,
                            At::Spec(format!("{}/securityContext/runAsNonRoot", c.rel_ptr())),
                            Some(c.name()),
                            format!("container `{}` sets runAsNonRoot=false", c.name()),
                        ),
                        None if !pod_true => self.push(
                            check,
                            At::Spec(format!("{}/securityContext/runAsNonRoot", c.rel_ptr())),
                            Some(c.name()),
                            format!(
                                "container `{}` must set securityContext.runAsNonRoot=true (or the pod must)",
                                c.name()
                            ),
                        ),
                        None => {}
                    }
                }
            }
            Check::RunAsUser => {
                if self.user_ns() {
                    return;
                }
                let zero = |v: Option<&Value>| v.and_then(Value::as_f64) == Some(0.0);
                if zero(self.pod_sc("runAsUser")) {
                    self.push(
                        check,
                        At::Spec("/securityContext/runAsUser".into()),
                        None,
                        "the pod sets runAsUser=0 (root)".into(),
                    );
                }
                for c in cs {
                    if zero(c.sc_field("runAsUser")) {
                        self.push(
                            check,
                            At::Spec(format!("{}/securityContext/runAsUser", c.rel_ptr())),
                            Some(c.name()),
                            format!("container `{}` sets runAsUser=0 (root)", c.name()),
                        );
                    }
                }
            }
            Check::SeccompProfileRestricted => {
                if self.windows_exempt() {
                    return;
                }
                let mut pod_ok = false;
                if let Some(p) = self.pod_sc("seccompProfile") {
                    if valid_seccomp(p) {
                        pod_ok = true;
                    } else {
                        self.push(
                            check,
                            At::Spec("/securityContext/seccompProfile/type".into()),
                            None,
                            format!(
                                "pod seccomp profile type is `{}`; use RuntimeDefault or Localhost",
                                str_of(p.get("type"))
                            ),
                        );
                    }
                }
                for c in cs {
                    match c.sc_field("seccompProfile") {
                        Some(p) if valid_seccomp(p) => {}
                        Some(p) => self.push(
                            check,
                            At::Spec(format!("{}/securityContext/seccompProfile/type", c.rel_ptr())),
                            Some(c.name()),
                            format!(
                                "container `{}` seccomp profile type is `{}`; use RuntimeDefault or Localhost",
                                c.name(),
                                str_of(p.get("type"))
                            ),
                        ),
                        None if !pod_ok => self.push(
                            check,
                            At::Spec(format!("{}/securityContext/seccompProfile", c.rel_ptr())),
                            Some(c.name()),
                            format!(
                                "container `{}` must set securityContext.seccompProfile.type to RuntimeDefault or Localhost (or the pod must)",
                                c.name()
                            ),
                        ),
                        None => {}
                    }
                }
            }
            Check::CapabilitiesRestricted => {
                if self.windows_exempt() {
                    return;
                }
                for c in cs {
                    let caps = c.sc_field("capabilities");
                    let drop_all = caps
                        .and_then(|x| x.get("drop"))
                        .and_then(Value::as_array)
                        .is_some_and(|d| d.iter().any(|x| x.as_str() == Some("ALL")));
                    if !drop_all {
                        self.push(
                            check,
                            At::Spec(format!("{}/securityContext/capabilities/drop", c.rel_ptr())),
                            Some(c.name()),
                            format!(
                                "container `{}` must set securityContext.capabilities.drop=[\"ALL\"]",
                                c.name()
                            ),
                        );
                    }
                    if let Some(Value::Array(add)) = caps.and_then(|x| x.get("add")) {
                        for (i, cap) in add.iter().enumerate() {
                            if cap.as_str() != Some("NET_BIND_SERVICE") {
                                self.push(
                                    check,
                                    At::Spec(format!(
                                        "{}/securityContext/capabilities/add/{i}",
                                        c.rel_ptr()
                                    )),
                                    Some(c.name()),
                                    format!(
                                        "container `{}` adds capability `{}`; only NET_BIND_SERVICE may be added",
                                        c.name(),
                                        display(cap)
                                    ),
                                );
                            }
                        }
                    }
                }
            }
        }
    }
}

fn valid_seccomp(p: &Value) -> bool {
    matches!(str_of(p.get("type")), "RuntimeDefault" | "Localhost")
}

fn volumes(spec: &Map<String, Value>) -> impl Iterator<Item = (usize, &Map<String, Value>)> {
    spec.get("volumes")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
        .filter_map(|(i, v)| Some((i, v.as_object()?)))
}

fn display(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn eval(spec: Value, policy: &str) -> Vec<&'static str> {
        let p: PssPolicy = policy.parse().unwrap();
        let mut ids: Vec<_> = evaluate(spec.as_object().unwrap(), None, p)
            .into_iter()
            .map(|v| v.check.id())
            .collect();
        ids.dedup();
        ids
    }

    #[test]
    fn parses_policies() {
        assert_eq!(
            "restricted@v1.30".parse::<PssPolicy>().unwrap(),
            PssPolicy {
                level: PssLevel::Restricted,
                version: PssVersion::Minor(30)
            }
        );
        assert_eq!(
            "baseline".parse::<PssPolicy>().unwrap().version,
            PssVersion::Latest
        );
        assert!("root@v1.2".parse::<PssPolicy>().is_err());
        assert!("baseline@2.0".parse::<PssPolicy>().is_err());
        assert_eq!(
            "restricted@latest"
                .parse::<PssPolicy>()
                .unwrap()
                .to_string(),
            "restricted@latest"
        );
    }

    #[test]
    fn pod_level_inheritance() {
        let spec = json!({
            "securityContext": {"runAsNonRoot": true, "seccompProfile": {"type": "RuntimeDefault"}},
            "containers": [{"name": "a", "securityContext": {"allowPrivilegeEscalation": false, "capabilities": {"drop": ["ALL"]}}}]
        });
        assert!(eval(spec, "restricted").is_empty());
        let spec = json!({"containers": [{"name": "a"}], "initContainers": [{"name": "i"}]});
        assert_eq!(
            eval(spec, "restricted@v1.23"),
            [
                "allowPrivilegeEscalation",
                "runAsNonRoot",
                "seccompProfile_restricted",
                "capabilities_restricted"
            ]
        );
    }

    #[test]
    fn versions_gate_checks() {
        let spec =
            json!({"containers": [{"name": "a", "securityContext": {"runAsNonRoot": true}}]});
        assert!(eval(spec.clone(), "restricted@v1.7").is_empty());
        assert_eq!(eval(spec, "restricted@v1.8"), ["allowPrivilegeEscalation"]);
        let spec = json!({"securityContext": {"sysctls": [{"name": "net.ipv4.tcp_rmem", "value": "1"}]}, "containers": []});
        assert_eq!(eval(spec.clone(), "baseline@v1.31"), ["sysctls"]);
        assert!(eval(spec, "baseline@v1.32").is_empty());
    }
}
