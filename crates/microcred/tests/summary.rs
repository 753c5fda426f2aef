//! `EuropeanDigitalCredential::summary`: title, issuer, country, ECTS, EQF level and issue date,
//! read from a vector, the upload form and the EC's sealed sample.

mod shared;

use microcred::json::Reader;
use serde_json::{Value, json};

fn vector(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../vectors/cases")
            .join(name),
    )
    .expect("vector")
}

#[test]
fn a_plain_credential_summarises_what_it_certifies() {
    let credential = microcred::parse(&vector("valid-1.json")).expect("reads");
    let summary = credential.summary();
    assert_eq!(
        summary.title.as_deref(),
        Some("Creating Open Digital Learning Content")
    );
    assert_eq!(
        summary.issuer.as_deref(),
        Some("Example University of Technology")
    );
    assert_eq!(summary.country.as_deref(), Some("IRL"));
    assert_eq!(summary.ects, Some(5.0));
    assert_eq!(summary.eqf_level, Some(6));
    assert_eq!(summary.issued.as_deref(), Some("2026-01-15T10:00:00Z"));
}

#[test]
fn what_the_summary_cannot_hold_is_none() {
    let mut document: Value = serde_json::from_slice(&vector("valid-1.json")).expect("JSON");
    let spec = &mut document["credentialSubject"]["hasClaim"]["specifiedBy"];
    spec["creditPoint"]["point"] = json!("two");
    spec["eqfLevel"]["id"] = json!("http://data.europa.eu/snb/eqf/9");
    let credential = microcred::parse(document.to_string().as_bytes()).expect("reads");
    let summary = credential.summary();
    assert_eq!((summary.ects, summary.eqf_level), (None, None));

    spec_decimal_comma();
}

fn spec_decimal_comma() {
    let mut document: Value = serde_json::from_slice(&vector("valid-1.json")).expect("JSON");
    document["credentialSubject"]["hasClaim"]["specifiedBy"]["creditPoint"]["point"] = json!("7,5");
    let credential = microcred::parse(document.to_string().as_bytes()).expect("reads");
    assert_eq!(credential.summary().ects, Some(7.5));
}

#[test]
fn the_upload_form_takes_the_awarding_bodys_country() {
    let (credential, _) = Reader::new()
        .read_any_unverified(&vector("valid-upload-form.json"))
        .expect("reads");
    assert!(credential.issuer.is_none());
    let summary = credential.summary();
    assert_eq!(summary.issuer, None);
    let body_country = credential
        .achievement()
        .and_then(|a| a.awarded_by.as_ref())
        .and_then(|p| p.awarding_body.iter().find_map(|b| b.country()))
        .and_then(|c| c.id.clone())
        .expect("the awarding body names a country");
    assert_eq!(summary.country.as_deref(), body_country.rsplit('/').next());
}

#[test]
fn the_ec_sealed_sample_summarises_as_its_payload_says() {
    let Some(bytes) =
        shared::shared_file("upstream/elm-repo/json-ld-v3/Sample-MC-Annex1-signed.jsonld")
    else {
        return;
    };
    let credential = microcred::parse_unverified(&bytes).expect("reads");
    let summary = credential.summary();
    assert_eq!(summary.issuer.as_deref(), Some("ORGANIZACION TEST"));
    assert_eq!(summary.ects, Some(2.0));
    assert_eq!(summary.eqf_level, Some(6));
    assert_eq!(summary.issued.as_deref(), Some("2023-09-27T13:54:17+02:00"));
    assert_eq!(summary.country.as_deref(), Some("IRL"));
}
