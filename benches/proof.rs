//! Data Integrity `eddsa-rdfc-2022` sign and verify (`microcred::proof`).
//!
//! Inputs: the EC's unsigned micro-credential sample (`Sample-MC-Annex1-unsigned.jsonld`, 111 KB,
//! VC 1.1 + EDC AP context) and the W3C vc-di-eddsa test credential (`unsigned.json`, VC 2.0,
//! 8 quads) from `../shared`, else the built-in demo credential. One signer and one verifier are
//! reused across iterations (they keep the processed contexts), as a service would. Criterion
//! reports time per credential and MB/s of credential JSON; credentials/s is 1 / time.
//! Anchors (DESIGN.md §5, same machine): Digital Bazaar vc-js on the EC sample, sign 16.3 ms and
//! verify 14.6 ms; pyld + PyNaCl 26.5 / 26.4 ms; vc-js on a small VC 1.8 / 1.5 ms. The
//! side-by-side run on the same inputs is `interop/peers/run.sh`.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use microcred::proof::{DataIntegrity, DataIntegrityVerifier, Ed25519KeyPair};
use microcred::rdf::Contexts;
use serde_json::{Value, json};

/// The VC examples v2 context (the W3C test credential's second context): a single `@vocab`.
const EXAMPLES_V2: &str = "https://www.w3.org/ns/credentials/examples/v2";

fn inputs() -> Vec<(String, Value, usize)> {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared");
    let mut inputs = Vec::new();
    for (name, relative) in [
        (
            "EC MC sample",
            "upstream/elm-repo/json-ld-v3/Sample-MC-Annex1-unsigned.jsonld",
        ),
        (
            "W3C vc-di-eddsa credential",
            "conformance/vc-di-eddsa/unsigned.json",
        ),
    ] {
        if let Ok(bytes) = std::fs::read(shared.join(relative)) {
            let document = serde_json::from_slice(&bytes).expect("the sample is JSON");
            inputs.push((name.to_owned(), document, bytes.len()));
        }
    }
    if inputs.is_empty() {
        eprintln!("../shared absent: benchmarking the demo credential instead");
        let json = microcred::issue::demo_credential_json();
        let document = serde_json::from_str(&json).expect("the demo is JSON");
        inputs.push(("demo credential".to_owned(), document, json.len()));
    }
    inputs
}

fn proof(c: &mut Criterion) {
    let mut contexts = Contexts::bundled();
    contexts
        .register(
            EXAMPLES_V2,
            json!({"@context": {"@vocab": "https://www.w3.org/ns/credentials/examples#"}}),
        )
        .expect("a context document");
    let key = Ed25519KeyPair::from_seed([7; 32]);
    // Through the model's date type: this crate does not depend on `time` itself.
    let created = microcred::model::DateTime::parse("2025-01-01T00:00:00Z")
        .ok()
        .and_then(|t| t.to_offset())
        .expect("a date-time");
    let signer = DataIntegrity::new(key.clone())
        .created(created)
        .contexts(&contexts);
    let verifier = DataIntegrityVerifier::new().contexts(&contexts);

    for (name, document, size) in inputs() {
        let signed = signer.sign(&document).expect("the input signs");
        verifier.verify(&signed).expect("and verifies");
        let mut group = c.benchmark_group(format!("DI eddsa-rdfc-2022 ({name}, {size} bytes)"));
        group.throughput(Throughput::Bytes(size as u64));
        group.bench_function("sign", |b| {
            b.iter(|| signer.sign(black_box(&document)).expect("signs"))
        });
        group.bench_function("verify", |b| {
            b.iter(|| verifier.verify(black_box(&signed)).expect("verifies"))
        });
        group.finish();
    }
}

criterion_group!(benches, proof);
criterion_main!(benches);
