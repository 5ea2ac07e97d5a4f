//! Every finding of the engine on the real-manifest corpus (`../shared/corpus/k8s`) and on our
//! `examples/`, recorded per rule as a count and a digest of the findings' every field (path,
//! range, severity, message, help, object, container, PSS check id, aliases, fix edits), for several
//! Pod Security Standards levels and versions. A refactoring that moves rule code around must
//! leave this snapshot unchanged; a deliberate change of behaviour updates it and says why.
//!
//! Set `BULKHEAD_SNAPSHOT_DUMP=<dir>` to write the full canonical findings (one line each) to
//! `<dir>/<setting>.txt`, to diff two versions of the engine.

use bulkhead_diagnostics::Finding;
use bulkhead_k8s::{PssPolicy, Settings};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p
            .extension()
            .is_some_and(|x| x == "yaml" || x == "yml" || x == "json")
        {
            out.push(p);
        }
    }
}

/// One finding as one line, with every field a user can see.
fn line(f: &Finding) -> String {
    let mut s = String::new();
    let r = f
        .range
        .map(|r| {
            format!(
                "{}:{}-{}:{}",
                r.start.line, r.start.column, r.end.line, r.end.column
            )
        })
        .unwrap_or_default();
    let _ = write!(
        s,
        "{}|{r}|{}|{:?}|{:?}|{:?}",
        f.path, f.rule.code, f.severity, f.message, f.help
    );
    if let Some(o) = &f.object {
        let _ = write!(
            s,
            "|{}/{}/{}/{}",
            o.api_version,
            o.kind,
            o.namespace.as_deref().unwrap_or(""),
            o.name.as_deref().unwrap_or("")
        );
    }
    let _ = write!(s, "|{:?}|{:?}", f.container, f.pss_check);
    // The aliases as reported (a rule may narrow them finding by finding).
    let aliases: Vec<&str> = f.rule.aliases.iter().map(|a| a.id).collect();
    let _ = write!(s, "|{}", aliases.join(","));
    if let Some(fx) = &f.fix {
        let _ = write!(s, "|fix {:?} {:?}", fx.applicability, fx.message);
        for e in &fx.edits {
            let _ = write!(s, " [{}..{} {:?}]", e.start, e.end, e.content);
        }
    }
    s
}

/// Findings of one run, grouped per rule code: `CODE count digest`, then the run's total.
fn summarize(name: &str, lines: Vec<(String, String)>, dump: Option<&Path>) -> String {
    let mut per: BTreeMap<String, (usize, Sha256)> = BTreeMap::new();
    let mut all = Sha256::new();
    let mut text = String::new();
    for (code, l) in &lines {
        let e = per
            .entry(code.clone())
            .or_insert_with(|| (0, Sha256::new()));
        e.0 += 1;
        e.1.update(l.as_bytes());
        e.1.update(b"\n");
        all.update(l.as_bytes());
        all.update(b"\n");
        if dump.is_some() {
            text.push_str(l);
            text.push('\n');
        }
    }
    if let Some(d) = dump {
        std::fs::create_dir_all(d).unwrap();
        std::fs::write(d.join(format!("{name}.txt")), text).unwrap();
    }
    let mut out = format!("== {name}: {} findings\n", lines.len());
    for (code, (n, h)) in per {
        let _ = writeln!(out, "{code} {n} {}", &hex(&h.finalize())[..16]);
    }
    let _ = writeln!(out, "all {}", &hex(&all.finalize())[..16]);
    out
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Check `paths` as one run (cross-object rules over all of them), as `bulkhead check` does,
/// and return the findings in report order plus the input errors and suppressions, as lines.
fn run(paths: &[PathBuf], base: &Path, settings: &Settings) -> Vec<(String, String)> {
    let texts: Vec<(String, String)> = paths
        .iter()
        .filter_map(|p| {
            let rel = p.strip_prefix(base).unwrap().display().to_string();
            let bytes = std::fs::read(p).ok()?;
            Some((rel, String::from_utf8(bytes).ok()?))
        })
        .collect();
    let mut lines = Vec::new();
    let (compose, k8s): (Vec<_>, Vec<_>) = texts
        .iter()
        .partition(|(p, t)| bulkhead_k8s::looks_like_compose(p, t));
    let pairs: Vec<(&str, &str)> = k8s.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    let mut outcomes = bulkhead_k8s::check_files(&pairs, settings).outcomes;
    for (p, t) in &compose {
        outcomes.push(bulkhead_k8s::compose::check_compose(p, t, settings));
    }
    for o in outcomes {
        let mut fs = o.findings;
        fs.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        for f in &fs {
            lines.push((f.rule.code.to_string(), line(f)));
        }
        for e in &o.errors {
            lines.push(("error".into(), format!("{e:?}")));
        }
        for s in &o.suppressions {
            lines.push(("suppression".into(), format!("{s:?}")));
        }
    }
    lines
}

fn policies() -> [(&'static str, Settings); 3] {
    let at = |p: &str| Settings {
        pss: p.parse::<PssPolicy>().unwrap(),
        ..Settings::default()
    };
    [
        ("restricted-latest", Settings::default()),
        ("baseline-latest", at("baseline@latest")),
        ("restricted-v1.24", at("restricted@v1.24")),
    ]
}

fn snapshot_of(dir: &Path, base: &Path, tag: &str) -> String {
    let mut paths = Vec::new();
    files(dir, &mut paths);
    paths.sort();
    let dump = std::env::var_os("BULKHEAD_SNAPSHOT_DUMP").map(PathBuf::from);
    let mut out = format!("{} files\n", paths.len());
    for (name, s) in policies() {
        let lines = run(&paths, base, &s);
        out.push_str(&summarize(&format!("{tag}-{name}"), lines, dump.as_deref()));
    }
    out
}

#[test]
fn corpus_findings_are_unchanged() {
    let shared = root().join("../shared/corpus/k8s");
    if !shared.is_dir() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "../shared/corpus/k8s is missing (required under CI=true)"
        );
        println!("skipped: ../shared/corpus/k8s not found");
        return;
    }
    let snap = snapshot_of(&shared, &shared, "corpus");
    insta::assert_snapshot!(snap);
}

#[test]
fn examples_findings_are_unchanged() {
    let ex = root().join("examples");
    let mut snap = snapshot_of(&ex.join("k8s"), &ex, "k8s");
    snap.push_str(&snapshot_of(&ex.join("compose"), &ex, "compose"));
    insta::assert_snapshot!(snap);
}
