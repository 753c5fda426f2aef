//! The npm package `microcred`: the core crate for JavaScript, in browsers and Node. A thin
//! layer: it converts JavaScript values to the core's types and back (plain objects, camelCase)
//! and maps the core's errors to `Error` objects carrying the core's `code`, `path` and
//! `category`; every decision (what is valid, which code, which message) is the core's.
//!
//! The TypeScript declarations come from the types of [`types`] (tsify) and from the core's code
//! catalogue (`codes.d.ts`, see [`codes_typescript`]).

mod errors;
mod input;
pub mod types;

use std::cell::RefCell;

use js_sys::Date;
use microcred::json::{Form, Reader};
use microcred::status::StatusLists;
use microcred::verify::{
    AnchorConfig, ClockConfig, TrustPolicy, Verifier as CoreVerifier, VerifierConfig,
};
use microcred::{EuropeanDigitalCredential, ParseError, codes, json, profile, rdf, xml};
use serde::Serialize;
use time::OffsetDateTime;
use wasm_bindgen::prelude::*;

use crate::errors::{malformed_options, to_js};
use crate::types::{
    CodeInfo, FindingsOptions, NQuadsOptions, NeededStatusList, ParseOptions, Report, Summary,
    VerifyOptions,
};

// The names the generated declarations share, and the union of every code of the core's
// catalogue (codes.d.ts, generated from `microcred::codes` and kept current by a test).
#[wasm_bindgen(typescript_custom_section)]
const SHARED_TYPES: &str = r#"
/** The overall answer of a verification. */
export type Verdict = "valid" | "invalid" | "indeterminate";
/** The outcome of one check. */
export type CheckStatus = "ok" | "failed" | "skipped" | "indeterminate";
/** A credential as EDC JSON-LD (the core's lossless JSON). */
export type Credential = { [member: string]: unknown };
/** The kind of a file, as the core tells formats apart. */
export type Format = "edc_json_ld" | "upload_form" | "jades" | "data_integrity" | "w3c_credential" | "flattened_json_ld" | "presentation" | "compact_jws" | "rdf_xml" | "legacy_xml" | "xml" | "n_quads" | "other_json";
/** A verification report. */
export interface Report {
  /**
   * The learner's name, for the person who asked. Personal data: the property is not
   * enumerable, so `JSON.stringify(report)` and `console.log(report)` leave it out.
   */
  readonly learner: string | null;
}
/** What every error this package throws carries beside its message. */
export interface MicrocredError extends Error {
  /** The core's stable code (`json.syntax`, `config.trust_anchor`, ...). */
  code: Code;
  /** The JSON path or option concerned, or null. */
  path: string | null;
  /** The code's family. */
  category: Category;
}
"#;

#[wasm_bindgen(typescript_custom_section)]
const CODES: &str = include_str!("../codes.d.ts");

/// The TypeScript union of every code of the core's catalogue, and of its categories: the text
/// of `bindings/wasm/codes.d.ts` (a test keeps the committed file current).
pub fn codes_typescript() -> String {
    let mut out = String::from(
        "// Generated from the core's code catalogue (microcred::codes); do not edit.\n\
         // bindings/wasm/tests/codes.rs checks it; MICROCRED_BLESS=1 rewrites it.\n",
    );
    out.push_str("/** Every code the core can produce (`codes()` says what each means). */\nexport type Code =\n");
    for info in codes::catalogue() {
        out.push_str(&format!("  | {:?}\n", info.code));
    }
    out.push_str(";\n/** The family of a code. */\nexport type Category =\n");
    for category in codes::Category::ALL {
        out.push_str(&format!("  | {:?}\n", category.name()));
    }
    out.push_str(";\n");
    out
}

/// A value as a plain JavaScript object (maps as objects, `None` as `null`).
fn to_value<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_missing_as_null(true)
        .serialize_maps_as_objects(true);
    value
        .serialize(&serializer)
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

/// Options from JavaScript: `undefined` and `null` are the defaults; another shape, or a member
/// the options do not have (a misspelt name), is `config.malformed`.
fn read_options<T: types::Options>(value: JsValue, what: &str) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(malformed_options(
            what,
            &format!(
                "{what}: expected an object, not {}",
                input::type_name(&value)
            ),
        ));
    }
    // serde-wasm-bindgen reads only the members a struct names, so unknown ones are found here.
    let object: &js_sys::Object = value.unchecked_ref();
    for key in js_sys::Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        if !T::MEMBERS.contains(&key.as_str()) {
            return Err(malformed_options(
                &format!("{what}.{key}"),
                &format!(
                    "{what}: unknown option {key:?} (expected one of: {})",
                    T::MEMBERS.join(", ")
                ),
            ));
        }
    }
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| malformed_options(what, &format!("{what}: {e}")))
}

/// The core's verifier configuration from `verify`'s options, and whether `at` was absent (the
/// verifier then reads the current time at each verification: [`now`]).
fn config(options: VerifyOptions) -> Result<(VerifierConfig, bool), JsValue> {
    let mut config = VerifierConfig::now();
    let at = clock(&options.at)?;
    let current_time = at.is_none();
    // The core reads no clock on wasm32 (`config.clock_unavailable`): a fixed time here, replaced
    // by JavaScript's clock once the verifier is built.
    config.clock = at.unwrap_or_else(|| ClockConfig::at(now()));
    for pem in options
        .trust_anchors
        .map(|a| a.into_vec())
        .unwrap_or_default()
    {
        config.trust_anchors.push(AnchorConfig::Pem(pem));
    }
    config.trusted_lists = options
        .trusted_list
        .map(|l| l.into_vec())
        .unwrap_or_default();
    for (url, document) in options.contexts.unwrap_or_default() {
        let document = match document {
            serde_json::Value::String(text) => serde_json::from_str(&text).map_err(|e| {
                malformed_options(
                    &format!("options.contexts[{url:?}]"),
                    &format!("contexts[{url:?}]: not JSON ({e})"),
                )
            })?,
            other => other,
        };
        config.contexts.insert(url, document);
    }
    let mut lists = StatusLists::new();
    for (url, bytes) in options.status_lists.unwrap_or_default() {
        lists.insert(url, bytes.0);
    }
    config.status_lists = lists;
    config.trust_policy = if options.strict {
        TrustPolicy::Strict
    } else {
        TrustPolicy::Indeterminate
    };
    config.require_qualified = options.require_qualified;
    config.trusted_dids = options.trusted_dids;
    config.elm_version = options.elm_version.map(Into::into);
    Ok((config, current_time))
}

/// The clock of `at`: a `Date`, RFC 3339 text (which the core checks: `config.invalid_time`), or
/// `None` when absent (the current time, from JavaScript).
fn clock(value: &JsValue) -> Result<Option<ClockConfig>, JsValue> {
    if let Some(text) = value.as_string() {
        return Ok(Some(ClockConfig::At(text)));
    }
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let Some(date) = value.dyn_ref::<Date>() else {
        return Err(malformed_options(
            "options.at",
            &format!(
                "at: expected a Date or RFC 3339 text, not {}",
                input::type_name(value)
            ),
        ));
    };
    let millis = date.get_time();
    // An invalid Date's time is NaN.
    if !millis.is_finite() {
        return Err(malformed_options("options.at", "at: an invalid Date"));
    }
    OffsetDateTime::from_unix_timestamp_nanos(millis as i128 * 1_000_000)
        .map(|time| Some(ClockConfig::at(time)))
        .map_err(|_| malformed_options("options.at", "at: a Date out of range"))
}

/// The current time from JavaScript's clock (`Date.now()`), the clock of a verifier made without
/// `at`: the core reads none on wasm32.
fn now() -> OffsetDateTime {
    // `Date.now()` is a finite count of milliseconds within a Date's range (±8.64e15 ms), which
    // `OffsetDateTime` holds; the epoch is only a fallback the conversion's type asks for.
    OffsetDateTime::from_unix_timestamp_nanos(Date::now() as i128 * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// The core's verifier for `verify`'s options (`undefined` and `null` are the defaults): what
/// `verify`, `statusListsNeeded` and `new Verifier(options)` share.
fn core_verifier(options: JsValue) -> Result<CoreVerifier, JsValue> {
    let (config, current_time) = config(read_options::<VerifyOptions>(options, "options")?)?;
    let verifier = CoreVerifier::from_config(&config).map_err(|e| errors::config_to_js(&e))?;
    Ok(if current_time {
        verifier.with_clock(now)
    } else {
        verifier
    })
}

/// One verification as the report object `verify` returns.
fn report(verifier: &CoreVerifier, bytes: &[u8]) -> Result<JsValue, JsValue> {
    let report = verifier.verify(bytes);
    // As JSON text through JSON.parse (the same object: missing members are null, maps are
    // objects): one call across the boundary, where serialising to JS values makes a call per
    // member, a tenth of a small credential's verification in Node.
    let text = serde_json::to_string(&Report::from(&report))
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))?;
    let value = js_sys::JSON::parse(&text)?;
    add_learner(&value, &report);
    Ok(value)
}

/// The status lists `verifier` would consult for `input`, as `statusListsNeeded` returns them.
fn needed_lists(verifier: &CoreVerifier, bytes: &[u8]) -> Result<JsValue, JsValue> {
    let needed: Vec<NeededStatusList> = verifier
        .status_lists_needed(bytes)
        .into_iter()
        .map(|n| NeededStatusList {
            url: n.url,
            purpose: n.purpose,
        })
        .collect();
    to_value(&needed)
}

/// Verifies one file (a sealed JAdES credential, a credential with a Data Integrity proof, a
/// plain credential or a presentation): the seal, trust, expiry, status lists and the EDC
/// profile, each reported as a check. A bad credential does not throw: its report says what is
/// wrong. Options that cannot make a verifier throw (`config.*`).
///
/// Each call reads the options anew (trust anchors, contexts, status lists). To verify many files
/// with the same options, make one `Verifier` and call its `verify`; this function suits options
/// that change with each file (status lists fetched for each credential).
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn verify(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "VerifyOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let bytes = input::bytes(&input, "input")?;
    report(&core_verifier(options)?, &bytes)
}

/// The learner's name on a report object (and on each report of a presentation's credentials)
/// as a property that is not enumerable: `report.learner` reads it, `JSON.stringify` and
/// `console.log` leave it out, as the core keeps it out of the report's JSON.
fn add_learner(value: &JsValue, report: &microcred::verify::Report) {
    let descriptor = js_sys::Object::new();
    let learner = report
        .learner
        .get()
        .map(JsValue::from_str)
        .unwrap_or(JsValue::NULL);
    // Setting plain data members on a fresh object cannot fail.
    let _ = js_sys::Reflect::set(&descriptor, &"value".into(), &learner);
    let _ = js_sys::Reflect::set(&descriptor, &"enumerable".into(), &JsValue::FALSE);
    if let Some(object) = value.dyn_ref::<js_sys::Object>() {
        js_sys::Object::define_property(object, &"learner".into(), &descriptor);
    }
    if let Some(presentation) = &report.presentation {
        let held = js_sys::Reflect::get(value, &"credentials".into()).unwrap_or(JsValue::UNDEFINED);
        for (index, credential) in presentation.credentials.iter().enumerate() {
            let item = js_sys::Reflect::get_u32(&held, index as u32).unwrap_or(JsValue::UNDEFINED);
            add_learner(&item, credential);
        }
    }
}

/// The status list credentials verifying `input` would consult (each URL and purpose once):
/// fetch them (`fetch()`), then give their bytes to `verify` in `statusLists`. Reads only.
#[wasm_bindgen(js_name = statusListsNeeded, unchecked_return_type = "NeededStatusList[]")]
pub fn status_lists_needed(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "VerifyOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let bytes = input::bytes(&input, "input")?;
    needed_lists(&core_verifier(options)?, &bytes)
}

/// A verifier configured once, for many files: `new Verifier(options)` reads the options (the same
/// as `verify`'s, with the same errors, thrown here) and prepares what they hold (trust anchors,
/// trusted lists, compiled contexts); each `verify(input)` then checks one file, giving the same
/// report as `verify(input, options)`.
///
/// ```js
/// const verifier = new Verifier({ trustAnchors: pem, contexts });
/// for (const file of files) console.log(verifier.verify(file).verdict);
/// ```
///
/// - Time: with `at`, every verification is as of that time; without it, each verification reads
///   the current time (`Date.now()`) when it runs.
/// - Status lists given at construction serve every verification. A page that fetches the status
///   lists of each credential (`statusListsNeeded`, then `fetch()`) passes them to
///   `verify(input, { ...options, statusLists })` for that credential.
/// - Memory: the verifier lives in the WebAssembly module's memory. `free()` releases it at once
///   (and where the runtime has `Symbol.dispose`, `using` calls it). One that is not freed is
///   released when JavaScript collects it: the glue of wasm-bindgen 0.2.130 registers every object
///   with a `FinalizationRegistry` wherever one exists (Node 14.6+, current browsers), with no
///   build flag (older releases needed `--weak-refs`, which this one no longer has), so forgetting
///   `free()` does not leak; calling it returns the memory sooner.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Verifier {
    inner: CoreVerifier,
}

#[wasm_bindgen]
impl Verifier {
    /// A verifier for `options` (`verify`'s); options that cannot make one throw (`config.*`).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "VerifyOptions")] options: JsValue,
    ) -> Result<Verifier, JsValue> {
        Ok(Verifier {
            inner: core_verifier(options)?,
        })
    }

    /// Verifies one file, as `verify(input, options)` with this verifier's options does.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn verify(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
    ) -> Result<JsValue, JsValue> {
        report(&self.inner, &input::bytes(&input, "input")?)
    }

    /// The status list credentials verifying `input` would consult, as the module's
    /// `statusListsNeeded(input, options)` with this verifier's options names them.
    #[wasm_bindgen(js_name = statusListsNeeded, unchecked_return_type = "NeededStatusList[]")]
    pub fn status_lists_needed(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
    ) -> Result<JsValue, JsValue> {
        needed_lists(&self.inner, &input::bytes(&input, "input")?)
    }
}

/// A credential in any of the three JSON forms (plain, upload form, sealed), without verifying
/// a seal.
fn read_any(input: &JsValue) -> Result<(EuropeanDigitalCredential, Form), JsValue> {
    let bytes = input::bytes(input, "input")?;
    Reader::new()
        .read_any_unverified(&bytes)
        .map_err(|e| to_js(&e))
}

/// The credential as EDC JSON-LD (a plain object). Reads a plain credential or the EDC upload
/// form; a sealed file is refused (`json.sealed_input`) unless `{ unverified: true }`, which
/// reads its payload **without verifying the seal** (use `verify` for that).
#[wasm_bindgen(unchecked_return_type = "Credential")]
pub fn parse(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ParseOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let options: ParseOptions = read_options(options, "options")?;
    let (credential, form) = read_any(&input)?;
    if form == Form::SealedUnverified && !options.unverified {
        return Err(to_js(&ParseError::Sealed));
    }
    credential_value(&credential)
}

fn credential_value(credential: &EuropeanDigitalCredential) -> Result<JsValue, JsValue> {
    // As JSON text through JSON.parse: the core's own writer (the one the format check uses),
    // where serialising to JS values would link a second copy of every class's writer (about
    // 50 KB of the module, BENCHMARKS.md "WASM size").
    js_sys::JSON::parse(&json::to_value(credential).to_string())
}

/// The profile findings (EDC application profile and micro-credential completeness) of a
/// credential in any JSON form (a sealed one is read without verifying its seal; the upload
/// form is checked as unsealed). `{ elmVersion: "3.2" }` adds the `edc.version.*` findings.
#[wasm_bindgen(unchecked_return_type = "Finding[]")]
pub fn findings(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "FindingsOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let options: FindingsOptions = read_options(options, "options")?;
    let (credential, form) = read_any(&input)?;
    let found = match options.elm_version {
        None => profile::check_as_read(&credential, form),
        Some(v) => profile::check_as_read_as(&credential, form, v.into()),
    };
    let found: Vec<types::Finding> = found.iter().map(types::Finding::from).collect();
    to_value(&found)
}

/// RDF/XML of the credential's ELM graph (any JSON form; a seal is not verified).
#[wasm_bindgen(js_name = toXml)]
pub fn to_xml(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
) -> Result<String, JsValue> {
    let (credential, _) = read_any(&input)?;
    xml::to_rdf_xml(&credential).map_err(|e| to_js(&e))
}

/// Reads RDF/XML of the ELM graph (as `toXml` writes it): the credential as EDC JSON-LD.
#[wasm_bindgen(js_name = fromXml, unchecked_return_type = "Credential")]
pub fn from_xml(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] xml: JsValue,
) -> Result<JsValue, JsValue> {
    let bytes = input::bytes(&xml, "xml")?;
    let credential = xml::from_rdf_xml(&bytes).map_err(|e| to_js(&e))?;
    credential_value(&credential)
}

/// N-Quads of the credential's RDF dataset; `{ canonical: true }` gives RDFC-1.0 canonical
/// N-Quads.
#[wasm_bindgen(js_name = toNQuads)]
pub fn to_nquads(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "NQuadsOptions")] options: JsValue,
) -> Result<String, JsValue> {
    let options: NQuadsOptions = read_options(options, "options")?;
    let (credential, _) = read_any(&input)?;
    let dataset = rdf::to_dataset(&credential).map_err(|e| to_js(&e))?;
    if options.canonical {
        rdf::canonical_nquads(&dataset).map_err(|e| to_js(&e))
    } else {
        Ok(rdf::to_nquads(&dataset))
    }
}

/// What a person wants to see first in a credential (any JSON form; a seal is not verified).
#[wasm_bindgen(unchecked_return_type = "Summary")]
pub fn summary(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let (credential, _) = read_any(&input)?;
    to_value(&Summary::from(credential.summary()))
}

/// What `input` holds, as the core tells formats apart. Input the core cannot read throws its
/// error (`json.syntax`, `json.truncated`, ...).
#[wasm_bindgen(js_name = detectFormat, unchecked_return_type = "Format")]
pub fn detect_format(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
) -> Result<String, JsValue> {
    let bytes = input::bytes(&input, "input")?;
    microcred::Format::detect(&bytes)
        .map(|f| f.name().to_owned())
        .map_err(|e| to_js(&e))
}

/// Every code of the core's catalogue, sorted by code, with its category, the `name` of an error
/// with that code, its severity (profile findings) and what it means.
#[wasm_bindgen(unchecked_return_type = "CodeInfo[]")]
pub fn codes() -> Result<JsValue, JsValue> {
    let rows: Vec<CodeInfo> = codes::catalogue()
        .iter()
        .map(|info| CodeInfo {
            code: info.code,
            category: info.category.name(),
            error_name: info.category.exception(),
            severity: info.severity.map(|s| s.as_str()),
            meaning: info.meaning,
        })
        .collect();
    to_value(&rows)
}

thread_local! {
    /// The second module's `serve`, once the package's glue hands it over.
    static FULL_PROCESSOR: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Hands over the `serve` function of the package's second module (the full JSON-LD processor),
/// or `undefined` to let go of it. Called by the package's glue (`loadFullProcessor()` in
/// browsers, on first need in Node), not by users.
#[wasm_bindgen(js_name = useFullProcessor, skip_typescript)]
pub fn use_full_processor(serve: JsValue) {
    let serve = serve.dyn_into::<js_sys::Function>().ok();
    let installed = serve.is_some();
    FULL_PROCESSOR.with(|slot| *slot.borrow_mut() = serve);
    rdf::set_full_processor(installed.then_some(call_full_processor as rdf::FullProcessor));
}

/// The core's [`rdf::FullProcessor`]: the request to the second module and its reply, as text.
/// `None` (the core then says `rdf.needs_full_processor`) when the call throws.
fn call_full_processor(request: &str) -> Option<String> {
    let serve = FULL_PROCESSOR.with(|slot| slot.borrow().clone())?;
    serve
        .call1(&JsValue::NULL, &JsValue::from_str(request))
        .ok()?
        .as_string()
}

/// The version of the package (the crate's).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
