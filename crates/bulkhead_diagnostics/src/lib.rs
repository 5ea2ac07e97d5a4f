//! Findings, source locations, rule metadata, fixes and suppressions: the data model every
//! Bulkhead engine produces and every renderer consumes.
//!
//! This crate owns no rule and reads no file. Engines (`bulkhead_dockerfile`, `bulkhead_k8s`,
//! ...) produce [`Finding`]s from bytes; the binary collects them into a [`Report`] and picks a
//! renderer from [`render`].

pub mod fix;
pub mod location;
pub mod render;
pub mod report;
pub mod rule;
pub mod severity;
pub mod suppression;

pub use fix::{Applicability, Edit, Fix, FixLoop, FixOutcome, apply_fixes, fix_until_stable};
pub use location::{LineIndex, Position, Range};
pub use report::{FileOutcome, Finding, InputError, K8sObject, Report, Summary, SuppressedBy};
pub use rule::{Alias, Category, FixKind, RuleMeta, Selection, Tool, registry_problems};
pub use severity::Severity;
pub use suppression::{Suppression, SuppressionScope, apply_suppressions, is_suppressed};
