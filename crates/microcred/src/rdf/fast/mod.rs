//! The fast path of JSON-LD → RDF: a direct walk for documents over known contexts.
//!
//! # Why
//!
//! json-ld 0.15 (under `sophia_jsonld`) deep-copies the whole active context each time it
//! applies a type- or property-scoped context. With VC 1.1 + EDC AP + Data Integrity (several
//! hundred terms) that copying was about 90% of a Data Integrity signature of an EC
//! micro-credential, and the 6-triple proof configuration cost as much as a large document.
//!
//! # How
//!
//! - [`context`]: each top-level `@context` list of registered context URLs is processed once
//!   per expander by a JSON-LD 1.1 context processor for the subset the bundled contexts use
//!   (terms, keyword aliases for `@id`/`@type`, compact IRIs, `@vocab`, `@protected`, type
//!   coercion, `@container` `@set`/`@language`/`@graph`/`@list`, scoped contexts). Terms are
//!   `Arc`-shared, and each scoped context applied to a context is cached by both identities,
//!   so applying one is a hash lookup.
//! - [`walk`]: the document is walked once, straight to quads, with the expansion and RDF rules
//!   for node objects, `@id`, `@type`, strings, integers, booleans, typed strings, IRIs, language
//!   maps and `@graph` containers.
//!
//! # Fallback rule
//!
//! The fast path either produces the dataset the generic path would produce, or declines. It
//! declines on anything outside its subset — an inline `@context`, an unregistered context, a
//! context feature it does not compile, `@value`, `@list`, `@reverse`, `@nest`, `@included`,
//! `@index`, `@json` values, floats, nested arrays, unusual language tags — and on everything
//! the generic path would reject or drop in safe mode (an undefined term, a relative IRI, a
//! blank-node property...). The expander then runs the generic path, which gives the dataset or
//! the exact error with its path. So correctness never depends on what the fast path covers;
//! `tests/rdf_fast.rs` and the `rdf_fast_differential` fuzz target check the equivalence.
//! Only safe mode uses the fast path.

mod canonical;
mod context;
mod walk;

pub(crate) use canonical::Canonical;
pub(crate) use walk::Leave;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use serde_json::Value;

use self::context::{Ctx, Fast, Unsupported};
use super::{Contexts, Graph};

/// How many context lists and derived contexts an expander keeps compiled. Documents choose
/// their contexts, so the caches, not the input, bound memory; past the bound work is redone.
const MAX_COMPILED: usize = 16;
const MAX_DERIVED: usize = 512;

/// Key of a derived context: the base context, the scoped context (by address, kept alive by
/// the entry) and whether it is type-scoped.
type DerivedKey = (u64, usize, bool);
/// A derived context, with the scoped context whose address is in its key.
type Derived = (Arc<Value>, Arc<Ctx>);

/// The document a walk reads: a JSON object as it is, or with one member left out or walked
/// without emitting its quads, and another `@context` (a Data Integrity proof's document, read in
/// place).
#[derive(Debug, Clone, Copy)]
pub(crate) struct View<'d> {
    /// The members, or `None` when the document is not a JSON object.
    pub(crate) members: Option<&'d serde_json::Map<String, Value>>,
    pub(crate) context: Option<&'d Value>,
    pub(crate) leave: Leave<'d>,
}

impl<'d> View<'d> {
    /// `document` as it is.
    pub(crate) fn whole(document: &'d Value) -> Self {
        let members = document.as_object();
        View {
            members,
            context: members.and_then(|m| m.get("@context")),
            leave: Leave::Nothing,
        }
    }
}

/// The compiled contexts of one expander (shared by its clones).
#[derive(Default)]
pub(crate) struct FastPath {
    /// By top-level context URL list; `None` when the list is outside the subset.
    compiled: Mutex<HashMap<Vec<String>, Option<Arc<Ctx>>>>,
    derived: Mutex<HashMap<DerivedKey, Derived>>,
}

impl std::fmt::Debug for FastPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FastPath").finish_non_exhaustive()
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // Entries are inserted whole, so a panic elsewhere cannot leave a map half-made.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl FastPath {
    /// The dataset of `document`, or `None` when the generic path must run instead.
    pub(crate) fn expand(&self, contexts: &Contexts, document: &Value) -> Option<Graph> {
        self.try_expand(contexts, document).ok()
    }

    /// Whether `document` is inside the subset: then the generic path expands it without an
    /// error (the walk runs, but no dataset is built).
    pub(crate) fn covers(&self, contexts: &Contexts, document: &Value) -> bool {
        self.walk(contexts, View::whole(document), walk::Discard)
            .is_ok()
    }

    /// The RDFC-1.0 canonical N-Quads of `document` (see [`canonical`]), or `None` when the
    /// walk declines it or it has several blank nodes (the general path then runs).
    pub(crate) fn canonical(&self, contexts: &Contexts, document: View<'_>) -> Option<Canonical> {
        self.walk(contexts, document, canonical::Lines::default())
            .ok()
            .map(canonical::Lines::finish)
    }

    fn try_expand(&self, contexts: &Contexts, document: &Value) -> Fast<Graph> {
        self.walk(contexts, View::whole(document), Graph::new())
    }

    fn walk<S: walk::Sink>(&self, contexts: &Contexts, document: View<'_>, sink: S) -> Fast<S> {
        let Some(map) = document.members else {
            return Err(Unsupported);
        };
        let urls: Vec<String> = match document.context {
            Some(Value::String(url)) => vec![url.clone()],
            Some(Value::Array(items)) => items
                .iter()
                .map(|item| item.as_str().map(str::to_owned).ok_or(Unsupported))
                .collect::<Fast<_>>()?,
            _ => return Err(Unsupported),
        };
        let ctx = self.compiled(contexts, urls)?;
        let mut walker = walk::Walker::new(self, sink);
        // The top-level `@context` is processed into `ctx`; the walk skips it, and the member the
        // view leaves out (a copy of the document without them would cost a deep clone).
        walker.top(&ctx, map, document.leave)?;
        Ok(walker.finish())
    }

    fn compiled(&self, contexts: &Contexts, urls: Vec<String>) -> Fast<Arc<Ctx>> {
        if let Some(entry) = lock(&self.compiled).get(&urls) {
            return entry.clone().ok_or(Unsupported);
        }
        let list = Value::Array(urls.iter().cloned().map(Value::String).collect());
        let result = context::process(&Arc::new(Ctx::empty()), &list, contexts, true, true, false)
            .and_then(|ctx| {
                // JSON-LD checks every scoped context when its term is defined; a scoped context
                // outside the subset makes the whole list so, rather than fail half-way through a
                // document.
                self.check_scoped(&ctx, contexts)?;
                Ok(ctx)
            })
            .ok();
        let mut compiled = lock(&self.compiled);
        if compiled.len() < MAX_COMPILED {
            compiled.insert(urls, result.clone());
        }
        result.ok_or(Unsupported)
    }

    /// Every scoped context reachable from `ctx` compiles (to a fixed depth: the bundled
    /// contexts nest two deep).
    fn check_scoped(&self, ctx: &Arc<Ctx>, contexts: &Contexts) -> Fast<()> {
        for definition in ctx.terms.values() {
            if let Some(scoped) = &definition.scoped {
                let derived = context::process(ctx, scoped, contexts, false, true, true)?;
                self.check_scoped_new(ctx, &derived, contexts, 0)?;
            }
        }
        Ok(())
    }

    /// Recurses into the scoped contexts that `derived` adds to `base`.
    fn check_scoped_new(
        &self,
        base: &Arc<Ctx>,
        derived: &Arc<Ctx>,
        contexts: &Contexts,
        depth: usize,
    ) -> Fast<()> {
        if depth > 4 {
            return Err(Unsupported);
        }
        for (term, definition) in &derived.terms {
            let Some(scoped) = &definition.scoped else {
                continue;
            };
            let same = base
                .terms
                .get(term)
                .is_some_and(|b| b.scoped.as_ref().is_some_and(|s| Arc::ptr_eq(s, scoped)));
            if !same {
                let next = context::process(derived, scoped, contexts, false, true, true)?;
                self.check_scoped_new(derived, &next, contexts, depth + 1)?;
            }
        }
        Ok(())
    }

    /// `base` with a property-scoped context applied (propagated, protected terms may be
    /// overridden).
    pub(crate) fn derive(&self, base: &Arc<Ctx>, scoped: &Arc<Value>) -> Fast<Arc<Ctx>> {
        self.derive_with(base, scoped, false)
    }

    /// `base` with a type-scoped context applied (not propagated to nested node objects).
    pub(crate) fn derive_type_scoped(
        &self,
        base: &Arc<Ctx>,
        scoped: &Arc<Value>,
    ) -> Fast<Arc<Ctx>> {
        self.derive_with(base, scoped, true)
    }

    fn derive_with(
        &self,
        base: &Arc<Ctx>,
        scoped: &Arc<Value>,
        type_scoped: bool,
    ) -> Fast<Arc<Ctx>> {
        let key = (base.id, Arc::as_ptr(scoped) as usize, type_scoped);
        if let Some((_, ctx)) = lock(&self.derived).get(&key) {
            return Ok(ctx.clone());
        }
        // Scoped contexts are inline objects here: a URL inside one is left to the generic path.
        let ctx = context::process(
            base,
            scoped,
            &Contexts::new(),
            false,
            !type_scoped,
            !type_scoped,
        )?;
        let mut derived = lock(&self.derived);
        if derived.len() < MAX_DERIVED {
            derived.insert(key, (scoped.clone(), ctx.clone()));
        }
        Ok(ctx)
    }
}
