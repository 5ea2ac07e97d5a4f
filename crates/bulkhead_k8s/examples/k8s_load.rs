//! Load every file under a directory and print the input errors and timing (a development
//! aid: `cargo run --release -p bulkhead_k8s --example k8s_load -- DIR`).

use std::time::Instant;

fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml" | "json")
        ) {
            out.push(p);
        }
    }
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpus/k8s".into());
    let mut files = Vec::new();
    walk(std::path::Path::new(&dir), &mut files);
    files.sort();
    let texts: Vec<(String, String)> = files
        .iter()
        .filter_map(|p| Some((p.display().to_string(), std::fs::read_to_string(p).ok()?)))
        .collect();
    let t = Instant::now();
    let mut docs = 0;
    let mut errs = Vec::new();
    let mut slow = Vec::new();
    let settings = bulkhead_k8s::Settings::default();
    let mut counts = std::collections::BTreeMap::new();
    let mut loaded = Vec::new();
    let mut load_time = std::time::Duration::ZERO;
    for (p, text) in &texts {
        let t1 = Instant::now();
        let l = bulkhead_k8s::loader::load(p, text);
        load_time += t1.elapsed();
        let o = bulkhead_k8s::check_loaded(p, text, &l, &settings);
        let show = std::env::var("BH_SHOW").unwrap_or_default();
        for f in &o.findings {
            *counts.entry(f.rule.code).or_insert(0usize) += 1;
            if show.split(',').any(|c| c == f.rule.code) {
                println!(
                    "{} {}:{} {}",
                    f.rule.code,
                    f.path,
                    f.range.map(|r| r.start.line).unwrap_or(0),
                    f.message
                );
            }
        }
        slow.push((t1.elapsed(), text.len(), p.clone()));
        docs += l.docs.len();
        errs.extend(l.errors.iter().cloned());
        loaded.push((p.as_str(), l));
    }
    let pairs: Vec<(&str, &bulkhead_k8s::Loaded)> = loaded.iter().map(|(p, l)| (*p, l)).collect();
    let all: Vec<(&str, &str)> = texts
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let t2 = Instant::now();
    let set = bulkhead_k8s::check_files(&all, &settings);
    println!(
        "check_files (parallel, load once): {:?} for {} outcomes",
        t2.elapsed(),
        set.outcomes.len()
    );
    let show = std::env::var("BH_SHOW").unwrap_or_default();
    let t3 = Instant::now();
    let cross = bulkhead_k8s::check_set(&pairs, &settings);
    println!("check_set (cross-object rules): {:?}", t3.elapsed());
    for f in cross {
        if show.split(',').any(|c| c == f.rule.code) {
            println!(
                "{} {}:{} {}",
                f.rule.code,
                f.path,
                f.range.map(|r| r.start.line).unwrap_or(0),
                f.message
            );
        }
        *counts.entry(f.rule.code).or_insert(0usize) += 1;
    }
    let el = t.elapsed();
    slow.sort();
    for s in slow.iter().rev().take(8) {
        println!("{:?} {} {}", s.0, s.1, s.2);
    }
    for e in &errs {
        println!(
            "{}:{}: {}",
            e.path,
            e.range.map(|r| r.start.line).unwrap_or(0),
            e.message
        );
    }
    for (c, n) in &counts {
        println!("{c} {n}");
    }
    println!(
        "{} files, {} objects, {} errors, load+check {:?} (load {:?})",
        texts.len(),
        docs,
        errs.len(),
        el,
        load_time
    );
}
