//! Property tests: the loader, the checks and the fixes never panic, whatever the input, and
//! fixes always leave text that loads when the input loaded.

use bulkhead_k8s::Settings;
use proptest::prelude::*;

/// YAML-ish text: fragments of real manifests glued at random, so the parser goes deep
/// instead of failing on the first byte.
fn yamlish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "apiVersion: v1\n",
        "kind: Pod\n",
        "kind: Deployment\n",
        "kind: List\n",
        "items:\n",
        "metadata:\n",
        "  name: x\n",
        "spec:\n",
        "  template:\n",
        "    spec:\n",
        "  containers:\n",
        "  - name: a\n",
        "    image: nginx\n",
        "    securityContext:\n",
        "      privileged: true\n",
        "      runAsUser: 0\n",
        "  hostPID: true\n",
        "---\n",
        "- ",
        "  ",
        "    ",
        "\t",
        "&a ",
        "*a\n",
        "<<: *a\n",
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "'",
        "\"",
        "|\n",
        ">-\n",
        "# bulkhead: ignore[KS001]\n",
        "#",
        "\n",
        "é",
        "\u{feff}",
        "%YAML 1.2\n",
        "...\n",
        "!!str ",
        "? ",
        "securityContext: {}\n",
        "volumes:\n  - name: v\n    hostPath: {path: /}\n",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        let _ = bulkhead_k8s::check("f.yaml", &text, &Settings::default());
        let _ = bulkhead_k8s::compose::check_compose("compose.yml", &text, &Settings::default());
        let _ = bulkhead_k8s::looks_like_kubernetes(&text);
    }

    #[test]
    fn yamlish_text_never_panics_and_fixes_keep_it_loadable(text in yamlish()) {
        let s = Settings::default();
        let out = bulkhead_k8s::check("f.yaml", &text, &s);
        for f in &out.findings {
            if let Some(r) = f.range {
                prop_assert!(r.start.line >= 1);
            }
        }
        if out.errors.is_empty() {
            let fixes: Vec<_> = out.findings.iter().filter_map(|f| f.fix.as_ref()).collect();
            let fixed = bulkhead_diagnostics::apply_fixes(&text, fixes).text;
            let again = bulkhead_k8s::check("f.yaml", &fixed, &s);
            prop_assert!(again.errors.is_empty(), "{:?}\n--- before\n{}\n--- after\n{}", again.errors, text, fixed);
            // Duplicate keys are findings (KS071), not errors: a fix must not add one.
            let dups = |fs: &[bulkhead_diagnostics::Finding]| fs.iter().filter(|f| f.rule.code == "KS071").count();
            prop_assert!(dups(&again.findings) <= dups(&out.findings), "--- before\n{}\n--- after\n{}", text, fixed);
        }
    }
}
