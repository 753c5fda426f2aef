//! Core errors as JavaScript `Error` objects: the core's message, with `code`, `path` and
//! `category` properties from the core's error and `name` from its category (`ParseError`,
//! `ConfigError`, ...), as the Python binding names its exception classes.

use js_sys::{Error, Reflect};
use microcred::ErrorCode;
use microcred::codes::Category;
use wasm_bindgen::JsValue;

/// The JavaScript error for a core error. The message is the core's (it never quotes learner
/// data).
pub fn to_js<E: ErrorCode>(error: &E) -> JsValue {
    let path = error.path().map(|p| p.into_owned());
    coded(
        error.code(),
        path.as_deref(),
        error.category(),
        &error.to_string(),
    )
}

/// An `Error` with these fields.
pub fn coded(code: &str, path: Option<&str>, category: Category, message: &str) -> JsValue {
    let error = Error::new(message);
    error.set_name(category.exception());
    set(&error, "code", &JsValue::from_str(code));
    set(
        &error,
        "path",
        &path.map(JsValue::from_str).unwrap_or(JsValue::NULL),
    );
    set(&error, "category", &JsValue::from_str(category.name()));
    error.into()
}

/// A verifier configuration error, its path named as the options name it (`options.at`,
/// `options.trustAnchors[1]`) rather than as the core's configuration JSON does (`$.clock`,
/// `$.trust_anchors[1]`).
pub fn config_to_js(error: &microcred::verify::ConfigError) -> JsValue {
    let path = error.path().map(|path| {
        const NAMES: [(&str, &str); 5] = [
            ("$.clock", "options.at"),
            ("$.trust_anchors", "options.trustAnchors"),
            ("$.trusted_lists", "options.trustedList"),
            ("$.contexts", "options.contexts"),
            ("$.status_lists", "options.statusLists"),
        ];
        NAMES
            .iter()
            .find_map(|(core, js)| path.strip_prefix(core).map(|rest| format!("{js}{rest}")))
            .unwrap_or(path)
    });
    coded(
        error.code(),
        path.as_deref(),
        Category::Config,
        &error.to_string(),
    )
}

/// Options of the wrong shape: the options are the verifier's configuration, so this is the
/// core's `config.malformed`, with the option concerned as the path.
pub fn malformed_options(path: &str, message: &str) -> JsValue {
    coded("config.malformed", Some(path), Category::Config, message)
}

/// An argument that is not a string or bytes where a file is expected: `json.wrong_type` (a value
/// of the wrong type), with the argument's name as the path.
pub fn wrong_input(what: &str, message: &str) -> JsValue {
    coded("json.wrong_type", Some(what), Category::Parse, message)
}

fn set(error: &Error, key: &str, value: &JsValue) {
    // Setting a property on a fresh `Error` cannot fail (it is an ordinary extensible object).
    let _ = Reflect::set(error, &JsValue::from_str(key), value);
}
