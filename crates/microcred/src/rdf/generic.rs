//! The generic JSON-LD processor: json-ld 0.15 through `sophia_jsonld`, behind the fast path
//! (feature `full-jsonld`, on by default).
//!
//! `sophia_jsonld::JsonLdParser::parse_json` runs these same steps but throws away the expanded
//! document, turns every error into a string and processes every context again on every call;
//! safe mode needs the first two and speed the third, so this module makes the calls itself:
//! - the top-level `@context` (a list of context URLs, as EDC writes it) is processed once per
//!   [`Expander`](super::Expander) and kept: json-ld 0.15 would otherwise spend about half of
//!   each expansion of an EDC credential on the VC 1.1 and EDC contexts;
//! - expansion runs with a warnings handler and the `Strictest` key policy;
//! - the expanded document is checked, then turned into quads and into sophia terms.
//!
//! Safe mode refuses what JSON-LD would silently leave out of the graph:
//! - a key that does not expand to an IRI: the json-ld crate's `Strictest` expansion policy
//!   turns it into an error, which we locate and report as `rdf.undefined_term`;
//! - a value the RDF step would skip: an identifier, type or property that is not an absolute
//!   IRI or blank node, a blank node used as a property, a malformed language tag. The crate has
//!   no policy for these (it only warns, or not at all), so we collect its warnings and walk the
//!   expanded document, and report `rdf.dropped_value`.
//!
//! Builds without the feature (the browser module) send what the fast path declines to a
//! processor in another module instead (`super::processor`).

use std::cell::Cell;
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll, Waker};

use locspan::{Location, Meta, Span};
use serde_json::Value;
use sophia_api::dataset::MutableDataset;
use sophia_jsonld::RdfTerm;
use sophia_jsonld::json_ld::context_processing::{
    Error as ProcessingError, Process, Warning as ContextWarning,
};
use sophia_jsonld::json_ld::expansion::{
    Error as ExpansionError, Expand, Options as ExpansionOptions, Policy, Warning,
};
use sophia_jsonld::json_ld::syntax::{ErrorCode, TryFromJson, Value as SyntaxJson};
use sophia_jsonld::json_ld::warning::Handler;
use sophia_jsonld::json_ld::{
    ContextLoaderError, Id, IndexedObject, Node, Object, ProcessingMode, RdfQuads, ValidId,
};
use sophia_jsonld::vocabulary::{ArcBnode, ArcIri, ArcVoc};

use super::contexts::{Contexts, Loc, RegistryLoader, SyntaxValue};
use super::error::{
    DROP_BLANK_PROPERTY, DROP_BLANK_PROPERTY_ID, DROP_EMPTY_KEY, DROP_ID, DROP_LANGUAGE_TAG,
    DROP_PROPERTY, DROP_TYPE,
};
use super::{Graph, RdfError};

/// The IRI that marks values of the input document in json-ld's metadata (as opposed to values
/// of a context document, which carry the context URL). Never used as a base IRI.
const INPUT: &str = "urn:microcred:input";
/// The mark of the input's top-level `@context` entry when it is processed on its own.
const INPUT_CONTEXT: &str = "urn:microcred:input-context";
/// How many distinct context lists an expander keeps processed.
const MAX_CACHED_CONTEXTS: usize = 16;

/// The active context type of the json-ld crate, as `sophia_jsonld` instantiates it.
type LdContext = sophia_jsonld::json_ld::Context<ArcIri, ArcBnode, LocalContext, Loc>;
/// A local context (the value of an `@context` entry).
type LocalContext = sophia_jsonld::json_ld::syntax::context::Value<Loc>;
/// The input as the json-ld crate reads it.
type Input = Meta<SyntaxValue, Loc>;

/// The generic path of one expander: its processed contexts by context URL list (shared by
/// the expander's clones, which hold the same contexts).
#[derive(Clone, Default)]
pub(super) struct Generic {
    cache: Arc<Mutex<HashMap<Vec<String>, LdContext>>>,
}

impl Generic {
    /// The dataset of `document` by the JSON-LD 1.1 algorithms, in safe mode when `safe`.
    pub(super) fn expand(
        &self,
        contexts: &Contexts,
        safe: bool,
        mut document: Value,
    ) -> Result<Graph, RdfError> {
        let input = ArcIri::new_unchecked(Arc::from(INPUT));
        let options = ExpansionOptions {
            processing_mode: ProcessingMode::JsonLd1_1,
            policy: if safe {
                Policy::Strictest
            } else {
                Policy::Standard
            },
            ordered: false,
        };
        let mut vocabulary = ArcVoc::default();
        let mut generator = rdf_types::generator::Blank::new()
            .with_metadata(Location::new(input.clone(), Span::default()));
        let mut loader = contexts.loader();
        let mut warnings = Warnings::default();

        let initial = match remote_contexts(&document) {
            Some(urls) => {
                let context =
                    self.processed_context(urls, &document, &mut vocabulary, &mut loader, options)?;
                // Expansion's first step on the top-level object is to process its `@context`
                // into the active context; that is done, so the entry goes.
                if let Value::Object(members) = &mut document {
                    members.remove("@context");
                }
                context
            }
            None => LdContext::new(None),
        };

        // The input has no text, so there are no byte offsets: each JSON value and key gets a
        // number of its own as its span, and `locate` finds an error's number again to name its
        // JSON path.
        let counter = Cell::new(0);
        let syntax = SyntaxValue::from_serde_json(document, |_| {
            let n = counter.get();
            counter.set(n + 1);
            Location::new(input.clone(), Span::new(n, n))
        });
        // No base IRI: relative IRIs must not resolve against anything (safe mode reports them).
        let expanded = ready(syntax.expand_full(
            &mut vocabulary,
            initial,
            None,
            &mut loader,
            options,
            &mut warnings,
        ))
        .ok_or_else(waited)?;
        let Meta(mut expanded, _) = expanded.map_err(|Meta(error, location)| {
            expansion_error(error, &location, &syntax, loader.last_url.as_deref())
        })?;

        if safe {
            // The processor's own warnings come first: they are in document order.
            let dropped = warnings.first.or_else(|| {
                // The expanded document holds properties in hash maps: of all the dropped
                // values, report the first in the input (the spans count in document order), so
                // that the same input always gets the same error.
                let mut found = Vec::new();
                for object in expanded.objects() {
                    dropped_in_object(object, &mut found);
                }
                found
                    .into_iter()
                    .min_by_key(|(location, _)| location.span().start())
            });
            if let Some((location, reason)) = dropped {
                return Err(RdfError::DroppedValue {
                    path: locate(Some(&syntax), &location).path,
                    reason,
                });
            }
        }

        // JSON-LD → RDF as `sophia_jsonld` does it: label the blank nodes, take the quads, and
        // turn their terms into sophia terms with its adapter.
        expanded.relabel_and_canonicalize_with(&mut vocabulary, &mut generator);
        let mut dataset = Graph::new();
        for rdf_types::Quad(s, p, o, g) in expanded
            .rdf_quads_full(&mut vocabulary, &mut generator, None, false)
            .cloned()
        {
            let g = g.map(RdfTerm::from);
            dataset
                .insert(
                    RdfTerm::from(s),
                    RdfTerm::from(p),
                    RdfTerm::from(o),
                    g.as_ref(),
                )
                .map_err(|_| RdfError::InvalidJsonLd {
                    path: "$".to_owned(),
                    reason: "the dataset cannot hold that many terms".to_owned(),
                })?;
        }
        Ok(dataset)
    }

    /// The active context for a top-level `@context` of context URLs: processed on first use,
    /// then taken from the cache (keyed by the URL list).
    fn processed_context(
        &self,
        urls: Vec<String>,
        document: &Value,
        vocabulary: &mut ArcVoc,
        loader: &mut RegistryLoader<'_>,
        options: ExpansionOptions,
    ) -> Result<LdContext, RdfError> {
        if let Some(context) = lock(&self.cache).get(&urls) {
            return Ok(context.clone());
        }
        // The input's own numbering would be wrong here (values are numbered once `@context`
        // is removed), so the entry carries a mark of its own.
        let location = Location::new(
            ArcIri::new_unchecked(Arc::from(INPUT_CONTEXT)),
            Span::default(),
        );
        let entry =
            SyntaxValue::from_serde_json(document["@context"].clone(), |_| location.clone());
        let local = LocalContext::try_from_json(entry).map_err(|_| RdfError::InvalidJsonLd {
            path: "$.@context".to_owned(),
            reason: "invalid local context".to_owned(),
        })?;
        // As expansion processes an `@context` entry: from the empty context, no base IRI.
        let processed = ready(local.process_with(
            vocabulary,
            &LdContext::new(None),
            loader,
            None,
            options.into(),
        ))
        .ok_or_else(waited)?
        .map_err(|Meta(error, location)| {
            context_error(error, &location, None, loader.last_url.as_deref())
        })?
        .into_processed();
        let mut cache = lock(&self.cache);
        // Each document chooses its context list: the cache, not the input, bounds how many
        // are kept.
        if cache.len() < MAX_CACHED_CONTEXTS {
            cache.insert(urls, processed.clone());
        }
        Ok(processed)
    }
}

fn lock(
    cache: &Mutex<HashMap<Vec<String>, LdContext>>,
) -> MutexGuard<'_, HashMap<Vec<String>, LdContext>> {
    // Entries are inserted whole, so a panic elsewhere cannot leave the map half-made.
    cache.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The context URLs of a top-level object whose `@context` is one URL or a list of URLs (the
/// EDC form). Inline contexts are left to expansion.
fn remote_contexts(document: &Value) -> Option<Vec<String>> {
    match document.get("@context")? {
        Value::String(url) => Some(vec![url.clone()]),
        Value::Array(items) => items
            .iter()
            .map(|item| item.as_str().map(str::to_owned))
            .collect(),
        _ => None,
    }
}

fn waited() -> RdfError {
    RdfError::InvalidJsonLd {
        path: "$".to_owned(),
        reason: "the processor waited for a document, which the offline loader never makes it do"
            .to_owned(),
    }
}

/// Runs a future that cannot wait: the registry loader answers from memory, so json-ld's async
/// functions complete on their first poll. This avoids the tokio runtime that
/// `sophia_jsonld::JsonLdParser::parse_str` builds on every call (and that a wasm32 build does
/// not need). `None` if the future did wait, which would be a bug.
fn ready<F: Future>(future: F) -> Option<F::Output> {
    let mut future = std::pin::pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(output) => Some(output),
        Poll::Pending => None,
    }
}

/// Collects the first expansion warning that means a value is dropped.
#[derive(Default)]
struct Warnings {
    first: Option<(Loc, &'static str)>,
}

impl Handler<ArcVoc, Meta<Warning<ArcBnode>, Loc>> for Warnings {
    fn handle(
        &mut self,
        _vocabulary: &ArcVoc,
        Meta(warning, location): Meta<Warning<ArcBnode>, Loc>,
    ) {
        // json-ld also warns `MalformedIri` while merely trying keys and language-map keys as
        // IRIs (e.g. "en"), so that warning says nothing about the graph; a value it does drop
        // stays in the expanded document as an invalid identifier, which `dropped_in_node`
        // finds. The other warnings each mean a value left out. Their text would quote the
        // value, so only a fixed reason is kept.
        let reason = match warning {
            Warning::MalformedIri(_) => return,
            Warning::EmptyTerm => DROP_EMPTY_KEY,
            Warning::BlankNodeIdProperty(_) => DROP_BLANK_PROPERTY_ID,
            Warning::MalformedLanguageTag(..) => DROP_LANGUAGE_TAG,
        };
        self.first.get_or_insert((location, reason));
    }
}

impl Handler<ArcVoc, Meta<ContextWarning, Loc>> for Warnings {
    fn handle(&mut self, _vocabulary: &ArcVoc, _warning: Meta<ContextWarning, Loc>) {
        // Context-processing warnings concern term definitions, not data: a definition ignored
        // there leaves its term undefined, and the Strictest policy reports the term where the
        // document uses it.
    }
}

/// Every value of `object` that the RDF step would skip, with why, pushed to `found`.
fn dropped_in_object(
    object: &IndexedObject<ArcIri, ArcBnode, Loc>,
    found: &mut Vec<(Loc, &'static str)>,
) {
    let Meta(indexed, location) = object;
    match indexed.inner() {
        Object::Value(value) => {
            if let sophia_jsonld::json_ld::object::Value::LangString(string) = value
                && string
                    .language()
                    .is_some_and(|tag| tag.as_language_tag().is_none())
            {
                found.push((location.clone(), DROP_LANGUAGE_TAG));
            }
        }
        Object::Node(node) => dropped_in_node(node, found),
        Object::List(list) => list.iter().for_each(|o| dropped_in_object(o, found)),
    }
}

fn dropped_in_node(node: &Node<ArcIri, ArcBnode, Loc>, found: &mut Vec<(Loc, &'static str)>) {
    if let Some(Meta(Id::Invalid(_), location)) = node.id() {
        found.push((location.clone(), DROP_ID));
    }
    for Meta(ty, location) in node.types() {
        if let Id::Invalid(_) = ty {
            found.push((location.clone(), DROP_TYPE));
        }
    }
    for (Meta(property, location), objects) in node.properties() {
        if let Some(reason) = unusable_property(property) {
            found.push((location.clone(), reason));
        }
        objects.iter().for_each(|o| dropped_in_object(o, found));
    }
    if let Some(reverse) = node.reverse_properties() {
        for (Meta(property, location), nodes) in reverse.iter() {
            if let Some(reason) = unusable_property(property) {
                found.push((location.clone(), reason));
            }
            nodes.iter().for_each(|n| dropped_in_node(n.inner(), found));
        }
    }
    if let Some(graph) = node.graph() {
        graph.iter().for_each(|o| dropped_in_object(o, found));
    }
    if let Some(included) = node.included() {
        included
            .iter()
            .for_each(|n| dropped_in_node(n.inner(), found));
    }
}

fn unusable_property(property: &Id<ArcIri, ArcBnode>) -> Option<&'static str> {
    match property {
        Id::Invalid(_) => Some(DROP_PROPERTY),
        // RDF has no blank-node predicates (we do not produce generalized RDF).
        Id::Valid(ValidId::Blank(_)) => Some(DROP_BLANK_PROPERTY),
        Id::Valid(ValidId::Iri(_)) => None,
    }
}

type ContextError =
    ContextLoaderError<RdfError, Meta<sophia_jsonld::json_ld::ExtractContextError<Loc>, Loc>>;

/// The error for a failed expansion, located in the input or naming the context.
fn expansion_error(
    error: ExpansionError<Loc, ContextError>,
    location: &Loc,
    input: &Input,
    last_url: Option<&str>,
) -> RdfError {
    match error {
        ExpansionError::KeyExpansionFailed => {
            let found = locate(Some(input), location);
            RdfError::UndefinedTerm {
                term: found.key.unwrap_or_default(),
                path: found.path,
            }
        }
        ExpansionError::ContextProcessing(error) => {
            context_error(error, location, Some(input), last_url)
        }
        other => at(other.code(), location, Some(input)),
    }
}

/// The error for a failed context processing: an unknown or unusable context document, or a
/// definition JSON-LD rejects.
fn context_error(
    error: ProcessingError<ContextError>,
    location: &Loc,
    input: Option<&Input>,
    last_url: Option<&str>,
) -> RdfError {
    match error {
        ProcessingError::ContextLoadingFailed(ContextLoaderError::LoadingDocumentFailed(error)) => {
            error
        }
        ProcessingError::ContextLoadingFailed(ContextLoaderError::ContextExtractionFailed(_)) => {
            RdfError::InvalidContext {
                url: last_url.unwrap_or("(unknown)").to_owned(),
                reason: "not a JSON object with an @context member".to_owned(),
            }
        }
        other => at(other.code(), location, input),
    }
}

/// An error located by json-ld: in the input (a JSON path) or in a context (its URL).
fn at(code: ErrorCode, location: &Loc, input: Option<&Input>) -> RdfError {
    if location.file().as_str() == INPUT_CONTEXT {
        RdfError::InvalidJsonLd {
            path: "$.@context".to_owned(),
            reason: code.as_str().to_owned(),
        }
    } else if location.file().as_str() == INPUT {
        RdfError::InvalidJsonLd {
            path: locate(input, location).path,
            reason: code.as_str().to_owned(),
        }
    } else {
        RdfError::InvalidContext {
            url: location.file().as_str().to_owned(),
            reason: code.as_str().to_owned(),
        }
    }
}

/// Where a numbered input value is.
#[derive(Debug, PartialEq)]
struct Found {
    /// The value's JSON path, or for a key the path of the object holding it.
    path: String,
    /// The key, when the number is a key's.
    key: Option<String>,
}

/// Finds the input value or key that json-ld reports at `location` (`$` when it is not in the
/// input). Recursive, but within the expander's depth limit.
fn locate(input: Option<&Input>, location: &Loc) -> Found {
    fn walk(Meta(value, at): &Input, path: &str, target: &Loc) -> Option<Found> {
        if at == target {
            return Some(Found {
                path: path.to_owned(),
                key: None,
            });
        }
        match value {
            SyntaxJson::Array(items) => items
                .iter()
                .enumerate()
                .find_map(|(i, item)| walk(item, &format!("{path}[{i}]"), target)),
            SyntaxJson::Object(members) => members.iter().find_map(|entry| {
                let Meta(key, at) = &entry.key;
                if at == target {
                    return Some(Found {
                        path: path.to_owned(),
                        key: Some(key.to_string()),
                    });
                }
                walk(&entry.value, &format!("{path}.{key}"), target)
            }),
            _ => None,
        }
    }
    input
        .and_then(|input| walk(input, "$", location))
        .unwrap_or_else(|| Found {
            path: "$".to_owned(),
            key: None,
        })
}
#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn locate_names_values_and_keys_by_path() {
        let input = ArcIri::new_unchecked(Arc::from(INPUT));
        let counter = Cell::new(0);
        let syntax =
            SyntaxValue::from_serde_json(json!({"a": [10, {"b": true}], "c": null}), |_| {
                let n = counter.get();
                counter.set(n + 1);
                Location::new(input.clone(), Span::new(n, n))
            });
        // Every value and key, by its own metadata.
        let mut seen = Vec::new();
        let Meta(SyntaxJson::Object(root), at) = &syntax else {
            panic!("an object")
        };
        seen.push((at.clone(), "$", None));
        for entry in root.iter() {
            seen.push((entry.key.1.clone(), "$", Some(entry.key.0.to_string())));
        }
        let a = root.get_unique("a").ok().flatten().expect("a");
        let Meta(SyntaxJson::Array(items), at) = a else {
            panic!("an array")
        };
        seen.push((at.clone(), "$.a", None));
        seen.push((items[0].1.clone(), "$.a[0]", None));
        let Meta(SyntaxJson::Object(inner), _) = &items[1] else {
            panic!("an object")
        };
        let b = inner.iter().next().expect("b");
        seen.push((b.key.1.clone(), "$.a[1]", Some("b".to_owned())));
        seen.push((b.value.1.clone(), "$.a[1].b", None));
        for (location, path, key) in seen {
            assert_eq!(
                locate(Some(&syntax), &location),
                Found {
                    path: path.to_owned(),
                    key
                }
            );
        }
        // Elsewhere (a context document, or no input at hand): the root.
        let elsewhere = Location::new(
            ArcIri::new_unchecked(Arc::from(INPUT_CONTEXT)),
            Span::default(),
        );
        assert_eq!(locate(Some(&syntax), &elsewhere).path, "$");
        assert_eq!(locate(None, &elsewhere).path, "$");
    }

    #[test]
    fn ready_runs_a_future_that_does_not_wait() {
        assert_eq!(ready(async { 7 }), Some(7));
        assert_eq!(ready(std::future::pending::<u8>()), None);
    }
}
