//! Development aid: print a file after applying every fix repeatedly
//! (`cargo run -p bulkhead_k8s --example k8s_fix -- FILE`).

fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let mut cur = std::fs::read_to_string(&path).expect("readable");
    let settings = bulkhead_k8s::Settings::default();
    for _ in 0..40 {
        let out = bulkhead_k8s::check(&path, &cur, &settings);
        let fixes: Vec<_> = out
            .findings
            .iter()
            .filter(|f| f.rule.default_enabled)
            .filter_map(|f| f.fix.as_ref())
            .collect();
        let r = bulkhead_diagnostics::apply_fixes(&cur, fixes);
        if r.applied == 0 {
            break;
        }
        cur = r.text;
    }
    print!("{cur}");
}
