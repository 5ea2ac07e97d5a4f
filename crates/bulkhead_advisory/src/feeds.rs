//! Downloading the public feeds (or mirrors laid out like them): the list of feeds
//! ([`feed_list`]), one conditional download with retries into the feed cache ([`Fetcher`]),
//! progress reported through a trait ([`Progress`], like `bulkhead_image`'s), and the
//! clean-up of partial downloads left by killed updates.
//!
//! A download is written to `NAME.part-PID` beside its destination and renamed over it only
//! when complete, so the cache never holds half a feed. Owns: HTTP (ureq, rustls), retries on
//! transport errors, 429 and 5xx, conditional requests (ETag / Last-Modified). Does not own:
//! parsing (see [`crate::parse_path`]), the store, printing.

use crate::error::{Error, Result};
use crate::store::SourceInfo;
use std::io::{Read, Write};
use std::path::Path;
use std::time::Duration;

/// One downloadable feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    /// Source name in the store, also the cached file's name.
    pub name: String,
    pub url: String,
    /// File name the parser sees (its extension picks the format).
    pub file: String,
}

/// Where the feeds are and which to take.
#[derive(Debug, Clone)]
pub struct FeedUrls<'a> {
    /// Base URL of the OSV per-ecosystem dumps (`BASE/ECOSYSTEM/all.zip`).
    pub osv: &'a str,
    pub ecosystems: &'a [String],
    /// Base URL of the Alpine secdb (`BASE/vX.Y/main.json`).
    pub alpine: &'a str,
    pub alpine_branches: &'a [String],
    /// URL of the Debian security tracker JSON.
    pub debian: &'a str,
}

/// The feeds named in `feeds` (`osv`, `alpine`, `debian`), in order.
pub fn feed_list(feeds: &[String], urls: &FeedUrls<'_>) -> Result<Vec<Feed>> {
    let mut out = Vec::new();
    let trim = |u: &str| u.trim_end_matches('/').to_string();
    for f in feeds {
        match f.as_str() {
            "osv" => {
                for eco in urls.ecosystems {
                    out.push(Feed {
                        name: format!("osv-{eco}"),
                        url: format!("{}/{eco}/all.zip", trim(urls.osv)),
                        file: format!("osv-{eco}.zip"),
                    });
                }
            }
            "alpine" => {
                for branch in urls.alpine_branches {
                    for repo in ["main", "community"] {
                        out.push(Feed {
                            name: format!("alpine-{branch}-{repo}"),
                            url: format!("{}/{branch}/{repo}.json", trim(urls.alpine)),
                            file: format!("alpine-{branch}-{repo}.json"),
                        });
                    }
                }
            }
            "debian" => out.push(Feed {
                name: "debian-tracker".into(),
                url: urls.debian.to_string(),
                file: "debian-tracker.json".into(),
            }),
            other => {
                return Err(Error::Download {
                    url: other.to_string(),
                    message: "unknown feed (expected osv, alpine or debian)".into(),
                });
            }
        }
    }
    Ok(out)
}

/// What a download found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// New content written to the destination, with its validators.
    New {
        etag: Option<String>,
        last_modified: Option<String>,
    },
    /// 304: the cached file is current.
    NotModified,
    /// 404: the feed does not exist there (an Alpine branch not yet published).
    Missing,
}

/// Download progress, one feed at a time.
pub trait Progress {
    /// A download of `feed` began; `total` is its length when the server said.
    fn started(&self, feed: &str, total: Option<u64>);
    /// `bytes` more bytes of the current download arrived.
    fn advanced(&self, bytes: u64);
    /// The current download ended (complete or not).
    fn finished(&self);
}

/// Progress that shows nothing.
pub struct NoProgress;

impl Progress for NoProgress {
    fn started(&self, _: &str, _: Option<u64>) {}
    fn advanced(&self, _: u64) {}
    fn finished(&self) {}
}

/// An HTTP client for the feeds.
pub struct Fetcher {
    agent: ureq::Agent,
    retries: u32,
}

fn header(resp: &ureq::http::Response<ureq::Body>, name: &str) -> Option<String> {
    resp.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

impl Fetcher {
    /// A client whose downloads time out after `timeout` each and are tried `retries` times.
    pub fn new(timeout: Duration, retries: u32, user_agent: &str) -> Fetcher {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(timeout))
            .user_agent(user_agent)
            .build()
            .new_agent();
        Fetcher {
            agent,
            retries: retries.max(1),
        }
    }

    /// Downloads `feed` into `dest` (conditionally when `dest` exists and `prev` has
    /// validators), retrying transport errors, 429 and 5xx with backoff.
    pub fn fetch(
        &self,
        feed: &Feed,
        dest: &Path,
        prev: Option<&SourceInfo>,
        progress: &dyn Progress,
    ) -> Result<Fetched> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            match self.once(feed, dest, prev, progress) {
                Ok(f) => return Ok(f),
                Err((true, _)) if attempt < self.retries => {}
                Err((_, message)) => {
                    return Err(Error::Download {
                        url: feed.url.clone(),
                        message: if attempt > 1 {
                            format!("{message} (gave up after {attempt} attempts)")
                        } else {
                            message
                        },
                    });
                }
            }
            std::thread::sleep(Duration::from_millis(250 * (1 << (attempt - 1).min(4))));
        }
    }

    /// One attempt; an error says whether it is worth retrying.
    fn once(
        &self,
        feed: &Feed,
        dest: &Path,
        prev: Option<&SourceInfo>,
        progress: &dyn Progress,
    ) -> std::result::Result<Fetched, (bool, String)> {
        let mut req = self.agent.get(&feed.url);
        if dest.exists()
            && let Some(p) = prev
        {
            if let Some(e) = &p.etag {
                req = req.header("If-None-Match", e);
            }
            if let Some(m) = &p.last_modified {
                req = req.header("If-Modified-Since", m);
            }
        }
        let resp = req.call().map_err(|e| (true, e.to_string()))?;
        let status = resp.status();
        if status == 304 {
            return Ok(Fetched::NotModified);
        }
        if status == 404 {
            return Ok(Fetched::Missing);
        }
        if status == 429 || status.is_server_error() {
            return Err((true, format!("HTTP {}", status.as_u16())));
        }
        if !status.is_success() {
            return Err((false, format!("HTTP {}", status.as_u16())));
        }
        let etag = header(&resp, "ETag");
        let last_modified = header(&resp, "Last-Modified");
        let len: Option<u64> = header(&resp, "Content-Length").and_then(|v| v.parse().ok());
        progress.started(&feed.name, len);
        let tmp = dest.with_extension(format!("part-{}", std::process::id()));
        let result = (|| -> std::io::Result<()> {
            let mut file = std::fs::File::create(&tmp)?;
            let mut reader = resp.into_body().into_reader();
            let mut buf = vec![0u8; 64 * 1024];
            loop {
                let n = reader.read(&mut buf)?;
                if n == 0 {
                    break;
                }
                file.write_all(&buf[..n])?;
                progress.advanced(n as u64);
            }
            file.sync_all()
        })();
        progress.finished();
        match result {
            Ok(()) => {
                std::fs::rename(&tmp, dest)
                    .map_err(|e| (false, format!("cannot write {}: {e}", dest.display())))?;
                Ok(Fetched::New {
                    etag,
                    last_modified,
                })
            }
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                Err((true, format!("download interrupted: {e}")))
            }
        }
    }
}

/// Removes the partial downloads (`NAME.part-PID`) of updates that were killed mid-download,
/// i.e. whose process is gone; a download in progress in another process is left alone.
pub fn clean_partial_downloads(dir: &Path) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let Some((_, pid)) = name.to_str().and_then(|n| n.rsplit_once(".part-")) else {
            continue;
        };
        if !pid.is_empty()
            && pid.bytes().all(|b| b.is_ascii_digit())
            && !Path::new("/proc").join(pid).exists()
        {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_in_order_with_trimmed_bases() {
        let eco = ["crates.io".to_string()];
        let br = ["v3.20".to_string()];
        let urls = FeedUrls {
            osv: "http://m/osv/",
            ecosystems: &eco,
            alpine: "http://m/alpine",
            alpine_branches: &br,
            debian: "http://m/tracker",
        };
        let list = feed_list(&["debian".into(), "osv".into(), "alpine".into()], &urls).unwrap();
        let got: Vec<(&str, &str)> = list
            .iter()
            .map(|f| (f.name.as_str(), f.url.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("debian-tracker", "http://m/tracker"),
                ("osv-crates.io", "http://m/osv/crates.io/all.zip"),
                ("alpine-v3.20-main", "http://m/alpine/v3.20/main.json"),
                (
                    "alpine-v3.20-community",
                    "http://m/alpine/v3.20/community.json"
                ),
            ]
        );
        assert!(feed_list(&["nvd".into()], &urls).is_err());
    }
}
