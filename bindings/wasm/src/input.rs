//! What JavaScript passes for a file: a `string` (the text itself), a `Uint8Array` or an
//! `ArrayBuffer`. Anything else is a coded error that names the type, never a crash.

use js_sys::{ArrayBuffer, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

use crate::errors::wrong_input;

/// The bytes of `value`.
pub fn bytes(value: &JsValue, what: &str) -> Result<Vec<u8>, JsValue> {
    if let Some(text) = value.as_string() {
        return Ok(text.into_bytes());
    }
    if let Some(array) = value.dyn_ref::<Uint8Array>() {
        return Ok(array.to_vec());
    }
    if let Some(buffer) = value.dyn_ref::<ArrayBuffer>() {
        return Ok(Uint8Array::new(buffer).to_vec());
    }
    Err(wrong_input(
        what,
        &format!(
            "{what}: expected a string, Uint8Array or ArrayBuffer, not {}",
            type_name(value)
        ),
    ))
}

/// The JavaScript type of a value, for messages (never the value itself).
pub fn type_name(value: &JsValue) -> String {
    if value.is_null() {
        return "null".to_owned();
    }
    if js_sys::Array::is_array(value) {
        return "an array".to_owned();
    }
    value
        .js_typeof()
        .as_string()
        .unwrap_or_else(|| "?".to_owned())
}
