//! What the wasm-bindgen-test suites share: the embedded vectors and JS value helpers.

#![allow(dead_code)]

use js_sys::{Object, Reflect, Uint8Array};
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};

include!(concat!(env!("OUT_DIR"), "/vectors.rs"));

/// A vector file's bytes.
pub fn file(name: &str) -> &'static [u8] {
    vector_file(name).unwrap_or_else(|| panic!("{name} is not embedded"))
}

/// A vector file as JSON.
pub fn json(name: &str) -> Value {
    serde_json::from_slice(file(name)).expect("JSON")
}

/// Bytes as a `Uint8Array`, as a page holds a file it read.
pub fn bytes(data: &[u8]) -> JsValue {
    Uint8Array::from(data).into()
}

/// A JS value as JSON, to compare with the manifests.
pub fn to_json(value: &JsValue) -> Value {
    serde_wasm_bindgen::from_value(value.clone()).expect("a plain object")
}

/// JSON text as a JS object (what a caller passes).
pub fn object(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("JSON")
}

/// Sets `key` on a JS object.
pub fn set(target: &JsValue, key: &str, value: &JsValue) {
    Reflect::set(target, &JsValue::from_str(key), value).expect("an object");
}

/// A new empty JS object.
pub fn new_object() -> JsValue {
    Object::new().into()
}

/// A property of a JS object.
pub fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// What a thrown value says: (`name`, `code`, `path`, `category`), after checking it is an
/// `Error` with a message.
pub fn error_fields(error: &JsValue) -> (String, String, Option<String>, String) {
    let e = error.dyn_ref::<js_sys::Error>().expect("an Error object");
    assert!(!String::from(e.message()).is_empty(), "an empty message");
    (
        String::from(e.name()),
        get(error, "code").as_string().expect("a code"),
        get(error, "path").as_string(),
        get(error, "category").as_string().expect("a category"),
    )
}

/// The options the verification vectors are verified with: the test PKI's root, the status
/// lists of verify.json, at its clock.
pub fn verify_options(manifest: &Value) -> JsValue {
    let options = new_object();
    let pem = std::str::from_utf8(file(manifest["trust_anchors"].as_str().expect("anchors")))
        .expect("PEM text");
    set(&options, "trustAnchors", &JsValue::from_str(pem));
    let at = js_sys::Date::new(&JsValue::from_str(
        manifest["clock"].as_str().expect("clock"),
    ));
    set(&options, "at", &at);
    let lists = new_object();
    for (url, name) in manifest["status_lists"].as_object().expect("status_lists") {
        set(&lists, url, &bytes(file(name.as_str().expect("a file"))));
    }
    set(&options, "statusLists", &lists);
    options
}

/// The verdict and each check's kind, status and code; for a presentation, the same for each
/// credential it holds (verify.json's `expect`).
pub fn outline(report: &Value) -> Value {
    let mut got = serde_json::json!({
        "verdict": report["verdict"],
        "checks": report["checks"].as_array().expect("checks").iter().map(|c| serde_json::json!({
            "kind": c["kind"], "status": c["status"], "code": c["code"],
        })).collect::<Vec<_>>(),
    });
    if let Some(credentials) = report.get("credentials").and_then(Value::as_array) {
        got["credentials"] = credentials.iter().map(outline).collect();
    }
    got
}
