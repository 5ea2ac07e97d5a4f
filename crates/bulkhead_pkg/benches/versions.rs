//! Comparisons per second of each scheme on one core, from borrowed text (parse included),
//! as the advisory matcher calls them. Plain `main` (no harness): `cargo bench -p
//! bulkhead_pkg --bench versions` or `bench/versions.sh`. Prints one line per scheme.

use bulkhead_pkg::{Scheme, compare};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Real-world versions of each scheme (Debian bookworm, RHEL 9, Alpine 3.20, PyPI, npm,
/// Maven Central), compared all against all.
const DPKG: &[&str] = &[
    "2.36-9+deb12u4",
    "2.36-9+deb12u7",
    "1:2.38.1-5+deb12u3",
    "7.88.1-10+deb12u5",
    "3.0.11-1~deb12u2",
    "3.0.13-1~deb12u1",
    "1.2.13.dfsg-1",
    "5.2.15-2+b2",
    "252.22-1~deb12u1",
    "2.9.14+dfsg-1.3~deb12u1",
    "1:9.2p1-2+deb12u2",
    "0.9.2-2",
    "3.7.9-2+deb12u1",
    "2:8.2.2434-3+deb11u1",
    "1.21.1-1ubuntu2.2",
    "4.19.0-1ubuntu0.22.04.1",
    "6.4-2",
    "1:1.2.13.dfsg-1ubuntu4.5",
    "20230311",
    "2023c-5+deb12u1",
    "1.0~rc1-1",
    "1.0-1",
    "12.2.0-14",
    "3.4.4-1ubuntu0.1",
    "0.23.22-1.3",
    "1:4.13+dfsg1-1",
    "2.40-2",
    "8.0-1",
    "1.19.2-1.1",
    "2.3.1-2.1",
    "1.4.10-1+deb12u1",
    "9.1.0016-1",
];
const RPM: &[&str] = &[
    "3.0.7-27.el9",
    "1:3.0.7-28.el9_4",
    "2.34-100.el9_4.2",
    "7.76.1-29.el9_4.1",
    "1.2.11-40.el9",
    "5.1.8-6.el9_1",
    "252-32.el9_4",
    "2.9.13-6.el9_4",
    "8.7p1-38.el9_4.4",
    "4.16.1.3-29.el9",
    "1.0^git20240101.abcdef-1.fc40",
    "1.0~rc1-1.fc40",
    "2.0.1-1.fc39",
    "10.2-3.el9",
    "2:8.2.2637-20.el9_1",
    "6.2-10.20210508.el9",
    "0.9.6-2.el9",
    "1.1.1k-12.el9",
];
const APK: &[&str] = &[
    "1.2.5-r0",
    "1.2.5-r1",
    "3.3.1-r0",
    "8.9.1-r2",
    "1.36.1-r29",
    "2.40-r8",
    "1.2.13-r1",
    "3.1.4-r6",
    "2.12.6-r1",
    "1.1.1w-r1",
    "0.9.28_p1-r0",
    "1.0_rc3-r0",
    "4.4.0_git20240101-r0",
    "2.6.1.3-r1",
    "12.17.9",
    "1.0.2-r6",
    "5.2.26-r0",
    "1.8.2_pre20230611-r2",
];
const PEP440: &[&str] = &[
    "2.31.0",
    "2.32.3",
    "1.26.18",
    "2.2.1",
    "4.12.0",
    "1.0.0rc1",
    "1.0.0",
    "2024.2.2",
    "3.1.4.post1",
    "0.10.0.dev3",
    "42.0.5",
    "1!1.0",
    "23.2",
    "2.0.0b1",
    "1.3.0+local.7",
];
const SEMVER: &[&str] = &[
    "4.17.21",
    "4.17.20",
    "1.2.3-beta.1",
    "1.2.3-beta.11",
    "1.2.3",
    "10.0.0",
    "0.0.1",
    "2.0.0-rc.1+build.5",
    "7.5.4",
    "3.14.159",
    "1.0.0-alpha",
    "1.0.0-alpha.beta",
];
const MAVEN: &[&str] = &[
    "2.14.1",
    "2.17.1",
    "1.0-SNAPSHOT",
    "5.3.31",
    "6.1.0-M1",
    "2.0.0.RELEASE",
    "1.2.3-sp1",
    "31.1-jre",
    "1.0.final-redhat-00001",
    "9.4.51.v20230217",
    "3.12.0",
    "1.0-alpha-1",
];

/// CPU time of this thread in nanoseconds (Linux), so that a busy machine does not hide the
/// per-core speed.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Comparisons per wall-clock second and per CPU second.
fn bench(scheme: Scheme, versions: &[&str], min: Duration) -> (f64, Option<f64>) {
    let pairs: Vec<(&str, &str)> = versions
        .iter()
        .flat_map(|a| versions.iter().map(move |b| (*a, *b)))
        .collect();
    for (a, b) in &pairs {
        compare(scheme, a, b).unwrap_or_else(|e| panic!("{e}"));
    }
    let mut n: u64 = 0;
    let cpu0 = cpu_ns();
    let start = Instant::now();
    while start.elapsed() < min {
        for (a, b) in &pairs {
            let _ = black_box(compare(black_box(scheme), black_box(a), black_box(b)));
        }
        n += pairs.len() as u64;
    }
    let wall = n as f64 / start.elapsed().as_secs_f64();
    let cpu = match (cpu0, cpu_ns()) {
        (Some(a), Some(b)) if b > a => Some(n as f64 / ((b - a) as f64 / 1e9)),
        _ => None,
    };
    (wall, cpu)
}

fn main() {
    // `cargo bench` passes `--bench`; a number sets the seconds per scheme.
    let secs: f64 = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(2.0);
    let min = Duration::from_secs_f64(secs);
    println!(
        "parse + compare from text; {} CPUs, load average {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        std::fs::read_to_string("/proc/loadavg")
            .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
            .unwrap_or_else(|_| "n/a".into())
    );
    for (scheme, versions) in [
        (Scheme::Dpkg, DPKG),
        (Scheme::Rpm, RPM),
        (Scheme::Apk, APK),
        (Scheme::Apk3, APK),
        (Scheme::Pep440, PEP440),
        (Scheme::Semver, SEMVER),
        (Scheme::Maven, MAVEN),
    ] {
        let (wall, cpu) = bench(scheme, versions, min);
        let cpu = cpu.map_or_else(|| "n/a".to_owned(), |c| format!("{:.1}", c / 1e6));
        println!(
            "{:<7} {:>6} M comparisons per CPU-second, {:>6.1} M per wall-second ({} versions, all pairs, one thread)",
            scheme.name(),
            cpu,
            wall / 1e6,
            versions.len()
        );
    }
}
