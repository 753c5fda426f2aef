//! The probe's entry points give what the core gives: verify.json's verdicts and codes through
//! `verify` with a JSON configuration, and the RDF entry points on the signed vectors.

use std::path::PathBuf;

use base64::Engine as _;
use serde_json::{Value, json};

fn vectors() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../vectors")
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(vectors().join(path)).expect(path)
}

/// verify.json's clock, anchors and status lists as a `VerifierConfig` JSON object.
fn options(manifest: &Value) -> String {
    let anchors =
        String::from_utf8(read(manifest["trust_anchors"].as_str().expect("anchors"))).expect("PEM");
    let lists: serde_json::Map<String, Value> = manifest["status_lists"]
        .as_object()
        .expect("status_lists")
        .iter()
        .map(|(url, path)| {
            let bytes = read(path.as_str().expect("path"));
            let b64 = base64::engine::general_purpose::STANDARD.encode(bytes);
            (url.clone(), Value::String(b64))
        })
        .collect();
    json!({
        "clock": manifest["clock"],
        "trust_anchors": [{"pem": anchors}],
        "status_lists": lists,
    })
    .to_string()
}

#[test]
fn verify_gives_the_vectors_verdicts() {
    let manifest: Value = serde_json::from_slice(&read("verify.json")).expect("verify.json");
    let options = options(&manifest);
    let cases = manifest["cases"].as_array().expect("cases");
    assert!(cases.len() > 20);
    for case in cases {
        let name = case["name"].as_str().expect("name");
        if case["options"].is_object() {
            // Cases with their own verifier options (owner, policy) are the core's tests' work.
            continue;
        }
        let report: Value = serde_json::from_str(&microcred_wasm_size::verify(
            &read(case["input"].as_str().expect("input")),
            &options,
        ))
        .expect(name);
        assert_eq!(report["verdict"], case["expect"]["verdict"], "{name}");
        let codes = |checks: &Value| -> Vec<Value> {
            checks.as_array().map_or(Vec::new(), |c| {
                c.iter().map(|c| c["code"].clone()).collect()
            })
        };
        assert_eq!(
            codes(&report["checks"]),
            codes(&case["expect"]["checks"]),
            "{name}"
        );
    }
}

#[test]
fn bad_options_give_a_config_code() {
    let out = microcred_wasm_size::verify(b"{}", "{\"clock\": \"yesterday\"}");
    assert_eq!(out, "{\"error\":\"config.invalid_time\"}");
}

#[test]
fn findings_and_summary_of_a_sealed_vector() {
    let out: Value = serde_json::from_str(&microcred_wasm_size::findings(&read(
        "sealed/sealed-es256.json",
    )))
    .expect("json");
    assert_eq!(out["codes"].as_array().map(Vec::len), Some(0), "{out}");
    assert!(out["title"].is_string());
    assert!(out["eqf"].is_number());
}

#[cfg(feature = "full")]
#[test]
fn rdf_entry_points() {
    let sealed = read("sealed/sealed-es256.json");
    let xml = microcred_wasm_size::to_xml(&sealed);
    assert!(xml.contains("<elm:EuropeanDigitalCredential"), "{xml:.200}");
    let plain = microcred_wasm_size::to_nquads(&sealed, false);
    let canonical = microcred_wasm_size::to_nquads(&sealed, true);
    assert!(plain.lines().count() > 50);
    assert_eq!(plain.lines().count(), canonical.lines().count());
    // RDFC-1.0 output is in code point order.
    let lines: Vec<&str> = canonical.lines().collect();
    assert!(lines.windows(2).all(|w| w[0] <= w[1]));

    let proof: Value = serde_json::from_str(&microcred_wasm_size::verify_proof(&read(
        "sealed/signed-di.json",
    )))
    .expect("json");
    assert!(
        proof["method"]
            .as_str()
            .is_some_and(|m| m.starts_with("did:key:")),
        "{proof}"
    );
    let tampered = microcred_wasm_size::verify_proof(&read("sealed/signed-di-tampered.json"));
    assert!(tampered.starts_with("{\"error\":\"proof."), "{tampered}");
}
