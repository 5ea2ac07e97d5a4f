//! The connectivity list as a stream: lines are produced in their final sorted order and
//! written as they come, so `netpol list` needs memory for the peers, not for the list (which
//! grows with the square of the workloads: 10,000 bare pods allow 100 million connections).
//!
//! Sources are visited in name order; for each source, destinations in name order. A
//! connection between two workloads depends only on their equivalence classes, so one row of
//! answers (source class -> every destination class) is computed per source class run and
//! reused by every source of that class that follows. Batches of sources are rendered in
//! parallel and written in order, so the output is the same bytes as the sorted list.
//!
//! Not here: exposure analysis and the `dot` picture, which need the whole list (they group
//! and sort edges); [`crate::list`] falls back to the materialized list for them.

use crate::engine::{Analysis, Peer};
use crate::output::Format;
use std::io::{self, Write};

/// Writes one format's frame around streamed lines, byte-identical to
/// [`crate::output::render`] without exposure.
struct Frame {
    fmt: Format,
    lines: u64,
}

impl Frame {
    fn begin(&self, out: &mut dyn Write) -> io::Result<()> {
        match self.fmt {
            Format::Csv => out.write_all(b"src,dst,conn\n"),
            Format::Md => out.write_all(b"| src | dst | conn |\n|-----|-----|------|"),
            _ => Ok(()),
        }
    }

    /// Append one line to a batch buffer, with the separator that precedes every line but
    /// the list's first (which [`write_list`] strips).
    fn line(fmt: Format, buf: &mut String, src: &str, dst: &str, conn: &str) {
        match fmt {
            Format::Txt => {
                buf.push('\n');
                buf.push_str(src);
                buf.push_str(" => ");
                buf.push_str(dst);
                buf.push_str(" : ");
                buf.push_str(conn);
            }
            Format::Csv => {
                for (i, f) in [src, dst, conn].into_iter().enumerate() {
                    if i > 0 {
                        buf.push(',');
                    }
                    if f.contains([',', '"', '\n']) {
                        buf.push('"');
                        buf.push_str(&f.replace('"', "\"\""));
                        buf.push('"');
                    } else {
                        buf.push_str(f);
                    }
                }
                buf.push('\n');
            }
            Format::Md => {
                buf.push_str("\n| ");
                buf.push_str(src);
                buf.push_str(" | ");
                buf.push_str(dst);
                buf.push_str(" | ");
                buf.push_str(conn);
                buf.push_str(" |");
            }
            Format::Json => {
                buf.push_str(",\n  {\n");
                for (k, v, last) in [
                    ("src", src, false),
                    ("dst", dst, false),
                    ("conn", conn, true),
                ] {
                    buf.push_str("    \"");
                    buf.push_str(k);
                    buf.push_str("\": ");
                    // serde_json's string escaping, as the materialized renderer uses.
                    buf.push_str(&serde_json::to_string(v).unwrap_or_default());
                    buf.push_str(if last { "\n" } else { ",\n" });
                }
                buf.push_str("  }");
            }
            Format::Dot => unreachable!("dot is rendered from the materialized list"),
        }
    }

    fn end(&self, out: &mut dyn Write) -> io::Result<()> {
        match self.fmt {
            Format::Json if self.lines == 0 => out.write_all(b"[]"),
            Format::Json => out.write_all(b"\n]"),
            _ => Ok(()),
        }
    }
}

/// A peer in name order, with its display name.
struct Named {
    name: String,
    peer: Peer,
}

fn sorted_peers(a: &Analysis<'_>, ext: &[crate::ip::IpRange]) -> Vec<Named> {
    let mut v: Vec<Named> = (0..a.cluster.workloads.len())
        .map(Peer::Workload)
        .chain(ext.iter().map(|r| Peer::Ext(*r)))
        .map(|peer| Named {
            name: a.name(peer),
            peer,
        })
        .collect();
    v.sort_by(|x, y| x.name.cmp(&y.name));
    v
}

/// Stream the sorted connectivity list of `a` in `fmt` (not `dot`) to `out`. `keep` filters
/// lines by their (source, destination) peers (the `--focus-workload` option). Returns the
/// number of lines written.
pub fn write_list(
    a: &Analysis<'_>,
    fmt: Format,
    keep: &(dyn Fn(Peer, Peer) -> bool + Sync),
    out: &mut dyn Write,
) -> io::Result<u64> {
    use rayon::prelude::*;
    let srcs = sorted_peers(a, &a.src_atoms);
    let dsts = sorted_peers(a, &a.dst_atoms);
    let mut frame = Frame { fmt, lines: 0 };
    frame.begin(out)?;
    // Sources per batch: about 4 MB of text per batch and thread, at least one source.
    let per_src = dsts.len().max(1) * 64;
    let threads = rayon::current_num_threads().max(1);
    let batch = (4 << 20) / per_src;
    let batch = batch.clamp(1, 4096) * threads;
    for chunk in srcs.chunks(batch) {
        // Split the batch into runs per thread; each run keeps its own row cache.
        let run = chunk.len().div_ceil(threads).max(1);
        let parts: Vec<(String, u64)> = chunk
            .par_chunks(run)
            .map(|run| render_run(a, run, &dsts, fmt, keep))
            .collect();
        for (text, n) in parts {
            if n == 0 {
                continue;
            }
            // Only the very first line of the whole list differs: no separator before it.
            if frame.lines == 0 {
                match fmt {
                    Format::Txt => out.write_all(&text.as_bytes()[1..])?,
                    Format::Json => {
                        out.write_all(b"[")?;
                        out.write_all(&text.as_bytes()[1..])?;
                    }
                    _ => out.write_all(text.as_bytes())?,
                }
            } else {
                out.write_all(text.as_bytes())?;
            }
            frame.lines += n;
        }
    }
    frame.end(out)?;
    Ok(frame.lines)
}

/// Render the lines of a run of sources. The first line of each run is rendered as a
/// non-first line; the caller fixes the separator of the list's very first line.
fn render_run(
    a: &Analysis<'_>,
    run: &[Named],
    dsts: &[Named],
    fmt: Format,
    keep: &(dyn Fn(Peer, Peer) -> bool + Sync),
) -> (String, u64) {
    let mut buf = String::new();
    let mut n = 0u64;
    // Row cache: the answers of one source class (or external source) toward each
    // destination class, as strings ("" = nothing allowed).
    let mut row_key: Option<Peer> = None;
    let mut row: Vec<Option<String>> = Vec::new();
    for s in run {
        let key = match s.peer {
            Peer::Workload(w) => Peer::Workload(a.class_of(w)),
            e @ Peer::Ext(_) => e,
        };
        if row_key != Some(key) {
            row_key = Some(key);
            row.clear();
            row.resize(a.class_count(), None);
        }
        for d in dsts {
            let conn: &str = match (s.peer, d.peer) {
                (Peer::Ext(_), Peer::Ext(_)) => continue,
                (Peer::Workload(x), Peer::Workload(y)) if x == y => continue,
                (_, Peer::Workload(y)) => {
                    let c = a.class_of(y);
                    row[c].get_or_insert_with(|| {
                        let conn = a.allowed(rep_peer(a, s.peer), Peer::Workload(a.class_rep(c)));
                        if conn.is_empty() {
                            String::new()
                        } else {
                            conn.to_string()
                        }
                    })
                }
                (Peer::Workload(_), Peer::Ext(_)) => {
                    let conn = a.allowed(s.peer, d.peer);
                    if conn.is_empty() || !keep(s.peer, d.peer) {
                        continue;
                    }
                    Frame::line(fmt, &mut buf, &s.name, &d.name, &conn.to_string());
                    n += 1;
                    continue;
                }
            };
            if conn.is_empty() || !keep(s.peer, d.peer) {
                continue;
            }
            Frame::line(fmt, &mut buf, &s.name, &d.name, conn);
            n += 1;
        }
    }
    (buf, n)
}

/// The class representative standing for a source peer (externals stand for themselves).
fn rep_peer(a: &Analysis<'_>, p: Peer) -> Peer {
    match p {
        Peer::Workload(w) => Peer::Workload(a.class_rep(a.class_of(w))),
        e => e,
    }
}
