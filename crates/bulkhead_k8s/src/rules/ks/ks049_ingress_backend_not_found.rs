//! KS049 `ingress-backend-not-found`: Ingress routes to a Service not defined in the input.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS049",
        name: "ingress-backend-not-found",
        summary: "Ingress routes to a Service not defined in the input",
        severity: Medium,
        category: Reliability,
        aliases: [KubeLinter: "dangling-ingress", KubeScore: "ingress-targets-service"],
        fix: None,
        default_enabled: true,
        what: "Cross-object: reports an Ingress backend (`spec.defaultBackend.service.name`, \
            `spec.rules[].http.paths[].backend.service.name`, and the old `backend.serviceName` \
            of extensions/v1beta1 and networking.k8s.io/v1beta1) that names no Service of the \
            Ingress's namespace in the checked files. To stay quiet on partial inputs (a Helm \
            chart fragment, a kustomize base whose Services live in another directory) it speaks \
            only when the Ingress's directory defines Services of that namespace and no custom \
            resources (operators create Services Bulkhead cannot see); templated names (`$SVC`, \
            `<svc>`) and `resource` backends are not looked up.",
        why: "Requests for that host and path get a 503 from the ingress controller: a typo in a \
            Service name silently takes the route down.",
        example: "```yaml\nkind: Ingress\nspec:\n  rules:\n  - http:\n      paths:\n      - path: \
            /\n        pathType: Prefix\n        backend:\n          service:\n            name: \
            frontnd   # flagged: the input defines Service `frontend`\n            port: {number: \
            80}\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Set(check);

/// The backend Service names of an Ingress with their pointers: `defaultBackend` (v1),
/// `backend` (v1beta1), and every path's backend, in either shape
/// (`service.name` or `serviceName`).
pub(crate) fn ingress_backends(doc: &Value) -> Vec<(&str, String)> {
    fn add<'d>(out: &mut Vec<(&'d str, String)>, b: &'d Value, ptr: String) {
        if let Some(n) = b.pointer("/service/name").and_then(Value::as_str) {
            out.push((n, format!("{ptr}/service/name")));
        } else if let Some(n) = b.get("serviceName").and_then(Value::as_str) {
            out.push((n, format!("{ptr}/serviceName")));
        }
    }
    let mut out = Vec::new();
    let Some(spec) = doc.get("spec") else {
        return out;
    };
    for f in ["defaultBackend", "backend"] {
        if let Some(b) = spec.get(f) {
            add(&mut out, b, format!("/spec/{f}"));
        }
    }
    if let Some(Value::Array(rules)) = spec.get("rules") {
        for (i, r) in rules.iter().enumerate() {
            if let Some(Value::Array(paths)) = r.pointer("/http/paths") {
                for (j, p) in paths.iter().enumerate() {
                    if let Some(b) = p.get("backend") {
                        add(
                            &mut out,
                            b,
                            format!("/spec/rules/{i}/http/paths/{j}/backend"),
                        );
                    }
                }
            }
        }
    }
    out
}

/// Ingress backends naming no Service of the run, when the Ingress's directory defines
/// Services of its namespace and no custom resources.
fn check(set: &SetCtx<'_>, out: &mut Vec<Finding>) {
    if !set.kinds.contains(&"Ingress") {
        return;
    }
    // (directory, namespace, name) of every Service.
    let mut services: Vec<(&str, Option<&str>, &str)> = set
        .of_kind("Service")
        .filter(|(_, d)| !is_custom_resource(d.api_version().unwrap_or("")))
        .filter_map(|(p, d)| Some((dir_of(p), d.namespace(), d.name()?)))
        .collect();
    services.sort_unstable();
    for (path, doc) in set.of_kind("Ingress") {
        let ns = doc.namespace();
        let dir = dir_of(path);
        // Same namespace exactly: a directory of namespace-less templates says nothing about
        // an Ingress of a named namespace.
        let from = services.partition_point(|s| (s.0, s.1) < (dir, ns));
        if services.get(from).is_none_or(|s| (s.0, s.1) != (dir, ns))
            || set.dirs_with_custom.binary_search(&dir).is_ok()
        {
            continue;
        }
        for (name, ptr) in ingress_backends(doc.at("").unwrap_or(&Value::Null)) {
            if name.is_empty() || templated(name) {
                continue;
            }
            if !services
                .iter()
                .any(|(_, n, s)| *s == name && ns_match(*n, ns))
            {
                out.push(finding(
                    &META,
                    path,
                    doc,
                    &ptr,
                    format!("Ingress backend Service `{name}` is not defined in the checked files"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const SVC: &str = "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n";

    #[test]
    fn triggers() {
        let ing = "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  defaultBackend:\n    service: {name: wbe, port: {number: 80}}\n  rules:\n  - http:\n      paths:\n      - path: /\n        backend: {serviceName: web, servicePort: 80}\n      - path: /api\n        backend: {serviceName: api, servicePort: 80}\n";
        assert_set_lines(&super::META, &[("d/s.yaml", SVC), ("d/i.yaml", ing)], &[("d/i.yaml", 6), ("d/i.yaml", 13)]);
    }

    #[test]
    fn near_misses() {
        // No Service in the Ingress's directory: managed elsewhere.
        let ing = "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  defaultBackend:\n    service: {name: other, port: {number: 80}}\n";
        assert_set_lines(&super::META, &[("d/s.yaml", SVC), ("e/i.yaml", ing)], &[]);
        let ing = "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  defaultBackend:\n    service: {name: \"{{ .Values.svc }}\", port: {number: 80}}\n";
        assert_set_lines(&super::META, &[("d/s.yaml", SVC), ("d/i.yaml", ing)], &[]);
    }
}
