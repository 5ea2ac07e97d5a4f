//! Runtime detection for Bulkhead: the event model, Falco's rules language (lists, macros,
//! rules with exceptions and overrides, the full condition grammar, output templates, Falco's
//! JSON alerts), and the Linux sensors that feed it.
//!
//! Layout: `yaml` (positions) -> `load` (the file format) -> `parse` (conditions) ->
//! `compile` (macros, lists, fields, match forms, event-type masks) -> `eval` (allocation-free
//! evaluation) -> `engine` (index by event type, alerts) -> `output` (formats). The sensors
//! live in `sensor` (Linux only).

pub mod compile;
pub mod dns;
#[cfg(target_os = "linux")]
pub mod ebpf;
pub mod engine;
pub mod eval;
pub mod event;
pub mod fields;
pub mod load;
pub mod matchers;
pub mod output;
pub mod parse;
#[cfg(target_os = "linux")]
pub mod sensor;
pub mod yaml;

pub use engine::{Engine, LoadErrors, LoadReport, RulesSource, SkipReason, Skipped};
pub use event::{Container, Event, EventType, Fd, FdKind, Process};
pub use fields::Capabilities;
pub use output::{Alert, Priority};

/// Kubernetes manifests running `bulkhead monitor` as a node agent (Namespace,
/// ServiceAccount without token, rules ConfigMap, default-deny NetworkPolicy, DaemonSet with
/// `hostPID` and only the capabilities the sensor uses), passing `bulkhead check` with its
/// exceptions suppressed and explained.
pub const DAEMONSET: &str = include_str!("../deploy/daemonset.yaml");
