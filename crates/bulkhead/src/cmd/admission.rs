//! `bulkhead admission serve|review|manifests`: the admission webhook, one review offline,
//! and the manifests that deploy the webhook.

use anyhow::{Context, Result, bail};
use bulkhead_admission::server::{ServerConfig, run_blocking};
use bulkhead_admission::{Endpoint, Engine, Policy, Verdict};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Sub,
}

#[derive(Debug, clap::Subcommand)]
enum Sub {
    /// Serve the webhook over HTTPS (/validate, /mutate, /healthz, /readyz, /metrics).
    Serve(ServeArgs),
    /// Evaluate one AdmissionReview (JSON) offline and print the response review.
    Review(ReviewArgs),
    /// Print the manifests that deploy the webhook (Deployment, Service, ServiceAccount,
    /// PodDisruptionBudget, NetworkPolicy, webhook configurations, cert-manager objects).
    Manifests(ManifestsArgs),
    /// Print the Pod Security Standards of a level as a ValidatingAdmissionPolicy (CEL) and
    /// its bindings: pods denied, pod controllers warned.
    Vap(VapArgs),
}

#[derive(Debug, clap::Args)]
struct VapArgs {
    #[command(flatten)]
    config: ConfigArgs,
    /// Level and version, `LEVEL[@VERSION]` (default: `[admission.pss] enforce`, else
    /// restricted@latest).
    #[arg(long, value_name = "LEVEL[@VERSION]")]
    pss: Option<String>,
}

#[derive(Debug, clap::Args)]
struct ManifestsArgs {
    /// Namespace of the webhook (excluded from its own reviews).
    #[arg(long, default_value = "bulkhead-system")]
    namespace: String,
    /// Image of bulkhead to run (pin it by digest).
    #[arg(long, default_value = "ghcr.io/bulkhead/bulkhead:0.1.0")]
    image: String,
    /// Replicas of the webhook.
    #[arg(long, default_value_t = 2)]
    replicas: u32,
    /// PEM CA bundle of the serving certificate (default: cert-manager issues it and injects
    /// the CA).
    #[arg(long, value_name = "FILE")]
    ca_bundle: Option<PathBuf>,
    /// bulkhead.toml to ship in the ConfigMap.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Webhook call timeout in seconds (1-30).
    #[arg(long, default_value_t = 5)]
    timeout: u32,
}

#[derive(Debug, clap::Args)]
struct ConfigArgs {
    /// Config file (default: bulkhead.toml or .bulkhead.toml found walking up from here).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
struct ServeArgs {
    #[command(flatten)]
    config: ConfigArgs,
    /// PEM certificate chain served (re-read when the file changes).
    #[arg(long, value_name = "FILE")]
    tls_cert: PathBuf,
    /// PEM private key of the certificate (re-read when the file changes).
    #[arg(long, value_name = "FILE")]
    tls_key: PathBuf,
    /// Address to listen on.
    #[arg(long, default_value = "0.0.0.0:8443", value_name = "ADDR:PORT")]
    listen: std::net::SocketAddr,
    /// Worker threads (default: one per core).
    #[arg(long, default_value_t = 0)]
    threads: usize,
}

#[derive(Debug, clap::Args)]
struct ReviewArgs {
    #[command(flatten)]
    config: ConfigArgs,
    /// AdmissionReview JSON file, or `-` for standard input.
    file: PathBuf,
    /// Answer as the mutating endpoint (print the patch) instead of the validating one.
    #[arg(long)]
    mutate: bool,
}

/// Build the engine from the config file (explicit, discovered, or defaults), read the one way
/// every command reads it ([`bulkhead_config::Loaded::find`]).
fn engine(args: &ConfigArgs) -> Result<Engine> {
    let loaded = bulkhead_config::Loaded::find(args.config.as_deref(), &std::env::current_dir()?)
        .context("invalid configuration")?;
    let base = loaded.resolve(Path::new(""));
    let config = &loaded.config;
    let mut policy = Policy::from_config(&config.admission, &base).with_context(|| {
        format!(
            "invalid configuration{}",
            loaded
                .path
                .as_ref()
                .map(|p| format!(" in {}", p.display()))
                .unwrap_or_default()
        )
    })?;
    for p in &config.kubernetes.pod_spec_paths {
        policy
            .k8s
            .pod_spec_paths
            .push(bulkhead_k8s::workload::PodSpecPath {
                kind: p.kind.clone(),
                api_group: p.api_group.clone().unwrap_or_default(),
                template: p.template.clone(),
            });
    }
    Ok(Engine::new(policy))
}

pub fn run(args: Args) -> Result<i32> {
    match args.command {
        Sub::Serve(a) => serve(a),
        Sub::Review(a) => review(a),
        Sub::Manifests(a) => manifests(a),
        Sub::Vap(a) => vap(a),
    }
}

fn serve(a: ServeArgs) -> Result<i32> {
    let engine = Arc::new(engine(&a.config)?);
    let cfg = ServerConfig::new(a.listen, a.tls_cert, a.tls_key);
    eprintln!("bulkhead admission: serving https://{}", a.listen);
    run_blocking(engine, cfg, a.threads).context("admission server")?;
    Ok(0)
}

fn review(a: ReviewArgs) -> Result<i32> {
    let engine = engine(&a.config)?;
    let mut body = Vec::new();
    if a.file.as_os_str() == "-" {
        std::io::stdin()
            .read_to_end(&mut body)
            .context("cannot read standard input")?;
    } else {
        body =
            std::fs::read(&a.file).with_context(|| format!("{}: cannot read", a.file.display()))?;
    }
    let endpoint = if a.mutate {
        Endpoint::Mutate
    } else {
        Endpoint::Validate
    };
    let out = match engine.review(&body, endpoint) {
        Ok(o) => o,
        Err(e) => bail!("{}: {e}", a.file.display()),
    };
    let v: serde_json::Value = serde_json::from_slice(&out.body)?;
    let mut text = serde_json::to_string_pretty(&v)?;
    text.push('\n');
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(match out.verdict {
        Verdict::Denied => 1,
        _ => 0,
    })
}

fn manifests(a: ManifestsArgs) -> Result<i32> {
    let read = |p: &PathBuf| {
        std::fs::read_to_string(p).with_context(|| format!("{}: cannot read", p.display()))
    };
    let config_toml = match &a.config {
        Some(p) => {
            let text = read(p)?;
            bulkhead_config::parse(p, &text).context("invalid configuration")?;
            text
        }
        None => String::new(),
    };
    let o = bulkhead_admission::manifests::ManifestOptions {
        namespace: a.namespace,
        image: a.image,
        replicas: a.replicas,
        ca_bundle_pem: a.ca_bundle.as_ref().map(read).transpose()?,
        config_toml,
        timeout_seconds: a.timeout,
    };
    std::io::stdout()
        .lock()
        .write_all(bulkhead_admission::manifests::manifests(&o).as_bytes())?;
    Ok(0)
}

fn vap(a: VapArgs) -> Result<i32> {
    let engine = engine(&a.config)?;
    let p = &engine.policy;
    let policy: bulkhead_k8s::PssPolicy = match &a.pss {
        Some(s) => s.parse().with_context(|| format!("--pss {s}"))?,
        None if p.psa.defaults.enforce.level != bulkhead_k8s::PssLevel::Privileged => {
            p.psa.defaults.enforce
        }
        None => "restricted".parse()?,
    };
    if policy.level == bulkhead_k8s::PssLevel::Privileged {
        bail!("--pss privileged: the privileged level has no checks to compile");
    }
    let text =
        bulkhead_admission::vap::render(policy, p.images.require_digest, &p.exclude_namespaces);
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(0)
}
