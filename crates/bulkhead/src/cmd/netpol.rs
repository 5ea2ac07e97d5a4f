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
        #[arg(long, short = 'f', default_value = "txt", value_name = "FORMAT")]
        format: String,
        /// Keep only connections of this workload (`name` or `namespace/name`); repeatable.
        #[arg(long = "focus-workload", value_name = "WORKLOAD")]
        focus_workload: Vec<String>,
        /// Add the exposure analysis (potential connections with pods not in the input).
        #[arg(long)]
        exposure: bool,
        /// Write to FILE instead of stdout.
        #[arg(long, short = 'o', value_name = "FILE", alias = "file")]
        output: Option<PathBuf>,
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
        #[arg(long, short = 'f', default_value = "txt", value_name = "FORMAT")]
        format: String,
        /// Write to FILE instead of stdout.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
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
        #[arg(long, short = 'o', value_name = "FILE", alias = "file")]
        output: Option<PathBuf>,
        /// Do not add the policy that lets every workload reach the cluster DNS (kube-dns in
        /// kube-system, UDP and TCP 53).
        #[arg(long)]
        no_dns: bool,
    },
    /// Run the NP* lints over manifests (as `bulkhead check` does).
    Lint {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

/// Load manifests through the one walker of every command (`cmd::walk`: gitignore-aware,
/// never follows links, pipes and stdin read as streams); input errors are printed and make
/// the command fail with exit 2 (documents that parsed still count). YAML or JSON found while
/// walking that holds no Kubernetes object (an expected-output file beside the manifests) is
/// not an input, as in `check`; a file named on the command line is always read.
fn load_cluster(paths: &[PathBuf]) -> anyhow::Result<(Cluster, Vec<load::Document>, bool)> {
    use crate::cmd::engines::Kind;
    use crate::cmd::walk;
    let opts = walk::WalkOptions {
        respect_gitignore: true,
        exclude: Vec::new(),
    };
    let (inputs, mut errs) = walk::collect(paths, &opts, None);
    let mut docs = Vec::new();
    for input in &inputs {
        if !input.explicit && input.kind != Kind::Sniff && input.kind != Kind::Kubernetes {
            continue; // Dockerfiles and Compose files found while walking
        }
        let text = match walk::read(input) {
            Ok(t) => t,
            Err(e) => {
                errs.push(e);
                continue;
            }
        };
        if !input.explicit && !bulkhead_k8s::looks_like_kubernetes(&text) {
            continue;
        }
        let (d, e) = load::parse_text(&input.display, &text);
        docs.extend(d);
        // A duplicate key is a mistake in the file, but the object was loaded (last value
        // wins, as kubectl): said, not a failure (`bulkhead check` reports it as KS071).
        for e in e {
            if bulkhead_k8s::loader::is_duplicate_key(&e) {
                eprintln!("warning: {}", load::describe(&e));
            } else {
                errs.push(e);
            }
        }
    }
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
        Some(f) => crate::atomic::write_report(f, text.as_bytes()),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
            Ok(())
        }
    }
}

/// `-o` names the output file. Before this convention `netpol list -o json` chose the format,
/// so an `-o` value that is exactly a format name is refused rather than silently written to a
/// file named after the format.
fn check_output_path(output: Option<&PathBuf>, formats: &[&str]) -> anyhow::Result<()> {
    if let Some(name) = output
        .and_then(|o| o.to_str())
        .filter(|n| formats.contains(n))
    {
        bail!(
            "`-o {name}` names the output FILE; the format is chosen with `-f {name}` \
             (write `-o ./{name}` for a file of that name)"
        );
    }
    Ok(())
}

const LIST_FORMATS: &[&str] = &["txt", "json", "csv", "md", "dot", "html", "svg"];
const DIFF_FORMATS: &[&str] = &["txt", "csv", "md", "json"];

/// Why a list is empty, when the input explains it (said on stderr: the list itself stays in
/// netpol-analyzer's format).
fn explain_empty(cluster: &Cluster) {
    if cluster.workloads.is_empty() {
        let policies = cluster.policies.len();
        eprintln!(
            "note: no connections listed: the input has no workloads (pods or pod controllers){}",
            if policies > 0 {
                format!(
                    ", only {policies} NetworkPolic{}; add the workloads' manifests to see what the policies allow",
                    if policies == 1 { "y" } else { "ies" }
                )
            } else {
                String::new()
            }
        );
    }
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    match args.command {
        NetpolCommand::List {
            paths,
            format,
            focus_workload,
            exposure,
            output,
        } => {
            check_output_path(output.as_ref(), LIST_FORMATS)?;
            let fmt = match format.as_str() {
                "html" | "svg" => None,
                f => Some(Format::parse(f).with_context(|| {
                    format!("unknown format `{f}` ({})", LIST_FORMATS.join(", "))
                })?),
            };
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
            explain_empty(&cluster);
            let opts = ListOptions {
                focus_workloads: focus_workload,
                exposure,
            };
            match fmt {
                None => {
                    let a = Analysis::new(&cluster);
                    let lines = bulkhead_netpol::connlist(&a, &opts);
                    let text = if format == "svg" {
                        bulkhead_netpol::picture::svg(&lines)
                    } else {
                        bulkhead_netpol::picture::html(&lines, "Bulkhead: allowed connections")
                    };
                    emit(&text, output.as_ref())?;
                }
                Some(fmt) => {
                    // Streamed: the list of 10,000 pods is 100 million lines.
                    let write = |w: &mut dyn Write| -> std::io::Result<()> {
                        let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
                        bulkhead_netpol::list_to(&cluster, &opts, fmt, &mut w)?;
                        // Every format but csv (whose lines end in one) ends without a newline.
                        if fmt != Format::Csv {
                            w.write_all(b"\n")?;
                        }
                        w.flush()
                    };
                    match &output {
                        Some(f) => {
                            let mut file = std::fs::File::create(f)
                                .with_context(|| format!("writing {}", f.display()))?;
                            write(&mut file).with_context(|| format!("writing {}", f.display()))?;
                        }
                        None => match write(&mut std::io::stdout().lock()) {
                            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(0),
                            r => r?,
                        },
                    }
                }
            }
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
            // 0: allowed; 1: denied (the answer to report); 2: the input had errors.
            let allowed = e.port.map(|(_, ok)| ok).unwrap_or(!e.allowed.is_empty());
            Ok(if errs {
                2
            } else if allowed {
                0
            } else {
                1
            })
        }
        NetpolCommand::Diff {
            a,
            b,
            format,
            output,
        } => {
            check_output_path(output.as_ref(), DIFF_FORMATS)?;
            if !DIFF_FORMATS.contains(&format.as_str()) {
                bail!("unknown format `{format}` ({})", DIFF_FORMATS.join(", "));
            }
            let (c1, _, e1) = load_cluster(std::slice::from_ref(&a))?;
            let (c2, _, e2) = load_cluster(std::slice::from_ref(&b))?;
            let d = bulkhead_netpol::diff::diff_clusters(&c1, &c2);
            emit(&bulkhead_netpol::diff::render(&d, &format), output.as_ref())?;
            // As diff(1): 0 no change, 1 changes, 2 trouble.
            Ok(if e1 || e2 {
                2
            } else if d.is_empty() {
                0
            } else {
                1
            })
        }
        NetpolCommand::Synthesize {
            paths,
            from,
            output,
            no_dns,
        } => {
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
            // Check the property on the allow policies alone: listing them gives the flows
            // back (the DNS policy adds flows to kube-dns on purpose).
            let allow = bulkhead_netpol::synth::synthesize(&cluster, &flows);
            let after = bulkhead_netpol::replace_policies(&docs, &allow);
            let aa = Analysis::new(&after);
            let mut want: Vec<(String, String, String)> = Vec::new();
            for f in &flows {
                if f.src != f.dst && !f.conn.is_empty() {
                    want.push((aa.name(f.src), aa.name(f.dst), f.conn.to_string()));
                }
            }
            let mut got: Vec<(String, String, String)> = aa
                .connections()
                .into_iter()
                .map(|c| (aa.name(c.src), aa.name(c.dst), c.conn.to_string()))
                .collect();
            want.sort();
            want.dedup();
            got.sort();
            if from.is_none() && want != got {
                eprintln!(
                    "warning: the synthesized policies do not reproduce the connectivity exactly \
                     (workloads with identical labels cannot be told apart)"
                );
            }
            let opts = bulkhead_netpol::synth::SynthOptions { dns: !no_dns };
            let policies = bulkhead_netpol::synth::synthesize_with(&cluster, &flows, &opts);
            // What we write must pass our own lints (NP005 would fire on a DNS-less result:
            // said, since --no-dns asked for it).
            let result = bulkhead_netpol::replace_policies(&docs, &policies);
            let findings = bulkhead_netpol::lints::lint_cluster(
                &result,
                &bulkhead_netpol::Settings::default(),
            );
            for f in findings.iter().filter(|f| f.path == "<synthesized>") {
                eprintln!(
                    "warning: synthesized policies: {} [{}] {}",
                    f.rule.code, f.severity, f.message
                );
            }
            emit(&bulkhead_netpol::synth::to_yaml(&policies), output.as_ref())?;
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
