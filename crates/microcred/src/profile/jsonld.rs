//! What a JSON-LD processor would drop: the credential expanded in safe mode.
//!
//! EDC validates the RDF graph of a credential, so a member JSON-LD leaves out of that graph (an
//! undefined term, an `id` that is not an IRI) is not part of the credential EDC checks and seals,
//! however it reads as JSON. The safe-mode expansion of [`crate::rdf`] refuses exactly these.

use std::cell::RefCell;

use serde_json::Value;

use super::Finding;
use super::codes;
use crate::model::{EDC_CONTEXT, EuropeanDigitalCredential};
use crate::rdf::{Contexts, Expander, RdfError};
use crate::terms::ElmVersion;

thread_local! {
    /// One expander per thread and ELM version: its compiled contexts are reused from one
    /// credential to the next (a fresh expander costs about twice as much per credential), without
    /// a lock shared by threads checking credentials in parallel.
    static EXPANDERS: RefCell<[Option<Expander>; 2]> = const { RefCell::new([None, None]) };
}

/// The safe-mode JSON-LD expansion of the credential as microcred writes it, with the bundled
/// contexts (the only ones a credential is read with; the EDC context of ELM 3.1): no finding
/// when every member reaches the RDF graph, otherwise one error for the first member that would
/// not (codes `edc.jsonld.undefined_term`, `edc.jsonld.dropped_value`, `edc.jsonld.invalid`).
///
/// [`super::check`] includes it; [`super::check_edc`] does not (it looks at the typed model only,
/// and costs a fraction of an expansion).
///
/// ```
/// let mut credential = microcred::issue::demo_credential();
/// assert!(microcred::profile::check_jsonld(&credential).is_empty());
///
/// // A member no context defines: JSON-LD would drop it, and EDC would never see it.
/// let subject = credential.credential_subject.as_mut().unwrap();
/// subject.extra.insert("nickname".into(), serde_json::json!("Bea"));
/// let findings = microcred::profile::check_jsonld(&credential);
/// assert_eq!(findings[0].code, "edc.jsonld.undefined_term");
/// assert_eq!(findings[0].path, "$.credentialSubject.nickname");
/// ```
pub fn check_jsonld(credential: &EuropeanDigitalCredential) -> Vec<Finding> {
    check_jsonld_as(credential, ElmVersion::V3_1)
}

/// [`check_jsonld`] with the EDC context of `version` ([`Contexts::bundled_for`]).
pub fn check_jsonld_as(
    credential: &EuropeanDigitalCredential,
    version: ElmVersion,
) -> Vec<Finding> {
    check_document_as(crate::json::to_value(credential), version)
}

/// [`check_jsonld_as`] on the credential as written (`json::to_value`), when the caller has it.
pub(super) fn check_document_as(document: Value, version: ElmVersion) -> Vec<Finding> {
    let slot = match version {
        ElmVersion::V3_1 => 0,
        ElmVersion::V3_2 => 1,
    };
    EXPANDERS.with(|cell| {
        let mut expanders = cell.borrow_mut();
        let expander = expanders[slot]
            .get_or_insert_with(|| Expander::new().with_contexts(Contexts::bundled_for(version)));
        expand(document, expander)
    })
}

/// [`check_jsonld`] with the contexts of `expander` (a verifier's, with the contexts its user
/// supplied).
pub fn check_jsonld_with(
    credential: &EuropeanDigitalCredential,
    expander: &Expander,
) -> Vec<Finding> {
    expand(crate::json::to_value(credential), expander)
}

pub(super) fn expand(mut document: Value, expander: &Expander) -> Vec<Finding> {
    // Written without a context, the credential gets EDC's (as `json::to_string` writes it).
    if let Value::Object(map) = &mut document
        && !map.contains_key("@context")
    {
        map.insert("@context".into(), Value::from(EDC_CONTEXT.to_vec()));
    }
    check(&document, expander)
}

/// What JSON-LD would drop from `document`, which has its `@context`.
pub(super) fn check(document: &Value, expander: &Expander) -> Vec<Finding> {
    match expander.check_value(document) {
        Ok(()) => Vec::new(),
        Err(error) => vec![finding(&error)],
    }
}

fn finding(error: &RdfError) -> Finding {
    match error {
        RdfError::UndefinedTerm { term, path } => Finding::new(
            codes::EDC_JSONLD_UNDEFINED_TERM,
            super::path::key(path, term),
        ),
        RdfError::DroppedValue { path, reason } => {
            Finding::new(codes::EDC_JSONLD_DROPPED_VALUE, path.clone()).with_detail(reason)
        }
        RdfError::InvalidJsonLd { path, reason } => {
            Finding::new(codes::EDC_JSONLD_INVALID, path.clone()).with_detail(reason)
        }
        RdfError::TooDeep { path, .. } => Finding::new(codes::EDC_JSONLD_INVALID, path.clone())
            .with_detail("nested deeper than JSON-LD expansion is allowed to go"),
        RdfError::NeedsFullProcessor => Finding::new(codes::EDC_JSONLD_UNCHECKED, "$".into()),
        // The reader admits only registered contexts, so these do not arise from a credential it
        // read; a credential built in code can still name another context.
        other => Finding::new(codes::EDC_JSONLD_INVALID, "$.@context".into())
            .with_detail(&other.to_string()),
    }
}
