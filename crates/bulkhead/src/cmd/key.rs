//! `bulkhead key generate` and `bulkhead key import PEM`: cosign's key pair files. The private
//! key is written encrypted in cosign's format (mode 0600), the public key as PKIX PEM; both
//! files are written to temporary names and renamed only when everything succeeded, so a
//! failure (wrong password, refused key) leaves no partial key file.

use super::sign::password;
use anyhow::{Context, bail};
use bulkhead_sign::{PrivateKey, encrypted};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: KeyCommand,
}

#[derive(Debug, clap::Subcommand)]
enum KeyCommand {
    /// Generate an ECDSA P-256 key pair (PREFIX.key encrypted, PREFIX.pub).
    Generate(GenerateArgs),
    /// Import a PEM private key (RSA 2048-4096, ECDSA P-256/384/521, Ed25519) as cosign's
    /// encrypted key pair.
    Import(ImportArgs),
}

#[derive(Debug, clap::Args)]
struct GenerateArgs {
    /// Write PREFIX.key and PREFIX.pub.
    #[arg(long, value_name = "PREFIX", default_value = "cosign")]
    output_key_prefix: PathBuf,
    /// Overwrite existing files.
    #[arg(long)]
    force: bool,
}

#[derive(Debug, clap::Args)]
struct ImportArgs {
    /// The PEM private key to import (PKCS#1, SEC1 or PKCS#8).
    #[arg(value_name = "PEM")]
    pem: PathBuf,
    /// Write PREFIX.key and PREFIX.pub.
    #[arg(long, value_name = "PREFIX", default_value = "import-cosign")]
    output_key_prefix: PathBuf,
    /// Overwrite existing files.
    #[arg(long)]
    force: bool,
}

fn with_ext(prefix: &Path, ext: &str) -> PathBuf {
    let mut s = prefix.as_os_str().to_owned();
    s.push(".");
    s.push(ext);
    PathBuf::from(s)
}

fn write_pair(key: &PrivateKey, prefix: &Path, force: bool) -> anyhow::Result<()> {
    let (kpath, ppath) = (with_ext(prefix, "key"), with_ext(prefix, "pub"));
    if !force {
        for p in [&kpath, &ppath] {
            if p.exists() {
                bail!("{} exists (use --force to overwrite)", p.display());
            }
        }
    }
    let pw = password("Enter password for private key: ", true)?;
    let private = encrypted::encrypt(key, pw.as_bytes()).context("encrypting the private key")?;
    let public = key
        .public_key()
        .to_pem()
        .context("encoding the public key")?;
    let dir = kpath
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let temp = |content: &str, mode: u32| -> anyhow::Result<tempfile::NamedTempFile> {
        let mut f = tempfile::NamedTempFile::new_in(dir)
            .with_context(|| format!("creating a file in {}", dir.display()))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            f.as_file()
                .set_permissions(std::fs::Permissions::from_mode(mode))?;
        }
        f.write_all(content.as_bytes())?;
        f.as_file().sync_all()?;
        Ok(f)
    };
    let kt = temp(&private, 0o600)?;
    let pt = temp(&public, 0o644)?;
    kt.persist(&kpath)
        .with_context(|| format!("writing {}", kpath.display()))?;
    pt.persist(&ppath)
        .with_context(|| format!("writing {}", ppath.display()))?;
    eprintln!("Private key written to {}", kpath.display());
    eprintln!("Public key written to {}", ppath.display());
    Ok(())
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    match args.command {
        KeyCommand::Generate(a) => {
            write_pair(&PrivateKey::generate_p256(), &a.output_key_prefix, a.force)?;
        }
        KeyCommand::Import(a) => {
            let text =
                std::fs::read(&a.pem).with_context(|| format!("reading {}", a.pem.display()))?;
            let key = PrivateKey::import_pem(&text)
                .with_context(|| format!("importing {}", a.pem.display()))?;
            write_pair(&key, &a.output_key_prefix, a.force)?;
        }
    }
    Ok(0)
}
