//! Counters of the webhook, rendered as Prometheus text for `/metrics`: reviews by verdict, a
//! latency histogram, and the supply-chain cache hits.
//!
//! Owns: lock-free counters (atomics) and their text exposition. Nothing here allocates per
//! request.

use crate::supply::CacheStats;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// The outcome of one review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Allowed,
    /// Allowed with warnings.
    Warned,
    Denied,
    /// Not an AdmissionReview (HTTP 400).
    Invalid,
}

impl Verdict {
    fn index(self) -> usize {
        self as usize
    }
    const NAMES: [&'static str; 4] = ["allowed", "warned", "denied", "invalid"];
}

/// Upper bounds of the latency buckets, seconds.
pub const BUCKETS: [f64; 12] = [
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1.0,
];

/// The webhook's counters.
#[derive(Debug, Default)]
pub struct Metrics {
    by_verdict: [AtomicU64; 4],
    buckets: [AtomicU64; BUCKETS.len()],
    count: AtomicU64,
    sum_micros: AtomicU64,
    /// HTTP requests answered 4xx before reaching the engine (bad path, method, size, TLS).
    pub http_errors: AtomicU64,
}

impl Metrics {
    /// Record one review.
    pub fn record(&self, v: Verdict, took: Duration) {
        self.by_verdict[v.index()].fetch_add(1, Ordering::Relaxed);
        let s = took.as_secs_f64();
        for (i, b) in BUCKETS.iter().enumerate() {
            if s <= *b {
                self.buckets[i].fetch_add(1, Ordering::Relaxed);
            }
        }
        self.count.fetch_add(1, Ordering::Relaxed);
        self.sum_micros
            .fetch_add(took.as_micros() as u64, Ordering::Relaxed);
    }

    /// Reviews recorded with `v`.
    pub fn count(&self, v: Verdict) -> u64 {
        self.by_verdict[v.index()].load(Ordering::Relaxed)
    }

    /// Prometheus text exposition (version 0.0.4).
    pub fn render(&self, cache: &CacheStats, sizes: (usize, usize, usize)) -> String {
        let mut s = String::with_capacity(2048);
        s.push_str(
            "# HELP bulkhead_admission_reviews_total Admission reviews answered, by verdict.\n",
        );
        s.push_str("# TYPE bulkhead_admission_reviews_total counter\n");
        for (i, n) in Verdict::NAMES.iter().enumerate() {
            let _ = writeln!(
                s,
                "bulkhead_admission_reviews_total{{verdict=\"{n}\"}} {}",
                self.by_verdict[i].load(Ordering::Relaxed)
            );
        }
        s.push_str(
            "# HELP bulkhead_admission_review_duration_seconds Time to decide one review.\n",
        );
        s.push_str("# TYPE bulkhead_admission_review_duration_seconds histogram\n");
        for (i, b) in BUCKETS.iter().enumerate() {
            let _ = writeln!(
                s,
                "bulkhead_admission_review_duration_seconds_bucket{{le=\"{b}\"}} {}",
                self.buckets[i].load(Ordering::Relaxed)
            );
        }
        let count = self.count.load(Ordering::Relaxed);
        let _ = writeln!(
            s,
            "bulkhead_admission_review_duration_seconds_bucket{{le=\"+Inf\"}} {count}"
        );
        let _ = writeln!(
            s,
            "bulkhead_admission_review_duration_seconds_sum {}",
            self.sum_micros.load(Ordering::Relaxed) as f64 / 1e6
        );
        let _ = writeln!(
            s,
            "bulkhead_admission_review_duration_seconds_count {count}"
        );
        s.push_str(
            "# HELP bulkhead_admission_http_errors_total Requests rejected before review (4xx).\n",
        );
        s.push_str("# TYPE bulkhead_admission_http_errors_total counter\n");
        let _ = writeln!(
            s,
            "bulkhead_admission_http_errors_total {}",
            self.http_errors.load(Ordering::Relaxed)
        );
        s.push_str("# HELP bulkhead_admission_cache_requests_total Supply-chain cache lookups.\n");
        s.push_str("# TYPE bulkhead_admission_cache_requests_total counter\n");
        for (cache_name, hits, misses) in [
            ("signature", &cache.signature_hits, &cache.signature_misses),
            ("report", &cache.report_hits, &cache.report_misses),
            ("digest", &cache.digest_hits, &cache.digest_misses),
        ] {
            let _ = writeln!(
                s,
                "bulkhead_admission_cache_requests_total{{cache=\"{cache_name}\",result=\"hit\"}} {}",
                hits.load(Ordering::Relaxed)
            );
            let _ = writeln!(
                s,
                "bulkhead_admission_cache_requests_total{{cache=\"{cache_name}\",result=\"miss\"}} {}",
                misses.load(Ordering::Relaxed)
            );
        }
        s.push_str("# HELP bulkhead_admission_cache_entries Entries held in each cache.\n");
        s.push_str("# TYPE bulkhead_admission_cache_entries gauge\n");
        for (n, v) in [
            ("signature", sizes.0),
            ("report", sizes.1),
            ("digest", sizes.2),
        ] {
            let _ = writeln!(s, "bulkhead_admission_cache_entries{{cache=\"{n}\"}} {v}");
        }
        s
    }
}
