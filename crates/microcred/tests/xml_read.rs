//! The RDF/XML reader on hostile and broken input: every refusal has its code, nothing panics,
//! nothing is expanded or fetched, and messages carry no document text.

mod shared;

use microcred::xml::{Limits, Reader, XmlError, from_rdf_xml, rdf_xml_to_dataset};

const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

fn read_code(bytes: &[u8]) -> &'static str {
    match rdf_xml_to_dataset(bytes) {
        Ok(_) => panic!("expected an error"),
        Err(e) => e.code(),
    }
}

fn document(body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rdf:RDF xmlns:rdf=\"{RDF}\" xmlns:ex=\"http://example.org/\">\n{body}\n</rdf:RDF>\n"
    )
}

#[test]
fn reads_a_small_document() {
    let xml = document(
        "<ex:Thing rdf:about=\"urn:a\"><ex:name xml:lang=\"en\">A &amp; B</ex:name><ex:n rdf:datatype=\"http://www.w3.org/2001/XMLSchema#integer\">3</ex:n></ex:Thing>",
    );
    let dataset = rdf_xml_to_dataset(xml.as_bytes()).expect("reads");
    assert_eq!(dataset.len(), 3);
}

#[test]
fn billion_laughs_is_refused_before_parsing() {
    let mut dtd = String::from("<!DOCTYPE rdf:RDF [\n<!ENTITY lol \"lol\">\n");
    for i in 1..10 {
        let previous = if i == 1 {
            "lol".to_owned()
        } else {
            format!("lol{}", i - 1)
        };
        dtd += &format!(
            "<!ENTITY lol{i} \"{}\">\n",
            format!("&{previous};").repeat(10)
        );
    }
    dtd += "]>\n";
    let xml = format!(
        "<?xml version=\"1.0\"?>\n{dtd}<rdf:RDF xmlns:rdf=\"{RDF}\" xmlns:ex=\"http://example.org/\"><ex:T rdf:about=\"urn:a\"><ex:p>&lol9;</ex:p></ex:T></rdf:RDF>"
    );
    let err = rdf_xml_to_dataset(xml.as_bytes()).unwrap_err();
    assert_eq!(err.code(), "xml.dtd_forbidden");
    assert_eq!(err, XmlError::DtdForbidden { line: 2 });
}

#[test]
fn external_entities_are_refused() {
    let xml = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE r [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n<rdf:RDF xmlns:rdf=\"{RDF}\" xmlns:ex=\"http://example.org/\"><ex:T rdf:about=\"urn:a\"><ex:p>&xxe;</ex:p></ex:T></rdf:RDF>"
    );
    assert_eq!(read_code(xml.as_bytes()), "xml.dtd_forbidden");
    // A bare DOCTYPE, an entity declaration without one, any case, inside a comment.
    for sneaky in [
        "<!DOCTYPE rdf:RDF SYSTEM \"http://example.org/evil.dtd\">",
        "<!ENTITY e \"x\">",
        "<!doctype rdf:RDF>",
        "<!-- <!ENTITY e \"x\"> -->",
    ] {
        let xml = format!("<?xml version=\"1.0\"?>\n{sneaky}\n{}", document(""));
        assert_eq!(read_code(xml.as_bytes()), "xml.dtd_forbidden", "{sneaky}");
    }
}

#[test]
fn truncated_and_malformed_xml() {
    let full = document("<ex:T rdf:about=\"urn:a\"><ex:p>text</ex:p></ex:T>");
    for cut in [10, 60, full.len() / 2, full.len() - 3] {
        let code = read_code(&full.as_bytes()[..cut]);
        assert!(
            code == "xml.syntax" || code == "xml.not_rdf",
            "cut at {cut}: {code}"
        );
    }
    assert_eq!(
        read_code(document("<ex:T rdf:about=\"urn:a\"></ex:U>").as_bytes()),
        "xml.syntax"
    );
    let err = rdf_xml_to_dataset(b"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n  <a b=></a>\n</rdf:RDF>").unwrap_err();
    assert!(matches!(err, XmlError::Syntax { line: 2, .. }), "{err:?}");
    assert_eq!(read_code(b""), "xml.not_rdf");
    assert_eq!(read_code(b"\xff\xfe<\x00"), "xml.encoding");
}

#[test]
fn not_rdf_xml() {
    assert_eq!(read_code(b"<html><body>hello</body></html>"), "xml.not_rdf");
    assert_eq!(read_code(b"{\"@context\": []}"), "xml.not_rdf");
    // rdf:RDF must be the root, not somewhere inside.
    let inner = format!(
        "<wrapper>{}</wrapper>",
        document("").replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "")
    );
    assert_eq!(read_code(inner.as_bytes()), "xml.not_rdf");
}

#[test]
fn legacy_edci_xml_is_not_rdf_xml() {
    let Some(dir) = shared::shared_dir() else {
        eprintln!("skipped: ../shared is absent");
        return;
    };
    let legacy = dir.join("upstream/edc-github-legacy-xml");
    let mut checked = 0;
    for entry in walk(&legacy) {
        if entry.extension().is_some_and(|e| e == "xml") {
            let bytes = std::fs::read(&entry).expect("readable");
            let code = read_code(&bytes);
            assert!(
                matches!(code, "xml.not_rdf" | "xml.dtd_forbidden"),
                "{}: {code}",
                entry.display()
            );
            checked += 1;
        }
    }
    eprintln!("{checked} legacy EDCI XML files refused");
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                out.extend(walk(&path));
            } else {
                out.push(path);
            }
        }
    }
    out
}

#[test]
fn huge_depth_is_refused() {
    let depth = 100_000;
    let mut body = String::new();
    body += "<ex:T rdf:about=\"urn:a\">";
    for _ in 0..depth {
        body += "<ex:p><ex:T>";
    }
    for _ in 0..depth {
        body += "</ex:T></ex:p>";
    }
    body += "</ex:T>";
    let err = rdf_xml_to_dataset(document(&body).as_bytes()).unwrap_err();
    assert_eq!(err.code(), "xml.too_deep");
    assert!(matches!(err, XmlError::TooDeep { limit: 64, .. }));
    // Within a raised limit the same shape reads.
    let mut body = String::from("<ex:T rdf:about=\"urn:a\">");
    body += &"<ex:p><ex:T>".repeat(40);
    body += &"</ex:T></ex:p>".repeat(40);
    body += "</ex:T>";
    let xml = document(&body);
    assert_eq!(read_code(xml.as_bytes()), "xml.too_deep");
    let reader = Reader::new().with_limits(Limits {
        max_depth: 100,
        ..Limits::default()
    });
    assert_eq!(
        reader.read_dataset(xml.as_bytes()).expect("reads").len(),
        81
    );
}

#[test]
fn size_limit() {
    let xml = document(&"<ex:T rdf:about=\"urn:a\"/>".repeat(100));
    let reader = Reader::new().with_limits(Limits {
        max_bytes: 1000,
        ..Limits::default()
    });
    let err = reader.read_dataset(xml.as_bytes()).unwrap_err();
    assert_eq!(err.code(), "xml.too_large");
}

#[test]
fn rdf_grammar_errors_do_not_quote_the_document() {
    // Text directly under rdf:RDF is not RDF/XML; the parser's own message would quote it.
    let xml = document("Jane Secret-Name 1999-10-01");
    let err = rdf_xml_to_dataset(xml.as_bytes()).unwrap_err();
    assert_eq!(err.code(), "xml.invalid_rdf");
    assert!(!err.to_string().contains("Secret"), "{err}");
    // A relative IRI with no base.
    let xml = document("<ex:T rdf:about=\"secret/relative\"/>");
    let err = rdf_xml_to_dataset(xml.as_bytes()).unwrap_err();
    assert_eq!(err.code(), "xml.invalid_rdf");
    assert!(!err.to_string().contains("secret"), "{err}");
}

#[test]
fn a_graph_without_a_credential() {
    let xml = document("<ex:T rdf:about=\"urn:a\"><ex:p>x</ex:p></ex:T>");
    let err = from_rdf_xml(xml.as_bytes()).unwrap_err();
    assert_eq!(err.code(), "rdf.graph.no_credential");
}

#[test]
fn arbitrary_bytes_never_panic() {
    use proptest::prelude::*;
    let seed = document(
        "<ex:T rdf:about=\"urn:a\"><ex:p xml:lang=\"en\">x</ex:p><ex:q rdf:resource=\"urn:b\"/><ex:r rdf:parseType=\"Resource\"><ex:s>1</ex:s></ex:r></ex:T>",
    );
    proptest!(ProptestConfig::with_cases(512), |(cut in 0..seed.len(), noise in proptest::collection::vec(any::<u8>(), 0..8), at in 0..seed.len())| {
        let mut bytes = seed.as_bytes()[..cut].to_vec();
        let at = at.min(bytes.len());
        bytes.splice(at..at, noise);
        let _ = rdf_xml_to_dataset(&bytes);
        let _ = from_rdf_xml(&bytes);
    });
}

#[test]
fn characters_xml_1_0_has_no_place_for() {
    for bad in [
        "<ex:T rdf:about=\"urn:a\"><ex:p>bell\u{7}</ex:p></ex:T>",
        "<ex:T rdf:about=\"urn:a\"><ex:p>nul\u{0}</ex:p></ex:T>",
        "<ex:T rdf:about=\"urn:a\"><ex:p>\u{FFFE}</ex:p></ex:T>",
        "<ex:T rdf:about=\"urn:a\"><ex:p>ref &#0; here</ex:p></ex:T>",
        "<ex:T rdf:about=\"urn:a\"><ex:p>ref &#x1B;</ex:p></ex:T>",
        "<ex:T rdf:about=\"urn:a\"><ex:p>ref &#xFFFF;</ex:p></ex:T>",
        "<ex:T rdf:about=\"urn:a\" ex:q=\"&#x8;\"/>",
    ] {
        assert_eq!(read_code(document(bad).as_bytes()), "xml.syntax", "{bad:?}");
    }
    // Tabs, line ends and their references are fine, and so is a UTF-8 byte order mark.
    let fine =
        document("<ex:T rdf:about=\"urn:a\"><ex:p>tab\t&#9;&#xA;&#13;&#x1F393;</ex:p></ex:T>");
    rdf_xml_to_dataset(fine.as_bytes()).expect("reads");
    let with_bom = format!("\u{FEFF}{fine}");
    rdf_xml_to_dataset(with_bom.as_bytes()).expect("a BOM is fine");
}

#[test]
fn element_and_attribute_names_must_be_xml_names() {
    for bad in [
        "<ex:T rdf:about=\"urn:a\"><ex:bad+name>x</ex:bad+name></ex:T>",
        "<ex:T rdf:about=\"urn:a\"><ex:1st>x</ex:1st></ex:T>",
        "<ex:T rdf:about=\"urn:a\"><ex:a:b>x</ex:a:b></ex:T>",
        "<ex:T rdf:about=\"urn:a\" ex:q+=\"x\"/>",
    ] {
        assert_eq!(read_code(document(bad).as_bytes()), "xml.syntax", "{bad:?}");
    }
    let fine = document("<ex:T rdf:about=\"urn:a\"><ex:é-name_1.x>x</ex:é-name_1.x></ex:T>");
    rdf_xml_to_dataset(fine.as_bytes()).expect("reads");
}

#[test]
fn blank_node_labels_must_suit_the_dataset() {
    for bad in ["x.", "1a b", "a&amp;b", ""] {
        let xml = document(&format!(
            "<ex:T rdf:about=\"urn:a\"><ex:p rdf:nodeID=\"{bad}\"/></ex:T>"
        ));
        assert_eq!(read_code(xml.as_bytes()), "xml.syntax", "{bad:?}");
    }
    let xml = document("<ex:T rdf:nodeID=\"b.1\"><ex:p rdf:nodeID=\"b.1\"/></ex:T>");
    rdf_xml_to_dataset(xml.as_bytes()).expect("reads");
}
