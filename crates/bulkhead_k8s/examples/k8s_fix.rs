//! Development aid: print a file after applying every fix repeatedly
//! (`cargo run -p bulkhead_k8s --example k8s_fix -- FILE`).

fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let text = std::fs::read_to_string(&path).expect("readable");
    let settings = bulkhead_k8s::Settings::default();
    let looped = bulkhead_diagnostics::fix_until_stable(&text, 40, |cur| {
        bulkhead_k8s::check(&path, cur, &settings)
            .findings
            .into_iter()
            .filter(|f| f.rule.default_enabled)
            .filter_map(|f| f.fix)
            .collect()
    });
    print!("{}", looped.fixed.as_deref().unwrap_or(&text));
}
