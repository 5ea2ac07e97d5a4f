//! The image audit: an [`ImageAuditor`] rides along the image crate's streaming layer walk as
//! its [`Visitor`] (every entry's mode and owner, every regular file's bytes through the secret
//! scanner, account files kept), then [`ImageAuditor::finish`] runs the `IM` rules on the
//! configuration and the collected content, the `DF` rules on the history rebuilt as a
//! Dockerfile, and the `SC` rules on `Env`, labels and history.
//!
//! Owns: the per-layer visitor and what of it the layer cache keeps (masked secret matches
//! only), layer visibility (overwrites, whiteouts, opaque directories), the audit's findings
//! with their layer and history entry. Does not own: reading the image,
//! selection, suppression, rendering (the binary).

pub mod history;
pub mod rules;

use crate::secrets::{self, Limits, SecretMatch, Skipped, StreamScanner};
use bulkhead_diagnostics::{Finding, Range, RuleMeta};
use bulkhead_image::{EntryInfo, EntryKind, ImageConfig, LayerVisitor, Scan, Visitor};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Mutex;

pub use rules::RULES;

/// What the image audit can be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Run the configuration, history and content checks (`IM`, history `DF`).
    pub config: bool,
    /// Run the secret scanner (`SC`) on every file, `Env`, labels and history.
    pub secrets: bool,
    /// Files larger than this are not scanned for secrets (a note says so).
    pub max_file_bytes: u64,
    /// setuid/setgid programs that are expected (absolute paths or basenames).
    pub setuid_allow: Vec<String>,
    /// More file basenames that hold credentials (Dockle's `--sensitive-file`).
    pub sensitive_files: Vec<String>,
}

/// The setuid/setgid programs of a normal distribution (Debian, Alpine/busybox, RHEL).
pub const DEFAULT_SETUID_ALLOW: &[&str] = &[
    "passwd",
    "su",
    "mount",
    "umount",
    "chsh",
    "chfn",
    "gpasswd",
    "newgrp",
    "sudo",
    "ping",
    "expiry",
    "chage",
    "unix_chkpwd",
    "pam_timestamp_check",
    "wall",
    "write",
    "ssh-agent",
    "crontab",
    "pkexec",
    "fusermount",
    "fusermount3",
    "newuidmap",
    "newgidmap",
    "bsd-write",
    "dotlockfile",
    "busybox",
    "bbsuid",
    "ssh-keysign",
    "Xorg.wrap",
    "at",
    "staprun",
    "utempter",
    "chromium-sandbox",
    "polkit-agent-helper-1",
    "dbus-daemon-launch-helper",
];

impl Default for Settings {
    fn default() -> Self {
        Settings {
            config: true,
            secrets: true,
            max_file_bytes: Limits::default().max_file_bytes,
            setuid_allow: DEFAULT_SETUID_ALLOW.iter().map(|s| s.to_string()).collect(),
            sensitive_files: Vec::new(),
        }
    }
}

/// A layer, as findings name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayerRef {
    /// 0-based position in the image.
    pub index: usize,
    /// The uncompressed digest (diff id), else the blob digest or archive path.
    pub digest: String,
}

/// A history entry, as findings name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryRef {
    /// 0-based position in the config's `history`.
    pub index: usize,
    pub created_by: String,
}

/// One audit finding: a diagnostics [`Finding`] plus where in the image it comes from.
#[derive(Debug, Clone)]
pub struct AuditFinding {
    pub finding: Finding,
    pub layer: Option<LayerRef>,
    pub history: Option<HistoryRef>,
    /// The finding is in the base image's layers or history (the user cannot fix it there).
    pub base: bool,
    /// The file holding it was deleted by this later layer (its bytes stay in the image).
    pub deleted_in: Option<LayerRef>,
}

impl AuditFinding {
    fn new(finding: Finding) -> Self {
        AuditFinding {
            finding,
            layer: None,
            history: None,
            base: false,
            deleted_in: None,
        }
    }
}

/// The outcome of an image audit.
#[derive(Debug, Clone, Default)]
pub struct Audit {
    pub findings: Vec<AuditFinding>,
    /// Files not scanned and why (too large), history entries that did not parse: never silent.
    pub notes: Vec<String>,
    /// The history rebuilt as a Dockerfile (user layers), for code frames.
    pub history_dockerfile: Option<String>,
    /// The base image's history rebuilt as a Dockerfile.
    pub base_history_dockerfile: Option<String>,
    /// Regular files whose bytes were scanned.
    pub files: usize,
}

/// An entry the content rules look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileFact {
    pub path: String,
    pub layer: usize,
    pub kind: EntryKind,
    pub mode: u32,
    pub uid: u64,
    pub gid: u64,
}

/// Secrets found in one file of one layer.
#[derive(Debug, Clone)]
pub struct FileSecrets {
    pub path: String,
    pub layer: usize,
    pub matches: Vec<SecretMatch>,
}

/// What the walk of one layer collected.
#[derive(Debug, Clone, Default)]
pub struct LayerData {
    pub index: usize,
    pub label: String,
    pub diff_id: Option<String>,
    /// Entries the content rules may report (setuid, world-writable, names).
    pub facts: Vec<FileFact>,
    /// Every path this layer adds (for visibility: a later layer's file hides an earlier one).
    pub paths: Vec<String>,
    pub whiteouts: Vec<String>,
    pub opaque: Vec<String>,
    /// Account files (`etc/passwd`, `etc/group`, `etc/shadow`, `etc/master.passwd`).
    pub accounts: BTreeMap<String, Vec<u8>>,
    pub secrets: Vec<FileSecrets>,
    pub notes: Vec<String>,
    /// Regular files seen.
    pub files: usize,
}

/// Account files kept whole for the content rules.
pub const ACCOUNT_FILES: &[&str] = &["etc/passwd", "etc/group", "etc/shadow", "etc/master.passwd"];

/// The visitor handed to `bulkhead_image::scan_image_with`; collects per-layer data.
pub struct ImageAuditor {
    settings: Settings,
    layers: Mutex<Vec<LayerData>>,
}

impl ImageAuditor {
    pub fn new(settings: Settings) -> Self {
        ImageAuditor {
            settings,
            layers: Mutex::new(Vec::new()),
        }
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The collected layers, in image order.
    pub fn into_layers(self) -> Vec<LayerData> {
        let mut l = self.layers.into_inner().unwrap_or_else(|e| e.into_inner());
        l.sort_by_key(|d| d.index);
        l
    }

    /// Runs every check on what the walk collected and on `scan`'s configuration and history.
    /// `reference` is the image as the user named it (for the `latest` check).
    pub fn finish(self, reference: &str, scan: &Scan) -> Audit {
        let settings = self.settings.clone();
        let layers = self.into_layers();
        audit(reference, scan, &layers, &settings)
    }
}

struct LayerCollector<'a> {
    parent: &'a ImageAuditor,
    data: LayerData,
    current: Option<Current>,
    /// The layer was read to its end (its data is the parent's).
    ended: Option<usize>,
}

struct Current {
    path: String,
    scanner: Option<StreamScanner>,
    account: Option<Vec<u8>>,
}

/// Unnecessary files and directories (DKL-LI-0003): basenames of files, names of directories.
pub const UNNECESSARY_FILES: &[&str] = &["Dockerfile", "docker-compose.yml", ".vimrc", ".DS_Store"];
pub const UNNECESSARY_DIRS: &[&str] = &[
    ".cache", ".aws", ".azure", ".gcp", ".git", ".vscode", ".idea", ".npm", ".ssh", ".docker",
    ".kube", ".gnupg",
];
/// Credential files by basename (CIS-DI-0010 b).
pub const CREDENTIAL_FILES: &[&str] = &[
    "credentials.json",
    "credential.json",
    "credentials",
    "credential",
    "password.txt",
    "id_rsa",
    "id_dsa",
    "id_ecdsa",
    "id_ed25519",
    "secret_token.rb",
    "carrierwave.rb",
    "omniauth.rb",
    "settings.py",
    "database.yml",
    "credentials.xml",
    ".env",
    ".netrc",
    ".pgpass",
    ".git-credentials",
    ".npmrc",
    ".pypirc",
    ".htpasswd",
    "config.json",
];

fn under_vendor(path: &str) -> bool {
    path.split('/')
        .any(|c| c == "node_modules" || c == "vendor")
}

/// Whether a path is interesting by name to IM012/IM013.
pub fn interesting_name(path: &str, settings: &Settings) -> bool {
    let base = path.rsplit('/').next().unwrap_or(path);
    if under_vendor(path) {
        return false;
    }
    UNNECESSARY_FILES.contains(&base)
        || path
            .split('/')
            .rev()
            .skip(1)
            .any(|c| UNNECESSARY_DIRS.contains(&c))
        || UNNECESSARY_DIRS.contains(&base)
        || rules::im013_credential_file::is_credential_path(path, settings)
}

impl LayerVisitor for LayerCollector<'_> {
    fn entry(&mut self, e: &EntryInfo<'_>) -> bool {
        let s = &self.parent.settings;
        if e.kind != EntryKind::Dir {
            self.data.paths.push(e.path.to_string());
        }
        if s.config {
            let special =
                matches!(e.kind, EntryKind::File | EntryKind::HardLink) && e.mode & 0o6000 != 0;
            let writable = matches!(e.kind, EntryKind::File | EntryKind::Dir)
                && e.mode & 0o002 != 0
                && e.mode & 0o1000 == 0;
            if special || writable || interesting_name(e.path, s) {
                self.data.facts.push(FileFact {
                    path: e.path.to_string(),
                    layer: self.data.index,
                    kind: e.kind,
                    mode: e.mode,
                    uid: e.uid,
                    gid: e.gid,
                });
            }
        }
        if e.kind != EntryKind::File {
            return false;
        }
        self.data.files += 1;
        let account = s.config && ACCOUNT_FILES.contains(&e.path) && e.size <= 4 << 20;
        let mut scanner = None;
        if s.secrets {
            if e.size > s.max_file_bytes {
                self.data.notes.push(format!(
                    "layer {}: /{} ({} bytes) is larger than the secret scanner's limit ({} bytes); not scanned",
                    self.data.index + 1,
                    e.path,
                    e.size,
                    s.max_file_bytes
                ));
            } else {
                scanner = Some(StreamScanner::new());
            }
        }
        if scanner.is_none() && !account {
            return false;
        }
        self.current = Some(Current {
            path: e.path.to_string(),
            scanner,
            account: account.then(Vec::new),
        });
        true
    }

    fn data(&mut self, chunk: &[u8]) -> bool {
        let Some(c) = self.current.as_mut() else {
            return false;
        };
        let mut more = false;
        if let Some(a) = c.account.as_mut() {
            a.extend_from_slice(chunk);
            more = true;
        }
        if let Some(sc) = c.scanner.as_mut() {
            if sc.push(chunk) {
                more = true;
            } else {
                // Binary: nothing more to scan (the scanner remembers why).
            }
        }
        more
    }

    fn end_file(&mut self) {
        let Some(c) = self.current.take() else {
            return;
        };
        if let Some(a) = c.account {
            self.data.accounts.insert(c.path.clone(), a);
        }
        if let Some(sc) = c.scanner {
            let r = sc.finish();
            if let Some(Skipped::TooLarge(n)) = r.skipped {
                self.data.notes.push(format!(
                    "layer {}: /{} ({n} bytes) is larger than the secret scanner's limit; not scanned",
                    self.data.index + 1,
                    c.path
                ));
            }
            if r.truncated {
                self.data.notes.push(format!(
                    "layer {}: /{}: more than {} secrets; only the first {} are reported",
                    self.data.index + 1,
                    c.path,
                    crate::secrets::MAX_MATCHES_PER_FILE,
                    crate::secrets::MAX_MATCHES_PER_FILE
                ));
            }
            if !r.matches.is_empty() {
                self.data.secrets.push(FileSecrets {
                    path: c.path,
                    layer: self.data.index,
                    matches: r.matches,
                });
            }
        }
    }

    fn whiteout(&mut self, path: &str, opaque: bool) {
        if opaque {
            self.data.opaque.push(path.to_string());
        } else {
            self.data.whiteouts.push(path.to_string());
        }
    }

    fn end_layer(&mut self) {
        let data = std::mem::take(&mut self.data);
        self.ended = Some(data.index);
        self.parent
            .layers
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(data);
    }

    fn cache_bytes(&mut self) -> Option<Vec<u8>> {
        let index = self.ended?;
        let layers = self.parent.layers.lock().unwrap_or_else(|e| e.into_inner());
        let data = layers.iter().find(|d| d.index == index)?;
        serde_json::to_vec(&CachedLayer::of(data)?).ok()
    }
}

/// Bumped whenever what a layer's visit collects changes (the collector, [`LayerData`], the
/// secret scanner's code): cached layers of older versions are never reused. The rules'
/// keywords, patterns and gates are part of the cache key by themselves.
const COLLECT_VERSION: u32 = 1;

/// A [`FileFact`] as cached (its layer is the one it is restored to).
#[derive(Serialize, Deserialize)]
struct CachedFact {
    path: String,
    kind: EntryKind,
    mode: u32,
    uid: u64,
    gid: u64,
}

/// A [`SecretMatch`] as cached: the rule by code, the secret masked (the cache never holds a
/// secret).
#[derive(Serialize, Deserialize)]
struct CachedMatch {
    rule: String,
    offset: u64,
    line: u64,
    column: u64,
    masked: String,
    span: (u64, u64),
}

/// What the layer cache keeps of one layer's [`LayerData`]: everything but its position in
/// the image (the same layer may sit elsewhere in another image).
#[derive(Serialize, Deserialize)]
struct CachedLayer {
    facts: Vec<CachedFact>,
    paths: Vec<String>,
    whiteouts: Vec<String>,
    opaque: Vec<String>,
    accounts: BTreeMap<String, Vec<u8>>,
    secrets: Vec<(String, Vec<CachedMatch>)>,
    /// Notes without their `layer N: ` prefix.
    notes: Vec<String>,
    files: usize,
}

fn note_prefix(index: usize) -> String {
    format!("layer {}: ", index + 1)
}

impl CachedLayer {
    /// `None` when a note does not name its layer as the collector writes it (not cached).
    fn of(d: &LayerData) -> Option<Self> {
        let prefix = note_prefix(d.index);
        let notes = d
            .notes
            .iter()
            .map(|n| n.strip_prefix(&prefix).map(str::to_string))
            .collect::<Option<Vec<_>>>()?;
        Some(CachedLayer {
            facts: d
                .facts
                .iter()
                .map(|f| CachedFact {
                    path: f.path.clone(),
                    kind: f.kind,
                    mode: f.mode,
                    uid: f.uid,
                    gid: f.gid,
                })
                .collect(),
            paths: d.paths.clone(),
            whiteouts: d.whiteouts.clone(),
            opaque: d.opaque.clone(),
            accounts: d.accounts.clone(),
            secrets: d
                .secrets
                .iter()
                .map(|fs| {
                    let ms = fs
                        .matches
                        .iter()
                        .map(|m| CachedMatch {
                            rule: m.rule.code.to_string(),
                            offset: m.offset,
                            line: m.line,
                            column: m.column,
                            masked: m.masked.clone(),
                            span: m.secret_span,
                        })
                        .collect();
                    (fs.path.clone(), ms)
                })
                .collect(),
            notes,
            files: d.files,
        })
    }

    /// The layer data at `index`; `None` when a rule it names no longer exists.
    fn into_data(self, index: usize, label: &str, diff_id: Option<&str>) -> Option<LayerData> {
        let prefix = note_prefix(index);
        let mut secrets = Vec::with_capacity(self.secrets.len());
        for (path, ms) in self.secrets {
            let mut matches = Vec::with_capacity(ms.len());
            for m in ms {
                let rule = secrets::SECRET_RULES
                    .iter()
                    .find(|r| r.meta.code == m.rule)?
                    .meta;
                matches.push(SecretMatch {
                    rule,
                    offset: m.offset,
                    line: m.line,
                    column: m.column,
                    masked: m.masked,
                    secret_span: m.span,
                });
            }
            secrets.push(FileSecrets {
                path,
                layer: index,
                matches,
            });
        }
        Some(LayerData {
            index,
            label: label.to_string(),
            diff_id: diff_id.map(str::to_string),
            facts: self
                .facts
                .into_iter()
                .map(|f| FileFact {
                    path: f.path,
                    layer: index,
                    kind: f.kind,
                    mode: f.mode,
                    uid: f.uid,
                    gid: f.gid,
                })
                .collect(),
            paths: self.paths,
            whiteouts: self.whiteouts,
            opaque: self.opaque,
            accounts: self.accounts,
            secrets,
            notes: self
                .notes
                .into_iter()
                .map(|n| format!("{prefix}{n}"))
                .collect(),
            files: self.files,
        })
    }
}

/// The secret rules as the scanner runs them (keywords, pattern, gates, reach), so a changed
/// rule never reuses layers scanned by the old one.
fn rules_fingerprint() -> &'static str {
    static F: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    F.get_or_init(|| {
        let mut s = String::new();
        for r in secrets::SECRET_RULES {
            s.push_str(&format!(
                "{} {:?} {} {} {} {:?}\n",
                r.meta.code, r.keywords, r.pattern, r.entropy, r.placeholders, r.reach
            ));
        }
        s
    })
}

impl Visitor for ImageAuditor {
    fn cache_key(&self) -> Option<String> {
        Some(format!(
            "bulkhead_audit {} collect v{COLLECT_VERSION}\n{:?}\n{}",
            env!("CARGO_PKG_VERSION"),
            self.settings,
            rules_fingerprint()
        ))
    }

    fn restore(&self, index: usize, label: &str, diff_id: Option<&str>, bytes: &[u8]) -> bool {
        let Some(data) = serde_json::from_slice::<CachedLayer>(bytes)
            .ok()
            .and_then(|c| c.into_data(index, label, diff_id))
        else {
            return false;
        };
        self.layers
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(data);
        true
    }

    fn layer<'a>(
        &'a self,
        index: usize,
        label: &str,
        diff_id: Option<&str>,
    ) -> Box<dyn LayerVisitor + 'a> {
        Box::new(LayerCollector {
            parent: self,
            data: LayerData {
                index,
                label: label.to_string(),
                diff_id: diff_id.map(str::to_string),
                ..LayerData::default()
            },
            current: None,
            ended: None,
        })
    }
}

/// Which later layer (if any) deletes or replaces `path` added by layer `from`.
pub fn removed_by(layers: &[LayerData], from: usize, path: &str) -> Option<usize> {
    for l in layers.iter().filter(|l| l.index > from) {
        let hit = |d: &String| d.is_empty() || path == d || path.starts_with(&format!("{d}/"));
        if l.whiteouts
            .iter()
            .any(|w| path == w || path.starts_with(&format!("{w}/")))
            || l.opaque.iter().any(hit)
            || l.paths.iter().any(|p| p == path)
        {
            return Some(l.index);
        }
    }
    None
}

/// Everything the `IM` rules look at.
pub struct Ctx<'a> {
    /// The image as the user named it.
    pub reference: &'a str,
    /// The display path of config findings (`IMAGE (config)`).
    pub config_path: String,
    pub config: Option<&'a ImageConfig>,
    pub layers: &'a [LayerData],
    pub layer_refs: Vec<LayerRef>,
    pub settings: &'a Settings,
}

impl Ctx<'_> {
    /// A finding about the image configuration.
    pub fn config_finding(&self, rule: &'static RuleMeta, message: String) -> AuditFinding {
        AuditFinding::new(Finding::new(rule, self.config_path.clone(), None, message))
    }

    /// A finding about a file added by `layer`.
    pub fn file_finding(
        &self,
        rule: &'static RuleMeta,
        path: &str,
        layer: usize,
        line: Option<u32>,
        message: String,
    ) -> AuditFinding {
        let range = line.map(|l| Range::line(l, 1));
        let mut f = AuditFinding::new(Finding::new(
            rule,
            format!("{}:/{path}", self.reference),
            range,
            message,
        ));
        f.layer = self.layer_refs.get(layer).cloned();
        f.deleted_in = removed_by(self.layers, layer, path)
            .filter(|&i| {
                // Replaced by a later file of the same path is not "deleted" when that file
                // is itself reported; a whiteout or an opaque directory is.
                self.layers.iter().any(|l| {
                    l.index == i
                        && (l
                            .whiteouts
                            .iter()
                            .any(|w| path == w || path.starts_with(&format!("{w}/")))
                            || l.opaque
                                .iter()
                                .any(|d| d.is_empty() || path.starts_with(&format!("{d}/"))))
                })
            })
            .and_then(|i| self.layer_refs.get(i).cloned());
        f
    }

    /// Whether the file `path` of `layer` is still visible in the final filesystem.
    pub fn visible(&self, path: &str, layer: usize) -> bool {
        removed_by(self.layers, layer, path).is_none()
    }

    /// The final visible content of an account file.
    pub fn account(&self, path: &str) -> Option<(usize, &[u8])> {
        self.layers
            .iter()
            .rev()
            .find_map(|l| l.accounts.get(path).map(|b| (l.index, b.as_slice())))
            .filter(|(i, _)| self.visible(path, *i))
    }
}

/// Runs every check. `layers` is what [`ImageAuditor`] collected (possibly empty when the walk
/// was not audited: then only configuration and history are checked).
pub fn audit(reference: &str, scan: &Scan, layers: &[LayerData], settings: &Settings) -> Audit {
    let layer_refs: Vec<LayerRef> = scan
        .layers
        .iter()
        .enumerate()
        .map(|(i, l)| LayerRef {
            index: i,
            digest: l.diff_id.clone(),
        })
        .collect();
    let ctx = Ctx {
        reference,
        config_path: format!("{reference} (config)"),
        config: scan.config.as_ref(),
        layers,
        layer_refs,
        settings,
    };
    let mut out = Audit::default();
    for l in layers {
        out.notes.extend(l.notes.iter().cloned());
        out.files += l.files;
    }
    if settings.config {
        rules::run_all(&ctx, &mut out.findings);
        let h = history::check(&ctx);
        out.findings.extend(h.findings);
        out.notes.extend(h.notes);
        out.history_dockerfile = h.user_text;
        out.base_history_dockerfile = h.base_text;
    }
    if settings.secrets {
        secrets_in_layers(&ctx, &mut out.findings);
        secrets_in_config(&ctx, &mut out.findings);
    }
    out.findings.sort_by(|a, b| {
        a.finding.sort_key().cmp(&b.finding.sort_key()).then(
            a.layer
                .as_ref()
                .map(|l| l.index)
                .cmp(&b.layer.as_ref().map(|l| l.index)),
        )
    });
    out
}

/// A finding for one secret match.
pub fn secret_finding(path: String, m: &SecretMatch, what: &str) -> Finding {
    let line = u32::try_from(m.line).unwrap_or(u32::MAX);
    let col = u32::try_from(m.column).unwrap_or(u32::MAX);
    Finding::new(
        m.rule,
        path,
        Some(Range::new(
            bulkhead_diagnostics::Position::new(line, col),
            bulkhead_diagnostics::Position::new(line, col.saturating_add(1)),
        )),
        format!("{}{what}: `{}`", m.rule.summary_title(), m.masked),
    )
}

/// The short title of a secret rule (its summary before " in a file...").
trait SummaryTitle {
    fn summary_title(&self) -> &str;
}

impl SummaryTitle for RuleMeta {
    fn summary_title(&self) -> &str {
        self.summary
            .split_once(" in a file")
            .map(|(t, _)| t)
            .unwrap_or(self.summary)
    }
}

fn secrets_in_layers(ctx: &Ctx, out: &mut Vec<AuditFinding>) {
    for l in ctx.layers {
        for fs in &l.secrets {
            for m in &fs.matches {
                let mut f = ctx.file_finding(m.rule, &fs.path, fs.layer, None, String::new());
                let deleted = f
                    .deleted_in
                    .as_ref()
                    .map(|d| {
                        format!(
                            " (deleted by layer {}, but its bytes stay in layer {})",
                            d.index + 1,
                            fs.layer + 1
                        )
                    })
                    .unwrap_or_default();
                let path = f.finding.path.clone();
                f.finding = secret_finding(path, m, &deleted);
                out.push(f);
            }
        }
    }
}

fn secrets_in_config(ctx: &Ctx, out: &mut Vec<AuditFinding>) {
    let Some(cfg) = ctx.config else { return };
    let path = &ctx.config_path;
    for e in cfg.config.env.iter().flatten() {
        for m in secrets::scan_bytes(e.as_bytes()) {
            let name = e.split('=').next().unwrap_or("");
            out.push(AuditFinding::new(secret_finding(
                path.clone(),
                &m,
                &format!(" in Env {name}"),
            )));
        }
    }
    for (k, v) in cfg.config.labels.iter().flatten() {
        for m in secrets::scan_bytes(format!("{k}={v}").as_bytes()) {
            out.push(AuditFinding::new(secret_finding(
                path.clone(),
                &m,
                &format!(" in label {k}"),
            )));
        }
    }
    let base_end = history::base_end(cfg);
    let mut layer = 0usize;
    for (i, h) in cfg.history.iter().enumerate() {
        let this_layer = (!h.empty_layer).then_some(layer);
        if !h.empty_layer {
            layer += 1;
        }
        let Some(cb) = &h.created_by else { continue };
        for m in secrets::scan_bytes(cb.as_bytes()) {
            let mut f = AuditFinding::new(secret_finding(
                format!("{} (history)", ctx.reference),
                &m,
                &format!(" in history entry {}", i + 1),
            ));
            f.finding.range = None;
            f.history = Some(HistoryRef {
                index: i,
                created_by: history::mask_line(cb),
            });
            f.layer = this_layer.and_then(|l| ctx.layer_refs.get(l).cloned());
            f.base = base_end.is_some_and(|b| i <= b);
            out.push(f);
        }
    }
}
