//! OpenVEX (placeholder).
