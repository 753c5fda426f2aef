//! RDF/XML: the same ELM graph as the JSON-LD form, in the syntax the ELM ontology itself is
//! published in.
//!
//! - [`to_rdf_xml`] goes credential → RDF dataset ([`crate::rdf::to_dataset`]) → RDF/XML, written
//!   by this module in a readable style (EDC prefixes, typed and nested node elements);
//! - [`from_rdf_xml`] goes RDF/XML → dataset (sophia_xml's parser, behind a pre-scan that refuses
//!   DTDs and enforces size and depth limits) → credential ([`crate::rdf::from_dataset`]).
//!
//! The round trip keeps the graph: the triples read back are the triples written.
//!
//! Reading on `wasm32-unknown-unknown` takes the `wasm-rdf-xml-read` feature: sophia_xml's model
//! crate draws random blank node ids from the OS, which that target only reaches through
//! JavaScript, and the core stays free of JavaScript bindings (the WASM binding, which has
//! JavaScript, enables the feature and getrandom's `wasm_js` backend). Writing works on every
//! target.
//!
//! ```
//! let credential = microcred::issue::demo_credential();
//! let xml = microcred::xml::to_rdf_xml(&credential)?;
//! assert!(xml.contains("<elm:EuropeanDigitalCredential rdf:about="));
//! let dataset = microcred::xml::rdf_xml_to_dataset(xml.as_bytes())?;
//! let again = microcred::rdf::from_dataset(&dataset)?;
//! assert_eq!(again.credential_subject.is_some(), credential.credential_subject.is_some());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Legacy EDCI XML (`europassCredential`, before 2023) is a different format: reading it is
//! refused here with `xml.not_rdf`.

mod error;
// The reader needs sophia_xml, whose oxrdf draws OS randomness (blank node ids) that
// wasm32-unknown-unknown only has through JavaScript: there, only with `wasm-rdf-xml-read`.
#[cfg(any(
    not(all(target_arch = "wasm32", target_os = "unknown")),
    feature = "wasm-rdf-xml-read"
))]
mod read;
mod write;

pub use error::XmlError;
#[cfg(any(
    not(all(target_arch = "wasm32", target_os = "unknown")),
    feature = "wasm-rdf-xml-read"
))]
pub use read::{Limits, Reader, from_rdf_xml, rdf_xml_to_dataset};
pub use write::{dataset_to_rdf_xml, to_rdf_xml};

/// Reads a credential from RDF/XML with the reader of another module (the npm package's second
/// one, see [`crate::rdf::set_full_processor`]); `rdf.needs_full_processor` when none is
/// installed. The build on wasm32-unknown-unknown without `wasm-rdf-xml-read`.
#[cfg(all(
    target_arch = "wasm32",
    target_os = "unknown",
    not(feature = "wasm-rdf-xml-read")
))]
pub fn from_rdf_xml(bytes: &[u8]) -> Result<crate::EuropeanDigitalCredential, XmlError> {
    crate::rdf::read_rdf_xml_elsewhere(bytes)
}
