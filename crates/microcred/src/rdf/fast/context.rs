//! Compiled active contexts: JSON-LD 1.1 context processing (§4.1 of the JSON-LD 1.1
//! Processing Algorithms) for the subset of features the bundled contexts use.
//!
//! A context is an immutable [`Ctx`]: a map from term to an `Arc`-shared [`TermDef`], so that
//! deriving a context (a type- or property-scoped context applied to it) copies pointers, not
//! definitions. Anything outside the subset is [`Unsupported`], which sends the whole document
//! to the generic json-ld path: that path then either succeeds or reports the exact error.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use serde_json::{Map, Value};

use crate::rdf::Contexts;

/// The fast path does not handle this input (or JSON-LD would reject it): use the generic path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unsupported;

/// Shorthand for the fast path's results.
pub(crate) type Fast<T> = Result<T, Unsupported>;

/// The keywords a term may alias. Aliases of other keywords are unsupported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keyword {
    /// `@id`.
    Id,
    /// `@type`.
    Type,
}

/// What a term, key or value expands to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Expanded {
    /// A keyword (any keyword: the caller rejects those it does not handle).
    Keyword(&'static str),
    /// An absolute IRI, checked as json-ld checks it.
    Iri(Arc<str>),
    /// A blank node identifier, `_:` included.
    Blank(String),
}

/// How a term's string values are read (`@type` of a term definition).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Coercion {
    /// No `@type`.
    None,
    /// `@type: @id`: strings are IRIs relative to the document.
    Id,
    /// `@type: @vocab`: strings are terms or IRIs.
    Vocab,
    /// `@type: @json`: values are JSON literals (not handled by the walk).
    Json,
    /// A datatype IRI.
    Datatype(Arc<str>),
}

/// A term's `@container`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Container {
    /// None, or `@set` (the same for RDF).
    None,
    /// `@list` (not handled by the walk).
    List,
    /// `@language`: a language map.
    Language,
    /// `@graph`: each value is a named graph.
    Graph,
}

/// The IRI mapping of a term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Mapping {
    /// A keyword alias.
    Keyword(Keyword),
    /// An absolute IRI.
    Iri(Arc<str>),
}

/// A compiled term definition.
#[derive(Debug, Clone)]
pub(crate) struct TermDef {
    pub(crate) mapping: Mapping,
    pub(crate) prefix: bool,
    pub(crate) protected: bool,
    pub(crate) coercion: Coercion,
    pub(crate) container: Container,
    /// The scoped context (`@context` of the definition), as written.
    pub(crate) scoped: Option<Arc<Value>>,
}

impl TermDef {
    /// Equal but for `protected`, as the protected-term check compares definitions.
    fn same_as(&self, other: &TermDef) -> bool {
        self.mapping == other.mapping
            && self.prefix == other.prefix
            && self.coercion == other.coercion
            && self.container == other.container
            && self.scoped == other.scoped
    }
}

/// Term definitions by term. Every key and value of a document is looked up here, several times:
/// foldhash rather than the standard SipHash, which was about a tenth of a Data Integrity
/// verification. The map's keys come from contexts, which the caller chose, not from the document.
pub(crate) type Terms = HashMap<Arc<str>, Arc<TermDef>, foldhash::fast::RandomState>;

/// An active context.
#[derive(Debug)]
pub(crate) struct Ctx {
    /// Unique per context value, the key of the derivation cache.
    pub(crate) id: u64,
    pub(crate) terms: Terms,
    pub(crate) vocab: Option<Arc<str>>,
    /// The context to return to in new node objects (set by a type-scoped context).
    pub(crate) previous: Option<Arc<Ctx>>,
}

fn next_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Ctx {
    /// The empty context.
    pub(crate) fn empty() -> Ctx {
        Ctx {
            id: next_id(),
            terms: Terms::default(),
            vocab: None,
            previous: None,
        }
    }

    fn derive(&self) -> Ctx {
        Ctx {
            id: next_id(),
            terms: self.terms.clone(),
            vocab: self.vocab.clone(),
            previous: self.previous.clone(),
        }
    }

    /// A term's definition.
    pub(crate) fn term(&self, term: &str) -> Option<&Arc<TermDef>> {
        self.terms.get(term)
    }

    /// IRI expansion (JSON-LD 1.1 §5.2) of a key or value in this context, without a base IRI.
    /// A relative IRI, or a string JSON-LD would drop, is unsupported.
    pub(crate) fn expand_iri(&self, value: &str, vocab: bool) -> Fast<Expanded> {
        expand_iri_in(self, None, value, vocab)
    }
}

/// The JSON-LD 1.1 keywords.
const KEYWORDS: &[&str] = &[
    "@base",
    "@container",
    "@context",
    "@direction",
    "@graph",
    "@id",
    "@import",
    "@included",
    "@index",
    "@json",
    "@language",
    "@list",
    "@nest",
    "@none",
    "@prefix",
    "@propagate",
    "@protected",
    "@reverse",
    "@set",
    "@type",
    "@value",
    "@version",
    "@vocab",
];

/// The keyword `s` is, if it is one.
pub(crate) fn keyword(s: &str) -> Option<&'static str> {
    // Most strings met are terms and IRIs: one byte tells.
    if !s.starts_with('@') {
        return None;
    }
    KEYWORDS.iter().find(|k| **k == s).copied()
}

fn is_keyword(s: &str) -> bool {
    keyword(s).is_some()
}

/// `@` followed by ASCII letters only: JSON-LD ignores such keys and values.
fn has_keyword_form(s: &str) -> bool {
    s.strip_prefix('@')
        .is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// Whether json-ld takes `s` for an absolute IRI (it checks with iref 2).
pub(crate) fn is_iri(s: &str) -> bool {
    plain_iri(s) || iref::Iri::new(s).is_ok()
}

/// Whether `s` has the plain shape nearly every IRI of a credential has, which is valid under
/// RFC 3987 without the rest of its grammar: ASCII; a scheme; an optional authority of a host of
/// unreserved characters and a numeric port; then path, query and fragment characters with no
/// percent-encoding, brackets or second `#`. iref accepts every string this accepts (tested);
/// the others go to iref. Checking each identifier with iref was a tenth of a Data Integrity
/// verification in WebAssembly.
fn plain_iri(s: &str) -> bool {
    let unreserved = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~');
    let sub_delim = |b: u8| b"!$&'()*+,;=".contains(&b);
    let Some((scheme, mut rest)) = s.split_once(':') else {
        return false;
    };
    let scheme = scheme.as_bytes();
    if !scheme.first().is_some_and(u8::is_ascii_alphabetic)
        || !scheme
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
    {
        return false;
    }
    if let Some(after) = rest.strip_prefix("//") {
        let end = after.find(['/', '?', '#']).unwrap_or(after.len());
        let (authority, tail) = after.split_at(end);
        let (host, port) = authority.split_once(':').unwrap_or((authority, "0"));
        if host.is_empty()
            || !host.bytes().all(unreserved)
            || port.is_empty()
            || !port.bytes().all(|b| b.is_ascii_digit())
        {
            return false;
        }
        rest = tail;
    }
    let mut fragment = false;
    rest.bytes().all(|b| match b {
        b'#' => !std::mem::replace(&mut fragment, true),
        b => unreserved(b) || sub_delim(b) || matches!(b, b':' | b'@' | b'/' | b'?'),
    })
}

/// Whether json-ld takes `s` for a blank node identifier.
pub(crate) fn is_blank(s: &str) -> bool {
    rdf_types::BlankId::new(s).is_ok()
}

/// An IRI or blank node identifier as json-ld classifies a string (IRI first).
fn classify(s: &str) -> Fast<Expanded> {
    if is_iri(s) {
        Ok(Expanded::Iri(Arc::from(s)))
    } else if is_blank(s) {
        Ok(Expanded::Blank(s.to_owned()))
    } else {
        Err(Unsupported)
    }
}

/// The local context being processed, with the definitions made so far (JSON-LD's `defined`).
struct Local<'a> {
    map: &'a Map<String, Value>,
    defined: HashMap<String, bool>,
    protected: bool,
    override_protected: bool,
}

fn expand_iri_in(ctx: &Ctx, local: Option<&Local<'_>>, value: &str, vocab: bool) -> Fast<Expanded> {
    if let Some(keyword) = keyword(value) {
        return Ok(Expanded::Keyword(keyword));
    }
    if has_keyword_form(value) {
        return Err(Unsupported);
    }
    // Only reached while defining terms, where `ctx` is mutable through `define`: callers with a
    // local context use `expand_iri_defining` instead.
    if local.is_some_and(|l| l.map.contains_key(value) && l.defined.get(value) != Some(&true)) {
        return Err(Unsupported);
    }
    if let Some(def) = ctx.term(value) {
        if let Mapping::Keyword(k) = def.mapping {
            return Ok(Expanded::Keyword(keyword_str(k)));
        }
        if vocab {
            if let Mapping::Iri(iri) = &def.mapping {
                return Ok(Expanded::Iri(iri.clone()));
            }
        }
    }
    if let Some((prefix, suffix)) = split_colon(value)? {
        if prefix == "_" || suffix.starts_with("//") {
            return classify(value);
        }
        if let Some(def) = ctx.term(prefix) {
            if def.prefix {
                if let Mapping::Iri(iri) = &def.mapping {
                    return classify(&format!("{iri}{suffix}"));
                }
            }
        }
        if is_iri(value) {
            return Ok(Expanded::Iri(Arc::from(value)));
        }
    }
    if vocab {
        if let Some(v) = &ctx.vocab {
            return classify(&format!("{v}{value}"));
        }
    }
    // Relative to a base IRI, and there is none.
    Err(Unsupported)
}

/// `value` split at its first colon; a leading colon is unsupported (JSON-LD reads such a
/// string neither as a compact IRI nor as a term).
fn split_colon(value: &str) -> Fast<Option<(&str, &str)>> {
    match value.find(':') {
        None => Ok(None),
        Some(0) => Err(Unsupported),
        Some(i) => Ok(Some((&value[..i], &value[i + 1..]))),
    }
}

fn keyword_str(k: Keyword) -> &'static str {
    match k {
        Keyword::Id => "@id",
        Keyword::Type => "@type",
    }
}

/// IRI expansion while processing a local context: terms of the local context that the value
/// depends on are defined first (JSON-LD's "create term definition" for dependencies).
fn expand_iri_defining(
    ctx: &mut Ctx,
    local: &mut Local<'_>,
    value: &str,
    vocab: bool,
) -> Fast<Expanded> {
    if !is_keyword(value) && local.map.contains_key(value) {
        define(ctx, local, value)?;
    }
    if let Some((prefix, suffix)) = split_colon(value)? {
        if prefix != "_" && !suffix.starts_with("//") && local.map.contains_key(prefix) {
            define(ctx, local, prefix)?;
        }
    }
    expand_iri_in(ctx, Some(&*local), value, vocab)
}

/// Processes `local` (a context: URL, object or array of those) over `active`. Remote contexts
/// are read from `contexts` (only at the top level: `allow_remote`).
pub(crate) fn process(
    active: &Arc<Ctx>,
    local: &Value,
    contexts: &Contexts,
    allow_remote: bool,
    propagate: bool,
    override_protected: bool,
) -> Fast<Arc<Ctx>> {
    let mut result = active.derive();
    if !propagate && result.previous.is_none() {
        result.previous = Some(active.clone());
    }
    let items: &[Value] = match local {
        Value::Array(items) => items,
        single => std::slice::from_ref(single),
    };
    for item in items {
        match item {
            Value::String(url) if allow_remote => {
                let document = contexts.get(url).ok_or(Unsupported)?;
                let context = document.get("@context").ok_or(Unsupported)?;
                // A remote context may not load further remote contexts here.
                let current = Arc::new(result);
                let processed =
                    process(&current, context, contexts, false, true, override_protected)?;
                result = Arc::try_unwrap(processed).unwrap_or_else(|shared| shared.derive());
            }
            Value::Object(map) => process_object(&mut result, map, override_protected)?,
            // A reset to the empty context: JSON-LD refuses it over protected terms unless they
            // may be overridden (a property-scoped context). Not propagating it is left out.
            Value::Null if propagate => {
                if !override_protected && result.terms.values().any(|d| d.protected) {
                    return Err(Unsupported);
                }
                result = Ctx::empty();
            }
            _ => return Err(Unsupported),
        }
    }
    Ok(Arc::new(result))
}

fn process_object(
    result: &mut Ctx,
    map: &Map<String, Value>,
    override_protected: bool,
) -> Fast<()> {
    let mut protected = false;
    for (key, value) in map {
        match key.as_str() {
            "@version" if value.as_f64() != Some(1.1) => return Err(Unsupported),
            "@version" => {}
            "@protected" => protected = value.as_bool().ok_or(Unsupported)?,
            "@vocab" => {}
            k if k.starts_with('@') => return Err(Unsupported),
            _ => {}
        }
    }
    if let Some(vocab) = map.get("@vocab") {
        result.vocab = match vocab {
            Value::Null => None,
            Value::String(v) => match expand_iri_in(result, None, v, true)? {
                Expanded::Iri(iri) => Some(iri),
                _ => return Err(Unsupported),
            },
            _ => return Err(Unsupported),
        };
    }
    let mut local = Local {
        map,
        defined: HashMap::new(),
        protected,
        override_protected,
    };
    for key in map.keys() {
        if !key.starts_with('@') {
            define(result, &mut local, key)?;
        }
    }
    Ok(())
}

/// JSON-LD's "create term definition" for the subset.
fn define(ctx: &mut Ctx, local: &mut Local<'_>, term: &str) -> Fast<()> {
    match local.defined.get(term) {
        Some(true) => return Ok(()),
        // A cycle: JSON-LD rejects it.
        Some(false) => return Err(Unsupported),
        None => {}
    }
    if term.is_empty() || term.starts_with('@') {
        return Err(Unsupported);
    }
    local.defined.insert(term.to_owned(), false);
    let value = local.map.get(term).ok_or(Unsupported)?;
    let previous = ctx.terms.remove(term);
    let (simple, owned);
    let definition: &Map<String, Value> = match value {
        Value::String(id) => {
            simple = true;
            owned = Map::from_iter([("@id".to_owned(), Value::String(id.clone()))]);
            &owned
        }
        Value::Object(map) => {
            simple = false;
            map
        }
        _ => return Err(Unsupported),
    };
    if definition.keys().any(|k| {
        !matches!(
            k.as_str(),
            "@id" | "@type" | "@container" | "@context" | "@protected"
        )
    }) {
        return Err(Unsupported);
    }
    let protected = match definition.get("@protected") {
        None => local.protected,
        Some(p) => p.as_bool().ok_or(Unsupported)?,
    };
    let coercion = match definition.get("@type") {
        None => Coercion::None,
        Some(Value::String(t)) => match expand_iri_defining(ctx, local, t, true)? {
            Expanded::Keyword(k) => match k {
                "@id" => Coercion::Id,
                "@vocab" => Coercion::Vocab,
                "@json" => Coercion::Json,
                _ => return Err(Unsupported),
            },
            Expanded::Iri(iri) => Coercion::Datatype(iri),
            Expanded::Blank(_) => return Err(Unsupported),
        },
        Some(_) => return Err(Unsupported),
    };
    let has_colon = split_colon(term)?.is_some();
    let mut prefix = false;
    let mapping = match definition.get("@id") {
        Some(Value::String(id)) if id != term => {
            if has_keyword_form(id) && !is_keyword(id) {
                return Err(Unsupported);
            }
            let mapping = match expand_iri_defining(ctx, local, id, true)? {
                Expanded::Keyword(k) => match k {
                    "@id" => Mapping::Keyword(Keyword::Id),
                    "@type" => Mapping::Keyword(Keyword::Type),
                    _ => return Err(Unsupported),
                },
                Expanded::Iri(iri) => Mapping::Iri(iri),
                Expanded::Blank(_) => return Err(Unsupported),
            };
            if has_colon || term.contains('/') {
                // The term itself reads as an IRI: JSON-LD requires it to expand to the same.
                local.defined.insert(term.to_owned(), true);
                let itself = expand_iri_in(ctx, Some(&*local), term, true);
                if itself
                    != Ok(match &mapping {
                        Mapping::Iri(iri) => Expanded::Iri(iri.clone()),
                        Mapping::Keyword(k) => Expanded::Keyword(keyword_str(*k)),
                    })
                {
                    return Err(Unsupported);
                }
            } else if simple {
                if let Mapping::Iri(iri) = &mapping {
                    prefix = iri.ends_with([':', '/', '?', '#', '[', ']', '@']);
                }
            }
            mapping
        }
        Some(Value::String(_)) | None => {
            if has_colon {
                match expand_iri_defining(ctx, local, term, true)? {
                    Expanded::Iri(iri) => Mapping::Iri(iri),
                    _ => return Err(Unsupported),
                }
            } else if term.contains('/') {
                return Err(Unsupported);
            } else if let Some(vocab) = &ctx.vocab {
                match classify(&format!("{vocab}{term}"))? {
                    Expanded::Iri(iri) => Mapping::Iri(iri),
                    _ => return Err(Unsupported),
                }
            } else {
                return Err(Unsupported);
            }
        }
        Some(_) => return Err(Unsupported),
    };
    let container = match definition.get("@container") {
        None => Container::None,
        Some(Value::String(c)) => match c.as_str() {
            "@set" => Container::None,
            "@list" => Container::List,
            "@language" => Container::Language,
            "@graph" => Container::Graph,
            _ => return Err(Unsupported),
        },
        Some(_) => return Err(Unsupported),
    };
    let scoped = definition.get("@context").map(|c| Arc::new(c.clone()));
    let mut definition = TermDef {
        mapping,
        prefix,
        protected,
        coercion,
        container,
        scoped,
    };
    if let Some(previous) = previous {
        if previous.protected && !local.override_protected {
            // JSON-LD rejects a different definition of a protected term, and keeps the
            // previous one when it is the same.
            if !definition.same_as(&previous) {
                return Err(Unsupported);
            }
            definition = (*previous).clone();
        }
    }
    ctx.terms.insert(Arc::from(term), Arc::new(definition));
    local.defined.insert(term.to_owned(), true);
    Ok(())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{is_iri, plain_iri};

    #[test]
    fn plain_iris_and_the_others() {
        for iri in [
            "urn:epass:learningOutcome:1f1d6e1c-0f43-4a2d-9c5b-6b1d8a6a5e4e",
            "http://data.europa.eu/snb/isced-f/0613",
            "https://example.org:8443/a/b?c=d&e=f#g",
            "did:key:z6Mko9ttignf49ENiRgdD6wcBAbZvhW6cp5WbuVAjWtpwdfK#z6Mko9tt",
            "mailto:someone@example.org",
        ] {
            assert!(plain_iri(iri), "{iri}");
        }
        // Left to iref: some valid, some not.
        for (text, valid) in [
            ("http://a.b/%20", true),
            ("http://[::1]/", true),
            ("https://exämple.org/", true),
            ("http://user@host/", true),
            ("a#b#c", false),
            ("http://a b/", false),
            ("http://host:port/", false),
            ("1a:b", false),
            ("relative/path", false),
        ] {
            assert!(!plain_iri(text), "{text}");
            assert_eq!(is_iri(text), valid, "{text}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        /// The plain shape is a subset of what iref accepts, on strings made of the characters
        /// that matter to both.
        #[test]
        fn whatever_is_plain_iref_accepts(
            s in "[a-zA-Z0-9+.-]{0,4}:(//[a-zA-Z0-9:@.%_~-]{0,8})?[a-zA-Z0-9:/?#@!$&'()*+,;=%._~ \\[\\]\"<>{}|^`-]{0,16}"
        ) {
            if plain_iri(&s) {
                prop_assert!(iref::Iri::new(&s).is_ok(), "{}", s);
            }
        }
    }
}
