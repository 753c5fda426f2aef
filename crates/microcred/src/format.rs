//! What a file is, told from its bytes: the one place that decides whether input is a sealed
//! credential, a presentation, the EDC upload form, RDF/XML and so on. The JSON reader, the
//! Verifier, the CLI and the bindings all ask here, so "sealed" means the same everywhere.
//!
//! ```
//! use microcred::Format;
//!
//! let bytes = microcred::issue::demo_credential_json();
//! assert_eq!(Format::detect(bytes.as_bytes())?, Format::EdcJsonLd);
//! assert_eq!(Format::detect(b"{\"payload\": \"{}\", \"signatures\": []}")?, Format::Jades);
//! assert_eq!(Format::detect(b"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>")?, Format::RdfXml);
//! # Ok::<(), microcred::ParseError>(())
//! ```

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::json::{ParseError, Reader};
use crate::rdf::EDC_AP;

/// The kind of a credential file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Format {
    /// An EDC credential in JSON-LD without a seal or proof (typed `EuropeanDigitalCredential`,
    /// or a `VerifiableCredential` over the EDC context).
    EdcJsonLd,
    /// The EDC issuer's upload form, `{"credential": {...}}`.
    UploadForm,
    /// A JAdES-sealed file: the JWS JSON serialization EDC writes (`payload`, `signatures`).
    Jades,
    /// A credential carrying an embedded `proof` (W3C Data Integrity), EDC or not.
    DataIntegrity,
    /// A W3C verifiable credential that is not an EDC one, without a proof.
    W3cCredential,
    /// A credential in flattened JSON-LD (a top-level `@graph` holding the credential node).
    FlattenedJsonLd,
    /// A verifiable presentation (`VerifiablePresentation`, `EuropeanDigitalPresentation`),
    /// with or without a proof.
    Presentation,
    /// A compact JWS (`header.payload.signature`), as a VC-JWT is written.
    CompactJws,
    /// RDF/XML (root element `rdf:RDF`).
    RdfXml,
    /// The legacy EDCI XML EDC wrote before ELM 3 (`europassCredential`, XML presentations).
    LegacyXml,
    /// Other XML.
    Xml,
    /// N-Quads or N-Triples.
    NQuads,
    /// JSON that is none of the above.
    OtherJson,
}

impl Format {
    /// What `bytes` hold, under the default [`Limits`](crate::json::Limits). Text formats (XML,
    /// N-Quads, compact JWS) are told from their first characters; JSON is parsed and judged by its
    /// members. Input over the limits, or that is not JSON when it looks like JSON, is an error
    /// with the reader's code (`json.too_large`, `json.syntax`, ...).
    pub fn detect(bytes: &[u8]) -> Result<Format, ParseError> {
        Reader::new().detect(bytes)
    }

    /// What a parsed JSON document is.
    pub fn of_json(value: &Value) -> Format {
        let Value::Object(object) = value else {
            return Format::OtherJson;
        };
        if is_jades(value) {
            return Format::Jades;
        }
        let types = strings(object.get("type"));
        if types
            .iter()
            .any(|t| *t == "VerifiablePresentation" || *t == "EuropeanDigitalPresentation")
        {
            return Format::Presentation;
        }
        let edc = is_edc(value);
        if edc || types.contains(&"VerifiableCredential") {
            return if object.contains_key("proof") {
                Format::DataIntegrity
            } else if edc {
                Format::EdcJsonLd
            } else {
                Format::W3cCredential
            };
        }
        // The upload form wraps the credential in a `credential` member and nothing else types it.
        if object.get("type").is_none() && object.get("credential").is_some_and(Value::is_object) {
            return Format::UploadForm;
        }
        if let Some(Value::Array(nodes)) = object.get("@graph")
            && nodes.iter().any(|node| {
                let types = strings(node.get("type").or_else(|| node.get("@type")));
                types.contains(&"VerifiableCredential")
                    || types.contains(&"EuropeanDigitalCredential")
            })
        {
            return Format::FlattenedJsonLd;
        }
        Format::OtherJson
    }

    /// The format of text that is not JSON, told from its first characters; `None` for anything
    /// else (JSON, or bytes that are none of these).
    pub fn sniff_text(bytes: &[u8]) -> Option<Format> {
        let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        // JSON is by far the most common input: answer it without looking further.
        if matches!(text.trim_ascii_start().first(), Some(b'{' | b'[') | None) {
            return None;
        }
        if looks_like_nquads(text) {
            return Some(Format::NQuads);
        }
        if let Some(root) = xml_root(text) {
            return Some(match root {
                "RDF" => Format::RdfXml,
                "europassCredential" | "verifiablePresentation" | "europassPresentation" => {
                    Format::LegacyXml
                }
                _ => Format::Xml,
            });
        }
        let trimmed = std::str::from_utf8(text).ok()?.trim();
        is_compact_jws(trimmed).then_some(Format::CompactJws)
    }

    /// The stable name of the format (`edc_json_ld`, `jades`, ...), as serde writes it.
    pub fn name(self) -> &'static str {
        match self {
            Format::EdcJsonLd => "edc_json_ld",
            Format::UploadForm => "upload_form",
            Format::Jades => "jades",
            Format::DataIntegrity => "data_integrity",
            Format::W3cCredential => "w3c_credential",
            Format::FlattenedJsonLd => "flattened_json_ld",
            Format::Presentation => "presentation",
            Format::CompactJws => "compact_jws",
            Format::RdfXml => "rdf_xml",
            Format::LegacyXml => "legacy_xml",
            Format::Xml => "xml",
            Format::NQuads => "n_quads",
            Format::OtherJson => "other_json",
        }
    }

    /// True for a JAdES-sealed file.
    pub fn is_sealed(self) -> bool {
        self == Format::Jades
    }

    /// True for formats this crate reads into a typed credential: the JSON-LD forms (sealed ones
    /// without verifying the seal) and RDF/XML.
    pub fn is_readable_credential(self) -> bool {
        matches!(
            self,
            Format::EdcJsonLd
                | Format::UploadForm
                | Format::Jades
                | Format::DataIntegrity
                | Format::W3cCredential
                | Format::RdfXml
        )
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The definition of "sealed": a JSON object with a `payload` or a `signatures` member is a JWS
/// JSON envelope. Either member is enough, so a damaged envelope is still checked (and refused)
/// as a seal rather than read as a credential.
pub(crate) fn is_jades(value: &Value) -> bool {
    value.get("payload").is_some() || value.get("signatures").is_some()
}

/// True for an EDC credential: typed `EuropeanDigitalCredential`, or a `VerifiableCredential`
/// over the EDC context.
pub(crate) fn is_edc(value: &Value) -> bool {
    let types = strings(value.get("type"));
    types.contains(&"EuropeanDigitalCredential")
        || (types.contains(&"VerifiableCredential")
            && strings(value.get("@context")).contains(&EDC_AP))
}

/// A compact JWS (`header.payload.signature`, base64url parts), as a VC-JWT is written.
pub(crate) fn is_compact_jws(text: &str) -> bool {
    let parts: Vec<&str> = text.split('.').collect();
    parts.len() == 3
        && !parts[0].is_empty()
        && parts.iter().all(|p| {
            p.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

/// The strings of a string-or-list member.
fn strings(value: Option<&Value>) -> Vec<&str> {
    match value {
        Some(Value::String(text)) => vec![text.as_str()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// The local name of the root element when `bytes` look like XML (after blanks, an XML
/// declaration, comments and a doctype). Nothing is parsed as XML here: this only names the file.
fn xml_root(bytes: &[u8]) -> Option<&str> {
    let mut rest = bytes;
    loop {
        rest = rest.trim_ascii_start();
        if !rest.starts_with(b"<") {
            return None;
        }
        if rest.starts_with(b"<?") || rest.starts_with(b"<!") {
            // A doctype's internal subset (`[ ... ]`) holds its own `<!ENTITY ...>` declarations.
            let end = memchr::memchr(b'>', rest)?;
            let end = match memchr::memchr(b'[', &rest[..end]) {
                Some(open) if rest.starts_with(b"<!DOCTYPE") => {
                    let close = open + memchr::memchr(b']', &rest[open..])?;
                    close + memchr::memchr(b'>', &rest[close..])?
                }
                _ => end,
            };
            rest = &rest[end + 1..];
            continue;
        }
        let name = &rest[1..];
        let len = name
            .iter()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'))
            .unwrap_or(name.len());
        let qualified = std::str::from_utf8(&name[..len]).ok()?;
        return Some(qualified.rsplit(':').next().unwrap_or(qualified));
    }
}

/// True when the first statement reads as N-Quads or N-Triples: an absolute IRI or a blank node,
/// then an absolute IRI, then an object, and a closing `.`. XML also starts with `<`, but not with
/// that statement shape.
fn looks_like_nquads(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let text = String::from_utf8_lossy(head);
    let Some(first) = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
    else {
        return false;
    };
    let Some((subject, rest)) = first.split_once(char::is_whitespace) else {
        return false;
    };
    let Some((predicate, object)) = rest.trim_start().split_once(char::is_whitespace) else {
        return false;
    };
    let subject_ok = iri(subject) || subject.strip_prefix("_:").is_some_and(|l| !l.is_empty());
    subject_ok && iri(predicate) && !object.trim().is_empty() && first.ends_with('.')
}

/// An absolute IRI in angle brackets, as N-Quads writes it.
fn iri(token: &str) -> bool {
    token
        .strip_prefix('<')
        .and_then(|t| t.strip_suffix('>'))
        .is_some_and(|inner| inner.contains(':') && !inner.contains(['<', '>', '"']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn json_documents_are_told_apart_by_their_members() {
        let edc = json!({"type": ["VerifiableCredential", "EuropeanDigitalCredential"]});
        assert_eq!(Format::of_json(&edc), Format::EdcJsonLd);
        let by_context = json!({"@context": [EDC_AP], "type": "VerifiableCredential"});
        assert_eq!(Format::of_json(&by_context), Format::EdcJsonLd);
        let w3c = json!({"@context": ["https://www.w3.org/ns/credentials/v2"],
            "type": ["VerifiableCredential", "AlumniCredential"]});
        assert_eq!(Format::of_json(&w3c), Format::W3cCredential);
        let proved = json!({"type": "VerifiableCredential", "proof": {}});
        assert_eq!(Format::of_json(&proved), Format::DataIntegrity);
        let upload = json!({"credential": {"id": "urn:x"}});
        assert_eq!(Format::of_json(&upload), Format::UploadForm);
        let flat = json!({"@context": [EDC_AP], "@graph": [
            {"id": "urn:a", "type": "Person"},
            {"id": "urn:c", "type": ["VerifiableCredential", "EuropeanDigitalCredential"]}]});
        assert_eq!(Format::of_json(&flat), Format::FlattenedJsonLd);
        let vp = json!({"type": "VerifiablePresentation", "proof": {}});
        assert_eq!(Format::of_json(&vp), Format::Presentation);
        assert_eq!(
            Format::of_json(&json!({"type": "Person"})),
            Format::OtherJson
        );
        assert_eq!(Format::of_json(&json!([1])), Format::OtherJson);
    }

    #[test]
    fn one_member_of_the_envelope_makes_a_sealed_file() {
        for sealed in [
            json!({"payload": "{}", "signatures": []}),
            json!({"payload": "{}"}),
            json!({"signatures": [], "type": "VerifiableCredential"}),
        ] {
            assert_eq!(Format::of_json(&sealed), Format::Jades, "{sealed}");
            assert!(Format::of_json(&sealed).is_sealed());
        }
    }

    #[test]
    fn text_formats_are_told_from_their_first_characters() {
        let cases: [(&[u8], Option<Format>); 11] = [
            (
                b"<!DOCTYPE r [<!ENTITY a \"b\"><!ENTITY c \"&a;\">]>\n<rdf:RDF>&c;</rdf:RDF>",
                Some(Format::RdfXml),
            ),
            (
                b"<rdf:RDF><rdf:Description/></rdf:RDF>",
                Some(Format::RdfXml),
            ),
            (b"<a:b> <c:d>text</c:d></a:b>", Some(Format::Xml)),
            (
                b"\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- c --><rdf:RDF>",
                Some(Format::RdfXml),
            ),
            (b"<europassCredential xmlns=\"x\">", Some(Format::LegacyXml)),
            (b"<html><body/></html>", Some(Format::Xml)),
            (b"<urn:a> <urn:p> \"o\" .\n", Some(Format::NQuads)),
            (
                b"# comment\n_:b0 <urn:p> <urn:o> <urn:g> .",
                Some(Format::NQuads),
            ),
            (
                b"eyJhbGciOiJFUzI1NiJ9.eyJ2YyI6e319.c2ln\n",
                Some(Format::CompactJws),
            ),
            (b"{\"a\": 1}", None),
            (b"https://example.org/credential.json", None),
        ];
        for (bytes, expected) in cases {
            assert_eq!(
                Format::sniff_text(bytes),
                expected,
                "{}",
                String::from_utf8_lossy(bytes)
            );
        }
    }

    #[test]
    fn detect_reports_bad_json_with_the_reader_codes() {
        assert_eq!(
            Format::detect(b"{\"a\":").unwrap_err().code(),
            "json.truncated"
        );
        assert_eq!(
            Format::detect(b"nonsense").unwrap_err().code(),
            "json.syntax"
        );
        assert_eq!(Format::detect(b"[1, 2]").ok(), Some(Format::OtherJson));
        // Oversized and deeply nested input is refused before it is parsed.
        let small = Reader::new().with_limits(crate::json::Limits {
            max_bytes: 16,
            max_depth: 4,
        });
        let big = format!("{{\"payload\": \"{}\"}}", "x".repeat(64));
        assert_eq!(
            small.detect(big.as_bytes()).unwrap_err().code(),
            "json.too_large"
        );
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        assert_eq!(
            Format::detect(deep.as_bytes()).unwrap_err().code(),
            "json.too_deep"
        );
        assert_eq!(
            small.detect(b"[[[[[1]]]]]").unwrap_err().code(),
            "json.too_deep"
        );
    }

    #[test]
    fn names_are_the_serde_names() {
        for format in [
            Format::EdcJsonLd,
            Format::UploadForm,
            Format::Jades,
            Format::DataIntegrity,
            Format::W3cCredential,
            Format::FlattenedJsonLd,
            Format::Presentation,
            Format::CompactJws,
            Format::RdfXml,
            Format::LegacyXml,
            Format::Xml,
            Format::NQuads,
            Format::OtherJson,
        ] {
            assert_eq!(
                serde_json::to_value(format).unwrap(),
                json!(format.name()),
                "{format:?}"
            );
        }
    }
}
