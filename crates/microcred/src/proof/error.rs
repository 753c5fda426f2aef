//! Errors of Data Integrity signing and verification.

use crate::rdf::RdfError;

/// Which of the two inputs of the `eddsa-rdfc-2022` hash an RDF error comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Part {
    /// The document without its proof.
    Document,
    /// The proof configuration (the proof options with the document's `@context`).
    ProofConfiguration,
}

impl std::fmt::Display for Part {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Part::Document => "the document",
            Part::ProofConfiguration => "the proof configuration",
        })
    }
}

/// Why a Data Integrity proof could not be made or does not verify.
///
/// Each variant has a stable [`code`](Self::code). Messages name fields and JSON paths, never
/// values from the credential (they may be personal data) nor key material.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProofError {
    /// The document has no `proof`.
    #[error("the document has no proof")]
    Missing,
    /// The document carries more than one proof (a proof set or chain), which is not supported:
    /// see [`DataIntegrityVerifier`](super::DataIntegrityVerifier) for why.
    #[error("the document carries {count} proofs; only a single proof is supported")]
    Multiple {
        /// How many proofs.
        count: usize,
    },
    /// Signing a document that already has a `proof`: the new proof would not cover the old
    /// one, and the result would be a proof set.
    #[error("the document already has a proof")]
    AlreadySigned,
    /// A member other than `proof` (an alias of it, or its full IRI) holds a proof. It would be
    /// hashed as data, while a reader would take it for a proof that was checked.
    #[error("a member other than `proof` holds a proof")]
    HiddenProof,
    /// The document is not something a proof can be added to or checked on.
    #[error("{reason}")]
    InvalidDocument {
        /// What is wrong.
        reason: &'static str,
    },
    /// A proof member is missing or has the wrong shape.
    #[error("{field}: {reason}")]
    Malformed {
        /// The JSON path of the member (e.g. `proof.created`).
        field: &'static str,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The proof's `type` is not `DataIntegrityProof`.
    #[error("proof.type: not DataIntegrityProof")]
    WrongType,
    /// The proof's `cryptosuite` is not `eddsa-rdfc-2022`.
    #[error("proof.cryptosuite: not eddsa-rdfc-2022")]
    WrongCryptosuite,
    /// `proofValue` is not a multibase base58btc (`z`) encoding of a 64-byte Ed25519 signature.
    #[error("proof.proofValue: {reason}")]
    MalformedValue {
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The signature does not match the document and proof options: something signed was
    /// changed, or another key signed.
    #[error("the signature does not match the document and proof options")]
    SignatureMismatch,
    /// The proof's `@context` is not the start of the document's `@context`.
    #[error("proof.@context: not the start of the document's @context")]
    ContextMismatch,
    /// The verification method is not a `did:key` DID URL. Only `did:key` is resolved, offline;
    /// nothing is ever fetched.
    #[error("proof.verificationMethod: only did:key is supported (resolved offline)")]
    UnsupportedDid,
    /// The `did:key` holds a key of another type than Ed25519.
    #[error("proof.verificationMethod: the did:key is not an Ed25519 key")]
    UnsupportedKey,
    /// The verification method is a `did:key` URL whose fragment does not name its key.
    #[error("proof.verificationMethod: {reason}")]
    InvalidVerificationMethod {
        /// What is wrong with it.
        reason: &'static str,
    },
    /// Key material that cannot be used (bad encoding, wrong length, not a curve point, or a
    /// public key that does not belong to the secret key).
    #[error("invalid Ed25519 key: {reason}")]
    InvalidKey {
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The proof purpose is not one a `did:key` key is authorised for.
    #[error("proof.proofPurpose: a did:key Ed25519 key is not authorised for this purpose")]
    PurposeNotAuthorized,
    /// The document or the proof configuration could not be turned into canonical RDF (safe
    /// mode: an undefined term, a dropped value, an unknown context, a canonicalisation limit).
    /// Its [`code`](ProofError::code) is the inner `rdf.*` code.
    #[error("{part}: {source}")]
    Rdf {
        /// Which input.
        part: Part,
        /// The RDF error.
        source: RdfError,
    },
}

impl ProofError {
    /// The stable code of this error. For [`ProofError::Rdf`] it is the inner `rdf.*` code (e.g.
    /// `rdf.undefined_term`), so that a tampered term reads the same whatever signed it.
    pub fn code(&self) -> &'static str {
        match self {
            ProofError::Missing => "proof.missing",
            ProofError::Multiple { .. } => "proof.multiple",
            ProofError::AlreadySigned => "proof.already_signed",
            ProofError::HiddenProof => "proof.hidden_proof",
            ProofError::InvalidDocument { .. } => "proof.invalid_document",
            ProofError::Malformed { .. } => "proof.malformed",
            ProofError::WrongType => "proof.wrong_type",
            ProofError::WrongCryptosuite => "proof.wrong_cryptosuite",
            ProofError::MalformedValue { .. } => "proof.malformed_value",
            ProofError::SignatureMismatch => "proof.signature_mismatch",
            ProofError::ContextMismatch => "proof.context_mismatch",
            ProofError::UnsupportedDid => "proof.unsupported_did",
            ProofError::UnsupportedKey => "proof.unsupported_key",
            ProofError::InvalidVerificationMethod { .. } => "proof.invalid_verification_method",
            ProofError::InvalidKey { .. } => "proof.invalid_key",
            ProofError::PurposeNotAuthorized => "proof.purpose_not_authorized",
            ProofError::Rdf { source, .. } => source.code(),
        }
    }

    /// The RDF error inside, for [`ProofError::Rdf`].
    pub fn rdf_error(&self) -> Option<&RdfError> {
        match self {
            ProofError::Rdf { source, .. } => Some(source),
            _ => None,
        }
    }

    pub(crate) fn rdf(part: Part) -> impl FnOnce(RdfError) -> ProofError {
        move |source| ProofError::Rdf { part, source }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rdf_errors_keep_their_code_and_say_where() {
        let e = ProofError::rdf(Part::Document)(RdfError::UndefinedTerm {
            term: "extra".into(),
            path: "$.credentialSubject".into(),
        });
        assert_eq!(e.code(), "rdf.undefined_term");
        assert_eq!(
            e.to_string(),
            "the document: $.credentialSubject: the term `extra` is not defined by the active \
             contexts"
        );
        assert_eq!(
            e.rdf_error().map(RdfError::code),
            Some("rdf.undefined_term")
        );
        assert_eq!(ProofError::Missing.rdf_error(), None);
    }

    #[test]
    fn codes_are_distinct() {
        let all = [
            ProofError::Missing,
            ProofError::Multiple { count: 2 },
            ProofError::AlreadySigned,
            ProofError::HiddenProof,
            ProofError::InvalidDocument { reason: "x" },
            ProofError::Malformed {
                field: "proof.created",
                reason: "x",
            },
            ProofError::WrongType,
            ProofError::WrongCryptosuite,
            ProofError::MalformedValue { reason: "x" },
            ProofError::SignatureMismatch,
            ProofError::ContextMismatch,
            ProofError::UnsupportedDid,
            ProofError::UnsupportedKey,
            ProofError::InvalidVerificationMethod { reason: "x" },
            ProofError::InvalidKey { reason: "x" },
            ProofError::PurposeNotAuthorized,
        ];
        let codes: std::collections::BTreeSet<&str> = all.iter().map(ProofError::code).collect();
        assert_eq!(codes.len(), all.len());
        assert!(codes.iter().all(|c| c.starts_with("proof.")));
    }
}
