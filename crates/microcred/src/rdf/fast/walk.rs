//! The document walk: JSON-LD 1.1 expansion (§5.1) and deserialisation to RDF (§8.2) in one
//! pass, for node objects whose keys are terms, compact IRIs, IRIs, `@id` and `@type`.
//!
//! Whatever the walk meets outside that subset (a value object, `@list`, `@reverse`, an inline
//! `@context`, a float, a relative IRI, an undefined term...) is [`Unsupported`]: the expander
//! then runs the generic path, which produces the same dataset or the exact safe-mode error.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use serde_json::{Map, Value};
use sophia_api::MownStr;
use sophia_api::dataset::MutableDataset as _;
use sophia_api::term::{BnodeId, IriRef, LanguageTag, SimpleTerm};

use super::FastPath;
use super::context::{Coercion, Container, Ctx, Expanded, Fast, TermDef, Unsupported};
use crate::rdf::Graph;

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const XSD_STRING: &str = "http://www.w3.org/2001/XMLSchema#string";
const XSD_INTEGER: &str = "http://www.w3.org/2001/XMLSchema#integer";
const XSD_BOOLEAN: &str = "http://www.w3.org/2001/XMLSchema#boolean";
const XSD_DOUBLE: &str = "http://www.w3.org/2001/XMLSchema#double";

/// A subject, node object or graph name: an IRI, or a blank node by its fresh label (`f0`,
/// `f1`...: the document's own labels are renamed, as json-ld renames them).
#[derive(Debug, Clone)]
pub(crate) enum Node {
    Iri(Arc<str>),
    Blank(Arc<str>),
}

/// An object as the walk meets it. Strings are borrowed from the document or the context: a
/// quad's terms are only copied by a sink that keeps them.
pub(crate) enum Object<'x> {
    Node(Node),
    /// A lexical form and its datatype IRI.
    Literal(Cow<'x, str>, &'x str),
    /// A lexical form and its language tag.
    Language(&'x str, &'x str),
}

/// Where a walk puts its quads (the predicate is an IRI).
pub(crate) trait Sink {
    fn emit(&mut self, s: &Node, p: &str, o: &Object<'_>, g: Option<&Node>) -> Fast<()>;
}

fn iri_term(iri: &str) -> SimpleTerm<'_> {
    SimpleTerm::Iri(IriRef::new_unchecked(MownStr::from(iri)))
}

fn node_term(node: &Node) -> SimpleTerm<'_> {
    match node {
        Node::Iri(iri) => iri_term(iri),
        Node::Blank(label) => {
            SimpleTerm::BlankNode(BnodeId::new_unchecked(MownStr::from(&**label)))
        }
    }
}

impl Sink for Graph {
    fn emit(&mut self, s: &Node, p: &str, o: &Object<'_>, g: Option<&Node>) -> Fast<()> {
        let object = match o {
            Object::Node(node) => node_term(node),
            Object::Literal(lexical, datatype) => SimpleTerm::LiteralDatatype(
                MownStr::from(&**lexical),
                IriRef::new_unchecked(MownStr::from(*datatype)),
            ),
            Object::Language(lexical, tag) => SimpleTerm::LiteralLanguage(
                MownStr::from(*lexical),
                LanguageTag::new_unchecked(MownStr::from(*tag)),
                None,
            ),
        };
        let graph = g.map(node_term);
        self.insert(node_term(s), iri_term(p), &object, graph.as_ref())
            .map(|_| ())
            .map_err(|_| Unsupported)
    }
}

/// A sink that keeps nothing: for a walk that only asks whether the document is in the subset
/// (then the generic path would give a dataset, not an error).
#[derive(Default)]
pub(crate) struct Discard;

impl Sink for Discard {
    fn emit(&mut self, _: &Node, _: &str, _: &Object<'_>, _: Option<&Node>) -> Fast<()> {
        Ok(())
    }
}

/// What a walk does with one top-level member of the document (a Data Integrity proof).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Leave<'m> {
    /// Nothing: every member is walked and its quads emitted.
    Nothing,
    /// The member is left out, as if the document did not have it.
    Out(&'m str),
    /// The member is walked, so that the walk covers the whole document, but none of its quads
    /// reach the sink: what is emitted is the document without it.
    Unsaid(&'m str),
}

/// One walk over one document.
pub(crate) struct Walker<'a, S = Graph> {
    fast: &'a FastPath,
    dataset: S,
    /// Inside a member whose quads are not emitted ([`Leave::Unsaid`]).
    quiet: bool,
    /// Blank node identifiers of the document, by label, to fresh labels.
    blanks: HashMap<String, Node>,
    fresh: usize,
}

/// The language tags taken as is: a primary subtag and an optional region, which every BCP 47
/// parser accepts. Other tags go to the generic path, which checks them.
fn simple_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    let region = parts.next();
    parts.next().is_none()
        && (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && region.is_none_or(|r| {
            (r.len() == 2 && r.bytes().all(|b| b.is_ascii_alphabetic()))
                || (r.len() == 3 && r.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// Whether a key of `map` expands to `@id` and is the only key (a node reference keeps the
/// active context, JSON-LD §5.1.2 step 7).
fn only_id(ctx: &Ctx, map: &Map<String, Value>) -> bool {
    map.len() == 1
        && map
            .keys()
            .all(|k| matches!(ctx.expand_iri(k, true), Ok(Expanded::Keyword("@id"))))
}

impl<'a, S: Sink> Walker<'a, S> {
    pub(crate) fn new(fast: &'a FastPath, sink: S) -> Self {
        Walker {
            fast,
            dataset: sink,
            quiet: false,
            blanks: HashMap::new(),
            fresh: 0,
        }
    }

    pub(crate) fn finish(self) -> S {
        self.dataset
    }

    fn fresh(&mut self) -> Node {
        let label = format!("f{}", self.fresh);
        self.fresh += 1;
        Node::Blank(Arc::from(label))
    }

    fn blank(&mut self, label: &str) -> Node {
        if let Some(node) = self.blanks.get(label) {
            return node.clone();
        }
        let node = self.fresh();
        self.blanks.insert(label.to_owned(), node.clone());
        node
    }

    fn id_term(&mut self, expanded: Expanded) -> Fast<Node> {
        match expanded {
            Expanded::Iri(value) => Ok(Node::Iri(value)),
            Expanded::Blank(label) => Ok(self.blank(&label)),
            Expanded::Keyword(_) => Err(Unsupported),
        }
    }

    /// The top-level node object; its `@context` entry, already processed into `ctx`, is
    /// skipped, and one member may be left out or walked without a word (a Data Integrity proof,
    /// left out of what it signs without copying the document).
    pub(crate) fn top(
        &mut self,
        ctx: &Arc<Ctx>,
        map: &Map<String, Value>,
        leave: Leave<'_>,
    ) -> Fast<()> {
        self.node(ctx, map, None, None, Some(leave)).map(|_| ())
    }

    fn emit(&mut self, s: &Node, p: &str, o: &Object<'_>, g: Option<&Node>) -> Fast<()> {
        if self.quiet {
            return Ok(());
        }
        self.dataset.emit(s, p, o, g)
    }

    /// A node object in `graph`, under `ctx` (the active context of the object holding it), with
    /// the property-scoped context of the property it is the value of. `top` is `Some` for the
    /// top-level object, with what to do with its one special member. Returns its subject.
    fn node(
        &mut self,
        ctx: &Arc<Ctx>,
        map: &Map<String, Value>,
        property_scoped: Option<&Arc<Value>>,
        graph: Option<&Node>,
        top: Option<Leave<'_>>,
    ) -> Fast<Node> {
        let entries = || {
            map.iter().filter(move |(key, _)| match top {
                Some(leave) => *key != "@context" && leave != Leave::Out(key),
                None => true,
            })
        };
        let mut active = ctx.clone();
        if let Some(previous) = &active.previous {
            if !only_id(&active, map) {
                active = previous.clone();
            }
        }
        if let Some(scoped) = property_scoped {
            active = self.fast.derive(&active, scoped)?;
        }
        let type_scoped = active.clone();

        // Keys, expanded once: keywords first decide the subject and the type-scoped contexts.
        let mut id: Option<(&str, &Value)> = None;
        let mut types: Option<(&str, &Value)> = None;
        let mut expanded = Vec::with_capacity(map.len());
        for (key, value) in entries() {
            let expansion = type_scoped.expand_iri(key, true);
            if let Ok(Expanded::Keyword(kw)) = expansion {
                match kw {
                    "@id" if id.is_none() => id = Some((key, value)),
                    "@type" if types.is_none() => types = Some((key, value)),
                    // `@context`, `@value`, `@list`, `@graph`, a repeated keyword...
                    _ => return Err(Unsupported),
                }
            }
            expanded.push(expansion);
        }
        let id_key = id.map(|(key, _)| key);
        let type_key = types.map(|(key, _)| key);
        let type_values: &[Value] = match types {
            None => &[],
            Some((_, Value::Array(items))) => items,
            Some((_, single)) => std::slice::from_ref(single),
        };
        let mut type_names = Vec::with_capacity(type_values.len());
        for value in type_values {
            type_names.push(value.as_str().ok_or(Unsupported)?);
        }
        // Type-scoped contexts apply in lexicographic order of the type terms.
        let sorted: Cow<'_, [&str]> = if type_names.len() > 1 {
            let mut sorted = type_names.clone();
            sorted.sort_unstable();
            Cow::Owned(sorted)
        } else {
            Cow::Borrowed(&type_names)
        };
        for name in sorted.iter() {
            if let Some(scoped) = type_scoped.term(name).and_then(|d| d.scoped.as_ref()) {
                active = self.fast.derive_type_scoped(&active, scoped)?;
            }
        }
        // Without a type-scoped context the keys expand as they did above.
        let same_context = Arc::ptr_eq(&active, &type_scoped);

        let subject = match id.map(|(_, value)| value) {
            Some(Value::String(value)) => {
                let expanded = active.expand_iri(value, false)?;
                self.id_term(expanded)?
            }
            Some(_) => return Err(Unsupported),
            None => self.fresh(),
        };
        for name in type_names {
            match type_scoped.expand_iri(name, true)? {
                Expanded::Iri(value) => {
                    let object = Object::Node(Node::Iri(value));
                    self.emit(&subject, RDF_TYPE, &object, graph)?;
                }
                _ => return Err(Unsupported),
            }
        }

        for ((key, value), expansion) in entries().zip(expanded) {
            let keyword_key = Some(key.as_str()) == id_key || Some(key.as_str()) == type_key;
            let expansion = if same_context {
                expansion
            } else {
                active.expand_iri(key, true)
            };
            let property = match expansion? {
                // A key is a keyword in both contexts or in neither: a type-scoped context that
                // changes that is left to the generic path.
                Expanded::Keyword(kw)
                    if (Some(key.as_str()) == id_key && kw == "@id")
                        || (Some(key.as_str()) == type_key && kw == "@type") =>
                {
                    continue;
                }
                _ if keyword_key => return Err(Unsupported),
                Expanded::Keyword(_) => return Err(Unsupported),
                Expanded::Iri(value) => value,
                // RDF has no blank node predicates: json-ld drops them, safe mode refuses them.
                Expanded::Blank(_) => return Err(Unsupported),
            };
            let definition = active.term(key).cloned();
            let unsaid = top == Some(Leave::Unsaid(key));
            self.quiet |= unsaid;
            self.property(
                &active,
                &subject,
                &property,
                definition.as_deref(),
                value,
                graph,
            )?;
            self.quiet &= !unsaid;
        }
        Ok(subject)
    }

    /// The values of one property of `subject`.
    fn property(
        &mut self,
        active: &Arc<Ctx>,
        subject: &Node,
        property: &str,
        definition: Option<&TermDef>,
        value: &Value,
        graph: Option<&Node>,
    ) -> Fast<()> {
        if definition.is_some_and(|d| d.coercion == Coercion::Json) {
            return Err(Unsupported);
        }
        let container = definition.map_or(Container::None, |d| d.container);
        match container {
            Container::List => return Err(Unsupported),
            Container::Language => return self.language_map(subject, property, value, graph),
            Container::None | Container::Graph => {}
        }
        let items: &[Value] = match value {
            Value::Array(items) => items,
            single => std::slice::from_ref(single),
        };
        for item in items {
            let object = match item {
                Value::Null => continue,
                // Nested arrays flatten in JSON-LD; rare enough to leave to the generic path.
                Value::Array(_) => return Err(Unsupported),
                Value::Object(map) => {
                    let scoped = definition.and_then(|d| d.scoped.as_ref());
                    Object::Node(if container == Container::Graph {
                        let name = self.fresh();
                        self.node(active, map, scoped, Some(&name), None)?;
                        name
                    } else {
                        self.node(active, map, scoped, graph, None)?
                    })
                }
                scalar => {
                    if container == Container::Graph {
                        return Err(Unsupported);
                    }
                    self.scalar(active, definition, scalar)?
                }
            };
            self.emit(subject, property, &object, graph)?;
        }
        Ok(())
    }

    /// A string, number or boolean, under the term's type coercion.
    fn scalar<'x>(
        &mut self,
        active: &Arc<Ctx>,
        definition: Option<&'x TermDef>,
        value: &'x Value,
    ) -> Fast<Object<'x>> {
        let coercion = definition.map_or(&Coercion::None, |d| &d.coercion);
        let boolean = |b: bool| Cow::Borrowed(if b { "true" } else { "false" });
        match (coercion, value) {
            (Coercion::None, Value::String(s)) => Ok(Object::Literal(Cow::Borrowed(s), XSD_STRING)),
            (Coercion::None, Value::Bool(b)) => Ok(Object::Literal(boolean(*b), XSD_BOOLEAN)),
            (Coercion::None, Value::Number(n)) => match n.as_i64() {
                Some(i) => Ok(Object::Literal(Cow::Owned(i.to_string()), XSD_INTEGER)),
                // Doubles need json-ld's exact canonical form: left to the generic path.
                None => Err(Unsupported),
            },
            (Coercion::Datatype(datatype), Value::String(s)) => {
                Ok(Object::Literal(Cow::Borrowed(s), datatype))
            }
            // json-ld keeps the native lexical form and the coerced datatype.
            (Coercion::Datatype(datatype), Value::Bool(b)) => {
                Ok(Object::Literal(boolean(*b), datatype))
            }
            (Coercion::Datatype(datatype), Value::Number(n)) if &**datatype != XSD_DOUBLE => {
                match n.as_i64() {
                    Some(i) => Ok(Object::Literal(Cow::Owned(i.to_string()), datatype)),
                    None => Err(Unsupported),
                }
            }
            (Coercion::Id | Coercion::Vocab, Value::String(s)) => {
                // A scalar keeps the active context, plus the property-scoped one (§5.1.2 step 4).
                let ctx = match definition.and_then(|d| d.scoped.as_ref()) {
                    Some(scoped) => self.fast.derive(active, scoped)?,
                    None => active.clone(),
                };
                let expanded = ctx.expand_iri(s, *coercion == Coercion::Vocab)?;
                self.id_term(expanded).map(Object::Node)
            }
            _ => Err(Unsupported),
        }
    }

    /// A `@container: @language` value: a map from language tag to strings.
    fn language_map(
        &mut self,
        subject: &Node,
        property: &str,
        value: &Value,
        graph: Option<&Node>,
    ) -> Fast<()> {
        let Value::Object(map) = value else {
            return Err(Unsupported);
        };
        for (tag, strings) in map {
            if !simple_language_tag(tag) {
                return Err(Unsupported);
            }
            let strings: &[Value] = match strings {
                Value::Array(items) => items,
                single => std::slice::from_ref(single),
            };
            for string in strings {
                let Value::String(string) = string else {
                    return Err(Unsupported);
                };
                let object = Object::Language(string, tag);
                self.emit(subject, property, &object, graph)?;
            }
        }
        Ok(())
    }
}
