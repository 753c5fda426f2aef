//! The shared vectors through the JavaScript API, in Node and in a browser (scripts/wasm.sh runs
//! this suite in both): the same formats, reader error codes, findings and verification reports
//! as crates/microcred/tests/vectors.rs and the Python tests.

#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use microcred_wasm as mc;
use serde_json::{Value, json};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

/// `detectFormat` as the manifests record it: the name, or null when the input is unreadable
/// (then the error is a parse error).
fn detected(input: &JsValue) -> Value {
    match mc::detect_format(input.clone()) {
        Ok(name) => Value::from(name),
        Err(error) => {
            let (name, _, _, category) = error_fields(&error);
            assert_eq!((name.as_str(), category.as_str()), ("ParseError", "parse"));
            Value::Null
        }
    }
}

#[wasm_bindgen_test]
fn every_manifest_case_gives_its_recorded_outcome() {
    let manifest = json("manifest.json");
    let cases = manifest["cases"].as_array().expect("cases");
    assert!(cases.len() > 60, "only {} cases", cases.len());
    for case in cases {
        let name = case["name"].as_str().expect("name");
        let input = bytes(file(case["input"].as_str().expect("input")));
        assert_eq!(detected(&input), case["format"], "{name}: format");
        let options = new_object();
        let unverified = case["read"] == "parse_unverified";
        set(&options, "unverified", &JsValue::from_bool(unverified));
        let expect = &case["expect"];
        match (mc::parse(input.clone(), options), expect["error"].as_str()) {
            (Err(error), Some(code)) => {
                let (error_name, got, _, category) = error_fields(&error);
                assert_eq!(got, code, "{name}");
                let info = microcred::codes::lookup(code).expect("a catalogued code");
                assert_eq!(error_name, info.category.exception(), "{name}");
                assert_eq!(category, info.category.name(), "{name}");
                continue;
            }
            (Err(error), None) => panic!("{name}: unexpected error {:?}", error_fields(&error)),
            (Ok(_), Some(code)) => panic!("{name}: expected the error {code}"),
            (Ok(credential), None) => {
                assert!(
                    to_json(&credential).is_object(),
                    "{name}: parse gives an object"
                );
            }
        }
        let options = new_object();
        if case["check"] == "elm_3_2" {
            set(&options, "elmVersion", &JsValue::from_str("3.2"));
        }
        let found = to_json(&mc::findings(input, options).expect("findings"));
        let got: Vec<Value> = found
            .as_array()
            .expect("a list")
            .iter()
            .map(|f| json!({"code": f["code"], "severity": f["severity"], "path": f["path"]}))
            .collect();
        assert_eq!(Value::Array(got), expect["findings"], "{name}");
        let list = found.as_array().expect("a list");
        assert!(
            list.iter()
                .all(|f| f["message"].as_str().is_some_and(|m| !m.is_empty()))
        );
        let valid = !list.iter().any(|f| f["severity"] == "error");
        assert_eq!(Some(valid), expect["valid"].as_bool(), "{name}");
        if let Some(target) = case["target"].as_str() {
            assert!(list.iter().any(|f| f["code"] == target), "{name}: {target}");
        }
    }
}

#[wasm_bindgen_test]
fn every_verification_case_gives_its_recorded_report() {
    let manifest = json("verify.json");
    let cases = manifest["cases"].as_array().expect("cases");
    assert!(cases.len() >= 25, "only {} cases", cases.len());
    let options = verify_options(&manifest);
    for case in cases {
        let name = case["name"].as_str().expect("name");
        let data = file(case["input"].as_str().expect("input"));
        assert_eq!(detected(&bytes(data)), case["format"], "{name}: format");
        let report = to_json(&mc::verify(bytes(data), options.clone()).expect("a report"));
        assert_eq!(outline(&report), case["expect"], "{name}");
        assert_eq!(
            report["valid"],
            case["expect"]["verdict"] == "valid",
            "{name}"
        );
        // Text gives the same report as bytes.
        let text = JsValue::from_str(std::str::from_utf8(data).expect("UTF-8"));
        let again = to_json(&mc::verify(text, options.clone()).expect("a report"));
        assert_eq!(outline(&again), case["expect"], "{name} (text)");
    }
}

/// The two-phase status path a page uses: ask which lists are needed, fetch them, verify with
/// them; the same reports as with every list given.
#[wasm_bindgen_test]
fn status_lists_in_two_phases_give_the_recorded_reports() {
    let manifest = json("verify.json");
    let served = manifest["status_lists"].as_object().expect("status_lists");
    let mut asked = 0;
    for case in manifest["cases"].as_array().expect("cases") {
        let name = case["name"].as_str().expect("name");
        let input = bytes(file(case["input"].as_str().expect("input")));
        let needed =
            to_json(&mc::status_lists_needed(input.clone(), JsValue::UNDEFINED).expect("needed"));
        let options = verify_options(&manifest);
        let lists = new_object();
        for entry in needed.as_array().expect("a list") {
            let url = entry["url"].as_str().expect("url");
            assert!(entry["purpose"].as_str().is_some(), "{name}: purpose");
            // "Fetch" it: the vectors serve some URLs; any other is unavailable.
            if let Some(file_name) = served.get(url) {
                set(
                    &lists,
                    url,
                    &bytes(file(file_name.as_str().expect("a file"))),
                );
                asked += 1;
            }
        }
        set(&options, "statusLists", &lists);
        let report = to_json(&mc::verify(input, options).expect("a report"));
        assert_eq!(outline(&report), case["expect"], "{name}");
    }
    assert!(asked > 0, "no vector needs a status list");
}

#[wasm_bindgen_test]
fn a_sealed_vector_reports_its_seal_in_camel_case() {
    let manifest = json("verify.json");
    let case = &manifest["cases"][0];
    let input = bytes(file(case["input"].as_str().expect("input")));
    let report = to_json(&mc::verify(input, verify_options(&manifest)).expect("a report"));
    assert_eq!(report["securing"], "jades");
    assert_eq!(report["checkedAt"], "2026-02-01T00:00:00Z");
    let seal = &report["seal"];
    for key in [
        "sealedBy",
        "sealedAt",
        "algorithm",
        "level",
        "certificateIssuer",
    ] {
        assert!(
            seal[key].as_str().is_some_and(|s| !s.is_empty()),
            "seal.{key}: {seal}"
        );
    }
    assert_eq!(seal["algorithm"], "ES256");
    assert!(seal["qualified"].is_boolean() && seal["trusted"] == true);
    let check = report["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .find(|c| c["kind"] == "seal")
        .expect("a seal check");
    assert_eq!(
        check["iri"],
        "http://data.europa.eu/snb/verification/f9c2016fe9"
    );
    assert_eq!(
        check["statusIri"],
        "http://data.europa.eu/snb/verification/9895008394"
    );
    assert_eq!(check["advisory"], false);
    // The summary of the same file, read without verifying its seal.
    let input = bytes(file(case["input"].as_str().expect("input")));
    let summary = to_json(&mc::summary(input).expect("a summary"));
    for key in ["title", "issuer", "country", "ects", "eqfLevel", "issued"] {
        assert!(!summary[key].is_null(), "summary.{key}: {summary}");
        assert_eq!(summary[key], report[key], "{key}");
    }
    for key in [
        "learningOutcomes",
        "participation",
        "assessments",
        "qualityAssurance",
    ] {
        assert!(summary[key].is_array(), "summary.{key}: {summary}");
    }
    assert!(
        !summary["learningOutcomes"]
            .as_array()
            .expect("a list")
            .is_empty()
    );
    // The learner's name is on the report for the one who asks, but not enumerable: it is not
    // in the report's JSON, as the core keeps it out of its own.
    let learner = summary["learner"].as_str().expect("the learner's name");
    let input = bytes(file(case["input"].as_str().expect("input")));
    let report = mc::verify(input, verify_options(&manifest)).expect("a report");
    assert_eq!(
        get(&report, "learner").as_string().as_deref(),
        Some(learner)
    );
    let text = String::from(js_sys::JSON::stringify(&report).expect("JSON"));
    assert!(!text.contains(learner) && !text.contains("\"learner\""));
    assert!(to_json(&report).get("learner").is_none());
    assert_eq!(summary["eqfLevel"], 6, "{summary}");
    assert!(
        summary["ects"].as_f64().is_some_and(|e| e > 0.0),
        "{summary}"
    );
}

#[wasm_bindgen_test]
fn the_catalogue_is_the_cores() {
    let codes = to_json(&mc::codes().expect("codes"));
    let committed = json("codes.json");
    let want: Vec<&Value> = committed["codes"]
        .as_array()
        .expect("codes")
        .iter()
        .map(|c| &c["code"])
        .collect();
    let got: Vec<&Value> = codes
        .as_array()
        .expect("a list")
        .iter()
        .map(|c| &c["code"])
        .collect();
    assert_eq!(got, want);
    let parse = codes
        .as_array()
        .expect("a list")
        .iter()
        .find(|c| c["code"] == "json.syntax")
        .expect("json.syntax");
    assert_eq!(parse["category"], "parse");
    assert_eq!(parse["errorName"], "ParseError");
    assert!(parse["severity"].is_null());
}

/// A `Verifier` made once from the vectors' options gives, for every case, the same report as
/// `verify(input, options)` (the whole report, learner included), and so does one made for that
/// case alone; its `statusListsNeeded` names the same lists.
#[wasm_bindgen_test]
fn a_verifier_gives_the_reports_of_verify() {
    let manifest = json("verify.json");
    let options = verify_options(&manifest);
    let shared = mc::Verifier::new(options.clone()).expect("a verifier");
    let mut checked = 0;
    for case in manifest["cases"].as_array().expect("cases") {
        let name = case["name"].as_str().expect("name");
        let data = file(case["input"].as_str().expect("input"));
        let want = mc::verify(bytes(data), options.clone()).expect("a report");
        let own = mc::Verifier::new(options.clone()).expect("a verifier");
        for (verifier, which) in [(&shared, "shared"), (&own, "own")] {
            let got = verifier.verify(bytes(data)).expect("a report");
            assert_eq!(to_json(&got), to_json(&want), "{name} ({which} verifier)");
            assert_eq!(outline(&to_json(&got)), case["expect"], "{name} ({which})");
            assert_eq!(
                get(&got, "learner"),
                get(&want, "learner"),
                "{name} ({which}): learner"
            );
        }
        // Text as well as bytes.
        let text = JsValue::from_str(std::str::from_utf8(data).expect("UTF-8"));
        let again = shared.verify(text.clone()).expect("a report");
        assert_eq!(to_json(&again), to_json(&want), "{name} (text)");
        assert_eq!(
            to_json(&shared.status_lists_needed(text).expect("needed")),
            to_json(&mc::status_lists_needed(bytes(data), options.clone()).expect("needed")),
            "{name}: status lists needed"
        );
        drop(own);
        checked += 1;
    }
    assert!(checked >= 25, "only {checked} cases");
    // The learner stays out of the report's JSON, as with `verify`.
    let first = file(manifest["cases"][0]["input"].as_str().expect("input"));
    let report = shared.verify(bytes(first)).expect("a report");
    let learner = get(&report, "learner").as_string().expect("a learner");
    let text = String::from(js_sys::JSON::stringify(&report).expect("JSON"));
    assert!(!text.contains(&learner) && !text.contains("\"learner\""));
}

/// A member name of the core's report JSON as the report object names it: camelCase, and two of
/// the seal's members renamed for people. (A presentation's members: see `missing_members`.)
fn js_name(core: &str) -> String {
    match core {
        "certificate_subject" => "sealedBy".to_owned(),
        "signing_time" => "sealedAt".to_owned(),
        _ => {
            let mut parts = core.split('_');
            let mut name = parts.next().unwrap_or_default().to_owned();
            for part in parts {
                let mut chars = part.chars();
                name.extend(chars.next().map(|c| c.to_ascii_uppercase()));
                name.push_str(chars.as_str());
            }
            name
        }
    }
}

/// Where `js` lacks a member `core` has, recursively (arrays item by item).
fn missing_members(core: &Value, js: &Value, at: &str, out: &mut Vec<String>) {
    match (core, js) {
        (Value::Object(core), Value::Object(js)) => {
            for (key, value) in core {
                let path = format!("{at}.{key}");
                // A presentation's `{id, credentials}` is on the report object itself, as
                // `presentationId` (left out when there is none) and `credentials`.
                if let ("presentation", Value::Object(presentation)) = (key.as_str(), value) {
                    for (member, value) in presentation {
                        let name = if member == "id" {
                            "presentationId"
                        } else {
                            member
                        };
                        match js.get(name) {
                            Some(mirror) => missing_members(value, mirror, &path, out),
                            None if member == "id" && value.is_null() => {}
                            None => out.push(format!("{path}.{member}")),
                        }
                    }
                    continue;
                }
                match js.get(&js_name(key)) {
                    Some(mirror) => missing_members(value, mirror, &path, out),
                    None => out.push(path),
                }
            }
        }
        (Value::Array(core), Value::Array(js)) => {
            for (index, (value, mirror)) in core.iter().zip(js).enumerate() {
                missing_members(value, mirror, &format!("{at}[{index}]"), out);
            }
        }
        _ => {}
    }
}

/// The report object mirrors the core's report (bindings/wasm/src/types.rs, where tsify derives
/// the TypeScript): every member of the core's report JSON is there, camelCased, down through
/// checks, findings, the seal, its time-stamps and a presentation's credentials. A member the
/// core gains and the mirror misses fails here.
#[wasm_bindgen_test]
fn the_report_object_has_every_member_of_the_cores_report() {
    let manifest = json("verify.json");
    let pem = std::str::from_utf8(file(manifest["trust_anchors"].as_str().expect("anchors")))
        .expect("PEM text");
    let clock = manifest["clock"].as_str().expect("clock");
    let config = microcred::verify::VerifierConfig::from_json(
        &json!({"clock": clock, "trust_anchors": [{"pem": pem}]}).to_string(),
    )
    .expect("a configuration");
    let core = microcred::verify::Verifier::from_config(&config).expect("a verifier");
    let options = new_object();
    set(&options, "trustAnchors", &JsValue::from_str(pem));
    set(&options, "at", &JsValue::from_str(clock));
    let mut missing = Vec::new();
    for case in manifest["cases"].as_array().expect("cases") {
        let data = file(case["input"].as_str().expect("input"));
        let expected: Value = serde_json::from_str(&core.verify(data).to_json()).expect("JSON");
        let got = to_json(&mc::verify(bytes(data), options.clone()).expect("a report"));
        missing_members(
            &expected,
            &got,
            case["name"].as_str().expect("name"),
            &mut missing,
        );
    }
    assert!(missing.is_empty(), "not on the report object: {missing:?}");
}
