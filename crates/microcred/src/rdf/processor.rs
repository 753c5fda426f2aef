//! The full JSON-LD processor across a module boundary.
//!
//! json-ld 0.15, the generic processor behind the fast path, is about a fifth of the browser
//! module (BENCHMARKS.md, "WASM size"), and every EDC credential takes the fast path. So the
//! npm package ships it as a second module, loaded only when a document needs it: a build
//! without the `full-jsonld` feature hands each document the fast path declines to the
//! [`FullProcessor`] installed with [`set_full_processor`], and a build with it answers through
//! [`serve_full_processor`]. The two talk JSON text (a request, then quads or the error), so the
//! boundary needs nothing but strings. With no processor installed, such a document is
//! [`RdfError::NeedsFullProcessor`] (`rdf.needs_full_processor`), which the Verifier reports as
//! an indeterminate check, never as a failure.
//!
//! The reply is read as untrusted input: terms are checked before they go into a dataset, and a
//! reply that does not parse is `rdf.invalid_jsonld`.

use std::collections::BTreeMap;
use std::sync::{PoisonError, RwLock};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sophia_api::MownStr;
use sophia_api::dataset::MutableDataset;
use sophia_api::term::{BnodeId, IriRef, LanguageTag, SimpleTerm};

use super::{Graph, RdfError};

/// A full JSON-LD processor in another module: takes a request and returns the reply (both
/// JSON text, made and read by this module), or `None` when it is not available.
pub type FullProcessor = fn(request: &str) -> Option<String>;

static FULL_PROCESSOR: RwLock<Option<FullProcessor>> = RwLock::new(None);

/// Installs (or with `None` removes) the processor that builds without the `full-jsonld` feature
/// use for documents outside the fast path. Builds with the feature never call it.
pub fn set_full_processor(processor: Option<FullProcessor>) {
    *FULL_PROCESSOR
        .write()
        .unwrap_or_else(PoisonError::into_inner) = processor;
}

/// What the other module is asked to do.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
enum Request {
    /// JSON-LD → RDF: the document, every registered context and the expander's options.
    #[serde(rename_all = "camelCase")]
    Expand {
        document: Value,
        contexts: BTreeMap<String, Value>,
        safe: bool,
        max_depth: usize,
    },
    /// RDFC-1.0 of a dataset with blank nodes: the canonical N-Quads, or with `issued` the
    /// issued identifiers map.
    #[serde(rename_all = "camelCase")]
    Canonical {
        quads: Vec<Vec<WireTerm>>,
        sha384: bool,
        depth_factor: f32,
        permutation_limit: usize,
        hash_budget: Option<u64>,
        recursion_limit: usize,
        issued: bool,
    },
    /// RDF/XML → a credential, answered as its JSON-LD.
    RdfXml { xml: String },
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
enum Reply {
    /// Each quad as subject, predicate, object and, in a named graph, the graph name.
    Quads(Vec<Vec<WireTerm>>),
    /// Canonical N-Quads.
    Text(String),
    /// Issued identifiers (blank node label → canonical label).
    Issued(BTreeMap<String, String>),
    Error(WireError),
}

/// An RDF term: exactly one of `iri`, `blank` and `literal`; a literal has a `datatype` or a
/// `language`.
#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct WireTerm {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    iri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    blank: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    literal: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    datatype: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    language: Option<String>,
}

/// An [`RdfError`] as its code and fields.
#[derive(Serialize, Deserialize, Default)]
struct WireError {
    code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    term: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    limit: Option<usize>,
    /// The message, for errors that cross as code and message (the RDF/XML reader's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    message: Option<String>,
}

/// The dataset of `document` from the installed processor (the caller has tried the fast path
/// and checked the depth).
#[cfg_attr(feature = "full-jsonld", allow(dead_code))]
pub(super) fn expand_elsewhere(
    contexts: &super::Contexts,
    safe: bool,
    max_depth: usize,
    document: Value,
) -> Result<Graph, RdfError> {
    let request = Request::Expand {
        document,
        contexts: contexts
            .urls()
            .filter_map(|url| Some((url.to_owned(), contexts.get(url)?.clone())))
            .collect(),
        safe,
        max_depth,
    };
    match ask(&request)? {
        Reply::Quads(quads) => to_graph(quads),
        _ => Err(malformed()),
    }
}

/// The canonical N-Quads of `dataset` (`Canonicalizer::canonical_nquads` without `full-jsonld`):
/// a dataset without blank nodes here (its canonical form is its sorted lines), else from the
/// installed processor.
#[cfg_attr(feature = "full-jsonld", allow(dead_code))]
pub(super) fn canonical_elsewhere(
    canonicalizer: &super::Canonicalizer,
    dataset: &super::Dataset,
) -> Result<String, RdfError> {
    let mut wire = to_wire(&dataset.0);
    let blank = blank_nodes(&wire);
    if blank.len() <= 1 {
        // RDFC-1.0 without hashing: with no blank node the canonical form is the sorted lines
        // (N-Quads as `to_nquads` writes them are canonical lines, and a dataset holds no
        // duplicates); a single blank node is the only one of its first-degree hash, so it is
        // issued `c14n0`. A Data Integrity proof configuration is such a dataset.
        let text = if blank.is_empty() {
            super::to_nquads(dataset)
        } else {
            for term in wire.iter_mut().flatten() {
                if term.blank.is_some() {
                    term.blank = Some("c14n0".to_owned());
                }
            }
            super::to_nquads(&super::Dataset(to_graph(wire)?))
        };
        let mut lines: Vec<&str> = text.lines().collect();
        lines.sort_unstable();
        lines.dedup();
        return Ok(lines.iter().map(|line| format!("{line}\n")).collect());
    }
    match ask(&canonical_request(canonicalizer, wire, false))? {
        Reply::Text(text) => Ok(text),
        _ => Err(malformed()),
    }
}

/// RDFC-1.0's issued identifiers of `dataset` from the installed processor
/// (`Canonicalizer::issued_identifiers` without `full-jsonld`).
#[cfg_attr(feature = "full-jsonld", allow(dead_code))]
pub(super) fn issued_elsewhere(
    canonicalizer: &super::Canonicalizer,
    dataset: &super::Dataset,
) -> Result<BTreeMap<String, String>, RdfError> {
    let wire = to_wire(&dataset.0);
    let blank = blank_nodes(&wire);
    if blank.len() <= 1 {
        // As in `canonical_elsewhere`: nothing to hash.
        return Ok(blank
            .into_iter()
            .map(|label| (label.to_owned(), "c14n0".to_owned()))
            .collect());
    }
    match ask(&canonical_request(canonicalizer, wire, true))? {
        Reply::Issued(issued) => Ok(issued),
        _ => Err(malformed()),
    }
}

/// A credential from RDF/XML by the installed processor's reader (`xml::from_rdf_xml` where the
/// reader is not built in).
#[allow(dead_code)] // built in wherever the RDF/XML reader is
pub(crate) fn read_rdf_xml_elsewhere(
    bytes: &[u8],
) -> Result<crate::EuropeanDigitalCredential, crate::xml::XmlError> {
    use crate::xml::XmlError;
    let xml = std::str::from_utf8(bytes).map_err(|e| XmlError::Encoding {
        offset: e.valid_up_to(),
    })?;
    let request = Request::RdfXml {
        xml: xml.to_owned(),
    };
    match ask_reply(&request).map_err(XmlError::Rdf)? {
        // An error of the reader crosses as its code and message.
        Reply::Error(WireError {
            code,
            message: Some(message),
            ..
        }) => Err(
            match crate::codes::catalogue()
                .iter()
                .find(|info| info.code == code)
            {
                Some(info) => XmlError::Elsewhere {
                    code: info.code,
                    message,
                },
                None => XmlError::Rdf(malformed()),
            },
        ),
        Reply::Error(error) => Err(XmlError::Rdf(from_wire(error))),
        Reply::Text(json) => {
            crate::json::parse(json.as_bytes()).map_err(|_| crate::xml::XmlError::Rdf(malformed()))
        }
        _ => Err(XmlError::Rdf(malformed())),
    }
}
fn canonical_request(
    canonicalizer: &super::Canonicalizer,
    quads: Vec<Vec<WireTerm>>,
    issued: bool,
) -> Request {
    let (hash, depth_factor, permutation_limit, hash_budget, recursion_limit) =
        canonicalizer.settings();
    Request::Canonical {
        quads,
        sha384: hash == super::HashAlgorithm::Sha384,
        depth_factor,
        permutation_limit,
        hash_budget,
        recursion_limit,
        issued,
    }
}

/// The distinct blank node labels of `quads`.
fn blank_nodes(quads: &[Vec<WireTerm>]) -> std::collections::BTreeSet<&str> {
    quads
        .iter()
        .flatten()
        .filter_map(|term| term.blank.as_deref())
        .collect()
}

/// Sends `request` to the installed processor and reads its reply (an error reply as the error).
fn ask(request: &Request) -> Result<Reply, RdfError> {
    match ask_reply(request)? {
        Reply::Error(error) => Err(from_wire(error)),
        reply => Ok(reply),
    }
}

/// Sends `request` to the installed processor and reads its reply, error replies included.
fn ask_reply(request: &Request) -> Result<Reply, RdfError> {
    let processor = *FULL_PROCESSOR
        .read()
        .unwrap_or_else(PoisonError::into_inner);
    let processor = processor.ok_or(RdfError::NeedsFullProcessor)?;
    let request = serde_json::to_string(request).map_err(|_| malformed())?;
    let reply = processor(&request).ok_or(RdfError::NeedsFullProcessor)?;
    serde_json::from_str(&reply).map_err(|_| malformed())
}

/// Answers a request made by a build without the `full-jsonld` feature: the reply to hand back
/// to it (JSON text).
#[cfg(feature = "full-jsonld")]
pub fn serve_full_processor(request: &str) -> String {
    let reply = match serde_json::from_str::<Request>(request) {
        Ok(request) => serve(request).unwrap_or_else(|error| Reply::Error(to_wire_error(&error))),
        Err(_) => Reply::Error(to_wire_error(&malformed())),
    };
    // Strings, numbers and lists only: serialising cannot fail.
    serde_json::to_string(&reply).unwrap_or_default()
}

#[cfg(feature = "full-jsonld")]
fn serve(request: Request) -> Result<Reply, RdfError> {
    match request {
        Request::Expand {
            document,
            contexts: documents,
            safe,
            max_depth,
        } => {
            let mut contexts = super::Contexts::new();
            for (url, document) in documents {
                contexts.register(&url, document)?;
            }
            // The limit is the caller's, capped by the default, which keeps this module's
            // recursion within its stack: a page calling `serve` itself with a huge limit gets
            // `rdf.too_deep`, not a trap.
            let dataset = super::Expander::new()
                .with_contexts(contexts)
                .safe(safe)
                .with_max_depth(max_depth.min(super::jsonld::DEFAULT_MAX_DEPTH))
                .expand_value(&document)?;
            Ok(Reply::Quads(to_wire(&dataset.0)))
        }
        Request::Canonical {
            quads,
            sha384,
            depth_factor,
            permutation_limit,
            hash_budget,
            recursion_limit,
            issued,
        } => {
            let dataset = super::Dataset(to_graph(quads)?);
            let mut canonicalizer = super::Canonicalizer::new()
                .with_depth_factor(depth_factor)
                .with_permutation_limit(permutation_limit)
                .with_recursion_limit(recursion_limit);
            if sha384 {
                canonicalizer = canonicalizer.with_hash(super::HashAlgorithm::Sha384);
            }
            if let Some(budget) = hash_budget {
                canonicalizer = canonicalizer.with_hash_budget(budget);
            }
            if issued {
                canonicalizer.issued_here(&dataset).map(Reply::Issued)
            } else {
                canonicalizer.canonical_here(&dataset).map(Reply::Text)
            }
        }
        Request::RdfXml { xml } => read_rdf_xml(&xml),
    }
}

/// The reply to an RDF/XML request: the credential's JSON-LD, or the reader's error as its code
/// and message.
#[cfg(all(
    feature = "full-jsonld",
    any(
        not(all(target_arch = "wasm32", target_os = "unknown")),
        feature = "wasm-rdf-xml-read"
    )
))]
fn read_rdf_xml(xml: &str) -> Result<Reply, RdfError> {
    match crate::xml::from_rdf_xml(xml.as_bytes()) {
        Ok(credential) => Ok(Reply::Text(crate::json::to_string(&credential))),
        Err(error) => Ok(Reply::Error(WireError {
            code: error.code().to_owned(),
            message: Some(error.to_string()),
            ..WireError::default()
        })),
    }
}

#[cfg(all(
    feature = "full-jsonld",
    all(target_arch = "wasm32", target_os = "unknown"),
    not(feature = "wasm-rdf-xml-read")
))]
fn read_rdf_xml(_xml: &str) -> Result<Reply, RdfError> {
    Err(RdfError::NeedsFullProcessor)
}

fn malformed() -> RdfError {
    RdfError::InvalidJsonLd {
        path: "$".to_owned(),
        reason: "the full JSON-LD processor's request or reply is malformed".to_owned(),
    }
}

fn to_wire(graph: &Graph) -> Vec<Vec<WireTerm>> {
    use sophia_api::dataset::Dataset as _;
    use sophia_api::quad::Quad as _;
    use sophia_api::term::{Term, TermKind};

    fn term<T: Term>(t: T) -> WireTerm {
        let text = |m: Option<MownStr<'_>>| m.map(|m| m.to_string());
        match t.kind() {
            TermKind::Iri => WireTerm {
                iri: text(t.iri().map(|i| i.unwrap())),
                ..WireTerm::default()
            },
            TermKind::BlankNode => WireTerm {
                blank: text(t.bnode_id().map(|b| b.unwrap())),
                ..WireTerm::default()
            },
            _ => WireTerm {
                literal: text(t.lexical_form()),
                language: text(t.language_tag().map(|l| l.unwrap())),
                datatype: match t.language_tag() {
                    Some(_) => None,
                    None => text(t.datatype().map(|d| d.unwrap())),
                },
                ..WireTerm::default()
            },
        }
    }
    // A LightDataset's quads() cannot fail.
    graph
        .quads()
        .flatten()
        .map(|q| {
            let mut terms = vec![term(q.s()), term(q.p()), term(q.o())];
            terms.extend(q.g().map(term));
            terms
        })
        .collect()
}

fn to_graph(quads: Vec<Vec<WireTerm>>) -> Result<Graph, RdfError> {
    let mut graph = Graph::new();
    for quad in quads {
        let mut terms = quad.into_iter().map(from_wire_term);
        let (Some(s), Some(p), Some(o), g, None) = (
            terms.next(),
            terms.next(),
            terms.next(),
            terms.next(),
            terms.next(),
        ) else {
            return Err(malformed());
        };
        let g = g.transpose()?;
        graph
            .insert(s?, p?, o?, g.as_ref())
            .map_err(|_| malformed())?;
    }
    Ok(graph)
}

fn from_wire_term(term: WireTerm) -> Result<SimpleTerm<'static>, RdfError> {
    let iri = |text: String| {
        iref::Iri::new(&text).map_err(|_| malformed())?;
        Ok::<_, RdfError>(IriRef::new_unchecked(MownStr::from(text)))
    };
    match term {
        WireTerm {
            iri: Some(text),
            blank: None,
            literal: None,
            datatype: None,
            language: None,
        } => Ok(SimpleTerm::Iri(iri(text)?)),
        WireTerm {
            blank: Some(label),
            iri: None,
            literal: None,
            datatype: None,
            language: None,
        } if rdf_types::BlankId::new(&format!("_:{label}")).is_ok() => Ok(SimpleTerm::BlankNode(
            BnodeId::new_unchecked(MownStr::from(label)),
        )),
        WireTerm {
            literal: Some(lexical),
            iri: None,
            blank: None,
            datatype: Some(datatype),
            language: None,
        } => Ok(SimpleTerm::LiteralDatatype(
            MownStr::from(lexical),
            iri(datatype)?,
        )),
        WireTerm {
            literal: Some(lexical),
            iri: None,
            blank: None,
            datatype: None,
            language: Some(tag),
        } => Ok(SimpleTerm::LiteralLanguage(
            MownStr::from(lexical),
            LanguageTag::new(MownStr::from(tag)).map_err(|_| malformed())?,
            None,
        )),
        _ => Err(malformed()),
    }
}

#[cfg_attr(not(feature = "full-jsonld"), allow(dead_code))]
fn to_wire_error(error: &RdfError) -> WireError {
    let code = error.code().to_owned();
    let mut wire = WireError {
        code,
        ..WireError::default()
    };
    match error.clone() {
        RdfError::UnknownContext { url } => wire.url = Some(url),
        RdfError::InvalidContext { url, reason } => {
            wire.url = Some(url);
            wire.reason = Some(reason);
        }
        RdfError::ContextFile { file, reason } => {
            wire.url = Some(file);
            wire.reason = Some(reason);
        }
        RdfError::UndefinedTerm { term, path } => {
            wire.term = Some(term);
            wire.path = Some(path);
        }
        RdfError::DroppedValue { path, reason } => {
            wire.path = Some(path);
            wire.reason = Some(reason.to_owned());
        }
        RdfError::TooDeep { path, limit } => {
            wire.path = Some(path);
            wire.limit = Some(limit);
        }
        RdfError::InvalidJsonLd { path, reason } => {
            wire.path = Some(path);
            wire.reason = Some(reason);
        }
        RdfError::CanonLimit { reason } | RdfError::CanonUnsupported { reason } => {
            wire.reason = Some(reason);
        }
        RdfError::NeedsFullProcessor => {}
    }
    wire
}

fn from_wire(wire: WireError) -> RdfError {
    let path = || wire.path.clone().unwrap_or_else(|| "$".to_owned());
    let reason = || wire.reason.clone().unwrap_or_default();
    match wire.code.as_str() {
        "rdf.unknown_context" => RdfError::UnknownContext {
            url: wire.url.clone().unwrap_or_default(),
        },
        "rdf.invalid_context" => RdfError::InvalidContext {
            url: wire.url.clone().unwrap_or_default(),
            reason: reason(),
        },
        "rdf.context_file" => RdfError::ContextFile {
            file: wire.url.clone().unwrap_or_default(),
            reason: reason(),
        },
        "rdf.undefined_term" => RdfError::UndefinedTerm {
            term: wire.term.clone().unwrap_or_default(),
            path: path(),
        },
        "rdf.dropped_value" => RdfError::DroppedValue {
            path: path(),
            reason: super::error::drop_reason(wire.reason.as_deref().unwrap_or_default()),
        },
        "rdf.too_deep" => RdfError::TooDeep {
            path: path(),
            limit: wire.limit.unwrap_or_default(),
        },
        "rdf.invalid_jsonld" => RdfError::InvalidJsonLd {
            path: path(),
            reason: reason(),
        },
        "rdf.canon_limit" => RdfError::CanonLimit { reason: reason() },
        "rdf.canon_unsupported" => RdfError::CanonUnsupported { reason: reason() },
        "rdf.needs_full_processor" => RdfError::NeedsFullProcessor,
        _ => malformed(),
    }
}

#[cfg(test)]
mod tests {
    #[cfg(feature = "full-jsonld")]
    mod across {
        use super::super::*;
        use crate::rdf::{Contexts, Expander};
        use serde_json::json;

        /// The processor is global: tests that install one take turns.
        static TURN: std::sync::Mutex<()> = std::sync::Mutex::new(());

        fn turn() -> std::sync::MutexGuard<'static, ()> {
            TURN.lock().unwrap_or_else(PoisonError::into_inner)
        }

        /// Stands in for the other module: the same process, through the JSON text.
        fn local(request: &str) -> Option<String> {
            Some(serve_full_processor(request))
        }

        #[test]
        fn a_dataset_crosses_the_boundary_unchanged() {
            let _turn = turn();
            // Outside the fast path (an inline context), with a language string, a typed literal, a
            // blank node and a named graph.
            let document = json!({
                "@context": {"@vocab": "https://example.org/", "xsd": "http://www.w3.org/2001/XMLSchema#"},
                "@id": "https://example.org/a",
                "name": {"@value": "nom", "@language": "fr"},
                "count": {"@value": "3", "@type": "xsd:integer"},
                "knows": {"name": "anonymous"},
                "g": {"@graph": {"@id": "https://example.org/b", "name": "b"}}
            });
            let expander = Expander::new();
            let direct = expander.expand_value(&document).unwrap();
            set_full_processor(Some(local));
            let via = expand_elsewhere(expander.contexts(), true, 32, document).unwrap();
            set_full_processor(None);
            assert_eq!(
                crate::rdf::canonical_nquads(&direct).unwrap(),
                crate::rdf::canonical_nquads(&crate::rdf::Dataset(via)).unwrap()
            );
        }

        #[test]
        fn canonical_forms_cross_the_boundary_unchanged() {
            let _turn = turn();
            // Blank nodes, so that RDFC-1.0 has work to do.
            let document = json!({
                "@context": {"@vocab": "https://example.org/"},
                "knows": [{"name": "a", "knows": {"name": "b"}}, {"name": "a"}]
            });
            let dataset = Expander::new().expand_value(&document).unwrap();
            let canonicalizer = crate::rdf::Canonicalizer::new();
            set_full_processor(Some(local));
            let via = canonical_elsewhere(&canonicalizer, &dataset).unwrap();
            let issued = issued_elsewhere(&canonicalizer, &dataset).unwrap();
            // A tight budget stops it there as here.
            let tight = canonicalizer.with_hash_budget(1);
            let limited = canonical_elsewhere(&tight, &dataset).unwrap_err();
            set_full_processor(None);
            assert_eq!(via, canonicalizer.canonical_here(&dataset).unwrap());
            assert!(via.contains("_:c14n0"));
            assert_eq!(issued, canonicalizer.issued_here(&dataset).unwrap());
            assert_eq!(issued.len(), 4);
            assert_eq!(limited, tight.canonical_here(&dataset).unwrap_err());
            // One blank node (a proof configuration's shape) needs no processor either.
            let one = Expander::new()
                .expand_value(&json!({"@context": {"@vocab": "https://example.org/"}, "name": "x", "of": {"@id": "https://example.org/o"}}))
                .unwrap();
            assert_eq!(
                canonical_elsewhere(&canonicalizer, &one).unwrap(),
                canonicalizer.canonical_here(&one).unwrap()
            );
            assert_eq!(
                issued_elsewhere(&canonicalizer, &one).unwrap(),
                canonicalizer.issued_here(&one).unwrap()
            );
            // Without blank nodes no processor is needed, and the lines are RDFC-1.0's.
            let plain = crate::rdf::to_dataset(&crate::issue::demo_credential()).unwrap();
            assert_eq!(
                canonical_elsewhere(&canonicalizer, &plain).unwrap(),
                canonicalizer.canonical_here(&plain).unwrap()
            );
        }

        #[test]
        fn rdf_xml_is_read_across_the_boundary() {
            let _turn = turn();
            let credential = crate::issue::demo_credential();
            let xml = crate::xml::to_rdf_xml(&credential).unwrap();
            set_full_processor(Some(local));
            let via = read_rdf_xml_elsewhere(xml.as_bytes()).unwrap();
            let refused = read_rdf_xml_elsewhere(b"<notRdf/>").unwrap_err();
            let not_utf8 = read_rdf_xml_elsewhere(b"<a>\xff</a>").unwrap_err();
            set_full_processor(None);
            assert_eq!(via, crate::xml::from_rdf_xml(xml.as_bytes()).unwrap());
            let direct = crate::xml::from_rdf_xml(b"<notRdf/>").unwrap_err();
            assert_eq!(refused.code(), direct.code());
            assert_eq!(refused.to_string(), direct.to_string());
            assert_eq!(not_utf8.code(), "xml.encoding");
            let error = read_rdf_xml_elsewhere(xml.as_bytes()).unwrap_err();
            assert_eq!(error.code(), "rdf.needs_full_processor");
        }

        #[test]
        fn errors_cross_with_their_code_and_path() {
            let _turn = turn();
            let contexts = Contexts::bundled();
            let cases = [
                json!({"@context": {"a": "https://example.org/a"}, "b": 1}),
                json!({"@context": "https://example.org/unknown", "a": 1}),
                json!({"@context": {"@vocab": "https://example.org/"}, "@id": "not an iri", "a": 1}),
                json!({"@context": {"@vocab": "https://example.org/"}, "a": {"@value": 1, "@language": "en"}}),
            ];
            set_full_processor(Some(local));
            for document in cases {
                let direct = Expander::new().expand_value(&document).unwrap_err();
                assert_ne!(direct.code(), "rdf.needs_full_processor");
                let via = expand_elsewhere(&contexts, true, 32, document).unwrap_err();
                assert_eq!(via, direct);
            }
            set_full_processor(None);
        }

        #[test]
        fn every_error_round_trips() {
            let errors = [
                RdfError::UnknownContext { url: "u".into() },
                RdfError::InvalidContext {
                    url: "u".into(),
                    reason: "r".into(),
                },
                RdfError::ContextFile {
                    file: "f".into(),
                    reason: "r".into(),
                },
                RdfError::UndefinedTerm {
                    term: "t".into(),
                    path: "$.a".into(),
                },
                RdfError::TooDeep {
                    path: "$.a".into(),
                    limit: 3,
                },
                RdfError::InvalidJsonLd {
                    path: "$.a".into(),
                    reason: "r".into(),
                },
                RdfError::CanonLimit { reason: "r".into() },
                RdfError::CanonUnsupported { reason: "r".into() },
                RdfError::NeedsFullProcessor,
            ];
            let drops = crate::rdf::error::DROP_REASONS.map(|reason| RdfError::DroppedValue {
                path: "$.b".into(),
                reason,
            });
            for error in errors.into_iter().chain(drops) {
                assert_eq!(from_wire(to_wire_error(&error)), error);
            }
        }

        #[test]
        fn a_bad_request_gets_an_error_reply() {
            let requests = [
                "not json".to_owned(),
                r#"{"expand": {"document": {}}}"#.to_owned(),
                r#"{"canonical": {"quads": [[{"iri": "no iri"}]], "sha384": false, "depthFactor": 1.0, "permutationLimit": 4, "hashBudget": null, "recursionLimit": 8, "issued": false}}"#.to_owned(),
                r#"{"rdfXml": {"xml": "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>"}}"#.to_owned(),
                format!(r#"{{"rdfXml": {{"xml": "<a>{}</a>"}}}}"#, "a".repeat(1 << 20)),
                // A limit far above what this module's stack takes, and a document deeper than
                // the default: refused, not a stack overflow.
                format!(
                    r#"{{"expand": {{"document": {}1{}, "contexts": {{}}, "safe": true, "maxDepth": 100000}}}}"#,
                    r#"{"@context": {"@vocab": "https://e/"}, "a": ["#.repeat(50),
                    "]}".repeat(50)
                ),
            ];
            let mut codes = Vec::new();
            for request in &requests {
                let reply: Reply = serde_json::from_str(&serve_full_processor(request)).unwrap();
                let Reply::Error(error) = reply else {
                    panic!("an error reply")
                };
                codes.push(error.code);
            }
            assert_eq!(
                codes,
                [
                    "rdf.invalid_jsonld",
                    "rdf.invalid_jsonld",
                    "rdf.invalid_jsonld",
                    "xml.dtd_forbidden",
                    "xml.not_rdf",
                    "rdf.too_deep"
                ]
            );
        }

        #[test]
        fn a_bad_reply_is_an_error_not_a_panic() {
            let _turn = turn();
            let replies: [fn(&str) -> Option<String>; 6] = [
                |_| Some("not json".into()),
                |_| Some(r#"{"quads": [[{"iri": "https://a/"}]]}"#.into()),
                |_| {
                    Some(r#"{"quads": [[{"iri": "no iri"}, {"iri": "https://p/"}, {"iri": "https://o/"}]]}"#.into())
                },
                |_| {
                    Some(r#"{"quads": [[{"blank": "x y"}, {"iri": "https://p/"}, {"iri": "https://o/"}]]}"#.into())
                },
                |_| {
                    Some(r#"{"quads": [[{"iri": "https://a/", "blank": "b"}, {"iri": "https://p/"}, {"iri": "https://o/"}]]}"#.into())
                },
                |_| Some(r#"{"error": {"code": "made.up"}}"#.into()),
            ];
            for reply in replies {
                set_full_processor(Some(reply));
                let error =
                    expand_elsewhere(&Contexts::bundled(), true, 32, json!({"a": 1})).unwrap_err();
                assert_eq!(error.code(), "rdf.invalid_jsonld");
            }
            set_full_processor(Some(|_| None));
            let error = expand_elsewhere(&Contexts::bundled(), true, 32, json!({})).unwrap_err();
            assert_eq!(error, RdfError::NeedsFullProcessor);
            set_full_processor(None);
            let error = expand_elsewhere(&Contexts::bundled(), true, 32, json!({})).unwrap_err();
            assert_eq!(error, RdfError::NeedsFullProcessor);
        }
    }

    #[cfg(not(feature = "full-jsonld"))]
    mod without_the_processor {
        use crate::rdf::Expander;
        use serde_json::json;

        #[test]
        fn documents_outside_the_fast_path_need_it_and_unknown_contexts_do_not() {
            let inline = json!({"@context": {"@vocab": "https://example.org/"}, "a": 1});
            let error = Expander::new().expand_value(&inline).unwrap_err();
            assert_eq!(error.code(), "rdf.needs_full_processor");
            let unknown = json!({"@context": ["https://www.w3.org/2018/credentials/v1", "https://example.org/x"], "a": 1});
            let error = Expander::new().expand_value(&unknown).unwrap_err();
            assert_eq!(error.code(), "rdf.unknown_context");
            // RDFC-1.0 of a dataset with several blank nodes needs it too; with one or none it does not.
            let blank = json!({"@context": "https://www.w3.org/2018/credentials/v1", "type": "VerifiableCredential",
                "credentialSubject": {"type": "VerifiableCredential"}});
            let dataset = Expander::new().expand_value(&blank).unwrap();
            let error = crate::rdf::canonical_nquads(&dataset).unwrap_err();
            assert_eq!(error.code(), "rdf.needs_full_processor");
            // The fast path still covers EDC credentials.
            let mut credential = crate::issue::demo_credential();
            assert!(Expander::new().expand_credential(&credential).is_ok());
            assert!(crate::profile::check_jsonld(&credential).is_empty());
            // A misspelt member takes the document off the fast path: the JSON-LD check cannot say
            // what it drops, and says so (a warning, not an error).
            credential.extra.insert("titel".into(), json!("x"));
            let findings = crate::profile::check_jsonld(&credential);
            assert_eq!(findings.len(), 1);
            assert_eq!(findings[0].code, "edc.jsonld.unchecked");
            assert_eq!(findings[0].severity, crate::profile::Severity::Warning);
        }
    }
}
