//! The RDF view of a credential: offline JSON-LD expansion with bundled contexts, N-Quads and
//! RDFC-1.0 canonicalisation with work limits.

/// An RDF dataset: the credential's triples in the default graph (a Data Integrity proof, when
/// there is one, in a named graph).
pub type Dataset = sophia_inmem::dataset::LightDataset;
