//! Status vectors: sealed W3C credentials with Bitstring Status List entries, and the status list
//! credentials `verify.json` serves for them by URL. The verification vectors run with these
//! lists given (by a fetcher, or in two phases: both must give the recorded report); a URL not
//! served is unavailable (`status.offline`).
//!
//! W3C credentials, not EDC ones: under VC 1.1 an EDC credential needs the Status List 2021
//! context, of which the shapes check (scripts/shacl.sh) has no offline copy; the EDC path is
//! tested in crates/microcred/tests/verifier_config.rs.

use std::io::Write;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use microcred::status::StatusLists;
use microcred::test_pki::TestKey;
use serde_json::{Value, json};

use crate::sealed::{Case, seal_json};

/// A list for revocation, bit 42 set.
const REVOCATION: &str = "https://university.example/status/revocation";
/// A list for suspension, bit 3 set.
const SUSPENSION: &str = "https://university.example/status/suspension";
/// A list no vector serves.
const UNAVAILABLE: &str = "https://university.example/status/unavailable";

/// A list served: URL, file name under `status/`, bytes.
pub type ServedList = (&'static str, &'static str, Vec<u8>);

/// The lists served.
pub fn lists() -> Result<Vec<ServedList>, String> {
    Ok(vec![
        (
            REVOCATION,
            "revocation.json",
            list(REVOCATION, "revocation", 42)?,
        ),
        (
            SUSPENSION,
            "suspension.json",
            list(SUSPENSION, "suspension", 3)?,
        ),
    ])
}

/// The lists served, as the verifier takes them.
pub fn served() -> Result<StatusLists, String> {
    Ok(lists()?
        .into_iter()
        .map(|(url, _, bytes)| (url, bytes))
        .collect())
}

/// A `BitstringStatusListCredential` (the minimum 16 KiB bitstring) with bit `set` set. Not
/// signed: the verifier does not check status list proofs today.
fn list(url: &str, purpose: &str, set: usize) -> Result<Vec<u8>, String> {
    let mut bits = vec![0u8; 16 * 1024];
    bits[set / 8] |= 0x80 >> (set % 8);
    // flate2 writes a fixed header (no time, no name), so the bytes are reproducible.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&bits).map_err(|e| e.to_string())?;
    let encoded = URL_SAFE_NO_PAD.encode(gz.finish().map_err(|e| e.to_string())?);
    serde_json::to_vec_pretty(&json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": "did:example:university",
        "validFrom": "2026-01-01T00:00:00Z",
        "credentialSubject": {
            "id": format!("{url}#list"),
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            "encodedList": format!("u{encoded}")
        }
    }))
    .map_err(|e| e.to_string())
}

fn entry(list: &str, purpose: &str, index: u64) -> Value {
    json!({
        "id": format!("{list}#{index}"),
        "type": "BitstringStatusListEntry",
        "statusPurpose": purpose,
        "statusListIndex": index.to_string(),
        "statusListCredential": list
    })
}

/// A W3C VCDM 2.0 credential (the Bitstring Status List terms are in its context) with `entries`
/// as its `credentialStatus`, sealed with the P-256 eSeal.
fn sealed_with(entries: Vec<Value>) -> Result<Vec<u8>, String> {
    let credential = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": "urn:uuid:7d1e2f30-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
        "type": ["VerifiableCredential"],
        "name": "Course completion",
        "issuer": {"id": "https://university.example", "name": "Microcred Test University"},
        "validFrom": "2026-01-01T00:00:00Z",
        "credentialSubject": {"id": "did:example:learner-1"},
        "credentialStatus": entries,
    });
    seal_json(&credential, TestKey::P256)
}

/// The status cases, each with the code its revocation check must give (none for a
/// presentation, whose credentials carry the checks).
pub fn cases() -> Result<Vec<(Case, Option<&'static str>)>, String> {
    let clear = sealed_with(vec![entry(REVOCATION, "revocation", 7)])?;
    let revoked = sealed_with(vec![entry(REVOCATION, "revocation", 42)])?;
    let mut out = vec![
        (
            Case {
                name: "status-clear",
                what: "a sealed W3C credential whose revocation entry is not set",
                bytes: clear.clone(),
                seal_code: "seal.ok",
            },
            Some("revocation.ok"),
        ),
        (
            Case {
                name: "status-revoked",
                what: "a sealed W3C credential whose revocation entry is set",
                bytes: revoked.clone(),
                seal_code: "seal.ok",
            },
            Some("revocation.revoked"),
        ),
        (
            Case {
                name: "status-suspended",
                what: "a sealed W3C credential with a clear revocation entry and a set suspension entry",
                bytes: sealed_with(vec![
                    entry(REVOCATION, "revocation", 7),
                    entry(SUSPENSION, "suspension", 3),
                ])?,
                seal_code: "seal.ok",
            },
            Some("revocation.suspended"),
        ),
        (
            Case {
                name: "status-purpose-mismatch",
                what: "a revocation entry that names the suspension list: undecided",
                bytes: sealed_with(vec![entry(SUSPENSION, "revocation", 3)])?,
                seal_code: "seal.ok",
            },
            Some("status.purpose_mismatch"),
        ),
        (
            Case {
                name: "status-unavailable",
                what: "a revocation entry whose list is not served: undecided, never \"not revoked\"",
                bytes: sealed_with(vec![entry(UNAVAILABLE, "revocation", 7)])?,
                seal_code: "seal.ok",
            },
            Some("status.offline"),
        ),
    ];
    let clear_text = String::from_utf8(clear).map_err(|e| e.to_string())?;
    let revoked_value: Value = serde_json::from_slice(&revoked).map_err(|e| e.to_string())?;
    let presentation = json!({
        "@context": ["https://www.w3.org/2018/credentials/v1"],
        "type": ["VerifiablePresentation"],
        "verifiableCredential": [clear_text, revoked_value],
    });
    out.push((
        Case {
            name: "status-presentation",
            what: "a sealed presentation holding a sealed credential that is not revoked (JAdES string) and one that is (JAdES object)",
            bytes: seal_json(&presentation, TestKey::P256)?,
            seal_code: "seal.ok",
        },
        None,
    ));
    Ok(out)
}
