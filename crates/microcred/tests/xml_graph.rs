//! Graph → typed model (`rdf::from_dataset`) on small hand-written graphs: what comes back, and
//! what is refused with which code.

use microcred::rdf::{Dataset, GraphLimits, from_dataset, from_dataset_with};
use microcred::terms;
use sophia_api::source::QuadSource;

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const XSD: &str = "http://www.w3.org/2001/XMLSchema#";

fn iri(term: &str) -> &'static str {
    terms::by_name(term)
        .unwrap_or_else(|| panic!("no term {term}"))
        .iri
}

fn class(name: &str) -> &'static str {
    terms::CLASSES
        .iter()
        .find(|(n, _)| *n == name)
        .unwrap_or_else(|| panic!("no class {name}"))
        .1
}

fn dataset(nquads: &str) -> Dataset {
    Dataset::from_sophia(
        sophia_turtle::parser::nq::parse_str(nquads)
            .collect_quads()
            .expect("test N-Quads parse"),
    )
}

/// A minimal credential with a subject, in N-Quads, followed by `more`.
fn credential(more: &str) -> Dataset {
    let text = format!(
        "<urn:credential:1> <{RDF_TYPE}> <https://www.w3.org/2018/credentials#VerifiableCredential> .\n\
         <urn:credential:1> <{RDF_TYPE}> <{edc}> .\n\
         <urn:credential:1> <{subject}> <urn:epass:person:1> .\n\
         <urn:credential:1> <{issued}> \"2024-03-01T10:00:00Z\"^^<{XSD}dateTime> .\n\
         <urn:epass:person:1> <{RDF_TYPE}> <{person}> .\n\
         <urn:epass:person:1> <{given}> \"Ada\"@en .\n\
         <urn:epass:person:1> <{given}> \"Ada\"@fr .\n\
         {more}",
        edc = class("EuropeanDigitalCredential"),
        subject = iri("credentialSubject"),
        issued = iri("issued"),
        person = class("Person"),
        given = iri("givenName"),
    );
    dataset(&text)
}

fn code(
    result: Result<microcred::EuropeanDigitalCredential, microcred::rdf::GraphError>,
) -> &'static str {
    match result {
        Ok(_) => panic!("expected an error"),
        Err(e) => e.code(),
    }
}

#[test]
fn rebuilds_a_minimal_credential() {
    let credential = from_dataset(&credential("")).expect("reads");
    assert_eq!(credential.id.as_deref(), Some("urn:credential:1"));
    assert!(
        credential.types.is_empty(),
        "the credential's own two types, in order"
    );
    assert_eq!(
        credential.context,
        microcred::model::EDC_CONTEXT.map(str::to_owned).to_vec()
    );
    assert_eq!(
        credential.issued.as_ref().map(|d| d.as_str()),
        Some("2024-03-01T10:00:00Z")
    );
    let person = credential.credential_subject.expect("subject");
    assert_eq!(person.id.as_deref(), Some("urn:epass:person:1"));
    assert_eq!(person.given_name.get("en"), Some("Ada"));
    assert_eq!(person.given_name.get("fr"), Some("Ada"));
}

#[test]
fn unknown_predicates_keep_their_iri_in_extra() {
    let more = format!(
        "<urn:epass:person:1> <http://example.org/shoeSize> \"43\"^^<{XSD}integer> .\n\
         <urn:epass:person:1> <http://example.org/nick> \"Countess\" .\n\
         <urn:epass:person:1> <http://example.org/friend> <urn:epass:person:2> .\n\
         <urn:epass:person:2> <{given}> \"Charles\"@en .\n",
        given = iri("givenName")
    );
    let person = from_dataset(&credential(&more))
        .expect("reads")
        .credential_subject
        .expect("subject");
    assert_eq!(
        person.extra["http://example.org/shoeSize"],
        serde_json::json!({"@value": "43", "@type": format!("{XSD}integer")})
    );
    assert_eq!(person.extra["http://example.org/nick"], "Countess");
    assert_eq!(
        person.extra["http://example.org/friend"],
        serde_json::json!({"id": "urn:epass:person:2", "givenName": {"en": "Charles"}})
    );
}

#[test]
fn several_values_are_sorted_arrays() {
    let more = format!(
        "<urn:epass:person:1> <{cp}> <urn:epass:contactPoint:2> .\n\
         <urn:epass:person:1> <{cp}> <urn:epass:contactPoint:1> .\n\
         <urn:epass:contactPoint:1> <{RDF_TYPE}> <{class}> .\n\
         <urn:epass:contactPoint:2> <{RDF_TYPE}> <{class}> .\n\
         <urn:epass:person:1> <{given}> \"Augusta\"@en .\n",
        cp = iri("contactPoint"),
        class = class("ContactPoint"),
        given = iri("givenName"),
    );
    let person = from_dataset(&credential(&more))
        .expect("reads")
        .credential_subject
        .expect("subject");
    let ids: Vec<_> = person
        .contact_point
        .iter()
        .map(|c| c.id.as_deref().unwrap_or_default())
        .collect();
    assert_eq!(
        ids,
        ["urn:epass:contactPoint:1", "urn:epass:contactPoint:2"]
    );
    assert_eq!(person.given_name.0["en"], ["Ada", "Augusta"]);
}

#[test]
fn numbers_and_booleans_become_json_values() {
    let more = format!(
        "<urn:credential:1> <{dp}> <urn:epass:displayParameter:1> .\n\
         <urn:epass:displayParameter:1> <{id}> <urn:epass:individualDisplay:1> .\n\
         <urn:epass:individualDisplay:1> <{dd}> <urn:epass:displayDetail:1> .\n\
         <urn:epass:displayDetail:1> <{page}> \"2\"^^<{XSD}positiveInteger> .\n",
        dp = iri("displayParameter"),
        id = iri("individualDisplay"),
        dd = iri("displayDetail"),
        page = iri("page"),
    );
    let credential = from_dataset(&credential(&more)).expect("reads");
    let display = credential.display_parameter.expect("display");
    assert_eq!(
        display.individual_display[0].display_detail[0].page,
        Some(2)
    );
}

#[test]
fn an_untagged_string_in_a_language_map_goes_under_none() {
    let more = format!(
        "<urn:epass:person:1> <{family}> \"Lovelace\" .\n",
        family = iri("familyName")
    );
    let person = from_dataset(&credential(&more))
        .expect("reads")
        .credential_subject
        .expect("subject");
    assert_eq!(person.family_name.get("@none"), Some("Lovelace"));
}

#[test]
fn no_credential_and_several_credentials() {
    let text = format!("<urn:x> <{RDF_TYPE}> <{}> .\n", class("Person"));
    assert_eq!(
        code(from_dataset(&dataset(&text))),
        "rdf.graph.no_credential"
    );
    assert_eq!(
        code(from_dataset(&Dataset::new())),
        "rdf.graph.no_credential"
    );
    let more = format!(
        "<urn:credential:2> <{RDF_TYPE}> <{}> .\n",
        class("EuropeanDigitalCredential")
    );
    assert_eq!(
        code(from_dataset(&credential(&more))),
        "rdf.graph.several_credentials"
    );
}

#[test]
fn literals_that_do_not_fit_their_term_are_refused() {
    // Another datatype than the term declares.
    let more = format!(
        "<urn:credential:1> <{}> \"2024-03-01\"^^<{XSD}date> .\n",
        iri("validFrom")
    );
    let err = from_dataset(&credential(&more)).unwrap_err();
    assert_eq!(err.code(), "rdf.graph.invalid_literal");
    assert!(err.to_string().contains(iri("validFrom")), "{err}");
    assert!(
        !err.to_string().contains("2024-03-01"),
        "no values in messages: {err}"
    );
    // A non-canonical integer where the model reads a number.
    let more = format!(
        "<urn:credential:1> <{dp}> <urn:epass:dp:1> .\n\
         <urn:epass:dp:1> <{id}> <urn:epass:id:1> .\n\
         <urn:epass:id:1> <{dd}> <urn:epass:dd:1> .\n\
         <urn:epass:dd:1> <{page}> \"01\"^^<{XSD}positiveInteger> .\n",
        dp = iri("displayParameter"),
        id = iri("individualDisplay"),
        dd = iri("displayDetail"),
        page = iri("page"),
    );
    assert_eq!(
        code(from_dataset(&credential(&more))),
        "rdf.graph.invalid_literal"
    );
    // A literal where a node belongs, a node where a literal belongs.
    let more = format!("<urn:epass:person:1> <{}> \"x\" .\n", iri("contactPoint"));
    assert_eq!(
        code(from_dataset(&credential(&more))),
        "rdf.graph.invalid_literal"
    );
    let more = format!("<urn:epass:person:1> <{}> <urn:x> .\n", iri("givenName"));
    assert_eq!(
        code(from_dataset(&credential(&more))),
        "rdf.graph.unexpected_node"
    );
}

/// As in JSON, a value that does not fit the model is kept and the profile check names it.
#[test]
fn an_invalid_date_is_kept_and_reported_with_a_path() {
    let more = format!(
        "<urn:epass:person:1> <{}> \"yesterday\"^^<{XSD}dateTime> .\n",
        iri("dateOfBirth")
    );
    let read = from_dataset(&credential(&more)).expect("reads tolerantly");
    let person = read.credential_subject.as_ref().expect("subject");
    assert!(person.date_of_birth.is_none());
    assert_eq!(person.extra["dateOfBirth"], "yesterday");
    let finding = microcred::profile::check_edc(&read)
        .into_iter()
        .find(|f| f.code == "edc.invalid_value")
        .expect("reported");
    assert_eq!(finding.path, "$.credentialSubject.dateOfBirth");
    assert!(!finding.to_string().contains("yesterday"), "{finding}");
}

#[test]
fn unreachable_triples_are_reported() {
    let more = format!("<urn:elsewhere> <{}> \"Bob\"@en .\n", iri("givenName"));
    let err = from_dataset(&credential(&more)).unwrap_err();
    assert_eq!(err.code(), "rdf.graph.unreachable");
    assert!(err.to_string().contains(iri("givenName")), "{err}");
    // A named graph that is not a proof.
    let more = "<urn:a> <http://example.org/p> <urn:b> <urn:graph> .\n";
    assert_eq!(
        code(from_dataset(&credential(more))),
        "rdf.graph.unreachable"
    );
}

#[test]
fn cycles_end_in_a_reference() {
    // Two achievements that are part of each other.
    let more = format!(
        "<urn:epass:person:1> <{claim}> <urn:epass:la:1> .\n\
         <urn:epass:la:1> <{RDF_TYPE}> <{la}> .\n\
         <urn:epass:la:1> <{part}> <urn:epass:la:2> .\n\
         <urn:epass:la:2> <{RDF_TYPE}> <{la}> .\n\
         <urn:epass:la:2> <{part_of}> <urn:epass:la:1> .\n\
         <urn:epass:la:2> <{title}> \"Part\"@en .\n",
        claim = iri("hasClaim"),
        la = class("LearningAchievement"),
        part = iri("hasPart"),
        part_of = iri("isPartOf"),
        title = iri("title"),
    );
    let credential = from_dataset(&credential(&more)).expect("a cycle reads");
    let json = microcred::json::to_value(&credential);
    let claim = &json["credentialSubject"]["hasClaim"];
    assert_eq!(claim["id"], "urn:epass:la:1");
    assert_eq!(claim["hasPart"]["title"]["en"], "Part");
    let back = &claim["hasPart"]["isPartOf"];
    assert_eq!(back["id"], "urn:epass:la:1");
    assert!(
        back.get("hasPart").is_none(),
        "the way back is a reference: {back}"
    );
}

#[test]
fn shared_blank_nodes_get_ids_and_single_ones_do_not() {
    let more = format!(
        "<urn:epass:person:1> <http://example.org/a> _:shared .\n\
         <urn:epass:person:1> <http://example.org/b> _:shared .\n\
         <urn:epass:person:1> <http://example.org/c> _:single .\n\
         _:shared <{given}> \"S\"@en .\n\
         _:single <{given}> \"T\"@en .\n",
        given = iri("givenName"),
    );
    let person = from_dataset(&credential(&more))
        .expect("reads")
        .credential_subject
        .expect("subject");
    assert_eq!(person.extra["http://example.org/a"]["id"], "_:b0");
    assert_eq!(person.extra["http://example.org/b"]["id"], "_:b0");
    assert!(person.extra["http://example.org/c"].get("id").is_none());
}

#[test]
fn the_json_does_not_depend_on_blank_node_labels() {
    let make = |x: &str, y: &str| {
        credential(&format!(
            "<urn:epass:person:1> <http://example.org/p> _:{x} .\n\
             <urn:epass:person:1> <http://example.org/p> _:{y} .\n\
             <urn:epass:person:1> <http://example.org/q> _:{x} .\n\
             _:{x} <http://example.org/v> \"1\" .\n\
             _:{y} <http://example.org/v> \"2\" .\n"
        ))
    };
    let one = from_dataset(&make("a", "z")).expect("reads");
    let two = from_dataset(&make("z", "a")).expect("reads");
    assert_eq!(one, two);
}

#[test]
fn fan_out_and_depth_are_limited() {
    // Each node references the next twice: embedding everywhere doubles at each level.
    let mut more = String::from("<urn:epass:person:1> <http://example.org/p> <urn:n:0> .\n");
    for i in 0..25 {
        more += &format!(
            "<urn:n:{i}> <http://example.org/a> <urn:n:{n}> .\n<urn:n:{i}> <http://example.org/b> <urn:n:{n}> .\n",
            n = i + 1
        );
    }
    more += "<urn:n:25> <http://example.org/v> \"end\" .\n";
    let bomb = credential(&more);
    assert_eq!(code(from_dataset(&bomb)), "rdf.graph.too_large");
    let deep = GraphLimits {
        max_depth: 8,
        ..GraphLimits::default()
    };
    assert_eq!(code(from_dataset_with(&bomb, deep)), "rdf.graph.too_deep");
}

#[test]
fn iris_json_ld_would_read_as_compact_iris_are_refused() {
    // `elm:` is a prefix of the EDC context: `elm:x` would come back as a different IRI.
    let more = "<urn:epass:person:1> <http://example.org/p> <elm:x> .\n<elm:x> <http://example.org/v> \"1\" .\n";
    assert_eq!(
        code(from_dataset(&credential(more))),
        "rdf.graph.unrepresentable_iri"
    );
}

/// Graph → model → graph keeps the graph for the awkward shapes above.
#[test]
fn awkward_graphs_survive_the_model() {
    let cases = [
        // Unknown predicates with typed, tagged, plain literals and nodes.
        format!(
            "<urn:epass:person:1> <http://example.org/shoeSize> \"43\"^^<{XSD}integer> .\n\
             <urn:epass:person:1> <http://example.org/ratio> \"0.50\"^^<{XSD}decimal> .\n\
             <urn:epass:person:1> <http://example.org/nick> \"Countess\"@en-GB .\n\
             <urn:epass:person:1> <http://example.org/plain> \"x\" .\n\
             <urn:epass:person:1> <http://example.org/friend> <urn:epass:person:2> .\n\
             <urn:epass:person:2> <{given}> \"Charles\"@en .\n\
             <urn:epass:person:1> <http://example.org/bare> <urn:nothing> .\n",
            given = iri("givenName")
        ),
        // A language map with an untagged string.
        format!(
            "<urn:epass:person:1> <{}> \"Lovelace\" .\n",
            iri("familyName")
        ),
        // A cycle through hasPart / isPartOf.
        format!(
            "<urn:epass:person:1> <{claim}> <urn:epass:la:1> .\n\
             <urn:epass:la:1> <{RDF_TYPE}> <{la}> .\n\
             <urn:epass:la:1> <{part}> <urn:epass:la:2> .\n\
             <urn:epass:la:2> <{RDF_TYPE}> <{la}> .\n\
             <urn:epass:la:2> <{part_of}> <urn:epass:la:1> .\n",
            claim = iri("hasClaim"),
            la = class("LearningAchievement"),
            part = iri("hasPart"),
            part_of = iri("isPartOf"),
        ),
        // Shared, single and bare blank nodes, and a blank cycle.
        format!(
            "<urn:epass:person:1> <http://example.org/a> _:shared .\n\
             <urn:epass:person:1> <http://example.org/b> _:shared .\n\
             <urn:epass:person:1> <http://example.org/c> _:single .\n\
             <urn:epass:person:1> <http://example.org/d> _:bare .\n\
             _:shared <{given}> \"S\"@en .\n\
             _:single <http://example.org/loop> _:other .\n\
             _:other <http://example.org/loop> _:single .\n",
            given = iri("givenName"),
        ),
        // Several credit points without ids (identical blank nodes, as in ELM).
        format!(
            "<urn:epass:person:1> <http://example.org/cp> _:x .\n\
             <urn:epass:person:1> <http://example.org/cp> _:y .\n\
             _:x <{point}> \"5\" .\n\
             _:y <{point}> \"5\" .\n",
            point = iri("point"),
        ),
    ];
    for (i, more) in cases.iter().enumerate() {
        let original = credential(more);
        let model = from_dataset(&original).unwrap_or_else(|e| panic!("case {i}: {e}"));
        let again = microcred::rdf::to_dataset(&model).unwrap_or_else(|e| {
            panic!(
                "case {i}: {e}\n{}",
                microcred::json::to_string_pretty(&model)
            )
        });
        assert_eq!(
            microcred::rdf::canonical_nquads(&again).expect("canonical"),
            microcred::rdf::canonical_nquads(&original).expect("canonical"),
            "case {i}:\n{}",
            microcred::json::to_string_pretty(&model)
        );
    }
}

#[test]
fn a_type_that_is_a_literal_is_unsupported() {
    let more = format!("<urn:credential:1> <{RDF_TYPE}> \"EuropeanDigitalCredential\" .\n");
    assert_eq!(
        code(from_dataset(&credential(&more))),
        "rdf.graph.unsupported"
    );
}
