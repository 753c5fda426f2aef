//! Errors of the RDF view: JSON-LD expansion, contexts and canonicalisation ([`RdfError`]), and
//! the walk from a graph back to a credential ([`GraphError`]).

use super::graph::EDC_CLASS;
use crate::model::DecodeError;

/// Why a credential could not be turned into RDF or canonicalised. Each variant has a stable
/// [`code`](Self::code); messages name context URLs, terms and JSON paths, never values from the
/// credential (they may be personal data).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RdfError {
    /// The document names a context that is not registered. Nothing is ever fetched.
    #[error("unknown context {url}: contexts are never fetched; register it first")]
    UnknownContext {
        /// The context URL.
        url: String,
    },
    /// A context document that cannot be used (not a JSON object with `@context`, or rejected by
    /// context processing).
    #[error("context {url}: {reason}")]
    InvalidContext {
        /// The context URL (or `the inline context`).
        url: String,
        /// What is wrong, in JSON-LD's own error vocabulary.
        reason: String,
    },
    /// A context file or a contexts folder's `index.json` that cannot be read, is not JSON, or
    /// names a file outside its folder.
    #[error("{file}: {reason}")]
    ContextFile {
        /// The file (as given, or joined to the folder).
        file: String,
        /// What is wrong.
        reason: String,
    },
    /// Safe mode: a key that the active contexts do not define, so JSON-LD would drop it and
    /// everything below it.
    #[error("{path}: the term `{term}` is not defined by the active contexts")]
    UndefinedTerm {
        /// The undefined key.
        term: String,
        /// The JSON path of the object holding it.
        path: String,
    },
    /// Safe mode: a value that JSON-LD would silently leave out of the RDF graph.
    #[error("{path}: {reason}, so JSON-LD would drop it")]
    DroppedValue {
        /// The JSON path of the value.
        path: String,
        /// Why it would be dropped.
        reason: &'static str,
    },
    /// The document nests deeper than the expander allows (JSON-LD expansion recurses once per
    /// level, so depth is stack).
    #[error("{path}: nesting deeper than the limit of {limit}")]
    TooDeep {
        /// The first object or array past the limit.
        path: String,
        /// The limit.
        limit: usize,
    },
    /// The document is not valid JSON-LD.
    #[error("{path}: invalid JSON-LD: {reason}")]
    InvalidJsonLd {
        /// The JSON path where the processor stopped (`$` when it is not known).
        path: String,
        /// The JSON-LD error code (e.g. `invalid @id value`).
        reason: String,
    },
    /// The document is outside the fast path, and this build has no generic JSON-LD processor:
    /// it was built without the `full-jsonld` feature (the npm package's first module) and no
    /// processor from another module is installed ([`set_full_processor`](super::set_full_processor)).
    /// Not a judgement on the document: the Verifier reports it as indeterminate.
    #[error(
        "the document needs the full JSON-LD processor, which this build leaves out (the \
         `full-jsonld` feature; in the npm package, loadFullProcessor())"
    )]
    NeedsFullProcessor,
    /// RDFC-1.0 stopped at a configured work limit: the dataset is too ambiguous to canonicalise
    /// cheaply (a poison graph, or limits set too low).
    #[error("RDFC-1.0 work limit reached: {reason}")]
    CanonLimit {
        /// Which limit.
        reason: String,
    },
    /// RDFC-1.0 is not defined for this dataset (e.g. a blank node as predicate).
    #[error("RDFC-1.0 cannot canonicalise this dataset: {reason}")]
    CanonUnsupported {
        /// Why.
        reason: String,
    },
}

impl RdfError {
    /// The stable code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            RdfError::UnknownContext { .. } => "rdf.unknown_context",
            RdfError::InvalidContext { .. } => "rdf.invalid_context",
            RdfError::ContextFile { .. } => "rdf.context_file",
            RdfError::UndefinedTerm { .. } => "rdf.undefined_term",
            RdfError::DroppedValue { .. } => "rdf.dropped_value",
            RdfError::TooDeep { .. } => "rdf.too_deep",
            RdfError::InvalidJsonLd { .. } => "rdf.invalid_jsonld",
            RdfError::NeedsFullProcessor => "rdf.needs_full_processor",
            RdfError::CanonLimit { .. } => "rdf.canon_limit",
            RdfError::CanonUnsupported { .. } => "rdf.canon_unsupported",
        }
    }
}

/// Why safe mode drops a value ([`RdfError::DroppedValue`]): every reason the generic processor
/// gives, so that an error from a processor in another module comes back as the same value.
pub(crate) const DROP_REASONS: [&str; 7] = [
    DROP_EMPTY_KEY,
    DROP_BLANK_PROPERTY_ID,
    DROP_LANGUAGE_TAG,
    DROP_ID,
    DROP_TYPE,
    DROP_PROPERTY,
    DROP_BLANK_PROPERTY,
];
pub(crate) const DROP_EMPTY_KEY: &str = "the key is empty";
pub(crate) const DROP_BLANK_PROPERTY_ID: &str = "a blank node identifier is used as a property";
pub(crate) const DROP_LANGUAGE_TAG: &str = "the language tag is not well-formed";
pub(crate) const DROP_ID: &str = "the identifier is not an absolute IRI or a blank node identifier";
pub(crate) const DROP_TYPE: &str = "the type is not a defined class or an absolute IRI";
pub(crate) const DROP_PROPERTY: &str = "the property does not expand to an IRI";
pub(crate) const DROP_BLANK_PROPERTY: &str = "a blank node is used as a property";

/// The reason among [`DROP_REASONS`] that reads `text` (a generic one for any other text).
pub(crate) fn drop_reason(text: &str) -> &'static str {
    DROP_REASONS
        .into_iter()
        .find(|reason| *reason == text)
        .unwrap_or("the full JSON-LD processor drops it")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable_and_messages_name_the_place() {
        let e = RdfError::UndefinedTerm {
            term: "titel".into(),
            path: "$.credentialSubject".into(),
        };
        assert_eq!(e.code(), "rdf.undefined_term");
        assert_eq!(
            e.to_string(),
            "$.credentialSubject: the term `titel` is not defined by the active contexts"
        );
        let e = RdfError::UnknownContext {
            url: "https://example.org/ctx".into(),
        };
        assert_eq!(e.code(), "rdf.unknown_context");
        assert!(e.to_string().contains("https://example.org/ctx"));
    }
}

/// Why a dataset does not give a credential.
///
/// Messages name property and class IRIs and JSON paths, never literal values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum GraphError {
    /// No node in the default graph is typed `elm:EuropeanDigitalCredential`.
    #[error("no node in the default graph is typed {EDC_CLASS}")]
    NoCredential,
    /// Several nodes are typed `elm:EuropeanDigitalCredential`.
    #[error("{count} nodes in the default graph are typed {EDC_CLASS}; expected one")]
    SeveralCredentials {
        /// How many.
        count: usize,
    },
    /// A literal that does not fit its property: another datatype than the term declares, a
    /// non-canonical number or boolean, a literal where a node belongs.
    #[error("a value of <{property}> is not {expected}")]
    InvalidLiteral {
        /// The property IRI.
        property: String,
        /// What the term takes (a datatype IRI or a description).
        expected: String,
    },
    /// An IRI or blank node where the property takes a literal.
    #[error("a value of <{property}> is a node; the property takes a literal")]
    UnexpectedNode {
        /// The property IRI.
        property: String,
    },
    /// A term the JSON form cannot carry (an RDF 1.2 triple term, a type that is not an IRI, a
    /// proof that is not a named graph).
    #[error("a value of <{property}> cannot be written in JSON-LD: {what}")]
    Unsupported {
        /// The property IRI.
        property: String,
        /// What is wrong.
        what: &'static str,
    },
    /// An IRI that JSON-LD would read as a compact IRI (its scheme is a term of the context),
    /// so it would not come back as itself.
    #[error("an IRI used with <{property}> starts with a context term as its scheme")]
    UnrepresentableIri {
        /// The property IRI (`@id` for a node identifier).
        property: String,
    },
    /// Triples that the walk from the credential never reaches (or a named graph that is not a
    /// proof): they would be lost.
    #[error(
        "{count} triples are not reachable from the credential (first predicate <{first_predicate}>)"
    )]
    Unreachable {
        /// How many triples.
        count: usize,
        /// The predicate of one of them, to help find them.
        first_predicate: String,
    },
    /// Nodes nest deeper than [`GraphLimits::max_depth`](super::GraphLimits::max_depth).
    #[error("nodes nest deeper than the limit of {limit}")]
    TooDeep {
        /// The limit.
        limit: usize,
    },
    /// The embedded form would exceed [`GraphLimits::max_nodes`](super::GraphLimits::max_nodes) nodes.
    #[error("embedding the graph takes more than {limit} nodes")]
    TooLarge {
        /// The limit.
        limit: usize,
    },
    /// The JSON form does not fit the typed model (a class in the wrong slot, an invalid date).
    #[error("the graph does not fit the model: {0}")]
    Model(#[from] DecodeError),
}

impl GraphError {
    /// The stable code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            GraphError::NoCredential => "rdf.graph.no_credential",
            GraphError::SeveralCredentials { .. } => "rdf.graph.several_credentials",
            GraphError::InvalidLiteral { .. } => "rdf.graph.invalid_literal",
            GraphError::UnexpectedNode { .. } => "rdf.graph.unexpected_node",
            GraphError::Unsupported { .. } => "rdf.graph.unsupported",
            GraphError::UnrepresentableIri { .. } => "rdf.graph.unrepresentable_iri",
            GraphError::Unreachable { .. } => "rdf.graph.unreachable",
            GraphError::TooDeep { .. } => "rdf.graph.too_deep",
            GraphError::TooLarge { .. } => "rdf.graph.too_large",
            GraphError::Model(_) => "rdf.graph.model",
        }
    }
}
