//! The fast JSON-LD path against the generic one: for every input, the same canonical N-Quads or
//! the same error code.
//!
//! Two checks per input: `expand_value` with the fast path on and off gives the same outcome, and
//! when the fast path alone answers (`expand_fast_only`), the generic path succeeds with the same
//! canonical form. Inputs: the EC samples, the ELM 3.2 sample, every vector, the demo credential,
//! the W3C vc-di-eddsa documents, Data Integrity signed EDC credentials and their proof
//! configurations, and mutated documents (proptest).

mod shared;

use std::cell::RefCell;
use std::path::PathBuf;

use microcred::proof::{DataIntegrity, Ed25519KeyPair};
use microcred::rdf::{
    CREDENTIALS_V2, Contexts, DATA_INTEGRITY_V2, EDC_AP, Expander, canonical_nquads,
};
use proptest::prelude::*;
use serde_json::{Value, json};
use time::macros::datetime;

const VC_V1: &str = "https://www.w3.org/2018/credentials/v1";
const EXAMPLES_V2: &str = "https://www.w3.org/ns/credentials/examples/v2";

/// What one input gave.
#[derive(Debug, PartialEq)]
enum Outcome {
    Canonical(String),
    Error(&'static str),
}

/// A fast and a generic expander over the same contexts (kept: they cache compiled contexts).
struct Pair {
    fast: Expander,
    slow: Expander,
}

impl Pair {
    fn new(contexts: &Contexts) -> Self {
        Pair {
            fast: Expander::new().with_contexts(contexts.clone()),
            slow: Expander::new().with_contexts(contexts.clone()).fast(false),
        }
    }

    /// Checks `document`; returns whether the fast path answered it alone.
    fn check(&self, name: &str, document: &Value) -> bool {
        let outcome = |e: &Expander| match e.expand_value(document) {
            Ok(dataset) => match canonical_nquads(&dataset) {
                Ok(nquads) => Outcome::Canonical(nquads),
                Err(error) => Outcome::Error(error.code()),
            },
            Err(error) => Outcome::Error(error.code()),
        };
        let slow = outcome(&self.slow);
        assert_eq!(outcome(&self.fast), slow, "{name}: fast on vs off");
        match self.fast.expand_fast_only(document) {
            Some(dataset) => {
                let fast = canonical_nquads(&dataset)
                    .map_or_else(|e| Outcome::Error(e.code()), Outcome::Canonical);
                assert_eq!(fast, slow, "{name}: fast path alone vs generic path");
                true
            }
            None => false,
        }
    }
}

/// Counts of inputs, and of those the fast path answered alone.
#[derive(Default)]
struct Tally {
    inputs: usize,
    fast: usize,
}

impl Tally {
    fn add(&mut self, pair: &Pair, name: &str, document: &Value) -> bool {
        self.inputs += 1;
        let fast = pair.check(name, document);
        self.fast += usize::from(fast);
        fast
    }
}

/// The credential inside a stored sample: the JAdES payload or the upload form's `credential`.
fn inner(name: &str, bytes: &[u8]) -> Value {
    let mut document: Value = serde_json::from_slice(bytes).expect("JSON");
    if let Some(payload) = document.get("payload").and_then(Value::as_str) {
        document = serde_json::from_str(payload).expect("payload is JSON");
    }
    if name.contains("uploadable") {
        document = document["credential"].clone();
    }
    document
}

fn key() -> Ed25519KeyPair {
    Ed25519KeyPair::from_seed([7; 32])
}

/// `document` signed with Data Integrity, and its proof configuration.
fn signed(document: &Value, contexts: &Contexts) -> (Value, Value) {
    let signed = DataIntegrity::new(key())
        .created(datetime!(2026-01-15 10:00:00 UTC))
        .contexts(contexts)
        .sign(document)
        .expect("signs");
    let mut configuration = signed["proof"].clone();
    let members = configuration.as_object_mut().expect("proof object");
    members.remove("proofValue");
    members.insert("@context".to_owned(), signed["@context"].clone());
    (signed, configuration)
}

fn w3c_contexts() -> Contexts {
    let mut contexts = Contexts::bundled();
    contexts
        .register(
            EXAMPLES_V2,
            serde_json::from_str(ssi_contexts::CREDENTIALS_EXAMPLES_V2).expect("JSON"),
        )
        .expect("a context");
    contexts
}

#[test]
fn ec_samples_and_their_signed_forms_agree() {
    let pair = Pair::new(&Contexts::bundled());
    let mut tally = Tally::default();
    for (name, bytes) in shared::ec_samples() {
        let document = inner(name, &bytes);
        assert!(
            tally.add(&pair, name, &document),
            "{name}: fast path declined"
        );
        // Signed with Data Integrity: the document (proof as a named graph), the proof
        // configuration, and the unsigned document with the suite context appended.
        let (signed, configuration) = signed(&document, &Contexts::bundled());
        assert!(tally.add(&pair, name, &signed), "{name} signed: declined");
        assert!(
            tally.add(&pair, name, &configuration),
            "{name} proof configuration: declined"
        );
    }
    if let Some(bytes) =
        shared::shared_file("upstream/elm-repo-3.2-LTS/rdf-samples/credential-sample.jsonld")
    {
        let document: Value = serde_json::from_slice(&bytes).expect("JSON");
        tally.add(&pair, "ELM 3.2 sample", &document);
    }
    let demo = microcred::json::to_value(&microcred::issue::demo_credential());
    assert!(tally.add(&pair, "demo", &demo), "demo: declined");
    let (signed_demo, configuration) = signed(&demo, &Contexts::bundled());
    assert!(tally.add(&pair, "demo signed", &signed_demo));
    assert!(tally.add(&pair, "demo proof configuration", &configuration));
    eprintln!(
        "EC samples, 3.2 sample, demo: {} inputs, {} by the fast path alone",
        tally.inputs, tally.fast
    );
}

#[test]
fn every_vector_agrees() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../vectors");
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).expect("manifest"))
            .expect("JSON");
    let pair = Pair::new(&Contexts::bundled());
    let mut tally = Tally::default();
    for case in manifest["cases"].as_array().expect("cases") {
        let name = case["name"].as_str().expect("name");
        let bytes = std::fs::read(dir.join(case["input"].as_str().expect("input"))).expect("input");
        let Ok(document) = serde_json::from_slice::<Value>(&bytes) else {
            continue;
        };
        let document = inner(name, &serde_json::to_vec(&document).expect("JSON"));
        tally.add(&pair, name, &document);
    }
    assert!(tally.inputs > 60, "{} vectors", tally.inputs);
    eprintln!(
        "vectors: {} inputs, {} by the fast path alone",
        tally.inputs, tally.fast
    );
}

#[test]
fn w3c_vc_di_eddsa_documents_agree() {
    let contexts = w3c_contexts();
    let pair = Pair::new(&contexts);
    let mut tally = Tally::default();
    let suite = "conformance/vc-di-eddsa";
    for file in [
        "unsigned.json",
        "eddsa-rdfc-2022/signedDataInt.json",
        "eddsa-rdfc-2022/proofConfigDataInt.json",
        "employmentAuth.json",
        "eddsa-rdfc-2022/employ/signedDataInt.json",
        "eddsa-rdfc-2022/employ/proofConfigDataInt.json",
    ] {
        let Some(bytes) = shared::shared_file(&format!("{suite}/{file}")) else {
            return;
        };
        let document: Value = serde_json::from_slice(&bytes).expect("JSON");
        tally.add(&pair, file, &document);
        if let Some(members) = document.as_object() {
            // Without its proof, as a verifier hashes it.
            let mut unsecured = members.clone();
            if unsecured.remove("proof").is_some() {
                tally.add(&pair, file, &Value::Object(unsecured));
            }
        }
    }
    // The W3C credential is VC 2.0 only: the fast path must cover it.
    assert!(tally.fast >= 3, "{} of {}", tally.fast, tally.inputs);
    eprintln!(
        "W3C: {} inputs, {} by the fast path alone",
        tally.inputs, tally.fast
    );
}

#[test]
fn hand_written_edge_cases_agree() {
    let pair = Pair::new(&Contexts::bundled());
    let edc = json!([VC_V1, EDC_AP]);
    let cases = [
        json!({"@context": edc, "id": "urn:x:1", "type": "Person", "givenName": {"en": "A", "EN": "B", "en-GB": ["C", "D"]}}),
        json!({"@context": edc, "type": ["Person", "Agent"], "givenName": {"x-klingon": "A"}}),
        json!({"@context": edc, "type": "Person", "givenName": "plain"}),
        json!({"@context": edc, "type": "Person", "givenName": {"en": null}}),
        json!({"@context": edc, "type": "Person", "titel": {"en": "misspelt"}}),
        json!({"@context": edc, "id": "relative", "type": "Person"}),
        json!({"@context": edc, "id": "_:b0", "type": "Person", "hasClaim": {"id": "_:b0"}}),
        json!({"@context": edc, "type": "Person", "hasClaim": "urn:claim:1"}),
        json!({"@context": edc, "type": "Person", "hasClaim": "claim"}),
        json!({"@context": edc, "type": "Person", "hasClaim": {}}),
        json!({"@context": edc, "type": "Person", "hasClaim": [{"id": "urn:a"}, null, {"id": "urn:b"}]}),
        json!({"@context": edc, "type": "Person", "hasClaim": [[{"id": "urn:a"}]]}),
        json!({"@context": edc, "type": "Unknown"}),
        json!({"@context": edc, "type": "http://example.org/C"}),
        json!({"@context": edc, "type": "elm:Person"}),
        json!({"@context": edc, "type": []}),
        json!({"@context": edc, "type": "Person", "elm:givenName": "x"}),
        json!({"@context": edc, "type": "Person", "http://example.org/p": [1, -1, 0, true, false, "s"]}),
        json!({"@context": edc, "type": "Person", "http://example.org/p": [1.0, 1.5, -0.0, 1e21, 12345678901234567890u64]}),
        json!({"@context": edc, "type": "Person", "_:p": "x"}),
        json!({"@context": edc, "type": "Person", "@value": "x"}),
        json!({"@context": edc, "type": "Person", "@context": {"x": "http://example.org/x"}}),
        json!({"@context": edc, "type": "Person", "dateOfBirth": "2000-01-01"}),
        json!({"@context": edc, "type": "Person", "dateOfBirth": 2000}),
        json!({"@context": edc, "type": "Person", "dateOfBirth": true}),
        json!({"@context": edc, "type": "Person", "dateOfBirth": [false, 1.5, -3]}),
        json!({"@context": edc, "type": "Person", "dateOfBirth": {"@value": "2000", "@type": "xsd:gYear"}}),
        json!({"@context": edc, "id": "urn:x", "@id": "urn:y"}),
        json!({"@context": edc}),
        json!({"@context": edc, "id": "urn:only"}),
        json!({"@context": [VC_V1, EDC_AP, "https://example.org/unknown"], "type": "Person"}),
        json!({"@context": [VC_V1, {"x": "http://example.org/x"}], "x": 1}),
        json!({"@context": VC_V1, "type": "VerifiableCredential", "issuer": "did:example:1", "issuanceDate": "2020-01-01T00:00:00Z", "credentialSubject": {"id": "did:example:2"}}),
        json!({"@context": [VC_V1, DATA_INTEGRITY_V2], "type": "VerifiableCredential", "proof": {"type": "DataIntegrityProof", "proofPurpose": "assertionMethod", "created": "2020-01-01T00:00:00Z"}}),
        json!({"@context": [VC_V1, DATA_INTEGRITY_V2], "type": "DataIntegrityProof", "proofPurpose": "authentication", "verificationMethod": "did:key:z6Mk#z6Mk", "cryptosuite": "eddsa-rdfc-2022"}),
        json!({"@context": [VC_V1, DATA_INTEGRITY_V2], "type": "DataIntegrityProof", "proofPurpose": "unknownPurpose"}),
        json!({"@context": [VC_V1, DATA_INTEGRITY_V2], "type": "DataIntegrityProof", "proofPurpose": "http://example.org/purpose"}),
        json!({"@context": [VC_V1, DATA_INTEGRITY_V2], "proof": [{"type": "DataIntegrityProof"}, {"type": "DataIntegrityProof", "nonce": "n"}]}),
        json!({"@context": [VC_V1, DATA_INTEGRITY_V2], "proof": "did:example:proof"}),
        json!({"@context": [CREDENTIALS_V2], "type": "VerifiableCredential", "anything": "goes", "name": "n", "credentialSubject": {"id": "did:example:2", "other": 1}}),
        json!({"@context": [CREDENTIALS_V2], "type": ["VerifiableCredential", "Custom"], "validFrom": "2020-01-01T00:00:00Z"}),
        json!({"@context": CREDENTIALS_V2, "type": "VerifiableCredential", "credentialSchema": {"id": "urn:s", "type": "JsonSchema"}}),
    ];
    let mut tally = Tally::default();
    for (i, case) in cases.iter().enumerate() {
        tally.add(&pair, &format!("case {i}: {case}"), case);
    }
    eprintln!(
        "edge cases: {} inputs, {} by the fast path alone",
        tally.inputs, tally.fast
    );
}

// ---------------------------------------------------------------------------------------------
// Mutations

/// A step into a JSON value.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

/// Every path to a value below the top level, `@context` excluded.
fn paths(value: &Value, prefix: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    match value {
        Value::Object(members) => {
            for (key, member) in members {
                if prefix.is_empty() && key == "@context" {
                    continue;
                }
                prefix.push(Step::Key(key.clone()));
                out.push(prefix.clone());
                paths(member, prefix, out);
                prefix.pop();
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                prefix.push(Step::Index(i));
                out.push(prefix.clone());
                paths(item, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

fn parent_mut<'a>(value: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    let mut at = value;
    for step in path {
        at = match step {
            Step::Key(key) => at.get_mut(key.as_str())?,
            Step::Index(i) => at.get_mut(*i)?,
        };
    }
    Some(at)
}

const KEYS: &[&str] = &[
    "titel",
    "elm:title",
    "http://example.org/p",
    "_:p",
    "@value",
    "@list",
    "@reverse",
    "@nest",
    "@index",
    "@included",
    "@graph",
    "@context",
    "id",
    "type",
    "@id",
    "@type",
    "",
    "givenName",
    "hasClaim",
    "proof",
    "issuanceDate",
    "name",
];

fn replacement(n: usize) -> Value {
    let values = [
        json!(1),
        json!(1.0),
        json!(1e21),
        json!(-0.0),
        json!(2.5),
        json!(-7),
        json!(true),
        json!(false),
        json!(null),
        json!("text"),
        json!("urn:x:1"),
        json!("_:b1"),
        json!("relative"),
        json!("http://example.org/x y"),
        json!("Person"),
        json!("VerifiableCredential"),
        json!("elm:Person"),
        json!([]),
        json!([1, "a", true]),
        json!([["nested"]]),
        json!({}),
        json!({"en": "x"}),
        json!({"EN": "x", "fr-BE": ["a", "b"]}),
        json!({"x-bad": "a"}),
        json!({"en": 1}),
        json!({"id": "urn:x:2"}),
        json!({"id": "_:b1", "type": ["Person", "Agent"]}),
        json!({"type": "VerifiableCredential", "issuer": "did:example:1"}),
        json!({"type": "DataIntegrityProof", "proofPurpose": "assertionMethod"}),
        json!({"@value": "x", "@type": "xsd:string"}),
        json!({"@value": "x", "@language": "en"}),
        json!({"@list": ["a"]}),
        json!({"@context": {"x": "http://example.org/x"}, "x": 1}),
        json!({"@id": "urn:y", "titel": "z"}),
    ];
    values[n % values.len()].clone()
}

/// Applies mutation `kind` with `payload` at the path chosen by `selector`.
fn mutate(document: &mut Value, selector: usize, kind: usize, payload: usize) {
    let mut all = Vec::new();
    paths(document, &mut Vec::new(), &mut all);
    if all.is_empty() {
        return;
    }
    let path = all[selector % all.len()].clone();
    let (last, parent_path) = path.split_last().expect("non-empty path");
    match kind % 4 {
        // Rename the key (objects only).
        0 => {
            if let (Step::Key(key), Some(Value::Object(parent))) =
                (last, parent_mut(document, parent_path))
            {
                if let Some(value) = parent.remove(key) {
                    parent.insert(KEYS[payload % KEYS.len()].to_owned(), value);
                }
            }
        }
        // Replace the value.
        1 | 2 => {
            if let Some(target) = parent_mut(document, &path) {
                *target = replacement(payload);
            }
        }
        // Wrap the value in an array.
        _ => {
            if let Some(target) = parent_mut(document, &path) {
                *target = Value::Array(vec![target.take()]);
            }
        }
    }
}

/// The documents mutations start from: small enough to expand many times in a debug build.
fn bases() -> Vec<Value> {
    let edc = json!([VC_V1, EDC_AP]);
    let (_, configuration) = signed(
        &json!({"@context": edc, "id": "urn:c", "type": "VerifiableCredential", "issuer": "did:example:1"}),
        &Contexts::bundled(),
    );
    vec![
        json!({
            "@context": edc,
            "id": "urn:epass:person:1",
            "type": "Person",
            "givenName": {"en": "Ada"},
            "dateOfBirth": "2000-01-01",
            "hasClaim": {
                "id": "urn:epass:learningAchievement:1",
                "type": "LearningAchievement",
                "title": {"en": "Course", "fr": ["Cours", "Formation"]}
            }
        }),
        configuration,
        json!({
            "@context": [VC_V1, EDC_AP, DATA_INTEGRITY_V2],
            "id": "urn:credential:1",
            "type": ["VerifiableCredential", "EuropeanDigitalCredential"],
            "issuer": {"id": "urn:org:1", "type": "Organisation", "legalName": {"en": "Uni"}},
            "issuanceDate": "2026-01-15T10:00:00Z",
            "credentialSubject": {"id": "urn:person:1", "type": "Person", "givenName": {"en": "A"}},
            "proof": {
                "type": "DataIntegrityProof",
                "cryptosuite": "eddsa-rdfc-2022",
                "proofPurpose": "assertionMethod",
                "verificationMethod": "did:key:z6Mk#z6Mk",
                "created": "2026-01-15T10:00:00Z",
                "proofValue": "z123"
            }
        }),
        json!({
            "@context": [CREDENTIALS_V2],
            "id": "urn:uuid:1",
            "type": ["VerifiableCredential", "AlumniCredential"],
            "name": "Alumni",
            "issuer": "https://vc.example/issuers/5678",
            "validFrom": "2023-01-01T00:00:00Z",
            "credentialSubject": {"id": "did:example:abcdefgh", "alumniOf": "The School of Examples"}
        }),
    ]
}

thread_local! {
    static PAIR: RefCell<Option<Pair>> = const { RefCell::new(None) };
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn mutated_documents_agree(
        base in 0usize..4,
        mutations in prop::collection::vec((any::<usize>(), any::<usize>(), any::<usize>()), 1..4),
    ) {
        let mut document = bases()[base].clone();
        for (selector, kind, payload) in mutations {
            mutate(&mut document, selector, kind, payload);
        }
        PAIR.with(|pair| {
            let mut pair = pair.borrow_mut();
            let pair = pair.get_or_insert_with(|| Pair::new(&w3c_contexts()));
            pair.check(&document.to_string(), &document);
        });
    }
}

#[test]
fn mutated_ec_sample_agrees() {
    let Some(bytes) =
        shared::shared_file("upstream/elm-repo/json-ld-v3/Sample-MC-Annex1-unsigned.jsonld")
    else {
        return;
    };
    let sample: Value = serde_json::from_slice(&bytes).expect("JSON");
    let pair = Pair::new(&Contexts::bundled());
    let mut tally = Tally::default();
    // A fixed walk over mutation choices: the sample is large, so fewer runs than the proptest.
    for i in 0..48usize {
        let mut document = sample.clone();
        mutate(&mut document, i.wrapping_mul(7919), i, i.wrapping_mul(31));
        tally.add(&pair, &format!("EC sample mutation {i}"), &document);
    }
    eprintln!(
        "EC sample mutations: {} inputs, {} by the fast path alone",
        tally.inputs, tally.fast
    );
}
