//! The error contract: one way to get a stable code, a JSON path and the causes of any error the
//! crate returns.
//!
//! - Every public error type implements [`ErrorCode`]: [`code`](ErrorCode::code) is a stable
//!   machine code (`json.syntax`, `seal.signature_mismatch`, ...) that tests, vectors and bindings
//!   assert on, never the message; [`path`](ErrorCode::path) is the JSON path (or input field)
//!   concerned when there is one; [`category`](ErrorCode::category) is the code's family in the
//!   catalogue ([`crate::codes`]), which the bindings map to their exception classes.
//! - Causes are typed: an error that wraps another keeps it as its
//!   [`source`](std::error::Error::source), never as a string. A wrapper either is transparent
//!   (its code, message and path are the inner error's: `ParseError::Decode`, `XmlError::Rdf`) or
//!   has a code of its own with the inner error as its source (`JadesError::PayloadNotCredential`,
//!   `GraphError::Model`). [`ProofError::Rdf`] gives the inner
//!   `rdf.*` code and keeps the RDF error as its source. [`code_of`] reads the code of any error
//!   in a cause chain.
//! - [`Error`] gathers every module error in one enum with a `From` for each, so a binding maps
//!   one type. `?` turns any module error into it.
//! - Every code any error, profile finding or verification check can carry is listed once in
//!   [`crate::codes::catalogue`], with its category, severity (for findings) and meaning;
//!   `vectors/codes.json` and `microcred codes --json` are that catalogue as JSON.
//!
//! Messages name JSON paths, fields, limits and IRIs, never values from a credential or a learner
//! record (they may be personal data).

use std::borrow::Cow;
use std::error::Error as StdError;

use crate::codes::Category;
use crate::issue::IssueError;
use crate::jades::{JadesError, TokenSignatureError};
use crate::json::ParseError;
use crate::model::{DecodeError, InvalidLiteral};
use crate::proof::ProofError;
use crate::rdf::{GraphError, RdfError};
use crate::status::{FetchError, StatusError};
use crate::verify::ConfigError;
use crate::x509::X509Error;
use crate::xml::XmlError;

/// What every public error of the crate offers: a stable code, the path concerned, the
/// category of the code, and (through [`std::error::Error::source`]) its typed cause.
pub trait ErrorCode: StdError + 'static {
    /// The stable machine code, listed in [`crate::codes::catalogue`].
    fn code(&self) -> &'static str;

    /// The JSON path (or input field) concerned, when there is one: `$.credentialSubject`,
    /// `proof.created`, `awarding_body.country`, `$.trust_anchors[1]`.
    fn path(&self) -> Option<Cow<'_, str>> {
        None
    }

    /// The family of the code, as listed in the catalogue.
    fn category(&self) -> Category {
        Category::of(self.code())
    }
}

macro_rules! error_code {
    ($( $ty:ty => |$e:ident| $path:expr; )*) => {
        $(
            impl ErrorCode for $ty {
                fn code(&self) -> &'static str {
                    <$ty>::code(self)
                }
                fn path(&self) -> Option<Cow<'_, str>> {
                    let $e = self;
                    let path: Option<&str> = $path;
                    path.map(Cow::Borrowed)
                }
            }
        )*

        /// The code of an error of this crate (any of the types in [`Error`], or [`Error`]
        /// itself) seen as a `dyn Error`, for instance a [`source`](std::error::Error::source) in
        /// a cause chain; `None` for an error of another crate.
        pub fn code_of(error: &(dyn StdError + 'static)) -> Option<&'static str> {
            if let Some(e) = error.downcast_ref::<Error>() {
                return Some(e.code());
            }
            if let Some(e) = error.downcast_ref::<ConfigError>() {
                return Some(e.code());
            }
            $(
                if let Some(e) = error.downcast_ref::<$ty>() {
                    return Some(e.code());
                }
            )*
            None
        }
    };
}

error_code! {
    ParseError => |e| e.path();
    DecodeError => |e| Some(e.path.as_str());
    InvalidLiteral => |_e| None;
    JadesError => |_e| None;
    TokenSignatureError => |_e| None;
    XmlError => |e| match e {
        XmlError::Graph(GraphError::Model(inner)) => Some(inner.path.as_str()),
        XmlError::Rdf(inner) => rdf_path(inner),
        _ => None,
    };
    X509Error => |_e| None;
    ProofError => |e| proof_path(e);
    StatusError => |e| match e {
        StatusError::InvalidEntry { path, .. } => Some(path.as_str()),
        _ => None,
    };
    FetchError => |_e| None;
    IssueError => |e| e.field();
    RdfError => |e| rdf_path(e);
    GraphError => |e| match e {
        GraphError::Model(inner) => Some(inner.path.as_str()),
        _ => None,
    };
}

fn rdf_path(e: &RdfError) -> Option<&str> {
    match e {
        RdfError::UndefinedTerm { path, .. }
        | RdfError::DroppedValue { path, .. }
        | RdfError::TooDeep { path, .. }
        | RdfError::InvalidJsonLd { path, .. } => Some(path.as_str()),
        _ => None,
    }
}

impl ErrorCode for ConfigError {
    fn code(&self) -> &'static str {
        ConfigError::code(self)
    }
    fn path(&self) -> Option<Cow<'_, str>> {
        ConfigError::path(self).map(Cow::Owned)
    }
}

fn proof_path(e: &ProofError) -> Option<&str> {
    Some(match e {
        ProofError::Malformed { field, .. } => field,
        ProofError::WrongType => "proof.type",
        ProofError::WrongCryptosuite => "proof.cryptosuite",
        ProofError::MalformedValue { .. } => "proof.proofValue",
        ProofError::ContextMismatch => "proof.@context",
        ProofError::UnsupportedDid
        | ProofError::UnsupportedKey
        | ProofError::InvalidVerificationMethod { .. } => "proof.verificationMethod",
        ProofError::PurposeNotAuthorized => "proof.proofPurpose",
        ProofError::Rdf { source, .. } => return rdf_path(source),
        _ => return None,
    })
}

/// Any error the crate returns, in one type: what a binding maps.
///
/// Each variant is transparent: the message, the [`code`](Error::code), the
/// [`path`](Error::path) and the [`source`](std::error::Error::source) are those of the module
/// error inside.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Reading a credential ([`crate::json`]).
    #[error(transparent)]
    Parse(#[from] ParseError),
    /// A JSON value that does not fit the model.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// A literal that does not match its datatype.
    #[error(transparent)]
    InvalidLiteral(#[from] InvalidLiteral),
    /// Sealing or verifying a JAdES seal.
    #[error(transparent)]
    Jades(#[from] JadesError),
    /// A time-stamp token's signature.
    #[error(transparent)]
    TokenSignature(#[from] TokenSignatureError),
    /// Reading or writing RDF/XML.
    #[error(transparent)]
    Xml(#[from] XmlError),
    /// Certificates, keys, signatures, trust anchors.
    #[error(transparent)]
    X509(#[from] X509Error),
    /// Data Integrity proofs.
    #[error(transparent)]
    Proof(#[from] ProofError),
    /// Status entries and status lists.
    #[error(transparent)]
    Status(#[from] StatusError),
    /// Fetching a status list.
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// Issuing credentials from a template and learner records.
    #[error(transparent)]
    Issue(#[from] IssueError),
    /// JSON-LD expansion, contexts and canonicalisation.
    #[error(transparent)]
    Rdf(#[from] RdfError),
    /// Turning an RDF graph back into a credential.
    #[error(transparent)]
    Graph(#[from] GraphError),
    /// A verifier configuration that cannot make a verifier.
    #[error(transparent)]
    Config(#[from] ConfigError),
}

impl Error {
    fn inner(&self) -> &dyn ErrorCode {
        match self {
            Error::Parse(e) => e,
            Error::Decode(e) => e,
            Error::InvalidLiteral(e) => e,
            Error::Jades(e) => e,
            Error::TokenSignature(e) => e,
            Error::Xml(e) => e,
            Error::X509(e) => e,
            Error::Proof(e) => e,
            Error::Status(e) => e,
            Error::Fetch(e) => e,
            Error::Issue(e) => e,
            Error::Rdf(e) => e,
            Error::Graph(e) => e,
            Error::Config(e) => e,
        }
    }

    /// The stable code of the error inside.
    pub fn code(&self) -> &'static str {
        self.inner().code()
    }

    /// The JSON path (or input field) concerned, when there is one.
    pub fn path(&self) -> Option<Cow<'_, str>> {
        self.inner().path()
    }

    /// The category of the code.
    pub fn category(&self) -> Category {
        self.inner().category()
    }

    /// The causes under this error, nearest first, each with its code when it is an error of
    /// this crate.
    pub fn causes(&self) -> Vec<(Option<&'static str>, String)> {
        let mut causes = Vec::new();
        let mut next = StdError::source(self.inner());
        while let Some(cause) = next {
            causes.push((code_of(cause), cause.to_string()));
            next = cause.source();
        }
        causes
    }
}

impl ErrorCode for Error {
    fn code(&self) -> &'static str {
        Error::code(self)
    }
    fn path(&self) -> Option<Cow<'_, str>> {
        Error::path(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::x509::Certificate;

    #[test]
    fn wrapped_errors_keep_their_cause_typed() {
        let inner = crate::json::parse(b"{").unwrap_err();
        assert_eq!(inner.code(), "json.truncated");
        let sealed = JadesError::PayloadNotCredential(inner.clone());
        assert_eq!(sealed.code(), "seal.payload_not_credential");
        assert_eq!(
            sealed.to_string(),
            "the sealed payload is not a credential: json.truncated"
        );
        let error = Error::from(sealed);
        assert_eq!(error.code(), "seal.payload_not_credential");
        assert_eq!(error.category(), Category::Seal);
        assert_eq!(
            error.causes(),
            vec![(Some("json.truncated"), inner.to_string())]
        );
        let cause = StdError::source(&error).map(code_of);
        assert_eq!(cause, Some(Some("json.truncated")));
    }

    #[test]
    fn a_bad_certificate_in_a_chain_is_the_source() {
        let error = crate::jades::Sealer::from_pem("not pem")
            .map(|_| ())
            .unwrap_err();
        assert_eq!(error.code(), "seal.chain");
        let source = StdError::source(&error).and_then(code_of);
        assert_eq!(source, Some("x509.no_certificate"));
        assert!(Certificate::from_pem("not pem").is_err());
        let empty = crate::jades::Sealer::new(Vec::new())
            .map(|_| ())
            .unwrap_err();
        assert_eq!(
            empty.to_string(),
            "cannot read the certificate chain: no certificate"
        );
        assert_eq!(
            StdError::source(&empty).and_then(code_of),
            Some("x509.no_certificate")
        );
    }

    #[test]
    fn paths_and_categories() {
        let e = Error::from(crate::json::parse(br#"{"type": "x"}"#).unwrap_err());
        assert_eq!(e.code(), "json.missing_context");
        assert_eq!(e.path().as_deref(), Some("$"));
        assert_eq!(e.category(), Category::Parse);
        let e = Error::from(ProofError::WrongCryptosuite);
        assert_eq!(e.path().as_deref(), Some("proof.cryptosuite"));
        assert_eq!(e.category(), Category::Proof);
        let e = Error::from(crate::model::DateTime::parse("yesterday").unwrap_err());
        assert_eq!(e.code(), "json.invalid_value");
        assert_eq!(e.to_string(), "not a valid date-time");
        let e = Error::from(TokenSignatureError::NoCertificate);
        assert_eq!(e.code(), "seal.timestamp_no_certificate");
        assert_eq!(e.category(), Category::Seal);
    }
}
