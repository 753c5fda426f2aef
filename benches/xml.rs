//! RDF/XML write and read throughput on an EC-sized credential.
//!
//! Input: the EC's unsigned micro-credential sample (`Sample-MC-Annex1-unsigned.jsonld`) from
//! `../shared`, else the built-in demo credential. Criterion reports time per credential and MB
//! of RDF/XML per second; credentials/s is 1 / time. The dataset-level lines isolate the XML
//! syntax from the JSON-LD expansion and the graph → model walk.

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

fn xml(c: &mut Criterion) {
    let (name, bytes) = input();
    let credential = microcred::json::parse(&bytes).expect("bench input parses");
    let dataset = microcred::rdf::to_dataset(&credential).expect("bench input expands");
    let written = microcred::xml::to_rdf_xml(&credential).expect("bench input writes");

    let mut group = c.benchmark_group(format!("rdf/xml ({name}, {} bytes)", written.len()));
    group.throughput(Throughput::Bytes(written.len() as u64));
    group.bench_function("write: credential → RDF/XML", |b| {
        b.iter(|| microcred::xml::to_rdf_xml(black_box(&credential)).expect("writes"))
    });
    group.bench_function("write: dataset → RDF/XML", |b| {
        b.iter(|| microcred::xml::dataset_to_rdf_xml(black_box(&dataset)).expect("writes"))
    });
    group.bench_function("read: RDF/XML → credential", |b| {
        b.iter(|| microcred::xml::from_rdf_xml(black_box(written.as_bytes())).expect("reads"))
    });
    group.bench_function("read: RDF/XML → dataset", |b| {
        b.iter(|| microcred::xml::rdf_xml_to_dataset(black_box(written.as_bytes())).expect("reads"))
    });
    group.bench_function("graph → model (from_dataset)", |b| {
        b.iter(|| microcred::rdf::from_dataset(black_box(&dataset)).expect("rebuilds"))
    });
    group.finish();
}

criterion_group!(benches, xml);
criterion_main!(benches);
