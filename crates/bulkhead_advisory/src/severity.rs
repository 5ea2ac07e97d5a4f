//! Severity: CVSS vectors scored with the `cvss` crate, textual levels mapped onto
//! [`Severity`], and the choice of the most authoritative statement.

use crate::model::{Cvss, SeverityRecord};
use bulkhead_diagnostics::Severity;

/// Parse and score a CVSS v2, v3.x or v4.0 vector. `None` when the vector does not parse.
pub fn score_vector(vector: &str) -> Option<Cvss> {
    let v = vector.trim();
    let version = if let Some(rest) = v.strip_prefix("CVSS:") {
        rest.split('/').next()?.to_string()
    } else {
        "2.0".to_string()
    };
    let parsed: cvss::Cvss = if version == "2.0" {
        v.parse::<cvss::v2::Vector>()
            .ok()
            .map(cvss::Cvss::CvssV20)?
    } else {
        v.parse().ok()?
    };
    Some(Cvss {
        version,
        vector: v.to_string(),
        score: parsed.score(),
    })
}

/// The level a CVSS base score maps to (v3/v4 qualitative scale; 0.0 is info).
pub fn level_from_score(score: f64) -> Severity {
    if score >= 9.0 {
        Severity::Critical
    } else if score >= 7.0 {
        Severity::High
    } else if score >= 4.0 {
        Severity::Medium
    } else if score > 0.0 {
        Severity::Low
    } else {
        Severity::Info
    }
}

/// A textual level (`HIGH`, `MODERATE`, `low**`, `unimportant`...). `None` for "unknown" and
/// "not yet assigned", which say nothing.
pub(crate) fn level_from_text(text: &str) -> Option<Severity> {
    let t = text.trim().trim_end_matches('*').to_ascii_lowercase();
    match t.as_str() {
        "critical" => Some(Severity::Critical),
        "high" | "important" => Some(Severity::High),
        "medium" | "moderate" => Some(Severity::Medium),
        "low" | "unimportant" | "negligible" => Some(Severity::Low),
        _ => None,
    }
}

/// A record for a vector, with the level its score gives.
pub(crate) fn record_from_vector(
    source: crate::SeveritySource,
    vector: &str,
) -> Option<SeverityRecord> {
    let scored = score_vector(vector)?;
    Some(SeverityRecord {
        source,
        level: Some(level_from_score(scored.score)),
        vector: Some(scored.vector),
    })
}

/// How preferable a record is within its source: v4 over v3 over v2 over a bare level.
fn vector_rank(r: &SeverityRecord) -> u8 {
    match r.vector.as_deref() {
        Some(v) if v.starts_with("CVSS:4") => 3,
        Some(v) if v.starts_with("CVSS:3") => 2,
        Some(_) => 1,
        None => 0,
    }
}

/// The most authoritative statement: lowest source (vendor, GHSA, NVD), then the newest CVSS
/// version; records without a level are passed over.
pub(crate) fn choose<'a>(
    records: impl IntoIterator<Item = &'a SeverityRecord>,
) -> Option<&'a SeverityRecord> {
    records
        .into_iter()
        .filter(|r| r.level.is_some())
        .min_by_key(|r| (r.source, std::cmp::Reverse(vector_rank(r))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SeveritySource;

    #[test]
    fn scores_v3_and_v4() {
        let s = score_vector("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").unwrap();
        assert_eq!((s.version.as_str(), s.score), ("3.1", 9.8));
        let s4 = score_vector("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")
            .unwrap();
        assert_eq!((s4.version.as_str(), s4.score), ("4.0", 9.3));
        assert!(score_vector("nonsense").is_none());
    }

    #[test]
    fn vendor_wins_over_ghsa_and_nvd() {
        let nvd = record_from_vector(
            SeveritySource::Nvd,
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        )
        .unwrap();
        let ghsa = SeverityRecord {
            source: SeveritySource::Ghsa,
            level: Some(Severity::Medium),
            vector: None,
        };
        let vendor = SeverityRecord {
            source: SeveritySource::Vendor,
            level: Some(Severity::Low),
            vector: None,
        };
        let all = [nvd.clone(), ghsa.clone(), vendor.clone()];
        assert_eq!(choose(&all), Some(&vendor));
        assert_eq!(choose(&all[..2]), Some(&ghsa));
        assert_eq!(level_from_text("low**"), Some(Severity::Low));
        assert_eq!(level_from_text("not yet assigned"), None);
    }
}
