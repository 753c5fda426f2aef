//! Adding an `eddsa-rdfc-2022` proof to a document (vc-di-eddsa §3.3.1, Create Proof).

use serde_json::{Map, Value};
use time::OffsetDateTime;

use super::key::{Ed25519KeyPair, encode_base58btc, resolve_did_key};
use super::suite::{HashData, Suite, has_suite_context, with_suite_context};
use super::{CRYPTOSUITE, PROOF_TYPE, ProofError, datetime};
use crate::rdf::Contexts;

/// A JSON object's members.
type Object = Map<String, Value>;

/// Signs documents with a Data Integrity proof, cryptosuite `eddsa-rdfc-2022`.
///
/// Defaults: verification method [`Ed25519KeyPair::verification_method`] (`did:key`), proof
/// purpose `assertionMethod`, no `created` (time is never read here: give it with
/// [`created`](Self::created)), the [bundled contexts](Contexts::bundled).
///
/// A signer can be reused for many documents; it keeps the processed JSON-LD contexts. It owns
/// its key and contexts (no borrow), so it can be kept in a long-lived object and shared between
/// threads.
///
/// What [`sign`](Self::sign) does to the document:
/// - a document whose `@context` defines neither the VC 2.0 nor the Data Integrity terms (a VC
///   1.1 credential, such as EDC's) gets `https://w3id.org/security/data-integrity/v2` appended
///   to its `@context` before it is hashed, so that its `proof` is readable by any verifier (VC
///   Data Integrity §2.4.1; Digital Bazaar's libraries do the same);
/// - a document that already has a `proof` is refused (`proof.already_signed`): proof sets are
///   not made here, see [`DataIntegrityVerifier`](super::DataIntegrityVerifier).
#[derive(Debug, Clone)]
pub struct DataIntegrity {
    key: Ed25519KeyPair,
    verification_method: Option<String>,
    created: Option<OffsetDateTime>,
    proof_purpose: String,
    suite: Suite,
}

impl DataIntegrity {
    /// A signer with `key` and the defaults. The signer keeps the key (clone a key that is used
    /// elsewhere too: each copy wipes itself when dropped).
    pub fn new(key: Ed25519KeyPair) -> Self {
        DataIntegrity {
            key,
            verification_method: None,
            created: None,
            proof_purpose: "assertionMethod".to_owned(),
            suite: Suite::default(),
        }
    }

    /// The `verificationMethod` to name instead of the key's `did:key` one. A `did:key` URL must
    /// name this key (`proof.invalid_verification_method` otherwise); other URLs are written as
    /// given, for verifiers that can resolve them.
    pub fn verification_method(mut self, url: impl Into<String>) -> Self {
        self.verification_method = Some(url.into());
        self
    }

    /// The signing key.
    pub fn key(&self) -> &Ed25519KeyPair {
        &self.key
    }

    /// The proof's `created` time, written in UTC to the second (`2023-02-24T23:36:38Z`).
    pub fn created(mut self, at: OffsetDateTime) -> Self {
        self.created = Some(at);
        self
    }

    /// The `proofPurpose` (default `assertionMethod`, what credentials use).
    pub fn proof_purpose(mut self, purpose: impl Into<String>) -> Self {
        self.proof_purpose = purpose.into();
        self
    }

    /// Expands with `contexts` instead of the bundled ones (e.g. to add a credential's own
    /// context). Nothing is ever fetched.
    pub fn contexts(mut self, contexts: &Contexts) -> Self {
        self.suite = Suite::new(contexts.clone());
        self
    }

    /// `document` with a `proof`.
    ///
    /// Errors: `proof.invalid_document` (not a JSON object), `proof.already_signed`,
    /// `proof.hidden_proof`, `proof.malformed` (a `created` outside years 0–9999),
    /// `proof.invalid_verification_method`, and the `rdf.*` codes of safe-mode expansion and
    /// canonicalisation (an undefined term is `rdf.undefined_term`: nothing is signed that
    /// JSON-LD would drop).
    pub fn sign(&self, document: &Value) -> Result<Value, ProofError> {
        let (unsecured, options) = self.prepare(document)?;
        let mut secured = Value::Object(unsecured);
        let hash = self.suite.hash_data(&secured, &options)?;
        let mut proof = options;
        proof.insert(
            "proofValue".to_owned(),
            Value::String(encode_base58btc(&self.key.sign(&hash.combined()))),
        );
        if let Value::Object(members) = &mut secured {
            members.insert("proof".to_owned(), Value::Object(proof));
        }
        Ok(secured)
    }

    /// What [`sign`](Self::sign) would hash for `document`, with every intermediate: the
    /// document as it would be signed (`@context` completed) and the [`HashData`].
    pub fn hash_data(&self, document: &Value) -> Result<(Value, HashData), ProofError> {
        let (unsecured, options) = self.prepare(document)?;
        let unsecured = Value::Object(unsecured);
        let hash = self.suite.hash_data(&unsecured, &options)?;
        Ok((unsecured, hash))
    }

    /// The document to hash (context completed) and the proof options.
    fn prepare(&self, document: &Value) -> Result<(Object, Object), ProofError> {
        let Value::Object(members) = document else {
            return Err(ProofError::InvalidDocument {
                reason: "the document is not a JSON object",
            });
        };
        if members.contains_key("proof") {
            return Err(ProofError::AlreadySigned);
        }
        let verification_method = match &self.verification_method {
            Some(url) => {
                if url.starts_with("did:key:")
                    && resolve_did_key(url)?.key.to_bytes() != self.key.public_key()
                {
                    return Err(ProofError::InvalidVerificationMethod {
                        reason: "the did:key does not name the signing key",
                    });
                }
                url.clone()
            }
            None => self.key.verification_method(),
        };

        let mut unsecured = members.clone();
        if !has_suite_context(unsecured.get("@context")) {
            let context = with_suite_context(unsecured.get("@context"));
            unsecured.insert("@context".to_owned(), context);
        }

        let mut options = Map::new();
        options.insert("type".to_owned(), PROOF_TYPE.into());
        options.insert("cryptosuite".to_owned(), CRYPTOSUITE.into());
        if let Some(at) = self.created {
            let created = datetime::format(at).ok_or(ProofError::Malformed {
                field: "proof.created",
                reason: "outside the years 0000 to 9999",
            })?;
            options.insert("created".to_owned(), created.into());
        }
        options.insert("verificationMethod".to_owned(), verification_method.into());
        options.insert("proofPurpose".to_owned(), self.proof_purpose.clone().into());
        Ok((unsecured, options))
    }
}
