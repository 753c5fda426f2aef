//! Errors of the RDF/XML reader and writer.

use crate::rdf::{GraphError, RdfError};

/// Why RDF/XML could not be read or written. Each variant has a stable [`code`](Self::code).
///
/// Messages give byte offsets, line numbers and property IRIs, never text from the document:
/// the underlying parser's messages can quote literal values (personal data), so they are not
/// passed on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum XmlError {
    /// The input is larger than the reader's limit.
    #[error("the document is {size} bytes, over the limit of {limit}")]
    TooLarge {
        /// The input size in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// Elements nest deeper than the reader's limit.
    #[error("elements nest deeper than the limit of {limit} (line {line})")]
    TooDeep {
        /// The limit.
        limit: usize,
        /// The line where the limit was passed.
        line: usize,
    },
    /// A document type declaration or an entity declaration. Refused before any parsing: DTDs
    /// bring external entities (XXE) and entity expansion bombs, and RDF/XML needs neither.
    #[error("DTDs and entity declarations are refused (line {line})")]
    DtdForbidden {
        /// The line of the declaration.
        line: usize,
    },
    /// The input is not UTF-8 (the only encoding accepted).
    #[error("the document is not UTF-8 (byte {offset})")]
    Encoding {
        /// The offset of the first byte that is not UTF-8.
        offset: usize,
    },
    /// Not well-formed XML (unclosed or mismatched tags, a truncated document, bad syntax).
    #[error("malformed XML at line {line}, column {column}")]
    Syntax {
        /// The line (from 1).
        line: usize,
        /// The column in bytes (from 1).
        column: usize,
    },
    /// Well-formed XML that is not an RDF/XML document: the root element is not `rdf:RDF`.
    #[error("not RDF/XML: the root element is not rdf:RDF")]
    NotRdf,
    /// Well-formed XML under `rdf:RDF` that breaks the RDF/XML grammar.
    #[error("invalid RDF/XML: {reason}")]
    InvalidRdf {
        /// What kind of problem (never text from the document).
        reason: &'static str,
    },
    /// A dataset the writer cannot express in RDF/XML: a predicate IRI that does not end in an
    /// XML name, a reserved `rdf:` name as predicate, a character XML 1.0 cannot carry.
    #[error("cannot be written as RDF/XML: {reason} (property <{property}>)")]
    Unrepresentable {
        /// The property concerned (empty when none).
        property: String,
        /// What is wrong.
        reason: &'static str,
    },
    /// RDF/XML holds one graph; the dataset has named graphs (a Data Integrity proof).
    #[error("RDF/XML holds one graph; the dataset has {count} named graphs")]
    NamedGraphs {
        /// How many named graphs.
        count: usize,
    },
    /// An error of the RDF/XML reader in another module (the npm package's second one, see
    /// [`crate::rdf::set_full_processor`]), as its code and message.
    #[error("{message}")]
    Elsewhere {
        /// The reader's code (`xml.*`, `rdf.graph.*`, ...).
        code: &'static str,
        /// The reader's message.
        message: String,
    },
    /// The graph does not give a credential (see [`GraphError`]).
    #[error(transparent)]
    Graph(#[from] GraphError),
    /// The credential could not be turned into RDF (see [`RdfError`]).
    #[error(transparent)]
    Rdf(#[from] RdfError),
}

impl XmlError {
    /// The stable code of this error; for [`XmlError::Graph`] and [`XmlError::Rdf`], the code of
    /// the wrapped error (`rdf.graph.*`, `rdf.*`).
    pub fn code(&self) -> &'static str {
        match self {
            XmlError::TooLarge { .. } => "xml.too_large",
            XmlError::TooDeep { .. } => "xml.too_deep",
            XmlError::DtdForbidden { .. } => "xml.dtd_forbidden",
            XmlError::Encoding { .. } => "xml.encoding",
            XmlError::Syntax { .. } => "xml.syntax",
            XmlError::NotRdf => "xml.not_rdf",
            XmlError::InvalidRdf { .. } => "xml.invalid_rdf",
            XmlError::Unrepresentable { .. } => "xml.unrepresentable",
            XmlError::NamedGraphs { .. } => "xml.named_graphs",
            XmlError::Elsewhere { code, .. } => code,
            XmlError::Graph(e) => e.code(),
            XmlError::Rdf(e) => e.code(),
        }
    }
}
