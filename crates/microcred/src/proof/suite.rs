//! The `eddsa-rdfc-2022` transformation, proof configuration and hashing (W3C vc-di-eddsa
//! §3.3.2–3.3.4): both inputs are expanded in safe mode, canonicalised with RDFC-1.0 and hashed
//! with SHA-256; the data signed is the proof configuration hash followed by the document hash.

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use sophia_api::dataset::Dataset as _;
use sophia_api::quad::Quad as _;
use sophia_api::term::Term as _;

use super::error::Part;
use super::{CRYPTOSUITE, PROOF_TYPE, ProofError};
use crate::rdf::{
    CREDENTIALS_V2, Canonical, Canonicalizer, Contexts, DATA_INTEGRITY_V2, Dataset, Expander,
};

/// The property that links a node to its proof graph.
const SEC_PROOF: &str = "https://w3id.org/security#proof";

/// What `eddsa-rdfc-2022` hashes and signs, with every intermediate of the W3C test vectors.
///
/// The data signed is [`combined`](Self::combined): the proof configuration hash followed by the
/// document hash. An external signer (a key in an HSM) signs those 64 bytes with Ed25519 and puts
/// `z` + base58btc of the signature in `proofValue`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct HashData {
    /// The proof configuration: the proof options without `proofValue`, with the document's
    /// `@context` (`proofConfigDataInt.json`).
    pub proof_configuration: Value,
    /// Its canonical N-Quads (`proofCanonDataInt.txt`).
    pub canonical_proof_configuration: String,
    /// SHA-256 of those (`proofHashDataInt.txt`).
    pub proof_configuration_hash: [u8; 32],
    /// The canonical N-Quads of the document without its proof (`canonDocDataInt.txt`).
    pub canonical_document: String,
    /// SHA-256 of those (`docHashDataInt.txt`).
    pub document_hash: [u8; 32],
}

impl HashData {
    /// The 64 bytes signed: proof configuration hash ‖ document hash
    /// (`combinedHashDataInt.txt`).
    pub fn combined(&self) -> [u8; 64] {
        let mut out = [0u8; 64];
        out[..32].copy_from_slice(&self.proof_configuration_hash);
        out[32..].copy_from_slice(&self.document_hash);
        out
    }
}

/// Expansion and canonicalisation, configured once and reused by a signer or verifier (the
/// expander keeps the processed contexts of the documents it has seen).
#[derive(Debug, Clone)]
pub(crate) struct Suite {
    expander: Expander,
    canonicalizer: Canonicalizer,
}

impl Default for Suite {
    fn default() -> Self {
        Suite::new(Contexts::bundled())
    }
}

impl Suite {
    /// Over `contexts`, in safe mode (the expander's default, never turned off here).
    pub(crate) fn new(contexts: Contexts) -> Self {
        Suite {
            expander: Expander::new().with_contexts(contexts),
            canonicalizer: Canonicalizer::new(),
        }
    }

    /// Transformation, proof configuration and hashing of `unsecured` (a JSON object without
    /// `proof`; the caller checks both) under `options` (the proof, `proofValue` left out).
    ///
    /// The proof configuration takes the document's `@context`, with the Data Integrity
    /// context appended when the document has neither it nor the VC 2.0 context (see
    /// [`with_suite_context`]).
    pub(crate) fn hash_data(
        &self,
        unsecured: &Value,
        options: &Map<String, Value>,
    ) -> Result<HashData, ProofError> {
        self.hash(unsecured.get("@context"), options, || {
            self.canonical_document(unsecured, self.expander.canonical_fast(unsecured))
        })
    }

    /// [`Suite::hash_data`] of `secured` without its `proof` member, and with `context` (the
    /// proof's own `@context`, which the caller has checked) as its `@context` when given. The
    /// fast path reads the document in place; only the general path gets a copy. `whole` is set
    /// when the fast path covered the whole secured document, proof included: expanding it with
    /// these contexts gives no error.
    pub(crate) fn hash_data_of_secured(
        &self,
        secured: &Value,
        context: Option<&Value>,
        options: &Map<String, Value>,
        whole: &mut bool,
    ) -> Result<HashData, ProofError> {
        let members = secured.as_object();
        let document_context = context.or_else(|| members.and_then(|m| m.get("@context")));
        self.hash(document_context, options, || {
            let fast = self
                .expander
                .canonical_fast_without(secured, "proof", context);
            if let Some(canonical) = &fast {
                *whole = canonical.whole;
                return self.canonical_document(secured, fast);
            }
            let mut unsecured: Map<String, Value> = members
                .into_iter()
                .flatten()
                .filter(|(key, _)| key.as_str() != "proof")
                .map(|(key, value)| (key.clone(), value.clone()))
                .collect();
            if let Some(context) = context {
                unsecured.insert("@context".to_owned(), context.clone());
            }
            self.canonical_document(&Value::Object(unsecured), None)
        })
    }

    /// The canonical N-Quads of the unsecured document: the fast path's, when it has them, else
    /// the general path's over `unsecured`.
    fn canonical_document(
        &self,
        unsecured: &Value,
        fast: Option<Canonical>,
    ) -> Result<String, ProofError> {
        // A document with at most one blank node (the EC samples have none) is canonicalised as
        // the fast path walks it, without building a dataset; any other takes the general path.
        match fast {
            Some(canonical) if canonical.top_level_proof => Err(ProofError::HiddenProof),
            Some(canonical) => Ok(canonical.nquads),
            None => {
                let document = self
                    .expander
                    .expand_value(unsecured)
                    .map_err(ProofError::rdf(Part::Document))?;
                if has_top_level_proof(&document) {
                    // A member other than `proof` (an alias, or the full IRI) holds a proof: it
                    // would be signed as data while readers take it for a proof.
                    return Err(ProofError::HiddenProof);
                }
                self.canonicalizer
                    .canonical_nquads(&document)
                    .map_err(ProofError::rdf(Part::Document))
            }
        }
    }

    /// The proof configuration from `options` and the document's `@context`, both hashed.
    fn hash(
        &self,
        document_context: Option<&Value>,
        options: &Map<String, Value>,
        canonical_document: impl FnOnce() -> Result<String, ProofError>,
    ) -> Result<HashData, ProofError> {
        if options.get("type").and_then(Value::as_str) != Some(PROOF_TYPE) {
            return Err(ProofError::WrongType);
        }
        if options.get("cryptosuite").and_then(Value::as_str) != Some(CRYPTOSUITE) {
            return Err(ProofError::WrongCryptosuite);
        }
        let mut configuration = options.clone();
        configuration.remove("proofValue");
        configuration.insert("@context".to_owned(), with_suite_context(document_context));
        let configuration = Value::Object(configuration);

        let canonical_document = canonical_document()?;
        // The configuration's node has no `@id`: one blank node, which the fast path labels.
        let canonical_proof_configuration = match self.expander.canonical_fast(&configuration) {
            Some(canonical) => canonical.nquads,
            None => {
                let proof = self
                    .expander
                    .expand_value(&configuration)
                    .map_err(ProofError::rdf(Part::ProofConfiguration))?;
                self.canonicalizer
                    .canonical_nquads(&proof)
                    .map_err(ProofError::rdf(Part::ProofConfiguration))?
            }
        };

        Ok(HashData {
            proof_configuration_hash: Sha256::digest(canonical_proof_configuration.as_bytes())
                .into(),
            document_hash: Sha256::digest(canonical_document.as_bytes()).into(),
            proof_configuration: configuration,
            canonical_proof_configuration,
            canonical_document,
        })
    }
}

/// Whether `context` (a document's `@context`) already defines the Data Integrity terms: it
/// names the Data Integrity v2 context or the VC 2.0 context (which includes them).
pub(crate) fn has_suite_context(context: Option<&Value>) -> bool {
    let defines = |url: &Value| matches!(url.as_str(), Some(CREDENTIALS_V2 | DATA_INTEGRITY_V2));
    match context {
        Some(Value::Array(items)) => items.iter().any(defines),
        Some(single) => defines(single),
        None => false,
    }
}

/// `context` with the Data Integrity v2 context appended when it does not define the proof
/// terms already.
///
/// VC Data Integrity 1.0 §2.4.1 (context injection): a document whose `@context` does not map
/// the Data Integrity terms gets `https://w3id.org/security/data-integrity/v2` appended, when
/// securing (into the document) and when verifying (in memory). Digital Bazaar's
/// `DataIntegrityProof` does the same: on signing it appends the context to the document, and it
/// always builds the proof configuration from the document's `@context` plus this context when
/// it is missing. A VC 1.1 credential such as EDC's (`credentials/v1` + `edc-ap`) is the case in
/// point.
pub(crate) fn with_suite_context(context: Option<&Value>) -> Value {
    if has_suite_context(context) {
        return context.cloned().unwrap_or(Value::Null);
    }
    let suite = Value::String(DATA_INTEGRITY_V2.to_owned());
    match context {
        Some(Value::Array(items)) => {
            let mut items = items.clone();
            items.push(suite);
            Value::Array(items)
        }
        Some(Value::Null) | None => suite,
        Some(single) => Value::Array(vec![single.clone(), suite]),
    }
}

/// Whether the default graph links anything to a proof graph.
fn has_top_level_proof(dataset: &Dataset) -> bool {
    dataset.0.quads().flatten().any(|quad| {
        quad.g().is_none() && quad.p().iri().is_some_and(|iri| iri.as_str() == SEC_PROOF)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdf::CREDENTIALS_V1;
    use serde_json::json;

    #[test]
    fn the_suite_context_is_appended_only_when_missing() {
        let v1 = json!(CREDENTIALS_V1);
        let v2 = json!(CREDENTIALS_V2);
        let di = json!(DATA_INTEGRITY_V2);
        assert_eq!(with_suite_context(Some(&v2)), v2);
        assert_eq!(with_suite_context(Some(&di)), di);
        assert_eq!(with_suite_context(Some(&v1)), json!([v1, di]));
        assert_eq!(
            with_suite_context(Some(&json!([v1, "x:y"]))),
            json!([v1, "x:y", di])
        );
        assert_eq!(with_suite_context(Some(&json!([v1, di]))), json!([v1, di]));
        assert_eq!(with_suite_context(None), di);
        // An inline context is kept as is, with the suite context after it.
        let inline = json!({"a": "https://example.org/a"});
        assert_eq!(with_suite_context(Some(&inline)), json!([inline, di]));
    }
}
