//! SBOM documents from a [`Scan`]: CycloneDX 1.6 JSON and SPDX 2.3 JSON. Deterministic: the
//! serial number and namespace derive from the content, the timestamp is the caller's.

use crate::{Scan, purl};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// Who made the document.
pub struct Creator<'a> {
    pub tool: &'a str,
    pub version: &'a str,
    /// RFC 3339 UTC timestamp, e.g. `2026-01-01T00:00:00Z`.
    pub timestamp: &'a str,
}

fn uuid_from(b: &[u8]) -> String {
    let h = Sha256::digest(b);
    let mut u = [0u8; 16];
    u.copy_from_slice(&h[..16]);
    u[6] = (u[6] & 0x0f) | 0x50; // version 5-style name-based
    u[8] = (u[8] & 0x3f) | 0x80;
    let x = crate::oci::hex(&u);
    format!(
        "{}-{}-{}-{}-{}",
        &x[..8],
        &x[8..12],
        &x[12..16],
        &x[16..20],
        &x[20..]
    )
}

fn fingerprint(scan: &Scan) -> Vec<u8> {
    let mut v = scan.source.as_bytes().to_vec();
    for p in &scan.packages {
        v.extend_from_slice(purl(p).as_bytes());
        v.push(0);
        for l in &p.locations {
            v.extend_from_slice(l.as_bytes());
        }
        v.push(b'\n');
    }
    v
}

/// The SPDX identifier of a licence name as distros and package metadata write it: SPDX ids
/// themselves (any case), Debian's DEP-5 short names (`GPL-2+`, `LGPL-2.1`, `BSD-3-clause`,
/// `Expat`, `Artistic`...) and the usual spellings of language metadata (`Apache 2.0`,
/// `MIT License`). `None` when the name is no known licence (it is then kept as a name).
pub fn spdx_license_id(name: &str) -> Option<&'static str> {
    let n = name.trim();
    let key: String = n
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase()
        .replace("license", "")
        .replace("version", "-")
        .replace("--", "-");
    let key = key.trim_end_matches('-');
    Some(match key {
        "gpl-1" | "gpl-1.0" => "GPL-1.0-only",
        "gpl-1+" | "gpl-1.0+" => "GPL-1.0-or-later",
        "gpl-2" | "gpl-2.0" | "gpl-2.0-only" | "gplv2" => "GPL-2.0-only",
        "gpl-2+" | "gpl-2.0+" | "gpl-2.0-or-later" | "gplv2+" => "GPL-2.0-or-later",
        "gpl-3" | "gpl-3.0" | "gpl-3.0-only" | "gplv3" => "GPL-3.0-only",
        "gpl-3+" | "gpl-3.0+" | "gpl-3.0-or-later" | "gplv3+" => "GPL-3.0-or-later",
        "lgpl-2" | "lgpl-2.0" | "lgpl-2.0-only" => "LGPL-2.0-only",
        "lgpl-2+" | "lgpl-2.0+" | "lgpl-2.0-or-later" => "LGPL-2.0-or-later",
        "lgpl-2.1" | "lgpl-2.1-only" | "lgplv2.1" => "LGPL-2.1-only",
        "lgpl-2.1+" | "lgpl-2.1-or-later" | "lgplv2.1+" => "LGPL-2.1-or-later",
        "lgpl-3" | "lgpl-3.0" | "lgpl-3.0-only" | "lgplv3" => "LGPL-3.0-only",
        "lgpl-3+" | "lgpl-3.0+" | "lgpl-3.0-or-later" | "lgplv3+" => "LGPL-3.0-or-later",
        "agpl-3" | "agpl-3.0" | "agpl-3.0-only" => "AGPL-3.0-only",
        "agpl-3+" | "agpl-3.0+" | "agpl-3.0-or-later" => "AGPL-3.0-or-later",
        "gfdl-1.2" | "gfdl-1.2-only" => "GFDL-1.2-only",
        "gfdl-1.2+" | "gfdl-1.2-or-later" => "GFDL-1.2-or-later",
        "gfdl-1.3" | "gfdl-1.3-only" => "GFDL-1.3-only",
        "gfdl-1.3+" | "gfdl-1.3-or-later" => "GFDL-1.3-or-later",
        "apache-2" | "apache-2.0" | "apache2" | "apache2.0" | "asl2.0" | "apachesoftware" => {
            "Apache-2.0"
        }
        "pythonsoftwarefoundation" => "PSF-2.0",
        "apache-1.1" => "Apache-1.1",
        "mit" | "expat" | "mit/expat" => "MIT",
        "x11" => "X11",
        "isc" => "ISC",
        "bsd-2-clause" | "bsd-2" | "freebsd" => "BSD-2-Clause",
        "bsd-3-clause" | "bsd-3" | "bsd" | "newbsd" => "BSD-3-Clause",
        "bsd-4-clause" => "BSD-4-Clause",
        "0bsd" => "0BSD",
        "zlib" => "Zlib",
        "mpl-1.1" => "MPL-1.1",
        "mpl-2.0" | "mpl-2" | "mpl2.0" => "MPL-2.0",
        "cc0" | "cc0-1.0" => "CC0-1.0",
        "cc-by-4.0" => "CC-BY-4.0",
        "cc-by-sa-3.0" => "CC-BY-SA-3.0",
        "cc-by-sa-4.0" => "CC-BY-SA-4.0",
        "bsl-1.0" | "boost" => "BSL-1.0",
        "psf-2" | "psf-2.0" | "psf" => "PSF-2.0",
        "python-2.0" => "Python-2.0",
        "artistic" | "artistic-1" | "artistic-1.0" => "Artistic-1.0",
        "artistic-2" | "artistic-2.0" => "Artistic-2.0",
        "epl-1.0" => "EPL-1.0",
        "epl-2.0" => "EPL-2.0",
        "openssl" => "OpenSSL",
        "curl" => "curl",
        "unlicense" => "Unlicense",
        "wtfpl" => "WTFPL",
        "unicode-dfs-2016" => "Unicode-DFS-2016",
        "unicode-3.0" => "Unicode-3.0",
        "cddl-1.0" => "CDDL-1.0",
        "blueoak-1.0.0" => "BlueOak-1.0.0",
        _ => return None,
    })
}

/// For each package (by index into `scan.packages`), the indices of the installed packages
/// it depends on: names in [`bulkhead_pkg::Package::depends`] resolved within the same
/// ecosystem by package name or by what a package provides (apk `so:` names). Alternatives
/// that are not installed resolve to nothing; a package never depends on itself.
pub fn dependency_graph(scan: &Scan) -> Vec<Vec<usize>> {
    use std::collections::HashMap;
    let mut by_name: HashMap<(bulkhead_pkg::Ecosystem, &str), usize> = HashMap::new();
    for (i, p) in scan.packages.iter().enumerate() {
        by_name.entry((p.ecosystem, p.name.as_str())).or_insert(i);
    }
    for (i, p) in scan.packages.iter().enumerate() {
        for pr in &p.provides {
            by_name.entry((p.ecosystem, pr.as_str())).or_insert(i);
        }
    }
    scan.packages
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut v: Vec<usize> = p
                .depends
                .iter()
                .filter_map(|d| by_name.get(&(p.ecosystem, d.as_str())).copied())
                .filter(|&j| j != i)
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect()
}

/// The packages the root lists directly: those no other package depends on, plus one
/// member of every dependency cycle that nothing outside the cycle reaches (so every
/// package is reachable from the root).
fn top_level(graph: &[Vec<usize>]) -> Vec<usize> {
    let n = graph.len();
    let mut depended = vec![false; n];
    for deps in graph {
        for &d in deps {
            depended[d] = true;
        }
    }
    let mut top: Vec<usize> = (0..n).filter(|&i| !depended[i]).collect();
    let mut seen = vec![false; n];
    let visit = |start: usize, seen: &mut Vec<bool>| {
        let mut stack = vec![start];
        while let Some(i) = stack.pop() {
            if !std::mem::replace(&mut seen[i], true) {
                stack.extend(graph[i].iter().copied());
            }
        }
    };
    for &t in &top {
        visit(t, &mut seen);
    }
    for i in 0..n {
        if !seen[i] {
            top.push(i);
            visit(i, &mut seen);
        }
    }
    top.sort_unstable();
    top
}

/// A CycloneDX 1.6 JSON document.
pub fn cyclonedx(scan: &Scan, creator: &Creator<'_>) -> Value {
    let root_ref = "bulkhead-root".to_string();
    let mut components = Vec::new();
    let mut refs = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for p in &scan.packages {
        let pu = purl(p);
        let mut r = pu.clone();
        let mut n = 1;
        while !seen.insert(r.clone()) {
            n += 1;
            r = format!("{pu}#{n}");
        }
        let mut props =
            vec![json!({"name": "bulkhead:package:ecosystem", "value": p.ecosystem.purl_type()})];
        if let Some(l) = &p.layer {
            props.push(json!({"name": "bulkhead:layer:diff_id", "value": l}));
        }
        for loc in &p.locations {
            props.push(json!({"name": "bulkhead:location", "value": loc}));
        }
        if let Some(s) = &p.source_name {
            props.push(json!({"name": "bulkhead:package:source_name", "value": s}));
        }
        if let Some(s) = &p.source_version {
            props.push(json!({"name": "bulkhead:package:source_version", "value": s}));
        }
        let mut c = json!({
            "bom-ref": r,
            "type": "library",
            "name": p.name,
            "version": p.version,
            "purl": pu,
            "properties": props,
        });
        if p.ecosystem == bulkhead_pkg::Ecosystem::Maven
            && let Some((g, a)) = p.name.split_once(':')
        {
            c["group"] = json!(g);
            c["name"] = json!(a);
        }
        if !p.licenses.is_empty() {
            // An SPDX id where the name maps to one, else the name as the package states it.
            c["licenses"] = Value::Array(
                p.licenses
                    .iter()
                    .map(|l| match spdx_license_id(l) {
                        Some(id) => json!({"license": {"id": id}}),
                        None => json!({"license": {"name": l}}),
                    })
                    .collect(),
            );
        }
        if !p.locations.is_empty() {
            // The files that declared the package (its database record, lockfile, binary).
            c["evidence"] = json!({
                "occurrences": p.locations.iter().map(|l| json!({"location": l})).collect::<Vec<_>>(),
            });
        }
        if crate::is_os_ecosystem(p.ecosystem)
            && let Some(d) = &p.distro
        {
            c["supplier"] = json!({"name": d.id});
        }
        refs.push(r);
        components.push(c);
    }
    let mut root = json!({
        "bom-ref": root_ref,
        "type": if scan.layers.is_empty() { "application" } else { "container" },
        "name": scan.source,
    });
    if let Some(id) = &scan.image_id {
        root["version"] = json!(id);
    }
    let mut meta_props = Vec::new();
    if let Some(os) = &scan.os {
        meta_props.push(json!({"name": "bulkhead:os:id", "value": os.id}));
        meta_props.push(json!({"name": "bulkhead:os:version", "value": os.version}));
    }
    if let Some(d) = &scan.manifest_digest {
        meta_props.push(json!({"name": "bulkhead:image:manifest_digest", "value": d}));
    }
    for t in &scan.repo_tags {
        meta_props.push(json!({"name": "bulkhead:image:repo_tag", "value": t}));
    }
    for d in &scan.repo_digests {
        meta_props.push(json!({"name": "bulkhead:image:repo_digest", "value": d}));
    }
    for l in &scan.layers {
        meta_props.push(json!({"name": "bulkhead:image:layer", "value": l.diff_id}));
    }
    if !meta_props.is_empty() {
        root["properties"] = Value::Array(meta_props);
    }
    json!({
        "$schema": "http://cyclonedx.org/schema/bom-1.6.schema.json",
        "bomFormat": "CycloneDX",
        "specVersion": "1.6",
        "serialNumber": format!("urn:uuid:{}", uuid_from(&fingerprint(scan))),
        "version": 1,
        "metadata": {
            "timestamp": creator.timestamp,
            "tools": {"components": [{"type": "application", "name": creator.tool, "version": creator.version}]},
            "component": root,
        },
        "components": components,
        "dependencies": dependencies(scan, &root_ref, &refs),
    })
}

/// CycloneDX `dependencies`: the root depends on the top-level packages, each package on the
/// installed packages it declares (every component appears once, `dependsOn` may be empty).
fn dependencies(scan: &Scan, root_ref: &str, refs: &[String]) -> Value {
    let graph = dependency_graph(scan);
    let mut out = vec![json!({
        "ref": root_ref,
        "dependsOn": top_level(&graph).into_iter().map(|i| refs[i].clone()).collect::<Vec<_>>(),
    })];
    for (i, deps) in graph.iter().enumerate() {
        out.push(json!({
            "ref": refs[i],
            "dependsOn": deps.iter().map(|&j| refs[j].clone()).collect::<Vec<_>>(),
        }));
    }
    Value::Array(out)
}

fn spdx_id(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// A licence string as an SPDX expression when it is a plain, simple identifier list; other
/// text becomes a `LicenseRef-` with the original kept as extracted text.
fn spdx_license(l: &str, extracted: &mut Vec<(String, String)>) -> String {
    let simple = |t: &str| {
        !t.is_empty()
            && t.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+'))
            && KNOWN.contains(&t.trim_end_matches('+'))
    };
    let tokens: Vec<&str> = l.split_whitespace().collect();
    let is_expr = !tokens.is_empty()
        && tokens.iter().enumerate().all(|(i, t)| {
            if i % 2 == 1 {
                matches!(*t, "AND" | "OR")
            } else {
                simple(t)
            }
        })
        && tokens.len() % 2 == 1;
    if is_expr {
        return l.to_string();
    }
    let id = format!("LicenseRef-{}", spdx_id(l));
    if !extracted.iter().any(|(i, _)| *i == id) {
        extracted.push((id.clone(), l.to_string()));
    }
    id
}

/// Common SPDX identifiers accepted as-is (anything else becomes a LicenseRef).
const KNOWN: &[&str] = &[
    "MIT",
    "Apache-2.0",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "ISC",
    "GPL-2.0-only",
    "GPL-2.0-or-later",
    "GPL-3.0-only",
    "GPL-3.0-or-later",
    "LGPL-2.1-only",
    "LGPL-2.1-or-later",
    "LGPL-3.0-only",
    "LGPL-3.0-or-later",
    "MPL-2.0",
    "Zlib",
    "Unlicense",
    "0BSD",
    "CC0-1.0",
    "BSL-1.0",
    "Python-2.0",
    "PSF-2.0",
    "Artistic-2.0",
    "EPL-1.0",
    "EPL-2.0",
    "WTFPL",
    "OpenSSL",
    "Unicode-DFS-2016",
    "Unicode-3.0",
    "AGPL-3.0-only",
    "AGPL-3.0-or-later",
    "BlueOak-1.0.0",
    "CDDL-1.0",
    "curl",
    "X11",
    "GPL-2.0",
    "GPL-3.0",
    "LGPL-2.1",
    "LGPL-3.0",
];

/// An SPDX 2.3 JSON document.
pub fn spdx(scan: &Scan, creator: &Creator<'_>) -> Value {
    let uuid = uuid_from(&fingerprint(scan));
    let mut extracted = Vec::new();
    let root_id = "SPDXRef-Root".to_string();
    let mut packages = vec![json!({
        "SPDXID": root_id,
        "name": scan.source,
        "versionInfo": scan.image_id.clone().unwrap_or_else(|| "NOASSERTION".into()),
        "downloadLocation": "NOASSERTION",
        "filesAnalyzed": false,
        "licenseConcluded": "NOASSERTION",
        "licenseDeclared": "NOASSERTION",
        "copyrightText": "NOASSERTION",
        "primaryPackagePurpose": if scan.layers.is_empty() { "FILE" } else { "CONTAINER" },
    })];
    let mut rels = vec![json!({
        "spdxElementId": "SPDXRef-DOCUMENT",
        "relationshipType": "DESCRIBES",
        "relatedSpdxElement": root_id,
    })];
    let spdx_ref = |i: usize| {
        format!(
            "SPDXRef-Package-{}-{}",
            i + 1,
            spdx_id(&scan.packages[i].name)
        )
    };
    for (i, p) in scan.packages.iter().enumerate() {
        let id = spdx_ref(i);
        let declared = if p.licenses.is_empty() {
            "NOASSERTION".to_string()
        } else {
            let parts: Vec<String> = p
                .licenses
                .iter()
                .map(|l| match spdx_license_id(l) {
                    Some(id) => id.to_string(),
                    None => spdx_license(l, &mut extracted),
                })
                .collect();
            if parts.len() == 1 {
                parts[0].clone()
            } else {
                parts
                    .iter()
                    .map(|x| {
                        if x.contains(' ') {
                            format!("({x})")
                        } else {
                            x.clone()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" AND ")
            }
        };
        let mut pkg = json!({
            "SPDXID": id,
            "name": p.name,
            "versionInfo": p.version,
            "downloadLocation": "NOASSERTION",
            "filesAnalyzed": false,
            "licenseConcluded": "NOASSERTION",
            "licenseDeclared": declared,
            "copyrightText": "NOASSERTION",
            "primaryPackagePurpose": if crate::is_os_ecosystem(p.ecosystem) { "OPERATING-SYSTEM" } else { "LIBRARY" },
            "externalRefs": [{
                "referenceCategory": "PACKAGE-MANAGER",
                "referenceType": "purl",
                "referenceLocator": purl(p),
            }],
        });
        let mut info = Vec::new();
        if let Some(l) = &p.layer {
            info.push(format!("layer {l}"));
        }
        if !p.locations.is_empty() {
            info.push(format!("found in {}", p.locations.join(", ")));
        }
        if !info.is_empty() {
            pkg["sourceInfo"] = json!(info.join("; "));
        }
        if let Some(s) = &p.source_name {
            pkg["comment"] = json!(
                format!(
                    "source package {s} {}",
                    p.source_version.as_deref().unwrap_or("")
                )
                .trim_end()
                .to_string()
            );
        }
        rels.push(json!({
            "spdxElementId": root_id,
            "relationshipType": "CONTAINS",
            "relatedSpdxElement": id,
        }));
        packages.push(pkg);
    }
    for (i, deps) in dependency_graph(scan).iter().enumerate() {
        for &j in deps {
            rels.push(json!({
                "spdxElementId": spdx_ref(i),
                "relationshipType": "DEPENDS_ON",
                "relatedSpdxElement": spdx_ref(j),
            }));
        }
    }
    let mut doc = json!({
        "spdxVersion": "SPDX-2.3",
        "dataLicense": "CC0-1.0",
        "SPDXID": "SPDXRef-DOCUMENT",
        "name": scan.source,
        "documentNamespace": format!("https://spdx.org/spdxdocs/bulkhead/{uuid}"),
        "creationInfo": {
            "created": creator.timestamp,
            "creators": [format!("Tool: {}-{}", creator.tool, creator.version)],
        },
        "packages": packages,
        "relationships": rels,
    });
    if !extracted.is_empty() {
        doc["hasExtractedLicensingInfos"] = Value::Array(
            extracted
                .into_iter()
                .map(|(id, text)| json!({"licenseId": id, "extractedText": text, "name": text}))
                .collect(),
        );
    }
    doc
}
