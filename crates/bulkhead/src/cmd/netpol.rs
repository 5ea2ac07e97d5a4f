//! `bulkhead netpol`: NetworkPolicy analysis of Kubernetes manifests.
//!
//! - `list PATH...`: allowed connections (netpol-analyzer's txt/json/csv/md/dot formats, plus
//!   html/svg pictures), `--focus-workload`, `--exposure`.
//! - `explain SRC DST [PORT/PROTO]`: allowed or denied, and the policies and rules (file:line)
//!   that isolate and allow each side.
//! - `diff A B`: connections added, removed and changed between two manifest sets.
//! - `synthesize PATH...`: default-deny plus minimal allow policies for the current (or a
//!   declared, `--from FILE`) connectivity, checked to give back exactly that connectivity.
//! - `lint PATH...`: the NP* rules (also run by `bulkhead check`).
//!
//! Exit status: 0 ok, 1 lint findings, 2 usage or input error.

use anyhow::{Context, bail};
use bulkhead_netpol::engine::Analysis;
use bulkhead_netpol::output::Format;
use bulkhead_netpol::{Cluster, ListOptions, cluster_from_documents, load};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: NetpolCommand,
}

#[derive(Debug, clap::Subcommand)]
enum NetpolCommand {
    /// List the allowed connections between workloads and external IP ranges.
    List {
        /// Manifest files or directories (YAML/JSON, `List` kinds included).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format: txt, json, csv, md, dot (netpol-analyzer's), html or svg (a picture).
        #[arg(long, short = 'o', default_value = "txt")]
        output: String,
        /// Keep only connections of this workload (`name` or `namespace/name`); repeatable.
        #[arg(long = "focus-workload", value_name = "WORKLOAD")]
        focus_workload: Vec<String>,
        /// Add the exposure analysis (potential connections with pods not in the input).
        #[arg(long)]
        exposure: bool,
        /// Write to FILE instead of stdout.
        #[arg(long, short = 'f', value_name = "FILE")]
        file: Option<PathBuf>,
    },
    /// Explain whether SRC may connect to DST, and which policies and rules decide it.
    Explain {
        /// Source: workload (`name`, `namespace/name`) or an IPv4 address or CIDR.
        src: String,
        /// Destination: workload or IPv4 address or CIDR.
        dst: String,
        /// Port to ask about: `8080`, `8080/TCP`, `UDP/53`.
        port: Option<String>,
        /// Manifest files or directories.
        #[arg(long, short = 'p', value_name = "PATH", default_value = ".")]
        path: Vec<PathBuf>,
    },
    /// Connections added, removed and changed from manifest set A to manifest set B.
    Diff {
        /// The reference manifests (file or directory).
        a: PathBuf,
        /// The new manifests.
        b: PathBuf,
        /// Output format: txt, csv, md or json.
        #[arg(long, short = 'o', default_value = "txt")]
        output: String,
    },
    /// Write default-deny and minimal allow policies for the connectivity.
    Synthesize {
        /// Manifests with the workloads (their current policies give the connectivity unless
        /// --from is given).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// A declared-connectivity YAML file (`flows: [{from, to, ports}]`).
        #[arg(long, value_name = "FILE")]
        from: Option<PathBuf>,
        /// Write the policies to FILE instead of stdout.
        #[arg(long, short = 'f', value_name = "FILE")]
        file: Option<PathBuf>,
    },
    /// Run the NP* lints over manifests (as `bulkhead check` does).
    Lint {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

/// Load manifests; input errors are printed and make the command fail with exit 2 unless
/// `lenient` (documents that parsed still count).
fn load_cluster(paths: &[PathBuf]) -> anyhow::Result<(Cluster, Vec<load::Document>, bool)> {
    let (docs, errs) = load::load_paths(paths);
    for e in &errs {
        eprintln!("error: {}", load::describe(e));
    }
    let cluster = cluster_from_documents(&docs);
    for e in &cluster.errors {
        eprintln!("error: {}: {}", e.origin.display(), e.message);
    }
    let had_errors = !errs.is_empty() || !cluster.errors.is_empty();
    Ok((cluster, docs, had_errors))
}

fn emit(text: &str, file: Option<&PathBuf>) -> anyhow::Result<()> {
    let mut text = text.to_string();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    match file {
        Some(f) => std::fs::write(f, text).with_context(|| format!("writing {}", f.display())),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
            Ok(())
        }
    }
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    match args.command {
        NetpolCommand::List {
            paths,
            output,
            focus_workload,
            exposure,
            file,
        } => {
            let (cluster, _, errs) = load_cluster(&paths)?;
            for f in &focus_workload {
                if !cluster
                    .workloads
                    .iter()
                    .any(|w| bulkhead_netpol::focus_matches(w, f))
                {
                    eprintln!("warning: workload `{f}` does not exist in the input");
                }
            }
            let opts = ListOptions {
                focus_workloads: focus_workload,
                exposure,
            };
            let text = match output.as_str() {
                "html" | "svg" => {
                    let a = Analysis::new(&cluster);
                    let lines = bulkhead_netpol::connlist(&a, &opts);
                    if output == "svg" {
                        bulkhead_netpol::picture::svg(&lines)
                    } else {
                        bulkhead_netpol::picture::html(&lines, "Bulkhead: allowed connections")
                    }
                }
                f => {
                    let Some(fmt) = Format::parse(f) else {
                        bail!("unknown output format `{f}` (txt, json, csv, md, dot, html, svg)");
                    };
                    bulkhead_netpol::list(&cluster, &opts, fmt)
                }
            };
            emit(&text, file.as_ref())?;
            Ok(if errs { 2 } else { 0 })
        }
        NetpolCommand::Explain {
            src,
            dst,
            port,
            path,
        } => {
            let (cluster, _, errs) = load_cluster(&path)?;
            let a = Analysis::new(&cluster);
            let resolve = |s: &str| bulkhead_netpol::explain::resolve_peer(&cluster, s);
            let (s, d) = match (resolve(&src), resolve(&dst)) {
                (Ok(s), Ok(d)) => (s, d),
                (Err(e), _) | (_, Err(e)) => {
                    eprintln!("error: {e}");
                    return Ok(2);
                }
            };
            let port = match port.as_deref().map(bulkhead_netpol::explain::parse_port) {
                None => None,
                Some(Ok(p)) => Some(p),
                Some(Err(e)) => {
                    eprintln!("error: {e}");
                    return Ok(2);
                }
            };
            let e = bulkhead_netpol::explain::explain(&a, s, d, port);
            emit(&bulkhead_netpol::explain::render(&cluster, &e), None)?;
            Ok(if errs { 2 } else { 0 })
        }
        NetpolCommand::Diff { a, b, output } => {
            if !["txt", "csv", "md", "json"].contains(&output.as_str()) {
                bail!("unknown output format `{output}` (txt, csv, md, json)");
            }
            let (c1, _, e1) = load_cluster(std::slice::from_ref(&a))?;
            let (c2, _, e2) = load_cluster(std::slice::from_ref(&b))?;
            let d = bulkhead_netpol::diff::diff_clusters(&c1, &c2);
            emit(&bulkhead_netpol::diff::render(&d, &output), None)?;
            Ok(if e1 || e2 { 2 } else { 0 })
        }
        NetpolCommand::Synthesize { paths, from, file } => {
            let (cluster, docs, errs) = load_cluster(&paths)?;
            if cluster.workloads.is_empty() {
                eprintln!("error: no workloads in the input");
                return Ok(2);
            }
            let a = Analysis::new(&cluster);
            let flows = match &from {
                None => bulkhead_netpol::synth::flows_from_cluster(&a),
                Some(f) => {
                    let text = std::fs::read_to_string(f)
                        .with_context(|| format!("reading {}", f.display()))?;
                    match bulkhead_netpol::synth::parse_declared(&cluster, &text) {
                        Ok(v) => v,
                        Err(e) => {
                            eprintln!("error: {}: {e}", f.display());
                            return Ok(2);
                        }
                    }
                }
            };
            let policies = bulkhead_netpol::synth::synthesize(&cluster, &flows);
            // Check the property: listing the synthesized policies gives the flows back.
            let after = bulkhead_netpol::replace_policies(&docs, &policies);
            let aa = Analysis::new(&after);
            let mut want: Vec<(String, String, String)> = Vec::new();
            for f in &flows {
                if f.src != f.dst && !f.conn.is_empty() {
                    want.push((aa.name(f.src), aa.name(f.dst), f.conn.to_string()));
                }
            }
            let got: Vec<(String, String, String)> = aa
                .connections()
                .into_iter()
                .map(|c| (aa.name(c.src), aa.name(c.dst), c.conn.to_string()))
                .collect();
            let (mut want, mut got) = (want, got);
            want.sort();
            want.dedup();
            got.sort();
            if from.is_none() && want != got {
                eprintln!(
                    "warning: the synthesized policies do not reproduce the connectivity exactly \
                     (workloads with identical labels cannot be told apart)"
                );
            }
            emit(&bulkhead_netpol::synth::to_yaml(&policies), file.as_ref())?;
            Ok(if errs { 2 } else { 0 })
        }
        NetpolCommand::Lint { paths } => {
            let (cluster, _, errs) = load_cluster(&paths)?;
            let findings = bulkhead_netpol::lints::lint_cluster(
                &cluster,
                &bulkhead_netpol::Settings::default(),
            );
            let mut out = String::new();
            for f in &findings {
                let (l, c) = f
                    .range
                    .map(|r| (r.start.line, r.start.column))
                    .unwrap_or((1, 1));
                out.push_str(&format!(
                    "{}:{}:{}: {} [{}] {}\n",
                    f.path, l, c, f.rule.code, f.severity, f.message
                ));
            }
            if !out.is_empty() {
                let mut o = std::io::stdout().lock();
                o.write_all(out.as_bytes())?;
            }
            Ok(if errs {
                2
            } else if findings.is_empty() {
                0
            } else {
                1
            })
        }
    }
}
