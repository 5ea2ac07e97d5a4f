//! KS055 `tiller-deployed`: Tiller (the Helm v2 server) is deployed.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS055",
        name: "tiller-deployed",
        summary: "Tiller (the Helm v2 server) is deployed",
        severity: High,
        category: Security,
        aliases: [
            Trivy: "KSV-0102",
            Checkov: "CKV_K8S_34",
            Checkov: "CKV_K8S_44",
            Checkov: "CKV_K8S_45",
        ],
        fix: None,
        default_enabled: true,
        what: "Reports containers running a `tiller` image (`gcr.io/kubernetes-helm/tiller`, \
            `ghcr.io/helm/tiller`...), and Services that expose it (named `tiller-deploy`, or \
            labelled `app: helm` and `name: tiller`).",
        why: "Tiller was removed with Helm 3 (2019) and gets no security fixes. In its default \
            install it listens unauthenticated on port 44134 with cluster-admin rights: any pod \
            that reaches it owns the cluster.",
        example: "```yaml\ncontainers:\n- name: tiller\n  image: \
            gcr.io/kubernetes-helm/tiller:v2.16.12   # flagged\n```",
        fix_safety: "No automatic fix: migrate the releases to Helm 3 (`helm 2to3`) and delete \
            Tiller.",
    }
}

pub(crate) static HOOK: Hook = Hook::Object(check);

fn check(ctx: &mut Ctx<'_>, pod: Option<&PodCtx<'_>>) {
    for cc in pod.map(|p| p.containers.as_slice()).unwrap_or_default() {
        let image = str_of(cc.c.c.get("image"));
        if crate::rules::util::image_basename(image) == "tiller" {
            ctx.report(
                &META,
                &format!("{}/image", cc.ptr),
                Some(cc.name),
                format!("container `{}` runs Tiller (`{image}`), the Helm v2 server: unauthenticated and usually cluster-admin", cc.name),
            );
        }
    }
    if ctx.doc.kind() == Some("Service") {
        let labels = ctx.doc.value.pointer("/metadata/labels");
        if ctx.doc.name() == Some("tiller-deploy")
            || (str_of(labels.and_then(|l| l.get("app"))) == "helm"
                && str_of(labels.and_then(|l| l.get("name"))) == "tiller")
        {
            ctx.report(
                &META,
                "/metadata/name",
                None,
                "Service exposes Tiller, the Helm v2 server (unauthenticated, cluster-admin)".into(),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: tiller-deploy, namespace: kube-system}\nspec:\n  template:\n    spec:\n      containers:\n      - name: tiller\n        image: gcr.io/kubernetes-helm/tiller:v2.16.12\n      - name: helper\n        image: example.com/tiller-exporter:1.0\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: tiller\n  labels: {app: helm, name: tiller}\nspec:\n  ports: [{port: 44134}]\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: tiller-deploy\nspec:\n  ports: [{port: 44134}]\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: helm-docs\n  labels: {app: helm}\n";
        assert_lines(&super::META, y, &[9, 16, 24]);
    }

    #[test]
    fn near_misses() {
        let y = "apiVersion: v1\nkind: Service\nmetadata:\n  name: helm-docs\n  labels: {app: helm}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: t, image: tillerman/app:1}]\n";
        assert_lines(&super::META, y, &[]);
    }
}
