//! OpenVEX documents (<https://github.com/openvex/spec>): statements that a vulnerability
//! does not affect (or is fixed in) a product. `not_affected` and `fixed` suppress a finding,
//! with the justification shown; `affected` and `under_investigation` leave it in. When several
//! statements match, the last one in the document wins (statements are appended over time).

use crate::error::{Error, Result};
use crate::matcher::Finding;
use bulkhead_pkg::Purl;
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Doc {
    #[serde(default)]
    statements: Vec<RawStatement>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Vuln {
    Name(String),
    Object {
        #[serde(default)]
        name: Option<String>,
        #[serde(rename = "@id", default)]
        id: Option<String>,
        #[serde(default)]
        aliases: Vec<String>,
    },
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Product {
    Id(String),
    Object {
        #[serde(rename = "@id", default)]
        id: Option<String>,
        #[serde(default)]
        identifiers: Option<serde_json::Value>,
        #[serde(default)]
        subcomponents: Vec<Product>,
    },
}

#[derive(Deserialize)]
struct RawStatement {
    vulnerability: Vuln,
    #[serde(default)]
    products: Vec<Product>,
    #[serde(default)]
    subcomponents: Vec<Product>,
    status: String,
    #[serde(default)]
    justification: Option<String>,
    #[serde(default)]
    impact_statement: Option<String>,
}

/// One statement, flattened.
#[derive(Debug, Clone)]
pub struct Statement {
    /// Vulnerability name and aliases.
    pub ids: Vec<String>,
    /// Product identifiers (purls, image references); empty means any.
    pub products: Vec<String>,
    /// Subcomponent purls; empty means the whole product.
    pub subcomponents: Vec<String>,
    /// `not_affected`, `affected`, `fixed`, `under_investigation`.
    pub status: String,
    pub justification: Option<String>,
    pub impact_statement: Option<String>,
}

/// A parsed VEX document.
#[derive(Debug, Clone)]
pub struct VexDocument {
    /// The file it was read from.
    pub origin: String,
    pub statements: Vec<Statement>,
}

fn product_ids(p: &Product, out: &mut Vec<String>, subs: &mut Vec<String>) {
    match p {
        Product::Id(s) => out.push(s.clone()),
        Product::Object {
            id,
            identifiers,
            subcomponents,
        } => {
            out.extend(id.clone());
            if let Some(purl) = identifiers
                .as_ref()
                .and_then(|i| i.get("purl"))
                .and_then(|v| v.as_str())
            {
                out.push(purl.to_string());
            }
            for s in subcomponents {
                product_ids(s, subs, &mut Vec::new());
            }
        }
    }
}

impl VexDocument {
    /// Read an OpenVEX JSON document.
    pub fn read(path: &Path) -> Result<VexDocument> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let doc: Doc = serde_json::from_slice(&bytes)
            .map_err(|e| Error::parse(path, format!("not an OpenVEX document: {e}")))?;
        let statements = doc
            .statements
            .into_iter()
            .map(|s| {
                let ids = match s.vulnerability {
                    Vuln::Name(n) => vec![n],
                    Vuln::Object { name, id, aliases } => {
                        name.into_iter().chain(id).chain(aliases).collect()
                    }
                };
                let mut products = Vec::new();
                let mut subcomponents = Vec::new();
                for p in &s.products {
                    product_ids(p, &mut products, &mut subcomponents);
                }
                for p in &s.subcomponents {
                    product_ids(p, &mut subcomponents, &mut Vec::new());
                }
                Statement {
                    ids,
                    products,
                    subcomponents,
                    status: s.status,
                    justification: s.justification,
                    impact_statement: s.impact_statement,
                }
            })
            .collect();
        Ok(VexDocument {
            origin: path.display().to_string(),
            statements,
        })
    }

    /// The status and justification of the last statement about this finding, when that
    /// statement suppresses it (`not_affected`, `fixed`).
    pub fn suppression(&self, f: &Finding) -> Option<String> {
        let s = self
            .statements
            .iter()
            .rev()
            .find(|s| statement_applies(s, f))?;
        if s.status != "not_affected" && s.status != "fixed" {
            return None;
        }
        let mut text = s.status.clone();
        if let Some(j) = &s.justification {
            text.push_str(": ");
            text.push_str(j);
        }
        if let Some(i) = &s.impact_statement {
            text.push_str(" (");
            text.push_str(i);
            text.push(')');
        }
        Some(text)
    }
}

/// Whether a purl names the finding's package (type and name; version when the purl has one).
fn purl_matches(purl: &str, f: &Finding) -> bool {
    let Ok(p) = purl.parse::<Purl>() else {
        return false;
    };
    if p.ty != f.ecosystem.purl_type() {
        return false;
    }
    let full = match (&p.namespace, f.ecosystem.purl_type()) {
        // Distro purls put the distro in the namespace.
        (_, "deb" | "apk" | "rpm") | (None, _) => p.name.clone(),
        (Some(ns), "maven") => format!("{ns}:{}", p.name),
        (Some(ns), _) => format!("{ns}/{}", p.name),
    };
    let name_ok = full.eq_ignore_ascii_case(&f.package)
        || f.source_package
            .as_deref()
            .is_some_and(|s| s.eq_ignore_ascii_case(&full));
    // deb and rpm purls carry a non-zero epoch as a qualifier (`@1.2-3?epoch=1` is `1:1.2-3`).
    let with_epoch = |v: &str| match p.qualifiers.get("epoch") {
        Some(e) => format!("{e}:{v}"),
        None => v.to_string(),
    };
    let version_ok = p.version.as_deref().is_none_or(|v| {
        v == f.installed
            || with_epoch(v) == f.installed
            || v.trim_start_matches('v') == f.installed.trim_start_matches('v')
    });
    name_ok && version_ok
}

fn is_package_purl(s: &str) -> bool {
    s.parse::<Purl>()
        .is_ok_and(|p| !matches!(p.ty.as_str(), "oci" | "docker" | "generic"))
}

fn statement_applies(s: &Statement, f: &Finding) -> bool {
    if !s
        .ids
        .iter()
        .any(|i| f.all_ids().any(|id| id.eq_ignore_ascii_case(i)))
    {
        return false;
    }
    if !s.subcomponents.is_empty() {
        return s.subcomponents.iter().any(|p| purl_matches(p, f));
    }
    let package_products: Vec<&String> = s.products.iter().filter(|p| is_package_purl(p)).collect();
    // Products that are images (or anything but a package purl) cover every package in them.
    package_products.is_empty() || package_products.iter().any(|p| purl_matches(p, f))
}
