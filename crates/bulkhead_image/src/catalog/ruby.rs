//! Ruby: installed gems' `specifications/*.gemspec` (the Ruby source RubyGems writes:
//! `s.name = "rake".freeze`, `s.version = "13.0.6"`, `s.licenses = ["MIT".freeze]`).

use bulkhead_pkg::{Ecosystem, Package};

fn quoted(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(start) = rest.find(['"', '\'']) {
        let q = rest.as_bytes()[start] as char;
        let after = &rest[start + 1..];
        let Some(end) = after.find(q) else { break };
        out.push(after[..end].to_string());
        rest = &after[end + 1..];
    }
    out
}

/// One gem.
pub fn parse_gemspec(text: &str) -> Vec<Package> {
    let (mut name, mut version, mut licenses) = (None, None, Vec::new());
    for line in text.lines() {
        let l = line.trim();
        let Some((lhs, rhs)) = l.split_once('=') else {
            continue;
        };
        let key = lhs.trim().rsplit('.').next().unwrap_or("");
        match key {
            "name" if name.is_none() => name = quoted(rhs).into_iter().next(),
            "version" if version.is_none() => version = quoted(rhs).into_iter().next(),
            "licenses" | "license" => licenses.extend(quoted(rhs)),
            _ => {}
        }
    }
    match (name, version) {
        (Some(n), Some(v)) => {
            let mut p = Package::new(Ecosystem::Gem, n, v);
            p.licenses = licenses;
            vec![p]
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rubygems_written_spec() {
        let t = "# -*- encoding: utf-8 -*-\nGem::Specification.new do |s|\n  s.name = \"rake\".freeze\n  s.version = \"13.0.6\"\n  s.licenses = [\"MIT\".freeze]\nend\n";
        let p = parse_gemspec(t);
        assert_eq!(
            (p[0].name.as_str(), p[0].version.as_str()),
            ("rake", "13.0.6")
        );
        assert_eq!(p[0].licenses, vec!["MIT"]);
    }
}
