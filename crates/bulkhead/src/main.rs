//! The `bulkhead` binary: command-line parsing, dispatch to the commands, and the exit status.
//! Only this crate prints, uses clap and anyhow.

mod atomic;
mod cmd;
mod settings;

use clap::{CommandFactory, Parser, Subcommand};
use std::process::ExitCode;

/// `bulkhead --version`: the crate version, the commit and the build date (see build.rs).
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (",
    env!("BULKHEAD_COMMIT"),
    " ",
    env!("BULKHEAD_BUILD_DATE"),
    ")"
);

/// Harden containers across their whole life: Dockerfiles, images, Kubernetes manifests,
/// NetworkPolicies, packages and their vulnerabilities.
#[derive(Debug, Parser)]
#[command(name = "bulkhead", version = VERSION, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check Dockerfiles, Kubernetes manifests and Compose files for weaknesses.
    Check(cmd::check::Args),
    /// Admission webhook: serve it, review one request offline.
    Admission(cmd::admission::Args),
    /// Print the documentation of one rule.
    Rule(cmd::rules::RuleArgs),
    /// List every rule.
    Rules(cmd::rules::RulesArgs),
    /// Print a shell completion script.
    Completions(cmd::completions::Args),
    /// Write the man pages (one per command) to a directory.
    Man(cmd::man::Args),
    /// Compare versions and test ranges as each ecosystem's own tool does.
    Version(cmd::version::Args),
    /// Build, update and inspect the vulnerability advisory database.
    #[command(subcommand_required = true)]
    Db(cmd::db::Args),
    /// Scan an image for vulnerable packages (the CI gate); `--list-packages` lists them.
    Image(cmd::image::Args),
    /// Scan a directory (root filesystem or project) for vulnerable packages.
    Fs(cmd::fs::Args),
    /// NetworkPolicy analysis: connectivity list, explain, diff, lints, synthesis.
    #[command(subcommand_required = true)]
    Netpol(cmd::netpol::Args),
    /// Watch running processes and containers with Falco rules (runtime detection, drift prevention).
    Monitor(cmd::monitor::Args),
    /// Write a software bill of materials (CycloneDX 1.6 or SPDX 2.3) of an image or directory.
    Sbom(cmd::sbom::Args),
    /// Generate or import cosign-compatible key pairs.
    #[command(subcommand_required = true)]
    Key(cmd::key::Args),
    /// Sign an image as cosign does (the `.sig` tag; `--bundle`: a Sigstore bundle referrer).
    Sign(cmd::sign::Args),
    /// Verify an image's cosign signatures; exit 0 only when one verifies.
    Verify(cmd::verify::Args),
    /// Attach a signed in-toto attestation (DSSE) to an image, as cosign does.
    Attest(cmd::attest::Args),
    /// Verify an image's attestations.
    VerifyAttestation(cmd::attest::VerifyArgs),
}

fn main() -> ExitCode {
    // Rust ignores SIGPIPE, so a closed stdout (`bulkhead ... | head`) surfaces as an EPIPE
    // error, which every command maps to exit 0 through `cmd::is_broken_pipe`.
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Command::Check(args) => cmd::check::run(args),
        Command::Admission(args) => cmd::admission::run(args),
        Command::Rule(args) => cmd::rules::run_rule(args),
        Command::Rules(args) => cmd::rules::run_rules(args),
        Command::Completions(args) => cmd::completions::run(args, Cli::command()),
        Command::Man(args) => cmd::man::run(args, Cli::command()),
        Command::Version(args) => cmd::version::run(args),
        Command::Db(args) => cmd::db::run(args),
        Command::Image(args) => cmd::image::run(args),
        Command::Fs(args) => cmd::fs::run(args),
        Command::Netpol(args) => cmd::netpol::run(args),
        Command::Sbom(args) => cmd::sbom::run(args),
        Command::Monitor(args) => cmd::monitor::run(args),
        Command::Key(args) => cmd::key::run(args),
        Command::Sign(args) => cmd::sign::run(args),
        Command::Verify(args) => cmd::verify::run(args),
        Command::Attest(args) => cmd::attest::run(args),
        Command::VerifyAttestation(args) => cmd::attest::run_verify(args),
    };
    match result {
        Ok(code) => ExitCode::from(code.clamp(0, 255) as u8),
        Err(e) => {
            if cmd::is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            // Errors quote paths and input text: never let them reach the terminal raw.
            // (Line by line: a message may span lines on purpose.)
            let safe = |s: String| {
                s.split('\n')
                    .map(|l| bulkhead_diagnostics::render::sanitize(l).into_owned())
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            eprintln!("error: {}", safe(e.to_string()));
            for cause in e.chain().skip(1) {
                eprintln!("  caused by: {}", safe(cause.to_string()));
            }
            ExitCode::from(2)
        }
    }
}
