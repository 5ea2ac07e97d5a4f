//! Hardening rules beyond the Pod Security Standards (KS001..; `K8S` is not a valid code shape for the registry: letters then digits): rows K21 onward of the
//! Kubernetes check catalogue, each with its Trivy, Checkov, kube-linter, kube-score, Polaris
//! and kubesec aliases.
//!
//! Owns: the rule metadata and the per-pod ([`check_pod`]) and per-object ([`check_object`])
//! checks. Cross-object rules are in [`crate::crossobj`]; fixes in [`crate::fix`].

use crate::engine::Ctx;
use crate::fix;
use crate::workload::{self, Container, ContainerKind, PodSpec};
use bulkhead_diagnostics::{Alias, Category, FixKind, RuleMeta, Severity, Tool};
use serde_json::{Map, Value};

macro_rules! rule {
    ($ident:ident, $code:literal, $name:literal, $sev:ident, $cat:ident, $fix:ident, $on:literal, $summary:literal,
     [$($tool:ident : $alias:literal),*], $what:literal, $why:literal, $example:literal, $safety:literal) => {
        #[doc = $summary]
        pub static $ident: RuleMeta = RuleMeta {
            code: $code,
            name: $name,
            summary: $summary,
            severity: Severity::$sev,
            category: Category::$cat,
            aliases: &[$(Alias::new(Tool::$tool, $alias)),*],
            fix: FixKind::$fix,
            default_enabled: $on,
            docs: concat!(
                "## What it does\n", $what, "\n\n",
                "## Why is this bad?\n", $why, "\n\n",
                "## Example\n```yaml\n", $example, "```\n\n",
                "## Fix safety\n", $safety, "\n"
            ),
        };
    };
}

rule!(READ_ONLY_ROOT_FS, "KS001", "read-only-root-filesystem", Medium, Security, Unsafe, true,
    "Container root filesystem is writable",
    [Trivy: "KSV-0014", Checkov: "CKV_K8S_22", KubeLinter: "no-read-only-root-fs", KubeScore: "container-security-context-readonlyrootfilesystem", Polaris: "notReadOnlyRootFilesystem", Kubesec: "ReadOnlyRootFilesystem"],
    "Reports containers whose `securityContext.readOnlyRootFilesystem` is not `true`.",
    "A writable root filesystem lets an attacker drop tools and modify binaries, and hides state in the container image layer instead of declared volumes.",
    "containers:\n- name: app\n  image: app:1.0   # flagged: no readOnlyRootFilesystem: true\n",
    "Unsafe: the fix sets `readOnlyRootFilesystem: true` and mounts a writable `emptyDir` at `/tmp`; a program that writes elsewhere (caches, PID files) then fails until it gets its own volume.");

rule!(LOW_UID, "KS002", "run-as-user-low-uid", Low, Security, None, false,
    "Container runs with a UID at or below 10000",
    [Trivy: "KSV-0020", Checkov: "CKV_K8S_40", KubeScore: "container-security-context-user-group-id", Kubesec: "RunAsUser"],
    "Reports an effective `runAsUser` (container, else pod) of 10000 or less, or none at all. Off by default: an opinion of kube-score and Trivy.",
    "Low UIDs collide with host users; should the container escape, it acts as that host user.",
    "securityContext:\n  runAsUser: 1000   # flagged\n",
    "No automatic fix.");

rule!(LOW_GID, "KS003", "run-as-group-low-gid", Low, Security, None, false,
    "Container runs with a GID at or below 10000",
    [Trivy: "KSV-0021", KubeScore: "container-security-context-user-group-id", Kubesec: "RunAsGroup"],
    "Reports an effective `runAsGroup` of 10000 or less, or none. Off by default.",
    "Low GIDs collide with host groups.",
    "securityContext:\n  runAsGroup: 100   # flagged\n",
    "No automatic fix.");

rule!(ROOT_GROUP, "KS004", "root-group", Medium, Security, None, true,
    "Pod or container uses the root group (GID 0)",
    [Trivy: "KSV-0116", KubeLinter: "run-as-non-root"],
    "Reports `runAsGroup: 0`, `fsGroup: 0` or `supplementalGroups` containing 0.",
    "Files owned by group root on the host and in volumes become writable by the container.",
    "securityContext:\n  fsGroup: 0   # flagged\n",
    "No automatic fix.");

rule!(CAP_SYS_ADMIN, "KS005", "capability-sys-admin", High, Security, None, true,
    "Container adds SYS_ADMIN",
    [Trivy: "KSV-0005", Checkov: "CKV_K8S_39", Polaris: "dangerousCapabilities", Kubesec: "CapSysAdmin"],
    "Reports `capabilities.add` containing `SYS_ADMIN` (or `CAP_SYS_ADMIN`, `ALL`).",
    "SYS_ADMIN is close to full root: mounts, namespaces, BPF, and most known container escapes.",
    "securityContext:\n  capabilities:\n    add: [SYS_ADMIN]   # flagged\n",
    "No automatic fix.");

rule!(CAP_NET_RAW, "KS006", "capability-net-raw", Medium, Security, Unsafe, true,
    "Container keeps NET_RAW",
    [Trivy: "KSV-0119", Checkov: "CKV_K8S_28", KubeLinter: "drop-net-raw-capability", Polaris: "insecureCapabilities"],
    "Reports containers that add NET_RAW, or that drop neither ALL nor NET_RAW.",
    "NET_RAW allows crafting packets: ARP and DNS spoofing of neighbouring pods.",
    "containers:\n- name: app   # flagged: NET_RAW not dropped\n  image: app:1.0\n",
    "Unsafe: the fix drops ALL capabilities (see PSS018); `ping` without file capabilities stops working.");

rule!(CAP_SYS_MODULE, "KS007", "capability-sys-module", High, Security, None, true,
    "Container adds SYS_MODULE",
    [Trivy: "KSV-0120"],
    "Reports `capabilities.add` containing `SYS_MODULE`.",
    "Loading kernel modules is arbitrary kernel code execution.",
    "securityContext:\n  capabilities:\n    add: [SYS_MODULE]   # flagged\n",
    "No automatic fix.");

rule!(NO_CAPS_DROPPED, "KS008", "no-capabilities-dropped", Low, Security, Unsafe, true,
    "Container drops no capability at all",
    [Trivy: "KSV-0004", Kubesec: "CapDropAny"],
    "Reports containers whose `capabilities.drop` is missing or empty.",
    "Every default capability stays available to an attacker.",
    "containers:\n- name: app   # flagged\n  image: app:1.0\n",
    "Unsafe: the fix drops ALL (see PSS018).");

rule!(RUNTIME_SOCKET, "KS009", "container-runtime-socket", Critical, Security, None, true,
    "hostPath mounts the container runtime socket",
    [Trivy: "KSV-0006", Checkov: "CKV_K8S_27", KubeLinter: "docker-sock", Kubesec: "DockerSock"],
    "Reports hostPath volumes whose path is a container runtime socket (`docker.sock`, `containerd.sock`, `crio.sock`, `cri-dockerd.sock`) or its directory.",
    "Whoever talks to the runtime socket can start a privileged container on the node: it is root on the node.",
    "volumes:\n- name: docker\n  hostPath:\n    path: /var/run/docker.sock   # flagged\n",
    "No automatic fix.");

rule!(SENSITIVE_HOST_PATH, "KS010", "sensitive-host-path", High, Security, None, true,
    "hostPath mounts a sensitive host directory",
    [Trivy: "KSV-0121", KubeLinter: "sensitive-host-mounts"],
    "Reports hostPath volumes of `/`, `/etc`, `/proc`, `/sys`, `/dev`, `/boot`, `/root`, `/home`, `/var/run`, `/run`, `/var/lib/kubelet`, `/var/lib/docker`, `/var/lib/containerd`, `/usr`, `/lib`, `/bin`, `/sbin` or below them.",
    "These directories hold node credentials, kernel interfaces and binaries: reading them leaks secrets, writing them owns the node.",
    "volumes:\n- name: etc\n  hostPath:\n    path: /etc   # flagged\n",
    "No automatic fix.");

rule!(WRITABLE_HOST_PATH, "KS011", "writable-host-path", Medium, Security, Unsafe, true,
    "hostPath volume mounted writable",
    [KubeLinter: "writable-host-mount"],
    "Reports volumeMounts of hostPath volumes without `readOnly: true`.",
    "A writable host mount lets the container change the node's files.",
    "volumeMounts:\n- name: logs\n  mountPath: /host/logs   # flagged: no readOnly: true\n",
    "Unsafe: the fix adds `readOnly: true`; an agent that writes to the host path stops working.");

rule!(NO_SECURITY_CONTEXT, "KS012", "no-security-context", Medium, Security, Unsafe, true,
    "Neither the pod nor the container has a securityContext",
    [Trivy: "KSV-0118", Checkov: "CKV_K8S_29", Checkov: "CKV_K8S_30"],
    "Reports containers without a `securityContext` in pods without one either.",
    "Every security setting is left at the runtime's permissive default.",
    "spec:\n  containers:\n  - name: app   # flagged\n    image: app:1.0\n",
    "Unsafe: the fix writes the hardened pod securityContext (see PSS015).");

rule!(AUTOMOUNT_SA_TOKEN, "KS013", "automount-service-account-token", Low, Security, Unsafe, true,
    "Service account token mounted automatically",
    [Trivy: "KSV-0036", Checkov: "CKV_K8S_38", Polaris: "automountServiceAccountToken", Kubesec: "AutomountServiceAccountToken"],
    "Reports pod specs that do not set `automountServiceAccountToken: false`, and ServiceAccounts that do not either.",
    "Most applications never call the Kubernetes API; a mounted token only helps an attacker who gets code execution.",
    "spec:\n  containers:   # flagged: no automountServiceAccountToken: false\n  - name: app\n    image: app:1.0\n",
    "Unsafe: the fix sets `automountServiceAccountToken: false` on the pod spec; a workload that talks to the API server loses its credentials.");

rule!(DEFAULT_SA, "KS014", "default-service-account", Low, Security, None, true,
    "Pod uses the default ServiceAccount",
    [Checkov: "CKV_K8S_41", Checkov: "CKV_K8S_42", KubeLinter: "default-service-account", Kubesec: "ServiceAccountName"],
    "Reports pod specs without `serviceAccountName`, or with `default`, that also mount the token.",
    "Permissions granted to `default` for one workload leak to every workload of the namespace.",
    "spec:\n  serviceAccountName: default   # flagged\n",
    "No automatic fix: create a dedicated ServiceAccount.");

rule!(DEPRECATED_SA_FIELD, "KS015", "deprecated-service-account-field", Low, Reliability, Safe, true,
    "Pod spec uses the deprecated `serviceAccount` field",
    [KubeLinter: "deprecated-service-account-field"],
    "Reports `serviceAccount` (deprecated alias) without `serviceAccountName`.",
    "The field is deprecated and ignored when `serviceAccountName` is set, which misleads readers.",
    "spec:\n  serviceAccount: app   # flagged\n",
    "Safe: the fix renames the key to `serviceAccountName`, with the same meaning.");

rule!(SA_NOT_FOUND, "KS016", "service-account-not-found", Medium, Reliability, None, true,
    "ServiceAccount referenced but not defined in the input",
    [KubeLinter: "non-existent-service-account"],
    "Cross-object: reports a `serviceAccountName` that names no ServiceAccount of the same namespace in the checked files, when the workload's directory defines ServiceAccounts (so accounts managed elsewhere are not reported).",
    "The pod will not be created (the admission controller rejects it) until the account exists.",
    "spec:\n  serviceAccountName: aap   # flagged: the input defines `app`\n",
    "No automatic fix.");

rule!(HOST_USERS, "KS017", "host-users", Info, Security, None, false,
    "Pod does not use a user namespace (hostUsers: false)",
    [Kubesec: "HostUsers"],
    "Reports pod specs without `hostUsers: false`. Advisory, off by default: needs Kubernetes 1.33+ and a supporting runtime.",
    "With a user namespace, root in the container is an unprivileged user on the node.",
    "spec:\n  containers: []   # flagged: no hostUsers: false\n",
    "No automatic fix.");

rule!(HOST_ALIASES, "KS018", "host-aliases", Low, Security, None, true,
    "Pod manages /etc/hosts through hostAliases",
    [Trivy: "KSV-0007", Kubesec: "HostAliases"],
    "Reports `hostAliases`.",
    "Overriding name resolution inside the pod hides where traffic really goes and can redirect it.",
    "spec:\n  hostAliases:   # flagged\n  - ip: 10.0.0.1\n    hostnames: [api.example]\n",
    "No automatic fix.");

rule!(PRIVILEGED_PORT, "KS019", "privileged-port", Low, Security, None, true,
    "Container listens on a port below 1024",
    [Trivy: "KSV-0117", KubeLinter: "privileged-ports"],
    "Reports `containerPort` values below 1024.",
    "Binding them needs root or NET_BIND_SERVICE, which a hardened container should not have.",
    "ports:\n- containerPort: 80   # flagged\n",
    "No automatic fix: the program's listen port must change too.");

rule!(SSH_PORT, "KS020", "ssh-port", Low, Security, None, true,
    "Container exposes port 22",
    [KubeLinter: "ssh-port"],
    "Reports `containerPort: 22`.",
    "An SSH server in a container is a second way in that bypasses the orchestrator's access control and audit.",
    "ports:\n- containerPort: 22   # flagged\n",
    "No automatic fix.");

rule!(IMAGE_TAG, "KS021", "image-tag-latest", Medium, SupplyChain, None, true,
    "Image has no tag or uses `latest`",
    [Trivy: "KSV-0013", Checkov: "CKV_K8S_14", KubeLinter: "latest-tag", KubeScore: "container-image-tag", Polaris: "tagNotSpecified"],
    "Reports images without a tag or digest, or tagged `latest`.",
    "A moving tag deploys whatever was pushed last: rollbacks and audits cannot tell what ran.",
    "containers:\n- name: app\n  image: nginx   # flagged\n",
    "No automatic fix: pick the version you tested.");

rule!(IMAGE_DIGEST, "KS022", "image-not-pinned-by-digest", Low, SupplyChain, None, false,
    "Image not pinned by digest",
    [Checkov: "CKV_K8S_43"],
    "Reports images without `@sha256:...`. Off by default.",
    "Tags are mutable: the same tag can point to different content tomorrow.",
    "image: nginx:1.27   # flagged\n",
    "No automatic fix (resolving a digest needs the registry).");

rule!(IMAGE_REGISTRY, "KS023", "image-registry-not-allowed", Medium, SupplyChain, None, true,
    "Image comes from a registry outside the allow-list",
    [Trivy: "KSV-0125"],
    "Reports images whose registry is not in the configured `allowed_registries` (the rule does nothing when that list is empty).",
    "Images from unvetted registries bypass scanning and signing policies.",
    "image: randomhub.example/app:1.0   # flagged when only registry.example.com is allowed\n",
    "No automatic fix.");

rule!(PULL_POLICY, "KS024", "image-pull-policy-not-always", Info, Reliability, None, false,
    "imagePullPolicy is not Always",
    [Checkov: "CKV_K8S_15", KubeScore: "container-image-pull-policy", Polaris: "pullPolicyNotAlways"],
    "Reports containers whose `imagePullPolicy` is not `Always`. Off by default: with digest pinning it is moot.",
    "With IfNotPresent a node may run a stale image for a mutable tag, and private images cached on a node are usable by pods without pull credentials.",
    "imagePullPolicy: IfNotPresent   # flagged\n",
    "No automatic fix.");

rule!(SECRET_IN_ENV, "KS025", "secret-in-env", Low, Secrets, None, true,
    "Secret consumed through an environment variable",
    [Checkov: "CKV_K8S_35", KubeLinter: "read-secret-from-env-var", Kubesec: "SecretsAsEnvironmentVariables"],
    "Reports `env[].valueFrom.secretKeyRef` and `envFrom[].secretRef`.",
    "Environment variables leak into child processes, crash dumps, `/proc/*/environ` and debug endpoints; mounted files do not.",
    "env:\n- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef: {name: db, key: password}   # flagged\n",
    "No automatic fix: the program must read a file instead.");

rule!(SECRET_LITERAL, "KS026", "env-secret-literal", High, Secrets, None, true,
    "Literal secret in an environment variable",
    [KubeLinter: "env-var-secret", Polaris: "sensitiveContainerEnvVar"],
    "Reports `env[].value` literals whose name looks secret (`*PASSWORD*`, `*PASSWD*`, `*SECRET*`, `*TOKEN*`, `*API_KEY*`, `*PRIVATE_KEY*`, `*ACCESS_KEY*`).",
    "The secret is in plain text in the manifest, in version control and in every copy of the object.",
    "env:\n- name: DB_PASSWORD\n  value: hunter2   # flagged\n",
    "No automatic fix: move it to a Secret.");

rule!(DUPLICATE_ENV, "KS027", "duplicate-env", Medium, Reliability, None, true,
    "Environment variable defined twice",
    [KubeLinter: "duplicate-env-var", KubeScore: "environment-variable-key-duplication"],
    "Reports a container `env` name that appears more than once.",
    "Only the last definition takes effect; the other is dead configuration that someone will edit in vain.",
    "env:\n- {name: MODE, value: a}\n- {name: MODE, value: b}   # flagged\n",
    "No automatic fix.");

rule!(DEFAULT_NAMESPACE, "KS028", "default-namespace", Low, Security, None, false,
    "Object in the default namespace",
    [Trivy: "KSV-0110", Checkov: "CKV_K8S_21", KubeLinter: "use-namespace"],
    "Reports namespaced workloads with `namespace: default`. Off by default: most manifests leave the namespace to `kubectl -n`.",
    "The default namespace mixes unrelated workloads under the same policies and permissions.",
    "metadata:\n  namespace: default   # flagged\n",
    "No automatic fix.");

rule!(CPU_REQUEST, "KS029", "cpu-request-missing", Low, Reliability, None, true,
    "Container has no CPU request",
    [Trivy: "KSV-0015", Checkov: "CKV_K8S_10", KubeLinter: "unset-cpu-requirements", KubeScore: "container-resources", Polaris: "cpuRequestsMissing", Kubesec: "RequestsCPU"],
    "Reports containers without `resources.requests.cpu`.",
    "The scheduler cannot place the pod sensibly, and under contention it gets the smallest share.",
    "containers:\n- name: app   # flagged\n  image: app:1.0\n",
    "No automatic fix: only you know the figure.");

rule!(CPU_LIMIT, "KS030", "cpu-limit-missing", Info, Reliability, None, false,
    "Container has no CPU limit",
    [Trivy: "KSV-0011", Checkov: "CKV_K8S_11", KubeScore: "container-resources", Polaris: "cpuLimitsMissing", Kubesec: "LimitsCPU"],
    "Reports containers without `resources.limits.cpu`. Off by default: many teams deliberately avoid CPU limits (throttling).",
    "One busy container can starve its neighbours.",
    "resources:\n  requests: {cpu: 100m}   # flagged: no limits.cpu\n",
    "No automatic fix.");

rule!(MEMORY, "KS031", "memory-requirements-missing", Low, Reliability, None, true,
    "Container has no memory request or limit",
    [Trivy: "KSV-0016", Trivy: "KSV-0018", Checkov: "CKV_K8S_12", Checkov: "CKV_K8S_13", KubeLinter: "unset-memory-requirements", KubeScore: "container-resources", Polaris: "memoryRequestsMissing", Polaris: "memoryLimitsMissing", Kubesec: "RequestsMemory", Kubesec: "LimitsMemory"],
    "Reports containers without `resources.requests.memory` or `resources.limits.memory`.",
    "A memory leak in one container gets the node's other pods OOM-killed; without a request the scheduler overcommits.",
    "resources:\n  requests: {memory: 64Mi}   # flagged: no limits.memory\n",
    "No automatic fix.");

rule!(EPHEMERAL_STORAGE, "KS032", "ephemeral-storage-missing", Info, Reliability, None, false,
    "Container has no ephemeral-storage request or limit",
    [KubeScore: "container-ephemeral-storage-request-and-limit"],
    "Reports containers without `ephemeral-storage` request and limit. Off by default.",
    "A container that fills its writable layer or emptyDir gets the node evicting unrelated pods.",
    "resources: {}   # flagged\n",
    "No automatic fix.");

rule!(LIVENESS, "KS033", "liveness-probe-missing", Low, Reliability, None, true,
    "Container has no liveness probe",
    [Checkov: "CKV_K8S_8", KubeLinter: "no-liveness-probe", KubeScore: "pod-probes", Polaris: "livenessProbeMissing"],
    "Reports regular containers of long-running workloads (not Jobs, CronJobs, init or ephemeral containers) without `livenessProbe`.",
    "A hung process is never restarted.",
    "containers:\n- name: app   # flagged\n  image: app:1.0\n",
    "No automatic fix.");

rule!(READINESS, "KS034", "readiness-probe-missing", Low, Reliability, None, true,
    "Container has no readiness probe",
    [Checkov: "CKV_K8S_9", KubeLinter: "no-readiness-probe", KubeScore: "pod-probes", Polaris: "readinessProbeMissing"],
    "Reports regular containers of long-running workloads without `readinessProbe`.",
    "Traffic reaches the pod before it can serve, and during rollouts requests fail.",
    "containers:\n- name: app   # flagged\n  image: app:1.0\n",
    "No automatic fix.");

rule!(IDENTICAL_PROBES, "KS035", "identical-probes", Low, Reliability, None, true,
    "Liveness and readiness probes are identical",
    [KubeScore: "pod-probes-identical"],
    "Reports containers whose liveness and readiness probes are the same.",
    "A temporary overload makes the pod unready *and* restarts it, turning a slowdown into an outage.",
    "livenessProbe: {httpGet: {path: /healthz, port: 8080}}\nreadinessProbe: {httpGet: {path: /healthz, port: 8080}}   # flagged\n",
    "No automatic fix.");

rule!(SERVICE_SELECTS_NOTHING, "KS036", "service-selects-nothing", Medium, Reliability, None, true,
    "Service selector matches no pod template",
    [KubeLinter: "dangling-service", KubeScore: "service-targets-pod"],
    "Cross-object: reports a Service whose selector matches the pod template labels of no workload of the same namespace in the checked files, when the Service's directory defines workloads of that namespace and no custom resources (which may create pods from templates Bulkhead cannot see). Labels controllers add to pods (`job-name`, `statefulset.kubernetes.io/pod-name`, `pod-template-hash`...) are ignored.",
    "The Service has no endpoints: a typo in a label silently blackholes traffic.",
    "kind: Service\nspec:\n  selector: {app: frontnd}   # flagged: the Deployment is labelled app: frontend\n",
    "No automatic fix.");

rule!(SINGLE_REPLICA, "KS037", "single-replica", Info, Reliability, None, false,
    "Deployment or StatefulSet runs a single replica",
    [KubeLinter: "minimum-three-replicas", KubeScore: "deployment-replicas", Polaris: "deploymentMissingReplicas"],
    "Reports `replicas` below 2, or no `replicas` at all (the default is 1). Off by default; a workload scaled by a HorizontalPodAutoscaler legitimately omits `replicas`: suppress it there.",
    "A single replica is down during every node drain and rollout.",
    "spec:\n  replicas: 1   # flagged\n",
    "No automatic fix.");

rule!(DEPRECATED_API, "KS038", "deprecated-api-version", Medium, Reliability, None, true,
    "apiVersion removed from current Kubernetes",
    [Trivy: "KSV-0107", KubeLinter: "no-extensions-v1beta", KubeScore: "stable-version"],
    "Reports apiVersion/kind pairs removed from Kubernetes (extensions/v1beta1, apps/v1beta1 and v1beta2, batch/v1beta1 CronJob, policy/v1beta1, networking.k8s.io/v1beta1 Ingress, rbac v1beta1, autoscaling v2beta1/v2beta2, ...), with the release that removed them and the replacement.",
    "The API server rejects them: the manifest cannot be applied to a current cluster.",
    "apiVersion: extensions/v1beta1   # flagged: use apps/v1\nkind: Deployment\n",
    "No automatic fix: the newer versions differ in required fields (e.g. `selector`).");

rule!(EXPOSED_SERVICE, "KS039", "exposed-service", Low, Network, None, true,
    "Service exposed outside the cluster (NodePort, LoadBalancer, externalIPs)",
    [Trivy: "KSV-0108", KubeLinter: "exposed-services", KubeScore: "service-type"],
    "Reports Services of type NodePort or LoadBalancer, and Services with `externalIPs` (CVE-2020-8554).",
    "Every node (or a cloud load balancer) accepts traffic for the service, bypassing ingress controls.",
    "kind: Service\nspec:\n  type: NodePort   # flagged\n",
    "No automatic fix.");

rule!(RBAC_WILDCARD, "KS040", "rbac-wildcard", High, Security, None, true,
    "RBAC rule grants wildcard verbs or resources",
    [Trivy: "KSV-0044", Trivy: "KSV-0045", Trivy: "KSV-0046", Checkov: "CKV_K8S_49", KubeLinter: "wildcard-in-rules"],
    "Reports Role and ClusterRole rules with `*` in `verbs`, `resources` or `apiGroups`.",
    "Wildcards grant everything, including resources and verbs added in future releases.",
    "rules:\n- apiGroups: [\"\"]\n  resources: [\"*\"]   # flagged\n  verbs: [get]\n",
    "No automatic fix.");

rule!(RBAC_SECRETS, "KS041", "rbac-read-secrets", Medium, Security, None, true,
    "RBAC rule can read Secrets",
    [Trivy: "KSV-0041", KubeLinter: "access-to-secrets"],
    "Reports rules granting get, list or watch on `secrets`.",
    "Reading Secrets yields every credential of the namespace (or the cluster for a ClusterRole), including service-account tokens.",
    "rules:\n- resources: [secrets]\n  verbs: [list]   # flagged\n",
    "No automatic fix.");

rule!(RBAC_EXEC, "KS042", "rbac-pod-exec", Medium, Security, None, true,
    "RBAC rule allows exec or attach into pods, or creating pods",
    [Trivy: "KSV-0053", Trivy: "KSV-0048", KubeLinter: "access-to-create-pods"],
    "Reports rules granting `create` (or `get`) on `pods/exec`, `pods/attach`, or `create` on pods and workload resources.",
    "Exec is a shell in every matching pod; creating pods lets one mount any ServiceAccount of the namespace.",
    "rules:\n- resources: [pods/exec]\n  verbs: [create]   # flagged\n",
    "No automatic fix.");

rule!(RBAC_ESCALATE, "KS043", "rbac-escalation-verbs", High, Security, None, true,
    "RBAC rule grants bind, escalate or impersonate",
    [Trivy: "KSV-0043", Trivy: "KSV-0056"],
    "Reports rules with the verbs `bind`, `escalate` or `impersonate`.",
    "These verbs exist to bypass RBAC's privilege-escalation prevention.",
    "rules:\n- resources: [clusterroles]\n  verbs: [escalate]   # flagged\n",
    "No automatic fix.");

rule!(CLUSTER_ADMIN_BINDING, "KS044", "cluster-admin-binding", High, Security, None, true,
    "Binding grants cluster-admin",
    [Trivy: "KSV-0111", KubeLinter: "cluster-admin-role-binding"],
    "Reports RoleBindings and ClusterRoleBindings whose roleRef is the `cluster-admin` ClusterRole.",
    "cluster-admin can do anything to anything.",
    "roleRef:\n  kind: ClusterRole\n  name: cluster-admin   # flagged\n",
    "No automatic fix.");

rule!(BINDING_PUBLIC_SUBJECT, "KS045", "binding-to-public-group", Critical, Security, None, true,
    "Binding grants a role to anonymous, all authenticated users or system:masters",
    [Trivy: "KSV-0122", Trivy: "KSV-0123"],
    "Reports bindings whose subjects include `system:anonymous`, `system:unauthenticated`, `system:authenticated` or `system:masters`.",
    "The role is given to anyone who can reach the API server (or to a group that bypasses RBAC).",
    "subjects:\n- kind: Group\n  name: system:unauthenticated   # flagged\n",
    "No automatic fix.");

rule!(CONFIGMAP_SECRET, "KS046", "configmap-holds-secret", High, Security, None, true,
    "ConfigMap holds a secret",
    [Trivy: "KSV-0109", Trivy: "KSV-01010", Polaris: "sensitiveConfigmapContent"],
    "Reports ConfigMap `data` and `binaryData` keys named like a secret (`password`, `passwd`, `secret`, `token`, `api_key`/`apiKey`, `private_key`, `access_key`, `credentials`...) with a non-empty value that is not a number, flag, path or template reference, and `data` values holding a PEM private key (`-----BEGIN ... PRIVATE KEY-----`) or an AWS access key id (`AKIA` and 16 more characters). Keys that are settings about a secret (`password_file`, `token_ttl`, `secret_name`...) are not reported. The finding is on the key's line; the value is never echoed.",
    "ConfigMaps are not meant for secrets: they are not encrypted at rest by the API server's encryption config for Secrets, RBAC usually grants reading them widely, and they end up in logs, `kubectl describe` output and Git.",
    "kind: ConfigMap\ndata:\n  db_password: hunter2   # flagged: use a Secret\n  log_level: info\n",
    "No automatic fix: move the value to a Secret and reference it with `secretKeyRef` or a secret volume.");

rule!(PDB_BLOCKS_EVICTIONS, "KS047", "pdb-blocks-evictions", Medium, Reliability, None, true,
    "PodDisruptionBudget allows no voluntary disruption",
    [KubeLinter: "pdb-max-unavailable", KubeLinter: "pdb-min-available", Polaris: "pdbDisruptionsIsZero"],
    "Reports PodDisruptionBudgets with `maxUnavailable: 0` (or `0%`) or `minAvailable: 100%`.",
    "Such a budget never allows an eviction: node drains, cluster upgrades and autoscaler scale-downs hang on its pods until someone deletes the budget by hand.",
    "kind: PodDisruptionBudget\nspec:\n  maxUnavailable: 0   # flagged: use 1 (or a percentage)\n",
    "No automatic fix: the right budget depends on the replica count.");

rule!(NO_PDB, "KS048", "missing-pod-disruption-budget", Low, Reliability, None, false,
    "Multi-replica Deployment or StatefulSet has no PodDisruptionBudget",
    [KubeScore: "deployment-has-poddisruptionbudget", KubeScore: "statefulset-has-poddisruptionbudget", Polaris: "missingPodDisruptionBudget"],
    "Reports Deployments and StatefulSets with `replicas` of 2 or more when no PodDisruptionBudget of the checked files (same namespace) selects their pod template. Cross-object; off by default, since budgets are often managed apart from the workloads.",
    "Without a budget, a node drain or cluster upgrade may evict every replica at once, turning planned maintenance into an outage.",
    "kind: Deployment\nspec:\n  replicas: 3   # flagged: no PodDisruptionBudget selects app=web\n  template:\n    metadata:\n      labels: {app: web}\n",
    "No automatic fix: add a PodDisruptionBudget (e.g. `maxUnavailable: 1`) selecting the pods.");

rule!(INGRESS_BACKEND_NOT_FOUND, "KS049", "ingress-backend-not-found", Medium, Reliability, None, true,
    "Ingress routes to a Service not defined in the input",
    [KubeLinter: "dangling-ingress", KubeScore: "ingress-targets-service"],
    "Cross-object: reports an Ingress backend (`spec.defaultBackend.service.name`, `spec.rules[].http.paths[].backend.service.name`, and the old `backend.serviceName` of extensions/v1beta1 and networking.k8s.io/v1beta1) that names no Service of the Ingress's namespace in the checked files. To stay quiet on partial inputs (a Helm chart fragment, a kustomize base whose Services live in another directory) it speaks only when the Ingress's directory defines Services of that namespace and no custom resources (operators create Services Bulkhead cannot see); templated names (`$SVC`, `<svc>`) and `resource` backends are not looked up.",
    "Requests for that host and path get a 503 from the ingress controller: a typo in a Service name silently takes the route down.",
    "kind: Ingress\nspec:\n  rules:\n  - http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: frontnd   # flagged: the input defines Service `frontend`\n            port: {number: 80}\n",
    "No automatic fix.");

rule!(HPA_TARGET_NOT_FOUND, "KS050", "hpa-target-not-found", Medium, Reliability, None, true,
    "HorizontalPodAutoscaler scales an object not defined in the input",
    [KubeLinter: "dangling-horizontalpodautoscaler", KubeScore: "horizontalpodautoscaler-has-target"],
    "Cross-object: reports a HorizontalPodAutoscaler whose `spec.scaleTargetRef` (kind and name) names no object of the autoscaler's namespace in the checked files. To stay quiet on partial inputs it speaks only when the autoscaler's directory defines objects of the target's kind (so a chart that ships only the autoscaler is not reported); templated names are not looked up.",
    "The autoscaler does nothing (its status says `FailedGetScale`): the workload it was meant to scale keeps its fixed replica count under load.",
    "kind: HorizontalPodAutoscaler\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web-api   # flagged: the input defines Deployment `webapi`\n",
    "No automatic fix.");

rule!(SELECTOR_MISMATCH, "KS051", "selector-does-not-match-template", High, Reliability, None, true,
    "Workload selector does not match its pod template labels",
    [KubeLinter: "mismatching-selector", KubeScore: "deployment-pod-selector-labels-match-template-metadata-labels", KubeScore: "statefulset-pod-selector-labels-match-template-metadata-labels"],
    "Reports Deployments, StatefulSets, DaemonSets, ReplicaSets and ReplicationControllers whose `spec.selector` (`matchLabels` and `matchExpressions` with In, NotIn, Exists and DoesNotExist; the plain map of a ReplicationController) is not satisfied by `spec.template.metadata.labels`, at the first requirement that fails. Numbers and booleans compare as their text; templated keys and values are not evaluated.",
    "The API server rejects the object (`selector does not match template labels`): the manifest cannot be applied. On old API versions that accepted it, the controller never sees its own pods and creates new ones forever.",
    "kind: Deployment\nspec:\n  selector:\n    matchLabels: {app: web}   # flagged\n  template:\n    metadata:\n      labels: {app: webapp}\n",
    "No automatic fix: which side is right is for the author to say (the selector of an existing Deployment is immutable).");

rule!(NO_ANTI_AFFINITY, "KS052", "no-pod-anti-affinity", Low, Reliability, None, false,
    "Multi-replica workload neither spreads its pods nor uses pod anti-affinity",
    [KubeLinter: "no-anti-affinity", KubeScore: "deployment-has-host-podantiaffinity", KubeScore: "statefulset-has-host-podantiaffinity", Polaris: "topologySpreadConstraint"],
    "Reports Deployments and StatefulSets with `replicas` of 2 or more whose pod template has neither a `podAntiAffinity` term (required or preferred) nor a `topologySpreadConstraints` entry that has a `topologyKey` and selects the pods of the template itself (through its `labelSelector` or `matchLabelKeys`). A term whose selector matches other pods spreads nothing and does not count. Off by default, like KS037 and KS048: availability is an opinion that depends on the cluster (a single-node or single-zone cluster cannot spread anyway), and many clusters spread pods with default scheduler constraints instead.",
    "The scheduler may put every replica on the same node (or zone): one node failure, drain or upgrade takes all of them down at once, and the extra replicas bought no availability.",
    "kind: Deployment\nspec:\n  replicas: 3   # flagged: no anti-affinity or topology spread\n  template:\n    spec:\n      containers: [{name: app, image: app:1.0}]\n",
    "No automatic fix: add e.g. `topologySpreadConstraints: [{maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {app: web}}}]`.");

rule!(INGRESS_NO_TLS, "KS053", "ingress-without-tls", Low, Network, None, false,
    "Ingress serves plain HTTP (no TLS)",
    [Polaris: "tlsSettingsMissing"],
    "Reports Ingresses without a non-empty `spec.tls`, unless a cloud load balancer certificate annotation says TLS is terminated in front of them (`alb.ingress.kubernetes.io/certificate-arn`, `networking.gke.io/managed-certificates`, `ingress.gcp.kubernetes.io/pre-shared-cert`). Off by default: TLS is often terminated before the Ingress (a cloud load balancer, a CDN, a service mesh gateway), and the in-cluster hop is then plain HTTP by design.",
    "Credentials, cookies and data cross the network in clear text and can be read or changed by anyone on the path.",
    "kind: Ingress\nspec:   # flagged: no tls\n  rules:\n  - host: shop.example.com\n",
    "No automatic fix: add `tls: [{hosts: [shop.example.com], secretName: shop-tls}]` (cert-manager can issue the certificate).");

rule!(NGINX_SNIPPET, "KS054", "ingress-nginx-snippet", High, Security, None, true,
    "ingress-nginx snippet annotation injects raw NGINX configuration",
    [Checkov: "CKV_K8S_153", Checkov: "CKV_K8S_152", Checkov: "CKV_K8S_154"],
    "Reports Ingress annotations of ingress-nginx (`nginx.ingress.kubernetes.io/`) and NGINX Inc.'s controller (`nginx.org/`) whose name contains `snippet` (`server-snippet`, `configuration-snippet`, `stream-snippet`, `auth-snippet`, `modsecurity-snippet`, `server-snippets`, `location-snippets`...), naming what makes one worse (Lua code, an `alias` directive, a path under `/var/run/secrets` or `kubernetes.io`). Also reports the controller ConfigMap key `allow-snippet-annotations: \"true\"`, which turns them on (off by default since ingress-nginx 1.9).",
    "Snippets are pasted verbatim into the controller's NGINX configuration: whoever can write an Ingress can read files of the controller pod, including its service-account token, which in the default install reads every Secret of the cluster (CVE-2021-25742, CVE-2023-5043).",
    "kind: Ingress\nmetadata:\n  annotations:\n    nginx.ingress.kubernetes.io/configuration-snippet: |   # flagged\n      more_set_headers \"X-Frame-Options: DENY\";\n",
    "No automatic fix: use the dedicated annotations (`custom-headers`, `enable-cors`, `auth-url`...) or a controller-wide setting instead.");

rule!(TILLER, "KS055", "tiller-deployed", High, Security, None, true,
    "Tiller (the Helm v2 server) is deployed",
    [Trivy: "KSV-0102", Checkov: "CKV_K8S_34", Checkov: "CKV_K8S_44", Checkov: "CKV_K8S_45"],
    "Reports containers running a `tiller` image (`gcr.io/kubernetes-helm/tiller`, `ghcr.io/helm/tiller`...), and Services that expose it (named `tiller-deploy`, or labelled `app: helm` and `name: tiller`).",
    "Tiller was removed with Helm 3 (2019) and gets no security fixes. In its default install it listens unauthenticated on port 44134 with cluster-admin rights: any pod that reaches it owns the cluster.",
    "containers:\n- name: tiller\n  image: gcr.io/kubernetes-helm/tiller:v2.16.12   # flagged\n",
    "No automatic fix: migrate the releases to Helm 3 (`helm 2to3`) and delete Tiller.");

rule!(JOB_TTL, "KS056", "job-ttl-seconds-after-finished", Low, Reliability, None, false,
    "Standalone Job without `ttlSecondsAfterFinished`, or CronJob job template with one",
    [KubeLinter: "job-ttl-seconds-after-finished"],
    "Follows kube-linter's check of the same name. Reports a Job (`batch/*`) whose `spec.ttlSecondsAfterFinished` is not set, and a CronJob whose `spec.jobTemplate.spec.ttlSecondsAfterFinished` is set: the Jobs a CronJob creates are already pruned by its `successfulJobsHistoryLimit` and `failedJobsHistoryLimit` (3 and 1 when unset), and a TTL on top of them means whichever is stricter wins, so failed runs can vanish before anyone reads their logs. Unlike kube-linter, a Job that something else deletes is not reported: one with `metadata.ownerReferences` (created by a CronJob or an operator), or with a Helm or Argo CD `hook-delete-policy` annotation. Off by default, as in kube-linter: keeping finished Jobs is a housekeeping choice.",
    "Finished Jobs and their pods stay in the API forever: they pile up, slow down `kubectl get`, and keep names taken, and re-applying a changed Job manifest fails (`field is immutable`) until someone deletes the old Job.",
    "kind: Job\nspec:   # flagged: no ttlSecondsAfterFinished\n  template:\n    spec:\n      restartPolicy: Never\n",
    "No automatic fix: add e.g. `ttlSecondsAfterFinished: 86400` to the Job's `spec` (long enough to read the logs of a failed run); in a CronJob, remove it from the job template and tune the history limits instead.");

rule!(CRONJOB_DEADLINE, "KS057", "cronjob-without-deadline", Low, Reliability, None, false,
    "CronJob sets no `startingDeadlineSeconds`",
    [KubeScore: "cronjob-has-deadline"],
    "Reports CronJobs (`batch/*`) with a `spec` and no `spec.startingDeadlineSeconds`, as kube-score does. Off by default (kube-score has it on): since the CronJob controller v2 (Kubernetes 1.21) more than 100 missed schedules no longer stop a CronJob for good, and without a deadline a run delayed by controller downtime or by `concurrencyPolicy: Forbid` starts late instead of being skipped, which is often what one wants.",
    "A run that could not start on time (controller down, quota exhausted, previous run still going) starts whenever it can, possibly hours late and at a bad time; with a deadline it is counted as missed and the next schedule takes over.",
    "kind: CronJob\nspec:   # flagged: no startingDeadlineSeconds\n  schedule: \"0 3 * * *\"\n",
    "No automatic fix: add `startingDeadlineSeconds` (e.g. 300, and more than 10: the controller checks every 10 seconds).");

rule!(JOB_RESTART_POLICY, "KS058", "job-restart-policy", High, Reliability, None, true,
    "Job or CronJob pod template restartPolicy is not OnFailure or Never",
    [KubeScore: "cronjob-restartpolicy"],
    "Reports Jobs and CronJobs (`batch/*`) whose pod template's `restartPolicy` is missing or is neither `OnFailure` nor `Never`. kube-score checks CronJobs only; the API server applies the same rule to Jobs.",
    "A pod template's `restartPolicy` defaults to `Always`, which the API server refuses for Jobs: the Job or CronJob is rejected at apply time (`spec.template.spec.restartPolicy: Required value`, or `Unsupported value: \"Always\"`).",
    "kind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:   # flagged: no restartPolicy\n          containers: [{name: job, image: job:1.0}]\n",
    "No automatic fix: set `restartPolicy: OnFailure` (retry in the same pod) or `Never` (a new pod per retry, keeping the failed ones for their logs).");

rule!(GIT_SYNC_GIT, "KS059", "git-sync-custom-git", Medium, Security, None, true,
    "git-sync is told which program to run as git",
    [Checkov: "CKV_K8S_159"],
    "Reports containers with an environment variable `GITSYNC_GIT` (what Checkov tests) or its git-sync v3 spelling `GIT_SYNC_GIT`, and git-sync containers (image `.../git-sync`) given the equivalent `--git` flag in `command` or `args`.",
    "The setting names the executable git-sync runs as git. Whoever can edit the workload (or plant a file in the synced repository and point the setting at it) gets code execution in the git-sync container, with its repository credentials and the volume the application serves (Akamai, DEF CON 32, 2024). The default, `git` from the image, needs no setting.",
    "containers:\n- name: git-sync\n  image: registry.k8s.io/git-sync/git-sync:v4.2.3\n  env:\n  - name: GITSYNC_GIT   # flagged\n    value: /repo/tools/git\n",
    "No automatic fix: remove the variable or flag and use the image's own git.");

rule!(PROBE_PORT_NAME, "KS060", "probe-port-name-unknown", High, Reliability, None, true,
    "Probe targets a port name the container does not declare",
    [KubeLinter: "liveness-port", KubeLinter: "readiness-port", KubeLinter: "startup-port"],
    "Reports liveness, readiness and startup probes (`httpGet`, `tcpSocket`) of regular and sidecar containers whose `port` is a name that none of the container's `ports` carries. A numeric string (`\"8080\"`) is a number, as the kubelet reads it; numbers are KS061's.",
    "The kubelet cannot resolve the name, so the probe fails every time: the pod never becomes ready, or its liveness probe restarts it forever.",
    "ports:\n- {name: http, containerPort: 8080}\nlivenessProbe:\n  httpGet: {path: /healthz, port: metrics}   # flagged: no port named metrics\n",
    "No automatic fix: use the name of a declared port, or declare the port the application listens on with that name.");

rule!(PROBE_PORT_NUMBER, "KS061", "probe-port-undeclared", Low, Reliability, None, false,
    "Probe targets a port number the container does not declare",
    [KubeLinter: "liveness-port", KubeLinter: "readiness-port", KubeLinter: "startup-port"],
    "Reports liveness, readiness and startup probes (`httpGet`, `tcpSocket`, `grpc`) of regular and sidecar containers whose port number is none of the `containerPort`s the container declares. kube-linter (which has these checks on) also reports containers that declare no port at all; Bulkhead does not. Off by default: declaring ports is informational and a probe to an undeclared port works, as health and metrics ports are often left undeclared on purpose (ingress-nginx's 10254).",
    "A number missing from the ports a container declares is often a typo, or a port left behind when the application moved: the probe then fails and the pod is never ready or keeps restarting.",
    "ports:\n- {name: http, containerPort: 8080}\nreadinessProbe:\n  httpGet: {path: /ready, port: 8081}   # flagged\n",
    "No automatic fix: correct the port, or declare it in `ports`.");

rule!(KUBE_SYSTEM_NAMESPACE, "KS062", "kube-system-namespace", Low, Security, None, false,
    "Workload placed in the `kube-system` namespace",
    [Trivy: "KSV-0037"],
    "Reports workloads (Pod, Deployment, DaemonSet, Job... and their templates' kinds) whose `metadata.namespace` is `kube-system`, except, as Trivy does, the control plane's static pods (labels `tier: control-plane` and `component` one of `kube-apiserver`, `etcd`, `kube-controller-manager`, `kube-scheduler`, with `priorityClassName: system-node-critical`). Off by default (Trivy has it on): cluster add-ons (CNI, DNS, metrics-server, cloud controllers) live in `kube-system` by convention.",
    "`kube-system` holds the cluster's most privileged service accounts and secrets, and is exempted from many admission policies; an application pod there can mount them and escapes the policies meant for it. Whoever can create pods in `kube-system` is close to cluster-admin, so access to it should stay rare.",
    "kind: Deployment\nmetadata:\n  name: shop\n  namespace: kube-system   # flagged\n",
    "No automatic fix: move the workload to a namespace of its own.");

rule!(NETPOL_SELECTS_NOTHING, "KS063", "networkpolicy-selects-nothing", Medium, Network, None, true,
    "NetworkPolicy selects no pod template",
    [KubeLinter: "dangling-networkpolicy", KubeScore: "networkpolicy-targets-pod"],
    "Reports NetworkPolicies whose non-empty `spec.podSelector` matches the pod template labels of no workload of their namespace in the checked files (`matchLabels` and `matchExpressions`). Like the other \"not defined\" rules it speaks only when the policy's directory defines workloads of its namespace and no custom resources (which may create pods from templates Bulkhead cannot see), and it ignores selectors on labels that controllers add to pods (`statefulset.kubernetes.io/pod-name`...). An empty `podSelector` selects every pod of the namespace and is never reported.",
    "A policy that selects nothing isolates nothing: the pods it was written for (usually after a label was renamed) accept and send any traffic, while the manifest suggests they are locked down.",
    "kind: NetworkPolicy\nspec:\n  podSelector:   # flagged: no workload has app=api\n    matchLabels: {app: api}\n",
    "No automatic fix: correct the selector to the pod template's labels (`bulkhead netpol list` shows which pods each policy selects).");

rule!(POD_NOT_ISOLATED, "KS064", "pod-not-isolated", Low, Network, None, false,
    "No NetworkPolicy selects the workload's pods",
    [KubeLinter: "non-isolated-pod", KubeScore: "pod-networkpolicy", Polaris: "missingNetworkPolicy", Checkov: "CKV2_K8S_6"],
    "Reports workloads whose pod template no NetworkPolicy of its namespace in the checked files selects (an empty `podSelector` selects every pod of its namespace). Off by default: policies are often applied apart from the workloads (a platform repository, a namespace-wide default-deny installed with the namespace), and a run that checks one application cannot see them.",
    "A pod that no policy selects accepts connections from every pod of the cluster and can connect anywhere: one compromised pod elsewhere reaches it directly.",
    "kind: Deployment\nmetadata:\n  name: web   # flagged: no NetworkPolicy selects app=web\n",
    "No automatic fix: add a NetworkPolicy for the workload, or a namespace-wide default-deny policy (`bulkhead netpol synthesize` writes least-privilege ones from the manifests).");

rule!(REQUESTS_NOT_LIMITS, "KS065", "requests-not-equal-limits", Low, Reliability, None, false,
    "Container resource requests differ from its limits",
    [KubeScore: "container-resource-requests-equal-limits", KubeScore: "container-cpu-requests-equal-limits", KubeScore: "container-memory-requests-equal-limits", KubeScore: "container-ephemeral-storage-request-equals-limit"],
    "Follows kube-score's optional checks: reports init and regular containers whose CPU or memory request is not equal to the limit (a request without a limit is reported), and whose ephemeral-storage request and limit are both set and differ. Unlike kube-score, a limit without a request is not reported: the API server sets the missing request to the limit. Quantities are compared by value (`1` = `1000m`, `1Gi` = `1024Mi`); templated values are skipped. Off by default, as in kube-score: burstable pods are a deliberate and common choice.",
    "A container that uses more than it requests competes with its neighbours when the node is busy: CPU beyond the request is throttled, and memory beyond it makes the pod a first candidate for eviction or the OOM killer. Equal requests and limits (the Guaranteed QoS class, when every container has them) make its resources predictable.",
    "resources:\n  requests: {cpu: 100m, memory: 128Mi}\n  limits: {cpu: 500m, memory: 128Mi}   # flagged: cpu differs\n",
    "No automatic fix: set the request to the limit (or the limit to the request) for the resources you want guaranteed.");

/// The hardening rules, in code order.
pub static HARDENING_RULES: [&RuleMeta; 65] = [
    &READ_ONLY_ROOT_FS,
    &LOW_UID,
    &LOW_GID,
    &ROOT_GROUP,
    &CAP_SYS_ADMIN,
    &CAP_NET_RAW,
    &CAP_SYS_MODULE,
    &NO_CAPS_DROPPED,
    &RUNTIME_SOCKET,
    &SENSITIVE_HOST_PATH,
    &WRITABLE_HOST_PATH,
    &NO_SECURITY_CONTEXT,
    &AUTOMOUNT_SA_TOKEN,
    &DEFAULT_SA,
    &DEPRECATED_SA_FIELD,
    &SA_NOT_FOUND,
    &HOST_USERS,
    &HOST_ALIASES,
    &PRIVILEGED_PORT,
    &SSH_PORT,
    &IMAGE_TAG,
    &IMAGE_DIGEST,
    &IMAGE_REGISTRY,
    &PULL_POLICY,
    &SECRET_IN_ENV,
    &SECRET_LITERAL,
    &DUPLICATE_ENV,
    &DEFAULT_NAMESPACE,
    &CPU_REQUEST,
    &CPU_LIMIT,
    &MEMORY,
    &EPHEMERAL_STORAGE,
    &LIVENESS,
    &READINESS,
    &IDENTICAL_PROBES,
    &SERVICE_SELECTS_NOTHING,
    &SINGLE_REPLICA,
    &DEPRECATED_API,
    &EXPOSED_SERVICE,
    &RBAC_WILDCARD,
    &RBAC_SECRETS,
    &RBAC_EXEC,
    &RBAC_ESCALATE,
    &CLUSTER_ADMIN_BINDING,
    &BINDING_PUBLIC_SUBJECT,
    &CONFIGMAP_SECRET,
    &PDB_BLOCKS_EVICTIONS,
    &NO_PDB,
    &INGRESS_BACKEND_NOT_FOUND,
    &HPA_TARGET_NOT_FOUND,
    &SELECTOR_MISMATCH,
    &NO_ANTI_AFFINITY,
    &INGRESS_NO_TLS,
    &NGINX_SNIPPET,
    &TILLER,
    &JOB_TTL,
    &CRONJOB_DEADLINE,
    &JOB_RESTART_POLICY,
    &GIT_SYNC_GIT,
    &PROBE_PORT_NAME,
    &PROBE_PORT_NUMBER,
    &KUBE_SYSTEM_NAMESPACE,
    &NETPOL_SELECTS_NOTHING,
    &POD_NOT_ISOLATED,
    &REQUESTS_NOT_LIMITS,
];

fn str_of(v: Option<&Value>) -> &str {
    v.and_then(Value::as_str).unwrap_or("")
}

fn num(v: Option<&Value>) -> Option<f64> {
    v.and_then(Value::as_f64)
}

fn strings(v: Option<&Value>) -> impl Iterator<Item = (usize, &str)> {
    v.and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
        .filter_map(|(i, x)| Some((i, x.as_str()?)))
}

/// Host paths whose mount exposes the node.
const SENSITIVE: [&str; 17] = [
    "/etc",
    "/proc",
    "/sys",
    "/dev",
    "/boot",
    "/root",
    "/home",
    "/var/run",
    "/run",
    "/var/lib/kubelet",
    "/var/lib/docker",
    "/var/lib/containerd",
    "/usr",
    "/lib",
    "/bin",
    "/sbin",
    "/etc/kubernetes",
];

const SOCKETS: [&str; 4] = [
    "docker.sock",
    "containerd.sock",
    "crio.sock",
    "cri-dockerd.sock",
];

fn is_runtime_socket(path: &str) -> bool {
    let p = path.trim_end_matches('/');
    SOCKETS.iter().any(|s| p.ends_with(s))
        || matches!(
            p,
            "/var/run/docker"
                | "/run/containerd"
                | "/var/run/containerd"
                | "/var/run/crio"
                | "/run/crio"
        )
}

fn is_sensitive(path: &str) -> bool {
    let p = path.trim_end_matches('/');
    if p.is_empty() {
        return true; // `/`
    }
    SENSITIVE
        .iter()
        .any(|s| p == *s || (p.starts_with(s) && p.as_bytes().get(s.len()) == Some(&b'/')))
}

/// Checks on one pod spec and its containers.
pub(crate) fn check_pod(ctx: &mut Ctx<'_>, ps: &PodSpec<'_>) {
    let spec = ps.spec;
    let sp = &ps.spec_ptr;
    let cs = workload::containers(spec);
    let pod_sc = workload::pod_sc(spec);

    // Volumes: hostPath sockets and sensitive paths, and which volume names are hostPaths.
    let mut host_volumes: Vec<&str> = Vec::new();
    if let Some(Value::Array(vols)) = spec.get("volumes") {
        for (i, v) in vols.iter().enumerate() {
            let Some(hp) = v.get("hostPath").filter(|h| !h.is_null()) else {
                continue;
            };
            let name = str_of(v.get("name"));
            host_volumes.push(name);
            let path = str_of(hp.get("path"));
            let ptr = format!("{sp}/volumes/{i}/hostPath/path");
            if is_runtime_socket(path) {
                ctx.report(
                    &RUNTIME_SOCKET,
                    &ptr,
                    None,
                    format!("volume `{name}` mounts the container runtime socket `{path}`"),
                );
            } else if is_sensitive(path) {
                ctx.report(
                    &SENSITIVE_HOST_PATH,
                    &ptr,
                    None,
                    format!("volume `{name}` mounts the sensitive host path `{path}`"),
                );
            }
        }
    }

    // Pod-level groups.
    if let Some(sc) = pod_sc {
        for f in ["runAsGroup", "fsGroup"] {
            if num(sc.get(f)) == Some(0.0) {
                ctx.report(
                    &ROOT_GROUP,
                    &format!("{sp}/securityContext/{f}"),
                    None,
                    format!("the pod sets `{f}: 0` (the root group)"),
                );
            }
        }
        if let Some(Value::Array(g)) = sc.get("supplementalGroups") {
            for (i, x) in g.iter().enumerate() {
                if x.as_f64() == Some(0.0) {
                    ctx.report(
                        &ROOT_GROUP,
                        &format!("{sp}/securityContext/supplementalGroups/{i}"),
                        None,
                        "the pod adds the root group (0) to supplementalGroups".into(),
                    );
                }
            }
        }
    }

    // Service account token and identity.
    let automount = spec
        .get("automountServiceAccountToken")
        .and_then(Value::as_bool);
    if automount != Some(false) {
        let fix = fix::automount(ctx, ps);
        let f = ctx.report(
            &AUTOMOUNT_SA_TOKEN,
            &format!("{sp}/automountServiceAccountToken"),
            None,
            "the pod mounts a service account token; set `automountServiceAccountToken: false` unless it calls the API".into(),
        );
        f.fix = fix;
        let sa = str_of(spec.get("serviceAccountName"));
        let legacy = str_of(spec.get("serviceAccount"));
        if (sa.is_empty() && legacy.is_empty()) || sa == "default" {
            ctx.report(
                &DEFAULT_SA,
                &format!("{sp}/serviceAccountName"),
                None,
                "the pod runs as the namespace's `default` ServiceAccount".into(),
            );
        }
    }
    if spec.get("serviceAccountName").is_none() && !str_of(spec.get("serviceAccount")).is_empty() {
        let fix = fix::rename_key(ctx, &format!("{sp}/serviceAccount"), "serviceAccountName");
        let f = ctx.report(
            &DEPRECATED_SA_FIELD,
            &format!("{sp}/serviceAccount"),
            None,
            "`serviceAccount` is deprecated; use `serviceAccountName`".into(),
        );
        f.fix = fix;
    }
    if spec.get("hostUsers").and_then(Value::as_bool) != Some(false) {
        ctx.report(
            &HOST_USERS,
            &format!("{sp}/hostUsers"),
            None,
            "the pod does not use a user namespace (`hostUsers: false`)".into(),
        );
    }
    if spec.get("hostAliases").is_some_and(|h| !h.is_null()) {
        ctx.report(
            &HOST_ALIASES,
            &format!("{sp}/hostAliases"),
            None,
            "the pod overrides /etc/hosts with `hostAliases`".into(),
        );
    }

    for c in &cs {
        check_container(ctx, ps, c, pod_sc, &host_volumes);
    }
}

fn check_container(
    ctx: &mut Ctx<'_>,
    ps: &PodSpec<'_>,
    c: &Container<'_>,
    pod_sc: Option<&Map<String, Value>>,
    host_volumes: &[&str],
) {
    let spec = ps.spec;
    let name = c.name();
    let cp = format!("{}{}", ps.spec_ptr, c.rel_ptr());
    let scp = format!("{cp}/securityContext");
    let regular = c.kind == ContainerKind::Regular;
    let ephemeral = c.kind == ContainerKind::Ephemeral;

    if c.sc().is_none() && pod_sc.is_none() {
        let fix = fix::pod_security_context(ctx, ps);
        let f = ctx.report(
            &NO_SECURITY_CONTEXT,
            &cp,
            Some(name),
            format!("container `{name}` has no securityContext, and neither has the pod"),
        );
        f.fix = fix;
    }

    if c.sc_field("readOnlyRootFilesystem")
        .and_then(Value::as_bool)
        != Some(true)
        && !ephemeral
    {
        let fix = fix::read_only_root(ctx, ps, c);
        let f = ctx.report(
            &READ_ONLY_ROOT_FS,
            &format!("{scp}/readOnlyRootFilesystem"),
            Some(name),
            format!("container `{name}` has a writable root filesystem"),
        );
        f.fix = fix;
    }

    // UIDs and GIDs (effective values, pod inheritance).
    match workload::effective(spec, c, "runAsUser") {
        Some((v, _)) if v.as_f64().is_some_and(|u| u > 10000.0) => {}
        eff => {
            let what = eff
                .map(|(v, _)| format!("runs as UID {v}"))
                .unwrap_or_else(|| "sets no runAsUser".into());
            ctx.report(
                &LOW_UID,
                &format!("{scp}/runAsUser"),
                Some(name),
                format!("container `{name}` {what}; use a UID above 10000"),
            );
        }
    }
    match workload::effective(spec, c, "runAsGroup") {
        Some((v, _)) if v.as_f64().is_some_and(|u| u > 10000.0) => {}
        eff => {
            let what = eff
                .map(|(v, _)| format!("runs as GID {v}"))
                .unwrap_or_else(|| "sets no runAsGroup".into());
            ctx.report(
                &LOW_GID,
                &format!("{scp}/runAsGroup"),
                Some(name),
                format!("container `{name}` {what}; use a GID above 10000"),
            );
        }
    }
    if num(c.sc_field("runAsGroup")) == Some(0.0) {
        ctx.report(
            &ROOT_GROUP,
            &format!("{scp}/runAsGroup"),
            Some(name),
            format!("container `{name}` sets `runAsGroup: 0` (the root group)"),
        );
    }

    // Capabilities.
    let caps = c.sc_field("capabilities");
    let add: Vec<(usize, &str)> = strings(caps.and_then(|x| x.get("add"))).collect();
    let drop: Vec<(usize, &str)> = strings(caps.and_then(|x| x.get("drop"))).collect();
    let norm = |s: &str| s.trim_start_matches("CAP_").to_ascii_uppercase();
    for (i, cap) in &add {
        let n = norm(cap);
        let ptr = format!("{scp}/capabilities/add/{i}");
        if n == "SYS_ADMIN" || n == "ALL" {
            ctx.report(
                &CAP_SYS_ADMIN,
                &ptr,
                Some(name),
                format!("container `{name}` adds `{cap}`"),
            );
        }
        if n == "SYS_MODULE" {
            ctx.report(
                &CAP_SYS_MODULE,
                &ptr,
                Some(name),
                format!("container `{name}` adds `{cap}`"),
            );
        }
        if n == "NET_RAW" {
            ctx.report(
                &CAP_NET_RAW,
                &ptr,
                Some(name),
                format!("container `{name}` adds `{cap}`"),
            );
        }
    }
    let drops = |x: &str| drop.iter().any(|(_, d)| norm(d) == x);
    if !drops("ALL") && !drops("NET_RAW") && !add.iter().any(|(_, a)| norm(a) == "NET_RAW") {
        let fix = fix::drop_all(ctx, ps, c);
        let f = ctx.report(
            &CAP_NET_RAW,
            &format!("{scp}/capabilities/drop"),
            Some(name),
            format!("container `{name}` keeps NET_RAW; drop ALL (or at least NET_RAW)"),
        );
        f.fix = fix;
    }
    if drop.is_empty() {
        let fix = fix::drop_all(ctx, ps, c);
        let f = ctx.report(
            &NO_CAPS_DROPPED,
            &format!("{scp}/capabilities/drop"),
            Some(name),
            format!("container `{name}` drops no capability"),
        );
        f.fix = fix;
    }

    // Writable host mounts.
    if let Some(Value::Array(mounts)) = c.c.get("volumeMounts") {
        for (i, m) in mounts.iter().enumerate() {
            let vname = str_of(m.get("name"));
            if host_volumes.contains(&vname)
                && m.get("readOnly").and_then(Value::as_bool) != Some(true)
            {
                let fix = fix::set_in_mapping(
                    ctx,
                    &format!("{cp}/volumeMounts/{i}"),
                    "readOnly",
                    "true",
                    bulkhead_diagnostics::Applicability::Unsafe,
                    "Mount the host path read-only",
                );
                let f = ctx.report(
                    &WRITABLE_HOST_PATH,
                    &format!("{cp}/volumeMounts/{i}"),
                    Some(name),
                    format!("container `{name}` mounts hostPath volume `{vname}` writable"),
                );
                f.fix = fix;
            }
        }
    }

    // Ports.
    if let Some(Value::Array(ports)) = c.c.get("ports") {
        for (i, p) in ports.iter().enumerate() {
            let Some(port) = num(p.get("containerPort")) else {
                continue;
            };
            let ptr = format!("{cp}/ports/{i}/containerPort");
            if port == 22.0 {
                ctx.report(
                    &SSH_PORT,
                    &ptr,
                    Some(name),
                    format!("container `{name}` exposes port 22 (SSH)"),
                );
            } else if port < 1024.0 && port > 0.0 {
                ctx.report(
                    &PRIVILEGED_PORT,
                    &ptr,
                    Some(name),
                    format!("container `{name}` listens on privileged port {port}"),
                );
            }
        }
    }

    // Image.
    let image = str_of(c.c.get("image"));
    if !image.is_empty() && !image.contains(['$', '{', '<']) {
        let (registry, tag, digest) = split_image(image);
        let iptr = format!("{cp}/image");
        if !digest && (tag.is_none() || tag == Some("latest")) {
            ctx.report(
                &IMAGE_TAG,
                &iptr,
                Some(name),
                match tag {
                    None => format!("image `{image}` has no tag (it means `latest`)"),
                    Some(_) => format!("image `{image}` uses the `latest` tag"),
                },
            );
        }
        if !digest {
            ctx.report(
                &IMAGE_DIGEST,
                &iptr,
                Some(name),
                format!("image `{image}` is not pinned by digest"),
            );
        }
        let allowed = &ctx.settings.allowed_registries;
        if !allowed.is_empty() && !allowed.iter().any(|a| registry == a.as_str()) {
            ctx.report(
                &IMAGE_REGISTRY,
                &iptr,
                Some(name),
                format!("image `{image}` comes from `{registry}`, not an allowed registry"),
            );
        }
    }
    if image.contains("git-sync") && is_git_sync(image) {
        for field in ["command", "args"] {
            let mut prev_git = false;
            for (i, a) in strings(c.c.get(field)) {
                if prev_git || a.starts_with("--git=") || a.starts_with("-git=") {
                    ctx.report(
                        &GIT_SYNC_GIT,
                        &format!("{cp}/{field}/{i}"),
                        Some(name),
                        format!("git-sync container `{name}` is given `--git`: it runs another program as git"),
                    );
                }
                prev_git = matches!(a, "--git" | "-git");
            }
        }
    }
    if is_tiller(image) {
        ctx.report(
            &TILLER,
            &format!("{cp}/image"),
            Some(name),
            format!("container `{name}` runs Tiller (`{image}`), the Helm v2 server: unauthenticated and usually cluster-admin"),
        );
    }
    if !ephemeral && str_of(c.c.get("imagePullPolicy")) != "Always" {
        ctx.report(
            &PULL_POLICY,
            &format!("{cp}/imagePullPolicy"),
            Some(name),
            format!("container `{name}` does not set `imagePullPolicy: Always`"),
        );
    }

    // Environment.
    let mut seen: Vec<&str> = Vec::new();
    if let Some(Value::Array(env)) = c.c.get("env") {
        for (i, e) in env.iter().enumerate() {
            let ename = str_of(e.get("name"));
            if seen.contains(&ename) {
                ctx.report(
                    &DUPLICATE_ENV,
                    &format!("{cp}/env/{i}/name"),
                    Some(name),
                    format!("container `{name}` defines `{ename}` twice"),
                );
            }
            seen.push(ename);
            if e.get("valueFrom")
                .and_then(|v| v.get("secretKeyRef"))
                .is_some()
            {
                ctx.report(
                    &SECRET_IN_ENV,
                    &format!("{cp}/env/{i}/valueFrom/secretKeyRef"),
                    Some(name),
                    format!("container `{name}` reads a Secret into `{ename}`; mount it as a file"),
                );
            }
            if matches!(ename, "GITSYNC_GIT" | "GIT_SYNC_GIT") {
                ctx.report(
                    &GIT_SYNC_GIT,
                    &format!("{cp}/env/{i}/name"),
                    Some(name),
                    format!(
                        "container `{name}` sets `{ename}`: git-sync runs `{}` as git",
                        str_of(e.get("value"))
                    ),
                );
            }
            let value = str_of(e.get("value"));
            if looks_secret(ename) && secret_value(value) {
                ctx.report(
                    &SECRET_LITERAL,
                    &format!("{cp}/env/{i}/value"),
                    Some(name),
                    format!("container `{name}` has a literal value for `{ename}`"),
                );
            }
        }
    }
    if let Some(Value::Array(env_from)) = c.c.get("envFrom") {
        for (i, e) in env_from.iter().enumerate() {
            if e.get("secretRef").is_some() {
                ctx.report(
                    &SECRET_IN_ENV,
                    &format!("{cp}/envFrom/{i}/secretRef"),
                    Some(name),
                    format!("container `{name}` loads a whole Secret into its environment"),
                );
            }
        }
    }

    // Resources (not for ephemeral containers, which cannot have them).
    if !ephemeral {
        let res = c.c.get("resources");
        let has = |kind: &str, r: &str| {
            res.and_then(|x| x.get(kind))
                .and_then(|x| x.get(r))
                .is_some_and(|x| !x.is_null())
        };
        let rp = format!("{cp}/resources");
        if !has("requests", "cpu") {
            ctx.report(
                &CPU_REQUEST,
                &rp,
                Some(name),
                format!("container `{name}` has no CPU request"),
            );
        }
        if !has("limits", "cpu") {
            ctx.report(
                &CPU_LIMIT,
                &rp,
                Some(name),
                format!("container `{name}` has no CPU limit"),
            );
        }
        let missing: Vec<&str> = [("requests", "request"), ("limits", "limit")]
            .into_iter()
            .filter(|(k, _)| !has(k, "memory"))
            .map(|(_, w)| w)
            .collect();
        if !missing.is_empty() {
            ctx.report(
                &MEMORY,
                &rp,
                Some(name),
                format!("container `{name}` has no memory {}", missing.join(" or ")),
            );
        }
        if !has("requests", "ephemeral-storage") || !has("limits", "ephemeral-storage") {
            ctx.report(
                &EPHEMERAL_STORAGE,
                &rp,
                Some(name),
                format!("container `{name}` has no ephemeral-storage request and limit"),
            );
        }
        check_requests_equal_limits(ctx, res, &rp, name);
    }

    if regular || c.is_sidecar() {
        check_probe_ports(ctx, c, &cp);
    }

    // Probes: regular containers (and sidecars) of long-running workloads only.
    if (regular || c.is_sidecar()) && !ps.batch {
        let live = c.c.get("livenessProbe").filter(|x| !x.is_null());
        let ready = c.c.get("readinessProbe").filter(|x| !x.is_null());
        if live.is_none() {
            ctx.report(
                &LIVENESS,
                &cp,
                Some(name),
                format!("container `{name}` has no liveness probe"),
            );
        }
        if ready.is_none() {
            ctx.report(
                &READINESS,
                &cp,
                Some(name),
                format!("container `{name}` has no readiness probe"),
            );
        }
        if let (Some(l), Some(r)) = (live, ready)
            && l == r
        {
            ctx.report(
                &IDENTICAL_PROBES,
                &format!("{cp}/readinessProbe"),
                Some(name),
                format!("container `{name}` has identical liveness and readiness probes"),
            );
        }
    }
}

/// A resource quantity (`500m`, `1.5`, `256Mi`, `1G`, `1e3`) as a number; `None` when it is
/// not one (templated, malformed).
fn quantity(v: &Value) -> Option<f64> {
    if let Some(n) = v.as_f64() {
        return Some(n);
    }
    let s = v.as_str()?.trim();
    let at = s
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '+' | '-')))
        .unwrap_or(s.len());
    let (number, suffix) = s.split_at(at);
    let n: f64 = number.parse().ok()?;
    let binary = |e: i32| 1024f64.powi(e);
    let m = match suffix {
        "" => 1.0,
        "n" => 1e-9,
        "u" => 1e-6,
        "m" => 1e-3,
        "k" => 1e3,
        "M" => 1e6,
        "G" => 1e9,
        "T" => 1e12,
        "P" => 1e15,
        "E" => 1e18,
        "Ki" => binary(1),
        "Mi" => binary(2),
        "Gi" => binary(3),
        "Ti" => binary(4),
        "Pi" => binary(5),
        "Ei" => binary(6),
        e if e.starts_with(['e', 'E']) => 10f64.powi(e[1..].parse().ok()?),
        _ => return None,
    };
    Some(n * m)
}

/// KS065: requests that differ from limits (kube-score's optional checks: a CPU or memory
/// request without a limit counts; ephemeral storage only when both are set; a limit without a
/// request never, since the request defaults to it).
fn check_requests_equal_limits(ctx: &mut Ctx<'_>, res: Option<&Value>, rp: &str, name: &str) {
    let get = |kind: &str, r: &str| {
        res.and_then(|x| x.get(kind))
            .and_then(|x| x.get(r))
            .filter(|x| !x.is_null())
    };
    for r in ["cpu", "memory", "ephemeral-storage"] {
        let (req, lim) = (get("requests", r), get("limits", r));
        // No request with a limit: the API server sets the request to the limit.
        if req.is_none() || r == "ephemeral-storage" && lim.is_none() {
            continue;
        }
        let (Some(a), Some(b)) = (req.and_then(quantity), lim.map_or(Some(0.0), quantity)) else {
            continue;
        };
        if (a - b).abs() <= 1e-9 * a.abs().max(b.abs()) {
            continue;
        }
        let show = |v: &Value| match v {
            Value::String(s) => s.clone(),
            v => v.to_string(),
        };
        let req = req.map(show).unwrap_or_default();
        let msg = match lim {
            Some(l) => format!(
                "container `{name}` requests {req} of {r} but is limited to {}",
                show(l)
            ),
            None => format!("container `{name}` requests {req} of {r} and sets no limit"),
        };
        ctx.report(
            &REQUESTS_NOT_LIMITS,
            &format!("{rp}/requests/{r}"),
            Some(name),
            msg,
        );
    }
}

/// KS060 (a port name the container does not declare) and KS061 (a port number it does not
/// declare, when it declares some) on a container's probes.
fn check_probe_ports(ctx: &mut Ctx<'_>, c: &Container<'_>, cp: &str) {
    let ports = c.c.get("ports").and_then(Value::as_array);
    let name = c.name();
    for probe in ["livenessProbe", "readinessProbe", "startupProbe"] {
        let Some(Value::Object(p)) = c.c.get(probe) else {
            continue;
        };
        for handler in ["httpGet", "tcpSocket", "grpc"] {
            let Some(port) = p.get(handler).and_then(|h| h.get("port")) else {
                continue;
            };
            let number = match port {
                Value::Number(n) => n.as_f64(),
                Value::String(s) => s.trim().parse::<f64>().ok(),
                _ => continue,
            };
            let list = ports.map(Vec::as_slice).unwrap_or_default();
            if let Some(n) = number {
                if !list.is_empty() && !list.iter().any(|x| num(x.get("containerPort")) == Some(n))
                {
                    ctx.report(
                        &PROBE_PORT_NUMBER,
                        &format!("{cp}/{probe}/{handler}/port"),
                        Some(name),
                        format!("container `{name}`'s {probe} targets port {n}, which is not among the ports it declares"),
                    );
                }
            } else if let Some(s) = port.as_str()
                && !s.is_empty()
                && !s.contains(['$', '{', '<'])
                && !list.iter().any(|x| str_of(x.get("name")) == s)
            {
                ctx.report(
                    &PROBE_PORT_NAME,
                    &format!("{cp}/{probe}/{handler}/port"),
                    Some(name),
                    format!("container `{name}`'s {probe} targets port `{s}`, but the container has no port of that name: the probe always fails"),
                );
            }
        }
    }
}

/// Whether an environment variable name holds a secret: a secret word (`PASSWORD`, `TOKEN`,
/// `SECRET`, `API_KEY`...) and no word that makes it a setting about one (`MAX_TOKENS`,
/// `ALLOW_EMPTY_PASSWORD`, `PASSWORD_FILE`, `TOKEN_TTL`...).
fn looks_secret(name: &str) -> bool {
    let up = name.to_ascii_uppercase();
    let words: Vec<&str> = up
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.contains(&w);
    let pair = |a: &str, b: &str| words.windows(2).any(|p| p[0] == a && p[1] == b);
    let secret = [
        "PASSWORD",
        "PASSWD",
        "SECRET",
        "TOKEN",
        "APIKEY",
        "CREDENTIALS",
    ]
    .iter()
    .any(|w| has(w))
        || pair("API", "KEY")
        || pair("PRIVATE", "KEY")
        || pair("ACCESS", "KEY")
        || pair("AUTH", "KEY");
    let setting = [
        "ALLOW",
        "EMPTY",
        "RANDOM",
        "FILE",
        "PATH",
        "NAME",
        "DIR",
        "LENGTH",
        "LEN",
        "TTL",
        "EXPIRY",
        "EXPIRATION",
        "TIMEOUT",
        "MAX",
        "MIN",
        "COUNT",
        "SIZE",
        "ENABLED",
        "ENABLE",
        "DISABLE",
        "DISABLED",
        "URL",
        "URI",
        "ENDPOINT",
        "TYPE",
        "REF",
        "HEADER",
        "FIELD",
        "REQUIRED",
        "MODE",
        "POLICY",
        "AUDIENCE",
        "LIFETIME",
        "SECONDS",
        "DURATION",
        "PERIOD",
        "HOST",
        "PORT",
        "VERSION",
        "TOKENS",
        "LIMIT",
        "KEY_ID",
    ]
    .iter()
    .any(|w| has(w));
    secret && !setting
}

/// Whether a literal value could be a secret (not a flag, a number, a path or a reference).
fn secret_value(v: &str) -> bool {
    !(v.is_empty()
        || v.starts_with("$(")
        || v.starts_with('/')
        || v.parse::<f64>().is_ok()
        || matches!(
            v.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no"
        ))
}

/// (registry, tag, has digest) of an image reference.
pub(crate) fn split_image(image: &str) -> (&str, Option<&str>, bool) {
    let (name, digest) = match image.split_once('@') {
        Some((n, _)) => (n, true),
        None => (image, false),
    };
    let last_slash = name.rfind('/');
    let tag = match name.rfind(':') {
        Some(i) if last_slash.is_none_or(|s| i > s) => Some(&name[i + 1..]),
        _ => None,
    };
    let registry = match name.split_once('/') {
        Some((first, _)) if first.contains(['.', ':']) || first == "localhost" => first,
        _ => "docker.io",
    };
    (registry, tag, digest)
}

/// Removed API versions: (apiVersion, kind or "*", removed in, replacement).
const REMOVED: [(&str, &str, &str, &str); 24] = [
    ("extensions/v1beta1", "Deployment", "1.16", "apps/v1"),
    ("extensions/v1beta1", "DaemonSet", "1.16", "apps/v1"),
    ("extensions/v1beta1", "ReplicaSet", "1.16", "apps/v1"),
    (
        "extensions/v1beta1",
        "NetworkPolicy",
        "1.16",
        "networking.k8s.io/v1",
    ),
    (
        "extensions/v1beta1",
        "PodSecurityPolicy",
        "1.16",
        "(removed in 1.25)",
    ),
    (
        "extensions/v1beta1",
        "Ingress",
        "1.22",
        "networking.k8s.io/v1",
    ),
    ("apps/v1beta1", "*", "1.16", "apps/v1"),
    ("apps/v1beta2", "*", "1.16", "apps/v1"),
    ("batch/v1beta1", "CronJob", "1.25", "batch/v1"),
    ("batch/v2alpha1", "*", "1.21", "batch/v1"),
    ("policy/v1beta1", "PodDisruptionBudget", "1.25", "policy/v1"),
    (
        "policy/v1beta1",
        "PodSecurityPolicy",
        "1.25",
        "Pod Security Admission",
    ),
    (
        "networking.k8s.io/v1beta1",
        "Ingress",
        "1.22",
        "networking.k8s.io/v1",
    ),
    (
        "networking.k8s.io/v1beta1",
        "IngressClass",
        "1.22",
        "networking.k8s.io/v1",
    ),
    (
        "rbac.authorization.k8s.io/v1beta1",
        "*",
        "1.22",
        "rbac.authorization.k8s.io/v1",
    ),
    (
        "rbac.authorization.k8s.io/v1alpha1",
        "*",
        "1.22",
        "rbac.authorization.k8s.io/v1",
    ),
    (
        "apiextensions.k8s.io/v1beta1",
        "*",
        "1.22",
        "apiextensions.k8s.io/v1",
    ),
    (
        "admissionregistration.k8s.io/v1beta1",
        "*",
        "1.22",
        "admissionregistration.k8s.io/v1",
    ),
    ("autoscaling/v2beta1", "*", "1.25", "autoscaling/v2"),
    ("autoscaling/v2beta2", "*", "1.26", "autoscaling/v2"),
    (
        "storage.k8s.io/v1beta1",
        "CSIStorageCapacity",
        "1.27",
        "storage.k8s.io/v1",
    ),
    (
        "scheduling.k8s.io/v1beta1",
        "*",
        "1.22",
        "scheduling.k8s.io/v1",
    ),
    (
        "certificates.k8s.io/v1beta1",
        "*",
        "1.22",
        "certificates.k8s.io/v1",
    ),
    (
        "discovery.k8s.io/v1beta1",
        "*",
        "1.25",
        "discovery.k8s.io/v1",
    ),
];

const REMOVED_MORE: [(&str, &str, &str, &str); 5] = [
    (
        "storage.k8s.io/v1beta1",
        "CSIDriver",
        "1.22",
        "storage.k8s.io/v1",
    ),
    (
        "storage.k8s.io/v1beta1",
        "StorageClass",
        "1.22",
        "storage.k8s.io/v1",
    ),
    (
        "coordination.k8s.io/v1beta1",
        "*",
        "1.22",
        "coordination.k8s.io/v1",
    ),
    ("node.k8s.io/v1beta1", "*", "1.25", "node.k8s.io/v1"),
    ("events.k8s.io/v1beta1", "*", "1.25", "events.k8s.io/v1"),
];

const WORKLOADS: [&str; 9] = [
    "Pod",
    "PodTemplate",
    "ReplicationController",
    "ReplicaSet",
    "Deployment",
    "StatefulSet",
    "DaemonSet",
    "Job",
    "CronJob",
];

/// Checks on any object: API versions, Services, RBAC, ServiceAccounts, namespaces, replicas.
pub(crate) fn check_object(ctx: &mut Ctx<'_>) {
    let doc = ctx.doc;
    let v = &doc.value;
    let kind = doc.kind().unwrap_or("");
    let api = doc.api_version().unwrap_or("");
    if let Some((_, _, when, repl)) = REMOVED
        .iter()
        .chain(REMOVED_MORE.iter())
        .find(|(a, k, _, _)| *a == api && (*k == "*" || *k == kind))
    {
        ctx.report(
            &DEPRECATED_API,
            "/apiVersion",
            None,
            format!("`{api}` {kind} was removed in Kubernetes {when}; use {repl}"),
        );
    }
    if WORKLOADS.contains(&kind) && doc.namespace() == Some("default") {
        ctx.report(
            &DEFAULT_NAMESPACE,
            "/metadata/namespace",
            None,
            format!("{kind} is in the `default` namespace"),
        );
    }
    if WORKLOADS.contains(&kind)
        && doc.namespace() == Some("kube-system")
        && !is_control_plane_pod(v)
    {
        ctx.report(
            &KUBE_SYSTEM_NAMESPACE,
            "/metadata/namespace",
            None,
            format!("{kind} is in the `kube-system` namespace, next to the cluster's own privileged components"),
        );
    }
    if matches!(kind, "Deployment" | "StatefulSet") && v.get("spec").is_some() {
        match v.pointer("/spec/replicas") {
            None => {
                ctx.report(
                    &SINGLE_REPLICA,
                    "/spec",
                    None,
                    format!("{kind} sets no `replicas` (the default is 1)"),
                );
            }
            r if num(r).is_some_and(|r| r < 2.0) => {
                ctx.report(
                    &SINGLE_REPLICA,
                    "/spec/replicas",
                    None,
                    format!("{kind} runs fewer than 2 replicas"),
                );
            }
            _ => {}
        }
    }
    if matches!(
        kind,
        "Deployment" | "StatefulSet" | "DaemonSet" | "ReplicaSet" | "ReplicationController"
    ) {
        check_selector(ctx, kind);
        if matches!(kind, "Deployment" | "StatefulSet") {
            check_spread(ctx, kind);
        }
    }
    match kind {
        "Job" | "CronJob" if api.starts_with("batch/") => check_batch(ctx, kind),
        "Ingress" => check_ingress(ctx),
        "ConfigMap" => {
            check_configmap(ctx);
            if str_of(v.pointer("/data/allow-snippet-annotations")).trim() == "true" {
                ctx.report(
                    &NGINX_SNIPPET,
                    "/data/allow-snippet-annotations",
                    None,
                    "`allow-snippet-annotations: \"true\"` lets every Ingress author inject NGINX configuration into the controller".into(),
                );
            }
        }
        "PodDisruptionBudget" => {
            let max = v.pointer("/spec/maxUnavailable");
            if max.and_then(Value::as_f64) == Some(0.0)
                || max.and_then(Value::as_str).map(str::trim) == Some("0%")
            {
                ctx.report(
                    &PDB_BLOCKS_EVICTIONS,
                    "/spec/maxUnavailable",
                    None,
                    "PodDisruptionBudget sets `maxUnavailable: 0`: no pod can ever be evicted"
                        .into(),
                );
            }
            if str_of(v.pointer("/spec/minAvailable")).trim() == "100%" {
                ctx.report(
                    &PDB_BLOCKS_EVICTIONS,
                    "/spec/minAvailable",
                    None,
                    "PodDisruptionBudget sets `minAvailable: 100%`: no pod can ever be evicted"
                        .into(),
                );
            }
        }
        "Service" => {
            let labels = v.pointer("/metadata/labels");
            if doc.name() == Some("tiller-deploy")
                || (str_of(labels.and_then(|l| l.get("app"))) == "helm"
                    && str_of(labels.and_then(|l| l.get("name"))) == "tiller")
            {
                ctx.report(
                    &TILLER,
                    "/metadata/name",
                    None,
                    "Service exposes Tiller, the Helm v2 server (unauthenticated, cluster-admin)"
                        .into(),
                );
            }
            let t = str_of(v.pointer("/spec/type"));
            if t == "NodePort" || t == "LoadBalancer" {
                ctx.report(
                    &EXPOSED_SERVICE,
                    "/spec/type",
                    None,
                    format!("Service of type {t} is reachable from outside the cluster"),
                );
            }
            if v.pointer("/spec/externalIPs")
                .and_then(Value::as_array)
                .is_some_and(|a| !a.is_empty())
            {
                ctx.report(
                    &EXPOSED_SERVICE,
                    "/spec/externalIPs",
                    None,
                    "Service sets externalIPs (CVE-2020-8554)".into(),
                );
            }
        }
        "ServiceAccount"
            if v.get("automountServiceAccountToken")
                .and_then(Value::as_bool)
                != Some(false) =>
        {
            let fix = fix::set_top_level(ctx, "automountServiceAccountToken", "false");
            let f = ctx.report(
                &AUTOMOUNT_SA_TOKEN,
                "/automountServiceAccountToken",
                None,
                "ServiceAccount does not set `automountServiceAccountToken: false`".into(),
            );
            f.fix = fix;
        }
        "Role" | "ClusterRole" => check_rbac_rules(ctx),
        "RoleBinding" | "ClusterRoleBinding" => {
            if str_of(v.pointer("/roleRef/name")) == "cluster-admin"
                && str_of(v.pointer("/roleRef/kind")) == "ClusterRole"
            {
                ctx.report(
                    &CLUSTER_ADMIN_BINDING,
                    "/roleRef/name",
                    None,
                    format!("{kind} grants cluster-admin"),
                );
            }
            if let Some(Value::Array(subjects)) = v.get("subjects") {
                for (i, s) in subjects.iter().enumerate() {
                    let n = str_of(s.get("name"));
                    if matches!(
                        n,
                        "system:anonymous"
                            | "system:unauthenticated"
                            | "system:authenticated"
                            | "system:masters"
                    ) {
                        ctx.report(
                            &BINDING_PUBLIC_SUBJECT,
                            &format!("/subjects/{i}/name"),
                            None,
                            format!(
                                "{kind} grants `{}` to `{n}`",
                                str_of(v.pointer("/roleRef/name"))
                            ),
                        );
                    }
                }
            }
        }
        _ => {}
    }
}

/// KS051: a workload's `spec.selector` that its own pod template labels do not satisfy.
fn check_selector(ctx: &mut Ctx<'_>, kind: &str) {
    let v = &ctx.doc.value;
    let Some(Value::Object(sel)) = v.pointer("/spec/selector") else {
        return;
    };
    let Some(template) = v.pointer("/spec/template").and_then(Value::as_object) else {
        return;
    };
    let labels = template
        .get("metadata")
        .and_then(|m| m.get("labels"))
        .and_then(Value::as_object);
    // A ReplicationController's selector is a plain label map; the others are LabelSelectors.
    let plain;
    let sel = if kind == "ReplicationController" {
        if sel.is_empty() {
            return;
        }
        let mut m = Map::new();
        m.insert("matchLabels".into(), Value::Object(sel.clone()));
        plain = m;
        &plain
    } else {
        sel
    };
    let Some(u) = crate::selector::first_unmet(sel, labels) else {
        return;
    };
    let rel = if kind == "ReplicationController" {
        u.rel_ptr.trim_start_matches("/matchLabels")
    } else {
        u.rel_ptr.as_str()
    };
    let actual = match u.actual {
        Some(a) => format!("the template has `{a}`"),
        None if labels.is_some() => "the template labels do not have it".to_string(),
        None => "the template has no labels".to_string(),
    };
    ctx.report(
        &SELECTOR_MISMATCH,
        &format!("/spec/selector{rel}"),
        None,
        format!(
            "{kind} selector requires `{}` but its pod template does not match ({actual}): the API server rejects it",
            u.requirement
        ),
    );
}

/// Whether a pod-affinity term or topology-spread constraint spreads the template's own pods:
/// a topology key, and a selector that matches the template labels (or `matchLabelKeys`).
fn spreads_own_pods(term: &Value, labels: Option<&Map<String, Value>>) -> bool {
    if str_of(term.get("topologyKey")).is_empty() {
        return false;
    }
    if term
        .get("matchLabelKeys")
        .and_then(Value::as_array)
        .is_some_and(|a| !a.is_empty())
    {
        return true;
    }
    // A template without labels is a fragment (a kustomize patch): its labels come from
    // elsewhere, so any selector is given the benefit of the doubt.
    match term.get("labelSelector") {
        Some(Value::Object(sel)) => {
            labels.is_none() || crate::selector::first_unmet(sel, labels).is_none()
        }
        _ => false,
    }
}

/// KS052: Deployments and StatefulSets of 2 or more replicas with no anti-affinity or
/// topology spread that applies to their own pods.
fn check_spread(ctx: &mut Ctx<'_>, kind: &str) {
    let v = &ctx.doc.value;
    let Some(n) = num(v.pointer("/spec/replicas")) else {
        return;
    };
    if n < 2.0 {
        return;
    }
    let Some(spec) = v.pointer("/spec/template/spec").and_then(Value::as_object) else {
        return;
    };
    let labels = v
        .pointer("/spec/template/metadata/labels")
        .and_then(Value::as_object);
    let anti = spec
        .get("affinity")
        .and_then(|a| a.get("podAntiAffinity"))
        .filter(|a| a.is_object());
    let mut terms = Vec::new();
    if let Some(a) = anti {
        if let Some(Value::Array(req)) = a.get("requiredDuringSchedulingIgnoredDuringExecution") {
            terms.extend(req.iter());
        }
        if let Some(Value::Array(pref)) = a.get("preferredDuringSchedulingIgnoredDuringExecution") {
            terms.extend(pref.iter().filter_map(|p| p.get("podAffinityTerm")));
        }
    }
    if let Some(Value::Array(tsc)) = spec.get("topologySpreadConstraints") {
        terms.extend(tsc.iter());
    }
    if terms.iter().any(|t| spreads_own_pods(t, labels)) {
        return;
    }
    let (ptr, msg) = if anti.is_some() || spec.contains_key("topologySpreadConstraints") {
        (
            if anti.is_some() {
                "/spec/template/spec/affinity/podAntiAffinity"
            } else {
                "/spec/template/spec/topologySpreadConstraints"
            },
            format!(
                "{kind} runs {n} replicas but its anti-affinity and spread constraints do not select its own pods (or have no topologyKey)"
            ),
        )
    } else {
        (
            "/spec/replicas",
            format!(
                "{kind} runs {n} replicas with no pod anti-affinity or topology spread: they may all land on one node"
            ),
        )
    };
    ctx.report(&NO_ANTI_AFFINITY, ptr, None, msg);
}

/// Trivy's exception to KSV-0037: a control plane static pod (`tier: control-plane`, a core
/// `component` label, `priorityClassName: system-node-critical`).
fn is_control_plane_pod(v: &Value) -> bool {
    let labels = v.pointer("/metadata/labels");
    str_of(labels.and_then(|l| l.get("tier"))) == "control-plane"
        && matches!(
            str_of(labels.and_then(|l| l.get("component"))),
            "kube-apiserver" | "etcd" | "kube-controller-manager" | "kube-scheduler"
        )
        && str_of(v.pointer("/spec/priorityClassName")) == "system-node-critical"
}

/// Annotations saying a tool deletes the Job once it has run.
const HOOK_DELETE_ANNOTATIONS: [&str; 2] = [
    "helm.sh/hook-delete-policy",
    "argocd.argoproj.io/hook-delete-policy",
];

/// KS056 (TTL after finished), KS057 (CronJob deadline) and KS058 (restart policy) on a
/// `batch/*` Job or CronJob.
fn check_batch(ctx: &mut Ctx<'_>, kind: &str) {
    let v = &ctx.doc.value;
    let Some(spec) = v.get("spec").and_then(Value::as_object) else {
        return;
    };
    let set = |m: &Map<String, Value>, k: &str| m.get(k).is_some_and(|x| !x.is_null());
    let cron = kind == "CronJob";
    let (job_spec, job_ptr) = if cron {
        (
            spec.get("jobTemplate")
                .and_then(|t| t.get("spec"))
                .and_then(Value::as_object),
            "/spec/jobTemplate/spec",
        )
    } else {
        (Some(spec), "/spec")
    };
    if cron {
        if !set(spec, "startingDeadlineSeconds") {
            ctx.report(
                &CRONJOB_DEADLINE,
                "/spec/startingDeadlineSeconds",
                None,
                "CronJob sets no `startingDeadlineSeconds`: a run that cannot start on time starts late".into(),
            );
        }
        if job_spec.is_some_and(|j| set(j, "ttlSecondsAfterFinished")) {
            ctx.report(
                &JOB_TTL,
                "/spec/jobTemplate/spec/ttlSecondsAfterFinished",
                None,
                "CronJob's job template sets `ttlSecondsAfterFinished`, which overlaps with the CronJob's history limits (the stricter one wins)".into(),
            );
        }
    } else if !set(spec, "ttlSecondsAfterFinished") {
        let meta = v.get("metadata");
        let owned = meta
            .and_then(|m| m.get("ownerReferences"))
            .and_then(Value::as_array)
            .is_some_and(|o| !o.is_empty());
        let hook = meta
            .and_then(|m| m.get("annotations"))
            .and_then(Value::as_object)
            .is_some_and(|a| HOOK_DELETE_ANNOTATIONS.iter().any(|k| a.contains_key(*k)));
        if !owned && !hook {
            ctx.report(
                &JOB_TTL,
                "/spec/ttlSecondsAfterFinished",
                None,
                "Job sets no `ttlSecondsAfterFinished`: it and its pods stay in the API after it finishes".into(),
            );
        }
    }
    let Some(pod_spec) = job_spec
        .and_then(|j| j.get("template"))
        .and_then(|t| t.get("spec"))
        .and_then(Value::as_object)
    else {
        return;
    };
    let policy = pod_spec.get("restartPolicy");
    let p = str_of(policy);
    if !matches!(p, "OnFailure" | "Never") && !p.contains(['$', '{', '<']) {
        let msg = if policy.is_none_or(Value::is_null) {
            format!(
                "{kind} pod template sets no `restartPolicy` (it defaults to `Always`, which the API server rejects for Jobs)"
            )
        } else {
            format!(
                "{kind} pod template sets `restartPolicy: {p}`; Jobs accept only `OnFailure` or `Never`"
            )
        };
        let ptr = format!("{job_ptr}/template/spec/restartPolicy");
        ctx.report(&JOB_RESTART_POLICY, &ptr, None, msg);
    }
}

/// Annotations saying a cloud load balancer terminates TLS in front of an Ingress.
const LB_CERT_ANNOTATIONS: [&str; 3] = [
    "alb.ingress.kubernetes.io/certificate-arn",
    "networking.gke.io/managed-certificates",
    "ingress.gcp.kubernetes.io/pre-shared-cert",
];

/// KS053 (no TLS) and KS054 (snippet annotations) on an Ingress.
fn check_ingress(ctx: &mut Ctx<'_>) {
    let v = &ctx.doc.value;
    let annotations = v
        .pointer("/metadata/annotations")
        .and_then(Value::as_object);
    let has_tls = v
        .pointer("/spec/tls")
        .and_then(Value::as_array)
        .is_some_and(|t| !t.is_empty());
    let lb_tls =
        annotations.is_some_and(|a| LB_CERT_ANNOTATIONS.iter().any(|k| a.contains_key(*k)));
    if !has_tls && !lb_tls && v.get("spec").is_some() {
        ctx.report(
            &INGRESS_NO_TLS,
            "/spec/tls",
            None,
            "Ingress has no `tls` section: it serves plain HTTP".into(),
        );
    }
    let Some(annotations) = annotations else {
        return;
    };
    for (k, val) in annotations {
        let Some((prefix, name)) = k.split_once('/') else {
            continue;
        };
        if !matches!(prefix, "nginx.ingress.kubernetes.io" | "nginx.org")
            || !name.contains("snippet")
        {
            continue;
        }
        let text = str_of(Some(val));
        if text.trim().is_empty() {
            continue;
        }
        let lower = text.to_ascii_lowercase();
        let worse = if lower.contains("lua") {
            ", with Lua code"
        } else if lower
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
            .any(|w| w == "alias")
        {
            ", with an `alias` directive (reads any file of the controller)"
        } else if lower.contains("/var/run/secrets") || lower.contains("kubernetes.io") {
            ", touching the controller's secrets"
        } else {
            ""
        };
        ctx.report(
            &NGINX_SNIPPET,
            &format!("/metadata/annotations/{}", crate::loader::escape_segment(k)),
            None,
            format!("annotation `{k}` injects raw NGINX configuration into the controller{worse}"),
        );
    }
}

/// Whether an image is git-sync (its repository's last path segment).
fn is_git_sync(image: &str) -> bool {
    let name = image.split('@').next().unwrap_or(image);
    let last = name.rsplit('/').next().unwrap_or(name);
    last.split(':').next() == Some("git-sync")
}

/// Whether an image is Tiller, the Helm v2 server (its repository's last path segment).
fn is_tiller(image: &str) -> bool {
    let name = image.split('@').next().unwrap_or(image);
    let last = name.rsplit('/').next().unwrap_or(name);
    last.split(':').next() == Some("tiller")
}

/// Whether a ConfigMap key names a secret: [`looks_secret`] on the key with camelCase humps
/// split (`dbPassword` -> `db_Password`).
fn configmap_key_secret(key: &str) -> bool {
    let mut snake = String::with_capacity(key.len() + 4);
    let mut prev_lower = false;
    for c in key.chars() {
        if c.is_ascii_uppercase() && prev_lower {
            snake.push('_');
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        snake.push(c);
    }
    looks_secret(&snake)
}

/// What a ConfigMap value holds that is a secret whatever its key: a PEM private key or an
/// AWS access key id.
fn secret_content(v: &str) -> Option<&'static str> {
    if let Some(i) = v.find("-----BEGIN ")
        && v[i..]
            .lines()
            .next()
            .is_some_and(|l| l.contains("PRIVATE KEY-----"))
    {
        return Some("a private key");
    }
    let b = v.as_bytes();
    let aws = v.match_indices("AKIA").any(|(i, _)| {
        let id = &b[i + 4..];
        (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && id.len() >= 16
            && id[..16]
                .iter()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && id.get(16).is_none_or(|c| !c.is_ascii_alphanumeric())
    });
    aws.then_some("an AWS access key id")
}

/// KS046: secrets in a ConfigMap's `data` and `binaryData`.
fn check_configmap(ctx: &mut Ctx<'_>) {
    let doc = ctx.doc;
    for field in ["data", "binaryData"] {
        let Some(Value::Object(m)) = doc.value.get(field) else {
            continue;
        };
        for (k, val) in m {
            let ptr = format!("/{field}/{}", k.replace('~', "~0").replace('/', "~1"));
            let text = val.as_str().unwrap_or("");
            let what = if field == "data"
                && let Some(what) = secret_content(text)
            {
                Some(what)
            } else if configmap_key_secret(k)
                && secret_value(text.trim())
                && !text.contains("{{")
                && !text.contains("${")
            {
                Some("a value named like a secret")
            } else {
                None
            };
            if let Some(what) = what {
                ctx.report(
                    &CONFIGMAP_SECRET,
                    &ptr,
                    None,
                    format!("ConfigMap key `{k}` holds {what}; keep it in a Secret"),
                );
            }
        }
    }
}

fn check_rbac_rules(ctx: &mut Ctx<'_>) {
    let doc = ctx.doc;
    let Some(Value::Array(rules)) = doc.value.get("rules") else {
        return;
    };
    let kind = doc.kind().unwrap_or("");
    for (i, r) in rules.iter().enumerate() {
        let verbs: Vec<&str> = strings(r.get("verbs")).map(|x| x.1).collect();
        let resources: Vec<&str> = strings(r.get("resources")).map(|x| x.1).collect();
        let groups: Vec<&str> = strings(r.get("apiGroups")).map(|x| x.1).collect();
        for (field, list) in [
            ("verbs", &verbs),
            ("resources", &resources),
            ("apiGroups", &groups),
        ] {
            if let Some(j) = list.iter().position(|x| *x == "*") {
                ctx.report(
                    &RBAC_WILDCARD,
                    &format!("/rules/{i}/{field}/{j}"),
                    None,
                    format!("{kind} rule {i} grants `*` {field}"),
                );
            }
        }
        let any_verb = |vs: &[&str]| verbs.iter().any(|v| *v == "*" || vs.contains(v));
        let has_res = |r: &str| resources.iter().any(|x| *x == r || *x == "*");
        if has_res("secrets") && any_verb(&["get", "list", "watch"]) {
            ctx.report(
                &RBAC_SECRETS,
                &format!("/rules/{i}/resources"),
                None,
                format!("{kind} rule {i} can read Secrets"),
            );
        }
        if (has_res("pods/exec") || has_res("pods/attach")) && any_verb(&["create", "get"]) {
            ctx.report(
                &RBAC_EXEC,
                &format!("/rules/{i}/resources"),
                None,
                format!("{kind} rule {i} allows exec or attach into pods"),
            );
        } else if [
            "pods",
            "deployments",
            "daemonsets",
            "statefulsets",
            "replicasets",
            "jobs",
            "cronjobs",
        ]
        .iter()
        .any(|x| resources.contains(x))
            && any_verb(&["create"])
        {
            ctx.report(
                &RBAC_EXEC,
                &format!("/rules/{i}/resources"),
                None,
                format!("{kind} rule {i} can create pods or workloads"),
            );
        }
        if let Some(j) = verbs
            .iter()
            .position(|v| matches!(*v, "bind" | "escalate" | "impersonate"))
        {
            ctx.report(
                &RBAC_ESCALATE,
                &format!("/rules/{i}/verbs/{j}"),
                None,
                format!("{kind} rule {i} grants `{}`", verbs[j]),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images() {
        assert_eq!(split_image("nginx"), ("docker.io", None, false));
        assert_eq!(split_image("nginx:1.2"), ("docker.io", Some("1.2"), false));
        assert_eq!(
            split_image("localhost:5000/a/b"),
            ("localhost:5000", None, false)
        );
        assert_eq!(
            split_image("gcr.io/x/y:latest@sha256:abc"),
            ("gcr.io", Some("latest"), true)
        );
    }

    #[test]
    fn secret_names() {
        for n in [
            "DB_PASSWORD",
            "HF_TOKEN",
            "NGC_API_KEY",
            "aws_secret_access_key",
            "APIKEY",
        ] {
            assert!(looks_secret(n), "{n}");
        }
        for n in [
            "MAX_INPUT_TOKENS",
            "MYSQL_ALLOW_EMPTY_PASSWORD",
            "PASSWORD_FILE",
            "TOKEN_TTL",
            "SECRET_NAME",
            "PASSENGER",
        ] {
            assert!(!looks_secret(n), "{n}");
        }
        assert!(!secret_value("8"));
        assert!(secret_value("hunter2"));
    }

    /// (code, line) of every finding of `codes` on `text`.
    fn hits(text: &str, codes: &[&str]) -> Vec<(&'static str, u32)> {
        let out = crate::check("t.yaml", text, &crate::Settings::default());
        let mut v: Vec<_> = out
            .findings
            .iter()
            .filter(|f| codes.contains(&f.rule.code))
            .map(|f| (f.rule.code, f.range.unwrap().start.line))
            .collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn configmap_secrets() {
        let text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  log_level: info\n  db_password: hunter2\n  apiKey: abc123\n  tls.key: |\n    -----BEGIN RSA PRIVATE KEY-----\n    MIIE\n    -----END RSA PRIVATE KEY-----\n  settings.ini: |\n    aws_id = AKIAIOSFODNN7EXAMPLE\nbinaryData:\n  token: aGVsbG8=\n";
        assert_eq!(
            hits(text, &["KS046"]),
            [
                ("KS046", 6),
                ("KS046", 7),
                ("KS046", 8),
                ("KS046", 12),
                ("KS046", 15)
            ]
        );
        // Near misses: settings about secrets, empty values, templates, public keys,
        // and the same content in a Secret.
        let text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  password_file: /run/secrets/pw\n  token_ttl: \"3600\"\n  secret_name: db-creds\n  db_password: \"\"\n  api_key: \"{{ .Values.key }}\"\n  ca.crt: |\n    -----BEGIN CERTIFICATE-----\n  note: AKIA is a prefix\n";
        assert_eq!(hits(text, &["KS046"]), []);
        let text = "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  db_password: hunter2\n";
        assert_eq!(hits(text, &["KS046"]), []);
        assert!(configmap_key_secret("dbPassword"));
        assert!(!configmap_key_secret("passwordFile"));
        assert_eq!(secret_content("xAKIAIOSFODNN7EXAMPLE"), None);
    }

    #[test]
    fn pdb_blocking_evictions() {
        let text = "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: a}\nspec:\n  maxUnavailable: 0\n  selector: {matchLabels: {app: a}}\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: b}\nspec:\n  minAvailable: 100%\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: c}\nspec:\n  maxUnavailable: \"0%\"\n";
        assert_eq!(
            hits(text, &["KS047"]),
            [("KS047", 5), ("KS047", 12), ("KS047", 18)]
        );
        let text = "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: a}\nspec:\n  maxUnavailable: 1\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: b}\nspec:\n  minAvailable: 90%\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: c}\nspec:\n  minAvailable: 0\n";
        assert_eq!(hits(text, &["KS047"]), []);
    }

    #[test]
    fn replicas() {
        let text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  replicas: 1\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: b}\nspec:\n  serviceName: b\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: c}\nspec:\n  replicas: 2\n---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\nspec: {}\n";
        assert_eq!(hits(text, &["KS037"]), [("KS037", 5), ("KS037", 10)]);
        assert!(!SINGLE_REPLICA.default_enabled);
    }

    #[test]
    fn selector_must_match_template() {
        let text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  selector:\n    matchLabels:\n      app: web\n      tier: front\n  template:\n    metadata:\n      labels: {app: webapp, tier: front}\n    spec:\n      containers: [{name: c, image: i:1}]\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: b}\nspec:\n  selector:\n    matchLabels: {app: db}\n    matchExpressions:\n    - {key: tier, operator: In, values: [back]}\n    - {key: canary, operator: DoesNotExist}\n  template:\n    metadata:\n      labels: {app: db, tier: back, canary: \"true\"}\n    spec:\n      containers: [{name: c, image: i:1}]\n---\napiVersion: v1\nkind: ReplicationController\nmetadata: {name: c}\nspec:\n  selector:\n    app: x\n  template:\n    metadata:\n      labels: {app: y}\n    spec:\n      containers: [{name: c, image: i:1}]\n---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: d}}\n  template:\n    spec:\n      containers: [{name: c, image: i:1}]\n";
        assert_eq!(
            hits(text, &["KS051"]),
            [("KS051", 7), ("KS051", 23), ("KS051", 35), ("KS051", 46)]
        );
        assert!(SELECTOR_MISMATCH.default_enabled);
        // Near misses: a subset of the labels, numbers against strings, NotIn and Exists,
        // templated values, a ReplicationController without a selector.
        let text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  selector:\n    matchLabels: {app: web, version: 2}\n    matchExpressions:\n    - {key: tier, operator: NotIn, values: [db]}\n    - {key: app, operator: Exists}\n  template:\n    metadata:\n      labels: {app: web, version: \"2\", tier: front, extra: x}\n    spec:\n      containers: [{name: c, image: i:1}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: b}\nspec:\n  selector: {matchLabels: {app: \"${APP}\"}}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers: [{name: c, image: i:1}]\n---\napiVersion: v1\nkind: ReplicationController\nmetadata: {name: c}\nspec:\n  template:\n    metadata:\n      labels: {app: y}\n    spec:\n      containers: [{name: c, image: i:1}]\n";
        assert_eq!(hits(text, &["KS051"]), []);
    }

    #[test]
    fn anti_affinity_or_spread() {
        let text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: a}}\n  template:\n    metadata:\n      labels: {app: a}\n    spec:\n      containers: [{name: c, image: i:1}]\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: b}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: b}}\n  template:\n    metadata:\n      labels: {app: b}\n    spec:\n      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n          - weight: 100\n            podAffinityTerm:\n              labelSelector: {matchLabels: {app: other}}\n              topologyKey: kubernetes.io/hostname\n      containers: [{name: c, image: i:1}]\n";
        assert_eq!(hits(text, &["KS052"]), [("KS052", 5), ("KS052", 24)]);
        assert!(!NO_ANTI_AFFINITY.default_enabled);
        // Near misses: anti-affinity on its own pods (required or preferred), a spread
        // constraint with matchLabelKeys, a single replica, a DaemonSet, a template without
        // labels (a kustomize patch).
        let text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  replicas: 3\n  template:\n    metadata:\n      labels: {app: a, tier: x}\n    spec:\n      affinity:\n        podAntiAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n          - labelSelector: {matchLabels: {app: a}}\n            topologyKey: kubernetes.io/hostname\n      containers: [{name: c, image: i:1}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: b}\nspec:\n  replicas: 3\n  template:\n    metadata:\n      labels: {app: b}\n    spec:\n      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n          - weight: 50\n            podAffinityTerm:\n              labelSelector:\n                matchExpressions: [{key: app, operator: In, values: [b]}]\n              topologyKey: topology.kubernetes.io/zone\n      containers: [{name: c, image: i:1}]\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: c}\nspec:\n  replicas: 3\n  template:\n    metadata:\n      labels: {app: c}\n    spec:\n      topologySpreadConstraints:\n      - maxSkew: 1\n        topologyKey: kubernetes.io/hostname\n        whenUnsatisfiable: ScheduleAnyway\n        matchLabelKeys: [pod-template-hash]\n      containers: [{name: c, image: i:1}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers: [{name: c, image: i:1}]\n---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: e}\nspec:\n  template:\n    spec:\n      containers: [{name: c, image: i:1}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: f}\nspec:\n  replicas: 2\n  template:\n    spec:\n      affinity:\n        podAntiAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n          - labelSelector: {matchLabels: {app: f}}\n            topologyKey: kubernetes.io/hostname\n";
        assert_eq!(hits(text, &["KS052"]), []);
    }

    #[test]
    fn ingress_tls_and_snippets() {
        let text = "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: a\n  annotations:\n    nginx.ingress.kubernetes.io/configuration-snippet: |\n      more_set_headers \"X-Frame-Options: DENY\";\n    nginx.ingress.kubernetes.io/server-snippet: |\n      location /x { alias /var/run/secrets/; }\n    nginx.org/location-snippets: \"access_by_lua_block { }\"\n    nginx.ingress.kubernetes.io/rewrite-target: /\nspec:\n  rules:\n  - host: a.example\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: b}\nspec:\n  tls:\n  - hosts: [b.example]\n    secretName: b-tls\n  rules:\n  - host: b.example\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: c\n  annotations:\n    alb.ingress.kubernetes.io/certificate-arn: arn:aws:acm:x\n    nginx.ingress.kubernetes.io/server-snippet: \"\"\n    example.com/snippet: x\nspec:\n  rules:\n  - host: c.example\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: ingress-nginx-controller}\ndata:\n  allow-snippet-annotations: \"true\"\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: other}\ndata:\n  allow-snippet-annotations: \"false\"\n";
        assert_eq!(
            hits(text, &["KS053", "KS054"]),
            [
                ("KS053", 12),
                ("KS054", 6),
                ("KS054", 8),
                ("KS054", 10),
                ("KS054", 42)
            ]
        );
        let out = crate::check("t.yaml", text, &crate::Settings::default());
        let msgs: Vec<&str> = out
            .findings
            .iter()
            .filter(|f| f.rule.code == "KS054")
            .map(|f| f.message.as_str())
            .collect();
        assert!(msgs[1].contains("`alias`"), "{msgs:?}");
        assert!(msgs[2].contains("Lua"), "{msgs:?}");
        assert!(!INGRESS_NO_TLS.default_enabled && NGINX_SNIPPET.default_enabled);
    }

    #[test]
    fn tiller() {
        let text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: tiller-deploy, namespace: kube-system}\nspec:\n  template:\n    spec:\n      containers:\n      - name: tiller\n        image: gcr.io/kubernetes-helm/tiller:v2.16.12\n      - name: helper\n        image: example.com/tiller-exporter:1.0\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: tiller\n  labels: {app: helm, name: tiller}\nspec:\n  ports: [{port: 44134}]\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: tiller-deploy\nspec:\n  ports: [{port: 44134}]\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: helm-docs\n  labels: {app: helm}\n";
        assert_eq!(
            hits(text, &["KS055"]),
            [("KS055", 9), ("KS055", 16), ("KS055", 24)]
        );
        assert!(is_tiller("ghcr.io/helm/tiller@sha256:abc"));
        assert!(!is_tiller("tillerman/app:1"));
    }

    #[test]
    fn jobs_and_cronjobs() {
        let text = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: plain}\nspec:\n  template:\n    spec:\n      containers: [{name: j, image: j:1}]\n---\napiVersion: batch/v1\nkind: Job\nmetadata: {name: tidy}\nspec:\n  ttlSecondsAfterFinished: 600\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: j, image: j:1}]\n---\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: hook\n  annotations: {helm.sh/hook: pre-install, helm.sh/hook-delete-policy: hook-succeeded}\nspec:\n  template:\n    spec:\n      restartPolicy: Always\n      containers: [{name: j, image: j:1}]\n---\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: owned\n  ownerReferences: [{apiVersion: batch/v1, kind: CronJob, name: c, uid: x}]\nspec:\n  template:\n    spec:\n      restartPolicy: OnFailure\n      containers: [{name: j, image: j:1}]\n---\napiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly}\nspec:\n  schedule: \"0 3 * * *\"\n  jobTemplate:\n    spec:\n      ttlSecondsAfterFinished: 100\n      template:\n        spec:\n          containers: [{name: j, image: j:1}]\n---\napiVersion: batch/v1\nkind: CronJob\nmetadata: {name: ok}\nspec:\n  schedule: \"0 3 * * *\"\n  startingDeadlineSeconds: 300\n  successfulJobsHistoryLimit: 1\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: \"{{ .Values.restartPolicy }}\"\n          containers: [{name: j, image: j:1}]\n---\napiVersion: batch.volcano.sh/v1alpha1\nkind: Job\nmetadata: {name: volcano}\nspec:\n  tasks: []\n---\napiVersion: batch/v1\nkind: Job\nmetadata: {name: fragment}\n";
        assert_eq!(
            hits(text, &["KS056", "KS057", "KS058"]),
            [
                ("KS056", 4),
                ("KS056", 48),
                ("KS057", 44),
                ("KS058", 6),
                ("KS058", 27),
                ("KS058", 50)
            ]
        );
        assert!(!JOB_TTL.default_enabled && !CRONJOB_DEADLINE.default_enabled);
        assert!(JOB_RESTART_POLICY.default_enabled);
    }

    #[test]
    fn git_sync_custom_git() {
        let text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: docs}\nspec:\n  template:\n    spec:\n      initContainers:\n      - name: clone\n        image: registry.k8s.io/git-sync/git-sync:v4.2.3\n        args: [--repo=https://example.com/docs.git, --git=/tmp/git, --one-time]\n        env:\n        - {name: GITSYNC_REPO, value: https://example.com/docs.git}\n        - {name: GITSYNC_GIT, value: /git/tools/git}\n      containers:\n      - name: sync\n        image: k8s.gcr.io/git-sync:v3.6.9\n        args:\n        - --git\n        - /opt/git\n        - --git-config=core.fsmonitor:false\n        env:\n        - name: GIT_SYNC_GIT\n          value: git\n        - name: GITSYNC_GIT_CONFIG\n          value: x\n      - name: web\n        image: nginx:1.27\n        args: [--git=/x]\n        env: [{name: MY_GITSYNC_GIT, value: x}]\n";
        assert_eq!(
            hits(text, &["KS059"]),
            [("KS059", 10), ("KS059", 13), ("KS059", 19), ("KS059", 22)]
        );
        assert!(is_git_sync("registry.k8s.io/git-sync/git-sync@sha256:abc"));
        assert!(!is_git_sync("example.com/git-sync-exporter:1"));
    }

    #[test]
    fn probe_ports() {
        let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers:\n  - name: sidecar\n    image: s:1\n    restartPolicy: Always\n    readinessProbe: {tcpSocket: {port: admin}}\n  - name: init\n    image: i:1\n    livenessProbe: {httpGet: {port: nope}}\n  containers:\n  - name: app\n    image: a:1\n    ports:\n    - {name: http, containerPort: 8080}\n    - {name: grpc, containerPort: 9090}\n    livenessProbe:\n      httpGet: {path: /healthz, port: metrics}\n    readinessProbe:\n      httpGet: {path: /ready, port: 8081}\n    startupProbe:\n      grpc: {port: 9090}\n  - name: named-ok\n    image: a:1\n    ports: [{name: http, containerPort: 8080}]\n    livenessProbe: {httpGet: {port: http}}\n    readinessProbe: {tcpSocket: {port: \"8080\"}}\n    startupProbe: {httpGet: {port: \"{{ .Values.port }}\"}}\n  - name: undeclared\n    image: a:1\n    livenessProbe: {httpGet: {port: 8080}}\n    readinessProbe: {exec: {command: [true]}}\n";
        assert_eq!(
            hits(text, &["KS060", "KS061"]),
            [("KS060", 9), ("KS060", 20), ("KS061", 22)]
        );
        assert!(PROBE_PORT_NAME.default_enabled && !PROBE_PORT_NUMBER.default_enabled);
    }

    #[test]
    fn kube_system_namespace() {
        let text = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop\n  namespace: kube-system\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\n  labels: {tier: control-plane, component: kube-apiserver}\nspec:\n  priorityClassName: system-node-critical\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: fake\n  namespace: kube-system\n  labels: {tier: control-plane, component: kube-apiserver}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: kube-system}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: kube-public}\n";
        assert_eq!(hits(text, &["KS062"]), [("KS062", 5), ("KS062", 20)]);
        assert!(!KUBE_SYSTEM_NAMESPACE.default_enabled);
    }

    #[test]
    fn requests_equal_limits() {
        let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers:\n  - name: init\n    image: i:1\n    resources:\n      requests: {cpu: 100m}\n  containers:\n  - name: burst\n    image: a:1\n    resources:\n      requests: {cpu: 250m, memory: 1Gi, ephemeral-storage: 1Gi}\n      limits: {cpu: 1, memory: 1024Mi, ephemeral-storage: 2Gi}\n  - name: same\n    image: a:1\n    resources:\n      requests: {cpu: \"1\", memory: 268435456, ephemeral-storage: 1G}\n      limits: {cpu: 1000m, memory: 256Mi}\n  - name: templated\n    image: a:1\n    resources:\n      requests: {cpu: \"{{ .Values.cpu }}\"}\n      limits: {cpu: 2}\n  - name: none\n    image: a:1\n  - name: limit-only\n    image: a:1\n    resources:\n      limits: {cpu: 1, memory: 1Gi}\n";
        assert_eq!(
            hits(text, &["KS065"]),
            [("KS065", 9), ("KS065", 14), ("KS065", 14)]
        );
        assert_eq!(
            quantity(&serde_json::json!("1.5Gi")),
            Some(1.5 * 1024f64.powi(3))
        );
        assert_eq!(quantity(&serde_json::json!("1e3")), Some(1000.0));
        assert_eq!(quantity(&serde_json::json!("2E")), Some(2e18));
        assert_eq!(quantity(&serde_json::json!("lots")), None);
        assert!(!REQUESTS_NOT_LIMITS.default_enabled);
    }

    #[test]
    fn host_paths() {
        assert!(is_runtime_socket("/var/run/docker.sock"));
        assert!(is_sensitive("/"));
        assert!(is_sensitive("/etc/ssl"));
        assert!(!is_sensitive("/etcd-data"));
        assert!(!is_sensitive("/var/log"));
    }
}
