//! Writing RDF/XML in a readable, ELM-like style.
//!
//! sophia_xml's serializer (through oxrdfxml) writes one flat `rdf:Description` per subject with
//! generated namespace prefixes and no nesting, and it skips triples it cannot write with only a
//! log line. ELM's own RDF/XML (the ontology) and the JSON-LD that EDC writes are read as nested
//! documents, so this module writes the readable form itself: the EDC prefixes on `rdf:RDF`,
//! typed node elements, a node nested under the one property that references it, `rdf:resource`
//! for nodes referenced more than once, `xml:lang` and `rdf:datatype` on literals. Whatever it
//! cannot express is an error, never a dropped triple. Reading stays with sophia_xml.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

use super::XmlError;
use crate::model::EuropeanDigitalCredential;
use crate::rdf::graph::{
    GraphIndex, Graphs, Literal, NodeId, Object, RDF_LANG_STRING, RDF_TYPE, XSD_STRING,
};
use crate::rdf::{Dataset, GraphError};
use crate::terms;

const RDF_NS: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const EDC_CLASS: &str = "http://data.europa.eu/snb/model/elm/EuropeanDigitalCredential";

/// A node is nested at most this deep below a top-level node; deeper ones are written at the
/// top level and referenced, so that the output stays within the reader's default depth limit
/// (two elements per level).
const MAX_NESTING: usize = 24;

/// `rdf:` names that cannot be property elements (RDF/XML's core syntax terms, the old terms,
/// `rdf:li` which the reader renumbers, and `rdf:Description`).
const FORBIDDEN_PROPERTIES: &[&str] = &[
    "RDF",
    "ID",
    "about",
    "bagID",
    "parseType",
    "resource",
    "nodeID",
    "datatype",
    "li",
    "aboutEach",
    "aboutEachPrefix",
    "Description",
];

/// Writes a credential as RDF/XML: JSON-LD → RDF dataset ([`crate::rdf::to_dataset`]) → RDF/XML.
///
/// A credential with an embedded Data Integrity `proof` is refused with `xml.named_graphs`: the
/// proof is a named graph, which RDF/XML cannot hold. (EDC seals with JAdES, outside the graph.)
pub fn to_rdf_xml(credential: &EuropeanDigitalCredential) -> Result<String, XmlError> {
    let dataset = crate::rdf::to_dataset(credential)?;
    dataset_to_rdf_xml(&dataset)
}

/// Writes the default graph of a dataset as RDF/XML. A dataset with named graphs is refused
/// (RDF/XML holds one graph).
///
/// The credential (the node typed `elm:EuropeanDigitalCredential`) comes first; a node
/// referenced exactly once is nested in its property element; the other nodes follow at the top
/// level, in IRI order.
pub fn dataset_to_rdf_xml(dataset: &Dataset) -> Result<String, XmlError> {
    let graphs = Graphs::index(&dataset.0).map_err(|e| match e {
        GraphError::Unsupported { property, what } => XmlError::Unrepresentable {
            property,
            reason: what,
        },
        other => XmlError::Graph(other),
    })?;
    let named = graphs.graphs.keys().filter(|k| k.is_some()).count();
    if named > 0 {
        return Err(XmlError::NamedGraphs { count: named });
    }
    let graph = graphs.get(None);
    let mut writer = Writer::new(graph)?;
    writer.document()?;
    Ok(writer.out)
}

/// Namespace prefixes: the EDC context's own, `rdf`, `sec`; `ns1`, `ns2`, ... for the others.
#[derive(Debug, Default)]
struct Namespaces {
    /// namespace IRI → prefix
    prefixes: BTreeMap<String, String>,
}

fn known_prefixes() -> impl Iterator<Item = (&'static str, &'static str)> {
    [("rdf", RDF_NS), ("sec", terms::SEC_NS)]
        .into_iter()
        .chain(terms::PREFIXES.iter().copied().filter(|(p, _)| *p != "rdf"))
}

/// Splits an IRI into a namespace and an XML local name: after a known namespace when the rest
/// is a name, else before the longest name at its end.
fn split_qname(iri: &str) -> Option<(&str, &str)> {
    let known = known_prefixes()
        .filter(|(_, ns)| {
            iri.len() > ns.len() && iri.starts_with(ns) && is_ncname(&iri[ns.len()..])
        })
        .max_by_key(|(_, ns)| ns.len());
    if let Some((_, ns)) = known {
        return Some(iri.split_at(ns.len()));
    }
    let tail_start = iri
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_name_char(*c))
        .last()
        .map(|(i, _)| i)?;
    let local_start = iri[tail_start..]
        .char_indices()
        .find(|(_, c)| is_name_start(*c))
        .map(|(i, _)| tail_start + i)?;
    let (ns, local) = iri.split_at(local_start);
    (!ns.is_empty()).then_some((ns, local))
}

/// XML 1.0 (fifth edition) NameStartChar, without `:`.
fn is_name_start(c: char) -> bool {
    matches!(c,
        'A'..='Z' | '_' | 'a'..='z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

/// XML 1.0 (fifth edition) NameChar, without `:`.
fn is_name_char(c: char) -> bool {
    is_name_start(c)
        || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

pub(super) fn is_ncname(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(is_name_start) && chars.all(is_name_char)
}

/// Characters XML 1.0 can carry at all.
pub(super) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// Escapes element text. `\r` is written as a reference, which XML's line-end normalisation
/// would otherwise turn into `\n`.
fn escape_text(text: &str, out: &mut String) -> bool {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            c if is_xml_char(c) => out.push(c),
            _ => return false,
        }
    }
    true
}

/// Escapes an attribute value; tabs and line ends are references, which attribute value
/// normalisation would otherwise turn into spaces.
fn escape_attr(text: &str, out: &mut String) -> bool {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if is_xml_char(c) => out.push(c),
            _ => return false,
        }
    }
    true
}

struct Writer<'g> {
    graph: &'g GraphIndex,
    out: String,
    namespaces: Namespaces,
    /// The type written as each node's element name.
    element_type: HashMap<&'g NodeId, &'g str>,
    written: HashSet<&'g NodeId>,
    node_ids: HashMap<&'g NodeId, String>,
}

impl<'g> Writer<'g> {
    /// Chooses the element name of every node and the prefixes of every namespace in use.
    fn new(graph: &'g GraphIndex) -> Result<Self, XmlError> {
        let mut used: HashSet<&str> = HashSet::from([RDF_NS]);
        let mut element_type = HashMap::new();
        for (subject, props) in &graph.props {
            for (predicate, _) in props {
                let (ns, local) = split_qname(predicate).ok_or_else(|| {
                    unrepresentable(predicate, "the IRI does not end in an XML name")
                })?;
                if let Some(reason) = reserved(ns, local) {
                    return Err(unrepresentable(predicate, reason));
                }
                used.insert(ns);
            }
            // The element name: an ELM class if there is one, else the first type that is a
            // usable name (other types stay `rdf:type` properties).
            let is_elm = |class: &str| terms::CLASSES.iter().any(|(_, c)| *c == class);
            let best = props
                .iter()
                .filter_map(|(p, o)| match o {
                    Object::Node(NodeId::Iri(class)) if p == RDF_TYPE => split_qname(class)
                        .filter(|(ns, local)| reserved(ns, local).is_none())
                        .map(|(ns, _)| (class.as_str(), ns)),
                    _ => None,
                })
                .min_by_key(|(class, _)| !is_elm(class));
            if let Some((class, ns)) = best {
                used.insert(ns);
                element_type.insert(subject, class);
            }
        }
        let mut namespaces = Namespaces::default();
        let mut unknown: Vec<&str> = Vec::new();
        for ns in used {
            match known_prefixes().find(|(_, k)| *k == ns) {
                Some((prefix, _)) => {
                    namespaces.prefixes.insert(ns.to_owned(), prefix.to_owned());
                }
                None => unknown.push(ns),
            }
        }
        unknown.sort_unstable();
        for (i, ns) in unknown.into_iter().enumerate() {
            namespaces
                .prefixes
                .insert(ns.to_owned(), format!("ns{}", i + 1));
        }
        Ok(Writer {
            graph,
            out: String::with_capacity(graph.triple_count() * 96),
            namespaces,
            element_type,
            written: HashSet::new(),
            node_ids: HashMap::new(),
        })
    }

    fn qname(&self, iri: &str) -> String {
        // Every name written was split and given a prefix in `new`.
        match split_qname(iri) {
            Some((ns, local)) => match self.namespaces.prefixes.get(ns) {
                Some(prefix) => format!("{prefix}:{local}"),
                None => local.to_owned(),
            },
            None => iri.to_owned(),
        }
    }

    fn document(&mut self) -> Result<(), XmlError> {
        self.out
            .push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rdf:RDF");
        let mut declarations: Vec<(&String, &String)> = self
            .namespaces
            .prefixes
            .iter()
            .map(|(ns, prefix)| (prefix, ns))
            .collect();
        // rdf first, then the EDC context's order, then ns1, ns2, ...
        let rank = |prefix: &str| {
            known_prefixes()
                .position(|(p, _)| p == prefix)
                .unwrap_or(usize::MAX)
        };
        declarations.sort_by_key(|(prefix, _)| (rank(prefix), prefix.len(), (*prefix).clone()));
        let mut declared = String::new();
        for (prefix, ns) in declarations {
            let _ = write!(declared, "\n    xmlns:{prefix}=\"");
            if !escape_attr(ns, &mut declared) {
                return Err(unrepresentable(ns, "a namespace XML cannot carry"));
            }
            declared.push('"');
        }
        self.out.push_str(&declared);
        self.out.push_str(">\n");

        let graph = self.graph;
        let mut top: Vec<&'g NodeId> = graph
            .subjects()
            .filter(|s| graph.has_type(s, EDC_CLASS))
            .collect();
        top.extend(
            graph
                .subjects()
                .filter(|s| !graph.has_type(s, EDC_CLASS) && graph.in_degree(s) != 1),
        );
        // Then whatever nesting did not reach: cycles of singly referenced nodes, and nodes
        // below the nesting limit.
        top.extend(graph.subjects().filter(|s| graph.in_degree(s) == 1));
        for node in top {
            if !self.written.contains(node) {
                self.node(node, 1, 0)?;
            }
        }
        self.out.push_str("</rdf:RDF>\n");
        Ok(())
    }

    fn indent(&mut self, level: usize) {
        for _ in 0..level {
            self.out.push_str("  ");
        }
    }

    fn node_id(&mut self, node: &'g NodeId) -> String {
        let next = self.node_ids.len();
        self.node_ids
            .entry(node)
            .or_insert_with(|| format!("b{next}"))
            .clone()
    }

    /// Writes a node element at `level` (indentation), `nesting` levels below the top.
    fn node(&mut self, node: &'g NodeId, level: usize, nesting: usize) -> Result<(), XmlError> {
        self.written.insert(node);
        let element = match self.element_type.get(node) {
            Some(class) => self.qname(class),
            None => "rdf:Description".to_owned(),
        };
        self.indent(level);
        self.out.push('<');
        self.out.push_str(&element);
        match node {
            NodeId::Iri(iri) => {
                self.out.push_str(" rdf:about=\"");
                if !escape_attr(iri, &mut self.out) {
                    return Err(unrepresentable(
                        "",
                        "an IRI with a character XML cannot carry",
                    ));
                }
                self.out.push('"');
            }
            NodeId::Blank(_) => {
                // A nested blank node is referenced only there; a top-level one needs its id
                // when something references it.
                if nesting == 0 && self.graph.in_degree(node) > 0 {
                    let id = self.node_id(node);
                    let _ = write!(self.out, " rdf:nodeID=\"{id}\"");
                }
            }
        }
        let element_type = self.element_type.get(node).copied();
        // Remaining types first, then the properties by prefixed name (grouped by vocabulary).
        let mut props: Vec<(bool, String, &'g (String, Object))> = self
            .graph
            .props_of(node)
            .iter()
            .filter(|(p, o)| {
                !(p == RDF_TYPE
                    && matches!((o, element_type), (Object::Node(NodeId::Iri(c)), Some(t)) if c == t))
            })
            .map(|triple| (triple.0 != RDF_TYPE, self.qname(&triple.0), triple))
            .collect();
        props.sort_by(|a, b| (a.0, &a.1, &a.2.1).cmp(&(b.0, &b.1, &b.2.1)));
        if props.is_empty() {
            self.out.push_str("/>\n");
            return Ok(());
        }
        self.out.push_str(">\n");
        for (_, _, (predicate, object)) in props {
            self.property(predicate, object, level + 1, nesting)?;
        }
        self.indent(level);
        let _ = writeln!(self.out, "</{element}>");
        Ok(())
    }

    fn property(
        &mut self,
        predicate: &'g str,
        object: &'g Object,
        level: usize,
        nesting: usize,
    ) -> Result<(), XmlError> {
        let name = self.qname(predicate);
        self.indent(level);
        self.out.push('<');
        self.out.push_str(&name);
        match object {
            Object::Literal(literal) => {
                self.literal_attributes(predicate, literal)?;
                self.out.push('>');
                if !escape_text(&literal.lexical, &mut self.out) {
                    return Err(unrepresentable(
                        predicate,
                        "a literal with a character XML 1.0 cannot carry",
                    ));
                }
                let _ = writeln!(self.out, "</{name}>");
            }
            Object::Node(node) => {
                let graph = self.graph;
                let nest = graph.in_degree(node) == 1
                    && !self.written.contains(node)
                    && !graph.props_of(node).is_empty()
                    && !graph.has_type(node, EDC_CLASS)
                    && nesting < MAX_NESTING;
                if nest {
                    self.out.push_str(">\n");
                    self.node(node, level + 1, nesting + 1)?;
                    self.indent(level);
                    let _ = writeln!(self.out, "</{name}>");
                } else {
                    match node {
                        NodeId::Iri(iri) => {
                            self.out.push_str(" rdf:resource=\"");
                            if !escape_attr(iri, &mut self.out) {
                                return Err(unrepresentable(
                                    predicate,
                                    "an IRI with a character XML cannot carry",
                                ));
                            }
                            self.out.push_str("\"/>\n");
                        }
                        NodeId::Blank(_) => {
                            let id = self.node_id(node);
                            let _ = writeln!(self.out, " rdf:nodeID=\"{id}\"/>");
                        }
                    }
                }
            }
        }
        Ok(())
    }

    fn literal_attributes(&mut self, predicate: &str, literal: &Literal) -> Result<(), XmlError> {
        let (attribute, value) = match (&literal.language, literal.datatype.as_str()) {
            (Some(language), _) => ("xml:lang", language.as_str()),
            (None, XSD_STRING) => return Ok(()),
            (None, RDF_LANG_STRING) => {
                return Err(unrepresentable(
                    predicate,
                    "a language string without a language",
                ));
            }
            (None, datatype) => ("rdf:datatype", datatype),
        };
        let _ = write!(self.out, " {attribute}=\"");
        if !escape_attr(value, &mut self.out) {
            return Err(unrepresentable(predicate, "a datatype XML cannot carry"));
        }
        self.out.push('"');
        Ok(())
    }
}

/// Why `ns` + `local` cannot be an element name, if it cannot.
fn reserved(ns: &str, local: &str) -> Option<&'static str> {
    if ns == RDF_NS && FORBIDDEN_PROPERTIES.contains(&local) {
        Some("a reserved rdf: name")
    } else if ns.starts_with("http://www.w3.org/XML/1998/namespace")
        || ns.starts_with("http://www.w3.org/2000/xmlns/")
    {
        Some("a name in the XML namespace")
    } else {
        None
    }
}

fn unrepresentable(property: &str, reason: &'static str) -> XmlError {
    XmlError::Unrepresentable {
        property: property.to_owned(),
        reason,
    }
}
