//! Access to `../shared` (the EC samples, contexts and conformance suites) for tests.
//!
//! The folder sits beside the repository. When it is absent, tests that need it print why and
//! pass without checking, so the crate still tests on its own.

#![allow(dead_code)]

use std::path::PathBuf;

/// The `shared` folder, when present.
pub fn shared_dir() -> Option<PathBuf> {
    if let Ok(dir) = std::env::var("MICROCRED_SHARED") {
        return Some(PathBuf::from(dir)).filter(|p| p.is_dir());
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    dir.is_dir().then_some(dir)
}

/// A file below `shared`, or `None` after printing why the test is skipped.
pub fn shared_file(relative: &str) -> Option<Vec<u8>> {
    let Some(dir) = shared_dir() else {
        eprintln!(
            "skipped: ../shared is absent (set MICROCRED_SHARED to its path to run this test)"
        );
        return None;
    };
    match std::fs::read(dir.join(relative)) {
        Ok(bytes) => Some(bytes),
        Err(e) => panic!("../shared is present but {relative} cannot be read: {e}"),
    }
}

/// The EC ELM 3 samples: (file name, bytes).
pub fn ec_samples() -> Vec<(&'static str, Vec<u8>)> {
    const NAMES: [&str; 6] = [
        "Sample-MC-Annex1-signed.jsonld",
        "Sample-MC-Annex1-unsigned.jsonld",
        "Sample-MC-Annex1-unsigned-uploadable.json",
        "Sample-CertOfPart-signed.jsonld",
        "Sample-CertOfPart-unsigned.jsonld",
        "Sample-CertOfPart-unsigned-uploadable.json",
    ];
    NAMES
        .iter()
        .filter_map(|name| {
            Some((
                *name,
                shared_file(&format!("upstream/elm-repo/json-ld-v3/{name}"))?,
            ))
        })
        .collect()
}

/// The payload of the signed EC micro-credential, as stored.
pub fn signed_mc_payload() -> Option<String> {
    let bytes = shared_file("upstream/elm-repo/json-ld-v3/Sample-MC-Annex1-signed.jsonld")?;
    let envelope: serde_json::Value = serde_json::from_slice(&bytes).expect("sample is JSON");
    Some(
        envelope["payload"]
            .as_str()
            .expect("payload is a string")
            .to_owned(),
    )
}
