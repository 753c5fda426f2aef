//! The EC's ELM 3 sample credentials read, write and read back unchanged.

mod shared;

use microcred::Format;
use microcred::json::{self, Form, Reader};
use microcred::model::{Claim, Codec, JsonPath};
use serde_json::Value;

#[test]
fn every_ec_sample_round_trips() {
    let samples = shared::ec_samples();
    for (name, bytes) in &samples {
        let (credential, form) = Reader::new()
            .read_any_unverified(bytes)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let expected_form = if name.contains("signed.") && !name.contains("unsigned") {
            Form::SealedUnverified
        } else if name.contains("uploadable") {
            Form::UploadForm
        } else {
            Form::Plain
        };
        assert_eq!(form, expected_form, "{name}");
        let expected_format = match form {
            Form::SealedUnverified => Format::Jades,
            Form::UploadForm => Format::UploadForm,
            _ => Format::EdcJsonLd,
        };
        assert_eq!(Format::detect(bytes).ok(), Some(expected_format), "{name}");
        let written = json::to_string(&credential);
        let again =
            json::parse(written.as_bytes()).unwrap_or_else(|e| panic!("{name} rewritten: {e}"));
        assert_eq!(
            again, credential,
            "{name}: parse → write → parse changed the value"
        );
    }
    if !samples.is_empty() {
        assert_eq!(samples.len(), 6);
    }
}

/// Writing reproduces the source JSON value exactly (same members, same values), so nothing is
/// lost or reshaped, unknown properties included.
#[test]
fn writing_reproduces_the_sample_json() {
    for (name, bytes) in shared::ec_samples() {
        let source: Value = serde_json::from_slice(&bytes).expect("sample is JSON");
        let source = match (source.get("payload"), source.get("credential")) {
            (Some(Value::String(payload)), _) => {
                serde_json::from_str(payload).expect("payload is JSON")
            }
            (_, Some(inner)) => inner.clone(),
            _ => source,
        };
        let credential =
            microcred::EuropeanDigitalCredential::from_json(source.clone(), &JsonPath::Root)
                .expect("decodes");
        let written = serde_json::to_value(microcred::model::Ser(&credential)).expect("serialises");
        assert_eq!(written, source, "{name}");
    }
}

#[test]
fn the_signed_micro_credential_has_the_expected_content() {
    let Some(payload) = shared::signed_mc_payload() else {
        return;
    };
    let credential = json::parse(payload.as_bytes()).expect("payload parses");
    assert_eq!(
        credential.id.as_deref(),
        Some("urn:credential:1018d05f-21d5-4555-b7f0-8fabfd22ca75")
    );
    let issuer = credential.issuer.as_ref().expect("issuer");
    assert_eq!(
        issuer
            .eidas_identifier
            .as_ref()
            .and_then(|i| i.notation.as_deref()),
        Some("VATES-A00000000")
    );
    // EDC overwrote the legal name from the seal certificate.
    assert_eq!(issuer.legal_name.get("en"), Some("ORGANIZACION TEST"));
    let Claim::Achievement(achievement) = &credential.claims()[0] else {
        panic!("first claim is an achievement")
    };
    let spec = achievement.specified_by.as_ref().expect("specification");
    assert!(spec.is_qualification());
    assert_eq!(
        spec.eqf_level.as_ref().and_then(|c| c.id.as_deref()),
        Some("http://data.europa.eu/snb/eqf/6")
    );
    assert_eq!(spec.learning_outcome.len(), 2);
    assert_eq!(spec.credit_point[0].point.as_deref(), Some("2"));
    assert_eq!(
        spec.volume_of_learning.as_ref().map(|d| d.as_str()),
        Some("PT60H")
    );
    assert_eq!(spec.thematic_area.len(), 2);
    assert_eq!(
        achievement.proven_by[0]
            .grade
            .as_ref()
            .and_then(|g| g.note_literal.get("en")),
        Some("Pass")
    );
    assert_eq!(
        credential.issued.as_ref().map(|d| d.as_str()),
        Some("2023-09-27T13:54:17+02:00")
    );
}

#[test]
fn the_certificate_of_participation_claims_an_activity() {
    let Some(bytes) =
        shared::shared_file("upstream/elm-repo/json-ld-v3/Sample-CertOfPart-unsigned.jsonld")
    else {
        return;
    };
    let credential = json::parse(&bytes).expect("parses");
    assert!(
        credential
            .claims()
            .iter()
            .any(|c| matches!(c, Claim::Activity(_)))
    );
}

#[test]
fn the_elm_3_2_sample_reads_too() {
    let Some(bytes) =
        shared::shared_file("upstream/elm-repo-3.2-LTS/rdf-samples/credential-sample.jsonld")
    else {
        return;
    };
    let credential = json::parse(&bytes).expect("3.2 sample parses");
    let again =
        json::parse(json::to_string(&credential).as_bytes()).expect("rewritten 3.2 sample parses");
    assert_eq!(again, credential);
}

#[test]
fn a_sealed_file_needs_the_unverified_reader() {
    let Some(bytes) =
        shared::shared_file("upstream/elm-repo/json-ld-v3/Sample-MC-Annex1-signed.jsonld")
    else {
        return;
    };
    let err = json::parse(&bytes).unwrap_err();
    assert_eq!(err.code(), "json.sealed_input");
    assert!(json::parse_unverified(&bytes).is_ok());
}

#[test]
fn the_upload_form_is_written_without_context_and_issuer() {
    let Some(bytes) =
        shared::shared_file("upstream/elm-repo/json-ld-v3/Sample-MC-Annex1-unsigned.jsonld")
    else {
        return;
    };
    let credential = json::parse(&bytes).expect("parses");
    let form: Value = serde_json::from_str(&json::to_upload_form(&credential)).expect("JSON");
    let inner = form["credential"].as_object().expect("credential member");
    assert!(!inner.contains_key("@context") && !inner.contains_key("issuer"));
    let back =
        json::parse(json::to_upload_form(&credential).as_bytes()).expect("upload form parses");
    assert_eq!(back.credential_subject, credential.credential_subject);
}

/// Found by the fuzzer: the upload form implies the EDC context, so reading it and writing the
/// plain form must read back unchanged.
#[test]
fn the_upload_form_round_trips_through_the_plain_form() {
    let credential = microcred::issue::demo_credential();
    let upload =
        json::parse(json::to_upload_form(&credential).as_bytes()).expect("upload form reads");
    let plain = json::parse(json::to_string(&upload).as_bytes()).expect("plain form reads");
    assert_eq!(plain, upload);
    assert_eq!(upload.issuer, None, "the upload form carries no issuer");
}

/// The EC's other formats are named by content: the legacy EDCI XML samples and the ELM RDF/XML
/// files are told apart before any reader runs.
#[test]
fn the_ec_xml_files_are_named_by_format() {
    let cases = [
        (
            "edc-github-legacy-xml/credential-generic-profile-xsd_v1.2.xml",
            Format::LegacyXml,
        ),
        (
            "edc-github-legacy-xml/credential-generic-profile-xsd-signed.xml",
            Format::LegacyXml,
        ),
        (
            "edc-github-legacy-xml/verificable_presentation_mandated-xsd_v1.2.xml",
            Format::LegacyXml,
        ),
    ];
    for (file, expected) in cases {
        let Some(bytes) = shared::shared_file(&format!("upstream/{file}")) else {
            return;
        };
        assert_eq!(Format::detect(&bytes).ok(), Some(expected), "{file}");
    }
}
