//! The RDF view of a credential: offline JSON-LD expansion with bundled contexts, N-Quads and
//! RDFC-1.0 canonicalisation with work limits.
//!
//! - [`Contexts`]: the context registry (W3C contexts from `ssi-contexts`, the EDC context
//!   generated from the term table); an unknown URL is an error, nothing is fetched.
//! - [`Expander`] / [`to_dataset`]: JSON-LD → [`Dataset`] with `sophia_jsonld`, in safe mode by
//!   default (an undefined term or a value JSON-LD would drop is an error). Documents over
//!   registered context URLs take a fast path (`fast`) that gives the same dataset, and falls
//!   back to the generic one for anything it does not cover.
//! - [`to_nquads`]: N-Quads text.
//! - [`Canonicalizer`] / [`canonical_nquads`]: RDFC-1.0 with `sophia_c14n`.

mod canon;
mod contexts;
mod error;
mod fast;
pub(crate) mod from_graph;
mod jsonld;
mod nquads;

pub use canon::{
    Canonicalizer, DEFAULT_HASH_BUDGET, DEFAULT_PERMUTATION_LIMIT, DEFAULT_RECURSION_LIMIT,
    HASHES_PER_QUAD, HashAlgorithm, canonical_nquads,
};
pub use contexts::{
    CREDENTIALS_V1, CREDENTIALS_V2, Contexts, DATA_INTEGRITY_V2, DID_V1, EDC_AP, MULTIKEY_V1,
    RegistryLoader, STATUS_LIST_2021_V1, edc_ap_context, edc_ap_context_for,
};
pub use error::RdfError;
pub use from_graph::{GraphError, GraphLimits, from_dataset, from_dataset_with};
pub use jsonld::{DEFAULT_MAX_DEPTH, Expander, to_dataset};
pub use nquads::to_nquads;

/// An RDF dataset: the credential's triples in the default graph (a Data Integrity proof, when
/// there is one, in a named graph).
pub type Dataset = sophia_inmem::dataset::LightDataset;
