//! Every case of `vectors/manifest.json` (the vectors the Python and JS tests share) gives the
//! recorded reader error or the recorded findings.

use std::path::PathBuf;

use microcred::json::Reader;
use microcred::profile::{self, Severity};
use serde_json::Value;

fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../vectors")
}

/// The recorded form of `Format::detect`'s answer: its name, or null when the bytes are unreadable.
fn detected(bytes: &[u8]) -> Value {
    microcred::Format::detect(bytes)
        .map(|f| Value::from(f.name()))
        .unwrap_or(Value::Null)
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

#[test]
fn every_vector_gives_its_recorded_outcome() {
    let manifest: Value = serde_json::from_slice(
        &std::fs::read(vectors_dir().join("manifest.json"))
            .expect("vectors/manifest.json is committed"),
    )
    .expect("manifest is JSON");
    let cases = manifest["cases"].as_array().expect("cases");
    assert!(cases.len() > 60, "only {} cases", cases.len());
    for case in cases {
        let name = case["name"].as_str().expect("name");
        let bytes = std::fs::read(vectors_dir().join(case["input"].as_str().expect("input")))
            .expect("input file");
        assert_eq!(detected(&bytes), case["format"], "{name}: format");
        let reader = Reader::new();
        let read = match case["read"].as_str() {
            Some("parse_unverified") => reader.read_any_unverified(&bytes).map(|(c, _)| c),
            _ => reader.read(&bytes),
        };
        let expect = &case["expect"];
        match (read, expect["error"].as_str()) {
            (Err(e), Some(code)) => assert_eq!(e.code(), code, "{name}"),
            (Err(e), None) => panic!("{name}: unexpected reader error {e}"),
            (Ok(_), Some(code)) => panic!("{name}: expected reader error {code}"),
            (Ok(credential), None) => {
                let findings = match case["check"].as_str() {
                    Some("before_sealing") => profile::check_before_sealing(&credential),
                    Some("elm_3_2") => profile::check_as(&credential, profile::ElmVersion::V3_2),
                    _ => profile::check(&credential),
                };
                let got: Vec<Value> = findings
                    .iter()
                    .map(|f| serde_json::json!({"code": f.code, "severity": severity(f.severity), "path": f.path}))
                    .collect();
                assert_eq!(&Value::Array(got), &expect["findings"], "{name}");
                assert_eq!(
                    Some(!profile::has_errors(&findings)),
                    expect["valid"].as_bool(),
                    "{name}"
                );
                if let Some(target) = case["target"].as_str() {
                    assert!(
                        findings.iter().any(|f| f.code == target),
                        "{name}: target {target} not reported"
                    );
                }
            }
        }
    }
}

#[test]
fn every_finding_code_has_a_vector() {
    let manifest: Value = serde_json::from_slice(
        &std::fs::read(vectors_dir().join("manifest.json")).expect("manifest"),
    )
    .expect("JSON");
    let targets: Vec<&str> = manifest["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .filter_map(|c| c["target"].as_str())
        .collect();
    // The `edc.too_many.*` family has one code per single-valued property; the code table's unit
    // test ties it to the model, and one vector stands for the family.
    assert!(targets.iter().any(|t| t.starts_with("edc.too_many.")));
    for (code, _, _) in profile::CODES {
        // Only builds without the full JSON-LD processor give `edc.jsonld.unchecked`; the core's
        // rdf/processor.rs tests it there.
        if !code.starts_with("edc.too_many.") && *code != "edc.jsonld.unchecked" {
            assert!(targets.contains(code), "no vector targets {code}");
        }
    }
}

/// Every case of `vectors/verify.json` gives the recorded verdict and checks.
#[cfg(feature = "test-pki")]
#[test]
fn every_verification_vector_gives_its_recorded_report() {
    use microcred::verify::Verifier;
    use time::format_description::well_known::Rfc3339;

    let manifest: Value = serde_json::from_slice(
        &std::fs::read(vectors_dir().join("verify.json"))
            .expect("vectors/verify.json is committed"),
    )
    .expect("verify.json is JSON");
    let clock = time::OffsetDateTime::parse(manifest["clock"].as_str().expect("clock"), &Rfc3339)
        .expect("an RFC 3339 clock");
    let anchors = std::fs::read_to_string(
        vectors_dir().join(manifest["trust_anchors"].as_str().expect("anchors")),
    )
    .expect("anchor file");
    let verifier = Verifier::new(clock)
        .with_trust_anchors(microcred::x509::TrustAnchors::from_pem(&anchors).expect("PEM"))
        .with_status_fetcher(status_lists(&manifest));
    let cases = manifest["cases"].as_array().expect("cases");
    assert!(cases.len() >= 25, "only {} cases", cases.len());
    for case in cases {
        let name = case["name"].as_str().expect("name");
        let bytes = std::fs::read(vectors_dir().join(case["input"].as_str().expect("input")))
            .expect("input file");
        assert_eq!(detected(&bytes), case["format"], "{name}: format");
        let report = verifier.verify(&bytes);
        assert_eq!(outline(&report), case["expect"], "{name}");
    }
}

/// The status list credentials `verify.json` serves, by URL (any other URL is unavailable).
#[cfg(feature = "test-pki")]
fn status_lists(manifest: &Value) -> microcred::status::StatusLists {
    manifest["status_lists"]
        .as_object()
        .expect("status_lists")
        .iter()
        .map(|(url, file)| {
            let path = vectors_dir().join(file.as_str().expect("a file name"));
            (url.clone(), std::fs::read(path).expect("status list file"))
        })
        .collect()
}

/// The verdict and each check's kind, status and code; for a presentation, the same for each
/// credential it holds.
#[cfg(feature = "test-pki")]
fn outline(report: &microcred::verify::Report) -> Value {
    let mut got = serde_json::json!({
        "verdict": report.verdict,
        "checks": report.checks.iter().map(|c| serde_json::json!({
            "kind": c.kind, "status": c.status, "code": c.code,
        })).collect::<Vec<_>>(),
    });
    if let Some(presentation) = &report.presentation {
        got["credentials"] = presentation.credentials.iter().map(outline).collect();
    }
    got
}
