//! Engine tests: registry, masking, allow-list, streaming across chunk boundaries, binary and
//! size skipping, linear behaviour on hostile shapes.

use super::*;

#[test]
fn registry_is_complete() {
    assert_eq!(
        bulkhead_diagnostics::registry_problems(RULES),
        Vec::<String>::new()
    );
    assert_eq!(broken_patterns(), Vec::<(&str, String)>::new());
    assert!(SECRET_RULES.len() >= 106, "at least Trivy's 106 rules");
    for r in SECRET_RULES {
        assert!(!r.keywords.is_empty(), "{} has no keyword", r.meta.code);
        assert!(
            r.meta.aliases.iter().all(|a| !a.id.is_empty()),
            "{}",
            r.meta.code
        );
    }
}

fn gh_token() -> String {
    // Built at run time so this source file holds no token.
    format!("gh{}_{}", "p", "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z5A")
}

#[test]
fn masks_every_secret() {
    let t = gh_token();
    assert_eq!(t.len(), 40);
    let m = scan_bytes(format!("x = {t}\n").as_bytes());
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].masked, "ghp_************************");
    assert!(!m[0].masked.contains(&t[4..]));
    assert_eq!((m[0].line, m[0].column), (1, 5));
    assert_eq!(mask(b"abc"), "***");
    assert_eq!(mask(b"abcdefgh"), "ab******");
    assert_eq!(
        mask(b"line one\nline two\nline three"),
        "line*******************"
    );
}

#[test]
fn allow_list_of_documented_examples() {
    let text = "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n\
                aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n";
    assert!(scan_bytes(text.as_bytes()).is_empty());
}

#[test]
fn generic_rule_yields_to_specific_rule() {
    let t = gh_token();
    let m = scan_bytes(format!("GITHUB_TOKEN={t}\n").as_bytes());
    let codes: Vec<&str> = m.iter().map(|m| m.rule.name).collect();
    assert_eq!(codes, ["github-pat"]);
}

#[test]
fn binary_content_is_skipped() {
    let mut data = b"\x7fELF\x00\x00".to_vec();
    data.extend_from_slice(gh_token().as_bytes());
    let r = scan_reader(&data[..], None, &Limits::default()).unwrap();
    assert_eq!(r.skipped, Some(Skipped::Binary));
    assert!(r.matches.is_empty());
}

#[test]
fn oversized_files_are_skipped_with_their_size() {
    let limits = Limits { max_file_bytes: 10 };
    let r = scan_reader(&b"0123456789abc"[..], Some(13), &limits).unwrap();
    assert_eq!(r.skipped, Some(Skipped::TooLarge(13)));
    // Size unknown up front: noticed while reading.
    let r = scan_reader(&b"0123456789abc"[..], None, &limits).unwrap();
    assert_eq!(r.skipped, Some(Skipped::TooLarge(13)));
}

/// A reader that yields `n` bytes generated on the fly, in small reads.
struct Gen<F: FnMut(u64) -> u8> {
    pos: u64,
    len: u64,
    f: F,
}

impl<F: FnMut(u64) -> u8> std::io::Read for Gen<F> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = (self.len - self.pos).min(buf.len() as u64).min(7919) as usize;
        for b in &mut buf[..n] {
            *b = (self.f)(self.pos);
            self.pos += 1;
        }
        Ok(n)
    }
}

#[test]
fn secrets_across_chunk_boundaries_are_found_once_with_exact_lines() {
    // Lines of 100 bytes; a token on line k for k in a set that straddles chunk edges.
    let t = gh_token();
    let lines = 40_000u64; // 4 MB: several chunks
    let planted: Vec<u64> = vec![1, 10_485, 10_486, 20_970, 20_971, 31_457, 39_999];
    let mut text = Vec::with_capacity((lines * 100) as usize);
    for l in 1..=lines {
        let mut line = if planted.contains(&l) {
            format!("k{l}={t}")
        } else {
            format!("line {l} of plain text")
        };
        while line.len() < 99 {
            line.push('.');
        }
        line.push('\n');
        text.extend_from_slice(line.as_bytes());
    }
    let r = scan_reader(&text[..], None, &Limits::default()).unwrap();
    let got: Vec<u64> = r.matches.iter().map(|m| m.line).collect();
    assert_eq!(got, planted);
    // Same result through one in-memory pass.
    let whole: Vec<u64> = scan_bytes(&text).iter().map(|m| m.line).collect();
    assert_eq!(whole, planted);
}

#[test]
fn one_long_line_streams_in_bounded_memory() {
    // 64 MiB on one line, keywords everywhere ("token=" every 64 bytes) and one real token near
    // the end. Linear: every keyword window is merged, each rule runs once per chunk.
    let t = gh_token();
    let len: u64 = 64 << 20;
    let at = len - 1000;
    let tb = t.into_bytes();
    let pat = b"token=abc key=1 password secret ";
    let reader = Gen {
        pos: 0,
        len,
        f: move |i| {
            if i >= at && i < at + tb.len() as u64 {
                tb[(i - at) as usize]
            } else if i == at - 1 {
                b' '
            } else {
                pat[(i % pat.len() as u64) as usize]
            }
        },
    };
    let limits = Limits {
        max_file_bytes: u64::MAX,
    };
    let r = scan_reader(reader, None, &limits).unwrap();
    let found: Vec<(&str, u64, u64)> = r
        .matches
        .iter()
        .map(|m| (m.rule.name, m.line, m.column))
        .collect();
    assert_eq!(found, [("github-pat", 1, at + 1)]);
}

#[test]
fn many_short_lines() {
    // 2 million short lines with a keyword on each; the token on the last line.
    let t = gh_token();
    let n = 2_000_000u64;
    let mut text = Vec::with_capacity((n * 8) as usize + 64);
    for _ in 0..n - 1 {
        text.extend_from_slice(b"token=\n");
    }
    text.extend_from_slice(format!("x {t}\n").as_bytes());
    let r = scan_reader(&text[..], None, &Limits::default()).unwrap();
    let got: Vec<(u64, u64)> = r.matches.iter().map(|m| (m.line, m.column)).collect();
    assert_eq!(got, [(n, 3)]);
}

#[test]
fn findings_in_a_value_are_located_in_the_file() {
    let t = gh_token();
    let f = findings_in_value("Dockerfile", &format!("x {t}"), 7, 10);
    assert_eq!(f.len(), 1);
    let r = f[0].range.unwrap();
    assert_eq!((r.start.line, r.start.column), (7, 12));
    assert_eq!(
        f[0].message,
        "GitHub personal access token: `ghp_************************`"
    );
    let f = findings_in_value("s.yaml", &format!("a\nb {t}"), 3, 5);
    let r = f[0].range.unwrap();
    assert_eq!((r.start.line, r.start.column), (4, 3));
}

#[test]
fn masked_in_every_renderer() {
    use bulkhead_diagnostics::render::{Format, RenderOptions, render_to_string};
    let t = gh_token();
    let text = format!("token: {t}\n");
    let report = bulkhead_diagnostics::Report {
        findings: findings_in_value("app.env", &text, 1, 1),
        files: 1,
        rules: RULES.to_vec(),
        ..Default::default()
    };
    assert_eq!(report.findings.len(), 1);
    for f in Format::ALL {
        let out = render_to_string(f, &report, &RenderOptions::default());
        assert!(out.contains("ghp_****"), "{f}: the mask is shown");
        assert!(!out.contains(&t[4..]), "{f} prints the secret");
    }
}

#[test]
fn matches_per_file_are_bounded() {
    let t = gh_token();
    let text = format!("{t}\n").repeat(3 * MAX_MATCHES_PER_FILE);
    let r = scan_reader(text.as_bytes(), None, &Limits::default()).unwrap();
    assert_eq!(r.matches.len(), MAX_MATCHES_PER_FILE);
    assert!(r.truncated);
}

#[test]
fn generic_rules_skip_paths_and_plain_urls() {
    // Seen in ../shared/corpus/k8s: a tokenizer's directory and an OAuth endpoint are where
    // secrets are, not secrets; a real value beside them still is.
    let text = concat!(
        "    TOKEN",
        "IZER_DIR=/data/trt_engine/model/tokenizer.model && \\\n",
        "oauth.token.endpoint.uri=\"https://oauth2.googleapis.com/token\"\n",
        "DB_PASS",
        "WORD=6WFq6K5NBttfCRopAPOz\n",
    );
    let got: Vec<(&str, u64)> = scan_bytes(text.as_bytes())
        .iter()
        .map(|m| (m.rule.code, m.line))
        .collect();
    assert_eq!(got, [("SC065", 3)]);
}
