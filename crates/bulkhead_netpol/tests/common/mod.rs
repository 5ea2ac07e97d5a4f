//! What the conformance tests share: finding ../shared, failing under CI when it is missing.

use std::path::{Path, PathBuf};

/// `../shared/<rel>` beside the workspace. Under `CI=true` a missing folder fails the test
/// (the conformance suites must run in CI); elsewhere (a user's clone) it says why it skips.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(rel);
    if p.exists() {
        return Some(p);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{} not found (CI=true): the conformance suite must run in CI",
        p.display()
    );
    println!("skipped: {} not found", p.display());
    None
}
