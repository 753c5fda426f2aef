//! JSON-LD → RDF, offline, with safe mode: the [`Expander`].
//!
//! An expander first tries the fast path (`super::fast`: a direct walk for documents over
//! registered contexts); what it declines goes to the generic JSON-LD processor
//! (`super::generic`, json-ld 0.15), which gives the dataset or the exact error. Builds without
//! the `full-jsonld` feature (the browser module, where json-ld 0.15 is a fifth of the size)
//! hand those documents to a processor in another module (`super::processor`), or say
//! `rdf.needs_full_processor`.
//!
//! Safe mode (on by default) refuses what JSON-LD would silently leave out of the graph: an
//! undefined term (`rdf.undefined_term`) or a value the RDF step would skip
//! (`rdf.dropped_value`); `super::generic` says how.

use std::sync::Arc;

use serde_json::Value;

use super::RdfError;
use super::contexts::Contexts;
use super::fast::{FastPath, Leave, View};
use super::{Dataset, Graph};
use crate::model::EuropeanDigitalCredential;

/// The default nesting limit of [`Expander`].
pub const DEFAULT_MAX_DEPTH: usize = 32;

/// The RDF dataset of a credential, expanded offline with the bundled contexts in safe mode.
///
/// ```
/// let credential = microcred::issue::demo_credential();
/// let dataset = microcred::rdf::to_dataset(&credential).unwrap();
/// let nquads = microcred::rdf::to_nquads(&dataset);
/// assert!(nquads.contains("<http://data.europa.eu/snb/model/elm/EuropeanDigitalCredential>"));
/// ```
pub fn to_dataset(credential: &EuropeanDigitalCredential) -> Result<Dataset, RdfError> {
    Expander::new().expand_credential(credential)
}

/// JSON-LD expansion to an RDF dataset, configured once and reused.
///
/// Defaults: the [bundled contexts](Contexts::bundled), safe mode on, nesting limit
/// [`DEFAULT_MAX_DEPTH`]. Reusing one expander reuses its processed contexts; clones share them.
///
/// ```
/// use microcred::rdf::Expander;
/// use serde_json::json;
///
/// let document = json!({
///     "@context": ["https://www.w3.org/2018/credentials/v1",
///                  "http://data.europa.eu/snb/model/context/edc-ap"],
///     "id": "urn:epass:person:1",
///     "type": "Person",
///     "titel": {"en": "misspelt"}
/// });
/// let err = Expander::new().expand_value(&document).unwrap_err();
/// assert_eq!(err.code(), "rdf.undefined_term");
/// assert_eq!(err.to_string(), "$: the term `titel` is not defined by the active contexts");
/// ```
#[derive(Clone)]
pub struct Expander {
    contexts: Contexts,
    safe: bool,
    max_depth: usize,
    /// The generic path's processed contexts (shared by clones, which hold the same contexts).
    #[cfg(feature = "full-jsonld")]
    generic: super::generic::Generic,
    /// Whether to try the fast path first (safe mode only).
    fast: bool,
    /// The fast path's compiled contexts (shared by clones).
    fast_path: Arc<FastPath>,
}

impl Default for Expander {
    fn default() -> Self {
        Expander::new()
    }
}

impl std::fmt::Debug for Expander {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Expander")
            .field("contexts", &self.contexts)
            .field("safe", &self.safe)
            .field("max_depth", &self.max_depth)
            .field("fast", &self.fast)
            .finish_non_exhaustive()
    }
}

impl Expander {
    /// An expander over the bundled contexts, in safe mode.
    pub fn new() -> Self {
        Expander {
            contexts: Contexts::bundled(),
            safe: true,
            max_depth: DEFAULT_MAX_DEPTH,
            #[cfg(feature = "full-jsonld")]
            generic: Default::default(),
            fast: true,
            fast_path: Arc::default(),
        }
    }

    /// Uses `contexts` instead of the bundled ones.
    pub fn with_contexts(mut self, contexts: Contexts) -> Self {
        self.fast_path = Arc::default();
        self.contexts = contexts;
        #[cfg(feature = "full-jsonld")]
        {
            self.generic = Default::default();
        }
        self
    }

    /// Turns the fast path on (the default) or off. In safe mode, documents whose `@context` is
    /// a list of registered context URLs are expanded by a direct walk over contexts compiled
    /// once per expander, many times faster than the generic JSON-LD algorithm; anything the
    /// walk does not cover falls back to the generic path, and both give the same dataset or
    /// the same error. Off forces the generic path (for differential tests and comparisons).
    pub fn fast(mut self, on: bool) -> Self {
        self.fast = on;
        self
    }

    /// Turns safe mode on (the default) or off. Off gives plain JSON-LD: undefined terms and
    /// unusable values are dropped without a word. Never turn it off when signing or verifying.
    pub fn safe(mut self, safe: bool) -> Self {
        self.safe = safe;
        self
    }

    /// The deepest nesting of objects and arrays accepted (default [`DEFAULT_MAX_DEPTH`]; the
    /// EC samples reach 14). Expansion recurses once per level and a level takes about 16 KB of
    /// stack in a release build (ten times that in a debug build), so the default stays within
    /// half of the 1 MB stack a wasm32 module gets; deeper input is `rdf.too_deep`, not a stack
    /// overflow.
    pub fn with_max_depth(mut self, levels: usize) -> Self {
        self.max_depth = levels;
        self
    }

    /// The contexts in use.
    pub fn contexts(&self) -> &Contexts {
        &self.contexts
    }

    /// The dataset of a typed credential, as written by [`crate::json::to_value`].
    pub fn expand_credential(
        &self,
        credential: &EuropeanDigitalCredential,
    ) -> Result<Dataset, RdfError> {
        self.expand_owned(crate::json::to_value(credential))
    }

    /// The dataset of a JSON-LD document (any JSON-LD, not only credentials).
    pub fn expand_value(&self, document: &Value) -> Result<Dataset, RdfError> {
        // Checked before the clone, which recurses too.
        self.check_depth(document)?;
        if let Some(dataset) = self.try_fast(document) {
            return Ok(Dataset(dataset));
        }
        self.expand_checked(document.clone()).map(Dataset)
    }

    /// Whether `document` expands without an error, and which error it gives: what
    /// [`Expander::expand_value`] returns, without building the dataset when the fast path
    /// covers the document (the profile check's dropped-value check needs no quads).
    pub(crate) fn check_value(&self, document: &Value) -> Result<(), RdfError> {
        self.check_depth(document)?;
        if self.safe
            && self.fast
            && self
                .fast_path_for(document.get("@context"))
                .covers(&self.contexts, document)
        {
            return Ok(());
        }
        self.expand_checked(document.clone()).map(|_| ())
    }

    /// The RDFC-1.0 canonical N-Quads of `document`, straight from the fast path, when it covers
    /// the document and the document has at most one blank node (`None` otherwise, or when the
    /// document is too deep: then [`Expander::expand_value`] gives the dataset or the error).
    pub(crate) fn canonical_fast(&self, document: &Value) -> Option<super::fast::Canonical> {
        self.canonical_fast_view(document, View::whole(document))
    }

    /// [`Expander::canonical_fast`] of `document` without its member `without`, and with
    /// `context` as its `@context` when given: a Data Integrity proof's unsecured document,
    /// read in place rather than copied. Without a `context` of its own the member is walked too,
    /// its quads left unsaid, so that [`Canonical::whole`](super::fast::Canonical) says whether
    /// the whole document expands without an error (the format check's question).
    pub(crate) fn canonical_fast_without(
        &self,
        document: &Value,
        without: &str,
        context: Option<&Value>,
    ) -> Option<super::fast::Canonical> {
        let whole = View::whole(document);
        if context.is_none() {
            let unsaid = View {
                leave: Leave::Unsaid(without),
                ..whole
            };
            if let Some(mut canonical) = self.canonical_fast_view(document, unsaid) {
                canonical.whole = true;
                return Some(canonical);
            }
        }
        // The member itself may be outside the fast path, the rest not.
        let view = View {
            context: context.or(whole.context),
            leave: Leave::Out(without),
            ..whole
        };
        self.canonical_fast_view(document, view)
    }

    /// `view` is of `document`, whose depth bounds the view's.
    fn canonical_fast_view(
        &self,
        document: &Value,
        view: View<'_>,
    ) -> Option<super::fast::Canonical> {
        if !(self.safe && self.fast) || too_deep(document, self.max_depth).is_some() {
            return None;
        }
        self.fast_path_for(view.context)
            .canonical(&self.contexts, view)
    }

    fn expand_owned(&self, document: Value) -> Result<Dataset, RdfError> {
        self.check_depth(&document)?;
        if let Some(dataset) = self.try_fast(&document) {
            return Ok(Dataset(dataset));
        }
        self.expand_checked(document).map(Dataset)
    }

    /// The fast path's dataset alone, `None` when it declines `document` (outside its subset,
    /// or an input the generic path rejects). For differential tests and benchmarks: callers
    /// want [`Expander::expand_value`], which falls back to the generic path.
    #[doc(hidden)]
    pub fn expand_fast_only(&self, document: &Value) -> Option<Dataset> {
        if too_deep(document, self.max_depth).is_some() {
            return None;
        }
        self.fast_path_for(document.get("@context"))
            .expand(&self.contexts, document)
            .map(Dataset)
    }

    /// The compiled contexts to walk a document with: the process-wide ones when its `@context`
    /// names bundled contexts only (this registry holds the bundled documents under those URLs,
    /// so compiling them gives the same), else this expander's own.
    fn fast_path_for(&self, context: Option<&Value>) -> &FastPath {
        let bundled = match context {
            Some(Value::String(url)) => self.contexts.holds_bundled(url),
            Some(Value::Array(items)) => items.iter().all(|item| {
                item.as_str()
                    .is_some_and(|url| self.contexts.holds_bundled(url))
            }),
            _ => false,
        };
        if bundled {
            bundled_fast_path()
        } else {
            &self.fast_path
        }
    }

    /// The fast path's dataset, when it is on and covers the document (see [`super::fast`]).
    fn try_fast(&self, document: &Value) -> Option<Graph> {
        if self.safe && self.fast {
            self.fast_path_for(document.get("@context"))
                .expand(&self.contexts, document)
        } else {
            None
        }
    }

    fn check_depth(&self, document: &Value) -> Result<(), RdfError> {
        match too_deep(document, self.max_depth) {
            Some(path) => Err(RdfError::TooDeep {
                path,
                limit: self.max_depth,
            }),
            None => Ok(()),
        }
    }
    fn expand_checked(&self, document: Value) -> Result<Graph, RdfError> {
        #[cfg(feature = "full-jsonld")]
        return self.generic.expand(&self.contexts, self.safe, document);
        // The generic path's first step is loading the contexts: for a list of URLs (the EDC
        // form) an unregistered one is an error known without it.
        #[cfg(not(feature = "full-jsonld"))]
        if let Some(url) = unregistered_context(&self.contexts, &document) {
            return Err(RdfError::UnknownContext { url });
        }
        #[cfg(not(feature = "full-jsonld"))]
        return super::processor::expand_elsewhere(
            &self.contexts,
            self.safe,
            self.max_depth,
            document,
        );
    }
}

/// The path of the first object or array nested deeper than `limit` (the outermost one is at
/// depth 1). Iterative: the input may be deeper than the stack allows recursion.
fn too_deep(document: &Value, limit: usize) -> Option<String> {
    fn containers(value: &Value) -> Box<dyn Iterator<Item = (String, &Value)> + '_> {
        match value {
            Value::Array(items) => Box::new(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| (format!("[{i}]"), item)),
            ),
            Value::Object(members) => Box::new(
                members
                    .iter()
                    .map(|(key, member)| (format!(".{key}"), member)),
            ),
            _ => Box::new(std::iter::empty()),
        }
    }
    let is_container = |v: &Value| v.is_array() || v.is_object();
    // A first pass without paths: nearly every input passes.
    let mut stack = vec![(document, 1)];
    let mut exceeded = false;
    while let Some((value, depth)) = stack.pop() {
        if !is_container(value) {
            continue;
        }
        if depth > limit {
            exceeded = true;
            break;
        }
        match value {
            Value::Array(items) => stack.extend(items.iter().map(|v| (v, depth + 1))),
            Value::Object(members) => stack.extend(members.values().map(|v| (v, depth + 1))),
            _ => {}
        }
    }
    if !exceeded {
        return None;
    }
    let mut stack = vec![("$".to_owned(), document, 1)];
    while let Some((path, value, depth)) = stack.pop() {
        if !is_container(value) {
            continue;
        }
        if depth > limit {
            return Some(path);
        }
        for (step, child) in containers(value) {
            stack.push((format!("{path}{step}"), child, depth + 1));
        }
    }
    None
}

/// The first context URL of a top-level `@context` made of URLs only that is not registered.
#[cfg(not(feature = "full-jsonld"))]
fn unregistered_context(contexts: &Contexts, document: &Value) -> Option<String> {
    let urls: Vec<&str> = match document.get("@context")? {
        Value::String(url) => vec![url],
        Value::Array(items) => items.iter().map(Value::as_str).collect::<Option<_>>()?,
        _ => return None,
    };
    urls.into_iter()
        .find(|url| !contexts.contains(url))
        .map(str::to_owned)
}

/// The fast path's compiled contexts for the bundled contexts, shared by every expander whose
/// registry holds them: compiling VC 1.1 + EDC took a third of a Data Integrity verification in
/// the browser, where each call makes a new verifier (BENCHMARKS.md, "WASM: timings"). Its
/// caches are bounded, so sharing does not grow memory with use.
fn bundled_fast_path() -> &'static FastPath {
    static SHARED: std::sync::OnceLock<FastPath> = std::sync::OnceLock::new();
    SHARED.get_or_init(FastPath::default)
}
