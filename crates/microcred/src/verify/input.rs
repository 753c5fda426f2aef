//! What a JSON document is, judged from its members before any typed reading: a sealed envelope,
//! a presentation, an EDC credential or another W3C verifiable credential. The typed reader is
//! only asked to read EDC credentials, so a credential it does not model is still verified.

use serde_json::{Map, Value};

use crate::format::{self, Format};
use crate::json::ParseError;
use crate::model::{DecodeError, JsonPath};

/// What a (non-envelope) JSON document holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A verifiable credential; `edc` when it is an EDC one (typed `EuropeanDigitalCredential`,
    /// over the EDC context, or the EDC upload form).
    Credential { edc: bool },
    /// A verifiable presentation (`VerifiablePresentation`, `EuropeanDigitalPresentation`).
    Presentation,
    /// A credential in flattened form: a top-level `@graph` whose nodes include the credential.
    Flattened,
}

/// A JWS JSON envelope: checked as a seal, even when malformed (the one definition of sealed is
/// [`Format::of_json`]'s).
pub(super) fn is_jws(root: &Value) -> bool {
    format::is_jades(root)
}

/// A compact JWS (`header.payload.signature`), as a VC-JWT is written.
pub(super) fn is_compact_jws(text: &str) -> bool {
    format::is_compact_jws(text)
}

/// Classifies a (non-envelope) document, or says why it is not a credential (the reader's codes).
pub(super) fn classify(value: &Value) -> Result<Kind, ParseError> {
    match Format::of_json(value) {
        Format::Presentation => Ok(Kind::Presentation),
        Format::EdcJsonLd | Format::UploadForm => Ok(Kind::Credential { edc: true }),
        Format::W3cCredential => Ok(Kind::Credential { edc: false }),
        // A proof does not change what the credential is: EDC or not, by the same rule.
        Format::DataIntegrity => Ok(Kind::Credential {
            edc: format::is_edc(value),
        }),
        Format::FlattenedJsonLd => Ok(Kind::Flattened),
        _ if !value.is_object() => {
            Err(DecodeError::wrong_type("a credential object", &JsonPath::Root).into())
        }
        _ => Err(ParseError::NotACredential { path: "$".into() }),
    }
}

/// The credential object itself: the upload form's `credential` member, or the document.
pub(super) fn credential_object(value: &Value) -> &Value {
    match value.get("credential") {
        Some(inner) if value.get("type").is_none() => inner,
        _ => value,
    }
}

/// The credential's `id`.
pub(super) fn id(credential: &Value) -> Option<String> {
    credential.get("id")?.as_str().map(str::to_owned)
}

/// The issuer's name, for display: the EDC `legalName`, a VCDM `name`, or its id.
pub(super) fn issuer(credential: &Value) -> Option<String> {
    match credential.get("issuer")? {
        Value::String(id) => Some(id.clone()),
        Value::Object(issuer) => text(issuer.get("legalName"))
            .or_else(|| text(issuer.get("name")))
            .or_else(|| issuer.get("id")?.as_str().map(str::to_owned)),
        _ => None,
    }
}

/// The credential's title, for display: the EDC `displayParameter.title`, or a VCDM `name`.
pub(super) fn title(credential: &Value) -> Option<String> {
    text(
        credential
            .get("displayParameter")
            .and_then(|d| d.get("title")),
    )
    .or_else(|| text(credential.get("name")))
}

/// A text for people from a string, a JSON-LD value object, a language map (English first) or
/// a list of those.
fn text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(text) => Some(text.clone()),
        Value::Array(items) => items.iter().find_map(|item| text(Some(item))),
        Value::Object(object) => match object.get("@value") {
            Some(inner) => text(Some(inner)),
            None => language_map(object),
        },
        _ => None,
    }
}

fn language_map(object: &Map<String, Value>) -> Option<String> {
    text(object.get("en")).or_else(|| object.values().find_map(|v| text(Some(v))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdf::EDC_AP;
    use serde_json::json;

    #[test]
    fn kinds_are_told_apart_from_the_json() {
        let edc = json!({"type": ["VerifiableCredential", "EuropeanDigitalCredential"]});
        assert_eq!(classify(&edc).ok(), Some(Kind::Credential { edc: true }));
        let by_context = json!({"@context": [EDC_AP], "type": "VerifiableCredential"});
        assert_eq!(
            classify(&by_context).ok(),
            Some(Kind::Credential { edc: true })
        );
        let w3c = json!({"@context": ["https://www.w3.org/ns/credentials/v2"],
            "type": ["VerifiableCredential", "AlumniCredential"]});
        assert_eq!(classify(&w3c).ok(), Some(Kind::Credential { edc: false }));
        let upload = json!({"credential": {"id": "urn:x"}});
        assert_eq!(classify(&upload).ok(), Some(Kind::Credential { edc: true }));
        let flat = json!({"@context": [EDC_AP], "@graph": [
            {"id": "urn:a", "type": "Person"},
            {"id": "urn:c", "type": ["VerifiableCredential", "EuropeanDigitalCredential"]}]});
        assert_eq!(classify(&flat).ok(), Some(Kind::Flattened));
        let vp = json!({"type": "VerifiablePresentation", "verifiableCredential": []});
        assert_eq!(classify(&vp).ok(), Some(Kind::Presentation));
        assert_eq!(
            classify(&json!({"type": "Person"})).map_err(|e| e.code()),
            Err("json.not_a_credential")
        );
        assert_eq!(
            classify(&json!([1])).map_err(|e| e.code()),
            Err("json.wrong_type")
        );
    }

    #[test]
    fn display_texts_come_from_either_model() {
        let edc = json!({"issuer": {"legalName": {"fr": "Université", "en": "University"}},
            "displayParameter": {"title": {"en": ["Course"]}}});
        assert_eq!(issuer(&edc).as_deref(), Some("University"));
        assert_eq!(title(&edc).as_deref(), Some("Course"));
        let w3c = json!({"issuer": "did:example:1",
            "name": {"@value": "Alumni", "@language": "en"}});
        assert_eq!(issuer(&w3c).as_deref(), Some("did:example:1"));
        assert_eq!(title(&w3c).as_deref(), Some("Alumni"));
    }

    #[test]
    fn compact_jws_is_recognised() {
        assert!(is_compact_jws("eyJhbGciOiJFUzI1NiJ9.eyJ2YyI6e319.c2ln"));
        assert!(!is_compact_jws("https://example.org/credential.json"));
        assert!(!is_compact_jws("a.b"));
        assert!(!is_compact_jws(".b.c"));
    }
}
