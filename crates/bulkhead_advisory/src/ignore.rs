//! Ignore rules (placeholder).
