//! `bulkhead sign --key KEY IMAGE`: sign an image as cosign does (simple-signing payload in the
//! `sha256-<hex>.sig` tag; `--bundle` also attaches a Sigstore bundle v0.3 as an OCI referrer).
//! Also the pieces the other supply-chain commands share: registry flags, the password (from
//! `BULKHEAD_PASSWORD`/`COSIGN_PASSWORD` or a no-echo prompt) and loading keys.

use anyhow::{Context, bail};
use bulkhead_image::ScanOptions;
use bulkhead_image::registry::{Client, PushOptions, Reference};
use bulkhead_sign::{PrivateKey, PublicKey, SignOptions, encrypted};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Registry connection flags shared by sign, verify and attest.
#[derive(Debug, Clone, clap::Args)]
pub struct RegistryArgs {
    /// Registry host (`host[:port]`) to reach over plain HTTP; repeatable. TLS is verified for
    /// every other host.
    #[arg(long = "insecure-registry", value_name = "HOST")]
    pub insecure_registry: Vec<String>,
    /// Print the number of HTTP requests made to standard error (benchmarks).
    #[arg(long, hide = true)]
    pub show_requests: bool,
}

impl RegistryArgs {
    /// A client for `image`'s repository.
    pub fn client(&self, image: &str) -> anyhow::Result<Client> {
        let r = Reference::parse(image)
            .with_context(|| format!("{image:?} is not an image reference"))?;
        let opts = ScanOptions {
            insecure_registries: self.insecure_registry.clone(),
            ..ScanOptions::default()
        };
        Ok(Client::new(&r, &opts))
    }

    /// Prints the request count when asked.
    pub fn report(&self, client: &Client) {
        if self.show_requests {
            eprintln!("http requests: {}", client.request_count());
        }
    }
}

/// `key=value` annotation flags.
pub fn parse_annotations(raw: &[String]) -> anyhow::Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for a in raw {
        let (k, v) = a
            .split_once('=')
            .with_context(|| format!("annotation {a:?}: expected key=value"))?;
        if k.is_empty() {
            bail!("annotation {a:?}: empty key");
        }
        out.insert(k.to_string(), v.to_string());
    }
    Ok(out)
}

/// The password: `BULKHEAD_PASSWORD`, then `COSIGN_PASSWORD` (an empty value is an empty
/// password, as cosign takes it), else a no-echo prompt on the terminal (`confirm`: asked twice).
pub fn password(prompt: &str, confirm: bool) -> anyhow::Result<String> {
    for var in ["BULKHEAD_PASSWORD", "COSIGN_PASSWORD"] {
        if let Ok(p) = std::env::var(var) {
            return Ok(p);
        }
    }
    let p = rpassword::prompt_password(prompt)
        .context("reading the password (no terminal? set BULKHEAD_PASSWORD or COSIGN_PASSWORD)")?;
    if confirm {
        let again = rpassword::prompt_password("Enter password for private key again: ")
            .context("reading the password")?;
        if again != p {
            bail!("passwords do not match");
        }
    }
    Ok(p)
}

/// Loads cosign's encrypted private key file.
pub fn load_private_key(path: &Path) -> anyhow::Result<PrivateKey> {
    let text = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let pw = password("Enter password for private key: ", false)?;
    encrypted::decrypt(&text, pw.as_bytes()).with_context(|| format!("loading {}", path.display()))
}

/// Loads public keys (PKIX PEM files).
pub fn load_public_keys(paths: &[PathBuf]) -> anyhow::Result<Vec<PublicKey>> {
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read(p).with_context(|| format!("reading {}", p.display()))?;
            PublicKey::from_pem(&text).with_context(|| format!("loading {}", p.display()))
        })
        .collect()
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// cosign's encrypted private key file (`cosign.key`).
    #[arg(long, value_name = "FILE")]
    key: PathBuf,
    /// Annotation added to the payload's `optional` section (`key=value`, repeatable).
    #[arg(short = 'a', long = "annotations", value_name = "KEY=VALUE")]
    annotations: Vec<String>,
    /// Also attach a Sigstore bundle v0.3 as an OCI 1.1 referrer (tag-schema fallback when
    /// the registry has no referrers API).
    #[arg(long)]
    bundle: bool,
    /// Upload blobs in chunks of this many bytes instead of one request.
    #[arg(long, value_name = "BYTES")]
    chunk_size: Option<usize>,
    #[command(flatten)]
    registry: RegistryArgs,
    /// Image reference (tag or digest).
    #[arg(value_name = "IMAGE")]
    image: String,
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    let annotations = parse_annotations(&args.annotations)?;
    let key = load_private_key(&args.key)?;
    let client = args.registry.client(&args.image)?;
    let opts = SignOptions {
        annotations,
        bundle: args.bundle,
        push: PushOptions {
            chunk_size: args.chunk_size,
            ..PushOptions::default()
        },
    };
    let out = bulkhead_sign::sign_image(&client, &args.image, &key, &opts);
    args.registry.report(&client);
    let out = out.with_context(|| format!("signing {}", args.image))?;
    let signed = format!("{}@{}", out.target.docker_reference, out.target.digest);
    if out.stored.already_present {
        println!(
            "{signed}: already signed with this payload ({})",
            out.stored.tag
        );
    } else {
        println!("Signed {signed}");
        println!(
            "Pushed signature to {}:{} ({} signature(s) in the tag)",
            out.target.docker_reference, out.stored.tag, out.stored.layers
        );
    }
    if let Some((d, fallback)) = &out.bundle {
        println!(
            "Attached Sigstore bundle {}@{d}{}",
            out.target.docker_reference,
            if *fallback {
                " (tag-schema fallback: the registry has no referrers API)"
            } else {
                ""
            }
        );
    }
    Ok(0)
}
