//! Pod Security Standards: every check of `kubernetes/pod-security-admission/policy`, for the
//! baseline and restricted levels, version-aware from v1.0 to v1.37.
//!
//! Owns: the level/version model ([`PssPolicy`]), which check implementation applies at which
//! version and which restricted check overrides which baseline one, and the evaluation of one
//! pod spec into [`Violation`]s (each with the JSON pointer of the offending field), by
//! calling each applicable check's hook. The checks themselves (PSS001..PSS019: metadata,
//! evaluation, fix, tests) are one file each under `src/rules/pss/`. The semantics are held to
//! the 4,537 upstream fixtures by `tests/pss_conformance.rs`.

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
        crate::RULES[self as usize]
    }

    /// The rule reporting a violation of this check: narrowed to carry also the aliases of
    /// the baseline check it replaces when the violation fails that one too.
    pub fn rule_for(self, also_fails: Option<Check>) -> &'static bulkhead_diagnostics::RuleMeta {
        use crate::rules::pss::*;
        match (self, also_fails) {
            (Check::RestrictedVolumes, Some(_)) => &pss013_restricted_volumes::ALSO_BASELINE,
            (Check::SeccompProfileRestricted, Some(_)) => &pss017_seccomp_restricted::ALSO_BASELINE,
            (Check::CapabilitiesRestricted, Some(_)) => {
                &pss018_capabilities_restricted::ALSO_BASELINE
            }
            (Check::ProcMountRestricted, Some(_)) => &pss019_proc_mount_restricted::ALSO_BASELINE,
            _ => self.rule(),
        }
    }

    /// The check's fix, when it has one.
    pub(crate) fn fix(self) -> Option<crate::rules::PssFix> {
        crate::rules::pss_hook(self as usize).1
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
                Check::CapabilitiesBaseline => v >= 22,
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
    /// The baseline check this field also fails, when `check` is the restricted check that
    /// replaces it at this level and version (Pod Security Admission reports only `check`).
    pub also_fails: Option<Check>,
}

impl Violation {
    /// The absolute pointer of a pod-spec violation (`None` for metadata ones).
    pub(crate) fn abs_ptr(&self, ps: &workload::PodSpec<'_>) -> Option<String> {
        match &self.at {
            At::Spec(rel) => Some(format!("{}{rel}", ps.spec_ptr)),
            At::Meta(_) => None,
        }
    }
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
    let cs = workload::containers(spec);
    let mut e = Eval {
        spec,
        meta,
        cs: &cs,
        v: policy.version.minor(),
        check: Check::HostNamespaces,
        out: &mut out,
    };
    for check in Check::ALL {
        if check.applies(policy) {
            e.check = check;
            (crate::rules::pss_hook(check as usize).0)(&mut e);
        }
    }
    out
}

/// Evaluate the pod spec of one Kubernetes object (a Pod, a workload with a pod template, or
/// a custom resource of `settings.pod_spec_paths`) against a policy; `None` when the object
/// has no pod spec. For callers holding objects rather than files (an admission webhook).
pub fn evaluate_object(
    object: &Value,
    policy: PssPolicy,
    pod_spec_paths: &[workload::PodSpecPath],
) -> Option<Vec<Violation>> {
    let ps = workload::pod_spec(object, pod_spec_paths)?;
    Some(evaluate(ps.spec, ps.meta, policy))
}

/// What a check's hook sees: the pod spec, its metadata, its containers, the policy version,
/// and where violations go.
pub(crate) struct Eval<'a, 'o> {
    pub spec: &'a Map<String, Value>,
    pub meta: Option<&'a Map<String, Value>>,
    pub cs: &'a [Container<'a>],
    /// The policy's minor version.
    pub v: u32,
    /// The check being evaluated (set by [`evaluate`]).
    pub check: Check,
    out: &'o mut Vec<Violation>,
}

impl<'a> Eval<'a, '_> {
    /// Report a violation of the current check.
    pub fn push(&mut self, at: At, container: Option<&str>, message: String) {
        self.push_also(at, container, message, None);
    }

    /// Report a violation of the current check that also fails the replaced baseline check
    /// `also`.
    pub fn push_also(
        &mut self,
        at: At,
        container: Option<&str>,
        message: String,
        also: Option<Check>,
    ) {
        self.out.push(Violation {
            check: self.check,
            at,
            container: container.map(str::to_string),
            message,
            also_fails: also,
        });
    }

    /// `spec.hostUsers: false` (user namespaces), which relaxes some checks from v1.35.
    pub fn user_ns(&self) -> bool {
        self.v >= 35 && self.spec.get("hostUsers").and_then(Value::as_bool) == Some(false)
    }

    /// A Windows pod, exempt from some restricted checks from v1.25.
    pub fn windows_exempt(&self) -> bool {
        self.v >= 25 && workload::is_windows(self.spec)
    }

    /// A field of the pod-level securityContext (not null).
    pub fn pod_sc(&self, f: &str) -> Option<&'a Value> {
        workload::pod_sc_field(self.spec, f)
    }

    /// The pod's volumes that are mappings, with their indexes.
    pub fn volumes(&self) -> impl Iterator<Item = (usize, &'a Map<String, Value>)> + use<'a> {
        self.spec
            .get("volumes")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
            .filter_map(|(i, v)| Some((i, v.as_object()?)))
    }

    /// Report the securityContext field `f` of the pod and of each container wherever it is
    /// set and `bad`, at `.../securityContext/{f}{suffix}`, with `message(container, value)`.
    pub fn each_sc_field(
        &mut self,
        f: &str,
        suffix: &str,
        bad: impl Fn(&Value) -> bool,
        message: impl Fn(Option<&str>, &Value) -> String,
    ) {
        if let Some(v) = self.pod_sc(f)
            && bad(v)
        {
            let msg = message(None, v);
            self.push(At::Spec(format!("/securityContext/{f}{suffix}")), None, msg);
        }
        for c in self.cs {
            if let Some(v) = c.sc_field(f)
                && bad(v)
            {
                let msg = message(Some(c.name()), v);
                self.push(
                    At::Spec(format!("{}/securityContext/{f}{suffix}", c.rel_ptr())),
                    Some(c.name()),
                    msg,
                );
            }
        }
    }
}

pub use crate::rules::pss::pss010_sysctls::safe_sysctl;
pub use crate::rules::pss::pss013_restricted_volumes::{ALLOWED_VOLUMES, FORBIDDEN_VOLUMES};

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
