//! Contexts: the generated EDC context expands like the published one, the bundled W3C
//! contexts are the published ones, unknown contexts are errors, extra contexts can be
//! registered.

mod shared;

use microcred::rdf::{
    Canonicalizer, Contexts, Dataset, EDC_AP, Expander, canonical_nquads, to_nquads,
};
use microcred::terms::ElmVersion;
use serde_json::{Map, Value, json};

/// The published EDC AP 3.1 context (`../shared/contexts/edc-ap-3.1.jsonld`).
fn published_edc_context() -> Option<Value> {
    let bytes = shared::shared_file("contexts/edc-ap-3.1.jsonld")?;
    Some(serde_json::from_slice(&bytes).expect("the context is JSON"))
}

/// The bundled contexts with the published EDC context in place of the generated one.
fn published_registry(published: Value) -> Contexts {
    let mut contexts = Contexts::bundled();
    contexts
        .register(EDC_AP, published)
        .expect("the published context is a context document");
    contexts
}

/// The credential JSON of an EC sample as a verifier would expand it: the payload of a sealed
/// file, the inner credential of the upload form (with the EDC context, which the form implies).
fn credential_json(name: &str, bytes: &[u8]) -> Value {
    let mut value: Value = serde_json::from_slice(bytes).expect("the sample is JSON");
    if let Some(payload) = value.get("payload").and_then(Value::as_str) {
        value = serde_json::from_str(payload).expect("the payload is JSON");
    }
    if name.contains("uploadable") {
        value = value["credential"].clone();
        if value.get("@context").is_none() {
            value["@context"] = json!(["https://www.w3.org/2018/credentials/v1", EDC_AP]);
        }
    }
    value
}

/// The conformance test for the generated context: every EC sample gives the same canonical
/// N-Quads under the generated context and under the published one.
#[test]
fn generated_edc_context_expands_the_ec_samples_like_the_published_one() {
    let Some(published) = published_edc_context() else {
        return;
    };
    let generated = Expander::new();
    let upstream = Expander::new().with_contexts(published_registry(published));
    let samples = shared::ec_samples();
    for (name, bytes) in &samples {
        let document = credential_json(name, bytes);
        let ours = generated
            .expand_value(&document)
            .unwrap_or_else(|e| panic!("{name}, generated context: {e}"));
        let theirs = upstream
            .expand_value(&document)
            .unwrap_or_else(|e| panic!("{name}, published context: {e}"));
        let ours = canonical_nquads(&ours).expect("canonicalises");
        let theirs = canonical_nquads(&theirs).expect("canonicalises");
        assert_eq!(ours, theirs, "{name}: the contexts expand differently");
        assert!(
            ours.lines().count() > 100,
            "{name}: {} quads",
            ours.lines().count()
        );
        println!("{name}: {} quads, identical", ours.lines().count());
    }
    assert_eq!(samples.len(), 6);
}

/// Stronger than the samples: one document that uses every class and every term of the
/// published context, each with a value of the kind its definition expects, expands the same.
#[test]
fn generated_edc_context_defines_every_published_term_the_same_way() {
    every_published_term_the_same_way(ElmVersion::V3_1, "contexts/edc-ap-3.1.jsonld");
}

/// The same for ELM 3.2, whose context EDC serves under the same URL.
#[test]
fn generated_elm_3_2_context_defines_every_published_term_the_same_way() {
    every_published_term_the_same_way(ElmVersion::V3_2, "contexts/edc-ap-3.2.jsonld");
}

/// The ELM 3.2 sample reads, expands under the generated 3.2 context exactly as under the
/// published one, and its `nationalID` is the 3.2 property.
#[test]
fn the_elm_3_2_sample_expands_like_the_published_3_2_context() {
    let (Some(context), Some(sample)) = (
        shared::shared_file("contexts/edc-ap-3.2.jsonld"),
        shared::shared_file("upstream/elm-repo-3.2-LTS/rdf-samples/credential-sample.jsonld"),
    ) else {
        return;
    };
    let published: Value = serde_json::from_slice(&context).expect("the context is JSON");
    let document: Value = serde_json::from_slice(&sample).expect("the sample is JSON");
    microcred::json::parse(&sample).expect("the 3.2 sample reads");
    let ours = Expander::new()
        .with_contexts(Contexts::bundled_for(ElmVersion::V3_2))
        .expand_value(&document)
        .expect("expands under the generated 3.2 context");
    let theirs = Expander::new()
        .with_contexts(published_registry(published))
        .expand_value(&document)
        .expect("expands under the published 3.2 context");
    let ours = canonical_nquads(&ours).expect("canonicalises");
    assert_eq!(ours, canonical_nquads(&theirs).expect("canonicalises"));
    if document.to_string().contains("\"nationalID\"") {
        assert!(ours.contains("<http://data.europa.eu/snb/model/elm/nationalId>"));
    }
    println!("ELM 3.2 sample: {} quads, identical", ours.lines().count());
}

fn every_published_term_the_same_way(version: ElmVersion, file: &str) {
    let Some(bytes) = shared::shared_file(file) else {
        return;
    };
    let published: Value = serde_json::from_slice(&bytes).expect("the context is JSON");
    let definitions = published["@context"].as_object().expect("an object");
    let mut document = Map::new();
    document.insert("@context".into(), json!(EDC_AP));
    document.insert("@id".into(), json!("urn:example:subject"));
    let mut classes = Vec::new();
    let mut terms = 0;
    for (name, definition) in definitions {
        match definition {
            // Upper case: a class; lower case: a namespace prefix, which is not a property.
            Value::String(_) if name.starts_with(char::is_uppercase) => classes.push(json!(name)),
            Value::String(_) => {}
            Value::Object(definition) => {
                terms += 1;
                let value = if definition.get("@type") == Some(&json!("@id")) {
                    json!("urn:example:object")
                } else if definition.get("@container") == Some(&json!("@language")) {
                    json!({"en": "text"})
                } else {
                    json!("text")
                };
                document.insert(name.clone(), value);
            }
            other => panic!("{name}: unexpected definition {other}"),
        }
    }
    document.insert("@type".into(), Value::Array(classes.clone()));
    let document = Value::Object(document);

    let ours = Expander::new()
        .with_contexts(Contexts::bundled_for(version))
        .expand_value(&document)
        .expect("every published term is defined by the generated context");
    let theirs = Expander::new()
        .with_contexts(published_registry(published.clone()))
        .expand_value(&document)
        .expect("the published context defines its own terms");
    let ours = canonical_nquads(&ours).expect("canonicalises");
    assert_eq!(ours, canonical_nquads(&theirs).expect("canonicalises"));
    // One quad per term and one per class: nothing was dropped.
    assert_eq!(ours.lines().count(), terms + classes.len());
    // The generated context defines nothing the published one lacks.
    let generated = microcred::rdf::edc_ap_context_for(version);
    let generated = generated["@context"].as_object().expect("an object");
    let mut extra: Vec<&String> = generated
        .keys()
        .filter(|k| !definitions.contains_key(*k))
        .collect();
    extra.sort();
    assert!(extra.is_empty(), "generated but not published: {extra:?}");
    println!(
        "ELM {}: {terms} terms and {} classes expand identically",
        version.as_str(),
        classes.len()
    );
}

/// The W3C contexts bundled from `ssi-contexts` are the published documents in
/// `../shared/contexts/` (same JSON, hence the same expansion), with one known difference.
#[test]
fn bundled_w3c_contexts_are_the_published_ones() {
    let Some(index) = shared::shared_file("contexts/index.json") else {
        return;
    };
    let index: Map<String, Value> = serde_json::from_slice(&index).expect("index is JSON");
    let bundled = Contexts::bundled();
    let mut differences = Vec::new();
    let mut compared = 0;
    for (url, file) in &index {
        if url == EDC_AP {
            continue; // generated, compared by expansion above
        }
        let file = file.as_str().expect("a file name");
        let published: Value = serde_json::from_slice(
            &shared::shared_file(&format!("contexts/{file}")).expect("listed file"),
        )
        .expect("a context is JSON");
        let ours = bundled
            .get(url)
            .unwrap_or_else(|| panic!("{url} is not bundled"));
        diff(url, ours, &published, &mut differences);
        compared += 1;
    }
    assert_eq!(compared, 5);
    // ssi-contexts 0.1.10 ships Multikey v1 as first published; the W3C has since added the
    // `expires` property to the Multikey type's scoped context. A Multikey document using
    // `expires` therefore fails in safe mode (rdf.undefined_term) until ssi-contexts catches up.
    let known = [
        "https://w3id.org/security/multikey/v1 @context.Multikey.@context.expires: \
                  missing from the bundled copy",
    ];
    assert_eq!(
        differences, known,
        "differences from the published contexts changed"
    );
}

/// Records where `ours` differs from `published`, by JSON path.
fn diff(at: &str, ours: &Value, published: &Value, out: &mut Vec<String>) {
    match (ours, published) {
        (Value::Object(a), Value::Object(b)) => {
            for (key, value) in b {
                let path = if at.contains(' ') {
                    format!("{at}.{key}")
                } else {
                    format!("{at} {key}")
                };
                match a.get(key) {
                    Some(mine) => diff(&path, mine, value, out),
                    None => out.push(format!("{path}: missing from the bundled copy")),
                }
            }
            for key in a.keys().filter(|k| !b.contains_key(*k)) {
                out.push(format!("{at}.{key}: only in the bundled copy"));
            }
        }
        (a, b) if a != b => out.push(format!("{at}: differs")),
        _ => {}
    }
}

#[test]
fn an_unknown_context_is_an_error_naming_it() {
    let document = json!({
        "@context": ["https://www.w3.org/2018/credentials/v1", "https://example.org/elsewhere/v1"],
        "id": "urn:example:1"
    });
    let err = Expander::new()
        .expand_value(&document)
        .expect_err("the context is not registered");
    assert_eq!(err.code(), "rdf.unknown_context");
    assert!(
        err.to_string().contains("https://example.org/elsewhere/v1"),
        "{err}"
    );

    // The EDC context is unknown to an empty registry: nothing is fetched instead.
    let err = Expander::new()
        .with_contexts(Contexts::new())
        .expand_value(&json!({"@context": EDC_AP, "@id": "urn:example:1"}))
        .expect_err("empty registry");
    assert_eq!(err.code(), "rdf.unknown_context");
    assert!(err.to_string().contains(EDC_AP));
}

#[test]
fn a_registered_context_is_used() {
    let url = "https://example.org/university/v1";
    let document = json!({
        "@context": ["https://www.w3.org/2018/credentials/v1", EDC_AP, url],
        "id": "urn:epass:person:1",
        "type": "Person",
        "studentNumber": "s-1234"
    });
    let mut contexts = Contexts::bundled();
    contexts
        .register(
            url,
            json!({"@context": {"studentNumber": "https://example.org/vocab#studentNumber"}}),
        )
        .expect("a context document");
    let dataset: Dataset = Expander::new()
        .with_contexts(contexts)
        .expand_value(&document)
        .expect("the registered context defines the term");
    let nquads = to_nquads(&dataset);
    assert!(
        nquads.contains(
            "<urn:epass:person:1> <https://example.org/vocab#studentNumber> \"s-1234\" ."
        ),
        "{nquads}"
    );
    // The bundled set itself is not changed by registering in a copy.
    assert!(!Contexts::bundled().contains(url));
}

#[test]
fn a_registered_document_without_a_context_is_an_invalid_context() {
    let url = "https://example.org/not-a-context";
    let mut contexts = Contexts::bundled();
    let err = contexts
        .register(url, json!(["not", "an", "object"]))
        .expect_err("not a context document");
    assert_eq!(err.code(), "rdf.invalid_context");
    // A context document whose definitions JSON-LD rejects names the context.
    contexts
        .register(url, json!({"@context": {"bad": {"@id": 5}}}))
        .expect("the shape is right");
    let err = Expander::new()
        .with_contexts(contexts)
        .expand_value(&json!({"@context": url, "@id": "urn:example:1"}))
        .expect_err("context processing fails");
    assert_eq!(err.code(), "rdf.invalid_context");
    assert!(err.to_string().contains(url), "{err}");
}

#[test]
fn a_context_url_must_be_an_absolute_iri() {
    let mut contexts = Contexts::new();
    let document = json!({"@context": {"name": "https://schema.org/name"}});
    for url in [
        "contexts/a.jsonld",
        "//example.org/a",
        "https://exa mple.org/a",
        "",
        "urn:x:<a>",
    ] {
        let err = contexts
            .register(url, document.clone())
            .expect_err("not an absolute IRI");
        assert_eq!(err.code(), "rdf.invalid_context", "{url}");
        assert!(err.to_string().contains("not an absolute IRI"), "{err}");
    }
    for url in [
        "https://example.org/a",
        "urn:example:context",
        "http://example.org/é/ctx?v=1#frag",
        "did:example:123",
    ] {
        contexts.register(url, document.clone()).expect(url);
        assert!(contexts.contains(url), "{url}");
    }
}

/// SHA-384 inside RDFC-1.0 only matters for blank nodes; the EC samples have none, so both
/// hashes give the same canonical form. (The W3C suite checks SHA-384 on blank nodes.)
#[test]
fn ec_sample_canonical_form_does_not_depend_on_the_internal_hash() {
    let Some(bytes) =
        shared::shared_file("upstream/elm-repo/json-ld-v3/Sample-MC-Annex1-unsigned.jsonld")
    else {
        return;
    };
    let dataset = Expander::new()
        .expand_value(&credential_json("unsigned", &bytes))
        .expect("expands");
    let sha256 = Canonicalizer::new()
        .canonical_nquads(&dataset)
        .expect("canonical");
    let sha384 = Canonicalizer::new()
        .with_hash(microcred::rdf::HashAlgorithm::Sha384)
        .canonical_nquads(&dataset)
        .expect("canonical");
    assert_eq!(sha256, sha384);
    assert!(!sha256.contains("_:"), "the EC sample names every node");
}

/// A fresh scratch folder for this test process.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir =
        std::env::temp_dir().join(format!("microcred-contexts-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

#[test]
fn contexts_register_from_files_and_from_a_folder_with_an_index() {
    const URL: &str = "https://university.example/contexts/course/v1";
    let dir = scratch("ok");
    std::fs::write(
        dir.join("course.jsonld"),
        r#"{"@context": {"courseCode": "https://university.example/vocab#courseCode"}}"#,
    )
    .expect("written");
    std::fs::write(
        dir.join("index.json"),
        format!(r#"{{"{URL}": "course.jsonld"}}"#),
    )
    .expect("written");

    let mut contexts = Contexts::new();
    assert_eq!(contexts.register_dir(&dir).expect("the folder loads"), 1);
    assert!(contexts.contains(URL));
    let mut single = Contexts::new();
    single
        .register_file(URL, dir.join("course.jsonld"))
        .expect("the file loads");
    assert_eq!(single.get(URL), contexts.get(URL));

    // Added on top of the bundled ones, the context expands a document that uses it.
    let mut all = Contexts::bundled();
    all.extend(&contexts);
    assert!(all.contains(EDC_AP) && all.contains(URL));
    let document = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2", URL],
        "type": ["VerifiableCredential"],
        "issuer": "did:example:issuer",
        "credentialSubject": {"id": "did:example:ada", "courseCode": "CS-101"}
    });
    let dataset = Expander::new()
        .with_contexts(all)
        .expand_value(&document)
        .expect("expands");
    assert!(to_nquads(&dataset).contains("https://university.example/vocab#courseCode"));
    let err = Expander::new()
        .expand_value(&document)
        .expect_err("unknown without it");
    assert_eq!(err.code(), "rdf.unknown_context");
}

#[test]
fn a_contexts_folder_that_cannot_be_used_is_refused_whole() {
    let url = "https://university.example/contexts/a/v1";
    /// Name, files written (name, text), expected code.
    type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str);
    let cases: [Case<'_>; 6] = [
        ("no-index", &[], "rdf.context_file"),
        ("bad-index", &[("index.json", "[1, 2]")], "rdf.context_file"),
        (
            "missing-file",
            &[(
                "index.json",
                r#"{"https://university.example/contexts/a/v1": "a.jsonld"}"#,
            )],
            "rdf.context_file",
        ),
        (
            "outside",
            &[(
                "index.json",
                r#"{"https://university.example/contexts/a/v1": "../a.jsonld"}"#,
            )],
            "rdf.context_file",
        ),
        (
            "not-json",
            &[
                (
                    "index.json",
                    r#"{"https://university.example/contexts/a/v1": "a.jsonld"}"#,
                ),
                ("a.jsonld", "{nope"),
            ],
            "rdf.context_file",
        ),
        (
            "not-a-context",
            &[
                (
                    "index.json",
                    r#"{"https://university.example/contexts/a/v1": "a.jsonld"}"#,
                ),
                ("a.jsonld", r#"{"terms": {}}"#),
            ],
            "rdf.invalid_context",
        ),
    ];
    for (name, files, code) in cases {
        let dir = scratch(name);
        for (file, text) in files {
            std::fs::write(dir.join(file), text).expect("written");
        }
        let mut contexts = Contexts::new();
        let err = contexts.register_dir(&dir).expect_err(name);
        assert_eq!(err.code(), code, "{name}: {err}");
        assert!(!contexts.contains(url), "{name}: nothing registered");
    }
}

#[test]
fn the_shared_contexts_folder_loads() {
    let Some(dir) = shared::shared_dir() else {
        eprintln!("skipped: ../shared is absent");
        return;
    };
    let mut contexts = Contexts::new();
    let count = contexts
        .register_dir(dir.join("contexts"))
        .expect("../shared/contexts/index.json loads");
    assert_eq!(count, contexts.urls().count());
    assert!(contexts.contains(EDC_AP));
}
