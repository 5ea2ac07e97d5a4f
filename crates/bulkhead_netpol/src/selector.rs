//! Kubernetes label selectors: the workspace's one implementation lives in
//! `bulkhead_k8s::selector` (parsing, exact matching, netpol-analyzer's rendering); this
//! module re-exports it under the names the NetworkPolicy engine has always used.

pub use bulkhead_k8s::selector::{
    Labels, Op, Requirement, Selector, SelectorError, labels_of, scalar,
};
