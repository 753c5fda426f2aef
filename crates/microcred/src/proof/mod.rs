//! W3C Data Integrity proofs with the `eddsa-rdfc-2022` cryptosuite (VC Data Integrity 1.0,
//! vc-di-eddsa 1.0), for interoperability with VCDM wallets and verifiers; EDC itself seals with
//! JAdES (see [`crate::jades`]).
//!
//! - [`Ed25519KeyPair`]: the signing key (seed, Multikey or PKCS#8 PEM), named by `did:key`.
//! - [`DataIntegrity`]: the signer, a builder ending in [`sign`](DataIntegrity::sign).
//! - [`verify()`] / [`DataIntegrityVerifier`]: the checks, returning a [`VerifiedProof`].
//! - [`hash_data`] / [`HashData`]: the intermediates (canonical N-Quads, hashes), for tests and
//!   for signing with an external key.
//!
//! The cryptosuite: the document without `proof` and the proof configuration (the proof options
//! with the document's `@context`) are each expanded to RDF with the [`crate::rdf`] module in
//! JSON-LD safe mode, canonicalised with RDFC-1.0 and hashed with SHA-256; the Ed25519 signature
//! of proof configuration hash ‖ document hash goes in `proofValue` as multibase base58btc.
//! Works with VCDM 2.0 documents (whose context defines the proof terms) and VCDM 1.1 ones, to
//! which the Data Integrity v2 context is added (see [`DataIntegrity`]).
//!
//! Keys are `did:key` Ed25519 only, resolved from the URL itself: no DID method or key type is
//! ever fetched.
//!
//! ```
//! use microcred::proof::{self, DataIntegrity, Ed25519KeyPair};
//! use microcred::rdf::Contexts;
//! use serde_json::json;
//! use time::macros::datetime;
//!
//! let key = Ed25519KeyPair::from_seed([42; 32]);
//! let credential = json!({
//!     "@context": ["https://www.w3.org/ns/credentials/v2"],
//!     "type": ["VerifiableCredential"],
//!     "issuer": key.did_key(),
//!     "validFrom": "2025-01-01T00:00:00Z",
//!     "credentialSubject": {"id": "did:example:learner"}
//! });
//! let signed = DataIntegrity::new(key.clone())
//!     .created(datetime!(2025-01-01 12:00 UTC))
//!     .sign(&credential)
//!     .unwrap();
//! assert_eq!(signed["proof"]["created"], "2025-01-01T12:00:00Z");
//!
//! let verified = proof::verify(&signed, &Contexts::bundled()).unwrap();
//! assert_eq!(verified.controller, key.did_key());
//!
//! let mut tampered = signed.clone();
//! tampered["validFrom"] = json!("2024-01-01T00:00:00Z");
//! let err = proof::verify(&tampered, &Contexts::bundled()).unwrap_err();
//! assert_eq!(err.code(), "proof.signature_mismatch");
//! ```

mod datetime;
mod error;
mod key;
mod sign;
mod suite;
mod verify;

use serde_json::Value;

pub use error::{Part, ProofError};
pub use key::Ed25519KeyPair;
pub use sign::DataIntegrity;
pub use suite::HashData;
pub use verify::{DataIntegrityVerifier, VerifiedProof, verify};

use crate::rdf::Contexts;

/// The proof `type`.
pub const PROOF_TYPE: &str = "DataIntegrityProof";
/// The `cryptosuite`.
pub const CRYPTOSUITE: &str = "eddsa-rdfc-2022";

/// The `eddsa-rdfc-2022` hash of `document` (without `proof`) under `proof_options` (a proof
/// without `proofValue`, or with it: it is left out), with every intermediate of the W3C
/// vc-di-eddsa test vectors.
///
/// The proof configuration is `proof_options` with the document's `@context` (plus the Data
/// Integrity v2 context when that lacks it). `document` is taken as it is: no context is added
/// to it (a [`DataIntegrity`] signer adds one before hashing; its
/// [`hash_data`](DataIntegrity::hash_data) shows the result).
///
/// Errors: `proof.invalid_document` (not an object), `proof.already_signed` (it has a `proof`),
/// `proof.wrong_type`, `proof.wrong_cryptosuite`, `proof.hidden_proof` and the `rdf.*` codes.
pub fn hash_data(
    document: &Value,
    proof_options: &Value,
    contexts: &Contexts,
) -> Result<HashData, ProofError> {
    let Value::Object(members) = document else {
        return Err(ProofError::InvalidDocument {
            reason: "the document is not a JSON object",
        });
    };
    if members.contains_key("proof") {
        return Err(ProofError::AlreadySigned);
    }
    let Value::Object(options) = proof_options else {
        return Err(ProofError::Malformed {
            field: "proof",
            reason: "not a JSON object",
        });
    };
    suite::Suite::new(contexts.clone()).hash_data(document, options)
}
