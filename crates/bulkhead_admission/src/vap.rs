//! `bulkhead admission vap`: the Pod Security Standards of one level and version (and the
//! "digest required" image policy) compiled to a `ValidatingAdmissionPolicy` in CEL, with two
//! bindings: pods denied, pod controllers warned (as Pod Security Admission treats them), the
//! webhook's namespace excluded. For clusters that prefer in-process policies to a webhook
//! hop.
//!
//! Owns: one CEL expression per check, true when the pod complies, mirroring
//! `bulkhead_k8s::pss` at the chosen version (tests hold every expression to the webhook's
//! verdict on the upstream fixtures). It does not cover what CEL cannot see (signatures,
//! vulnerability reports, namespace labels chosen per namespace).

use bulkhead_k8s::pss::{self, Check, PssPolicy};

/// One validation: the check's rule code, its CEL expression and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Validation {
    pub code: &'static str,
    pub expression: String,
    pub message: String,
}

/// The variables the expressions use, in order (each may use the previous ones).
pub const VARIABLES: [(&str, &str); 3] = [
    (
        "podSpec",
        "object.kind == 'Pod' ? object.spec : (object.kind == 'CronJob' ? object.spec.jobTemplate.spec.template.spec : (object.kind == 'PodTemplate' ? object.template.spec : object.spec.template.spec))",
    ),
    (
        "annotations",
        "object.kind == 'Pod' ? (has(object.metadata.annotations) ? object.metadata.annotations : {}) : (object.kind == 'CronJob' ? (has(object.spec.jobTemplate.spec.template.metadata) && has(object.spec.jobTemplate.spec.template.metadata.annotations) ? object.spec.jobTemplate.spec.template.metadata.annotations : {}) : (object.kind == 'PodTemplate' ? (has(object.template.metadata) && has(object.template.metadata.annotations) ? object.template.metadata.annotations : {}) : (has(object.spec.template.metadata) && has(object.spec.template.metadata.annotations) ? object.spec.template.metadata.annotations : {})))",
    ),
    (
        "containers",
        "(has(variables.podSpec.initContainers) ? variables.podSpec.initContainers : []) + (has(variables.podSpec.containers) ? variables.podSpec.containers : []) + (has(variables.podSpec.ephemeralContainers) ? variables.podSpec.ephemeralContainers : [])",
    ),
];

const S: &str = "variables.podSpec";
const PSC: &str = "variables.podSpec.securityContext";

fn list(items: &[&str]) -> String {
    let q: Vec<String> = items.iter().map(|s| format!("'{s}'")).collect();
    format!("[{}]", q.join(", "))
}

/// `has(c.securityContext) && has(c.securityContext.f)` for container variable `c`.
fn c_has(f: &str) -> String {
    format!("(has(c.securityContext) && has(c.securityContext.{f}))")
}

fn pod_has(f: &str) -> String {
    format!("(has({S}.securityContext) && has({PSC}.{f}))")
}

fn all_containers(body: &str) -> String {
    format!("variables.containers.all(c, {body})")
}

fn user_ns(v: u32) -> String {
    if v >= 35 {
        format!("(has({S}.hostUsers) && {S}.hostUsers == false)")
    } else {
        "false".into()
    }
}

fn windows_exempt(v: u32) -> String {
    if v >= 25 {
        format!("(has({S}.os) && has({S}.os.name) && {S}.os.name == 'windows')")
    } else {
        "false".into()
    }
}

/// An expression that holds when the securityContext field `f` of the pod and of every
/// container is, where set, `ok(value-expression)`.
fn pod_and_containers(f: &str, ok: impl Fn(&str) -> String) -> String {
    format!(
        "(!{} || {}) && {}",
        pod_has(f),
        ok(&format!("{PSC}.{f}")),
        all_containers(&format!(
            "!{} || {}",
            c_has(f),
            ok(&format!("c.securityContext.{f}"))
        ))
    )
}

fn seccomp_ok(p: &str) -> String {
    format!("(has({p}.type) && {p}.type in ['RuntimeDefault', 'Localhost'])")
}

/// The CEL expression of one check at minor version `v` (true = complies).
pub fn expression(check: Check, v: u32) -> String {
    match check {
        Check::HostNamespaces => ["hostNetwork", "hostPID", "hostIPC"]
            .iter()
            .map(|f| format!("!(has({S}.{f}) && {S}.{f} == true)"))
            .collect::<Vec<_>>()
            .join(" && "),
        Check::Privileged => all_containers(&format!(
            "!({} && c.securityContext.privileged == true)",
            c_has("privileged")
        )),
        Check::CapabilitiesBaseline => all_containers(&format!(
            "!({} && has(c.securityContext.capabilities.add)) || c.securityContext.capabilities.add.all(a, a in {})",
            c_has("capabilities"),
            list(&[
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
                "SYS_CHROOT"
            ])
        )),
        Check::HostPathVolumes => {
            format!("!has({S}.volumes) || {S}.volumes.all(x, !has(x.hostPath))")
        }
        Check::HostPorts => {
            all_containers("!has(c.ports) || c.ports.all(p, !has(p.hostPort) || p.hostPort == 0)")
        }
        Check::AppArmorProfile => {
            let ann = "variables.annotations";
            format!(
                "({ann}.all(k, !k.startsWith('container.apparmor.security.beta.kubernetes.io/') || {ann}[k] == '' || {ann}[k] == 'runtime/default' || {ann}[k].startsWith('localhost/'))) && {}",
                pod_and_containers("appArmorProfile", |p| format!(
                    "(has({p}.type) && {p}.type in ['RuntimeDefault', 'Localhost'])"
                ))
            )
        }
        Check::SeLinuxOptions => {
            let mut types = vec!["", "container_t", "container_init_t", "container_kvm_t"];
            if v >= 31 {
                types.push("container_engine_t");
            }
            let types = list(&types);
            pod_and_containers("seLinuxOptions", |o| {
                format!(
                    "((!has({o}.type) || {o}.type in {types}) && (!has({o}.user) || {o}.user == '') && (!has({o}.role) || {o}.role == ''))"
                )
            })
        }
        Check::ProcMount => format!(
            "{} || {}",
            user_ns(v),
            all_containers(&format!(
                "!{} || c.securityContext.procMount == 'Default'",
                c_has("procMount")
            ))
        ),
        Check::SeccompProfileBaseline if v < 19 => {
            let ann = "variables.annotations";
            let ok = |x: &str| {
                format!(
                    "({x} == 'runtime/default' || {x} == 'docker/default' || {x}.startsWith('localhost/'))"
                )
            };
            format!(
                "((!('seccomp.security.alpha.kubernetes.io/pod' in {ann}) || {}) && variables.containers.all(c, !(('container.seccomp.security.alpha.kubernetes.io/' + c.name) in {ann}) || {}))",
                ok(&format!(
                    "{ann}['seccomp.security.alpha.kubernetes.io/pod']"
                )),
                ok(&format!(
                    "{ann}['container.seccomp.security.alpha.kubernetes.io/' + c.name]"
                ))
            )
        }
        Check::SeccompProfileBaseline => pod_and_containers("seccompProfile", seccomp_ok),
        Check::Sysctls => {
            let mut safe = vec![
                "kernel.shm_rmid_forced",
                "net.ipv4.ip_local_port_range",
                "net.ipv4.tcp_syncookies",
                "net.ipv4.ping_group_range",
                "net.ipv4.ip_unprivileged_port_start",
                "net.ipv4.ip_local_reserved_ports",
                "net.ipv4.tcp_keepalive_time",
                "net.ipv4.tcp_fin_timeout",
                "net.ipv4.tcp_keepalive_intvl",
                "net.ipv4.tcp_keepalive_probes",
                "net.ipv4.tcp_rmem",
                "net.ipv4.tcp_wmem",
                "net.ipv4.tcp_slow_start_after_idle",
                "net.ipv4.tcp_notsent_lowat",
            ];
            safe.retain(|n| pss::safe_sysctl(n, v));
            format!(
                "!{} || {PSC}.sysctls.all(x, has(x.name) && x.name in {})",
                pod_has("sysctls"),
                list(&safe)
            )
        }
        Check::WindowsHostProcess => pod_and_containers("windowsOptions", |w| {
            format!("!(has({w}.hostProcess) && {w}.hostProcess == true)")
        }),
        Check::HostProbesAndHostLifecycle => {
            let mut parts = Vec::new();
            for probe in ["livenessProbe", "readinessProbe", "startupProbe"] {
                for h in ["httpGet", "tcpSocket"] {
                    parts.push(format!(
                        "!has(c.{probe}) || !has(c.{probe}.{h}) || !has(c.{probe}.{h}.host) || c.{probe}.{h}.host == ''"
                    ));
                }
            }
            for hook in ["postStart", "preStop"] {
                for h in ["httpGet", "tcpSocket"] {
                    parts.push(format!(
                        "!has(c.lifecycle) || !has(c.lifecycle.{hook}) || !has(c.lifecycle.{hook}.{h}) || !has(c.lifecycle.{hook}.{h}.host) || c.lifecycle.{hook}.{h}.host == ''"
                    ));
                }
            }
            let body: Vec<String> = parts.into_iter().map(|p| format!("({p})")).collect();
            all_containers(&body.join(" && "))
        }
        Check::RestrictedVolumes => {
            // typed objects: `has()` per source (the API server's CEL has no `in` on objects)
            let any = |keys: &[&str]| {
                keys.iter()
                    .map(|k| format!("has(x.{k})"))
                    .collect::<Vec<_>>()
                    .join(" || ")
            };
            format!(
                "!has({S}.volumes) || {S}.volumes.all(x, {} || !({}))",
                any(&pss::ALLOWED_VOLUMES),
                any(&pss::FORBIDDEN_VOLUMES)
            )
        }
        Check::AllowPrivilegeEscalation => format!(
            "{} || {}",
            windows_exempt(v),
            all_containers(&format!(
                "{} && c.securityContext.allowPrivilegeEscalation == false",
                c_has("allowPrivilegeEscalation")
            ))
        ),
        Check::RunAsNonRoot => {
            let pod_true = format!(
                "({} && {PSC}.runAsNonRoot == true)",
                pod_has("runAsNonRoot")
            );
            format!(
                "{} || ((!{} || {PSC}.runAsNonRoot == true) && {})",
                user_ns(v),
                pod_has("runAsNonRoot"),
                all_containers(&format!(
                    "{} ? c.securityContext.runAsNonRoot == true : {pod_true}",
                    c_has("runAsNonRoot")
                ))
            )
        }
        Check::RunAsUser => format!(
            "{} || ({})",
            user_ns(v),
            pod_and_containers("runAsUser", |u| format!("{u} != 0"))
        ),
        Check::SeccompProfileRestricted => {
            let pod_ok = format!(
                "({} && {})",
                pod_has("seccompProfile"),
                seccomp_ok(&format!("{PSC}.seccompProfile"))
            );
            format!(
                "{} || ((!{} || {}) && {})",
                windows_exempt(v),
                pod_has("seccompProfile"),
                seccomp_ok(&format!("{PSC}.seccompProfile")),
                all_containers(&format!(
                    "{} ? {} : {pod_ok}",
                    c_has("seccompProfile"),
                    seccomp_ok("c.securityContext.seccompProfile")
                ))
            )
        }
        Check::CapabilitiesRestricted => format!(
            "{} || {}",
            windows_exempt(v),
            all_containers(&format!(
                "{caps} && has(c.securityContext.capabilities.drop) && 'ALL' in c.securityContext.capabilities.drop && (!has(c.securityContext.capabilities.add) || c.securityContext.capabilities.add.all(a, a == 'NET_BIND_SERVICE'))",
                caps = c_has("capabilities")
            ))
        ),
        Check::ProcMountRestricted => all_containers(&format!(
            "!{} || c.securityContext.procMount == 'Default'",
            c_has("procMount")
        )),
    }
}

/// The validations of a policy: one per check that applies at its level and version.
pub fn validations(policy: PssPolicy) -> Vec<Validation> {
    let v = policy.version.minor();
    Check::ALL
        .into_iter()
        .filter(|c| policy.level != pss::PssLevel::Privileged && c.applies(policy))
        .map(|c| Validation {
            code: c.rule().code,
            expression: expression(c, v),
            message: format!(
                "{}: violates PodSecurity \"{}\": {}",
                c.rule().code,
                crate::psa::psa_name(policy),
                c.id()
            ),
        })
        .collect()
}

/// The digest policy as CEL: every image pinned by `@sha256:`.
pub fn digest_validation() -> Validation {
    Validation {
        code: crate::rules::DIGEST_REQUIRED.code,
        expression: "variables.containers.all(c, c.image.matches('@sha256:[0-9a-f]{64}$'))".into(),
        message: "ADM002: every image must be pinned by digest".into(),
    }
}

fn yaml_str(s: &str) -> String {
    // single-quoted YAML scalar: quotes doubled
    format!("'{}'", s.replace('\'', "''"))
}

/// The ValidatingAdmissionPolicy and its two bindings, as YAML.
pub fn render(policy: PssPolicy, require_digest: bool, exclude_namespaces: &[String]) -> String {
    let name = format!("bulkhead-pss-{}-{}", policy.level, policy.version).replace('.', "-");
    let mut vals = validations(policy);
    if require_digest {
        vals.push(digest_validation());
    }
    let mut out = String::new();
    out.push_str("apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicy\n");
    out.push_str(&format!(
        "metadata:\n  name: {name}\nspec:\n  failurePolicy: Fail\n"
    ));
    out.push_str(
        "  matchConstraints:\n    resourceRules:\n      - apiGroups: [\"\"]\n        apiVersions: [\"v1\"]\n        operations: [\"CREATE\", \"UPDATE\"]\n        resources: [\"pods\", \"replicationcontrollers\", \"podtemplates\"]\n      - apiGroups: [\"apps\"]\n        apiVersions: [\"v1\"]\n        operations: [\"CREATE\", \"UPDATE\"]\n        resources: [\"deployments\", \"replicasets\", \"statefulsets\", \"daemonsets\"]\n      - apiGroups: [\"batch\"]\n        apiVersions: [\"v1\"]\n        operations: [\"CREATE\", \"UPDATE\"]\n        resources: [\"jobs\", \"cronjobs\"]\n",
    );
    out.push_str("  variables:\n");
    for (n, e) in VARIABLES {
        out.push_str(&format!(
            "    - name: {n}\n      expression: {}\n",
            yaml_str(e)
        ));
    }
    out.push_str("  validations:\n");
    for v in &vals {
        out.push_str(&format!(
            "    - expression: {}\n      message: {}\n      reason: Forbidden\n",
            yaml_str(&v.expression),
            yaml_str(&v.message)
        ));
    }
    let ns_list = exclude_namespaces
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let selector = if exclude_namespaces.is_empty() {
        String::new()
    } else {
        format!(
            "    namespaceSelector:\n      matchExpressions:\n        - key: kubernetes.io/metadata.name\n          operator: NotIn\n          values: [{ns_list}]\n"
        )
    };
    for (suffix, action, rules) in [
        (
            "pods",
            "Deny",
            "      - apiGroups: [\"\"]\n        apiVersions: [\"v1\"]\n        operations: [\"CREATE\", \"UPDATE\"]\n        resources: [\"pods\"]\n",
        ),
        (
            "controllers",
            "Warn",
            "      - apiGroups: [\"\", \"apps\", \"batch\"]\n        apiVersions: [\"v1\"]\n        operations: [\"CREATE\", \"UPDATE\"]\n        resources: [\"replicationcontrollers\", \"podtemplates\", \"deployments\", \"replicasets\", \"statefulsets\", \"daemonsets\", \"jobs\", \"cronjobs\"]\n",
        ),
    ] {
        out.push_str(&format!(
            "---\napiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicyBinding\nmetadata:\n  name: {name}-{suffix}\nspec:\n  policyName: {name}\n  validationActions: [{action}]\n  matchResources:\n{selector}    resourceRules:\n{rules}"
        ));
    }
    out
}
