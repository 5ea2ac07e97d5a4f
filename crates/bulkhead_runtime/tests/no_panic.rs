//! Hostile input never panics the parser, the loader or the compiler.

use bulkhead_runtime::parse::parse_condition;
use bulkhead_runtime::{Capabilities, Engine, RulesSource};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn conditions(s in "[a-z._()\\[\\]=!<>,'\" 0-9/*-]{0,80}") {
        let _ = parse_condition(&s);
        let text = format!(
            "- macro: m\n  condition: proc.name = x\n- list: l\n  items: [a, l2]\n- list: l2\n  items: [b]\n- rule: R\n  desc: d\n  condition: {}\n  output: o %proc.name\n  priority: INFO\n",
            serde_json::to_string(&s).unwrap()
        );
        let _ = Engine::load(&[RulesSource { path: "p.yaml", text: &text }], &Capabilities::all());
    }

    #[test]
    fn files(s in "[-a-z:\\[\\]{}\\n '\"&*!|>]{0,200}") {
        let _ = Engine::load(&[RulesSource { path: "p.yaml", text: &s }], &Capabilities::all());
    }
}
