//! Range evaluation: an entry's OSV ranges against one installed version, read once per
//! package with the ordering of the entry's namespace (`bulkhead_pkg::osv_evaluate`, which
//! answers as `osv_affected` and `fixed_versions` do).

use crate::model::AffectedEntry;
use bulkhead_pkg::{InstalledVersion, Scheme, VersionError, osv_evaluate};

/// The version ordering of a namespace; `None` for namespaces no scheme orders (they are
/// never matched rather than matched by guesswork).
pub(crate) fn scheme_for(namespace: &str) -> Option<Scheme> {
    let (base, release) = namespace.split_once(':').unwrap_or((namespace, ""));
    Some(match base {
        "crates.io" | "npm" => Scheme::Semver,
        "Go" => Scheme::Go,
        "PyPI" => Scheme::Pep440,
        "Maven" => Scheme::Maven,
        "RubyGems" => Scheme::Gem,
        "NuGet" => Scheme::Nuget,
        "alpine" => Scheme::for_alpine_release(release),
        "debian" | "ubuntu" => Scheme::Dpkg,
        "rhel" | "rocky" | "almalinux" | "centos" | "fedora" | "ol" | "amzn" | "opensuse"
        | "sles" => Scheme::Rpm,
        _ => return None,
    })
}

/// A positive match of one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    /// The lowest fix above the installed version, when there is one.
    pub fixed: Option<String>,
}

/// Whether the installed version is affected by `entry`, and the fix that cures it.
pub(crate) fn affects(
    installed: &InstalledVersion<'_>,
    entry: &AffectedEntry,
) -> Result<Option<Hit>, VersionError> {
    Ok(osv_evaluate(installed, &entry.affected)?.map(|fixes| Hit {
        fixed: fixes.into_iter().next(),
    }))
}
