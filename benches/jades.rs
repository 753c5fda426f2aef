//! Sealing and verifying JAdES seals per credential.
//!
//! Verification input: the EC's signed micro-credential (`Sample-MC-Annex1-signed.jsonld`, RS256,
//! B-LTA with three time-stamps). Sealing input: the EC's unsigned micro-credential, sealed with
//! the test PKI's RSA-2048, P-256 and Ed25519 eSeal keys. Without `../shared`, the demo credential
//! is used for both. Criterion reports time per credential; credentials/s is 1 / time.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use microcred::jades::{self, Algorithm, OpensslSigner, Seal, Sealer, signer_from_pem};
use microcred::test_pki::{self, TestKey};
use microcred::verify::Verifier;
use microcred::x509::TrustAnchors;
use time::macros::datetime;

fn shared(name: &str) -> Option<Vec<u8>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/upstream/elm-repo/json-ld-v3")
        .join(name);
    std::fs::read(path).ok()
}

fn sealing(c: &mut Criterion) {
    let credential = match shared("Sample-MC-Annex1-unsigned.jsonld") {
        Some(bytes) => microcred::json::parse(&bytes).expect("sample parses"),
        None => microcred::issue::demo_credential(),
    };
    let at = datetime!(2026-01-15 10:00 UTC);
    let mut group = c.benchmark_group("jades seal (EC MC sample)");
    let cases: [(&str, TestKey, Algorithm, bool); 5] = [
        ("RS256-2048 (OpenSSL)", TestKey::Rsa, Algorithm::RS256, true),
        ("ES256 (pure Rust)", TestKey::P256, Algorithm::ES256, false),
        ("ES256 (OpenSSL)", TestKey::P256, Algorithm::ES256, true),
        (
            "EdDSA (pure Rust)",
            TestKey::Ed25519,
            Algorithm::EdDSA,
            false,
        ),
        ("PS256-2048 (OpenSSL)", TestKey::Rsa, Algorithm::PS256, true),
    ];
    for (name, kind, alg, openssl) in cases {
        let key = test_pki::eseal(kind);
        let sealer = Sealer::from_pem(key.chain_pem).expect("test chain");
        let signer: Box<dyn jades::Signer + Send + Sync> = if openssl {
            Box::new(OpensslSigner::from_pkcs8_pem(key.key_pem.as_bytes(), alg).expect("key"))
        } else {
            signer_from_pem(key.key_pem, Some(alg)).expect("key")
        };
        group.bench_function(name, |b| {
            b.iter(|| {
                sealer
                    .seal(black_box(&credential), signer.as_ref(), at)
                    .expect("seals")
            })
        });
    }
    group.finish();
}

fn verification(c: &mut Criterion) {
    let now = datetime!(2026-11-23 12:00 UTC);
    let anchors = test_pki::trust_anchors();
    let sealed = shared("Sample-MC-Annex1-signed.jsonld").unwrap_or_else(|| {
        let key = test_pki::eseal(TestKey::Rsa);
        let signer = signer_from_pem(key.key_pem, None).expect("key");
        Sealer::from_pem(key.chain_pem)
            .and_then(|s| s.seal(&microcred::issue::demo_credential(), signer.as_ref(), now))
            .expect("seals")
            .into_string()
            .into_bytes()
    });
    let mut group = c.benchmark_group(format!(
        "jades verify (EC MC signed, {} bytes)",
        sealed.len()
    ));
    group.bench_function("signature only (parse + RS256 check)", |b| {
        b.iter(|| {
            let seal = Seal::parse(black_box(&sealed)).expect("parses");
            seal.verify_signature().expect("verifies")
        })
    });
    group.bench_function(
        "jades::verify (+ time-stamps, chain, credential parse)",
        |b| {
            b.iter(|| {
                jades::verify(black_box(&sealed), &TrustAnchors::new(), now).expect("verifies")
            })
        },
    );
    // The steps, one by one. Each runs on a freshly parsed seal (parsing is not timed): a seal
    // remembers what it has read of `xVals`/`rVals`, and its certificates their decoded keys and
    // verified issuers, so repeating a step on one seal would time the cache.
    let fresh = || Seal::parse(&sealed).expect("parses");
    let small = BatchSize::SmallInput;
    group.bench_function("step: Seal::parse (envelope, header, certificate)", |b| {
        b.iter(|| Seal::parse(black_box(&sealed)).expect("parses"))
    });
    group.bench_function("step: verify_signature", |b| {
        b.iter_batched(
            fresh,
            |seal| seal.verify_signature().expect("verifies"),
            small,
        )
    });
    group.bench_function("step: check_timestamps", |b| {
        b.iter_batched(
            fresh,
            |seal| seal.check_timestamps().expect("covers"),
            small,
        )
    });
    group.bench_function(
        "step: check_timestamp_authorities (no anchors: issuer, CRL)",
        |b| {
            b.iter_batched(
                || {
                    let seal = fresh();
                    let stamps = seal.check_timestamps().expect("covers");
                    // A fresh seal again: check_timestamps read `xVals` into the first.
                    (fresh(), stamps)
                },
                |(seal, stamps)| seal.check_timestamp_authorities(&stamps, &TrustAnchors::new()),
                small,
            )
        },
    );
    group.bench_function("step: signer_revocation (no anchors: issuer, OCSP)", |b| {
        b.iter_batched(
            fresh,
            |seal| seal.signer_revocation(&seal.chain(&TrustAnchors::new()), &TrustAnchors::new()),
            small,
        )
    });
    let leaf_der = Seal::parse(&sealed)
        .expect("parses")
        .signing_certificate()
        .der()
        .to_vec();
    group.bench_function("part: RSA public key from the certificate", |b| {
        b.iter_batched(
            || microcred::x509::Certificate::from_der(&leaf_der).expect("certificate"),
            |leaf| leaf.public_key().expect("key"),
            small,
        )
    });
    group.bench_function("step: chain (no anchors)", |b| {
        b.iter_batched(fresh, |seal| seal.chain(&TrustAnchors::new()), small)
    });
    let seal = fresh();
    group.bench_function("step: credential parse", |b| {
        b.iter(|| {
            microcred::json::parse(black_box(seal.payload_unverified().as_bytes())).expect("parses")
        })
    });
    let verifier = Verifier::new(now).with_trust_anchors(anchors);
    group.bench_function("Verifier::verify (full report)", |b| {
        b.iter(|| verifier.verify(black_box(&sealed)))
    });
    let batch: Vec<Vec<u8>> = (0..64).map(|_| sealed.clone()).collect();
    group.bench_function("Verifier::verify_many (64 credentials, all cores)", |b| {
        b.iter(|| verifier.verify_many(black_box(&batch)))
    });
    group.finish();
}

criterion_group!(benches, sealing, verification);
criterion_main!(benches);
