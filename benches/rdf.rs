//! The RDF view on an EC-sized credential: JSON-LD → RDF dataset (offline expansion, safe mode)
//! and RDFC-1.0 canonicalisation.
//!
//! Input: the EC's unsigned micro-credential sample (`Sample-MC-Annex1-unsigned.jsonld`, 111 KB,
//! 292 quads) from `../shared`, else the built-in demo credential. Criterion reports time per
//! credential and MB/s of credential JSON; credentials/s is 1 / time. Anchors (DESIGN.md §5, same
//! machine): Digital Bazaar's JS canonicalisation of that sample took 11.4 ms; sophia alone 0.52 ms
//! to parse and 0.10 ms to canonicalise a 102-quad document.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use microcred::rdf::{Canonicalizer, Expander};

fn input() -> (String, serde_json::Value, usize) {
    let sample = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/upstream/elm-repo/json-ld-v3/Sample-MC-Annex1-unsigned.jsonld");
    match std::fs::read(&sample) {
        Ok(bytes) => (
            "EC MC sample".to_owned(),
            serde_json::from_slice(&bytes).expect("the sample is JSON"),
            bytes.len(),
        ),
        Err(_) => {
            eprintln!(
                "../shared absent: benchmarking the demo credential instead of the EC sample"
            );
            let json = microcred::issue::demo_credential_json();
            (
                "demo credential".to_owned(),
                serde_json::from_str(&json).expect("the demo is JSON"),
                json.len(),
            )
        }
    }
}

fn rdf(c: &mut Criterion) {
    let (name, document, size) = input();
    let expander = Expander::new();
    let canonicalizer = Canonicalizer::new();
    let dataset = expander.expand_value(&document).expect("the input expands");
    let quads = microcred::rdf::to_nquads(&dataset).lines().count();

    let mut group = c.benchmark_group(format!("rdf ({name}, {size} bytes, {quads} quads)"));
    group.throughput(Throughput::Bytes(size as u64));
    group.bench_function("JSON-LD → RDF (safe mode)", |b| {
        b.iter(|| {
            expander
                .expand_value(black_box(&document))
                .expect("expands")
        })
    });
    group.bench_function("JSON-LD → RDF (safe mode, generic path)", |b| {
        let generic = Expander::new().fast(false);
        b.iter(|| generic.expand_value(black_box(&document)).expect("expands"))
    });
    group.bench_function("JSON-LD → RDF (plain JSON-LD)", |b| {
        let plain = Expander::new().safe(false);
        b.iter(|| plain.expand_value(black_box(&document)).expect("expands"))
    });
    group.bench_function("RDFC-1.0 canonical N-Quads", |b| {
        b.iter(|| {
            canonicalizer
                .canonical_nquads(black_box(&dataset))
                .expect("canonicalises")
        })
    });
    group.bench_function("N-Quads output", |b| {
        b.iter(|| microcred::rdf::to_nquads(black_box(&dataset)))
    });
    group.bench_function("JSON-LD → RDFC-1.0 → SHA-256", |b| {
        b.iter(|| {
            let dataset = expander
                .expand_value(black_box(&document))
                .expect("expands");
            canonicalizer
                .canonical_sha256(&dataset)
                .expect("canonicalises")
        })
    });
    group.finish();
}

criterion_group!(benches, rdf);
criterion_main!(benches);
