//! The JavaScript API beyond the vectors: bad input and wrong types give coded `Error`s, options
//! reach the core, and the conversions (RDF/XML both ways, N-Quads) work in Node and in a
//! browser (RDF/XML reading needs randomness, which this module takes from JavaScript).

#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use microcred_wasm as mc;
use serde_json::json;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

/// A credential with no seal from the vectors (valid, no findings).
fn plain() -> JsValue {
    bytes(file("cases/valid-1.json"))
}

fn sealed() -> JsValue {
    let manifest = json("verify.json");
    bytes(file(manifest["cases"][0]["input"].as_str().expect("input")))
}

/// The fields of the error `result` threw.
fn thrown<T: std::fmt::Debug>(
    result: Result<T, JsValue>,
) -> (String, String, Option<String>, String) {
    error_fields(&result.expect_err("an error"))
}

#[wasm_bindgen_test]
fn text_that_is_not_json_is_a_parse_error() {
    let (name, code, _, category) =
        thrown(mc::parse(JsValue::from_str("not json"), JsValue::UNDEFINED));
    assert_eq!(
        (name.as_str(), code.as_str(), category.as_str()),
        ("ParseError", "json.syntax", "parse")
    );
    let (_, code, _, _) = thrown(mc::detect_format(JsValue::from_str("{\"a\": ")));
    assert_eq!(code, "json.truncated");
    let (_, code, _, _) = thrown(mc::summary(JsValue::from_str("[1, 2")));
    assert_eq!(code, "json.truncated");
    let (_, code, _, _) = thrown(mc::findings(bytes(&[0xff, 0xfe, 0x00]), JsValue::UNDEFINED));
    assert!(code.starts_with("json."), "{code}");
}

#[wasm_bindgen_test]
fn a_truncated_credential_is_a_coded_error_and_an_invalid_report() {
    let whole = file("cases/valid-1.json");
    let half = bytes(&whole[..whole.len() / 2]);
    let (_, code, _, _) = thrown(mc::parse(half.clone(), JsValue::UNDEFINED));
    assert_eq!(code, "json.truncated");
    // verify never throws for a bad file: its report says what is wrong.
    let report = to_json(&mc::verify(half, JsValue::UNDEFINED).expect("a report"));
    assert_eq!(report["verdict"], "invalid");
    assert_eq!(report["checks"][0]["code"], "json.truncated");
    assert_eq!(report["securing"], "unknown");
}

#[wasm_bindgen_test]
fn inputs_of_the_wrong_type_are_coded_errors() {
    for value in [
        JsValue::from_f64(42.0),
        JsValue::NULL,
        JsValue::UNDEFINED,
        JsValue::from_bool(true),
        new_object(),
        js_sys::Array::new().into(),
    ] {
        let (name, code, path, category) = thrown(mc::verify(value.clone(), JsValue::UNDEFINED));
        assert_eq!(
            (name.as_str(), code.as_str(), category.as_str()),
            ("ParseError", "json.wrong_type", "parse")
        );
        assert_eq!(path.as_deref(), Some("input"));
        let (_, code, _, _) = thrown(mc::to_nquads(value.clone(), JsValue::UNDEFINED));
        assert_eq!(code, "json.wrong_type");
        let (_, code, path, _) = thrown(mc::from_xml(value));
        assert_eq!(
            (code.as_str(), path.as_deref()),
            ("json.wrong_type", Some("xml"))
        );
    }
    // An ArrayBuffer is bytes too.
    let buffer = js_sys::Uint8Array::from(file("cases/valid-1.json")).buffer();
    assert_eq!(
        mc::detect_format(buffer.into()).expect("a format"),
        "edc_json_ld"
    );
}

#[wasm_bindgen_test]
fn options_of_the_wrong_shape_are_config_errors() {
    let cases: Vec<(JsValue, &str)> = vec![
        (JsValue::from_str("strict"), "options"),
        (js_sys::Array::new().into(), "options"),
        (object(r#"{"trustAnchors": 5}"#), "options"),
        (object(r#"{"trust_anchors": "x"}"#), "options.trust_anchors"),
        (object(r#"{"strict": "yes"}"#), "options"),
        (
            object(r#"{"statusLists": {"https://x.example/1": 5}}"#),
            "options",
        ),
        (object(r#"{"elmVersion": "3.9"}"#), "options"),
        (
            object(r#"{"contexts": {"https://x.example/c": "not json"}}"#),
            "options.contexts[\"https://x.example/c\"]",
        ),
        (object(r#"{"at": 12}"#), "options.at"),
    ];
    for (options, path) in cases {
        let (name, code, got_path, category) = thrown(mc::verify(plain(), options.clone()));
        assert_eq!(
            (name.as_str(), code.as_str(), category.as_str()),
            ("ConfigError", "config.malformed", "config")
        );
        assert_eq!(got_path.as_deref(), Some(path));
        // A Verifier throws the same when it is made.
        let made = thrown(mc::Verifier::new(options));
        assert_eq!(made, (name, code, got_path, category));
    }
    let invalid_date = new_object();
    set(
        &invalid_date,
        "at",
        &js_sys::Date::new(&JsValue::from_str("not a date")),
    );
    let (_, code, path, _) = thrown(mc::verify(plain(), invalid_date));
    assert_eq!(
        (code.as_str(), path.as_deref()),
        ("config.malformed", Some("options.at"))
    );
    // The core's own configuration errors, with its codes and paths.
    let (_, code, path, _) = thrown(mc::verify(plain(), object(r#"{"at": "yesterday"}"#)));
    assert_eq!(code, "config.invalid_time");
    assert_eq!(path.as_deref(), Some("options.at"));
    let (_, code, path, _) = thrown(mc::verify(
        plain(),
        object(r#"{"trustAnchors": ["no PEM here"]}"#),
    ));
    assert_eq!(code, "config.trust_anchor");
    assert_eq!(path.as_deref(), Some("options.trustAnchors[0]"));
    let (_, code, _, _) = thrown(mc::verify(plain(), object(r#"{"trustedList": "<x/>"}"#)));
    assert_eq!(code, "config.trusted_list");
    let (_, code, _, _) = thrown(mc::findings(plain(), object(r#"{"elmVersion": 3}"#)));
    assert_eq!(code, "config.malformed");
}

#[wasm_bindgen_test]
fn options_reach_the_verifier() {
    let manifest = json("verify.json");
    // Without anchors the test PKI's seal is untrusted: indeterminate, or failed when strict.
    let report = to_json(
        &mc::verify(sealed(), object(r#"{"at": "2026-02-01T00:00:00Z"}"#)).expect("a report"),
    );
    assert_eq!(report["verdict"], "indeterminate");
    let strict = object(r#"{"at": "2026-02-01T00:00:00Z", "strict": true}"#);
    let report = to_json(&mc::verify(sealed(), strict).expect("a report"));
    assert_eq!(report["verdict"], "invalid");
    // With the anchor (an array of PEM texts works as one text does) it is valid; the test PKI's
    // eSeal is a qualified one, so requiring that keeps it valid.
    let options = verify_options(&manifest);
    let pem = get(&options, "trustAnchors");
    set(&options, "trustAnchors", &js_sys::Array::of1(&pem));
    let report = to_json(&mc::verify(sealed(), options.clone()).expect("a report"));
    assert_eq!(report["verdict"], "valid");
    assert_eq!(report["seal"]["qualified"], true);
    set(&options, "requireQualified", &JsValue::TRUE);
    let report = to_json(&mc::verify(sealed(), options).expect("a report"));
    assert_eq!(report["verdict"], "valid");
    // A Data Integrity proof by a DID that is not trusted is not valid; trusting the DID makes it
    // valid.
    let case = manifest["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .find(|c| c["name"] == "signed-di")
        .expect("the signed-di vector");
    let name = case["input"].as_str().expect("input");
    assert_ne!(case["expect"]["verdict"], "valid");
    let method = json(name)["proof"]["verificationMethod"]
        .as_str()
        .expect("a method")
        .to_owned();
    let did = method.split('#').next().expect("a DID");
    let options = verify_options(&manifest);
    set(
        &options,
        "trustedDids",
        &js_sys::Array::of1(&JsValue::from_str(did)),
    );
    let report = to_json(&mc::verify(bytes(file(name)), options).expect("a report"));
    assert_eq!(report["verdict"], "valid", "{report}");
    // Without `at`, the current time (from JavaScript) is used.
    let report = to_json(&mc::verify(plain(), JsValue::UNDEFINED).expect("a report"));
    let year: i32 = report["checkedAt"].as_str().expect("checkedAt")[..4]
        .parse()
        .expect("a year");
    assert!(year >= 2025, "{}", report["checkedAt"]);
}

#[wasm_bindgen_test]
fn a_sealed_file_is_parsed_only_when_asked_unverified() {
    let (name, code, _, _) = thrown(mc::parse(sealed(), JsValue::UNDEFINED));
    assert_eq!(
        (name.as_str(), code.as_str()),
        ("ParseError", "json.sealed_input")
    );
    let credential =
        to_json(&mc::parse(sealed(), object(r#"{"unverified": true}"#)).expect("read"));
    assert!(credential["credentialSubject"].is_object());
    assert_eq!(mc::detect_format(sealed()).expect("a format"), "jades");
}

#[wasm_bindgen_test]
fn rdf_xml_round_trips_in_this_runtime() {
    let xml = mc::to_xml(plain()).expect("RDF/XML");
    assert!(xml.contains("<elm:EuropeanDigitalCredential"));
    let back = mc::from_xml(JsValue::from_str(&xml)).expect("read back");
    let original = to_json(&mc::parse(plain(), JsValue::UNDEFINED).expect("parse"));
    let back = to_json(&back);
    assert_eq!(back["id"], original["id"]);
    // The graph survives: the canonical N-Quads of both are the same.
    let canonical = object(r#"{"canonical": true}"#);
    let again = JsValue::from_str(&back.to_string());
    assert_eq!(
        mc::to_nquads(again, canonical.clone()).expect("N-Quads"),
        mc::to_nquads(plain(), canonical).expect("N-Quads")
    );
    let broken =
        r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><b></rdf:RDF>"#;
    let (name, code, _, category) = thrown(mc::from_xml(JsValue::from_str(broken)));
    assert_eq!((name.as_str(), category.as_str()), ("ParseError", "parse"));
    assert_eq!(code, "xml.syntax");
    let (_, code, _, _) = thrown(mc::from_xml(JsValue::from_str("<html/>")));
    assert_eq!(code, "xml.not_rdf");
}

#[wasm_bindgen_test]
fn n_quads_plain_and_canonical() {
    let plain_quads = mc::to_nquads(plain(), JsValue::UNDEFINED).expect("N-Quads");
    assert!(plain_quads.lines().count() > 10 && plain_quads.lines().all(|l| l.ends_with(" .")));
    let canonical = mc::to_nquads(plain(), object(r#"{"canonical": true}"#)).expect("N-Quads");
    assert_eq!(canonical.lines().count(), plain_quads.lines().count());
    let mut sorted: Vec<&str> = canonical.lines().collect();
    sorted.sort_unstable();
    assert_eq!(
        sorted,
        canonical.lines().collect::<Vec<_>>(),
        "canonical N-Quads are sorted"
    );
}

#[wasm_bindgen_test]
fn the_upload_form_is_checked_as_unsealed() {
    let manifest = json("manifest.json");
    let case = manifest["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .find(|c| c["check"] == "before_sealing")
        .expect("an upload-form vector");
    let input = bytes(file(case["input"].as_str().expect("input")));
    assert_eq!(
        mc::detect_format(input.clone()).expect("format"),
        "upload_form"
    );
    let found = to_json(&mc::findings(input, JsValue::UNDEFINED).expect("findings"));
    let codes: Vec<&serde_json::Value> = found
        .as_array()
        .expect("a list")
        .iter()
        .map(|f| &f["code"])
        .collect();
    let want: Vec<&serde_json::Value> = case["expect"]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| &f["code"])
        .collect();
    assert_eq!(codes, want);
}

/// `new Verifier(options)` throws what `verify(input, options)` throws for the same options, at
/// construction, with the core's codes and paths.
#[wasm_bindgen_test]
fn a_verifier_that_cannot_be_made_throws_the_cores_codes() {
    let invalid_date = new_object();
    set(
        &invalid_date,
        "at",
        &js_sys::Date::new(&JsValue::from_str("not a date")),
    );
    let cases: Vec<(JsValue, &str, &str)> = vec![
        (
            object(r#"{"at": "yesterday"}"#),
            "config.invalid_time",
            "options.at",
        ),
        (invalid_date, "config.malformed", "options.at"),
        (
            object(r#"{"trustAnchors": ["no PEM here"]}"#),
            "config.trust_anchor",
            "options.trustAnchors[0]",
        ),
        (
            object(r#"{"trustAnchors": "no PEM here"}"#),
            "config.trust_anchor",
            "options.trustAnchors[0]",
        ),
    ];
    for (options, want_code, want_path) in cases {
        let made = thrown(mc::Verifier::new(options.clone()));
        assert_eq!(made.0, "ConfigError");
        assert_eq!(
            (made.1.as_str(), made.2.as_deref()),
            (want_code, Some(want_path))
        );
        assert_eq!(made, thrown(mc::verify(plain(), options)));
    }
    let (_, code, _, _) = thrown(mc::Verifier::new(object(r#"{"trustedList": "<x/>"}"#)));
    assert_eq!(code, "config.trusted_list");
    // A wrong input to a Verifier is the same coded error as to `verify`.
    let verifier = mc::Verifier::new(JsValue::UNDEFINED).expect("a verifier");
    let (_, code, path, _) = thrown(verifier.verify(JsValue::from_f64(42.0)));
    assert_eq!(
        (code.as_str(), path.as_deref()),
        ("json.wrong_type", Some("input"))
    );
    let (_, code, _, _) = thrown(verifier.status_lists_needed(JsValue::NULL));
    assert_eq!(code, "json.wrong_type");
}

/// A Verifier made without `at` reads JavaScript's clock at each verification; one made with
/// `at` verifies as of that time, however late it is used.
#[wasm_bindgen_test]
fn a_verifier_without_at_reads_the_clock_at_each_verification() {
    let manifest = json("verify.json");
    let case = manifest["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .find(|c| c["name"] == "signed-di-w3c")
        .expect("the signed-di-w3c vector");
    let data = file(case["input"].as_str().expect("input"));
    let until = json(case["input"].as_str().expect("input"))["validUntil"]
        .as_str()
        .expect("validUntil")
        .to_owned();
    let expiry = |report: &serde_json::Value| {
        report["checks"]
            .as_array()
            .expect("checks")
            .iter()
            .find(|c| c["kind"] == "expiry")
            .expect("an expiry check")["code"]
            .clone()
    };
    let millis = |text: &serde_json::Value| js_sys::Date::parse(text.as_str().expect("a time"));

    let current = mc::Verifier::new(JsValue::UNDEFINED).expect("a verifier");
    let before = js_sys::Date::now();
    let first = to_json(&current.verify(bytes(data)).expect("a report"));
    let after = js_sys::Date::now();
    let at = millis(&first["checkedAt"]);
    assert!(
        before <= at && at <= after,
        "{} not now",
        first["checkedAt"]
    );
    // The credential is valid until `until`: the current time decides the expiry check.
    let want = if after < js_sys::Date::parse(&until) {
        "expiry.ok"
    } else {
        "expiry.expired"
    };
    assert_eq!(expiry(&first), want);
    // Once the clock has moved on, the same verifier checks at the new time.
    while js_sys::Date::now() <= at {}
    let second = to_json(&current.verify(bytes(data)).expect("a report"));
    assert!(millis(&second["checkedAt"]) > at, "{}", second["checkedAt"]);

    // With `at`, that time: after `validUntil` the credential has expired, before it it has not.
    let late = mc::Verifier::new(object(r#"{"at": "2099-01-01T00:00:00Z"}"#)).expect("a verifier");
    let report = to_json(&late.verify(bytes(data)).expect("a report"));
    assert_eq!(report["checkedAt"], "2099-01-01T00:00:00Z");
    assert_eq!(expiry(&report), "expiry.expired");
    let options = new_object();
    set(
        &options,
        "at",
        &js_sys::Date::new(&JsValue::from_str(
            manifest["clock"].as_str().expect("clock"),
        )),
    );
    let early = mc::Verifier::new(options).expect("a verifier");
    while js_sys::Date::now() <= after + 1.0 {}
    let report = to_json(&early.verify(bytes(data)).expect("a report"));
    assert_eq!(report["checkedAt"], manifest["clock"]);
    assert_eq!(expiry(&report), "expiry.ok");
}

/// Bad input through a Verifier: a report with the core's code, never a throw or a trap; a
/// tampered file is in verify.json, which vectors.rs runs through a Verifier.
#[wasm_bindgen_test]
fn a_verifier_reports_truncated_deep_and_oversized_input() {
    let verifier = mc::Verifier::new(JsValue::UNDEFINED).expect("a verifier");
    let whole = file("cases/valid-1.json");
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let large = vec![b' '; 17 * 1024 * 1024];
    for (input, code) in [
        (bytes(&whole[..whole.len() / 2]), "json.truncated"),
        (JsValue::from_str(&deep), "json.too_deep"),
        (bytes(&large), "json.too_large"),
    ] {
        let report = to_json(&verifier.verify(input).expect("a report"));
        assert_eq!(
            (&report["verdict"], &report["checks"][0]["code"]),
            (&json!("invalid"), &json!(code))
        );
    }
}
