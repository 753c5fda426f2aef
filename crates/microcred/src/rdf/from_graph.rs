//! Graph → typed model: rebuild the EDC compact JSON form of a credential from its triples, then
//! decode it with the model's own [`Codec`].
//!
//! The walk starts at the one node typed `elm:EuropeanDigitalCredential` in the default graph and
//! writes each node the way EDC does, embedded wherever it is referenced, with all its properties:
//!
//! - a property IRI found in the term table becomes its JSON key; a language term becomes a
//!   language map (an `xsd:string` literal there goes under `@none`); a typed term takes its
//!   literal as a JSON number (canonical integers) or boolean when the model reads one, and as a
//!   string otherwise, which the context types again exactly;
//! - the VC envelope terms (`issuer`, `validFrom`, ...) are only defined inside a node typed
//!   `VerifiableCredential` (a type-scoped context in VC 1.1); elsewhere their IRI is the key;
//! - `rdf:type` becomes `type`: class names from [`terms::CLASSES`] and the VC classes, a full IRI
//!   for a class the context does not name;
//! - a predicate with no term keeps its full IRI as the key (the model puts it in `extra`), with
//!   JSON-LD value objects for literals, so nothing is dropped;
//! - a property with several values gets an array sorted deterministically (node IRIs first,
//!   then by content), since the graph has no order.
//!
//! Choices worth knowing:
//! - **Cycles.** A node reached again while it is being embedded (`hasPart`/`isPartOf` pairs) is
//!   written as a reference `{"id": ...}` the second time, which JSON-LD reads as the same node:
//!   the graph survives and the walk ends. A blank node that is referenced more than once, or
//!   that closes a cycle, gets a `_:b<n>` id numbered in document order so that the references
//!   still meet.
//! - **Unknown classes.** A class IRI the contexts do not name is kept as a full IRI in `type`,
//!   which JSON-LD reads back as itself; the model refuses it only in a slot that needs one of
//!   its own classes (`rdf.graph.model`, wrapping the decoder's `json.unexpected_class`).
//! - **Fan-out.** Embedding a node everywhere it is referenced can multiply a small graph; the
//!   walk stops with `rdf.graph.too_large` after [`GraphLimits::max_nodes`] embeddings and with
//!   `rdf.graph.too_deep` below [`GraphLimits::max_depth`] levels.
//! - **Nothing is silently lost.** Triples the walk cannot reach from the credential, named graphs
//!   that are not a `proof`, literals that do not fit their term and IRIs that JSON-LD would read
//!   as compact IRIs are reported, not dropped.
//! - **Strict literals.** A literal whose datatype differs from the one its term declares, or a
//!   non-canonical integer or boolean where the model reads a number, is
//!   `rdf.graph.invalid_literal`: normalising it would change the signed graph.
//!
//! Error messages name property and class IRIs and JSON paths, never literal values.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use serde_json::{Map, Value};

use super::graph::{
    EDC_CLASS, GraphIndex, Graphs, Literal, NodeId, Object, RDF_LANG_STRING, RDF_TYPE, XSD_STRING,
};
use super::{Dataset, Graph, GraphError};
use crate::model::{Codec, EDC_CONTEXT, EuropeanDigitalCredential, JsonPath};
use crate::terms::{self, Term, TermKind};

const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
const VC_CLASS: &str = "https://www.w3.org/2018/credentials#VerifiableCredential";

/// The classes the VC 1.1 context names at its top level (the rest of the context's classes are
/// scoped to a property and are written as full IRIs).
const VC_CLASSES: &[(&str, &str)] = &[
    ("VerifiableCredential", VC_CLASS),
    (
        "VerifiablePresentation",
        "https://www.w3.org/2018/credentials#VerifiablePresentation",
    ),
    (
        "EcdsaSecp256k1Signature2019",
        "https://w3id.org/security#EcdsaSecp256k1Signature2019",
    ),
    (
        "EcdsaSecp256r1Signature2019",
        "https://w3id.org/security#EcdsaSecp256r1Signature2019",
    ),
    (
        "Ed25519Signature2018",
        "https://w3id.org/security#Ed25519Signature2018",
    ),
    (
        "RsaSignature2018",
        "https://w3id.org/security#RsaSignature2018",
    ),
];

/// Limits on the walk from the graph to the JSON form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GraphLimits {
    /// The deepest nesting of embedded nodes (default 32; the EC samples reach 8).
    pub max_depth: usize,
    /// The most node embeddings in one credential (default 100 000; the EC samples need a few
    /// hundred). A node referenced from several places is embedded at each.
    pub max_nodes: usize,
}

impl Default for GraphLimits {
    fn default() -> Self {
        GraphLimits {
            max_depth: 32,
            max_nodes: 100_000,
        }
    }
}

/// Rebuilds the credential in the dataset's default graph, with the default [`GraphLimits`].
///
/// A Data Integrity proof in a named graph (the `proof` property) comes back as the credential's
/// `proof`. The credential gets the EDC `@context`.
pub fn from_dataset(dataset: &Dataset) -> Result<EuropeanDigitalCredential, GraphError> {
    from_dataset_with(dataset, GraphLimits::default())
}

/// Rebuilds the credential in the dataset's default graph under `limits`.
pub fn from_dataset_with(
    dataset: &Dataset,
    limits: GraphLimits,
) -> Result<EuropeanDigitalCredential, GraphError> {
    let mut json = credential_json(&dataset.0, limits)?;
    if let Value::Object(object) = &mut json {
        object.insert(
            "@context".to_owned(),
            Value::Array(EDC_CONTEXT.iter().map(|c| Value::from(*c)).collect()),
        );
    }
    Ok(EuropeanDigitalCredential::from_json(json, &JsonPath::Root)?)
}

/// The compact JSON form of the credential in `dataset`, without `@context`.
pub(crate) fn credential_json(dataset: &Graph, limits: GraphLimits) -> Result<Value, GraphError> {
    let graphs = Graphs::index(dataset)?;
    let default = graphs.get(None);
    let credentials: Vec<&NodeId> = default
        .subjects()
        .filter(|s| default.has_type(s, EDC_CLASS))
        .collect();
    let root = match credentials.as_slice() {
        [] => return Err(GraphError::NoCredential),
        [one] => (*one).clone(),
        many => {
            return Err(GraphError::SeveralCredentials { count: many.len() });
        }
    };
    let mut walk = Walk::new(&graphs, limits);
    let mut json = walk.node(None, &root, true, &mut Vec::new())?;
    walk.check_reached()?;
    walk.relabel(&mut json);
    Ok(json)
}

// ---------------------------------------------------------------------------------------------
// The walk.

fn term_by_iri(iri: &str) -> Option<&'static Term> {
    static TABLE: OnceLock<HashMap<&'static str, &'static Term>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            terms::VC_TERMS
                .iter()
                .chain(terms::EDC_TERMS.iter())
                .map(|t| (t.iri, t))
                .collect()
        })
        .get(iri)
        .copied()
}

/// The JSON name of a class IRI and its rank in the `type` list (VC classes first, then ELM
/// classes in table order, then full IRIs).
fn class_name(iri: &str) -> (usize, String) {
    if let Some(i) = VC_CLASSES.iter().position(|(_, c)| *c == iri) {
        return (i, VC_CLASSES[i].0.to_owned());
    }
    if let Some(i) = terms::CLASSES.iter().position(|(_, c)| *c == iri) {
        return (VC_CLASSES.len() + i, terms::CLASSES[i].0.to_owned());
    }
    (usize::MAX, iri.to_owned())
}

/// True when JSON-LD would expand `iri` as a compact IRI `prefix:suffix` because `prefix` is a
/// term of the contexts, so the IRI would not survive a round trip as itself.
pub(crate) fn reads_as_compact_iri(iri: &str) -> bool {
    let Some((prefix, suffix)) = iri.split_once(':') else {
        return false;
    };
    if suffix.starts_with("//") {
        return false;
    }
    prefix == "_"
        || terms::by_name(prefix).is_some()
        || terms::PREFIXES.iter().any(|(p, _)| *p == prefix)
        || terms::CLASSES.iter().any(|(c, _)| *c == prefix)
        || VC_CLASSES.iter().any(|(c, _)| *c == prefix)
        || matches!(prefix, "id" | "type" | "sec" | "proof")
}

fn is_integer_type(datatype: &str) -> bool {
    datatype.strip_prefix(XSD).is_some_and(|local| {
        matches!(
            local,
            "integer"
                | "positiveInteger"
                | "nonNegativeInteger"
                | "negativeInteger"
                | "nonPositiveInteger"
                | "long"
                | "int"
                | "short"
                | "byte"
                | "unsignedLong"
                | "unsignedInt"
                | "unsignedShort"
                | "unsignedByte"
        )
    })
}

/// A canonical integer lexical form (`0`, `-12`, no sign on zero, no leading zeros) as a JSON
/// number; JSON-LD writes a number back in exactly this form.
fn canonical_integer(lexical: &str) -> Option<Value> {
    let digits = lexical.strip_prefix('-').unwrap_or(lexical);
    let canonical = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
        && lexical != "-0";
    if !canonical {
        return None;
    }
    if let Ok(n) = lexical.parse::<i64>() {
        return Some(Value::from(n));
    }
    lexical.parse::<u64>().ok().map(Value::from)
}

/// A literal as a JSON-LD value object, or a plain string for `xsd:string`.
fn value_object(literal: &Literal, property: &str) -> Result<Value, GraphError> {
    if literal.datatype == XSD_STRING {
        return Ok(Value::String(literal.lexical.clone()));
    }
    let mut object = Map::new();
    object.insert("@value".into(), Value::String(literal.lexical.clone()));
    match &literal.language {
        Some(language) => {
            object.insert("@language".into(), Value::String(language.clone()));
        }
        None => {
            if reads_as_compact_iri(&literal.datatype) {
                return Err(GraphError::UnrepresentableIri {
                    property: property.to_owned(),
                });
            }
            object.insert("@type".into(), Value::String(literal.datatype.clone()));
        }
    }
    Ok(Value::Object(object))
}

/// The placeholder id of a labelled blank node until [`Walk::relabel`] numbers them.
const PLACEHOLDER: &str = "_:p";

struct Walk<'g> {
    graphs: &'g Graphs,
    limits: GraphLimits,
    /// Node embeddings so far.
    embedded: usize,
    /// Placeholder numbers of blank nodes that need an id.
    labels: HashMap<NodeId, usize>,
    /// (graph, subject) pairs whose properties were written.
    reached: HashSet<(Option<NodeId>, NodeId)>,
    /// Named graphs written as a proof.
    used_graphs: HashSet<NodeId>,
}

impl<'g> Walk<'g> {
    fn new(graphs: &'g Graphs, limits: GraphLimits) -> Self {
        Walk {
            graphs,
            limits,
            embedded: 0,
            labels: HashMap::new(),
            reached: HashSet::new(),
            used_graphs: HashSet::new(),
        }
    }

    /// The `id` member of a node, if it gets one.
    fn id_of(&mut self, graph: &GraphIndex, node: &NodeId, is_root: bool) -> Option<String> {
        match node {
            NodeId::Iri(iri) => Some(iri.clone()),
            NodeId::Blank(_) => {
                let references = graph.in_degree(node) + usize::from(is_root);
                let bare = graph.props_of(node).is_empty();
                if references < 2 && !bare {
                    return None;
                }
                let next = self.labels.len();
                let n = *self.labels.entry(node.clone()).or_insert(next);
                Some(format!("{PLACEHOLDER}{n}"))
            }
        }
    }

    /// The JSON object of `node` in graph `name`, embedded with its properties unless it is
    /// already being embedded further up (`path`).
    fn node(
        &mut self,
        name: Option<&NodeId>,
        node: &NodeId,
        is_root: bool,
        path: &mut Vec<NodeId>,
    ) -> Result<Value, GraphError> {
        let graphs = self.graphs;
        let graph = graphs.get(name);
        let mut object = Map::new();
        if let NodeId::Iri(iri) = node
            && reads_as_compact_iri(iri)
        {
            return Err(GraphError::UnrepresentableIri {
                property: "@id".to_owned(),
            });
        }
        if let Some(id) = self.id_of(graph, node, is_root) {
            object.insert("id".into(), Value::String(id));
        }
        let props = graph.props_of(node);
        if path.contains(node) || props.is_empty() {
            return Ok(Value::Object(object));
        }
        if path.len() >= self.limits.max_depth {
            return Err(GraphError::TooDeep {
                limit: self.limits.max_depth,
            });
        }
        self.embedded += 1;
        if self.embedded > self.limits.max_nodes {
            return Err(GraphError::TooLarge {
                limit: self.limits.max_nodes,
            });
        }
        self.reached.insert((name.cloned(), node.clone()));
        path.push(node.clone());

        // `type` first.
        let mut types: Vec<(usize, String)> = Vec::new();
        for (predicate, value) in props.iter().filter(|(p, _)| p == RDF_TYPE) {
            match value {
                Object::Node(NodeId::Iri(class)) => {
                    if reads_as_compact_iri(class) {
                        return Err(GraphError::UnrepresentableIri {
                            property: predicate.clone(),
                        });
                    }
                    types.push(class_name(class));
                }
                _ => {
                    return Err(GraphError::Unsupported {
                        property: predicate.clone(),
                        what: "a type that is not an IRI",
                    });
                }
            }
        }
        types.sort();
        let is_vc = graph.has_type(node, VC_CLASS);
        match types.as_slice() {
            [] => {}
            [(_, single)] => {
                object.insert("type".into(), Value::String(single.clone()));
            }
            many => {
                let names = many.iter().map(|(_, n)| Value::String(n.clone())).collect();
                object.insert("type".into(), Value::Array(names));
            }
        }

        // Then each predicate, in IRI order (the index is sorted).
        let mut start = 0;
        while start < props.len() {
            let predicate = &props[start].0;
            let end = start
                + props[start..]
                    .iter()
                    .take_while(|(p, _)| p == predicate)
                    .count();
            let values: Vec<&Object> = props[start..end].iter().map(|(_, o)| o).collect();
            start = end;
            if predicate == RDF_TYPE {
                continue;
            }
            // VC envelope terms are scoped to the VerifiableCredential node (`proof` is also a
            // top-level term of the VC context).
            let term = term_by_iri(predicate)
                .filter(|t| is_vc || !t.is_vc_envelope() || t.kind == TermKind::Graph);
            let (key, value) = match term {
                Some(term) => (
                    term.name.to_owned(),
                    self.term_values(name, term, &values, path)?,
                ),
                None => {
                    if reads_as_compact_iri(predicate) {
                        return Err(GraphError::UnrepresentableIri {
                            property: predicate.clone(),
                        });
                    }
                    let mut items = Vec::with_capacity(values.len());
                    for value in values {
                        items.push(match value {
                            Object::Node(n) => self.node(name, n, false, path)?,
                            Object::Literal(l) => value_object(l, predicate)?,
                        });
                    }
                    (predicate.clone(), one_or_many(items))
                }
            };
            object.insert(key, value);
        }
        path.pop();
        Ok(Value::Object(object))
    }

    /// The JSON value of a known term's objects.
    fn term_values(
        &mut self,
        name: Option<&NodeId>,
        term: &Term,
        values: &[&Object],
        path: &mut Vec<NodeId>,
    ) -> Result<Value, GraphError> {
        let property = term.iri;
        let invalid = |expected: &str| GraphError::InvalidLiteral {
            property: property.to_owned(),
            expected: expected.to_owned(),
        };
        let unexpected_node = || GraphError::UnexpectedNode {
            property: property.to_owned(),
        };
        if term.kind == TermKind::Language {
            let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
            for value in values {
                match value {
                    Object::Literal(l) if l.datatype == RDF_LANG_STRING => map
                        .entry(l.language.clone().unwrap_or_default())
                        .or_default()
                        .push(l.lexical.clone()),
                    Object::Literal(l) if l.datatype == XSD_STRING => map
                        .entry("@none".into())
                        .or_default()
                        .push(l.lexical.clone()),
                    Object::Literal(_) => return Err(invalid("a language-tagged string")),
                    Object::Node(_) => return Err(unexpected_node()),
                }
            }
            let object = map
                .into_iter()
                .map(|(language, mut texts)| {
                    texts.sort();
                    let texts = one_or_many(texts.into_iter().map(Value::String).collect());
                    (language, texts)
                })
                .collect();
            return Ok(Value::Object(object));
        }
        let mut items = Vec::with_capacity(values.len());
        for value in values {
            let item = match (term.kind, value) {
                (TermKind::Node, Object::Node(node)) => self.node(name, node, false, path)?,
                (TermKind::Node, Object::Literal(_)) => return Err(invalid("a node")),
                (TermKind::Graph, Object::Node(node)) => self.graph_value(property, node)?,
                (TermKind::Graph, Object::Literal(_)) => return Err(invalid("a named graph")),
                (TermKind::Literal(datatype), Object::Literal(l)) => {
                    if l.datatype != datatype {
                        return Err(invalid(datatype));
                    }
                    if is_integer_type(datatype) {
                        canonical_integer(&l.lexical)
                            .ok_or_else(|| invalid("a canonical integer"))?
                    } else if datatype == "http://www.w3.org/2001/XMLSchema#boolean" {
                        match l.lexical.as_str() {
                            "true" => Value::Bool(true),
                            "false" => Value::Bool(false),
                            _ => return Err(invalid("a canonical boolean")),
                        }
                    } else {
                        // Strings, dates, durations, decimals: the context types the string
                        // again, so the lexical form comes back exactly.
                        Value::String(l.lexical.clone())
                    }
                }
                (TermKind::Plain, Object::Literal(l)) => value_object(l, property)?,
                (TermKind::Literal(_) | TermKind::Plain, Object::Node(_)) => {
                    return Err(unexpected_node());
                }
                // Handled above.
                (TermKind::Language, _) => return Err(unexpected_node()),
            };
            items.push(item);
        }
        Ok(one_or_many(items))
    }

    /// A `proof`: the named graph `name` holds one proof node, which is written as the value.
    fn graph_value(&mut self, property: &str, name: &NodeId) -> Result<Value, GraphError> {
        let unsupported = |what| GraphError::Unsupported {
            property: property.to_owned(),
            what,
        };
        let graph = self
            .graphs
            .graphs
            .get(&Some(name.clone()))
            .ok_or_else(|| unsupported("a value that names no graph"))?;
        if !self.used_graphs.insert(name.clone()) {
            return Err(unsupported("a graph used twice"));
        }
        let roots: Vec<&NodeId> = graph
            .subjects()
            .filter(|s| graph.in_degree(s) == 0)
            .collect();
        let [root] = roots.as_slice() else {
            return Err(unsupported("a graph without exactly one top node"));
        };
        let root = (*root).clone();
        let mut value = self.node(Some(name), &root, false, &mut Vec::new())?;
        // The proof node is the graph's only top node: its blank node id would only tie it to
        // nothing, so leave it out.
        if let (NodeId::Blank(_), Value::Object(object)) = (&root, &mut value)
            && graph.in_degree(&root) == 0
        {
            object.remove("id");
        }
        Ok(value)
    }

    /// Every triple must have been written.
    fn check_reached(&self) -> Result<(), GraphError> {
        let mut count = 0;
        let mut first_predicate = None;
        let mut names: Vec<&Option<NodeId>> = self.graphs.graphs.keys().collect();
        names.sort();
        for name in names {
            let graph = &self.graphs.graphs[name];
            if let Some(graph_name) = name
                && !self.used_graphs.contains(graph_name)
            {
                count += graph.triple_count();
                if first_predicate.is_none() {
                    first_predicate = graph
                        .props
                        .values()
                        .flatten()
                        .next()
                        .map(|(p, _)| p.clone());
                }
                continue;
            }
            for (subject, props) in &graph.props {
                if !self.reached.contains(&(name.clone(), subject.clone())) {
                    count += props.len();
                    if first_predicate.is_none() {
                        first_predicate = props.first().map(|(p, _)| p.clone());
                    }
                }
            }
        }
        match first_predicate {
            Some(first_predicate) if count > 0 => Err(GraphError::Unreachable {
                count,
                first_predicate,
            }),
            _ => Ok(()),
        }
    }

    /// Numbers the blank node placeholders in document order. Arrays were sorted without
    /// looking at blank node labels as they were built, so the same graph gives the same JSON
    /// whatever its labels.
    fn relabel(&self, json: &mut Value) {
        let mut numbers = HashMap::new();
        renumber(json, &mut numbers);
    }
}

fn one_or_many(mut items: Vec<Value>) -> Value {
    if items.len() == 1 {
        return items.swap_remove(0);
    }
    items.sort_by_cached_key(sort_key);
    Value::Array(items)
}

/// Orders values without looking at blank node labels: node IRIs first, then by content.
fn sort_key(value: &Value) -> String {
    if let Some(Value::String(id)) = value.get("id")
        && !id.starts_with("_:")
    {
        return format!("0{id}");
    }
    let mut key = String::from("1");
    write_label_free(value, &mut key);
    key
}

fn write_label_free(value: &Value, out: &mut String) {
    match value {
        Value::Object(object) => {
            out.push('{');
            for (k, v) in object {
                if k == "id" && v.as_str().is_some_and(|id| id.starts_with("_:")) {
                    continue;
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                write_label_free(v, out);
                out.push(',');
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for item in items {
                write_label_free(item, out);
                out.push(',');
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

fn renumber(value: &mut Value, numbers: &mut HashMap<String, usize>) {
    match value {
        Value::Object(object) => {
            if let Some(Value::String(id)) = object.get_mut("id")
                && id.starts_with(PLACEHOLDER)
            {
                let next = numbers.len();
                let n = *numbers.entry(id.clone()).or_insert(next);
                *id = format!("_:b{n}");
            }
            object.values_mut().for_each(|v| renumber(v, numbers));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| renumber(v, numbers)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_integers_only() {
        assert_eq!(canonical_integer("0"), Some(Value::from(0)));
        assert_eq!(canonical_integer("-12"), Some(Value::from(-12)));
        assert_eq!(
            canonical_integer("18446744073709551615"),
            Some(Value::from(u64::MAX))
        );
        for bad in [
            "",
            "-",
            "-0",
            "01",
            "+1",
            "1.0",
            "1e3",
            " 1",
            "99999999999999999999",
        ] {
            assert_eq!(canonical_integer(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn compact_iri_lookalikes() {
        for hazard in [
            "elm:x",
            "dc:title",
            "cred:x",
            "xsd:string",
            "Person:1",
            "type:x",
            "_:b0",
        ] {
            assert!(reads_as_compact_iri(hazard), "{hazard}");
        }
        for fine in [
            "http://data.europa.eu/snb/model/elm/x",
            "urn:epass:person:1",
            "mailto:a@example.org",
            "did:key:z6Mk",
            "elm://host/path",
        ] {
            assert!(!reads_as_compact_iri(fine), "{fine}");
        }
    }

    #[test]
    fn class_names_in_type_order() {
        assert_eq!(class_name(VC_CLASS).1, "VerifiableCredential");
        assert_eq!(class_name(EDC_CLASS).1, "EuropeanDigitalCredential");
        assert!(class_name(VC_CLASS).0 < class_name(EDC_CLASS).0);
        assert_eq!(
            class_name("http://example.org/C"),
            (usize::MAX, "http://example.org/C".to_owned())
        );
    }
}
