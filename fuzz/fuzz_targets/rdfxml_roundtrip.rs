//! Whatever the RDF/XML reader accepts as a credential must write and read back to an equal
//! model, and nothing may panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    // Any input: no panic, whatever the outcome.
    let _ = microcred::xml::rdf_xml_to_dataset(bytes);
    let Ok(credential) = microcred::xml::from_rdf_xml(bytes) else {
        return;
    };
    let xml = microcred::xml::to_rdf_xml(&credential)
        .expect("a credential read from RDF/XML writes as RDF/XML");
    let again =
        microcred::xml::from_rdf_xml(xml.as_bytes()).expect("the writer's output reads back");
    assert_eq!(again, credential, "read → write → read changed the model");
});
