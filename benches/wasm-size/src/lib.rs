//! A size probe, not a binding: a `cdylib` that exports the core's entry points the WASM binding
//! calls, over a plain pointer-and-length ABI, so that `measure.sh` can tell what the core costs
//! in a browser module (BENCHMARKS.md, "WASM size"). No wasm-bindgen: what is measured is the
//! core alone.
//!
//! Each export takes its input from buffers made by [`mc_alloc`] and returns a handle to an
//! output buffer (`pointer << 32 | length`, JSON or text) that the caller frees with [`mc_free`].
//! The same entry points are plain Rust functions too ([`verify`], [`findings`], ...), which the
//! tests call natively.
//!
//! With the `full` feature (the default) the module also exports Data Integrity verification,
//! N-Quads and RDF/XML (the second module); without it, only the verification path (JAdES,
//! X.509, the profile check, the report and the summary).

use microcred::json::Reader;
use microcred::verify::{Verifier, VerifierConfig};

fn error(code: &str) -> String {
    format!("{{\"error\":\"{code}\"}}")
}

/// `verify(input, options)`: the report as JSON. `options` is a `VerifierConfig` as JSON; the
/// status lists the file needs are named first (the page fetches them), then given.
pub fn verify(bytes: &[u8], options: &str) -> String {
    let config = match VerifierConfig::from_json(options) {
        Ok(config) => config,
        Err(e) => return error(e.code()),
    };
    let verifier = match Verifier::from_config(&config) {
        Ok(verifier) => verifier,
        Err(e) => return error(e.code()),
    };
    let needed = verifier.status_lists_needed(bytes);
    let mut lists = microcred::status::StatusLists::new();
    for list in &needed {
        if let Some(given) = config.status_lists.get(&list.url) {
            lists.insert(list.url.clone(), given.to_vec());
        }
    }
    verifier.verify_with_status_lists(bytes, &lists).to_json()
}

/// `findings(input)`: the profile findings' codes of a credential as read, and its summary.
pub fn findings(bytes: &[u8]) -> String {
    match Reader::new().read_any_unverified(bytes) {
        Ok((credential, form)) => {
            let findings = microcred::profile::check_as_read(&credential, form);
            let summary = credential.summary();
            let codes: Vec<_> = findings.iter().map(|f| f.code.to_string()).collect();
            serde_json::json!({
                "codes": codes,
                "title": summary.title,
                "issuer": summary.issuer,
                "country": summary.country,
                "ects": summary.ects,
                "eqf": summary.eqf_level,
                "issued": summary.issued,
            })
            .to_string()
        }
        Err(e) => error(e.code()),
    }
}

/// `toXml(input)`: RDF/XML.
#[cfg(feature = "full")]
pub fn to_xml(bytes: &[u8]) -> String {
    match Reader::new().read_any_unverified(bytes) {
        Ok((credential, _)) => match microcred::xml::to_rdf_xml(&credential) {
            Ok(xml) => xml,
            Err(e) => error(e.code()),
        },
        Err(e) => error(e.code()),
    }
}

/// `toNQuads(input, canonical)`.
#[cfg(feature = "full")]
pub fn to_nquads(bytes: &[u8], canonical: bool) -> String {
    let credential = match Reader::new().read_any_unverified(bytes) {
        Ok((credential, _)) => credential,
        Err(e) => return error(e.code()),
    };
    let dataset = match microcred::rdf::to_dataset(&credential) {
        Ok(dataset) => dataset,
        Err(e) => return error(e.code()),
    };
    if canonical {
        microcred::rdf::canonical_nquads(&dataset).unwrap_or_else(|e| error(e.code()))
    } else {
        dataset.to_nquads()
    }
}

/// Data Integrity verification of a JSON document (`eddsa-rdfc-2022`, bundled contexts): the
/// verification method, or the error code.
#[cfg(feature = "full")]
pub fn verify_proof(bytes: &[u8]) -> String {
    let Ok(document) = serde_json::from_slice::<serde_json::Value>(bytes) else {
        return error("json.syntax");
    };
    match microcred::proof::DataIntegrityVerifier::new().verify(&document) {
        Ok(proof) => serde_json::json!({ "method": proof.verification_method }).to_string(),
        Err(e) => error(e.code()),
    }
}

/// Allocates `len` bytes for an input (taken back by the export it is given to).
#[unsafe(no_mangle)]
pub extern "C" fn mc_alloc(len: usize) -> *mut u8 {
    let mut buf = std::mem::ManuallyDrop::new(Vec::<u8>::with_capacity(len));
    buf.as_mut_ptr()
}

/// Frees an output buffer returned by an export.
///
/// # Safety
/// `handle` must come from an export of this module and be freed once.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mc_free(handle: u64) {
    let ptr = (handle >> 32) as usize as *mut u8;
    let len = (handle & 0xffff_ffff) as usize;
    // SAFETY: the handle was made by `output` from a boxed slice of that length.
    drop(unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(ptr, len)) });
}

/// Takes back an input buffer made by `mc_alloc`.
///
/// # Safety
/// `ptr` must come from `mc_alloc(len)`, filled by the caller.
unsafe fn input(ptr: *mut u8, len: usize) -> Vec<u8> {
    // SAFETY: allocated by `mc_alloc` with capacity `len` and filled by the caller.
    unsafe { Vec::from_raw_parts(ptr, len, len) }
}

fn output(text: String) -> u64 {
    let boxed = text.into_bytes().into_boxed_slice();
    let len = boxed.len() as u64;
    let ptr = Box::into_raw(boxed) as *mut u8 as usize as u64;
    (ptr << 32) | len
}

/// [`verify`] over the ABI.
///
/// # Safety
/// Both buffers must come from `mc_alloc`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mc_verify(ptr: *mut u8, len: usize, opt: *mut u8, opt_len: usize) -> u64 {
    let bytes = unsafe { input(ptr, len) };
    let options = unsafe { input(opt, opt_len) };
    match std::str::from_utf8(&options) {
        Ok(options) => output(verify(&bytes, options)),
        Err(_) => output(error("config.not_utf8")),
    }
}

/// [`findings`] over the ABI.
///
/// # Safety
/// The buffer must come from `mc_alloc`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mc_findings(ptr: *mut u8, len: usize) -> u64 {
    output(findings(&unsafe { input(ptr, len) }))
}

/// [`to_xml`] over the ABI.
///
/// # Safety
/// The buffer must come from `mc_alloc`.
#[cfg(feature = "full")]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mc_to_xml(ptr: *mut u8, len: usize) -> u64 {
    output(to_xml(&unsafe { input(ptr, len) }))
}

/// [`to_nquads`] over the ABI.
///
/// # Safety
/// The buffer must come from `mc_alloc`.
#[cfg(feature = "full")]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mc_to_nquads(ptr: *mut u8, len: usize, canonical: bool) -> u64 {
    output(to_nquads(&unsafe { input(ptr, len) }, canonical))
}

/// [`verify_proof`] over the ABI.
///
/// # Safety
/// The buffer must come from `mc_alloc`.
#[cfg(feature = "full")]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mc_verify_proof(ptr: *mut u8, len: usize) -> u64 {
    output(verify_proof(&unsafe { input(ptr, len) }))
}
