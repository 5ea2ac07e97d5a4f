//! Rule metadata of the Pod Security Standards controls: one rule per upstream check id
//! (PSS001..PSS019), each carrying the check id as a `pss` alias so `--select PSS`, the check
//! id itself, and the peer tools' ids all select it.

use bulkhead_diagnostics::{Alias, Category, FixKind, RuleMeta, Severity, Tool};

macro_rules! pss_rule {
    ($ident:ident, $code:literal, $name:literal, $id:literal, $sev:ident, $fix:ident, $summary:literal,
     [$($tool:ident : $alias:literal),*], $what:literal, $why:literal, $example:literal, $safety:literal) => {
        #[doc = $summary]
        pub static $ident: RuleMeta = RuleMeta {
            code: $code,
            name: $name,
            summary: $summary,
            severity: Severity::$sev,
            category: Category::Security,
            aliases: &[Alias::new(Tool::Pss, $id) $(, Alias::new(Tool::$tool, $alias))*],
            fix: FixKind::$fix,
            default_enabled: true,
            docs: concat!(
                "## What it does\n", $what,
                "\n\nPod Security Standards check `", $id, "`; it runs when the `--pss` level includes it at the chosen version.\n\n",
                "## Why is this bad?\n", $why, "\n\n",
                "## Example\n```yaml\n", $example, "```\n\n",
                "## Fix safety\n", $safety, "\n"
            ),
        };
    };
}

pss_rule!(HOST_NAMESPACES, "PSS001", "pss-host-namespaces", "hostNamespaces", High, Unsafe,
    "Pod shares the host's network, PID or IPC namespace",
    [Trivy: "KSV-0009", Trivy: "KSV-0010", Trivy: "KSV-0008", Checkov: "CKV_K8S_19", Checkov: "CKV_K8S_17", Checkov: "CKV_K8S_18",
     KubeLinter: "host-network", KubeLinter: "host-pid", KubeLinter: "host-ipc", Polaris: "hostNetworkSet", Polaris: "hostPIDSet", Polaris: "hostIPCSet",
     Kubesec: "HostNetwork", Kubesec: "HostPID", Kubesec: "HostIPC"],
    "Reports `hostNetwork`, `hostPID` or `hostIPC` set to `true` (baseline).",
    "A pod in the host's namespaces sees every process, socket and shared-memory segment of the node, can sniff traffic and signal host processes: the strongest isolation boundary is gone.",
    "spec:\n  hostNetwork: true   # flagged\n  containers:\n  - name: app\n    image: app:1.0\n",
    "Unsafe: the fix deletes the field, which changes how the pod reaches the network or sees processes.");

pss_rule!(PRIVILEGED, "PSS002", "pss-privileged", "privileged", Critical, Unsafe,
    "Container runs privileged",
    [Trivy: "KSV-0017", Checkov: "CKV_K8S_16", KubeLinter: "privileged-container", KubeScore: "container-security-context-privileged", Polaris: "runAsPrivileged", Kubesec: "Privileged"],
    "Reports `securityContext.privileged: true` on any container, init container or ephemeral container (baseline).",
    "A privileged container has every capability and every device of the host; escaping to the node is trivial.",
    "containers:\n- name: app\n  securityContext:\n    privileged: true   # flagged\n",
    "Unsafe: the fix sets `privileged: false`, which breaks workloads that really need device access.");

pss_rule!(CAPABILITIES_BASELINE, "PSS003", "pss-capabilities-baseline", "capabilities_baseline", High, None,
    "Container adds a capability outside the baseline set",
    [Trivy: "KSV-0022", Checkov: "CKV_K8S_25", Polaris: "dangerousCapabilities"],
    "Reports `capabilities.add` entries other than AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID and SYS_CHROOT (exact, case-sensitive, no `CAP_` prefix) (baseline).",
    "Capabilities such as SYS_ADMIN, NET_ADMIN or SYS_PTRACE give a container root-like power over the kernel and are the usual escape route.",
    "securityContext:\n  capabilities:\n    add: [\"SYS_ADMIN\"]   # flagged\n",
    "No automatic fix: removing a capability the program uses breaks it.");

pss_rule!(HOST_PATH_VOLUMES, "PSS004", "pss-host-path-volumes", "hostPathVolumes", High, None,
    "Pod mounts a hostPath volume",
    [Trivy: "KSV-0023", Polaris: "hostPathSet"],
    "Reports any volume with a `hostPath` source (baseline; the restricted level reports it through PSS013 instead).",
    "A hostPath volume exposes the node's file system to the pod: credentials, the container runtime socket, kubelet state.",
    "volumes:\n- name: host\n  hostPath:\n    path: /var/run/docker.sock   # flagged\n",
    "No automatic fix: the pod needs another way to get at its data.");

pss_rule!(HOST_PORTS, "PSS005", "pss-host-ports", "hostPorts", Medium, None,
    "Container binds a host port",
    [Trivy: "KSV-0024", Checkov: "CKV_K8S_26", Polaris: "hostPortSet"],
    "Reports `ports[].hostPort` set to anything but 0 (baseline).",
    "A host port bypasses Services and NetworkPolicies and ties the pod to one port per node.",
    "ports:\n- containerPort: 8080\n  hostPort: 8080   # flagged\n",
    "No automatic fix: clients that use the host port would lose it.");

pss_rule!(APPARMOR, "PSS006", "pss-apparmor-profile", "appArmorProfile", High, None,
    "AppArmor profile is unconfined or not allowed",
    [Trivy: "KSV-0002", Kubesec: "ApparmorAny"],
    "Reports `appArmorProfile.type` (pod or container) other than RuntimeDefault or Localhost, and `container.apparmor.security.beta.kubernetes.io/*` annotations other than empty, `runtime/default` or `localhost/*` (baseline).",
    "An unconfined AppArmor profile removes a mandatory access control layer that blocks many container escapes.",
    "securityContext:\n  appArmorProfile:\n    type: Unconfined   # flagged\n",
    "No automatic fix.");

pss_rule!(SELINUX, "PSS007", "pss-selinux-options", "seLinuxOptions", High, None,
    "SELinux type, user or role is not allowed",
    [Trivy: "KSV-0025"],
    "Reports `seLinuxOptions` (pod or container) whose `type` is not empty, container_t, container_init_t, container_kvm_t (or container_engine_t from v1.31), or that sets `user` or `role` (baseline).",
    "Custom SELinux users, roles and types can lift the confinement SELinux puts on containers.",
    "securityContext:\n  seLinuxOptions:\n    type: spc_t   # flagged\n",
    "No automatic fix.");

pss_rule!(PROC_MOUNT, "PSS008", "pss-proc-mount", "procMount", High, None,
    "Container unmasks /proc",
    [Trivy: "KSV-0027", KubeLinter: "unsafe-proc-mount", Polaris: "procMount"],
    "Reports `securityContext.procMount` other than `Default` (baseline; from v1.35 any value is allowed when `hostUsers: false`).",
    "An Unmasked /proc exposes kernel interfaces that the default masking hides from containers.",
    "securityContext:\n  procMount: Unmasked   # flagged\n",
    "No automatic fix.");

pss_rule!(SECCOMP_BASELINE, "PSS009", "pss-seccomp-baseline", "seccompProfile_baseline", High, None,
    "Seccomp profile explicitly unconfined",
    [Trivy: "KSV-0104", Kubesec: "SeccompUnconfined"],
    "Reports a seccomp profile explicitly set to something other than RuntimeDefault or Localhost: the `seccompProfile.type` fields from v1.19, the `seccomp.security.alpha.kubernetes.io` annotations before (baseline).",
    "Unconfined seccomp exposes every system call of the kernel, including the ones most container escapes use.",
    "securityContext:\n  seccompProfile:\n    type: Unconfined   # flagged\n",
    "No automatic fix for an explicit choice; PSS017 adds RuntimeDefault where nothing is set.");

pss_rule!(SYSCTLS, "PSS010", "pss-sysctls", "sysctls", High, None,
    "Pod sets an unsafe sysctl",
    [Trivy: "KSV-0026", KubeLinter: "unsafe-sysctls"],
    "Reports `securityContext.sysctls` names outside the safe set of the chosen version (baseline).",
    "Unsafe sysctls change node-wide kernel settings or are not namespaced, so one pod can affect every other pod of the node.",
    "securityContext:\n  sysctls:\n  - name: kernel.msgmax   # flagged\n    value: \"65536\"\n",
    "No automatic fix.");

pss_rule!(WINDOWS_HOST_PROCESS, "PSS011", "pss-windows-host-process", "windowsHostProcess", Critical, None,
    "Windows HostProcess container",
    [Trivy: "KSV-0103", Polaris: "hostProcess"],
    "Reports `windowsOptions.hostProcess: true` on the pod or a container (baseline).",
    "A HostProcess container runs directly on the Windows node with host privileges.",
    "securityContext:\n  windowsOptions:\n    hostProcess: true   # flagged\n",
    "No automatic fix.");

pss_rule!(
    HOST_PROBES,
    "PSS012",
    "pss-host-probes-and-lifecycle",
    "hostProbesAndHostLifecycle",
    Medium,
    None,
    "Probe or lifecycle handler targets another host",
    [],
    "Reports `host` set in the `httpGet` or `tcpSocket` of liveness, readiness and startup probes and of postStart/preStop hooks (baseline, from v1.34).",
    "The kubelet performs probes from the node: a probe host lets a pod make the node connect to arbitrary addresses (server-side request forgery).",
    "livenessProbe:\n  httpGet:\n    host: 169.254.169.254   # flagged\n    path: /\n    port: 80\n",
    "No automatic fix."
);

pss_rule!(RESTRICTED_VOLUMES, "PSS013", "pss-restricted-volumes", "restrictedVolumes", High, None,
    "Volume type not allowed by the restricted level",
    [Trivy: "KSV-0028"],
    "Reports volumes whose source is not configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected or secret (restricted).",
    "Host paths and node-attached network volumes (nfs, iscsi, rbd, ...) bypass the storage abstractions and may expose node or shared data.",
    "volumes:\n- name: data\n  nfs:   # flagged\n    server: nfs.example\n    path: /exports\n",
    "No automatic fix: moving to a PersistentVolumeClaim is a deployment decision.");

pss_rule!(ALLOW_PRIVILEGE_ESCALATION, "PSS014", "pss-allow-privilege-escalation", "allowPrivilegeEscalation", Medium, Safe,
    "Container may gain privileges (allowPrivilegeEscalation not false)",
    [Trivy: "KSV-0001", Checkov: "CKV_K8S_20", KubeLinter: "privilege-escalation-container", Polaris: "privilegeEscalationAllowed", Kubesec: "AllowPrivilegeEscalation"],
    "Reports containers that do not set `securityContext.allowPrivilegeEscalation: false` explicitly; unset counts as allowed (restricted, from v1.8; Windows pods exempt from v1.25).",
    "Without `no_new_privs`, setuid binaries and file capabilities let a process gain more privileges than it started with.",
    "containers:\n- name: app\n  image: app:1.0   # flagged: no securityContext.allowPrivilegeEscalation: false\n",
    "Safe: the fix adds `allowPrivilegeEscalation: false`; only setuid programs (sudo, ping without capabilities) stop gaining privileges, which is the point.");

pss_rule!(RUN_AS_NON_ROOT, "PSS015", "pss-run-as-non-root", "runAsNonRoot", Medium, Unsafe,
    "Container may run as root (runAsNonRoot not true)",
    [Trivy: "KSV-0012", Checkov: "CKV_K8S_23", KubeLinter: "run-as-non-root", Polaris: "runAsRootAllowed", Kubesec: "RunAsNonRoot"],
    "Reports a pod or container that sets `runAsNonRoot: false`, and containers that do not set it while the pod does not set it to true (restricted). `runAsUser` other than 0 does not satisfy this check.",
    "A process running as UID 0 in the container is root on the host once any isolation layer fails.",
    "spec:\n  containers:\n  - name: app   # flagged: neither the pod nor the container sets runAsNonRoot: true\n    image: app:1.0\n",
    "Unsafe: the fix sets `runAsNonRoot: true` and a fixed `runAsUser` at pod level; an image that needs root then fails to start.");

pss_rule!(RUN_AS_USER, "PSS016", "pss-run-as-user", "runAsUser", Medium, Unsafe,
    "Pod or container runs as UID 0",
    [Trivy: "KSV-0105", KubeLinter: "run-as-non-root", Polaris: "runAsRootAllowed"],
    "Reports `runAsUser: 0` on the pod or a container (restricted, from v1.23; relaxed with `hostUsers: false` from v1.35).",
    "UID 0 is root.",
    "securityContext:\n  runAsUser: 0   # flagged\n",
    "Unsafe: the fix changes the UID to 10001; files owned by root become unwritable.");

pss_rule!(SECCOMP_RESTRICTED, "PSS017", "pss-seccomp-restricted", "seccompProfile_restricted", Medium, Safe,
    "Seccomp profile not set to RuntimeDefault or Localhost",
    [Trivy: "KSV-0030", Checkov: "CKV_K8S_31", KubeScore: "container-seccomp-profile", Polaris: "linuxHardening", Kubesec: "SeccompAny"],
    "Reports containers whose effective seccomp profile (their own, else the pod's when valid) is not RuntimeDefault or Localhost (restricted, from v1.19; Windows pods exempt from v1.25).",
    "Kubernetes runs containers unconfined by default; the runtime's default profile blocks the rarely used system calls that most kernel exploits need.",
    "spec:\n  containers:\n  - name: app   # flagged: no seccompProfile on the pod or the container\n    image: app:1.0\n",
    "Safe: the fix sets `seccompProfile: {type: RuntimeDefault}` at pod level; the runtime default profile allows every system call ordinary programs make.");

pss_rule!(CAPABILITIES_RESTRICTED, "PSS018", "pss-capabilities-restricted", "capabilities_restricted", Medium, Unsafe,
    "Container does not drop ALL capabilities, or adds one other than NET_BIND_SERVICE",
    [Trivy: "KSV-0003", Trivy: "KSV-0106", Checkov: "CKV_K8S_37", Polaris: "insecureCapabilities", Kubesec: "CapDropAll"],
    "Reports containers whose `capabilities.drop` does not contain `ALL`, and `capabilities.add` entries other than NET_BIND_SERVICE (restricted, from v1.22; Windows pods exempt from v1.25).",
    "The default capability set (CHOWN, DAC_OVERRIDE, NET_RAW, SETUID...) is far more than most programs need and widens every exploit.",
    "containers:\n- name: app   # flagged: capabilities.drop lacks ALL\n  image: app:1.0\n",
    "Unsafe: the fix adds `capabilities: {drop: [ALL]}`; a program that relies on a default capability (binding port 80 as root, chown) stops working.");

pss_rule!(PROC_MOUNT_RESTRICTED, "PSS019", "pss-proc-mount-restricted", "procMount_restricted", High, None,
    "Container unmasks /proc (restricted, no user-namespace relaxation)",
    [Trivy: "KSV-0027"],
    "Reports `securityContext.procMount` other than `Default`, even with `hostUsers: false` (restricted, from v1.35, replacing PSS008).",
    "See PSS008; the restricted level does not relax it for user-namespaced pods.",
    "securityContext:\n  procMount: Unmasked   # flagged\n",
    "No automatic fix.");

/// The PSS rules in [`super::Check`] order.
pub static PSS_RULES: [&RuleMeta; 19] = [
    &HOST_NAMESPACES,
    &PRIVILEGED,
    &CAPABILITIES_BASELINE,
    &HOST_PATH_VOLUMES,
    &HOST_PORTS,
    &APPARMOR,
    &SELINUX,
    &PROC_MOUNT,
    &SECCOMP_BASELINE,
    &SYSCTLS,
    &WINDOWS_HOST_PROCESS,
    &HOST_PROBES,
    &RESTRICTED_VOLUMES,
    &ALLOW_PRIVILEGE_ESCALATION,
    &RUN_AS_NON_ROOT,
    &RUN_AS_USER,
    &SECCOMP_RESTRICTED,
    &CAPABILITIES_RESTRICTED,
    &PROC_MOUNT_RESTRICTED,
];
