//! The `IM` rules, one file each, and their ordered registry. Configuration rules read the
//! image config; content rules read what the layer walk collected (`LayerData`); IM014 is
//! raised by the history reconstruction.

use super::{AuditFinding, Ctx};
use bulkhead_diagnostics::RuleMeta;

/// What every rule file imports.
pub mod prelude {
    pub use super::super::{AuditFinding, Ctx};
    pub use bulkhead_diagnostics::{Alias, Category, FixKind, RuleMeta, Severity, Tool};
}

macro_rules! rules {
    ($($m:ident),* $(,)?) => {
        $(pub mod $m;)*
        /// Every image rule, in code order.
        pub static RULES: &[&RuleMeta] = &[$(&$m::META),*];
        type CheckFn = fn(&Ctx, &mut Vec<AuditFinding>);
        static CHECKS: &[CheckFn] = &[$($m::check),*];
    };
}

rules! {
    im001_root_user,
    im002_no_healthcheck,
    im003_sensitive_volume,
    im004_secret_env_name,
    im005_latest_tag,
    im006_remote_shell_port,
    im007_shell_form_entrypoint,
    im008_setuid_setgid,
    im009_world_writable,
    im010_empty_password,
    im011_duplicate_ids,
    im012_unnecessary_file,
    im013_credential_file,
    im014_history_unparsable,
}

/// Runs every rule.
pub fn run_all(ctx: &Ctx, out: &mut Vec<AuditFinding>) {
    for check in CHECKS {
        check(ctx, out);
    }
}

#[cfg(test)]
pub mod testing {
    //! Build a context from a config JSON and synthetic layers; run one rule.
    use super::super::{Ctx, LayerData, LayerRef, Settings};
    use bulkhead_diagnostics::RuleMeta;
    use bulkhead_image::ImageConfig;

    pub fn config(json: &str) -> ImageConfig {
        serde_json::from_str(json).expect("test config")
    }

    /// Messages of `rule`'s findings for this reference, config and layers.
    pub fn run(
        rule: &RuleMeta,
        reference: &str,
        config: Option<&ImageConfig>,
        layers: &[LayerData],
    ) -> Vec<String> {
        let settings = Settings::default();
        let ctx = Ctx {
            reference,
            config_path: format!("{reference} (config)"),
            config,
            layers,
            layer_refs: (0..layers.len().max(1))
                .map(|i| LayerRef {
                    index: i,
                    digest: format!("sha256:{i:064}"),
                })
                .collect(),
            settings: &settings,
        };
        let mut out = Vec::new();
        super::run_all(&ctx, &mut out);
        out.into_iter()
            .filter(|f| f.finding.rule.code == rule.code)
            .map(|f| {
                let mut s = f.finding.message.clone();
                if let Some(l) = &f.layer {
                    s.push_str(&format!(" [layer {}]", l.index + 1));
                }
                if let Some(d) = &f.deleted_in {
                    s.push_str(&format!(" [deleted in {}]", d.index + 1));
                }
                s
            })
            .collect()
    }

    /// A layer with files `(path, mode)` and account files.
    pub fn layer(index: usize, files: &[(&str, u32)], accounts: &[(&str, &str)]) -> LayerData {
        let settings = Settings::default();
        let mut l = LayerData {
            index,
            ..LayerData::default()
        };
        for (p, mode) in files {
            let dir = p.ends_with('/');
            let path = p.trim_end_matches('/').to_string();
            let kind = if dir {
                bulkhead_image::EntryKind::Dir
            } else {
                bulkhead_image::EntryKind::File
            };
            if !dir {
                l.paths.push(path.clone());
            }
            let special = !dir && mode & 0o6000 != 0;
            let writable = mode & 0o002 != 0 && mode & 0o1000 == 0;
            if special || writable || super::super::interesting_name(&path, &settings) {
                l.facts.push(super::super::FileFact {
                    path,
                    layer: index,
                    kind,
                    mode: *mode,
                    uid: 0,
                    gid: 0,
                });
            }
        }
        for (p, text) in accounts {
            l.accounts.insert(p.to_string(), text.as_bytes().to_vec());
            l.paths.push(p.to_string());
        }
        l
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn registry() {
        assert_eq!(
            bulkhead_diagnostics::registry_problems(super::RULES),
            Vec::<String>::new()
        );
    }
}
