//! `bulkhead verify --key KEY.pub IMAGE`: verify cosign signatures (the `.sig` tag and Sigstore
//! bundle referrers), print the verified payloads (text or JSON). Exit 0 only when at least one
//! signature verifies, 1 when signatures were found or missing but none verified, 2 when the
//! registry or the inputs could not be read.

use super::sign::{RegistryArgs, load_public_keys, parse_annotations};
use anyhow::Context;
use bulkhead_sign::{VerifyError, VerifyOptions};
use std::path::PathBuf;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Public key file (PKIX PEM, `cosign.pub`); repeatable, any one may verify.
    #[arg(long, value_name = "FILE", required = true)]
    key: Vec<PathBuf>,
    /// Annotation every accepted signature must carry (`key=value`, repeatable).
    #[arg(short = 'a', long = "annotations", value_name = "KEY=VALUE")]
    annotations: Vec<String>,
    /// Accept signatures whose `docker-reference` names another repository (cosign's
    /// behaviour); by default they are rejected (copied signatures).
    #[arg(long)]
    no_check_reference: bool,
    /// Kept for clarity: the reference check is on by default.
    #[arg(long, conflicts_with = "no_check_reference")]
    check_reference: bool,
    /// Also read Sigstore bundle referrers when a `.sig` signature already verified.
    #[arg(long)]
    all_layouts: bool,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Text)]
    format: Format,
    #[command(flatten)]
    registry: RegistryArgs,
    /// Image reference (tag or digest).
    #[arg(value_name = "IMAGE")]
    image: String,
}

/// Prints why verification failed and returns the exit status (1: not verified, 2: could not
/// decide).
pub fn report_failure(image: &str, e: VerifyError) -> anyhow::Result<i32> {
    match &e {
        VerifyError::NoSignatures { .. } => {
            eprintln!("error: {e}");
            Ok(1)
        }
        VerifyError::NoneVerified {
            rejected,
            reference,
            digest,
        } => {
            eprintln!("error: no signature of {reference}@{digest} verified");
            for r in rejected {
                eprintln!("  rejected {} ({:?}): {}", r.location, r.layout, r.reason);
            }
            Ok(1)
        }
        _ => Err(anyhow::Error::new(e).context(format!("verifying {image}"))),
    }
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    let keys = load_public_keys(&args.key)?;
    let opts = VerifyOptions {
        check_reference: !args.no_check_reference,
        annotations: parse_annotations(&args.annotations)?,
        all_layouts: args.all_layouts,
    };
    let client = args.registry.client(&args.image)?;
    let res = bulkhead_sign::verify_image(&client, &args.image, &keys, &opts);
    args.registry.report(&client);
    let verified = match res {
        Ok(v) => v,
        Err(e) => return report_failure(&args.image, e),
    };
    match args.format {
        Format::Json => {
            let v: Vec<serde_json::Value> = verified
                .iter()
                .map(|s| {
                    serde_json::json!({
                        "digest": s.digest,
                        "layout": s.layout,
                        "key": s.material,
                        "payload": s.payload,
                    })
                })
                .collect();
            println!(
                "{}",
                serde_json::to_string_pretty(&v).context("JSON output")?
            );
        }
        Format::Text => {
            eprintln!(
                "Verification for {} -- {} signature(s) verified against the given key(s); the payload names the digest{}{}.",
                args.image,
                verified.len(),
                if opts.check_reference {
                    " and the repository"
                } else {
                    ""
                },
                if opts.annotations.is_empty() {
                    ""
                } else {
                    " and carries the required annotations"
                }
            );
            for s in &verified {
                println!("{}", String::from_utf8_lossy(&s.payload_bytes));
            }
        }
    }
    Ok(0)
}
