//! Packages and their versions: the vocabulary shared by the image catalogers
//! (`bulkhead_image`) and the advisory matcher (`bulkhead_advisory`).
//!
//! Owns: [`Ecosystem`], [`Package`], package URLs, and the native version orderings and range
//! languages of every ecosystem. Reads no file and knows no advisory.

mod package;

pub use package::{Distro, Ecosystem, Package};
