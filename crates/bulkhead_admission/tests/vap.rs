//! The CEL of `bulkhead admission vap`, evaluated with the `cel-interpreter` crate, agrees
//! with the webhook on every upstream PSS fixture: for each fixture's level and version, every
//! generated expression holds exactly when the webhook reports no violation of that check, and
//! all hold together exactly when the webhook admits the pod (and the fixture says pass). The
//! same on each fixture wrapped in a Deployment and a CronJob (the `podSpec` variable).

mod support;

use bulkhead_admission::vap::{self, VARIABLES};
use bulkhead_k8s::pss::{self, PssPolicy};
use cel_interpreter::{Context, Program, Value as Cel};
use serde_json::{Value, json};
use std::collections::HashMap;
use support::*;

/// Compiled validations of one level and version: (rule code, program, source).
type Compiled = Vec<(&'static str, Program, String)>;

/// Inline `variables.X` (the interpreter has no VAP variables).
fn inline(expr: &str) -> String {
    let mut e = expr.to_string();
    for _ in 0..3 {
        for (n, x) in VARIABLES.iter().rev() {
            e = e.replace(&format!("variables.{n}"), &format!("({x})"));
        }
    }
    e
}

/// The API server drops null fields when it decodes objects; so do we before CEL sees them.
fn strip_nulls(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(_, x)| !x.is_null())
                .map(|(k, x)| (k.clone(), strip_nulls(x)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(strip_nulls).collect()),
        x => x.clone(),
    }
}

fn eval(p: &Program, obj: &Value) -> Result<bool, String> {
    let mut ctx = Context::default();
    ctx.add_variable("object", strip_nulls(obj))
        .map_err(|e| e.to_string())?;
    match p.execute(&ctx) {
        Ok(Cel::Bool(b)) => Ok(b),
        Ok(other) => Err(format!("not a bool: {other:?}")),
        Err(e) => Err(e.to_string()),
    }
}

#[test]
fn every_expression_agrees_with_the_webhook_on_every_fixture() {
    let Some(shared) = shared() else { return };
    let fixtures = fixtures(&shared);
    let mut programs: HashMap<(String, String), Compiled> = HashMap::new();
    let mut wrong = Vec::new();
    let mut evaluated = 0usize;
    for f in &fixtures {
        let policy: PssPolicy = format!("{}@{}", f.level, f.version).parse().unwrap();
        let progs = programs
            .entry((f.level.clone(), f.version.clone()))
            .or_insert_with(|| {
                vap::validations(policy)
                    .into_iter()
                    .map(|v| {
                        let src = inline(&v.expression);
                        let p = Program::compile(&src)
                            .unwrap_or_else(|e| panic!("{}: {e:?}\n{src}", v.code));
                        (v.code, p, v.expression)
                    })
                    .collect()
            });
        let spec = f.pod["spec"].as_object().unwrap();
        let meta = f.pod["metadata"].as_object();
        let violations = pss::evaluate(spec, meta, policy);
        let deployment = json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d"},
            "spec": {"template": {"metadata": f.pod["metadata"], "spec": f.pod["spec"]}}});
        let cronjob = json!({"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "c"},
            "spec": {"jobTemplate": {"spec": {"template": {"metadata": f.pod["metadata"], "spec": f.pod["spec"]}}}}});
        for obj in [&f.pod, &deployment, &cronjob] {
            let mut all = true;
            for (code, p, src) in progs.iter() {
                let webhook_ok = !violations.iter().any(|v| v.check.rule().code == *code);
                match eval(p, obj) {
                    Ok(ok) => {
                        all &= ok;
                        if ok != webhook_ok {
                            wrong.push(format!(
                                "{} [{}] {code}: CEL {ok}, webhook {webhook_ok}\n  {src}",
                                f.rel, obj["kind"]
                            ));
                        }
                    }
                    Err(e) => wrong.push(format!("{} [{}] {code}: {e}", f.rel, obj["kind"])),
                }
                evaluated += 1;
            }
            if all != f.pass {
                wrong.push(format!("{} [{}]: CEL admits = {all}", f.rel, obj["kind"]));
            }
        }
    }
    wrong.truncate(40);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(evaluated > 100_000, "{evaluated}");
}

#[test]
fn the_digest_expression_and_the_rendered_policy() {
    let p = Program::compile(&inline(&vap::digest_validation().expression)).unwrap();
    let pod = |img: &str| json!({"kind": "Pod", "metadata": {}, "spec": {"containers": [{"name": "c", "image": img}]}});
    assert!(eval(&p, &pod(&format!("nginx@sha256:{}", "a".repeat(64)))).unwrap());
    assert!(!eval(&p, &pod("nginx:1.27")).unwrap());
    let y = vap::render(
        "restricted@v1.30".parse().unwrap(),
        true,
        &["bulkhead-system".into()],
    );
    assert!(y.starts_with("apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicy\nmetadata:\n  name: bulkhead-pss-restricted-v1-30\n"), "{y}");
    assert_eq!(
        y.matches("    - expression: ").count(),
        vap::validations("restricted@v1.30".parse().unwrap()).len() + 1
    );
    assert!(y.contains("  validationActions: [Deny]\n"));
    assert!(y.contains("  validationActions: [Warn]\n"));
    assert!(y.contains("values: [\"bulkhead-system\"]"));
    // the YAML parses, and each expression survives the quoting
    let docs = bulkhead_k8s::load("vap.yaml", &y);
    assert!(docs.errors.is_empty(), "{:?}", docs.errors);
    assert_eq!(docs.docs.len(), 3);
    let first = &docs.docs[0].value["spec"]["validations"][0]["expression"];
    assert_eq!(
        first.as_str().unwrap(),
        vap::validations("restricted@v1.30".parse().unwrap())[0].expression
    );
}
