//! Development aid: print the Markdown rule table of docs/sections/kubernetes.md.

fn main() {
    println!("| code | name | severity | fix | default | aliases |");
    println!("|---|---|---|---|---|---|");
    for r in bulkhead_k8s::RULES {
        let aliases: Vec<String> = r
            .aliases
            .iter()
            .map(|a| format!("{} `{}`", a.tool, a.id))
            .collect();
        println!(
            "| {} | {} | {} | {} | {} | {} |",
            r.code,
            r.name,
            r.severity,
            match r.fix {
                bulkhead_diagnostics::FixKind::None => "—",
                bulkhead_diagnostics::FixKind::Safe => "safe",
                bulkhead_diagnostics::FixKind::Unsafe => "unsafe",
                bulkhead_diagnostics::FixKind::Sometimes => "some",
            },
            if r.default_enabled { "on" } else { "off" },
            aliases.join(", ")
        );
    }
}
