//! `bulkhead attest --key KEY --predicate FILE --type T IMAGE` and
//! `bulkhead verify-attestation --key KEY.pub IMAGE`: in-toto Statement v1 in a DSSE envelope,
//! stored as cosign stores attestations (the `sha256-<hex>.att` tag).

use super::sign::{RegistryArgs, load_private_key, load_public_keys};
use super::verify::{Format, report_failure};
use anyhow::{Context, bail};
use bulkhead_image::registry::PushOptions;
use bulkhead_sign::VerifyOptions;
use bulkhead_sign::payload::predicate_type_uri;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// cosign's encrypted private key file.
    #[arg(long, value_name = "FILE")]
    key: PathBuf,
    /// The predicate document (JSON).
    #[arg(long, value_name = "FILE")]
    predicate: PathBuf,
    /// Predicate type: cyclonedx, spdxjson, spdx, vuln, openvex, slsaprovenance, link, custom,
    /// or a URI.
    #[arg(long = "type", value_name = "TYPE", default_value = "custom")]
    kind: String,
    #[command(flatten)]
    registry: RegistryArgs,
    /// Image reference (tag or digest).
    #[arg(value_name = "IMAGE")]
    image: String,
}

/// Signs `predicate` (JSON bytes) as an attestation of `image`; prints what was done.
pub fn attest_bytes(
    registry: &RegistryArgs,
    key_path: &std::path::Path,
    image: &str,
    kind: &str,
    predicate: &[u8],
) -> anyhow::Result<i32> {
    let Some(uri) = predicate_type_uri(kind) else {
        bail!(
            "--type {kind:?}: expected cyclonedx, spdxjson, vuln, openvex, slsaprovenance, link, custom or a URI"
        );
    };
    let predicate: serde_json::Value =
        serde_json::from_slice(predicate).context("the predicate is not JSON")?;
    let key = load_private_key(key_path)?;
    let client = registry.client(image)?;
    let out = bulkhead_sign::attest_image(
        &client,
        image,
        &key,
        &uri,
        predicate,
        &PushOptions::default(),
    );
    registry.report(&client);
    let out = out.with_context(|| format!("attesting {image}"))?;
    // On stderr: with `sbom|image --attest` standard output carries the document itself.
    eprintln!(
        "Attested {}@{} ({uri}); {} attestation(s) in {}",
        out.target.docker_reference, out.target.digest, out.stored.layers, out.stored.tag
    );
    Ok(0)
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    let predicate = std::fs::read(&args.predicate)
        .with_context(|| format!("reading {}", args.predicate.display()))?;
    attest_bytes(
        &args.registry,
        &args.key,
        &args.image,
        &args.kind,
        &predicate,
    )
}

#[derive(Debug, clap::Args)]
pub struct VerifyArgs {
    /// Public key file (PKIX PEM); repeatable.
    #[arg(long, value_name = "FILE", required = true)]
    key: Vec<PathBuf>,
    /// Only attestations of this predicate type (shorthand or URI).
    #[arg(long = "type", value_name = "TYPE")]
    kind: Option<String>,
    /// Accept statements whose subject names another repository.
    #[arg(long)]
    no_check_reference: bool,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Text)]
    format: Format,
    #[command(flatten)]
    registry: RegistryArgs,
    /// Image reference (tag or digest).
    #[arg(value_name = "IMAGE")]
    image: String,
}

pub fn run_verify(args: VerifyArgs) -> anyhow::Result<i32> {
    let keys = load_public_keys(&args.key)?;
    let kind = match &args.kind {
        Some(k) => {
            Some(predicate_type_uri(k).with_context(|| format!("--type {k:?}: unknown type"))?)
        }
        None => None,
    };
    let opts = VerifyOptions {
        check_reference: !args.no_check_reference,
        ..VerifyOptions::default()
    };
    let client = args.registry.client(&args.image)?;
    let res =
        bulkhead_sign::verify_attestations(&client, &args.image, &keys, kind.as_deref(), &opts);
    args.registry.report(&client);
    let verified = match res {
        Ok(v) => v,
        Err(e) => return report_failure(&args.image, e),
    };
    match args.format {
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&verified).context("JSON output")?
        ),
        Format::Text => {
            eprintln!(
                "Verification for {} -- {} attestation(s) verified against the given key(s).",
                args.image,
                verified.len()
            );
            for a in &verified {
                println!(
                    "{}",
                    serde_json::to_string(&a.statement).context("JSON output")?
                );
            }
        }
    }
    Ok(0)
}

/// `--attest --key FILE` of the commands that produce a document about an image (`sbom`): sign
/// what was just produced and attach it as an attestation, in one step.
#[derive(Debug, Clone, clap::Args)]
pub struct AttestFlags {
    /// Sign the document just produced and attach it to the image as an in-toto attestation
    /// (cosign's `.att` layout); needs --key.
    #[arg(long, requires = "attest_key")]
    pub attest: bool,
    /// cosign's encrypted private key for --attest (password: BULKHEAD_PASSWORD,
    /// COSIGN_PASSWORD or a prompt).
    #[arg(long = "key", id = "attest_key", value_name = "FILE")]
    pub key: Option<PathBuf>,
}

impl AttestFlags {
    /// Attaches `predicate` (JSON) of predicate `kind` to the registry image `image`.
    pub fn attach(
        &self,
        image: &str,
        insecure_registries: &[String],
        kind: &str,
        predicate: &[u8],
    ) -> anyhow::Result<i32> {
        let Some(key) = &self.key else {
            bail!("--attest needs --key");
        };
        if bulkhead_image::registry::Reference::parse(image).is_none() {
            bail!("--attest needs a registry image reference, not {image:?}");
        }
        let registry = RegistryArgs {
            insecure_registry: insecure_registries.to_vec(),
            show_requests: false,
        };
        attest_bytes(&registry, key, image, kind, predicate)
    }
}
