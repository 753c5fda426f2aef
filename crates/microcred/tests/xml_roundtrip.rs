//! Round trips through the graph and through RDF/XML keep the graph: for every EC sample and for
//! the demo credential, the final dataset is isomorphic to the first (equal canonical N-Quads).

mod shared;

use microcred::EuropeanDigitalCredential;
use microcred::rdf::{Dataset, canonical_nquads, from_dataset, to_dataset};
use microcred::xml::{dataset_to_rdf_xml, from_rdf_xml, rdf_xml_to_dataset, to_rdf_xml};

fn canonical(dataset: &Dataset) -> String {
    canonical_nquads(dataset).expect("the samples canonicalise")
}

fn samples() -> Vec<(String, EuropeanDigitalCredential)> {
    let mut out: Vec<(String, EuropeanDigitalCredential)> = shared::ec_samples()
        .into_iter()
        .map(|(name, bytes)| {
            let credential = microcred::parse_unverified(&bytes)
                .unwrap_or_else(|e| panic!("{name} parses: {e}"));
            (name.to_owned(), credential)
        })
        .collect();
    out.push((
        "demo credential".to_owned(),
        microcred::issue::demo_credential(),
    ));
    out
}

#[test]
fn dataset_to_model_to_dataset_is_isomorphic() {
    for (name, credential) in samples() {
        let dataset = to_dataset(&credential).unwrap_or_else(|e| panic!("{name}: {e}"));
        let back = from_dataset(&dataset).unwrap_or_else(|e| panic!("{name}: {e}"));
        let again = to_dataset(&back).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            canonical(&again),
            canonical(&dataset),
            "{name}: graph → model → graph changed the graph"
        );
        // The model read from the graph is a fixed point.
        assert_eq!(
            from_dataset(&again).unwrap_or_else(|e| panic!("{name}: {e}")),
            back,
            "{name}: graph → model is not stable"
        );
        assert_eq!(back.id, credential.id, "{name}");
    }
}

#[test]
fn json_ld_to_rdf_xml_and_back_is_isomorphic() {
    for (name, credential) in samples() {
        // JSON-LD → typed → dataset → RDF/XML → dataset → typed → JSON-LD → dataset.
        let original = to_dataset(&credential).unwrap_or_else(|e| panic!("{name}: {e}"));
        let xml = dataset_to_rdf_xml(&original).unwrap_or_else(|e| panic!("{name}: {e}"));
        let read = rdf_xml_to_dataset(xml.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            canonical(&read),
            canonical(&original),
            "{name}: dataset → RDF/XML → dataset changed the graph"
        );
        let typed = from_rdf_xml(xml.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let json = microcred::json::to_string(&typed);
        let reparsed = microcred::parse(json.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let last = to_dataset(&reparsed).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            canonical(&last),
            canonical(&original),
            "{name}: the JSON-LD read back from RDF/XML is another graph"
        );
        // The credential-level functions agree with the dataset-level ones.
        assert_eq!(
            to_rdf_xml(&credential).as_deref(),
            Ok(xml.as_str()),
            "{name}"
        );
    }
}

#[test]
fn rdf_xml_is_a_fixed_point() {
    for (name, credential) in samples() {
        let xml = to_rdf_xml(&credential).unwrap_or_else(|e| panic!("{name}: {e}"));
        let back = from_rdf_xml(xml.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let xml_again = to_rdf_xml(&back).unwrap_or_else(|e| panic!("{name}: {e}"));
        let back_again =
            from_rdf_xml(xml_again.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            back_again, back,
            "{name}: RDF/XML → model → RDF/XML → model"
        );
    }
}

#[test]
fn the_mc_sample_reads_as_nested_elm_rdf_xml() {
    let Some(bytes) =
        shared::shared_file("upstream/elm-repo/json-ld-v3/Sample-MC-Annex1-unsigned.jsonld")
    else {
        return;
    };
    let credential = microcred::parse(&bytes).expect("parses");
    let xml = to_rdf_xml(&credential).expect("writes");
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rdf:RDF"));
    for prefix in [
        "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"",
        "xmlns:elm=\"http://data.europa.eu/snb/model/elm/\"",
        "xmlns:cred=\"https://www.w3.org/2018/credentials#\"",
        "xmlns:dc=\"http://purl.org/dc/terms/\"",
        "xmlns:skos=\"http://www.w3.org/2004/02/skos/core#\"",
    ] {
        assert!(xml.contains(prefix), "{prefix} is declared");
    }
    let id = credential.id.as_deref().expect("the sample has an id");
    assert!(
        xml.contains(&format!(
            "<elm:EuropeanDigitalCredential rdf:about=\"{id}\">"
        )),
        "the credential is a typed node element"
    );
    assert!(xml.contains(
        "<rdf:type rdf:resource=\"https://www.w3.org/2018/credentials#VerifiableCredential\"/>"
    ));
    // The subject is referenced once: nested in its property element, with its claim nested in
    // turn.
    let subject = xml
        .find("<cred:credentialSubject>")
        .expect("credentialSubject holds a nested node");
    let person = xml[subject..]
        .find("<elm:Person rdf:about=")
        .expect("the learner is a typed node element");
    assert!(
        xml[subject..subject + person]
            .trim_start_matches("<cred:credentialSubject>")
            .trim()
            .is_empty(),
        "the Person element directly inside credentialSubject"
    );
    assert!(xml.contains("<elm:hasClaim>"), "the claim is nested");
    assert!(
        xml.contains("xml:lang=\"en\""),
        "language literals carry xml:lang"
    );
    assert!(
        xml.contains("rdf:datatype=\"http://www.w3.org/2001/XMLSchema#dateTime\""),
        "typed literals carry rdf:datatype"
    );
    // Nodes referenced from several places are top-level and referenced by IRI.
    assert!(xml.contains(" rdf:resource=\"http://data.europa.eu/snb/"));
    let quads = to_dataset(&credential).expect("expands").len();
    eprintln!(
        "EC MC sample: {} bytes of RDF/XML for {quads} triples",
        xml.len()
    );
}
