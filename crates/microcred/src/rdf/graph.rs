//! The graph index: a dataset's quads grouped by graph and subject, sorted, with each node's
//! in-degree. The walk from the graph to the credential ([`super::from_graph`]) and the RDF/XML
//! writer both read datasets through it.

use std::collections::{BTreeMap, HashMap};

use sophia_api::dataset::Dataset as _;
use sophia_api::quad::Quad as _;
use sophia_api::term::{Term as _, TermKind as SophiaKind};

use super::{Graph, GraphError};

pub(crate) const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
pub(crate) const RDF_LANG_STRING: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
pub(crate) const XSD_STRING: &str = "http://www.w3.org/2001/XMLSchema#string";
pub(crate) const EDC_CLASS: &str = "http://data.europa.eu/snb/model/elm/EuropeanDigitalCredential";

/// A subject or object node: an IRI or a blank node label.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum NodeId {
    /// An IRI.
    Iri(String),
    /// A blank node, by its label in the dataset.
    Blank(String),
}

/// A literal: lexical form, datatype IRI, language tag for `rdf:langString`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Literal {
    pub lexical: String,
    pub datatype: String,
    pub language: Option<String>,
}

/// The object of a triple.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Object {
    Node(NodeId),
    Literal(Literal),
}

/// One graph: each subject's (predicate, object) pairs, sorted, and how often each node is an
/// object.
#[derive(Debug, Default)]
pub(crate) struct GraphIndex {
    pub props: BTreeMap<NodeId, Vec<(String, Object)>>,
    pub in_degree: HashMap<NodeId, usize>,
}

impl GraphIndex {
    pub fn subjects(&self) -> impl Iterator<Item = &NodeId> {
        self.props.keys()
    }

    pub fn props_of(&self, node: &NodeId) -> &[(String, Object)] {
        self.props.get(node).map(Vec::as_slice).unwrap_or_default()
    }

    pub fn has_type(&self, node: &NodeId, class: &str) -> bool {
        self.props_of(node).iter().any(|(p, o)| {
            p == RDF_TYPE && matches!(o, Object::Node(NodeId::Iri(iri)) if iri == class)
        })
    }

    pub fn in_degree(&self, node: &NodeId) -> usize {
        self.in_degree.get(node).copied().unwrap_or(0)
    }

    pub fn triple_count(&self) -> usize {
        self.props.values().map(Vec::len).sum()
    }

    fn add(&mut self, s: NodeId, p: String, o: Object) {
        if let Object::Node(node) = &o {
            *self.in_degree.entry(node.clone()).or_default() += 1;
        }
        self.props.entry(s).or_default().push((p, o));
    }

    fn finish(&mut self) {
        for props in self.props.values_mut() {
            props.sort();
            props.dedup();
        }
    }
}

/// All graphs of a dataset by name (`None`: the default graph).
#[derive(Debug, Default)]
pub(crate) struct Graphs {
    pub graphs: HashMap<Option<NodeId>, GraphIndex>,
    empty: GraphIndex,
}

impl Graphs {
    /// Indexes a dataset. An RDF 1.2 triple term or a variable is refused.
    pub fn index(dataset: &Graph) -> Result<Self, GraphError> {
        let mut graphs = Graphs::default();
        for quad in dataset.quads() {
            let Ok(quad) = quad;
            let predicate = match quad.p().iri() {
                Some(iri) => iri.as_str().to_owned(),
                None => {
                    return Err(GraphError::Unsupported {
                        property: String::new(),
                        what: "a predicate that is not an IRI",
                    });
                }
            };
            let unsupported = |what| GraphError::Unsupported {
                property: predicate.clone(),
                what,
            };
            let subject =
                node_id(quad.s()).ok_or_else(|| unsupported("a subject that is not a node"))?;
            let object = match quad.o().kind() {
                SophiaKind::Literal => Object::Literal(literal(quad.o())),
                _ => Object::Node(
                    node_id(quad.o()).ok_or_else(|| unsupported("an RDF 1.2 triple term"))?,
                ),
            };
            let graph = match quad.g() {
                None => None,
                Some(g) => {
                    Some(node_id(g).ok_or_else(|| unsupported("a graph name that is not a node"))?)
                }
            };
            graphs
                .graphs
                .entry(graph)
                .or_default()
                .add(subject, predicate, object);
        }
        for graph in graphs.graphs.values_mut() {
            graph.finish();
        }
        Ok(graphs)
    }

    pub fn get(&self, name: Option<&NodeId>) -> &GraphIndex {
        self.graphs.get(&name.cloned()).unwrap_or(&self.empty)
    }
}

fn node_id<T: sophia_api::term::Term>(term: T) -> Option<NodeId> {
    match term.kind() {
        SophiaKind::Iri => term.iri().map(|iri| NodeId::Iri(iri.as_str().to_owned())),
        SophiaKind::BlankNode => term
            .bnode_id()
            .map(|id| NodeId::Blank(id.as_str().to_owned())),
        _ => None,
    }
}

fn literal<T: sophia_api::term::Term>(term: T) -> Literal {
    Literal {
        lexical: term
            .lexical_form()
            .map(|l| l.to_string())
            .unwrap_or_default(),
        datatype: term
            .datatype()
            .map(|d| d.as_str().to_owned())
            .unwrap_or_else(|| XSD_STRING.to_owned()),
        language: term.language_tag().map(|l| l.as_str().to_owned()),
    }
}
