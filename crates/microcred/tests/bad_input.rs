//! Bad input gets a typed error with a stable code and a path, never a panic or a hang.

mod shared;

use microcred::json::{self, Limits, Reader};
use microcred::profile;
use proptest::prelude::*;
use serde_json::{Value, json};

/// A small credential in the EDC form, enough to mutate.
fn minimal() -> Value {
    json!({
        "@context": ["https://www.w3.org/2018/credentials/v1", "http://data.europa.eu/snb/model/context/edc-ap"],
        "id": "urn:credential:00000000-0000-4000-8000-000000000000",
        "type": ["VerifiableCredential", "EuropeanDigitalCredential"],
        "credentialSubject": {
            "id": "urn:epass:person:1",
            "type": "Person",
            "givenName": {"en": "Secretname"},
            "dateOfBirth": "1990-01-01T00:00:00Z",
            "hasClaim": {"id": "urn:epass:learningAchievement:1", "type": "LearningAchievement", "title": {"en": "Course"}}
        },
        "validFrom": "2024-01-01T00:00:00Z"
    })
}

fn code_of(value: &Value) -> (String, Option<String>) {
    let bytes = serde_json::to_vec(value).expect("serialises");
    let err = json::parse(&bytes).expect_err("must fail");
    assert!(
        !err.to_string().contains("Secretname"),
        "message leaks personal data: {err}"
    );
    (err.code().to_owned(), err.path().map(str::to_owned))
}

#[test]
fn the_minimal_credential_reads() {
    let bytes = serde_json::to_vec(&minimal()).expect("serialises");
    json::parse(&bytes).expect("minimal credential reads");
}

#[test]
fn not_json() {
    let err = json::parse(b"this is not json").unwrap_err();
    assert_eq!(err.code(), "json.syntax");
    assert_eq!(
        json::parse(b"{\"a\": tru}").unwrap_err().code(),
        "json.syntax"
    );
}

#[test]
fn xml_is_named_as_xml() {
    let legacy = "\u{feff}<?xml version=\"1.0\"?>\n<!-- a comment -->\n<ns:europassCredential xmlns:ns=\"http://data.europa.eu/snb\"/>";
    let err = json::parse(legacy.as_bytes()).unwrap_err();
    assert_eq!(err.code(), "json.legacy_xml");
    assert!(err.to_string().contains("legacy EDCI XML"), "{err}");
    let rdf = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>";
    assert_eq!(json::parse(rdf.as_bytes()).unwrap_err().code(), "json.xml");
    // Real legacy files, from the corpus, get the same code.
    for name in [
        "edc/edc-xml-qseal-pre-0-10.xml",
        "edc/edc-xml-vp-shared.xml",
        "elm/elm-v1-xml-basic.xml",
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../vectors/real")
            .join(name);
        let bytes = std::fs::read(&path).expect("corpus file");
        assert_eq!(
            json::parse(&bytes).unwrap_err().code(),
            "json.legacy_xml",
            "{name}"
        );
    }
    // JSON is never taken for XML.
    assert_eq!(
        json::parse(b"  [\"<x>\"]").unwrap_err().code(),
        "json.wrong_type"
    );
}

#[test]
fn empty_and_truncated_input() {
    assert_eq!(json::parse(b"").unwrap_err().code(), "json.truncated");
    let bytes = serde_json::to_vec(&minimal()).expect("serialises");
    for cut in [1, bytes.len() / 3, bytes.len() / 2, bytes.len() - 1] {
        let err = json::parse(&bytes[..cut]).unwrap_err();
        assert_eq!(err.code(), "json.truncated", "cut at {cut}");
    }
}

#[test]
fn truncated_ec_sample() {
    let Some(bytes) =
        shared::shared_file("upstream/elm-repo/json-ld-v3/Sample-MC-Annex1-unsigned.jsonld")
    else {
        return;
    };
    let err = json::parse(&bytes[..bytes.len() / 2]).unwrap_err();
    assert_eq!(err.code(), "json.truncated");
}

/// A value that does not fit its place is read, kept, written back unchanged, and reported by the
/// profile check with a stable code and the path, never with the value.
fn finding_of(value: &Value) -> (String, String) {
    let bytes = serde_json::to_vec(value).expect("serialises");
    let credential = json::parse(&bytes).expect("reads tolerantly");
    assert_eq!(
        &json::to_value(&credential),
        value,
        "written back unchanged"
    );
    let findings = profile::check_edc(&credential);
    let odd = findings
        .iter()
        .find(|f| {
            f.code == "edc.unexpected_class"
                || f.code == "edc.invalid_value"
                || f.code.starts_with("edc.too_many.")
        })
        .unwrap_or_else(|| panic!("no finding names the odd value: {findings:#?}"));
    for finding in &findings {
        assert!(
            !finding.to_string().contains("Secretname"),
            "leaks personal data: {finding}"
        );
    }
    (odd.code.to_string(), odd.path.clone())
}

#[test]
fn wrong_json_types_are_kept_and_reported() {
    let mut v = minimal();
    v["credentialSubject"] = json!("a string");
    assert_eq!(
        finding_of(&v),
        ("edc.invalid_value".into(), "$.credentialSubject".into())
    );

    let mut v = minimal();
    v["credentialSubject"]["hasClaim"]["title"] = json!(5);
    assert_eq!(
        finding_of(&v),
        (
            "edc.invalid_value".into(),
            "$.credentialSubject.hasClaim.title".into()
        )
    );

    let mut v = minimal();
    v["credentialSubject"]["givenName"] = json!({"en": ["ok", 3]});
    assert_eq!(
        finding_of(&v),
        (
            "edc.invalid_value".into(),
            "$.credentialSubject.givenName.en[1]".into()
        )
    );

    let mut v = minimal();
    v["credentialSubject"]["hasClaim"] = json!([{"type": "LearningAchievement"}, 7]);
    assert_eq!(
        finding_of(&v),
        (
            "edc.invalid_value".into(),
            "$.credentialSubject.hasClaim[1]".into()
        )
    );

    // The document itself must be a credential object.
    let v = json!([1, 2, 3]);
    assert_eq!(code_of(&v), ("json.wrong_type".into(), Some("$".into())));
}

#[test]
fn a_class_in_the_wrong_slot_is_kept_and_reported() {
    let mut v = minimal();
    v["credentialSubject"]["type"] = json!("Organisation");
    assert_eq!(
        finding_of(&v),
        ("edc.unexpected_class".into(), "$.credentialSubject".into())
    );

    let mut v = minimal();
    v["credentialSubject"]["hasClaim"]["type"] = json!("Person");
    assert_eq!(
        finding_of(&v),
        (
            "edc.unexpected_class".into(),
            "$.credentialSubject.hasClaim".into()
        )
    );
}

#[test]
fn invalid_dates_and_durations_do_not_echo_the_value() {
    let mut v = minimal();
    v["credentialSubject"]["dateOfBirth"] = json!("Secretname-02-30");
    assert_eq!(
        finding_of(&v),
        (
            "edc.invalid_value".into(),
            "$.credentialSubject.dateOfBirth".into()
        )
    );

    let mut v = minimal();
    v["credentialSubject"]["hasClaim"]["specifiedBy"] =
        json!({"type": "Qualification", "volumeOfLearning": "60 hours"});
    assert_eq!(
        finding_of(&v),
        (
            "edc.invalid_value".into(),
            "$.credentialSubject.hasClaim.specifiedBy.volumeOfLearning".into()
        )
    );
}

#[test]
fn missing_or_foreign_context() {
    let mut v = minimal();
    v.as_object_mut().expect("object").remove("@context");
    assert_eq!(
        code_of(&v),
        ("json.missing_context".into(), Some("$".into()))
    );

    let mut v = minimal();
    v["@context"][1] = json!("https://evil.example/context.jsonld");
    let bytes = serde_json::to_vec(&v).expect("serialises");
    let err = json::parse(&bytes).unwrap_err();
    assert_eq!(err.code(), "json.foreign_context");
    assert_eq!(err.path(), Some("$.@context[1]"));
    assert!(
        err.to_string()
            .contains("https://evil.example/context.jsonld"),
        "names the URL: {err}"
    );

    let mut v = minimal();
    v["@context"][1] = json!({"title": "http://example.org/other"});
    assert_eq!(code_of(&v).0, "json.foreign_context");
}

#[test]
fn a_registered_context_is_accepted_by_the_reader() {
    const EXTRA: &str = "https://university.example/contexts/extra/v1";
    let mut v = minimal();
    v["@context"]
        .as_array_mut()
        .expect("a list")
        .push(json!(EXTRA));
    let bytes = serde_json::to_vec(&v).expect("serialises");
    assert_eq!(
        Reader::new().read(&bytes).map_err(|e| e.code()).err(),
        Some("json.foreign_context")
    );
    let mut contexts = microcred::rdf::Contexts::new();
    contexts
        .register(EXTRA, json!({"@context": {}}))
        .expect("a context");
    let reader = Reader::new().with_contexts(contexts);
    let credential = reader.read(&bytes).expect("read once registered");
    assert_eq!(credential.context.last().map(String::as_str), Some(EXTRA));
    // The same from a parsed value; an envelope is refused there.
    let (again, form) = reader.read_value(v).expect("reads from a value");
    assert_eq!((again, form), (credential, json::Form::Plain));
    let envelope = json!({"payload": "{}", "signatures": []});
    assert_eq!(
        reader.read_value(envelope).map_err(|e| e.code()).err(),
        Some("json.sealed_input")
    );
}

#[test]
fn not_a_credential() {
    let mut v = minimal();
    v["type"] = json!("Person");
    assert_eq!(code_of(&v).0, "json.not_a_credential");
    let mut v = minimal();
    v.as_object_mut().expect("object").remove("type");
    assert_eq!(code_of(&v).0, "json.not_a_credential");
}

#[test]
fn input_over_the_size_limit() {
    let bytes = serde_json::to_vec(&minimal()).expect("serialises");
    let reader = Reader::new().with_limits(Limits {
        max_bytes: 100,
        ..Limits::default()
    });
    let err = reader.read(&bytes).unwrap_err();
    assert_eq!(err.code(), "json.too_large");
    // The default limit is 16 MiB.
    let huge = vec![b' '; 16 * 1024 * 1024 + 1];
    assert_eq!(json::parse(&huge).unwrap_err().code(), "json.too_large");
}

#[test]
fn nesting_deeper_than_the_limit() {
    // Far deeper than any stack could recurse: the pre-scan stops it first.
    let mut deep =
        String::from("{\"@context\": [\"https://www.w3.org/2018/credentials/v1\"], \"x\": ");
    deep.push_str(&"[".repeat(200_000));
    deep.push_str(&"]".repeat(200_000));
    deep.push('}');
    let err = json::parse(deep.as_bytes()).unwrap_err();
    assert_eq!(err.code(), "json.too_deep");
    assert_eq!(err.path().map(|p| p.starts_with("$.x[0][0]")), Some(true));

    let reader = Reader::new().with_limits(Limits {
        max_depth: 3,
        ..Limits::default()
    });
    let bytes = serde_json::to_vec(&minimal()).expect("serialises");
    let err = reader.read(&bytes).unwrap_err();
    assert_eq!(err.code(), "json.too_deep");
    assert_eq!(err.path(), Some("$.credentialSubject.hasClaim.title"));
}

#[test]
fn a_sealed_file_with_a_bad_envelope() {
    let sealed = json!({"payload": {"not": "a string"}, "signatures": []});
    let bytes = serde_json::to_vec(&sealed).expect("serialises");
    let err = json::parse_unverified(&bytes).unwrap_err();
    assert_eq!(err.code(), "seal.malformed_envelope");
    assert_eq!(err.path(), Some("$.payload"));

    let sealed = json!({"payload": "{\"truncated\": ", "signatures": []});
    let bytes = serde_json::to_vec(&sealed).expect("serialises");
    assert_eq!(
        json::parse_unverified(&bytes).unwrap_err().code(),
        "json.truncated"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = json::parse(&bytes);
        let _ = json::parse_unverified(&bytes);
    }

    #[test]
    fn mutated_credentials_never_panic(position in 0usize..2000, byte in any::<u8>()) {
        let mut bytes = serde_json::to_vec(&minimal()).expect("serialises");
        let at = position % bytes.len();
        bytes[at] = byte;
        if let Ok(credential) = json::parse(&bytes) {
            // Whatever reads must survive a write and read back unchanged.
            let again = json::parse(json::to_string(&credential).as_bytes()).expect("rewritten credential reads");
            prop_assert_eq!(again, credential);
        }
    }
}
