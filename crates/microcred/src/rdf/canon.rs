//! RDFC-1.0 canonicalisation (W3C RDF Dataset Canonicalization) with explicit work limits.
//!
//! The algorithm is `sophia_c14n`'s. Its two safeguards against poison graphs are exposed as they
//! are: the recursion depth of *Hash N-Degree Quads* is bounded by `depth_factor` × the number of
//! blank nodes, and at most `permutation_limit` indistinguishable blank nodes are permuted at a
//! time. Those two bound neither the total work nor the stack, though. Within them (release
//! build) a 24-node prism graph (3 KB of N-Quads) took about a second, a 32-node hypercube more
//! than a minute, and two identical chains of a thousand blank nodes overflowed a 1 MB stack.
//! So two limits are added here:
//! - a budget of hash computations, the unit of work of RDFC-1.0 (the W3C suite's negative test
//!   is specified as "excessive calls to Hash N-Degree Quads");
//! - an absolute recursion limit, applied by lowering the depth factor for large graphs.
//!
//! Past any of the four, canonicalisation stops with `rdf.canon_limit`.

#[cfg(feature = "full-jsonld")]
use std::cell::Cell;
use std::collections::BTreeMap;
#[cfg(feature = "full-jsonld")]
use std::collections::HashSet;

use sha2::Digest;
#[cfg(feature = "full-jsonld")]
use sophia_api::dataset::Dataset as _;
#[cfg(feature = "full-jsonld")]
use sophia_api::quad::Quad as _;
#[cfg(feature = "full-jsonld")]
use sophia_api::term::Term as _;
#[cfg(feature = "full-jsonld")]
use sophia_c14n::C14nError;
#[cfg(feature = "full-jsonld")]
use sophia_c14n::hash::{HashFunction, Sha256, Sha384};
#[cfg(feature = "full-jsonld")]
use sophia_c14n::rdfc10;

#[cfg(feature = "full-jsonld")]
use super::Graph;
use super::{Dataset, RdfError};

/// The hash function RDFC-1.0 uses internally (the spec's default is SHA-256; SHA-384 is the
/// one other the spec names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum HashAlgorithm {
    /// SHA-256 (the default).
    #[default]
    Sha256,
    /// SHA-384.
    Sha384,
}

/// The default depth factor (`sophia_c14n`'s).
const DEFAULT_DEPTH_FACTOR: f32 = 1.0;

/// The fixed part of the default hash budget.
pub const DEFAULT_HASH_BUDGET: u64 = 10_000;
/// The part of the default hash budget that grows with the dataset, per quad.
pub const HASHES_PER_QUAD: u64 = 20;
/// The default permutation limit.
pub const DEFAULT_PERMUTATION_LIMIT: usize = 4;
/// The default recursion limit.
pub const DEFAULT_RECURSION_LIMIT: usize = 128;

/// RDFC-1.0 canonicalisation, configured once and reused.
///
/// Default limits:
/// - depth factor 1 (`sophia_c14n`'s);
/// - permutation limit [`DEFAULT_PERMUTATION_LIMIT`], below `sophia_c14n`'s 6, whose 720 orders
///   per group let a 7-node clique take a third of a second (the whole W3C suite needs 3);
/// - a budget of [`DEFAULT_HASH_BUDGET`] hash computations plus [`HASHES_PER_QUAD`] per quad;
/// - recursion at most [`DEFAULT_RECURSION_LIMIT`] deep.
///
/// The EC samples have no blank nodes, so they need no hashing at all; the W3C suite's heaviest
/// cases (its "computable poison" graphs) about 3,300 hashes.
///
/// ```
/// use microcred::rdf::{Canonicalizer, to_dataset};
///
/// let dataset = to_dataset(&microcred::issue::demo_credential()).unwrap();
/// let canonical = Canonicalizer::new().canonical_nquads(&dataset).unwrap();
/// assert!(canonical.lines().all(|line| line.ends_with(" .")));
/// let hash = Canonicalizer::new().canonical_sha256(&dataset).unwrap();
/// assert_eq!(hash.len(), 32);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Canonicalizer {
    hash: HashAlgorithm,
    depth_factor: f32,
    permutation_limit: usize,
    hash_budget: Option<u64>,
    recursion_limit: usize,
}

impl Default for Canonicalizer {
    fn default() -> Self {
        Canonicalizer::new()
    }
}

impl Canonicalizer {
    /// SHA-256 and the default limits.
    pub fn new() -> Self {
        Canonicalizer {
            hash: HashAlgorithm::Sha256,
            depth_factor: DEFAULT_DEPTH_FACTOR,
            permutation_limit: DEFAULT_PERMUTATION_LIMIT,
            hash_budget: None,
            recursion_limit: DEFAULT_RECURSION_LIMIT,
        }
    }

    /// The hash function used inside the algorithm.
    pub fn with_hash(mut self, hash: HashAlgorithm) -> Self {
        self.hash = hash;
        self
    }

    /// Bounds the recursion of *Hash N-Degree Quads* to `factor` × the number of blank nodes
    /// (default 1.0).
    pub fn with_depth_factor(mut self, factor: f32) -> Self {
        self.depth_factor = factor;
        self
    }

    /// The most indistinguishable blank nodes permuted at a time (default
    /// [`DEFAULT_PERMUTATION_LIMIT`], i.e. at most 24 orders tried per group).
    pub fn with_permutation_limit(mut self, limit: usize) -> Self {
        self.permutation_limit = limit;
        self
    }

    /// The most hash computations one canonicalisation may make (default
    /// [`DEFAULT_HASH_BUDGET`] + [`HASHES_PER_QUAD`] × the number of quads).
    pub fn with_hash_budget(mut self, hashes: u64) -> Self {
        self.hash_budget = Some(hashes);
        self
    }

    /// The deepest recursion of *Hash N-Degree Quads* allowed, whatever the depth factor
    /// (default [`DEFAULT_RECURSION_LIMIT`]; a level takes about 1.5 KB of stack in a release
    /// build, 7 KB in a debug build).
    pub fn with_recursion_limit(mut self, levels: usize) -> Self {
        self.recursion_limit = levels;
        self
    }

    /// The canonical N-Quads of `dataset`: blank nodes relabelled `_:c14n0`, `_:c14n1`, ...,
    /// lines sorted.
    pub fn canonical_nquads(&self, dataset: &Dataset) -> Result<String, RdfError> {
        #[cfg(not(feature = "full-jsonld"))]
        return super::processor::canonical_elsewhere(self, dataset);
        #[cfg(feature = "full-jsonld")]
        self.canonical_here(dataset)
    }

    #[cfg(feature = "full-jsonld")]
    pub(super) fn canonical_here(&self, dataset: &Dataset) -> Result<String, RdfError> {
        let mut bytes = Vec::new();
        let dataset = &dataset.0;
        self.within_limits(dataset, |depth_factor| match self.hash {
            HashAlgorithm::Sha256 => rdfc10::normalize_with::<Budgeted<Sha256>, _, _>(
                dataset,
                &mut bytes,
                depth_factor,
                self.permutation_limit,
            ),
            HashAlgorithm::Sha384 => rdfc10::normalize_with::<Budgeted<Sha384>, _, _>(
                dataset,
                &mut bytes,
                depth_factor,
                self.permutation_limit,
            ),
        })?;
        String::from_utf8(bytes).map_err(|_| RdfError::CanonUnsupported {
            reason: "the canonical form is not UTF-8".to_owned(),
        })
    }

    /// SHA-256 of the canonical N-Quads (what Data Integrity `*-rdfc-*` suites hash).
    pub fn canonical_sha256(&self, dataset: &Dataset) -> Result<[u8; 32], RdfError> {
        let canonical = self.canonical_nquads(dataset)?;
        Ok(sha2::Sha256::digest(canonical.as_bytes()).into())
    }

    /// The issued identifiers map of RDFC-1.0: each blank node label of `dataset` with its
    /// canonical label (`c14n0`, ...), labels without `_:`.
    pub fn issued_identifiers(
        &self,
        dataset: &Dataset,
    ) -> Result<BTreeMap<String, String>, RdfError> {
        #[cfg(not(feature = "full-jsonld"))]
        return super::processor::issued_elsewhere(self, dataset);
        #[cfg(feature = "full-jsonld")]
        self.issued_here(dataset)
    }

    #[cfg(feature = "full-jsonld")]
    pub(super) fn issued_here(
        &self,
        dataset: &Dataset,
    ) -> Result<BTreeMap<String, String>, RdfError> {
        let dataset = &dataset.0;
        self.within_limits(dataset, |depth_factor| match self.hash {
            HashAlgorithm::Sha256 => self.relabel::<Budgeted<Sha256>>(dataset, depth_factor),
            HashAlgorithm::Sha384 => self.relabel::<Budgeted<Sha384>>(dataset, depth_factor),
        })
    }

    #[cfg(feature = "full-jsonld")]
    fn relabel<H: HashFunction>(
        &self,
        dataset: &Graph,
        depth_factor: f32,
    ) -> Result<BTreeMap<String, String>, C14nError<std::convert::Infallible>> {
        let (_, issued) =
            rdfc10::relabel_with::<H, _>(dataset, depth_factor, self.permutation_limit)?;
        Ok(issued
            .into_iter()
            .map(|(input, canonical)| (input.to_string(), canonical.as_str().to_owned()))
            .collect())
    }

    #[cfg(feature = "full-jsonld")]
    /// Runs `work` with the hash budget armed and the depth factor capped by the recursion
    /// limit, and turns an exhausted budget or a `sophia_c14n` safeguard into `rdf.canon_limit`.
    fn within_limits<T>(
        &self,
        dataset: &Graph,
        work: impl FnOnce(f32) -> Result<T, C14nError<std::convert::Infallible>>,
    ) -> Result<T, RdfError> {
        let mut quads = 0u64;
        let mut blank_nodes = HashSet::new();
        for quad in dataset.quads().flatten() {
            quads += 1;
            for term in [quad.s(), quad.o()].into_iter().chain(quad.g()) {
                if let Some(id) = term.bnode_id() {
                    blank_nodes.insert(id.as_str().to_owned());
                }
            }
        }
        let budget = self.hash_budget.unwrap_or_else(|| {
            DEFAULT_HASH_BUDGET.saturating_add(HASHES_PER_QUAD.saturating_mul(quads))
        });
        // sophia_c14n stops past depth_factor × (number of blank nodes) levels.
        let depth_factor = match blank_nodes.len() {
            0 => self.depth_factor,
            n => self
                .depth_factor
                .min(self.recursion_limit as f32 / n as f32),
        };
        BUDGET.with(|b| b.set(Some(budget)));
        let outcome = work(depth_factor);
        let exhausted = BUDGET.with(|b| b.replace(None)) == Some(0);
        if exhausted {
            return Err(RdfError::CanonLimit {
                reason: format!("more than {budget} hash computations"),
            });
        }
        outcome.map_err(canon_error)
    }
}

impl Canonicalizer {
    /// The settings, for a processor in another module.
    pub(super) fn settings(&self) -> (HashAlgorithm, f32, usize, Option<u64>, usize) {
        (
            self.hash,
            self.depth_factor,
            self.permutation_limit,
            self.hash_budget,
            self.recursion_limit,
        )
    }
}

/// The canonical N-Quads of `dataset` with the default [`Canonicalizer`].
pub fn canonical_nquads(dataset: &Dataset) -> Result<String, RdfError> {
    Canonicalizer::new().canonical_nquads(dataset)
}

#[cfg(feature = "full-jsonld")]
thread_local! {
    /// Hash computations left to the canonicalisation running on this thread (`None`: none is
    /// running, so no limit).
    static BUDGET: Cell<Option<u64>> = const { Cell::new(None) };
    /// Numbers the stand-in hashes handed out once the budget is spent.
    static SPENT: Cell<u64> = const { Cell::new(0) };
}

#[cfg(feature = "full-jsonld")]
/// A hash function that counts against [`BUDGET`].
///
/// `sophia_c14n` has no work budget, and its only extension point is the hash function, which
/// cannot fail. So once the budget is spent, each "hash" is instead a fresh value (the hash of a
/// counter): no two blank nodes look alike any more, every group has one member, and the
/// algorithm finishes in a few passes over the graph. Its result is then thrown away and the
/// caller gets `rdf.canon_limit`. Within the budget this is exactly `H`.
struct Budgeted<H> {
    inner: H,
    spent: bool,
}

#[cfg(feature = "full-jsonld")]
impl<H: HashFunction> HashFunction for Budgeted<H> {
    type Output = H::Output;

    fn initialize() -> Self {
        let spent = BUDGET.with(|b| match b.get() {
            Some(0) => true,
            Some(left) => {
                b.set(Some(left - 1));
                false
            }
            None => false,
        });
        let mut inner = H::initialize();
        if spent {
            inner.update(
                SPENT
                    .with(|n| n.replace(n.get().wrapping_add(1)))
                    .to_le_bytes(),
            );
        }
        Budgeted { inner, spent }
    }

    fn update(&mut self, data: impl AsRef<[u8]>) {
        if !self.spent {
            self.inner.update(data);
        }
    }

    fn finalize(self) -> Self::Output {
        self.inner.finalize()
    }
}

#[cfg(feature = "full-jsonld")]
fn canon_error<E: std::error::Error + Send + Sync + 'static>(error: C14nError<E>) -> RdfError {
    match error {
        // sophia_c14n's message names the limit and the group size, nothing from the data.
        C14nError::ToxicGraph(reason) => RdfError::CanonLimit { reason },
        C14nError::Unsupported(reason) => RdfError::CanonUnsupported { reason },
        C14nError::Dataset(_) | C14nError::Io(_) => RdfError::CanonUnsupported {
            reason: "the dataset could not be read".to_owned(),
        },
    }
}
