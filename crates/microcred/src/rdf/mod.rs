//! The RDF view of a credential: offline JSON-LD expansion with bundled contexts, N-Quads and
//! RDFC-1.0 canonicalisation with work limits.
//!
//! - [`Contexts`]: the context registry (W3C contexts from `ssi-contexts`, the EDC context
//!   generated from the term table); an unknown URL is an error, nothing is fetched.
//! - [`Expander`] / [`to_dataset`]: JSON-LD → [`Dataset`], in safe mode by default (an
//!   undefined term or a value JSON-LD would drop is an error). Documents over registered
//!   context URLs take a fast path (`fast`); anything it does not cover goes to the generic
//!   processor (`generic`: json-ld 0.15 through `sophia_jsonld`, feature `full-jsonld`), or, in
//!   builds without it, to one in another module ([`set_full_processor`]).
//! - [`to_nquads`]: N-Quads text.
//! - [`Canonicalizer`] / [`canonical_nquads`]: RDFC-1.0 with `sophia_c14n`.

mod canon;
mod contexts;
mod error;
mod fast;
pub(crate) use fast::Canonical;
mod from_graph;
#[cfg(feature = "full-jsonld")]
mod generic;
pub(crate) mod graph;
mod jsonld;
mod nquads;
mod processor;

pub use canon::{
    Canonicalizer, DEFAULT_HASH_BUDGET, DEFAULT_PERMUTATION_LIMIT, DEFAULT_RECURSION_LIMIT,
    HASHES_PER_QUAD, HashAlgorithm, canonical_nquads,
};
pub use contexts::{
    CREDENTIALS_V1, CREDENTIALS_V2, Contexts, DATA_INTEGRITY_V2, DID_V1, EDC_AP, MULTIKEY_V1,
    STATUS_LIST_2021_V1, edc_ap_context, edc_ap_context_for,
};
// json-ld 0.15's document loader over a registry: outside the stable API (it follows that
// crate's version), see `Contexts::json_ld_loader`.
#[cfg(feature = "full-jsonld")]
#[doc(hidden)]
pub use contexts::RegistryLoader;
pub use error::{GraphError, RdfError};
pub use from_graph::{GraphLimits, from_dataset, from_dataset_with};
pub use jsonld::{DEFAULT_MAX_DEPTH, Expander, to_dataset};
pub use nquads::to_nquads;
#[cfg(all(
    target_arch = "wasm32",
    target_os = "unknown",
    not(feature = "wasm-rdf-xml-read")
))]
pub(crate) use processor::read_rdf_xml_elsewhere;
#[cfg(feature = "full-jsonld")]
pub use processor::serve_full_processor;
pub use processor::{FullProcessor, set_full_processor};

/// The in-memory dataset the RDF code works on (sophia's).
pub(crate) type Graph = sophia_inmem::dataset::LightDataset;

/// An RDF dataset: the credential's triples in the default graph (a Data Integrity proof, when
/// there is one, in a named graph).
///
/// Made by [`to_dataset`], [`Expander`] and the RDF/XML reader; read by [`from_dataset`],
/// [`to_nquads`], [`canonical_nquads`] and the RDF/XML writer. The RDF library it is held in is
/// not part of the API.
#[derive(Debug, Clone, Default)]
pub struct Dataset(pub(crate) Graph);

impl Dataset {
    /// An empty dataset.
    pub fn new() -> Self {
        Dataset(Graph::new())
    }

    /// The number of quads.
    pub fn len(&self) -> usize {
        use sophia_api::dataset::Dataset as _;
        // A LightDataset's quads() cannot fail.
        self.0.quads().flatten().count()
    }

    /// Whether the dataset holds no quad.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The dataset as N-Quads (see [`to_nquads`]).
    pub fn to_nquads(&self) -> String {
        to_nquads(self)
    }

    /// The dataset as `sophia_inmem` (0.10) holds it. An escape hatch outside the stable API:
    /// its type follows that crate's version.
    #[doc(hidden)]
    pub fn as_sophia(&self) -> &sophia_inmem::dataset::LightDataset {
        &self.0
    }

    /// A dataset from `sophia_inmem` (0.10), e.g. parsed with `sophia_turtle`. An escape hatch
    /// outside the stable API: its type follows that crate's version.
    #[doc(hidden)]
    pub fn from_sophia(dataset: sophia_inmem::dataset::LightDataset) -> Self {
        Dataset(dataset)
    }
}
