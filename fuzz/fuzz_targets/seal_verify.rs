//! Any input to the seal reader and the Verifier: no panic, and the answers agree with each other.
//!
//! A seal the reader accepts re-reads identically after its envelope is rewritten; a report that
//! says "valid" has a seal check that passed.

#![no_main]

use libfuzzer_sys::fuzz_target;
use microcred::jades::Seal;
use microcred::verify::{CheckKind, Status, Verdict, Verifier};
use time::macros::datetime;

fuzz_target!(|bytes: &[u8]| {
    let verifier = Verifier::new(datetime!(2026-11-23 12:00 UTC))
        .with_trust_anchors(microcred::test_pki::trust_anchors());
    let report = verifier.verify(bytes);
    if report.verdict == Verdict::Valid {
        let seal = report.check(CheckKind::Seal).expect("a seal check");
        assert_eq!(seal.status, Status::Ok);
    }
    let Ok(seal) = Seal::parse(bytes) else { return };
    let input = seal.signing_input();
    assert!(input.ends_with(seal.payload_unverified().as_bytes()));
    // Rewrite the envelope (serde_json's own formatting) and read it again: same seal.
    let value: serde_json::Value = serde_json::from_slice(bytes).expect("the reader accepted JSON");
    let rewritten = serde_json::to_vec(&value).expect("a JSON value writes");
    let again = Seal::parse(&rewritten).expect("a rewritten envelope reads");
    assert_eq!(again.signing_input(), input);
    assert_eq!(again.level(), seal.level());
});
