//! The EDC JSON-LD codec: read a credential in any of the forms EDC produces, write the EDC form.
//!
//! Three inputs are recognised:
//! - the plain credential (`{"@context": [...], "type": [...], ...}`),
//! - the EDC issuer's upload form (`{"credential": {...}}`, without `@context` or `issuer`),
//! - a JAdES-sealed file (`{"payload": "...", "signatures": [...]}`), whose payload is read only by
//!   [`parse_unverified`]: parsing signed input without verifying it has to say so.
//!
//! ```
//! # let bytes = microcred::issue::demo_credential_json();
//! let credential = microcred::json::parse(bytes.as_bytes())?;
//! let written = microcred::json::to_string(&credential);
//! assert_eq!(microcred::json::parse(written.as_bytes())?, credential);
//! # Ok::<(), microcred::json::ParseError>(())
//! ```

mod depth;
mod error;

use serde_json::Value;

pub use error::ParseError;

use crate::format::Format;
use crate::model::{Codec, EDC_CONTEXT, EuropeanDigitalCredential, JsonPath, Ser};
use crate::rdf::Contexts;

/// Contexts the reader accepts: the ones EDC writes and the W3C VC contexts. Anything else is an
/// error naming the URL (this crate never fetches a context).
pub const KNOWN_CONTEXTS: &[&str] = &[
    "https://www.w3.org/2018/credentials/v1",
    "https://www.w3.org/ns/credentials/v2",
    "http://data.europa.eu/snb/model/context/edc-ap",
    "https://w3id.org/security/data-integrity/v2",
    "https://w3id.org/vc/status-list/2021/v1",
];

/// Size and nesting limits for untrusted input. In JSON (a verifier configuration):
/// `{"max_bytes": 16777216, "max_depth": 64}`, a missing member taking its default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// The largest input accepted, in bytes (default 16 MiB).
    pub max_bytes: usize,
    /// The deepest nesting of objects and arrays accepted (default 64; the EC samples reach 14).
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 16 * 1024 * 1024,
            max_depth: 64,
        }
    }
}

/// The form a credential file came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Form {
    /// A plain JSON-LD credential.
    Plain,
    /// The EDC upload form, `{"credential": {...}}`.
    UploadForm,
    /// A JAdES-sealed file, read without verifying the seal.
    SealedUnverified,
}

/// Reads credentials under configurable limits.
#[derive(Debug, Clone, Default)]
pub struct Reader {
    limits: Limits,
    contexts: Contexts,
}

impl Reader {
    /// A reader with the default limits.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the limits.
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Also accepts the contexts registered in `contexts` (beside [`KNOWN_CONTEXTS`]). The reader
    /// reads terms by name, as the EDC context defines them: register only contexts that keep
    /// those meanings (a copy of the EDC context under another URL, or one that adds terms).
    pub fn with_contexts(mut self, contexts: Contexts) -> Self {
        self.contexts = contexts;
        self
    }

    /// Reads a plain credential or the upload form; a sealed file is refused with
    /// [`ParseError::Sealed`].
    pub fn read(&self, bytes: &[u8]) -> Result<EuropeanDigitalCredential, ParseError> {
        let (credential, form) = self.read_any_unverified(bytes)?;
        match form {
            Form::SealedUnverified => Err(ParseError::Sealed),
            _ => Ok(credential),
        }
    }

    /// Reads any of the three forms, taking a sealed file's payload **without verifying the seal**,
    /// and says which form it was.
    pub fn read_any_unverified(
        &self,
        bytes: &[u8],
    ) -> Result<(EuropeanDigitalCredential, Form), ParseError> {
        let root = self.parse_value(bytes)?;
        if crate::format::is_jades(&root) {
            let payload = root["payload"]
                .as_str()
                .ok_or_else(|| ParseError::MalformedSeal {
                    path: "$.payload".into(),
                    expected: "the credential as a JSON string (b64: false)",
                })?;
            let inner = self.parse_value(payload.as_bytes())?;
            return Ok((
                decode_credential(inner, &JsonPath::Root, true, &self.contexts)?,
                Form::SealedUnverified,
            ));
        }
        self.read_value(root)
    }

    /// Reads a plain credential or the upload form from a parsed JSON value (a credential
    /// embedded in a presentation, say); a sealed envelope is refused with
    /// [`ParseError::Sealed`].
    pub fn read_value(
        &self,
        mut root: Value,
    ) -> Result<(EuropeanDigitalCredential, Form), ParseError> {
        if crate::format::is_jades(&root) {
            return Err(ParseError::Sealed);
        }
        // The upload form wraps the credential in a `credential` member and nothing else types it.
        if root.get("type").is_none()
            && let Some(inner) = root.get_mut("credential").map(Value::take)
        {
            let at = JsonPath::Root;
            let mut credential =
                decode_credential(inner, &at.key("credential"), false, &self.contexts)?;
            // The upload form leaves the EDC context implicit; make it explicit so that the
            // credential means the same whichever form it is written in next.
            if credential.context.is_empty() {
                credential.context = EDC_CONTEXT.iter().map(|c| (*c).to_owned()).collect();
            }
            return Ok((credential, Form::UploadForm));
        }
        Ok((
            decode_credential(root, &JsonPath::Root, true, &self.contexts)?,
            Form::Plain,
        ))
    }

    /// What `bytes` hold (see [`Format::detect`]), under this reader's limits.
    pub fn detect(&self, bytes: &[u8]) -> Result<Format, ParseError> {
        if bytes.len() > self.limits.max_bytes {
            return Err(ParseError::TooLarge {
                size: bytes.len(),
                limit: self.limits.max_bytes,
            });
        }
        if let Some(format) = Format::sniff_text(bytes) {
            return Ok(format);
        }
        depth::check_depth(bytes, self.limits.max_depth)?;
        let value: Value = serde_json::from_slice(bytes)?;
        Ok(Format::of_json(&value))
    }

    /// Parses bytes to a JSON value under the limits. Text that is not JSON but another format
    /// this crate knows (XML, N-Quads) is named in the error.
    pub fn parse_value(&self, bytes: &[u8]) -> Result<Value, ParseError> {
        if bytes.len() > self.limits.max_bytes {
            return Err(ParseError::TooLarge {
                size: bytes.len(),
                limit: self.limits.max_bytes,
            });
        }
        match Format::sniff_text(bytes) {
            Some(Format::LegacyXml) => return Err(ParseError::Xml { legacy: true }),
            Some(Format::RdfXml | Format::Xml) => return Err(ParseError::Xml { legacy: false }),
            Some(Format::NQuads) => return Err(ParseError::NQuads),
            _ => {}
        }
        depth::check_depth(bytes, self.limits.max_depth)?;
        Ok(serde_json::from_slice(bytes)?)
    }
}

/// Reads a plain credential or the EDC upload form with the default limits.
pub fn parse(bytes: &[u8]) -> Result<EuropeanDigitalCredential, ParseError> {
    Reader::new().read(bytes)
}

/// Reads any form, a sealed file included, **without verifying the seal**. Use a verifier for
/// anything you will trust; this is for display, conversion and inspection.
pub fn parse_unverified(bytes: &[u8]) -> Result<EuropeanDigitalCredential, ParseError> {
    Reader::new()
        .read_any_unverified(bytes)
        .map(|(credential, _)| credential)
}

fn decode_credential(
    value: Value,
    at: &JsonPath<'_>,
    needs_context: bool,
    contexts: &Contexts,
) -> Result<EuropeanDigitalCredential, ParseError> {
    let object = value
        .as_object()
        .ok_or_else(|| crate::model::DecodeError::wrong_type("a credential object", at))?;
    match object.get("@context") {
        Some(context) => check_context(context, &at.key("@context"), contexts)?,
        None if needs_context => return Err(ParseError::MissingContext),
        None => {}
    }
    let is_credential = match object.get("type") {
        Some(Value::String(t)) => t == "EuropeanDigitalCredential" || t == "VerifiableCredential",
        Some(Value::Array(ts)) => ts
            .iter()
            .any(|t| t == "EuropeanDigitalCredential" || t == "VerifiableCredential"),
        _ => false,
    };
    if !is_credential {
        return Err(ParseError::NotACredential {
            path: at.to_string(),
        });
    }
    Ok(EuropeanDigitalCredential::from_json(value, at)?)
}

fn check_context(
    context: &Value,
    at: &JsonPath<'_>,
    contexts: &Contexts,
) -> Result<(), ParseError> {
    let entries: Vec<(JsonPath<'_>, &Value)> = match context {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| (at.index(i), v))
            .collect(),
        single => vec![(*at, single)],
    };
    for (here, entry) in &entries {
        match entry {
            Value::String(url)
                if KNOWN_CONTEXTS.contains(&url.as_str()) || contexts.contains(url) => {}
            Value::String(url) => {
                return Err(ParseError::ForeignContext {
                    context: url.clone(),
                    path: here.to_string(),
                });
            }
            _ => {
                return Err(ParseError::ForeignContext {
                    context: "an inline context".into(),
                    path: here.to_string(),
                });
            }
        }
    }
    Ok(())
}

/// Writes the credential in the EDC form: `@context` (the EDC one when the credential has none)
/// and the canonical single-or-array style. Compact, as EDC writes it.
pub fn to_string(credential: &EuropeanDigitalCredential) -> String {
    to_json(credential, false)
}

/// Like [`to_string`], indented for people.
pub fn to_string_pretty(credential: &EuropeanDigitalCredential) -> String {
    to_json(credential, true)
}

/// Writes the EDC issuer's upload form: `{"credential": {...}}` without `@context` and `issuer`
/// (EDC sets the issuer from the seal).
pub fn to_upload_form(credential: &EuropeanDigitalCredential) -> String {
    let mut inner = credential.clone();
    inner.context.clear();
    inner.issuer = None;
    let wrapped = serde_json::json!({ "credential": Ser(&inner) });
    // Serialising a Value never fails.
    serde_json::to_string(&wrapped).unwrap_or_default()
}

fn to_json(credential: &EuropeanDigitalCredential, pretty: bool) -> String {
    let with_context;
    // A context the model could not hold (an inline one) is kept in `extra` and written from there.
    let credential = if credential.context.is_empty() && !credential.extra.contains_key("@context")
    {
        with_context = EuropeanDigitalCredential {
            context: EDC_CONTEXT.iter().map(|c| (*c).to_owned()).collect(),
            ..credential.clone()
        };
        &with_context
    } else {
        credential
    };
    let written = if pretty {
        serde_json::to_string_pretty(&Ser(credential))
    } else {
        serde_json::to_string(&Ser(credential))
    };
    // The model holds only strings, numbers, booleans and JSON values: serialising cannot fail.
    written.unwrap_or_default()
}

/// Writes the credential as a `serde_json::Value`.
pub fn to_value(credential: &EuropeanDigitalCredential) -> Value {
    serde_json::to_value(Ser(credential)).unwrap_or(Value::Null)
}
