//! Checking an `eddsa-rdfc-2022` proof (vc-di-eddsa §3.3.3, Verify Proof).

use ed25519_dalek::Signature;
use serde_json::{Map, Value};
use time::OffsetDateTime;

use super::key::{decode_base58btc, resolve_did_key};
use super::suite::Suite;
use super::{CRYPTOSUITE, PROOF_TYPE, ProofError, datetime};
use crate::rdf::Contexts;

/// The proof purposes a `did:key` Ed25519 key is listed under in its DID document.
/// (`keyAgreement` is not: it names the derived X25519 key.)
const DID_KEY_PURPOSES: [&str; 4] = [
    "assertionMethod",
    "authentication",
    "capabilityInvocation",
    "capabilityDelegation",
];

/// A proof that verified: what it says about who signed, when, and for what.
///
/// Nothing here is judged against a clock or a policy: the caller compares `created` and
/// `expires` with its own time, `controller` with the issuer it expects, and `proof_purpose` with
/// the purpose it needs (`assertionMethod` for a credential).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct VerifiedProof {
    /// The `verificationMethod`: `did:key:z6Mk...#z6Mk...`.
    pub verification_method: String,
    /// Its controller, the DID: `did:key:z6Mk...`.
    pub controller: String,
    /// The 32-byte Ed25519 public key that verified the signature.
    pub public_key: [u8; 32],
    /// `created`, when the proof has it.
    pub created: Option<OffsetDateTime>,
    /// `expires`, when the proof has it.
    pub expires: Option<OffsetDateTime>,
    /// The `proofPurpose`.
    pub proof_purpose: String,
    /// The `cryptosuite`: `eddsa-rdfc-2022`.
    pub cryptosuite: String,
}

/// Verifies `eddsa-rdfc-2022` Data Integrity proofs; configured once and reused (it keeps the
/// processed JSON-LD contexts).
///
/// Policy, beyond the vc-di-eddsa algorithm:
/// - **one proof**: `proof` must be a single proof (an object, or an array of one). Proof sets
///   and chains (several proofs) are refused with `proof.multiple` (a chain link, naming a
///   `previousProof`, with `proof.malformed`) rather than checked in part:
///   a verifier that checked only the proofs it understands would report the others' claims as
///   verified. A proof of another type or cryptosuite is `proof.wrong_type` /
///   `proof.wrong_cryptosuite`, never skipped.
/// - **no hidden proofs**: once `proof` is removed, the document must not link to a proof graph
///   through another member (an alias of `proof`, or its full IRI): `proof.hidden_proof`.
/// - **offline keys**: the verification method must be a `did:key` Ed25519 URL
///   (`did:key:z6Mk...#z6Mk...`), resolved from the URL itself; nothing is fetched.
/// - **safe mode**: the document and the proof configuration are expanded in JSON-LD safe mode,
///   so a term the contexts do not define fails (`rdf.undefined_term`) instead of being dropped
///   from what the signature covers.
/// - **contexts**: a proof with its own `@context` must repeat the start of the document's
///   (`proof.context_mismatch`); the proof configuration gets the Data Integrity v2 context when
///   the document's `@context` lacks it (VC Data Integrity §2.4.1), as the signer did.
#[derive(Debug, Clone, Default)]
pub struct DataIntegrityVerifier {
    suite: Suite,
}

impl DataIntegrityVerifier {
    /// A verifier over the [bundled contexts](Contexts::bundled).
    pub fn new() -> Self {
        DataIntegrityVerifier::default()
    }

    /// Expands with `contexts` instead of the bundled ones. Nothing is ever fetched.
    pub fn contexts(mut self, contexts: &Contexts) -> Self {
        self.suite = Suite::new(contexts.clone());
        self
    }

    /// Verifies the proof of `document`.
    ///
    /// Errors, in the order checked: `proof.invalid_document`, `proof.missing`,
    /// `proof.multiple`, `proof.malformed`, `proof.wrong_type`, `proof.wrong_cryptosuite`,
    /// `proof.malformed_value`, `proof.unsupported_did`, `proof.unsupported_key`,
    /// `proof.invalid_verification_method`, `proof.invalid_key`, `proof.purpose_not_authorized`,
    /// `proof.context_mismatch`, the `rdf.*` codes, `proof.hidden_proof`,
    /// `proof.signature_mismatch`.
    pub fn verify(&self, document: &Value) -> Result<VerifiedProof, ProofError> {
        self.verify_noting_coverage(document, &mut false)
    }

    /// [`DataIntegrityVerifier::verify`], setting `whole` when the walk that canonicalised the
    /// document covered all of it, proof included: then expanding it with these contexts in safe
    /// mode gives no error, and a format check need not walk it again.
    pub(crate) fn verify_noting_coverage(
        &self,
        document: &Value,
        whole: &mut bool,
    ) -> Result<VerifiedProof, ProofError> {
        let Value::Object(members) = document else {
            return Err(ProofError::InvalidDocument {
                reason: "the document is not a JSON object",
            });
        };
        let proof = match members.get("proof") {
            None => return Err(ProofError::Missing),
            Some(Value::Array(proofs)) => match proofs.as_slice() {
                [] => return Err(ProofError::Missing),
                [one] => one,
                many => return Err(ProofError::Multiple { count: many.len() }),
            },
            Some(one) => one,
        };
        let Value::Object(proof) = proof else {
            return Err(ProofError::Malformed {
                field: "proof",
                reason: "not a JSON object",
            });
        };
        let checked = check_options(proof)?;
        let resolved = resolve_did_key(checked.verification_method)?;
        if !DID_KEY_PURPOSES.contains(&checked.proof_purpose) {
            return Err(ProofError::PurposeNotAuthorized);
        }

        let context = proof.get("@context");
        if let Some(context) = context {
            if !starts_with(members.get("@context"), context) {
                return Err(ProofError::ContextMismatch);
            }
        }
        let hash = self
            .suite
            .hash_data_of_secured(document, context, proof, whole)?;
        resolved
            .key
            .verify_strict(&hash.combined(), &Signature::from_bytes(&checked.signature))
            .map_err(|_| ProofError::SignatureMismatch)?;

        Ok(VerifiedProof {
            verification_method: checked.verification_method.to_owned(),
            controller: resolved.did,
            public_key: resolved.key.to_bytes(),
            created: checked.created,
            expires: checked.expires,
            proof_purpose: checked.proof_purpose.to_owned(),
            cryptosuite: CRYPTOSUITE.to_owned(),
        })
    }
}

/// Verifies the proof of `document`, expanding with `contexts`. For many documents, reuse a
/// [`DataIntegrityVerifier`] instead: it keeps the processed contexts.
///
/// See [`DataIntegrityVerifier`] for the policy and [`DataIntegrityVerifier::verify`] for the
/// errors.
pub fn verify(document: &Value, contexts: &Contexts) -> Result<VerifiedProof, ProofError> {
    DataIntegrityVerifier::new()
        .contexts(contexts)
        .verify(document)
}

/// The proof options, checked for shape before anything expensive runs.
struct Options<'p> {
    verification_method: &'p str,
    proof_purpose: &'p str,
    created: Option<OffsetDateTime>,
    expires: Option<OffsetDateTime>,
    signature: [u8; 64],
}

fn check_options(proof: &Map<String, Value>) -> Result<Options<'_>, ProofError> {
    if proof.get("type").and_then(Value::as_str) != Some(PROOF_TYPE) {
        return Err(ProofError::WrongType);
    }
    if proof.get("cryptosuite").and_then(Value::as_str) != Some(CRYPTOSUITE) {
        return Err(ProofError::WrongCryptosuite);
    }
    let string = |field: &'static str, name: &str| match proof.get(name) {
        Some(Value::String(text)) => Ok(Some(text.as_str())),
        None => Ok(None),
        Some(_) => Err(ProofError::Malformed {
            field,
            reason: "not a string",
        }),
    };
    let required = |field: &'static str, name: &str| {
        string(field, name)?.ok_or(ProofError::Malformed {
            field,
            reason: "missing",
        })
    };
    let date = |field: &'static str, name: &str| {
        string(field, name)?
            .map(|text| {
                datetime::parse(text).ok_or(ProofError::Malformed {
                    field,
                    reason: "not an xsd:dateTime",
                })
            })
            .transpose()
    };

    let value = string("proof.proofValue", "proofValue")?
        .ok_or(ProofError::MalformedValue { reason: "missing" })?;
    let verification_method = required("proof.verificationMethod", "verificationMethod")?;
    let proof_purpose = required("proof.proofPurpose", "proofPurpose")?;
    let created = date("proof.created", "created")?;
    let expires = date("proof.expires", "expires")?;
    if proof.contains_key("previousProof") {
        // A chain link: the proof it names cannot be in a single-proof document.
        return Err(ProofError::Malformed {
            field: "proof.previousProof",
            reason: "proof chains are not supported",
        });
    }

    let bytes = decode_base58btc(value).ok_or(ProofError::MalformedValue {
        reason: "not multibase base58btc (z...)",
    })?;
    let signature: [u8; 64] =
        bytes
            .as_slice()
            .try_into()
            .map_err(|_| ProofError::MalformedValue {
                reason: "not a 64-byte Ed25519 signature",
            })?;
    Ok(Options {
        verification_method,
        proof_purpose,
        created,
        expires,
        signature,
    })
}

/// Whether the document's `@context` starts with the proof's (both taken as lists).
fn starts_with(document: Option<&Value>, proof: &Value) -> bool {
    fn as_list(value: &Value) -> &[Value] {
        match value {
            Value::Array(items) => items,
            single => std::slice::from_ref(single),
        }
    }
    let Some(document) = document else {
        return false;
    };
    as_list(document).starts_with(as_list(proof))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn context_prefix() {
        let doc = json!(["a", "b", "c"]);
        assert!(starts_with(Some(&doc), &json!(["a", "b"])));
        assert!(starts_with(Some(&doc), &json!("a")));
        assert!(starts_with(Some(&doc), &doc));
        assert!(!starts_with(Some(&doc), &json!(["b"])));
        assert!(!starts_with(Some(&doc), &json!(["a", "b", "c", "d"])));
        assert!(!starts_with(None, &json!("a")));
        assert!(starts_with(Some(&json!("a")), &json!(["a"])));
    }
}
