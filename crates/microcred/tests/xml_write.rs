//! The RDF/XML writer on awkward graphs: whatever it writes, sophia_xml reads back as the same
//! graph; whatever it cannot write is an error with a code, never a dropped triple.

use microcred::rdf::{Dataset, canonical_nquads};
use microcred::xml::{dataset_to_rdf_xml, rdf_xml_to_dataset};
use sophia_api::source::QuadSource;

fn dataset(nquads: &str) -> Dataset {
    Dataset::from_sophia(
        sophia_turtle::parser::nq::parse_str(nquads)
            .collect_quads()
            .expect("test N-Quads parse"),
    )
}

/// Writes, reads back, and checks the graph is the same; returns the RDF/XML.
fn round_trip(nquads: &str) -> String {
    let original = dataset(nquads);
    let xml = dataset_to_rdf_xml(&original).expect("writes");
    let read = rdf_xml_to_dataset(xml.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    assert_eq!(
        canonical_nquads(&read).expect("canonical"),
        canonical_nquads(&original).expect("canonical"),
        "the graph changed:\n{xml}"
    );
    xml
}

fn write_code(nquads: &str) -> &'static str {
    match dataset_to_rdf_xml(&dataset(nquads)) {
        Ok(xml) => panic!("expected an error, got\n{xml}"),
        Err(e) => e.code(),
    }
}

#[test]
fn text_and_attributes_are_escaped() {
    let xml = round_trip(
        r#"<urn:a?x=1&y=2> <http://example.org/p> "a < b && c > d \"quoted\" 'single'" .
<urn:a?x=1&y=2> <http://example.org/p> "  spaces kept  " .
<urn:a?x=1&y=2> <http://example.org/p> "" .
<urn:a?x=1&y=2> <http://example.org/p> "line\r\nbreaks\tand tabs\n" .
<urn:a?x=1&y=2> <http://example.org/p> "]]> <!-- not a comment --> &amp;"@en-GB .
<urn:a?x=1&y=2> <http://example.org/p> "Ελληνικά 日本語 🎓" .
<urn:a?x=1&y=2> <http://example.org/q> "2"^^<http://example.org/dt?a=1&b='2'> .
"#,
    );
    assert!(xml.contains("rdf:about=\"urn:a?x=1&amp;y=2\""), "{xml}");
    assert!(
        xml.contains("&#13;"),
        "a carriage return survives XML line-end handling"
    );
}

#[test]
fn characters_xml_cannot_carry_are_refused() {
    let err = dataset_to_rdf_xml(&dataset(
        "<urn:a> <http://example.org/secretProperty> \"bell\\u0007 Jane\" .\n",
    ))
    .unwrap_err();
    assert_eq!(err.code(), "xml.unrepresentable");
    assert!(
        err.to_string()
            .contains("http://example.org/secretProperty")
    );
    assert!(!err.to_string().contains("Jane"), "{err}");
}

#[test]
fn predicates_that_are_not_xml_names_are_refused() {
    assert_eq!(
        write_code("<urn:a> <http://example.org/123> \"x\" .\n"),
        "xml.unrepresentable"
    );
    assert_eq!(
        write_code("<urn:a> <http://example.org/> \"x\" .\n"),
        "xml.unrepresentable"
    );
    assert_eq!(
        write_code("<urn:a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#li> \"x\" .\n"),
        "xml.unrepresentable"
    );
    assert_eq!(
        write_code("<urn:a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#about> \"x\" .\n"),
        "xml.unrepresentable"
    );
    // A name can start after the digits.
    round_trip("<urn:a> <http://example.org/123abc> \"x\" .\n");
}

#[test]
fn named_graphs_are_refused() {
    assert_eq!(
        write_code("<urn:a> <http://example.org/p> \"x\" <urn:g> .\n"),
        "xml.named_graphs"
    );
}

#[test]
fn prefixes_known_and_generated() {
    let xml = round_trip(
        "<urn:a> <http://data.europa.eu/m8glatitude> \"1.5\" .\n\
         <urn:a> <http://xmlns.com/foaf/0.1/givenName> \"A\"@en .\n\
         <urn:a> <http://example.org/one#p> \"x\" .\n\
         <urn:a> <http://example.org/two/p> \"y\" .\n",
    );
    assert!(
        xml.contains("xmlns:clv=\"http://data.europa.eu/m8g\""),
        "{xml}"
    );
    assert!(xml.contains("<clv:latitude>1.5</clv:latitude>"), "{xml}");
    assert!(xml.contains("<foaf:givenName xml:lang=\"en\">A</foaf:givenName>"));
    assert!(
        xml.contains("xmlns:ns1=\"http://example.org/one#\""),
        "{xml}"
    );
    assert!(
        xml.contains("xmlns:ns2=\"http://example.org/two/\""),
        "{xml}"
    );
}

#[test]
fn types_become_element_names() {
    let xml = round_trip(
        "<urn:a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://data.europa.eu/snb/model/elm/Person> .\n\
         <urn:a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/Human> .\n\
         <urn:b> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/123> .\n\
         <urn:c> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/1999/02/22-rdf-syntax-ns#Description> .\n",
    );
    assert!(
        xml.contains("<elm:Person rdf:about=\"urn:a\">"),
        "an ELM class wins:\n{xml}"
    );
    assert!(xml.contains("<rdf:type rdf:resource=\"http://example.org/Human\"/>"));
    assert!(
        xml.contains("<rdf:Description rdf:about=\"urn:b\">"),
        "{xml}"
    );
    assert!(
        xml.contains("<rdf:Description rdf:about=\"urn:c\">"),
        "{xml}"
    );
}

#[test]
fn blank_nodes_nested_shared_and_in_cycles() {
    let xml = round_trip(
        "<urn:a> <http://example.org/single> _:s .\n\
         _:s <http://example.org/v> \"nested\" .\n\
         <urn:a> <http://example.org/shared> _:t .\n\
         <urn:b> <http://example.org/shared> _:t .\n\
         _:t <http://example.org/v> \"shared\" .\n\
         _:c1 <http://example.org/next> _:c2 .\n\
         _:c2 <http://example.org/next> _:c1 .\n\
         _:self <http://example.org/me> _:self .\n\
         <urn:a> <http://example.org/empty> _:e .\n",
    );
    assert!(xml.contains("rdf:nodeID="), "{xml}");
    // The singly referenced blank node is nested without an id.
    let single = xml.find("<ns1:single>").expect("nested");
    assert!(
        xml[single..].starts_with("<ns1:single>\n      <rdf:Description>\n"),
        "{xml}"
    );
}

#[test]
fn a_long_chain_stays_within_the_readers_depth_limit() {
    let mut nquads = String::new();
    for i in 0..200 {
        nquads += &format!(
            "<urn:n:{i}> <http://example.org/next> <urn:n:{}> .\n",
            i + 1
        );
    }
    nquads += "<urn:n:200> <http://example.org/v> \"end\" .\n";
    round_trip(&nquads);
}

#[test]
fn literals_keep_datatype_and_language() {
    let xml = round_trip(
        "<urn:a> <http://example.org/n> \"01\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n\
         <urn:a> <http://example.org/s> \"plain\"^^<http://www.w3.org/2001/XMLSchema#string> .\n\
         <urn:a> <http://example.org/l> \"hallo\"@de-AT .\n\
         <urn:a> <http://example.org/x> \"<b>bold</b>\"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral> .\n",
    );
    assert!(
        xml.contains("<ns1:s>plain</ns1:s>"),
        "xsd:string has no attribute:\n{xml}"
    );
    assert!(xml.contains("rdf:datatype=\"http://www.w3.org/2001/XMLSchema#integer\">01<"));
}

#[test]
fn an_empty_dataset_is_an_empty_document() {
    let xml = round_trip("");
    assert!(xml.contains("<rdf:RDF"), "{xml}");
}
