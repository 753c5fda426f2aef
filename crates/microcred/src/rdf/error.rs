//! Errors of the RDF view: JSON-LD expansion, contexts and canonicalisation.

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
            RdfError::CanonLimit { .. } => "rdf.canon_limit",
            RdfError::CanonUnsupported { .. } => "rdf.canon_unsupported",
        }
    }
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
