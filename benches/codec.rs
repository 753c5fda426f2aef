//! Parse and serialise throughput of the JSON-LD codec on an EC-sized credential.
//!
//! Input: the EC's unsigned micro-credential sample (`Sample-MC-Annex1-unsigned.jsonld`, 111 KB)
//! from `../shared`, else the built-in demo credential. Criterion reports time per credential and
//! MB/s; credentials/s is 1 / time.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn input() -> (String, Vec<u8>) {
    let sample = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/upstream/elm-repo/json-ld-v3/Sample-MC-Annex1-unsigned.jsonld");
    match std::fs::read(&sample) {
        Ok(bytes) => ("EC MC sample".to_owned(), bytes),
        Err(_) => {
            eprintln!(
                "../shared absent: benchmarking the demo credential instead of the EC sample"
            );
            (
                "demo credential".to_owned(),
                microcred::issue::demo_credential_json().into_bytes(),
            )
        }
    }
}

fn codec(c: &mut Criterion) {
    let (name, bytes) = input();
    let credential = microcred::json::parse(&bytes).expect("bench input parses");
    let written = microcred::json::to_string(&credential);

    let mut group = c.benchmark_group(format!("json-ld codec ({name}, {} bytes)", bytes.len()));
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("parse", |b| {
        b.iter(|| microcred::json::parse(black_box(&bytes)).expect("parses"))
    });
    // The floor: serde_json into an untyped Value, which the typed reader builds on.
    group.bench_function("serde_json Value only (reference)", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(&bytes)).expect("parses"))
    });
    // Format::detect: what the CLI and the bindings ask before choosing a reader (a JSON parse
    // under the limits, then a look at the top-level members).
    group.bench_function("Format::detect", |b| {
        b.iter(|| microcred::Format::detect(black_box(&bytes)).expect("detects"))
    });
    group.throughput(Throughput::Bytes(written.len() as u64));
    group.bench_function("serialise", |b| {
        b.iter(|| microcred::json::to_string(black_box(&credential)))
    });
    group.bench_function("parse + check", |b| {
        b.iter(|| {
            microcred::profile::check(&microcred::json::parse(black_box(&bytes)).expect("parses"))
        })
    });
    // The profile check alone, and its JSON-LD part (the safe-mode expansion, issue 9 item 8).
    group.bench_function("check", |b| {
        b.iter(|| microcred::profile::check(black_box(&credential)))
    });
    group.bench_function("check_jsonld", |b| {
        b.iter(|| microcred::profile::check_jsonld(black_box(&credential)))
    });
    // The EDC application profile alone: the walk over the model (issue 10 item 7).
    group.bench_function("check_edc", |b| {
        b.iter(|| microcred::profile::check_edc(black_box(&credential)))
    });
    group.finish();
}

criterion_group!(benches, codec);
criterion_main!(benches);
