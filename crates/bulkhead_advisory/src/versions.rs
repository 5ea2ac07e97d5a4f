//! Range evaluation: an entry's OSV ranges against one installed version, with the ordering
//! of the entry's namespace (`bulkhead_pkg::osv_affected` and `fixed_versions`).

use crate::model::AffectedEntry;
use bulkhead_pkg::{Scheme, VersionError, fixed_versions, osv_affected};

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

/// Whether `version` is affected by `entry`, and the fix that cures it.
pub(crate) fn affects(
    scheme: Scheme,
    entry: &AffectedEntry,
    version: &str,
) -> Result<Option<Hit>, VersionError> {
    if !osv_affected(scheme, version, &entry.affected)? {
        return Ok(None);
    }
    let fixed = fixed_versions(scheme, version, &entry.affected)?
        .into_iter()
        .next();
    Ok(Some(Hit { fixed }))
}
