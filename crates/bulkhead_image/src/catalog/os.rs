//! OS identity from `/etc/os-release` (or `/usr/lib/os-release`), `/etc/alpine-release`,
//! `/etc/debian_version` and `/etc/redhat-release`, in that order of trust.

use bulkhead_pkg::Distro;

/// Reads `os-release` (`KEY=value` lines, optionally quoted).
pub fn from_os_release(text: &str) -> Option<Distro> {
    let mut id = None;
    let mut version = None;
    let mut codename = None;
    for line in text.lines() {
        let Some((k, v)) = line.split_once('=') else {
            continue;
        };
        let v = v.trim().trim_matches('"').trim_matches('\'').to_string();
        match k.trim() {
            "ID" => id = Some(v),
            "VERSION_ID" => version = Some(v),
            "VERSION_CODENAME" if !v.is_empty() => codename = Some(v),
            _ => {}
        }
    }
    let id = id?;
    Some(Distro {
        id,
        version: version.unwrap_or_default(),
        codename,
        point_release: None,
    })
}

/// `3.20.3` in `/etc/alpine-release`.
pub fn from_alpine_release(text: &str) -> Option<Distro> {
    let v = text.lines().next()?.trim();
    (!v.is_empty()).then(|| Distro {
        id: "alpine".into(),
        version: v.to_string(),
        codename: None,
        point_release: None,
    })
}

/// `12.8` or `trixie/sid` in `/etc/debian_version`.
pub fn from_debian_version(text: &str) -> Option<Distro> {
    let v = text.lines().next()?.trim();
    if v.is_empty() {
        return None;
    }
    let major = v.split('.').next().unwrap_or(v);
    let (version, codename) = if major.chars().all(|c| c.is_ascii_digit()) {
        (major.to_string(), None)
    } else {
        (
            String::new(),
            Some(v.split('/').next().unwrap_or(v).to_string()),
        )
    };
    Some(Distro {
        id: "debian".into(),
        version,
        codename,
        point_release: None,
    })
}

/// The point release in `/etc/debian_version` (`12.8`), when it is numeric.
pub fn debian_point_release(text: &str) -> Option<String> {
    let v = text.lines().next()?.trim();
    (v.contains('.') && v.chars().all(|c| c.is_ascii_digit() || c == '.')).then(|| v.to_string())
}

/// `Red Hat Enterprise Linux release 9.4 (Plow)`, `CentOS Linux release 7.9.2009 (Core)`,
/// `Rocky Linux release 9.3 (Blue Onyx)`, `Fedora release 40 (Forty)`.
pub fn from_redhat_release(text: &str) -> Option<Distro> {
    let line = text.lines().next()?.trim();
    let (name, rest) = line.split_once(" release ")?;
    let version = rest.split_whitespace().next()?.to_string();
    let lower = name.to_ascii_lowercase();
    let id = if lower.contains("red hat") {
        "rhel"
    } else if lower.contains("centos") {
        "centos"
    } else if lower.contains("rocky") {
        "rocky"
    } else if lower.contains("alma") {
        "almalinux"
    } else if lower.contains("fedora") {
        "fedora"
    } else if lower.contains("oracle") {
        "ol"
    } else {
        return None;
    };
    Some(Distro {
        id: id.into(),
        version,
        codename: None,
        point_release: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn os_release_debian() {
        let d = from_os_release(
            "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n",
        )
        .unwrap();
        assert_eq!(d.id, "debian");
        assert_eq!(d.version, "12");
        assert_eq!(d.codename.as_deref(), Some("bookworm"));
    }

    #[test]
    fn redhat_variants() {
        let d = from_redhat_release("Rocky Linux release 9.3 (Blue Onyx)\n").unwrap();
        assert_eq!((d.id.as_str(), d.version.as_str()), ("rocky", "9.3"));
        assert!(from_redhat_release("nonsense").is_none());
    }

    #[test]
    fn debian_version_testing() {
        let d = from_debian_version("trixie/sid\n").unwrap();
        assert_eq!(d.codename.as_deref(), Some("trixie"));
        assert_eq!(from_debian_version("12.8\n").unwrap().version, "12");
        assert_eq!(debian_point_release("12.8\n").as_deref(), Some("12.8"));
        assert_eq!(debian_point_release("trixie/sid\n"), None);
    }
}
