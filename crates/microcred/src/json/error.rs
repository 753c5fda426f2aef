//! Errors of the JSON-LD reader.

use crate::model::DecodeError;

/// Why a credential file could not be read. Each variant has a stable [`code`](Self::code);
/// messages name JSON paths and limits, never values from the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// The input is larger than the configured limit.
    #[error("input is {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// The input size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// Objects and arrays nest deeper than the configured limit.
    #[error("{path}: nesting deeper than the limit of {limit}")]
    TooDeep {
        /// The limit.
        limit: usize,
        /// Where the limit was crossed.
        path: String,
    },
    /// The input ends before the JSON text does.
    #[error("the input ends early, at line {line} column {column}: truncated file?")]
    Truncated {
        /// The line of the end.
        line: usize,
        /// The column of the end.
        column: usize,
    },
    /// The input is not JSON.
    #[error("not JSON: syntax error at line {line} column {column}")]
    Syntax {
        /// The line of the error.
        line: usize,
        /// The column of the error.
        column: usize,
    },
    /// A value does not fit the model.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// A credential without `@context`.
    #[error("$: the credential has no @context")]
    MissingContext,
    /// A context this library does not bundle; nothing is fetched.
    #[error("{path}: unknown context {context}; contexts are never fetched")]
    ForeignContext {
        /// The context URL, or `an inline context`.
        context: String,
        /// Where it is.
        path: String,
    },
    /// The JSON is not a credential (no `EuropeanDigitalCredential` or `VerifiableCredential` type).
    #[error("{path}: not a European Digital Credential")]
    NotACredential {
        /// Where the credential was expected.
        path: String,
    },
    /// The file is XML, not JSON.
    #[error("{}", if *legacy {
        "the file is legacy EDCI XML (europassCredential or an XML presentation, as EDC issued before ELM 3), not JSON-LD: microcred does not read that format yet"
    } else {
        "the file is XML, not JSON-LD: read RDF/XML with `microcred convert` (xml::from_rdf_xml)"
    })]
    Xml {
        /// True for the legacy EDCI XML format (root `europassCredential`, `verifiablePresentation`).
        legacy: bool,
    },
    /// The file is N-Quads or N-Triples, which this crate writes but does not read.
    #[error(
        "the file is N-Quads, not JSON-LD: N-Quads input is not supported; give the JSON-LD or RDF/XML form"
    )]
    NQuads,
    /// A sealed (JAdES) file given to a reader that does not verify.
    #[error("$: this is a sealed credential; verify it, or read it with parse_unverified")]
    Sealed,
    /// A sealed file whose envelope is not the JWS JSON serialization EDC writes.
    #[error("{path}: malformed sealed credential: expected {expected}")]
    MalformedSeal {
        /// Where.
        path: String,
        /// What was expected there.
        expected: &'static str,
    },
}

impl ParseError {
    /// The stable code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            ParseError::TooLarge { .. } => "json.too_large",
            ParseError::TooDeep { .. } => "json.too_deep",
            ParseError::Truncated { .. } => "json.truncated",
            ParseError::Syntax { .. } => "json.syntax",
            ParseError::Xml { legacy: true } => "json.legacy_xml",
            ParseError::Xml { legacy: false } => "json.xml",
            ParseError::NQuads => "json.nquads",
            ParseError::Decode(e) => e.code(),
            ParseError::MissingContext => "json.missing_context",
            ParseError::ForeignContext { .. } => "json.foreign_context",
            ParseError::NotACredential { .. } => "json.not_a_credential",
            ParseError::Sealed => "json.sealed_input",
            ParseError::MalformedSeal { .. } => "seal.malformed_envelope",
        }
    }

    /// The JSON path concerned, when there is one.
    pub fn path(&self) -> Option<&str> {
        match self {
            ParseError::TooDeep { path, .. }
            | ParseError::ForeignContext { path, .. }
            | ParseError::NotACredential { path }
            | ParseError::MalformedSeal { path, .. } => Some(path),
            ParseError::Decode(e) => Some(&e.path),
            ParseError::MissingContext | ParseError::Sealed => Some("$"),
            _ => None,
        }
    }
}

impl From<serde_json::Error> for ParseError {
    fn from(e: serde_json::Error) -> Self {
        let (line, column) = (e.line(), e.column());
        match e.classify() {
            serde_json::error::Category::Eof => ParseError::Truncated { line, column },
            _ => ParseError::Syntax { line, column },
        }
    }
}
