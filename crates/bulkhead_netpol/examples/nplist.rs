//! Debug helper: `cargo run -p bulkhead_netpol --example nplist -- DIR [fmt] [--exposure]`.
use bulkhead_netpol::{ListOptions, cluster_from_documents, list, load, output::Format};
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (docs, errs) = load::load_paths(&[args[0].clone().into()]);
    for e in &errs {
        eprintln!("load error: {}", load::describe(e));
    }
    let c = cluster_from_documents(&docs);
    for e in &c.errors {
        eprintln!("model error: {} {}", e.origin.display(), e.message);
    }
    eprintln!(
        "{} docs, {} workloads, {} policies",
        docs.len(),
        c.workloads.len(),
        c.policies.len()
    );
    let fmt = args
        .get(1)
        .and_then(|f| Format::parse(f))
        .unwrap_or(Format::Txt);
    let opts = ListOptions {
        exposure: args.iter().any(|a| a == "--exposure"),
        ..Default::default()
    };
    println!("{}", list(&c, &opts, fmt));
}
