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

/// What one expansion needs: the document, every registered context and the expander's options.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Request {
    document: Value,
    contexts: BTreeMap<String, Value>,
    safe: bool,
    max_depth: usize,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
enum Reply {
    /// Each quad as subject, predicate, object and, in a named graph, the graph name.
    Quads(Vec<Vec<WireTerm>>),
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
    let processor = *FULL_PROCESSOR
        .read()
        .unwrap_or_else(PoisonError::into_inner);
    let processor = processor.ok_or(RdfError::NeedsFullProcessor)?;
    let request = Request {
        document,
        contexts: contexts
            .urls()
            .filter_map(|url| Some((url.to_owned(), contexts.get(url)?.clone())))
            .collect(),
        safe,
        max_depth,
    };
    let request = serde_json::to_string(&request).map_err(|_| malformed())?;
    let reply = processor(&request).ok_or(RdfError::NeedsFullProcessor)?;
    match serde_json::from_str(&reply).map_err(|_| malformed())? {
        Reply::Quads(quads) => to_graph(quads),
        Reply::Error(error) => Err(from_wire(error)),
    }
}

/// Answers a request made by a build without the `full-jsonld` feature: the reply to hand back
/// to it (JSON text).
#[cfg(feature = "full-jsonld")]
pub fn serve_full_processor(request: &str) -> String {
    let reply = match serde_json::from_str::<Request>(request) {
        Ok(request) => {
            let mut contexts = super::Contexts::new();
            let registered = request
                .contexts
                .into_iter()
                .try_for_each(|(url, document)| contexts.register(&url, document));
            let expanded = registered.and_then(|()| {
                super::Expander::new()
                    .with_contexts(contexts)
                    .safe(request.safe)
                    .with_max_depth(request.max_depth)
                    .expand_value(&request.document)
            });
            match expanded {
                Ok(dataset) => Reply::Quads(to_wire(&dataset.0)),
                Err(error) => Reply::Error(to_wire_error(&error)),
            }
        }
        Err(_) => Reply::Error(to_wire_error(&malformed())),
    };
    // Strings, numbers and lists only: serialising cannot fail.
    serde_json::to_string(&reply).unwrap_or_default()
}

fn malformed() -> RdfError {
    RdfError::InvalidJsonLd {
        path: "$".to_owned(),
        reason: "the full JSON-LD processor's request or reply is malformed".to_owned(),
    }
}

#[cfg(feature = "full-jsonld")]
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

#[cfg(all(test, feature = "full-jsonld"))]
mod tests {
    use super::*;
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
            crate::rdf::canonical_nquads(&super::super::Dataset(via)).unwrap()
        );
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
        let drops = super::super::error::DROP_REASONS.map(|reason| RdfError::DroppedValue {
            path: "$.b".into(),
            reason,
        });
        for error in errors.into_iter().chain(drops) {
            assert_eq!(from_wire(to_wire_error(&error)), error);
        }
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

#[cfg(all(test, not(feature = "full-jsonld")))]
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
