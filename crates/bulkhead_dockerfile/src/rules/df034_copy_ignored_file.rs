//! DF034 `copy-ignored-file`: `COPY` of a path excluded by `.dockerignore`

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF034",
    name: "copy-ignored-file",
    summary: "`COPY` of a path excluded by `.dockerignore`",
    severity: Severity::Low,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Buildkit, "CopyIgnoredFile")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
When the caller passes the build context's `.dockerignore` patterns, reports `COPY`/`ADD` \
sources (from the context, not `--from`) that those patterns exclude.\n\n\
## Why is this bad?\n\
An excluded file is not in the build context: the `COPY` fails, or copies less than the author \
thinks.\n\n\
## Example\n\
```dockerfile\n\
# .dockerignore: *.md\n\
COPY README.md /doc/\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(patterns) = ctx.settings.dockerignore.as_ref() else { return };
    for (i, ins) in ctx.df.instructions.iter().enumerate() {
        if !matches!(ins.kind, Kind::Copy | Kind::Add) || ins.flag("from").is_some() {
            continue;
        }
        for s in ctx.operands(i).map_or(&[][..], |o| &o.sources) {
            if s.text.contains("://") || s.text.contains('$') {
                continue;
            }
            if ignored(patterns, &s.text) {
                out.push(ctx.at_l(&META, ins, s.lstart, s.lend, format!("`{}` is excluded by .dockerignore", s.text)));
            }
        }
    }
}

/// Whether `path` is excluded by `.dockerignore` patterns (last match wins, `!` re-includes).
pub fn ignored(patterns: &[String], path: &str) -> bool {
    let path = path.trim_start_matches("./").trim_start_matches('/').trim_end_matches('/');
    let mut out = false;
    for p in patterns {
        let p = p.trim();
        if p.is_empty() || p.starts_with('#') {
            continue;
        }
        let (neg, p) = match p.strip_prefix('!') { Some(r) => (true, r), None => (false, p) };
        let p = p.trim_start_matches("./").trim_start_matches('/').trim_end_matches('/');
        // a pattern matches the path or one of its parent directories
        let mut hit = glob(p, path);
        let mut cur = path;
        while !hit {
            match cur.rfind('/') {
                Some(k) => { cur = &cur[..k]; hit = glob(p, cur); }
                None => break,
            }
        }
        if hit {
            out = !neg;
        }
    }
    out
}

fn glob(p: &str, s: &str) -> bool {
    if let Some(rest) = p.strip_prefix("**/") {
        return glob(rest, s) || s.match_indices('/').any(|(k, _)| glob(rest, &s[k + 1..]));
    }
    let (pb, sb) = (p.as_bytes(), s.as_bytes());
    let (mut i, mut j) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while j < sb.len() {
        if i < pb.len() && (pb[i] == b'?' && sb[j] != b'/' || pb[i] == sb[j]) {
            i += 1;
            j += 1;
        } else if i < pb.len() && pb[i] == b'*' {
            star = Some(i);
            mark = j;
            i += 1;
        } else if let Some(st) = star.filter(|_| sb[mark] != b'/') {
            i = st + 1;
            mark += 1;
            j = mark;
        } else {
            return false;
        }
    }
    while i < pb.len() && pb[i] == b'*' {
        i += 1;
    }
    i == pb.len()
}

#[cfg(test)]
mod tests {
    use crate::Settings;
    use crate::rules::testing::{assert_lines, lines_with};

    fn ignoring(patterns: &[&str]) -> Settings {
        Settings {
            dockerignore: Some(patterns.iter().map(|p| p.to_string()).collect()),
            ..Settings::default()
        }
    }

    #[test]
    fn triggers() {
        let s = ignoring(&["*.md", "!KEEP.md", "secrets", "**/*.log"]);
        let src = "FROM a:1\nCOPY README.md /doc/\nCOPY KEEP.md /doc/\nCOPY secrets/key /k\nCOPY a/b/c.log /l\nCOPY --from=x README.md /r\nCOPY src /src\nADD [\"NOTES.md\", \"/n\"]\nCOPY \"./x.md\" /q/\n";
        assert_eq!(lines_with(&super::META, src, &s), vec![2, 4, 5, 8, 9]);
    }

    #[test]
    fn near_misses() {
        // Not ignored, re-included, from another stage, a URL, a variable.
        let s = ignoring(&["*.md", "!KEEP.md", "build/"]);
        let src = "FROM a:1\nCOPY KEEP.md /doc/\nCOPY src/ /src/\nCOPY --from=x README.md /r\nADD https://x/y.md /y\nCOPY $DOC /d\nCOPY buildx /b\n";
        assert_eq!(lines_with(&super::META, src, &s), Vec::<u32>::new());
        // Without .dockerignore patterns there is nothing to hold sources against.
        assert_lines(&super::META, "FROM a:1\nCOPY README.md /doc/\n", &[]);
    }
}
