//! The fast JSON-LD path must agree with the generic one: whenever it answers alone, the generic
//! path succeeds with the same canonical N-Quads, and `expand_value` with the fast path on and off
//! gives the same canonical form or the same error code. Nothing may panic.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use microcred::rdf::{Expander, canonical_nquads};

/// One pair of expanders for the whole run: they keep their compiled contexts, as a service would.
fn expanders() -> &'static (Expander, Expander) {
    static PAIR: OnceLock<(Expander, Expander)> = OnceLock::new();
    PAIR.get_or_init(|| (Expander::new(), Expander::new().fast(false)))
}

fn outcome(expander: &Expander, document: &serde_json::Value) -> Result<String, &'static str> {
    let dataset = expander.expand_value(document).map_err(|e| e.code())?;
    canonical_nquads(&dataset).map_err(|e| e.code())
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(document) = serde_json::from_slice::<serde_json::Value>(bytes) else { return };
    let (fast, slow) = expanders();
    let generic = outcome(slow, &document);
    assert_eq!(outcome(fast, &document), generic, "fast path on vs off");
    if let Some(dataset) = fast.expand_fast_only(&document) {
        let alone = canonical_nquads(&dataset).map_err(|e| e.code());
        assert_eq!(alone, generic, "fast path alone vs generic path");
    }
});
