//! The one ordered rule registry: the engines' rule lists, in a fixed order.

use bulkhead_diagnostics::RuleMeta;
use bulkhead_diagnostics::rule::builtin;

/// Every rule of every engine, in registry order: built-in, then per engine (the admission-only
/// ADM rules last: `check` never emits them, `bulkhead rule ADM001` explains them).
pub fn all() -> Vec<&'static RuleMeta> {
    let mut v: Vec<&'static RuleMeta> = Vec::new();
    v.extend(builtin::RULES.iter().copied());
    v.extend(bulkhead_dockerfile::RULES.iter().copied());
    v.extend(bulkhead_k8s::RULES.iter().copied());
    v.extend(bulkhead_netpol::RULES.iter().copied());
    v.extend(bulkhead_audit::rules());
    v.extend(bulkhead_admission::rules::RULES.iter().copied());
    v
}

#[cfg(test)]
mod tests {
    #[test]
    fn registry_is_well_formed() {
        let problems = bulkhead_diagnostics::rule::registry_problems(&super::all());
        assert!(problems.is_empty(), "{problems:#?}");
    }
}
