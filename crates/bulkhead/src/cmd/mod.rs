//! One module per subcommand. Each exposes a clap `Args` and a `run` returning the exit code.

pub mod admission;
pub mod attest;
pub mod audit_scan;
pub mod check;
pub mod completions;
pub mod db;
pub mod engines;
pub mod fs;
pub mod image;
pub mod key;
pub mod man;
pub mod monitor;
pub mod netpol;
pub mod packages;
pub mod registry;
pub mod rules;
pub mod sbom;
pub mod sign;
pub mod verify;
pub mod version;
pub mod walk;

/// Whether an error is (caused by) a closed output pipe, which exits 0 per the contract.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
