//! NP* lints (placeholder).
use crate::model::ObjectRef;
use bulkhead_diagnostics::{Finding, RuleMeta};
/// Lint settings.
#[derive(Debug, Clone, Default)]
pub struct Settings {}
/// The NP rules.
pub static RULES: &[&RuleMeta] = &[];
/// Run the lints.
pub fn lint(_objects: &[ObjectRef<'_>], _settings: &Settings) -> Vec<Finding> {
    Vec::new()
}
