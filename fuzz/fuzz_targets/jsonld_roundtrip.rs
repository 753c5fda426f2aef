//! Whatever the reader accepts must write and read back to an equal value, and nothing may panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(credential) = microcred::json::parse_unverified(bytes) else { return };
    let written = microcred::json::to_string(&credential);
    let again = microcred::json::parse(written.as_bytes()).expect("the writer's output reads back");
    assert_eq!(again, credential, "parse → write → parse changed the value");
    let form = microcred::json::to_upload_form(&credential);
    microcred::json::parse(form.as_bytes()).expect("the upload form reads back");
});
