//! Every rule of this crate, one file each (`pss/`, `ks/`, `dc/`), and their ordered registry.
//!
//! A rule file holds its [`RuleMeta`] (`META`, declared with
//! [`bulkhead_diagnostics::declare_rule!`]), its hook (`HOOK`: when it runs, see [`Hook`]), its
//! fix when it has one, and its trigger and near-miss tests with exact lines. The drivers
//! ([`crate::engine`] per file, [`crate::pss::evaluate`] per pod spec, [`crate::crossobj`]
//! per run, [`crate::compose`] per Compose service) only walk the input and call the hooks.

pub(crate) mod util;

#[cfg(test)]
pub(crate) mod testing;

use bulkhead_diagnostics::{Finding, RuleMeta};

/// What every rule file imports.
pub(crate) mod prelude {
    pub(crate) use super::Hook;
    pub(crate) use super::util::{display, is_true, num, str_of, strings, templated};
    pub(crate) use crate::compose::Service;
    pub(crate) use crate::crossobj::{
        CONTROLLER_LABELS, Fact, SetCtx, dir_of, finding, is_custom_resource, ns_match, pod_labels,
    };
    pub(crate) use crate::engine::{ContainerCtx, Ctx, PodCtx};
    pub(crate) use crate::fix::{Editor, m, s};
    pub(crate) use crate::loader::Document;
    pub(crate) use crate::pss::{At, Check, Eval, Violation};
    pub(crate) use crate::workload::{self, Container, ContainerKind, PodSpec};
    pub(crate) use bulkhead_diagnostics::{
        Alias, Applicability, Finding, Fix, RuleMeta, Tool, declare_rule,
    };
    pub(crate) use serde_json::{Map, Value};
    pub(crate) use std::collections::HashMap;
}

/// A Pod Security Standards fix: the pod's file context, the pod spec and the violation.
pub(crate) type PssFix = fn(
    &crate::engine::Ctx<'_>,
    &crate::workload::PodSpec<'_>,
    &crate::pss::Violation,
) -> Option<bulkhead_diagnostics::Fix>;

/// When a rule runs, and on what.
pub(crate) enum Hook {
    /// A Pod Security Standards check on one pod spec (run by [`crate::pss::evaluate`] when the
    /// policy includes it), with its fix when it has one.
    Pss(fn(&mut crate::pss::Eval<'_, '_>), Option<PssFix>),
    /// Once per container (init, regular, ephemeral) of every pod spec.
    Container(
        fn(
            &mut crate::engine::Ctx<'_>,
            &crate::engine::PodCtx<'_>,
            &crate::engine::ContainerCtx<'_>,
        ),
    ),
    /// Once per pod spec.
    Pod(fn(&mut crate::engine::Ctx<'_>, &crate::engine::PodCtx<'_>)),
    /// Once per object (whatever its kind), with its pod spec when it has one.
    Object(fn(&mut crate::engine::Ctx<'_>, Option<&crate::engine::PodCtx<'_>>)),
    /// Once per run, over every object of every file (cross-object rules).
    Set(fn(&crate::crossobj::SetCtx<'_>, &mut Vec<Finding>)),
    /// Once per Compose service.
    Service(fn(&mut crate::compose::Service<'_, '_>)),
    /// Reported by the file drivers from what the loader met (duplicate keys).
    Input,
}

/// Narrowed copies of a rule declared `const BASE`: same code and docs, only the aliases a
/// finding matches (`narrowed! { NAME = [Trivy: "KSV-0045"]; }` in the rule's file).
macro_rules! narrowed {
    ($($name:ident = [$($tool:ident : $id:literal),*];)*) => {
        $(static $name: RuleMeta = RuleMeta {
            aliases: &[$(Alias::new(Tool::$tool, $id)),*],
            ..BASE
        };)*
    };
}

macro_rules! rules {
    ($($group:ident { $($m:ident),* $(,)? })*) => {
        $(
            /// The rules of this group, one module each.
            pub mod $group { $(pub mod $m;)* }
        )*
        /// Every rule of this crate, in registry order: PSS*, then KS*, then DC*.
        pub static RULES: &[&RuleMeta] = &[$($(&$group::$m::META,)*)*];
        /// The hooks, in [`RULES`] order.
        pub(crate) static HOOKS: &[&Hook] = &[$($(&$group::$m::HOOK,)*)*];
    };
}

rules! {
    pss {
        pss001_host_namespaces,
        pss002_privileged,
        pss003_capabilities_baseline,
        pss004_host_path_volumes,
        pss005_host_ports,
        pss006_apparmor_profile,
        pss007_selinux_options,
        pss008_proc_mount,
        pss009_seccomp_baseline,
        pss010_sysctls,
        pss011_windows_host_process,
        pss012_host_probes_and_lifecycle,
        pss013_restricted_volumes,
        pss014_allow_privilege_escalation,
        pss015_run_as_non_root,
        pss016_run_as_user,
        pss017_seccomp_restricted,
        pss018_capabilities_restricted,
        pss019_proc_mount_restricted,
    }
    ks {
        ks001_read_only_root_filesystem,
        ks002_run_as_user_low_uid,
        ks003_run_as_group_low_gid,
        ks004_root_group,
        ks005_capability_sys_admin,
        ks006_capability_net_raw,
        ks007_capability_sys_module,
        ks008_no_capabilities_dropped,
        ks009_container_runtime_socket,
        ks010_sensitive_host_path,
        ks011_writable_host_path,
        ks012_no_security_context,
        ks013_automount_service_account_token,
        ks014_default_service_account,
        ks015_deprecated_service_account_field,
        ks016_service_account_not_found,
        ks017_host_users,
        ks018_host_aliases,
        ks019_privileged_port,
        ks020_ssh_port,
        ks021_image_tag_latest,
        ks022_image_not_pinned_by_digest,
        ks023_image_registry_not_allowed,
        ks024_image_pull_policy_not_always,
        ks025_secret_in_env,
        ks026_env_secret_literal,
        ks027_duplicate_env,
        ks028_default_namespace,
        ks029_cpu_request_missing,
        ks030_cpu_limit_missing,
        ks031_memory_requirements_missing,
        ks032_ephemeral_storage_missing,
        ks033_liveness_probe_missing,
        ks034_readiness_probe_missing,
        ks035_identical_probes,
        ks036_service_selects_nothing,
        ks037_single_replica,
        ks038_deprecated_api_version,
        ks039_exposed_service,
        ks040_rbac_wildcard,
        ks041_rbac_read_secrets,
        ks042_rbac_pod_exec,
        ks043_rbac_escalation_verbs,
        ks044_cluster_admin_binding,
        ks045_binding_to_public_group,
        ks046_configmap_holds_secret,
        ks047_pdb_blocks_evictions,
        ks048_missing_pod_disruption_budget,
        ks049_ingress_backend_not_found,
        ks050_hpa_target_not_found,
        ks051_selector_does_not_match_template,
        ks052_no_pod_anti_affinity,
        ks053_ingress_without_tls,
        ks054_ingress_nginx_snippet,
        ks055_tiller_deployed,
        ks056_job_ttl_seconds_after_finished,
        ks057_cronjob_without_deadline,
        ks058_job_restart_policy,
        ks059_git_sync_custom_git,
        ks060_probe_port_name_unknown,
        ks061_probe_port_undeclared,
        ks062_kube_system_namespace,
        ks063_networkpolicy_selects_nothing,
        ks064_pod_not_isolated,
        ks065_requests_not_equal_limits,
        ks066_rbac_manage_networking,
        ks067_rbac_manage_configmaps,
        ks068_rbac_manage_aws_auth,
        ks069_rbac_manage_webhook_configurations,
        ks070_binding_grants_pod_exec,
        ks071_duplicate_key,
        ks072_unknown_kind,
        ks073_priority_class_not_set,
        ks074_restart_policy,
        ks075_restart_policy_not_set,
    }
    dc {
        dc001_privileged,
        dc002_cap_add,
        dc003_host_namespace,
        dc004_no_user,
        dc005_writable_root,
        dc006_unconfined_security_opt,
        dc007_docker_socket,
        dc008_latest_image,
        dc009_duplicate_key,
    }
}

/// The Pod Security Standards hooks, in [`crate::pss::Check`] order.
pub(crate) fn pss_hook(i: usize) -> (fn(&mut crate::pss::Eval<'_, '_>), Option<PssFix>) {
    match HOOKS[i] {
        Hook::Pss(eval, fix) => (*eval, *fix),
        _ => unreachable!("the first 19 hooks are the PSS checks, in Check order"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_well_formed() {
        let problems = bulkhead_diagnostics::rule::registry_problems(RULES);
        assert!(problems.is_empty(), "{problems:#?}");
        assert_eq!(RULES.len(), HOOKS.len());
        // The PSS rules come first, in Check order, each with its check id as first alias.
        for (i, c) in crate::pss::Check::ALL.iter().enumerate() {
            assert!(matches!(HOOKS[i], Hook::Pss(..)), "{}", RULES[i].code);
            assert_eq!(RULES[i].aliases[0].id, c.id());
            assert_eq!(RULES[i].code, format!("PSS{:03}", i + 1));
        }
        assert!(HOOKS[19..].iter().all(|h| !matches!(h, Hook::Pss(..))));
        // Codes in order within each group.
        let codes: Vec<&str> = RULES.iter().map(|r| r.code).collect();
        let mut sorted = codes.clone();
        sorted.sort_by_key(|c| (!c.starts_with("PSS"), c.starts_with("DC"), *c));
        assert_eq!(codes, sorted);
    }
}
