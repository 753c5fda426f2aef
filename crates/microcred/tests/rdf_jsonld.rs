//! JSON-LD → RDF in safe mode: the EC samples and the demo credential expand, and every way a
//! term or value can be lost is an error with a code and a JSON path (never the value).

mod shared;

use microcred::rdf::{
    Canonicalizer, Contexts, Dataset, EDC_AP, Expander, canonical_nquads, to_dataset, to_nquads,
};
use serde_json::{Value, json};
use sophia_api::dataset::Dataset as _;
use sophia_api::parser::QuadParser;
use sophia_api::source::QuadSource;
use sophia_api::term::Term;

const VC_V1: &str = "https://www.w3.org/2018/credentials/v1";

fn quads(dataset: &Dataset) -> usize {
    dataset.len()
}

/// A small EDC-style document: a person with one claim.
fn person() -> Value {
    json!({
        "@context": [VC_V1, EDC_AP],
        "id": "urn:epass:person:1",
        "type": "Person",
        "givenName": {"en": "Ada"},
        "hasClaim": {
            "id": "urn:epass:learningAchievement:1",
            "type": "LearningAchievement",
            "title": {"en": "Secret Course Title"}
        }
    })
}

#[test]
fn every_ec_sample_expands_in_safe_mode() {
    let samples = shared::ec_samples();
    for (name, bytes) in &samples {
        let mut document: Value = serde_json::from_slice(bytes).expect("JSON");
        if let Some(payload) = document.get("payload").and_then(Value::as_str) {
            document = serde_json::from_str(payload).expect("payload is JSON");
        }
        if name.contains("uploadable") {
            document = document["credential"].clone();
        }
        let dataset = Expander::new()
            .expand_value(&document)
            .unwrap_or_else(|e| panic!("{name}: {} {e}", e.code()));
        let nquads = to_nquads(&dataset);
        assert!(
            nquads.contains(
                "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> \
                 <http://data.europa.eu/snb/model/elm/EuropeanDigitalCredential>"
            ),
            "{name}"
        );
        // Expansion keeps what the typed model reads: the same credential through the model
        // gives the same graph.
        let credential = microcred::json::Reader::new()
            .read_any_unverified(bytes)
            .expect("the sample reads")
            .0;
        let through_model = to_dataset(&credential).expect("the model's JSON expands");
        assert_eq!(
            canonical_nquads(&through_model).expect("canonical"),
            canonical_nquads(&dataset).expect("canonical"),
            "{name}: the typed model changes the graph"
        );
    }
}

#[test]
fn the_demo_credential_expands_in_safe_mode() {
    let credential = microcred::issue::demo_credential();
    let dataset = to_dataset(&credential).expect("safe mode accepts the demo credential");
    assert!(quads(&dataset) > 100, "{} quads", quads(&dataset));
    // Expanding the written JSON gives the same graph, and canonicalisation is stable.
    let again = Expander::new()
        .expand_value(&microcred::json::to_value(&credential))
        .expect("expands");
    let first = Canonicalizer::new()
        .canonical_sha256(&dataset)
        .expect("canonical");
    assert_eq!(
        first,
        Canonicalizer::new()
            .canonical_sha256(&again)
            .expect("canonical")
    );
}

#[test]
fn an_undefined_term_is_an_error() {
    let mut document = person();
    document["favouriteColour"] = json!("blue");
    let err = Expander::new()
        .expand_value(&document)
        .expect_err("undefined");
    assert_eq!(err.code(), "rdf.undefined_term");
    assert_eq!(
        err.to_string(),
        "$: the term `favouriteColour` is not defined by the active contexts"
    );
}

#[test]
fn a_misspelt_property_is_an_error_at_its_path() {
    let mut document = person();
    let claim = document["hasClaim"].as_object_mut().expect("object");
    let title = claim.remove("title").expect("title");
    claim.insert("titel".into(), title);
    let err = Expander::new()
        .expand_value(&document)
        .expect_err("misspelt");
    assert_eq!(err.code(), "rdf.undefined_term");
    assert_eq!(
        err.to_string(),
        "$.hasClaim: the term `titel` is not defined by the active contexts"
    );
    assert!(!err.to_string().contains("Secret Course Title"));

    // Without safe mode, JSON-LD drops the title without a word: one quad fewer.
    let unsafe_dataset = Expander::new()
        .safe(false)
        .expand_value(&document)
        .expect("plain JSON-LD accepts it");
    let safe_dataset = Expander::new().expand_value(&person()).expect("valid");
    assert_eq!(quads(&unsafe_dataset) + 1, quads(&safe_dataset));
}

#[test]
fn a_misspelt_property_deep_in_an_ec_sample_is_found() {
    let Some(bytes) =
        shared::shared_file("upstream/elm-repo/json-ld-v3/Sample-MC-Annex1-unsigned.jsonld")
    else {
        return;
    };
    let mut document: Value = serde_json::from_slice(&bytes).expect("JSON");
    let spec = &mut document["credentialSubject"]["hasClaim"]["specifiedBy"];
    let spec = spec.as_object_mut().expect("an object");
    let volume = spec.remove("volumeOfLearning").expect("the sample has it");
    spec.insert("volumeOfLearnign".into(), volume);
    let err = Expander::new()
        .expand_value(&document)
        .expect_err("misspelt");
    assert_eq!(err.code(), "rdf.undefined_term");
    assert_eq!(
        err.to_string(),
        "$.credentialSubject.hasClaim.specifiedBy: the term `volumeOfLearnign` is not defined \
         by the active contexts"
    );
}

/// Each way a value can fall out of the graph, with the path reported.
#[test]
fn a_value_that_would_be_dropped_is_an_error() {
    type Change = Box<dyn Fn(&mut Value)>;
    let cases: [(&str, Change, &str); 5] = [
        (
            "relative identifier",
            Box::new(|d| d["id"] = json!("person-1")),
            "$.id: the identifier is not an absolute IRI or a blank node identifier",
        ),
        (
            "relative IRI in an @id-typed property",
            Box::new(|d| d["hasClaim"] = json!("claims/1")),
            "$.hasClaim: the identifier is not an absolute IRI or a blank node identifier",
        ),
        (
            "undefined class",
            Box::new(|d| d["type"] = json!(["Person", "Persn"])),
            "$.type[1]: the type is not a defined class or an absolute IRI",
        ),
        (
            "malformed language tag",
            Box::new(|d| d["givenName"] = json!({"english language": "Ada"})),
            "$.givenName: the language tag is not well-formed",
        ),
        (
            "blank node as property",
            Box::new(|d| d["_:p"] = json!("x")),
            "$: a blank node identifier is used as a property",
        ),
    ];
    for (what, change, message) in cases {
        let mut document = person();
        change(&mut document);
        let err = Expander::new().expand_value(&document).expect_err(what);
        assert_eq!(err.code(), "rdf.dropped_value", "{what}: {err}");
        assert_eq!(
            err.to_string(),
            format!("{message}, so JSON-LD would drop it"),
            "{what}"
        );
        // Plain JSON-LD loses it silently.
        let plain = Expander::new().safe(false).expand_value(&document);
        assert!(plain.is_ok(), "{what}: {plain:?}");
    }
}

#[test]
fn invalid_json_ld_is_an_error_with_a_path() {
    let mut document = person();
    document["hasClaim"]["title"] = json!({"en": {"nested": "object"}});
    let err = Expander::new()
        .expand_value(&document)
        .expect_err("invalid");
    assert_eq!(err.code(), "rdf.invalid_jsonld");
    assert!(err.to_string().starts_with("$.hasClaim.title"), "{err}");
}

/// `clv` is declared without a trailing `/` or `#`, so under JSON-LD 1.1 it is not a prefix and
/// `clv:latitude` stays an IRI with scheme `clv` (the generated context reproduces this; see
/// `edc_ap_context`).
#[test]
fn latitude_expands_as_the_published_context_has_it() {
    let document = json!({"@context": EDC_AP, "@id": "urn:example:place", "latitude": "50.85"});
    let nquads = to_nquads(&Expander::new().expand_value(&document).expect("expands"));
    assert_eq!(nquads, "<urn:example:place> <clv:latitude> \"50.85\" .\n");
}

/// N-Quads output reads back (with sophia_turtle's parser) as the same graph, escapes included.
#[test]
fn nquads_read_back_as_the_same_graph() {
    let mut document = person();
    document["hasClaim"]["title"] = json!({"en": "Line one\nline \"two\"\t\\ end\u{1}"});
    let dataset = Expander::new().expand_value(&document).expect("expands");
    let nquads = to_nquads(&dataset);
    assert!(
        nquads.contains(r#""Line one\nline \"two\"\t\\ end\u0001"@en"#),
        "{nquads}"
    );
    let parsed = Dataset::from_sophia(
        sophia_turtle::parser::nq::NQuadsParser::new()
            .parse_str(&nquads)
            .collect_quads()
            .expect("our N-Quads parse"),
    );
    assert_eq!(quads(&parsed), quads(&dataset));
    assert_eq!(
        canonical_nquads(&parsed).expect("canonical"),
        canonical_nquads(&dataset).expect("canonical")
    );
}

/// The registry's loader is a json-ld document loader: sophia_jsonld's own parser, given it,
/// produces the same graph as the expander.
#[test]
fn the_registry_loader_works_with_sophia_jsonld() {
    let contexts = Contexts::bundled();
    let options =
        sophia_jsonld::JsonLdOptions::new().with_document_loader(contexts.json_ld_loader());
    let parser = sophia_jsonld::JsonLdParser::new_with_options(options);
    let text = person().to_string();
    let theirs = Dataset::from_sophia(
        parser
            .parse_str(&text)
            .collect_quads()
            .expect("sophia_jsonld parses with our loader"),
    );
    let ours = Expander::new().expand_value(&person()).expect("expands");
    assert_eq!(
        canonical_nquads(&theirs).expect("canonical"),
        canonical_nquads(&ours).expect("canonical")
    );
    // The EC samples too: sophia_jsonld processes the contexts inside each expansion, the
    // expander processes them once and reuses them, and the graphs are the same.
    let expander = Expander::new();
    for (name, bytes) in shared::ec_samples() {
        if name.contains("signed.") && !name.contains("unsigned") {
            continue; // a JAdES envelope, not JSON-LD
        }
        let mut document: Value = serde_json::from_slice(&bytes).expect("JSON");
        if name.contains("uploadable") {
            document = document["credential"].clone();
        }
        let theirs = Dataset::from_sophia(
            parser
                .parse_str(&document.to_string())
                .collect_quads()
                .expect("sophia_jsonld parses the sample"),
        );
        for round in 0..2 {
            let ours = expander.expand_value(&document).expect("expands");
            assert_eq!(
                canonical_nquads(&theirs).expect("canonical"),
                canonical_nquads(&ours).expect("canonical"),
                "{name}, expansion {round}"
            );
        }
    }
    // And it fetches nothing: an unknown context fails there too.
    let unknown = json!({"@context": "https://example.org/x", "@id": "urn:example:1"});
    let result: Result<sophia_inmem::dataset::LightDataset, _> =
        parser.parse_str(&unknown.to_string()).collect_quads();
    assert!(result.is_err());
}

/// One expander serves many documents: a context list processed for one is reused for the
/// next, and errors are still reported after a cached success.
#[test]
fn an_expander_is_reused_across_documents() {
    let expander = Expander::new();
    let first = expander.expand_value(&person()).expect("expands");
    let mut other = person();
    other["id"] = json!("urn:epass:person:2");
    let second = expander.expand_value(&other).expect("expands");
    assert_eq!(quads(&first), quads(&second));
    assert!(to_nquads(&second).contains("<urn:epass:person:2>"));
    let mut wrong = person();
    wrong["titel"] = json!({"en": "x"});
    assert_eq!(
        expander.expand_value(&wrong).expect_err("undefined").code(),
        "rdf.undefined_term"
    );
    let mut unknown = person();
    unknown["@context"] = json!([VC_V1, "https://example.org/unknown"]);
    assert_eq!(
        expander.expand_value(&unknown).expect_err("unknown").code(),
        "rdf.unknown_context"
    );
    // A clone with other contexts does not see the first one's processed contexts.
    let empty = expander.clone().with_contexts(Contexts::new());
    assert_eq!(
        empty
            .expand_value(&person())
            .expect_err("no contexts")
            .code(),
        "rdf.unknown_context"
    );
    assert!(expander.expand_value(&person()).is_ok());
}

/// An inline context is processed with the document, and errors in it are located.
#[test]
fn inline_contexts_work_and_their_errors_are_located() {
    let document = json!({
        "@context": [VC_V1, EDC_AP, {"nickname": "https://example.org/nickname"}],
        "id": "urn:epass:person:1",
        "type": "Person",
        "nickname": "A"
    });
    let nquads = to_nquads(&Expander::new().expand_value(&document).expect("expands"));
    assert!(
        nquads.contains("<https://example.org/nickname> \"A\""),
        "{nquads}"
    );
    let bad = json!({"@context": {"nickname": {"@id": 5}}, "@id": "urn:example:1"});
    let err = Expander::new()
        .expand_value(&bad)
        .expect_err("invalid definition");
    assert_eq!(err.code(), "rdf.invalid_jsonld");
    assert!(err.to_string().starts_with("$.@context"), "{err}");
}

/// Expansion recurses once per nesting level, so depth is limited before it starts.
#[test]
fn nesting_past_the_limit_is_an_error_not_a_stack_overflow() {
    let nested = |levels: usize| {
        let mut document = person();
        let mut inner = json!({"id": "urn:epass:learningAchievement:leaf"});
        for _ in 1..levels {
            inner = json!({"hasPart": inner});
        }
        document["hasClaim"] = inner;
        document
    };
    // The person is level 1 and the claims start at level 2.
    let expander = Expander::new().with_max_depth(6);
    assert!(expander.expand_value(&nested(5)).is_ok());
    let err = expander.expand_value(&nested(6)).expect_err("too deep");
    assert_eq!(err.code(), "rdf.too_deep");
    assert_eq!(
        err.to_string(),
        "$.hasClaim.hasPart.hasPart.hasPart.hasPart.hasPart: nesting deeper than the limit of 6"
    );
    // Past the default: refused up front, before the stack is at risk.
    let err = Expander::new()
        .expand_value(&nested(100))
        .expect_err("too deep");
    assert_eq!(err.code(), "rdf.too_deep");
}

/// Blank nodes (objects without `id`) get fresh labels that canonicalisation replaces.
#[test]
fn objects_without_id_become_blank_nodes() {
    let mut document = person();
    document["hasClaim"]["awardedBy"] = json!({"type": "AwardingProcess"});
    let dataset = Expander::new().expand_value(&document).expect("expands");
    let blank = dataset
        .as_sophia()
        .quads()
        .flatten()
        .filter(|q| sophia_api::quad::Quad::s(q).is_blank_node())
        .count();
    assert_eq!(blank, 1);
    assert!(
        canonical_nquads(&dataset)
            .expect("canonical")
            .contains("_:c14n0")
    );
}

mod arbitrary_input {
    //! Whatever JSON lands in a credential, expansion and canonicalisation answer with a result
    //! or an error code, never a panic.

    use super::*;
    use proptest::prelude::*;

    /// Keys that exercise JSON-LD: keywords, EDC terms of each kind, undefined and odd keys.
    #[rustfmt::skip]
    const KEYS: &[&str] = &[
        "@id", "@type", "@value", "@language", "@list", "@set", "@reverse", "@graph", "@index",
        "@included", "@nest", "@context", "@direction", "@json", "@vocab", "@base", "id", "type",
        "title", "hasClaim", "awardingDate", "volumeOfLearning", "value", "notation", "proof",
        "credentialSubject", "_:b0", "http://example.org/p", "x:y", "", "@", "@foo",
    ];

    /// String values: identifiers good and bad, keywords, language tags, dates, class names.
    #[rustfmt::skip]
    const WORDS: &[&str] = &[
        "urn:x:1", "_:b1", "relative", "@id", "@json", "en", "en-GB", "not a tag", "",
        "http://example.org/", "2023-01-01T00:00:00Z", "P1D", "Person", "Concept",
    ];

    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(Value::from),
            prop::sample::select(WORDS).prop_map(Value::from),
        ];
        leaf.prop_recursive(4, 32, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::vec((prop::sample::select(KEYS), inner), 0..4).prop_map(
                    |members| {
                        Value::Object(
                            members
                                .into_iter()
                                .map(|(k, v)| (k.to_owned(), v))
                                .collect(),
                        )
                    }
                ),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn expansion_never_panics(key in prop::sample::select(KEYS), value in json_value(), safe in any::<bool>()) {
            let mut document = person();
            document["hasClaim"][key] = value.clone();
            if key != "hasClaim" {
                document[key] = value;
            }
            match Expander::new().safe(safe).expand_value(&document) {
                Ok(dataset) => {
                    if let Err(e) = canonical_nquads(&dataset) {
                        prop_assert!(e.code().starts_with("rdf.canon"), "{e}");
                    }
                }
                Err(e) => prop_assert!(e.code().starts_with("rdf."), "{e}"),
            }
        }
    }
}
