//! `EuropeanDigitalCredential::summary`: what a person reads first in a credential (title, issuer,
//! country, ECTS, EQF level, dates, learner, outcomes, assessment, quality assurance, image), read
//! from vectors, the upload form and the EC's sealed sample; and what a report names of it.

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

#[test]
fn the_summary_reads_what_a_person_looks_for() {
    let summary = microcred::parse(&vector("valid-1.json"))
        .expect("reads")
        .summary();
    assert_eq!(summary.learner.as_deref(), Some("Dragan Moretti"));
    assert_eq!(
        summary.achievement.as_deref(),
        Some("Creating Open Digital Learning Content")
    );
    assert_eq!(
        summary.learning_outcomes,
        [
            "Develop accessible digital learning content with open tools",
            "Choose and apply an open licence to published material",
            "Plan a resource with partners from other institutions",
        ]
    );
    assert_eq!(summary.participation, ["Presential"]);
    let [assessment] = summary.assessments.as_slice() else {
        panic!("one assessment: {:?}", summary.assessments);
    };
    assert_eq!(
        assessment.title.as_deref(),
        Some("Portfolio of open learning resources")
    );
    assert_eq!(assessment.kind.as_deref(), Some("portfolio"));
    assert_eq!(assessment.grade.as_deref(), Some("Pass"));
    assert_eq!(
        assessment.supervision.as_deref(),
        Some("Unsupervised with ID verification")
    );
    let [qa] = summary.quality_assurance.as_slice() else {
        panic!("one quality assurance: {:?}", summary.quality_assurance);
    };
    assert_eq!(qa.kind.as_deref(), Some("Programme Quality Assurance"));
    assert_eq!(
        qa.agency.as_deref(),
        Some("Example Qualifications Authority")
    );
    assert_eq!(summary.awarded.as_deref(), Some("2025-11-16T00:00:00Z"));
    assert_eq!(summary.valid_from.as_deref(), Some("2026-01-15T10:00:00Z"));
    assert_eq!(summary.valid_until, None);
    let image = summary.image.expect("the display image");
    assert_eq!(image.media_type, "image/svg+xml");
    assert!(
        image
            .data_url()
            .starts_with("data:image/svg+xml;base64,PHN2Zy")
    );
}

#[test]
fn the_ec_sample_summary_has_its_jpeg_and_assessment() {
    let Some(bytes) =
        shared::shared_file("upstream/elm-repo/json-ld-v3/Sample-MC-Annex1-signed.jsonld")
    else {
        return;
    };
    let summary = microcred::parse_unverified(&bytes)
        .expect("reads")
        .summary();
    assert_eq!(summary.learner.as_deref(), Some("Ana Andromeda"));
    assert_eq!(summary.learning_outcomes.len(), 2);
    assert_eq!(summary.participation, ["Blended"]);
    assert_eq!(
        summary.assessments[0].kind.as_deref(),
        Some("artefact assessment")
    );
    // The sample states no accreditation anywhere.
    assert!(summary.quality_assurance.is_empty());
    let image = summary.image.expect("the display image");
    assert_eq!(image.media_type, "image/jpeg");
    assert!(image.base64.starts_with("/9j/"));
}

#[test]
fn an_image_of_another_type_or_without_content_is_left_out() {
    let mut document: Value = serde_json::from_slice(&vector("valid-1.json")).expect("JSON");
    let detail = &mut document["displayParameter"]["individualDisplay"]["displayDetail"];
    let detail = if detail.is_array() {
        &mut detail[0]
    } else {
        detail
    };
    detail["image"]["contentType"]["id"] =
        json!("http://publications.europa.eu/resource/authority/file-type/PDF");
    let credential = microcred::parse(document.to_string().as_bytes()).expect("reads");
    assert_eq!(credential.summary().image, None);
}

#[test]
fn a_report_names_the_credential_but_keeps_the_learner_out_of_json_and_debug() {
    let now = time::macros::datetime!(2026-02-01 00:00 UTC);
    let verifier = microcred::verify::Verifier::new(now);
    let report = verifier.verify(&vector("valid-1.json"));
    assert_eq!(report.country.as_deref(), Some("IRL"));
    assert_eq!(report.ects, Some(5.0));
    assert_eq!(report.eqf_level, Some(6));
    assert_eq!(report.issued.as_deref(), Some("2026-01-15T10:00:00Z"));
    assert_eq!(report.learner.get(), Some("Dragan Moretti"));
    let json = report.to_json();
    let debug = format!("{report:?}");
    for shown in [&json, &debug] {
        assert!(!shown.contains("Dragan") && !shown.contains("Moretti"));
    }
    assert!(debug.contains("[personal data]"));
    let read: microcred::verify::Report = serde_json::from_str(&json).expect("reads back");
    assert_eq!((read.ects, read.learner.get()), (Some(5.0), None));
}
